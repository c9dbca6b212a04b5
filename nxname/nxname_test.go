package nxname

import (
	"testing"

	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
)

func TestNames(t *testing.T) {
	tests := []struct {
		check func(string) bool
		name  string
		good  []string
		bad   []string
	}{
		{Host, "Host",
			[]string{"tools.cisco.com", "smartreceiver.cisco.com", "ssm-onprem", "onprem_01.corp.example", "10.1.1.5", "2001:db8::1"},
			[]string{"", "tools.cisco.com;reload;", "tools.cisco.com reload", "a|b", "x>y", "fe80::1%eth0", "tools.cisco.com\u202e", "host\x1b]0;x\x07", "ａ.example"}},
		{Address, "Address", []string{"192.0.2.1", "2001:db8::53"}, []string{"192.0.2.1;reload", "dns.example", "192.0.2.300", ""}},
		{Prefix, "Prefix", []string{"192.0.2.0/24", "2001:db8::/64"}, []string{"192.0.2.0/24;reload", "192.0.2.0", ""}},
		{VRF, "VRF",
			[]string{"management", "default", "VRF-MGMT", "vpc_keepalive", "tenant.a", "red:1", "a234567890123456789012345678901b"},
			[]string{"", "mgmt;reload", "mgmt reload", "mgmt\u202e", "a2345678901234567890123456789012c", "x|y", "x>y"}},
		{Interface, "Interface",
			[]string{"mgmt0", "Ethernet1/1", "Eth1/49/2", "Ethernet1/1.100", "Vlan27", "loopback0", "port-channel10", "Po10", "Tunnel5", "nve1"},
			[]string{"", "Vlan27;reload", "mgmt0 vrf x", "Ethernet1/1\u202e", "1/1", "Vlan"}},
	}
	for _, tt := range tests {
		for _, s := range tt.good {
			if !tt.check(s) {
				t.Errorf("%s(%q) = false, want true", tt.name, s)
			}
		}
		for _, s := range tt.bad {
			if tt.check(s) {
				t.Errorf("%s(%q) = true, want false", tt.name, s)
			}
		}
	}
}
