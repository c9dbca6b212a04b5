package checks

import (
	"strings"
	"testing"
)

func TestNET001(t *testing.T) {
	chMgmt := callhomeCfg(tacHTTPS, "transport http use-vrf management", "enable")
	cases := []struct {
		name   string
		pairs  []string
		status Status
		reason string
		fixed  string
	}{
		{"Vlan27 in default VRF, Call Home in management", []string{"show running-config callhome", chMgmt,
			"show running-config | include source-interface", "ip http source-interface Vlan27",
			"show running-config interface Vlan27", "interface Vlan27\n  ip address 10.27.0.2/24"}, Fail, "",
			"ip http source-interface mgmt0 vrf management"},
		{"mgmt0 with Call Home in management", []string{"show running-config callhome", chMgmt,
			"show running-config | include source-interface", "ip http source-interface mgmt0 vrf management"}, Pass, "", ""},
		{"no source interface", []string{"show running-config callhome", chMgmt,
			"show running-config | include source-interface", ""}, Pass, "", ""},
		{"interface not captured", []string{"show running-config callhome", chMgmt,
			"show running-config | include source-interface", "ip http source-interface Vlan27"}, Skipped, "not checked: the output was filtered by `| include source-interface`; run `show running-config interface Vlan27`", ""},
		{"source interface not captured", []string{"show running-config callhome", chMgmt}, Skipped, "not checked", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, "NET001", snapOf(t, tc.pairs...))
			want(t, r, tc.status, tc.reason)
			if tc.fixed != "" && !strings.Contains(strings.Join(r.Remedy.Config, "\n"), tc.fixed) {
				t.Errorf("remedy %q lacks %q", r.Remedy.Config, tc.fixed)
			}
		})
	}
}
