package checks

import (
	"os"
	"strings"
	"testing"
)

func TestNET002(t *testing.T) {
	mgmtOnly, err := os.ReadFile("testdata/show_ip_route_vrf_management_mgmt0_only.txt")
	if err != nil {
		t.Fatal(err)
	}
	ch := callhomeCfg(tacHTTPS, "transport http use-vrf management", "enable")
	withDefault := "IP Route Table for VRF \"management\"\n0.0.0.0/0, ubest/mbest: 1/0\n    *via 10.48.1.1, [1/0], 12w3d, static"
	covering := "IP Route Table for VRF \"management\"\n72.163.0.0/16, ubest/mbest: 1/0\n    *via 10.48.1.1, [1/0], 12w3d, static"
	ping := "PING tools.cisco.com (72.163.4.38): 56 data bytes\n64 bytes from 72.163.4.38: icmp_seq=0 ttl=232 time=237.581 ms"
	cases := []struct {
		name   string
		pairs  []string
		status Status
		reason string
	}{
		{"real mgmt0-only table", []string{"show running-config callhome", ch, "show ip route vrf management", string(mgmtOnly)}, Fail, ""},
		{"default route", []string{"show running-config callhome", ch, "show ip route vrf management", withDefault}, Pass, ""},
		{"covering route, address from ping", []string{"show running-config callhome", ch, "show ip route vrf management", covering,
			"ping tools.cisco.com vrf management", ping}, Pass, ""},
		{"other route, address unknown", []string{"show running-config callhome", ch, "show ip route vrf management", covering}, Skipped, "not checked"},
		{"table of another VRF", []string{"show running-config callhome", ch, "show ip route vrf default", strings.Replace(withDefault, "management", "default", 1)}, Skipped, "not checked: run `show ip route vrf management`"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want(t, run(t, "NET002", snapOf(t, tc.pairs...)), tc.status, tc.reason)
		})
	}
}
