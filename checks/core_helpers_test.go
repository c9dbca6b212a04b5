package checks

import (
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
	"github.com/slcheck/slcheck/snapshot"
)

// snapOf builds a snapshot through the real parsers from command outputs:
// pairs of canonical command and text.
func snapOf(t *testing.T, pairs ...string) *snapshot.Snapshot {
	t.Helper()
	dev := &capture.Device{Source: "t.txt", Format: "terminal"}
	n := 1
	for i := 0; i+1 < len(pairs); i += 2 {
		sec := &capture.Section{Command: pairs[i], Typed: pairs[i], Source: "t.txt", Line: n}
		n++
		for _, l := range strings.Split(pairs[i+1], "\n") {
			sec.Lines = append(sec.Lines, capture.Line{N: n, Text: l})
			n++
		}
		dev.Sections = append(dev.Sections, sec)
	}
	return snapshot.Build(dev)
}

// callhomeCfg is a `show running-config callhome` output with body as the
// lines under `callhome`.
func callhomeCfg(body ...string) string {
	return "!Command: show running-config callhome\n!Time: Wed Jun 22 16:16:28 2022\n\nversion 9.3(4) Bios:version 07.67\ncallhome\n  " +
		strings.Join(body, "\n  ")
}

const tacHTTPS = "destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService"

// run runs one registered check.
func run(t *testing.T, id string, s *snapshot.Snapshot) Result {
	t.Helper()
	c, ok := Lookup(id)
	if !ok {
		t.Fatalf("%s not registered", id)
	}
	return c.Judge(s)
}

// wantSays asserts a status and that the message or the skip reason holds
// each of says; it stops the test on another status.
func wantSays(t *testing.T, r Result, st Status, says []string) {
	t.Helper()
	text := r.Message + " | " + r.Reason
	if r.Status != st {
		t.Fatalf("%s: status %s, want %s: %s", r.ID, r.Status, st, text)
	}
	for _, w := range says {
		if !strings.Contains(text, w) {
			t.Errorf("%q not in %q", w, text)
		}
	}
}

// want asserts a status and, for skips, the start of the reason.
func want(t *testing.T, r Result, st Status, reasonPrefix string) {
	t.Helper()
	if r.Status != st {
		t.Fatalf("%s: status %s (%s%s), want %s", r.ID, r.Status, r.Message, r.Reason, st)
	}
	if st == Skipped && !strings.HasPrefix(r.Reason, reasonPrefix) {
		t.Errorf("%s: reason %q, want prefix %q", r.ID, r.Reason, reasonPrefix)
	}
	if st == Fail && (r.Remedy == nil || len(r.Evidence) == 0) {
		t.Errorf("%s: fail without remedy or evidence", r.ID)
	}
}
