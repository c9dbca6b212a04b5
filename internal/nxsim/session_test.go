package nxsim

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/internal/golden"
)

// slcheckSession is what `slcheck ssh` types at a switch of the
// source-interface scenario, in order (read from Device.Received after a
// run of the binary): each line typed, then Enter once its echo came back.
var slcheckSession = []string{
	"terminal width 511", "terminal length 0", "show version", "show clock", "show running-config",
	"show license status", "show license usage", "show hosts", "show logging logfile | include SMART_LIC",
	"show logging logfile | include CALLHOME", "show crypto ca certificates", "show ip route vrf management",
	"ping tools.cisco.com vrf management count 2", "telnet tools.cisco.com 443 vrf management",
}

// writes records each Write as one entry: for a device on SSH, each is
// one packet (term.flush writes once per chunk of input or before the
// device waits).
type writes struct{ got [][]byte }

func (w *writes) Write(p []byte) (int, error) {
	w.got = append(w.got, bytes.Clone(p))
	return len(p), nil
}

// TestShellWrites holds what the shell writes, and in which writes, for
// the input chunks of a session: slcheck's session on the fleet's scenario
// (each command typed, then Enter once its echo came, as slcheck does),
// and a paged, mistyped and configuring one. A change meant to save the
// fake fleet CPU must leave every byte and every write boundary as it is
// (the echo of Enter goes out alone, before the delay, as a switch sends
// it before running the command): testdata/shell-*.txt, one quoted write a
// line, `go test ./internal/nxsim -update` rewrites them.
func TestShellWrites(t *testing.T) {
	sc, err := BundledScenario("source-interface")
	if err != nil {
		t.Fatal(err)
	}
	var slcheck []string
	for _, cmd := range slcheckSession {
		slcheck = append(slcheck, cmd, "\r")
	}
	slcheck = append(slcheck, "\x1d", "quit", "\r", "exit", "\r")
	// The delay only makes the shell flush before it waits; a nanosecond
	// keeps the test fast, and what is written does not depend on it.
	delay := Faults{Delay: time.Nanosecond}
	for _, tc := range []struct {
		name   string
		faults Faults
		chunks []string
	}{
		{"slcheck", delay, slcheck},
		{"paged", Faults{Delay: time.Nanosecond, PageLength: 7, TerminalLength: "ignore"}, []string{
			"terminal length 0", "\r", "show running-config", "\r", " ", "x", " ", "\r", "q",
			"show version\r", "show  clock \r\n", "", "\r", "show nothing", "\r",
			"conf", "\r", "feature ssh\rend\r", "show hosts", "\r", "q", "exit\r"}},
		{"noecho", Faults{NoEcho: true, Prompt: "switch% "}, []string{
			"show clock", "\r", "show version\rexit\r"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Config{Hostname: sc.Hostname, Outputs: sc.Outputs, Faults: tc.faults}
			in, typed := io.Pipe()
			out := &writes{}
			done := make(chan struct{})
			go func() {
				defer close(done)
				Shell(cfg, in, out)
				in.Close()
			}()
			for _, c := range tc.chunks {
				// A pipe's Write returns once the shell has read all of it
				// (in one Read: its buffer is larger than any chunk).
				if _, err := io.WriteString(typed, c); err != nil {
					break
				}
			}
			typed.Close()
			<-done
			var b bytes.Buffer
			for _, w := range out.got {
				fmt.Fprintf(&b, "%s\n", strconv.Quote(string(w)))
			}
			file := filepath.Join("testdata", "shell-"+tc.name+".txt")
			if *golden.Update {
				if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("writes differ from %s (go test ./internal/nxsim -update, then review the diff):\n%s", file, b.Bytes())
			}
		})
	}
}

// TestCommand holds command to what the shell ran before it: the words of
// the typed line (strings.Fields) joined by one space.
func TestCommand(t *testing.T) {
	for _, typed := range []string{
		"", " ", "show version", "show  version", " show version", "show version ", "show\tversion",
		"show\vversion\f", "show version\x1d", "show\u00a0version", "show\u0085version", "show\u2003 version",
		"sh\xffow", "a", "a b c d", "a  b", "\x00", "show logging logfile | include SMART_LIC",
	} {
		if got, want := command([]byte(typed)), strings.Join(strings.Fields(typed), " "); got != want {
			t.Errorf("command(%q) = %q, want %q", typed, got, want)
		}
	}
}
