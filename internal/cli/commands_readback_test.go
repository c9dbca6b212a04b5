package cli

import (
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

// TestCommandsReadBack: what `slcheck commands` prints, typed at a prompt
// and pasted back, is read as those very commands, each one a section the
// diagnosis reads, and every filtered running-config complete for at least
// one topic (an unquoted '|' inside an include pattern would make it cover
// nothing).
func TestCommandsReadBack(t *testing.T) {
	cmds := customerCommands(snapshot.Path{VRF: "management", Host: "tools.cisco.com", Port: 443})
	var log strings.Builder
	for _, c := range cmds {
		log.WriteString("sw1# " + c + "\noutput line\n")
	}
	cp, err := capture.Read("session.log", strings.NewReader(log.String()), capture.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cp.Devices) != 1 {
		t.Fatalf("%d devices, want 1", len(cp.Devices))
	}
	secs := cp.Devices[0].Sections
	if len(secs) != len(cmds) {
		t.Fatalf("%d sections read back from %d commands", len(secs), len(cmds))
	}
	for i, c := range cmds {
		got := secs[i].Command
		if got != capture.Canonical(c) || capture.Canonical(got) != got {
			t.Errorf("%q read back as %q", c, got)
		}
		if strings.HasPrefix(c, "terminal ") {
			continue // session settings: no output to read
		}
		if keep, _ := snapshot.Select(got); !keep {
			t.Errorf("%q: the diagnosis does not read this command", c)
		}
		if strings.HasPrefix(got, "show running-config") && len(parsers.ConfigCoverage(got)) == 0 {
			t.Errorf("%q (read as %q) is complete for no topic: its absent lines would prove nothing", c, got)
		}
	}
}
