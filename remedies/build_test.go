package remedies

import (
	"strings"
	"testing"
)

func TestBuilders(t *testing.T) {
	mgmt := Path{Host: "tools.cisco.com", VRF: "management"}
	cases := []struct {
		name     string
		r        *Remedy
		config   []string // the lines between configure terminal and end
		verify   string   // one command Verify must hold
		noteWord string   // a word one note must hold ("" for none)
	}{
		{"http URL", ReplaceURL("s", "destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/x", "https://tools.cisco.com/x", false, mgmt),
			[]string{"callhome", "  no destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/x", "  destination-profile CiscoTAC-1 http https://tools.cisco.com/x"},
			"telnet tools.cisco.com 443 vrf management", ""},
		{"cut URL", ReplaceURL("s", "destination-profile CiscoTAC-1 index 1 http http://t/DDCEServi", CiscoURL, true, mgmt),
			[]string{"callhome", "  no destination-profile CiscoTAC-1 index 1 http http://t/DDCEServi", "  destination-profile CiscoTAC-1 http " + CiscoURL},
			"show running-config callhome", "copy the exact"},
		{"source interface", SourceInterface("ip http source-interface Vlan27", "mgmt0", mgmt),
			[]string{"no ip http source-interface Vlan27", "ip http source-interface mgmt0 vrf management"},
			"ping tools.cisco.com vrf management", "verify on your release"},
		{"name server reused from default VRF", NameServer([]string{"192.168.1.53"}, "default", mgmt),
			[]string{"ip name-server 192.168.1.53 use-vrf management"}, "show hosts", "already uses in VRF default"},
		{"name server for default VRF", NameServer(nil, "", Path{Host: "tools.cisco.com"}),
			[]string{"ip name-server <dns-server>"}, "ping tools.cisco.com vrf default", "Replace <dns-server>"},
		{"default route", DefaultRoute([]string{"192.168.12.0/24"}, mgmt),
			[]string{"vrf context management", "  ip route 0.0.0.0/0 <next-hop in 192.168.12.0/24>"}, "show ip route vrf management", "gateway"},
		{"enable", EnableCallhome(mgmt), []string{"callhome", "  enable"}, "show license status", ""},
		{"proxy enable", ProxyEnable(mgmt), []string{"callhome", "  transport http proxy enable"}, "show running-config callhome", ""},
		{"domain lookup", DomainLookup(mgmt), []string{"ip domain-lookup"}, "show hosts", ""},
		{"trust: no config, field notice", TrustChain(mgmt), nil, "show crypto ca certificates", "FN72115"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			if tc.config == nil {
				if len(r.Config) != 0 {
					t.Errorf("config %q, want none", r.Config)
				}
			} else {
				want := append(append([]string{"configure terminal"}, tc.config...), "end", "copy running-config startup-config")
				if strings.Join(r.Config, "\n") != strings.Join(want, "\n") {
					t.Errorf("config:\n%s\nwant:\n%s", strings.Join(r.Config, "\n"), strings.Join(want, "\n"))
				}
			}
			if !contains(r.Verify, tc.verify) {
				t.Errorf("verify %q lacks %q", r.Verify, tc.verify)
			}
			if tc.noteWord != "" && !strings.Contains(strings.Join(r.Notes, " "), tc.noteWord) {
				t.Errorf("notes %q lack %q", r.Notes, tc.noteWord)
			}
			if r.Notes == nil || r.Verify == nil || r.Config == nil {
				t.Error("nil slice: JSON arrays must never be null")
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
