package parsers

import (
	"reflect"
	"testing"
)

func TestParseRoutes(t *testing.T) {
	t.Run("fixture without default route", func(t *testing.T) {
		rt := ParseRoutes(fixture(t, "syedur-rahman-vrf-command__nxos_mgmt0_no_default_route.txt", "show ip route vrf management", "show ip route vrf management"))
		if rt == nil || rt.VRF != "management" || rt.Query != "" || rt.Ref.Line != 2 {
			t.Fatalf("table = %+v", rt)
		}
		var prefixes []string
		for _, r := range rt.Routes {
			prefixes = append(prefixes, r.Prefix)
		}
		if !reflect.DeepEqual(prefixes, []string{"192.168.12.0/24", "192.168.12.135/32"}) {
			t.Errorf("prefixes = %v", prefixes)
		}
		if r := rt.Routes[0]; !reflect.DeepEqual(r.Via, []string{"192.168.12.135, mgmt0"}) || !reflect.DeepEqual(r.Protocols, []string{"direct"}) || r.Ref.Line != 8 {
			t.Errorf("route = %+v", r)
		}
	})
	tests := []struct {
		name, typed, text string
		vrf, query        string
		prefixes          []string
		err               string
	}{
		{"default route", "show ip route vrf management", "IP Route Table for VRF \"management\"\n0.0.0.0/0, ubest/mbest: 1/0\n    *via 10.0.0.1, [1/0], 3w2d, static\n    *via 10.0.0.2%default, [1/0], 3w2d, static\n",
			"management", "", []string{"0.0.0.0/0"}, ""},
		{"vrf from command only", "sh ip ro vrf blue", "10.0.0.0/8, ubest/mbest: 1/0\n    *via Null0, [1/0], 1d, static\n", "blue", "", []string{"10.0.0.0/8"}, ""},
		{"lookup", "show ip route 72.163.4.38 vrf management", "IP Route Table for VRF \"management\"\n0.0.0.0/0, ubest/mbest: 1/0\n    *via 10.0.0.1, [1/0], 3w2d, static\n",
			"management", "72.163.4.38", []string{"0.0.0.0/0"}, ""},
		{"default vrf", "show ip route", "IP Route Table for VRF \"default\"\n", "default", "", nil, ""},
		{"missing vrf", "show ip route vrf nosuch", "% VRF nosuch not found\n", "nosuch", "", nil, "% VRF nosuch not found"},
		{"ipv6 and junk", "", "IP Route Table for VRF \"x\"\n999.1.1.1/8, ubest\n2001:db8::/32, ubest/mbest: 1/0\n", "x", "", []string{"2001:db8::/32"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := ParseRoutes(section("show ip route", tt.typed, tt.text))
			if rt == nil {
				t.Fatal("nil")
			}
			var prefixes []string
			for _, r := range rt.Routes {
				prefixes = append(prefixes, r.Prefix)
			}
			if rt.VRF != tt.vrf || rt.Query != tt.query || !reflect.DeepEqual(prefixes, tt.prefixes) || rt.Error.Value != tt.err {
				t.Errorf("got vrf %q query %q prefixes %v err %q", rt.VRF, rt.Query, prefixes, rt.Error.Value)
			}
		})
	}
	if rt := ParseRoutes(section("show ip route", "", "nothing here\n")); rt != nil {
		t.Errorf("got %+v", rt)
	}
}
