package collect

import (
	"strings"
	"testing"

	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/internal/sshdtest"
)

// Lines shaped like prompts before the real one: a pre-login banner
// (printed by OpenSSH on the terminal, before its password question) and
// a message of the day after login. The prompt is the switch's, the
// password is typed once, at the password question, and nothing else is
// typed before the prompt is confirmed.
func TestPromptShapedLinesAtLogin(t *testing.T) {
	banner := "AUTHORIZED ACCESS ONLY\nACCESS#\ncore-01>\n"
	motd := "Welcome\nACCESS#\ncore-01>\nother-sw# show version\nswitch(config)#\n"
	for _, tr := range transports(t) {
		t.Run("nxsim/"+tr, func(t *testing.T) {
			d := start(t, nxsim.Config{PreLogin: banner, MOTD: motd, KeyboardInteractiveOnly: true})
			res := collectOne(t, d, testOptions(t, d, tr))
			if res.Failure != nil {
				t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
			}
			if res.Hostname != "switch" {
				t.Errorf("hostname %q, want switch", res.Hostname)
			}
			if n := d.FailedLogins(); n != 0 {
				t.Errorf("%d failed logins: something other than the password was typed at the question", n)
			}
			if got := d.Received(); len(got) == 0 || got[0].Text != "terminal width 511" {
				t.Errorf("first line received %v, want terminal width 511", got)
			}
		})
	}
	t.Run("openssh-server/system", func(t *testing.T) {
		s := sshdtest.Start(t, sshdtest.Config{Banner: banner, Device: nxsim.Config{Outputs: outputs, MOTD: motd}})
		res := collectFrom(t, sshdOptions(t, s), sshdTarget(s))
		if res.Failure != nil {
			t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
		}
		if res.Hostname != "switch" {
			t.Errorf("hostname %q, want switch", res.Hostname)
		}
	})
}

// An account that lands at another level than privilege-exec is told
// where, once the prompt is confirmed (not a banner's look-alike).
func TestLandsInOtherMode(t *testing.T) {
	d := start(t, nxsim.Config{MOTD: "ACCESS#\n", Faults: nxsim.Faults{Prompt: "switch> "}})
	res := collectOne(t, d, testOptions(t, d, "default"))
	if res.Failure == nil || res.Failure.Kind != KindPrompt || !strings.Contains(res.Failure.Msg, "`switch>`") {
		t.Fatalf("got %+v, want the account landing at switch>", res.Failure)
	}
	if len(d.Received()) != 0 {
		t.Errorf("device received %v", d.Received())
	}
}
