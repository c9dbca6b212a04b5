package remedies

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
	"github.com/slcheck/slcheck/snapshot"
)

func TestBuilders(t *testing.T) {
	mgmt := snapshot.Path{Host: "tools.cisco.com", Port: 443, VRF: "management"}
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
			[]string{"callhome", "  no destination-profile CiscoTAC-1 index 1 http <URL as the switch prints it>", "  destination-profile CiscoTAC-1 http " + CiscoURL},
			"show running-config callhome", "replace <URL as the switch prints it>"},
		{"source interface", SourceInterface("ip http source-interface Vlan27", "mgmt0", mgmt),
			[]string{"no ip http source-interface Vlan27", "ip http source-interface mgmt0 vrf management"},
			"ping tools.cisco.com vrf management", "verify on your release"},
		{"name server reused from default VRF", NameServer([]string{"192.168.1.53"}, "default", mgmt),
			[]string{"ip name-server 192.168.1.53 use-vrf management"}, "show hosts", "already uses in VRF default"},
		{"name server for default VRF", NameServer(nil, "", snapshot.Path{Host: "tools.cisco.com", Port: 443, VRF: "default"}),
			[]string{"ip name-server <dns-server>"}, "ping tools.cisco.com vrf default", "Replace <dns-server>"},
		{"default route", DefaultRoute([]string{"192.168.12.0/24"}, mgmt),
			[]string{"vrf context management", "  ip route 0.0.0.0/0 <next-hop in 192.168.12.0/24>"}, "show ip route vrf management", "gateway"},
		{"enable", EnableCallhome(mgmt), []string{"callhome", "  enable"}, "show license status", ""},
		{"proxy enable", ProxyEnable(mgmt), []string{"callhome", "  transport http proxy enable"}, "show running-config callhome", ""},
		{"domain lookup", DomainLookup(mgmt), []string{"ip domain-lookup"}, "show hosts", ""},
		{"trust: no config, field notice", TrustChain(mgmt), nil, "show crypto ca certificates", "FN72115"},
		{"new callhome without use-vrf tests the default VRF", NewCallhome(""), []string{"callhome", "  email-contact sch-smart-licensing@cisco.com", "  destination-profile CiscoTAC-1 transport-method http", "  destination-profile CiscoTAC-1 http " + CiscoURL, "  enable"},
			"telnet tools.cisco.com 443 vrf default", "default VRF"},
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
			if tc.noteWord != "" && !strings.Contains(strings.Join(append(r.Warnings, r.Notes...), " "), tc.noteWord) {
				t.Errorf("warnings %q and notes %q lack %q", r.Warnings, r.Notes, tc.noteWord)
			}
			if b, err := json.Marshal(r); err != nil || strings.Contains(string(b), "null") {
				t.Errorf("JSON arrays must never be null: %s, %v", b, err)
			}
		})
	}
}

// The tests a remedy asks for, and its words, aim where the path's
// traffic goes: the URL's port, or the proxy.
func TestRemediesFollowThePath(t *testing.T) {
	cslu := snapshot.Path{Host: "cslu.example.net", Port: 8182, VRF: "management"}
	proxy := snapshot.Path{Host: "tools.cisco.com", Port: 443, VRF: "blue", ProxyHost: "proxy.example.com", ProxyPort: 3128}
	for _, tc := range []struct {
		name            string
		r               *Remedy
		summary, verify string
	}{
		{"reach a CSLU on its port", Reachability(cslu), "cslu.example.net on TCP 8182", "telnet cslu.example.net 8182 vrf management"},
		{"reach the proxy", Reachability(proxy), "proxy.example.com on TCP 3128", "telnet proxy.example.com 3128 vrf blue"},
		{"resolve the proxy", Resolve(proxy), "Make proxy.example.com resolve in VRF blue", "ping proxy.example.com vrf blue"},
		{"VRF unknown", DefaultRoute(nil, snapshot.Path{Host: "tools.cisco.com", Port: 443}), "Give VRF <vrf> a route", "show ip route vrf <vrf>"},
	} {
		if !strings.Contains(tc.r.Summary, tc.summary) || !contains(tc.r.Verify, tc.verify) {
			t.Errorf("%s: summary %q verify %q", tc.name, tc.r.Summary, tc.r.Verify)
		}
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

// TestWarningsInJSON: warnings come first in notes, "<" and ">"
// unescaped, so a reader of notes sees them; they are also in a field of
// their own (additive), so the remedy read back is the one written (slcheck
// merge renders it as the original).
func TestWarningsInJSON(t *testing.T) {
	r := ReplaceURL("s", "destination-profile CiscoTAC-1 index 1 http http://t/DDCEServi", CiscoURL, true, snapshot.Path{Host: "h", Port: 443, VRF: "v"})
	r.Notes = append(r.Notes, "a note")
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // as the report's encoder
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	b := []byte(buf.String())
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	notes, _ := got["notes"].([]any)
	if len(got) != 5 || len(notes) < 2 || notes[0] != r.Warnings[0] || notes[len(notes)-1] != "a note" {
		t.Errorf("JSON %s", b)
	}
	var back Remedy
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, *r) {
		t.Errorf("read back %+v, want %+v", back, r)
	}
	if strings.Contains(string(b), `\u003c`) {
		t.Errorf("placeholder escaped: %s", b)
	}
}

// A remedy that leaves Config, Verify or Notes nil still writes lists.
func TestRemedyJSONNeverNull(t *testing.T) {
	b, err := json.Marshal(&Remedy{Summary: "s", Warnings: []string{"w"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"summary":"s","warnings":["w"],"config":[],"verify":[],"notes":["w"]}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}
