package capture

import (
	"strings"
	"testing"
)

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
		{"16:00:03.512 UTC Fri Jul 01 2022", "show clock", ""},
		{"*9:04:51 PST Fri Sep 01 2023", "show clock", ""},
		{"Time source is NTP", "show clock", ""},
		{"Time source is NTP, 11:04:51.711 PDT Fri Sep 1 2023", "", ""}, // IOS-XE
		{"2022 Jun 22 16:15:41 switch %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure", "show logging logfile", ""},
		{"2022 Jun  2 16:15:41.123 n9k %CALLHOME-2-EVENT: SW_CRASH", "show logging logfile", ""},
		{"Trustpoint: cisco-sl-root", "show crypto ca certificates", ""},
		{"trustpoint: CISCO_SL_ROOT; key-pair: ", "show crypto ca trustpoints", ""},
		{"16:00:03.512 UTC Fri Jul 01 2022 extra", "", ""},
		{"10:00:00 is the time", "", ""},
		{"2022 Jun 22 16:15:41 switch no facility here", "", ""},
		{"2022 Jun 22 16:15:41 switch %lower-3-x", "", ""},
		{"64 bytes from 72.163.4.38: icmp_seq=0 ttl=232 time=237.581 ms", "", ""},
		{"0.0.0.0/0, ubest/mbest: 1/0", "", ""},
		{"Trustpoint:", "", ""},
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

// TestSameOutput: a recognised line that repeats inside one output (log
// lines, trustpoints, the clock after "Time source is") continues the
// section; any other recognised line starts a new one.
func TestSameOutput(t *testing.T) {
	tests := []struct {
		cur, cmd string
		body     int
		want     bool
	}{
		{"show license status", "show license status", 0, true}, // echo, then its first line
		{"show license status", "show license status", 3, false},
		{"show clock", "show clock", 1, true},
		{"show logging logfile", "show logging logfile", 40, true},
		{"show logging logfile | include LICMGR", "show logging logfile", 0, true},
		{"show logging last 100", "show logging logfile", 5, true},
		{"show crypto ca certificates", "show crypto ca certificates", 12, true},
		{"show crypto ca trustpoints", "show crypto ca certificates", 0, true},
		{"show license status", "show logging logfile", 5, false},
		{"show clockwise", "show clock", 1, false},
		{"", "show clock", 0, false},
	}
	for _, tt := range tests {
		if got := sameOutput(tt.cur, tt.cmd, tt.body); got != tt.want {
			t.Errorf("sameOutput(%q, %q, %d) = %v, want %v", tt.cur, tt.cmd, tt.body, got, tt.want)
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

// TestPasteSharedWithIOS: a paste holding only output IOS prints the same
// way (a clock, syslog lines, certificates) is not NX-OS output; beside
// output only NX-OS prints, the same lines are read as its sections.
func TestPasteSharedWithIOS(t *testing.T) {
	shared := "16:00:03.512 UTC Fri Jul 01 2022\n" +
		"2022 Jun 22 09:05:02 sw %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x\n" +
		"Trustpoint: cisco-sl-root\nsubject=/CN=QuoVadis Root CA 2\n"
	if _, err := Read("p.txt", strings.NewReader(shared), Options{}); err == nil || !strings.Contains(err.Error(), "no NX-OS output found") {
		t.Errorf("shared output alone: err = %v, want no NX-OS output found", err)
	}
	c, err := Read("p.txt", strings.NewReader("Cisco Nexus Operating System (NX-OS) Software\n"+shared), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(c.Devices[0].Sections); got != 4 {
		t.Errorf("%d sections beside show version, want 4", got)
	}
}

// TestPasteHeaderNoAllocation: a paste reader asks pasteHeader about every
// line; the lines it does not recognise, digits first included, cost no
// allocation.
func TestPasteHeaderNoAllocation(t *testing.T) {
	for _, line := range []string{
		"64 bytes from 72.163.4.38: icmp_seq=0 ttl=232 time=237.581 ms",
		"2022 Jun 22 16:15:41 switch no facility",
		"10:00:00 is not a clock",
		"  some ordinary output line",
		"Trustpoint",
		"Feature                      Ins",
		"show-stopper: a word, not a command",
		"Smart Licensing Using Policy",
	} {
		b := []byte(line)
		if n := testing.AllocsPerRun(100, func() { pasteHeader(b) }); n != 0 {
			t.Errorf("pasteHeader(%q): %v allocations per line, want 0", line, n)
		}
	}
}
