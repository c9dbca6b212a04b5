package parsers

import "testing"

func TestParsePing(t *testing.T) {
	tests := []struct {
		name, file, typed, text string
		target, addr, vrf       string
		sent, recv, timedOut    int
		loss                    float64
		unresolved, stats       bool
	}{
		{name: "all timeout", file: "genieparser__nxos_ping_all_timeout.txt",
			target: "10.1.1.2", addr: "10.1.1.2", sent: 11, timedOut: 11, loss: 100, stats: true},
		{name: "success", file: "genieparser__nxos_ping_success_count11_source.txt", typed: "ping 10.1.1.1 source 10.3.3.3 count 11",
			target: "10.1.1.1", addr: "10.1.1.1", vrf: "default", sent: 11, recv: 11, stats: true},
		{name: "seed, no summary", file: "seed-217965__ping_tools_vrf_management.txt", typed: "ping tools.cisco.com vrf management",
			target: "tools.cisco.com", addr: "72.163.4.38", vrf: "management", sent: 5, recv: 5},
		{name: "unresolved", typed: "ping tools.cisco.com vrf management", text: "% Invalid host/interface tools.cisco.com\n",
			target: "tools.cisco.com", vrf: "management", unresolved: true},
		{name: "pasted: VRF unknown", text: "PING tools.cisco.com (72.163.4.38): 56 data bytes\n64 bytes from 72.163.4.38: icmp_seq=0 ttl=232 time=237.581 ms\n",
			target: "tools.cisco.com", addr: "72.163.4.38", vrf: "", sent: 1, recv: 1},
		{name: "partial", typed: "ping 192.0.2.1 count 4 vrf blue",
			text:   "PING 192.0.2.1 (192.0.2.1): 56 data bytes\n64 bytes from 192.0.2.1: icmp_seq=0 ttl=64 time=1 ms\nRequest 1 timed out\n",
			target: "192.0.2.1", addr: "192.0.2.1", vrf: "blue", sent: 2, recv: 1, timedOut: 1, loss: 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sec := section("ping", tt.typed, tt.text)
			if tt.typed == "" && tt.target != "" {
				sec.Command = "ping " + tt.target // as capture names a pasted ping
			}
			if tt.file != "" {
				sec = fixture(t, tt.file, "ping", tt.typed)
			}
			p := ParsePing(sec)
			if p == nil {
				t.Fatal("nil")
			}
			if p.Target != tt.target || p.Address != tt.addr || p.VRF != tt.vrf || p.Sent != tt.sent || p.Received != tt.recv ||
				p.TimedOut != tt.timedOut || p.Loss != tt.loss || p.Unresolved != tt.unresolved || p.Stats != tt.stats {
				t.Errorf("got %+v", p)
			}
		})
	}
}

func TestParseTCPTest(t *testing.T) {
	tests := []struct {
		name, file, typed, text string
		target, vrf             string
		port                    int
		connected, unresolved   bool
		err                     string
	}{
		{name: "seed connected", file: "seed-217965__telnet_tools_443_vrf_management.txt", typed: "telnet tools.cisco.com 443 vrf management",
			target: "tools.cisco.com", vrf: "management", port: 443, connected: true},
		{name: "refused", typed: "telnet 192.0.2.1 443", text: "Trying 192.0.2.1...\ntelnet: Unable to connect to remote host: Connection refused\n",
			target: "192.0.2.1", vrf: "default", port: 443, err: "Connection refused"},
		{name: "timeout", typed: "telnet tools.cisco.com 443 vrf management", text: "Trying 72.163.4.38...\ntelnet: connect to address 72.163.4.38: Connection timed out\n",
			target: "tools.cisco.com", vrf: "management", port: 443, err: "Connection timed out"},
		{name: "unresolved", typed: "telnet tools.cisco.com 443 vrf management", text: "% Invalid host/interface tools.cisco.com\n",
			target: "tools.cisco.com", vrf: "management", port: 443, unresolved: true, err: "% Invalid host/interface tools.cisco.com"},
		{name: "no typed command", text: "Trying 72.163.4.38...\nConnected to 72.163.4.38.\n", port: 23, connected: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sec := section("telnet", tt.typed, tt.text)
			if tt.file != "" {
				sec = fixture(t, tt.file, "telnet", tt.typed)
			}
			tc := ParseTCPTest(sec)
			if tc == nil {
				t.Fatal("nil")
			}
			if tc.Target != tt.target || tc.VRF != tt.vrf || tc.Port != tt.port || tc.Connected != tt.connected || tc.Unresolved != tt.unresolved || tc.Error != tt.err {
				t.Errorf("got %+v", tc)
			}
		})
	}
	if tc := ParseTCPTest(section("telnet", "telnet x 443", "Trying 192.0.2.1...\n")); tc != nil {
		t.Errorf("no outcome: got %+v", tc)
	}
}
