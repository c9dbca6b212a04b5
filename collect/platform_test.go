package collect

import (
	"testing"

	"github.com/scrapli/scrapligo/platform"
)

// TestPromptsAreCiscoNxos holds slcheck's copies of the prompt patterns to
// scrapligo's own cisco_nxos definition, so an upgrade that changes them
// fails here.
func TestPromptsAreCiscoNxos(t *testing.T) {
	p, err := platform.NewPlatform(platform.CiscoNxos, "h")
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.GetNetworkDriver()
	if err != nil {
		t.Fatal(err)
	}
	if d.DefaultDesiredPriv != privExecName {
		t.Errorf("default level %q, slcheck works in %q", d.DefaultDesiredPriv, privExecName)
	}
	for name, want := range map[string]string{
		"exec": execPattern, privExecName: privExecPattern,
		"configuration": configPattern, "tclsh": tclshPattern,
	} {
		l, ok := d.PrivilegeLevels[name]
		if !ok {
			t.Errorf("cisco_nxos has no level %q", name)
			continue
		}
		if l.Pattern != want {
			t.Errorf("level %s: cisco_nxos has %q, slcheck copied %q", name, l.Pattern, want)
		}
	}
	if len(d.PrivilegeLevels) != 4 {
		t.Errorf("cisco_nxos has %d levels, slcheck knows 4", len(d.PrivilegeLevels))
	}
	for _, tc := range []struct {
		prompt string
		login  bool // found by loginPrompt
		exec   bool // accepted as privilege exec
	}{
		{"n9k-01#", true, true},
		{"n9k-01# ", true, true},
		{"n9k-01>", true, false},
		{"n9k-01(config)#", true, false},
		{"n9k-01(config-if)#", true, false},
		{"n9k-01-tcl#", true, true}, // as scrapligo's privilege-exec pattern has it
		{"Password:", false, false},
	} {
		if got := loginPrompt.MatchString(tc.prompt); got != tc.login {
			t.Errorf("loginPrompt on %q = %v, want %v", tc.prompt, got, tc.login)
		}
		if got := privExec.MatchString(tc.prompt); got != tc.exec {
			t.Errorf("privExec on %q = %v, want %v", tc.prompt, got, tc.exec)
		}
	}
}
