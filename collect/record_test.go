package collect

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

// The log is the header as of the workstation clock, then each recorded
// output: whether `show clock` ran, was refused or came later than the
// first output, and whatever the last session left reserved. What
// logText returned mid-run stays as it was while the log grows.
func TestLogText(t *testing.T) {
	at := time.Date(2026, 11, 30, 18, 0, 0, 0, time.UTC)
	outputs := map[string]string{snapshot.CmdVersion: "NXOS: version 9.3(5)", snapshot.CmdClock: "10:02:03.004 UTC Tue Mar 14 2023",
		snapshot.CmdRunningConfig: strings.Repeat("interface Ethernet1/1\n  description uplink\n", 40)}
	for _, tc := range []struct {
		name     string
		clock    bool   // show clock is answered and sets the workstation time
		lastSize int64  // the text size the last session left
		refused  string // a command the switch refuses
	}{
		{name: "first host", clock: true},
		{name: "as long as the last", clock: true, lastSize: 2000},
		{name: "longer than the last", clock: true, lastSize: 10},
		{name: "shorter than the last", clock: true, lastSize: 200_000},
		{name: "clock refused", refused: snapshot.CmdClock, lastSize: 2000},
		{name: "no clock"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Collector{opt: Options{Redact: func(s string) string { return s }}}
			c.textSize.Store(tc.lastSize)
			s := &session{c: c, t: Target{Host: "127.0.0.1", Port: 2222}, ctx: context.Background(),
				res: &Result{}, prompt: "sw1#"}
			var body strings.Builder
			var mid, midWant string
			for i, cmd := range []string{snapshot.CmdVersion, snapshot.CmdClock, snapshot.CmdRunningConfig} {
				out := outputs[cmd]
				if cmd == tc.refused {
					out = "% Permission denied for the role"
				} else {
					if cmd == snapshot.CmdClock && tc.clock {
						s.res.WorkstationTime = at
					}
					body.WriteString("sw1# " + cmd + "\n" + strings.TrimRight(out, "\n") + "\n")
				}
				s.record(cmd, out)
				if i == 1 {
					mid = s.logText()
					midWant = capture.CollectedHeader(s.t.String(), s.res.WorkstationTime) + "\n" + body.String()
				}
			}
			s.finishLog()
			if want := capture.CollectedHeader(s.t.String(), s.res.WorkstationTime) + "\n" + body.String(); s.res.Text != want {
				t.Errorf("Text:\n%s\nwant:\n%s", s.res.Text, want)
			}
			if mid != midWant {
				t.Errorf("the mid-run log changed as the log grew:\n%s\nwant:\n%s", mid, midWant)
			}
			if got := c.textSize.Load(); got != int64(len(s.res.Text)) {
				t.Errorf("the next session reserves %d bytes, want %d", got, len(s.res.Text))
			}
		})
	}
}
