package parsers

import (
	"reflect"
	"testing"
)

func TestParseHosts(t *testing.T) {
	text := `DNS lookup enabled
Default domain for vrf:default is example.com
Name/address lookup uses domain service
Name servers are 255.255.255.255

Vrf          Use-vrf      Token        Config
default      management   domain       example.com*
management   management   name server(s) 192.0.2.53 192.0.2.54
blue         default      name server(s) 198.51.100.53*

Host                      Address
tools.cisco.com           72.163.4.38
router1                   192.0.2.1 2001:db8::1
`
	h := ParseHosts(section("show hosts", "show hosts", text))
	if h == nil || !h.DomainLookup.Value || h.DomainLookup.Ref.Line != 1 {
		t.Fatalf("hosts = %+v", h)
	}
	type ns struct{ vrf, use, addrs string }
	var got []ns
	for _, n := range h.NameServers {
		got = append(got, ns{n.VRF, n.UseVRF, joinAddrs(n.Addrs)})
	}
	want := []ns{{"management", "management", "192.0.2.53 192.0.2.54"}, {"blue", "default", "198.51.100.53"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("name servers = %v, want %v", got, want)
	}
	if len(h.Entries) != 2 || h.Entries[0].Name != "tools.cisco.com" || !reflect.DeepEqual(h.Entries[1].Addrs, []string{"192.0.2.1", "2001:db8::1"}) {
		t.Errorf("entries = %+v", h.Entries)
	}

	off := ParseHosts(section("show hosts", "", "DNS lookup disabled\nName servers are 192.0.2.9\n"))
	if off == nil || !off.DomainLookup.Said() || off.DomainLookup.Value || len(off.NameServers) != 1 || off.NameServers[0].VRF != DefaultVRF {
		t.Errorf("disabled = %+v", off)
	}
	if h := ParseHosts(section("show hosts", "", "% Invalid command\n")); h != nil {
		t.Errorf("got %+v", h)
	}
}
