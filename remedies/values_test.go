package remedies

import (
	"strings"
	"testing"

	"github.com/slcheck/slcheck/snapshot"
)

// A hostile or mangled capture's values never reach a paste-ready line:
// each builder shows an invalid VRF, host, interface, address or device
// line as a placeholder, with a note naming what the capture held.
func TestInvalidValuesArePlaceholders(t *testing.T) {
	p := snapshot.Path{Host: "tools.cisco.com;reload;", Port: 443, VRF: "mgmt\u202e;reload"}
	line := "destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com;reload;/its"
	builders := map[string]*Remedy{
		"ReplaceURL":      ReplaceURL("s", line, "https://tools.cisco.com;reload;/its", false, p),
		"NoURL":           NoURL("s", nil, line, p),
		"ByName":          ByName(line, "/its;reload", p),
		"EnableCallhome":  EnableCallhome(p),
		"NewCallhome":     NewCallhome(p.VRF),
		"AddTransport":    AddTransport(true, true, p),
		"SourceInterface": SourceInterface("ip http source-interface mgmt0;reload", "Vlan27;reload", p),
		"DefaultRoute":    DefaultRoute([]string{"192.0.2.0/24;reload"}, p),
		"Reachability":    Reachability(p),
		"ProxyEnable":     ProxyEnable(p),
		"ProxyServer":     ProxyServer("transport http proxy enable;reload", p),
		"DomainLookup":    DomainLookup(p),
		"NameServer":      NameServer([]string{"192.0.2.53;reload"}, "other;reload", p),
		"Resolve":         Resolve(p),
		"TrustChain":      TrustChain(p),
		"ReadLog":         ReadLog(p),
	}
	for name, r := range builders {
		for _, l := range append(append([]string{}, r.Config...), r.Verify...) {
			if strings.Contains(l, "reload") || strings.Contains(l, "\u202e") {
				t.Errorf("%s: paste-ready line %q holds the captured value", name, l)
			}
		}
		// A note may quote a command to paste too (NoURL's line to remove).
		for _, n := range r.Notes {
			if !strings.HasPrefix(n, "The capture") && (strings.Contains(n, "reload") || strings.Contains(n, "\u202e")) {
				t.Errorf("%s: note %q puts the captured value in a command", name, n)
			}
		}
		notes := strings.Join(r.Notes, "\n")
		if !strings.Contains(notes, "is not a valid NX-OS") && !strings.Contains(notes, "is not an IP address") && !strings.Contains(notes, "is not pasted back") {
			t.Errorf("%s: no note says a value was replaced:\n%s", name, notes)
		}
		if name != "NewCallhome" && !strings.Contains(notes, "`mgmt\u202e;reload`") {
			t.Errorf("%s: the note does not quote the captured VRF:\n%s", name, notes)
		}
	}
	if got := ReplaceURL("s", line, "https://x;y/", false, p).Config; got[2] != "  no <the destination-profile CiscoTAC-1 line of show running-config callhome>" || got[3] != "  destination-profile CiscoTAC-1 http <https URL>" {
		t.Errorf("ReplaceURL config: %q", got)
	}
	if got := p.Reach(); got[0] != "ping <host> vrf <vrf>" || got[1] != "telnet <host> 443 vrf <vrf>" {
		t.Errorf("Reach: %q", got)
	}
}

// Valid values, and the shapes real switches print, pass as they are.
func TestValidValuesKept(t *testing.T) {
	p := snapshot.Path{Host: "ssm-onprem.example.com", Port: 443, VRF: "VRF-MGMT"}
	r := SourceInterface("ip http source-interface mgmt0", "Ethernet1/49/2", p)
	want := []string{"configure terminal", "no ip http source-interface mgmt0", "ip http source-interface Ethernet1/49/2 vrf VRF-MGMT", "end", "copy running-config startup-config"}
	if strings.Join(r.Config, "|") != strings.Join(want, "|") {
		t.Errorf("SourceInterface config: %q", r.Config)
	}
	if len(PathNotes(p)) != 0 || strings.Contains(strings.Join(r.Notes, " "), "not a valid") {
		t.Errorf("notes for valid values: %q", r.Notes)
	}
	if got := NameServer([]string{"10.1.1.53", "2001:db8::53"}, "default", p).Config[1]; got != "ip name-server 10.1.1.53 2001:db8::53 use-vrf VRF-MGMT" {
		t.Errorf("NameServer: %q", got)
	}
}
