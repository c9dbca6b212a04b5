package checks

import "testing"

func TestCH004(t *testing.T) {
	cases := []struct {
		name, url string
		status    Status
	}{
		{"cisco", "https://tools.cisco.com/its/service/oddce/services/DDCEService", Pass},
		{"onprem by name", "https://ssm.example.com/Transportgateway/services/DeviceRequestHandler", Pass},
		{"cut", "https://tools.cisco.com/its/service/oddce/services/DDCEServi", Fail},
		{"onprem by IP", "https://10.106.41.10/Transportgateway/services/DeviceRequestHandler", Fail},
		{"typo in path", "https://tools.cisco.com/its/service/oddce/services/DDCService", Fail},
		{"unknown host", "https://example.com/upload", Fail},
		{"not a URL", "tools.cisco.com", Fail},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := snapOf(t, "show running-config callhome", callhomeCfg("destination-profile CiscoTAC-1 index 1 http "+tc.url, "enable"))
			want(t, run(t, "CH004", s), tc.status, "")
		})
	}
}
