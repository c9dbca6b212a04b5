package checks

import (
	"regexp"
	"strings"
	"testing"
)

// TestNoInjectedValuePasteReady runs every check on captures whose values
// carry a second command (";reload") or a bidi control: no line the user
// is told to paste or run holds one, whether in a fix block (Config,
// Verify), a note or warning quoting a command, or a "not checked" reason
// (whose commands report gathers into a paste-ready block). Only the notes
// that say a captured value is invalid quote it.
func TestNoInjectedValuePasteReady(t *testing.T) {
	route := func(vrf string) string {
		return "IP Route Table for VRF \"" + vrf + "\"\n10.0.0.0/8, ubest/mbest: 1/0\n    *via 192.0.2.1, [1/0], 12w3d, static"
	}
	cases := []struct {
		name  string
		pairs []string
	}{
		{"VRF with a second command", []string{
			"show running-config callhome", callhomeCfg(tacHTTPS, "transport http use-vrf mgmt;reload", "enable"),
			"show ip route vrf mgmt;reload", route("mgmt;reload")}},
		{"VRF with a bidi control", []string{
			"show running-config callhome", callhomeCfg(tacHTTPS, "transport http use-vrf manage\u202ement", "enable"),
			"show ip route vrf manage\u202ement", route("manage\u202ement")}},
		{"unknown host, path with a second command", []string{
			"show running-config callhome", callhomeCfg("destination-profile CiscoTAC-1 index 1 http https://evil.example/x;reload", "transport http use-vrf management", "enable")}},
		{"host by address, path with a second command", []string{
			"show running-config callhome", callhomeCfg("destination-profile CiscoTAC-1 index 1 http https://192.0.2.9/x;reload", "transport http use-vrf mgmt;reload", "enable")}},
		{"proxy without a port, VRF with a second command", []string{
			"show running-config callhome", callhomeCfg(tacHTTPS, "transport http proxy server proxy.example.com", "transport http proxy enable", "transport http use-vrf mgmt;reload", "enable")}},
		{"proxy with a second command", []string{
			"show running-config callhome", callhomeCfg(tacHTTPS, "transport http proxy server proxy.example.com;reload port 8080", "transport http use-vrf management", "enable")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := snapOf(t, tc.pairs...)
			for _, c := range All() {
				r := c.Judge(s)
				var paste []string
				if r.Remedy != nil {
					paste = append(paste, r.Remedy.Config...)
					paste = append(paste, r.Remedy.Verify...)
					for _, n := range append(append([]string{}, r.Remedy.Notes...), r.Remedy.Warnings...) {
						if !strings.HasPrefix(n, "The capture gives") && !strings.HasPrefix(n, "The capture's") {
							paste = append(paste, codeSpans(n)...)
						}
					}
				}
				if i := strings.Index(r.Reason, "run `"); i >= 0 {
					paste = append(paste, codeSpans(r.Reason[i:])...)
				}
				for _, l := range paste {
					if strings.Contains(l, "reload") || strings.ContainsRune(l, '\u202e') {
						t.Errorf("%s %s: paste-ready %q carries the injected value", r.ID, r.Status, l)
					}
				}
			}
		})
	}
}

// codeSpans returns the `backtick spans` of s.
func codeSpans(s string) []string {
	var out []string
	for _, m := range regexp.MustCompile("`([^`]*)`").FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}
