package checks

import "testing"

func TestCH004(t *testing.T) {
	cases := []struct {
		name, url string
		status    Status
		// pastes says whether the remedy has config of its own.
		pastes bool
	}{
		{"cisco", "https://tools.cisco.com/its/service/oddce/services/DDCEService", Pass, false},
		{"onprem by name", "https://ssm.example.com/Transportgateway/services/DeviceRequestHandler", Pass, false},
		{"cut", "https://tools.cisco.com/its/service/oddce/services/DDCEServi", Fail, true},
		// CH002's fix rewrites an http:// line whole: CH004 adds no paste.
		{"cut http", "http://tools.cisco.com/its/service/oddce/services/DDCEServi", Fail, false},
		{"onprem by IP", "https://10.106.41.10/Transportgateway/services/DeviceRequestHandler", Fail, false},
		{"typo in path", "https://tools.cisco.com/its/service/oddce/services/DDCService", Fail, true},
		{"unknown host", "https://example.com/upload", Fail, false},
		{"not a URL", "tools.cisco.com", Fail, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := snapOf(t, "show running-config callhome", callhomeCfg("destination-profile CiscoTAC-1 index 1 http "+tc.url, "enable"))
			r := run(t, "CH004", s)
			want(t, r, tc.status, "")
			if tc.status == Fail && (len(r.Remedy.Config) > 0) != tc.pastes {
				t.Errorf("remedy config %q, want pasteable config: %v", r.Remedy.Config, tc.pastes)
			}
		})
	}
}
