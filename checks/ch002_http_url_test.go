package checks

import (
	"strings"
	"testing"
)

func TestCH002(t *testing.T) {
	cases := []struct {
		name   string
		cfg    string
		status Status
		reason string
		noLine string
		newURL string
		cut    bool
	}{
		{"https", callhomeCfg(tacHTTPS, "enable"), Pass, "", "", "", false},
		{"http full", callhomeCfg("destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEService", "enable"), Fail, "",
			"  no destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEService",
			"  destination-profile CiscoTAC-1 http https://tools.cisco.com/its/service/oddce/services/DDCEService", false},
		{"http cut like the seed", callhomeCfg("destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEServi", "enable"), Fail, "",
			"  no destination-profile CiscoTAC-1 index 1 http <URL as the switch prints it>",
			"  destination-profile CiscoTAC-1 http https://tools.cisco.com/its/service/oddce/services/DDCEService", true},
		{"no URL", callhomeCfg("destination-profile CiscoTAC-1 transport-method http", "enable"), Skipped, "not applicable", "", "", false},
		{"no callhome captured", "", Skipped, "not checked: run `show running-config callhome`", "", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var pairs []string
			if tc.cfg != "" {
				pairs = []string{"show running-config callhome", tc.cfg}
			}
			r := run(t, "CH002", snapOf(t, pairs...))
			want(t, r, tc.status, tc.reason)
			if tc.status != Fail {
				return
			}
			cfg := r.Remedy.Config
			wantCfg := []string{"configure terminal", "callhome", tc.noLine, tc.newURL, "end", "copy running-config startup-config"}
			if strings.Join(cfg, "\n") != strings.Join(wantCfg, "\n") {
				t.Errorf("remedy config:\n%s\nwant:\n%s", strings.Join(cfg, "\n"), strings.Join(wantCfg, "\n"))
			}
			// A line rebuilt from a cut URL is a placeholder, and the
			// warning that says what to put there comes before the block.
			if got := len(r.Remedy.Warnings) == 1 && strings.Contains(r.Remedy.Warnings[0], "<URL as the switch prints it>"); got != tc.cut {
				t.Errorf("warning about a cut line: %v, want %v (%q)", got, tc.cut, r.Remedy.Warnings)
			}
			if !strings.Contains(strings.Join(r.Remedy.Verify, "|"), "telnet tools.cisco.com 443 vrf default") {
				t.Errorf("verify lacks the TCP 443 test in the device's VRF: %q", r.Remedy.Verify)
			}
		})
	}
}
