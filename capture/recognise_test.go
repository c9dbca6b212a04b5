package capture

import "testing"

func TestParsePrompt(t *testing.T) {
	tests := []struct {
		line string
		ok   bool
		want prompt
	}{
		{"switch# show license status", true, prompt{host: "switch", cmd: "show license status"}},
		{"N9K-1(config)# callhome", true, prompt{host: "N9K-1", config: true, cmd: "callhome"}},
		{"DC-DMZ(config-callhome)# destination-profile CiscoTAC-1 transport-method http", true,
			prompt{host: "DC-DMZ", config: true, cmd: "destination-profile CiscoTAC-1 transport-method http"}},
		{"sw.example_1# sh ver", true, prompt{host: "sw.example_1", cmd: "sh ver"}},
		{"switch#", true, prompt{host: "switch"}},
		{"switch# ", true, prompt{host: "switch"}},
		{"c1000v-5#show license status", true, prompt{host: "c1000v-5", noSpace: true, cmd: "show license status"}},
		{"Port# Name", false, prompt{}},
		{"Eth1/1# show", false, prompt{}},
		{"switch(conf)# x", false, prompt{}},
		{"# show version", false, prompt{}},
		{"  switch# show version", false, prompt{}},
		{"-switch# show version", false, prompt{}},
		{"switch> show version", false, prompt{}},
	}
	for _, tt := range tests {
		got, ok := parsePrompt([]byte(tt.line))
		if ok != tt.ok || got != tt.want {
			t.Errorf("parsePrompt(%q) = %+v, %v; want %+v, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPasteHeader(t *testing.T) {
	tests := []struct{ line, cmd, typed string }{
		{"Smart Licensing is ENABLED", "show license status", ""},
		{"Smart Licensing is DISABLED", "show license status", ""},
		{"Cisco Nexus Operating System (NX-OS) Software", "show version", ""},
		{"!Command: show running-config callhome", "show running-config callhome", ""},
		{`IP Route Table for VRF "management"`, "show ip route vrf management", ""},
		{`IP Route Table for VRF "default"`, "show ip route vrf default", ""},
		{"PING tools.cisco.com (72.163.4.38): 56 data bytes", "ping tools.cisco.com", ""},
		{"PING 10.1.1.2 (10.1.1.2) from 10.3.3.3: 101 data bytes", "ping 10.1.1.2", ""},
		{"Current call home settings:", "show call-home", ""},
		{`NAME: "Chassis",  DESCR: "Nexus9000 C9396PX Chassis"`, "show inventory", ""},
		{"Feature                      Ins  Lic   Status Expiry Date Comments", "show license usage", ""},
		{"sh run callhome", "show running-config callhome", "sh run callhome"},
		{"show ip route vrf management", "show ip route vrf management", "show ip route vrf management"},
		{"Registration:", "", ""},
		{"PING is a word", "", ""},
		{"!Command:", "", ""},
	}
	for _, tt := range tests {
		cmd, typed, ok := pasteHeader([]byte(tt.line))
		if cmd != tt.cmd || typed != tt.typed || ok != (tt.cmd != "") {
			t.Errorf("pasteHeader(%q) = %q, %q, %v; want %q, %q", tt.line, cmd, typed, ok, tt.cmd, tt.typed)
		}
	}
}

func TestBacktickHeader(t *testing.T) {
	tests := []struct{ line, want string }{
		{"`show version`", "show version"},
		{"`show version `", "show version"},
		{"  `show running-config callhome`  ", "show running-config callhome"},
		{"``", ""},
		{"` `", ""},
		{"`1 2`", ""},
		{"`a` and `b`", ""},
		{"text `quoted`", ""},
	}
	for _, tt := range tests {
		got, ok := backtickHeader([]byte(tt.line))
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("backtickHeader(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
		}
	}
}
