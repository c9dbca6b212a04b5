package collect

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/internal/nxsim"
)

// Hostile switches: an endless output fails the host at the limit, per
// command or per session; a switch that leaves exec mode or echoes
// another line than the one typed fails the host at once, saying so,
// and nothing more is typed (not even exit).
func TestHostileSwitch(t *testing.T) {
	cases := []struct {
		name   string
		faults nxsim.Faults
		tweak  func(*Options)
		kind   FailureKind
		msg    string
		// last is the last line the switch may have received.
		last string
	}{
		{name: "endless output, command limit", faults: nxsim.Faults{Endless: "show clock"},
			tweak: func(o *Options) { o.MaxCommandOutput, o.CommandTimeout = 1<<20, 30*time.Second },
			kind:  KindOutputLimit, msg: "output exceeds 1 MiB (--max-command-output) during `show clock`", last: "show clock"},
		{name: "endless output, session limit", faults: nxsim.Faults{Endless: "show running-config"},
			tweak: func(o *Options) { o.MaxCommandOutput, o.MaxHostOutput, o.CommandTimeout = 4<<20, 1<<20, 30*time.Second },
			kind:  KindOutputLimit, msg: "the session's output exceeds 1 MiB (--max-host-output)", last: "show running-config"},
		// At 3.2 MB/s at most, the session's limit (256 MiB) cannot come
		// before the timeout however fast the machine.
		{name: "endless output, timeout first", faults: nxsim.Faults{Endless: "show clock", EndlessPace: 10 * time.Millisecond},
			tweak: func(o *Options) { o.MaxCommandOutput, o.CommandTimeout = 1<<40, 5*time.Second },
			kind:  KindTimeout, msg: "without its prompt coming back (an endless output? --max-command-output bounds it)", last: "show clock"},
		{name: "config prompt", faults: nxsim.Faults{ModeAfter: "show clock"},
			kind: KindExecMode, msg: "the switch left exec mode: after `show clock` its prompt became `switch(config)#`; nothing more was sent",
			last: "show clock"},
		{name: "other echo", faults: nxsim.Faults{Echo: map[string]string{"show clock": "configure terminal"}},
			kind: KindExecMode, msg: "the switch left exec mode: it echoed", last: "show version"},
	}
	for _, tr := range transports(t) {
		for _, c := range cases {
			t.Run(tr+"/"+c.name, func(t *testing.T) {
				d := start(t, nxsim.Config{Faults: c.faults})
				opt := testOptions(t, d, tr)
				if c.tweak != nil {
					c.tweak(&opt)
				}
				res := collectOne(t, d, opt)
				if res.Failure == nil || res.Failure.Kind != c.kind {
					t.Fatalf("got %+v, want %s", res.Failure, c.kind)
				}
				if !strings.Contains(res.Failure.Msg, c.msg) {
					t.Errorf("message %q lacks %q", res.Failure.Msg, c.msg)
				}
				if strings.Contains(res.Failure.Msg, "raise --timeout") {
					t.Errorf("reported as a timeout: %s", res.Failure.Msg)
				}
				got := d.Received()
				if len(got) == 0 || got[len(got)-1].Text != c.last {
					t.Errorf("last line received %v, want %q", got, c.last)
				}
				if slices.ContainsFunc(got, func(r Received) bool { return r.Mode != "exec" }) {
					t.Errorf("something was typed outside exec mode: %v", got)
				}
			})
		}
	}
}

type Received = nxsim.Received
