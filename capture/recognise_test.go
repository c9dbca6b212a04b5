package capture

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
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
		{"RP/0/RP0/CPU0:router1#show license status", true, prompt{host: "router1", noSpace: true, cmd: "show license status", software: SoftwareIOSXR}},
		{"RP/0/RSP0/CPU0:asr9k(config)#", true, prompt{host: "asr9k", config: true, software: SoftwareIOSXR}},
		{"0/RP0/CPU0:ncs# show version", true, prompt{host: "ncs", cmd: "show version", software: SoftwareIOSXR}},
		{"RP/0/RP0/CPU0:Jan 23 10:12:01.123 UTC: smartlicserver[289]: %LICENSE-SMART_LIC-3-COMM_FAILED", false, prompt{}},
		{"ASA# show license status", true, prompt{host: "ASA", cmd: "show license status", software: SoftwareASA}},
		{"ciscoasa(config)# license smart", true, prompt{host: "ciscoasa", config: true, cmd: "license smart", software: SoftwareASA}},
		{"fw1/pri/act# show version", true, prompt{host: "fw1", cmd: "show version", software: SoftwareASA}},
		{"ciscoasa/admin# show run", true, prompt{host: "ciscoasa", cmd: "show run", software: SoftwareASA}},
		{"asa-core# show version", true, prompt{host: "asa-core", cmd: "show version"}},
	}
	for _, tt := range tests {
		got, ok := parsePrompt([]byte(tt.line))
		if ok != tt.ok || got != tt.want {
			t.Errorf("parsePrompt(%q) = %+v, %v; want %+v, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPasteHeader(t *testing.T) {
	tests := []struct {
		line, cmd, typed string
		shared           bool
	}{
		{"Smart Licensing is ENABLED", "show license status", "", false},
		{"Smart Licensing is DISABLED", "show license status", "", false},
		{"Cisco Nexus Operating System (NX-OS) Software", "show version", "", false},
		{"!Command: show running-config callhome", "show running-config callhome", "", false},
		{`IP Route Table for VRF "management"`, "show ip route vrf management", "", false},
		{`IP Route Table for VRF "default"`, "show ip route vrf default", "", false},
		{"PING tools.cisco.com (72.163.4.38): 56 data bytes", "ping tools.cisco.com", "", false},
		{"PING 10.1.1.2 (10.1.1.2) from 10.3.3.3: 101 data bytes", "ping 10.1.1.2", "", false},
		{"Current call home settings:", "show call-home", "", false},
		{`NAME: "Chassis",  DESCR: "Nexus9000 C9396PX Chassis"`, "show inventory", "", false},
		{`NAME: "Chassis", DESCR: "Cisco ISR4331 Chassis"`, "show inventory", "", true},
		{"Feature                      Ins  Lic   Status Expiry Date Comments", "show license usage", "", false},
		{"sh run callhome", "show running-config callhome", "sh run callhome", false},
		{"show ip route vrf management", "show ip route vrf management", "show ip route vrf management", false},
		{"16:00:03.512 UTC Fri Jul 01 2022", "show clock", "", true},
		{"*9:04:51 PST Fri Sep 01 2023", "show clock", "", true},
		{"Time source is NTP", "show clock", "", true},
		{"Time source is NTP, 11:04:51.711 PDT Fri Sep 1 2023", "", "", false}, // IOS-XE
		{"2022 Jun 22 16:15:41 switch %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure", "show logging logfile", "", true},
		{"2022 Jun  2 16:15:41.123 n9k %CALLHOME-2-EVENT: SW_CRASH", "show logging logfile", "", true},
		{"Trustpoint: cisco-sl-root", "show crypto ca certificates", "", true},
		{"trustpoint: CISCO_SL_ROOT; key-pair: ", "show crypto ca trustpoints", "", true},
		// show hosts, from any of its lines [V: napalm]
		{"DNS lookup disabled", "show hosts", "", false},
		{"DNS lookup enabled", "show hosts", "", false},
		{"Default domain for vrf:default is example.com", "show hosts", "", false},
		{"Name servers are 255.255.255.255", "show hosts", "", false},
		// show version from below its banner [V: ntc-templates]
		{"TAC support: http://www.cisco.com/tac", "show version", "", false},
		{"Documents: http://www.cisco.com/en/US/products/ps9372/tsd_products_support_series_home.html", "show version", "", false},
		{"  kickstart: version 7.1(4)N1(1)", "show version", "", false},
		{"  system:    version 6.2(14)", "show version", "", false},
		{" NXOS: version 9.3(15)", "show version", "", false},
		{"  BIOS: version 07.68", "show version", "", false},
		{"  cisco Nexus 5596 Chassis (\"O2 48X10GE/Modular Supervisor\")", "show version", "", false},
		{"  cisco Nexus9000 C93108TC-EX chassis", "show version", "", false},
		{"  cisco N9K-C9396PX (\"supervisor\")", "show version", "", false},
		{"  Device name: sw1", "show version", "", false},
		// config lines pasted without a header, at column 0 only
		{"callhome", PastedConfig, "", false},
		{"vrf context management", PastedConfig, "", false},
		{"version 9.3(10) Bios:version 07.69", PastedConfig, "", false},
		{"!Time: Fri Apr 12 09:20:31 2024", PastedConfig, "", false},
		{"interface mgmt0", PastedConfig, "", true},
		{"ip route 0.0.0.0/0 10.0.0.1", PastedConfig, "", true},
		{"ip name-server 192.0.2.53 use-vrf management", PastedConfig, "", true},
		{"hostname sw1", PastedConfig, "", true},
		{"!RANCID-CONTENT-TYPE: cisco-nx", "show running-config", "", false},
		{"  callhome", "", "", false},
		{"  destination-profile CiscoTAC-1 transport-method http", PastedConfig, "", false},
		{"  transport http use-vrf management", PastedConfig, "", false},
		{"  transport-method http", "", "", false},
		{"  ip route 0.0.0.0/0 10.0.0.1", "", "", false},
		{"version 15.2", "", "", false},
		{"callhome is a word", "", "", false},
		// licence outputs of Smart Licensing Using Policy
		{"License Authorization:", "show license status", "", false},
		{"License Usage:", "show license summary", "", false},
		{"Smart Licensing Using Policy:", "show license status", "", false},
		{"Smart Licensing using Policy:", "show license status", "", false},
		{"  License Authorization:", "", "", false},
		{"16:00:03.512 UTC Fri Jul 01 2022 extra", "", "", false},
		{"10:00:00 is the time", "", "", false},
		{"2022 Jun 22 16:15:41 switch no facility here", "", "", false},
		{"2022 Jun 22 16:15:41 switch %lower-3-x", "", "", false},
		{"64 bytes from 72.163.4.38: icmp_seq=0 ttl=232 time=237.581 ms", "", "", false},
		{"0.0.0.0/0, ubest/mbest: 1/0", "", "", false},
		{"Trustpoint:", "", "", false},
		{"Registration:", "", "", false},
		{"PING is a word", "", "", false},
		{"!Command:", "", "", false},
		{"  System version: 7.0(7)N1(1)", "", "", false},
		{"  cisco WS-C2960X-48FPD-L (APM86XXX) processor", "", "", false},
	}
	for _, tt := range tests {
		h, ok := pasteHeader([]byte(tt.line))
		if h.cmd != tt.cmd || h.typed != tt.typed || ok != (tt.cmd != "") || h.shared != tt.shared {
			t.Errorf("pasteHeader(%q) = %+v, %v; want %q, %q, shared %v", tt.line, h, ok, tt.cmd, tt.typed, tt.shared)
		}
	}
}

// TestContinues: a recognised line from inside an output (log lines,
// trustpoints, the clock after "Time source is", show version's lines)
// continues a section of its family unless its key was seen there; any
// other recognised line starts a new section.
func TestContinues(t *testing.T) {
	line := func(s string) header {
		h, ok := pasteHeader([]byte(s))
		if !ok {
			t.Fatalf("%q not recognised", s)
		}
		return h
	}
	tests := []struct {
		cur  string
		line string
		body int
		keys []string
		want bool
	}{
		{"show license status", "Smart Licensing is ENABLED", 0, nil, true}, // echo, then its first line
		{"show license status", "Smart Licensing is ENABLED", 3, []string{"enabled"}, false},
		{"show license all", "Smart Licensing is ENABLED", 3, nil, true},
		{"show clock", "16:00:03.512 UTC Fri Jul 01 2022", 1, nil, true},
		{"show logging logfile", "2022 Jun 22 16:15:41 sw %LICMGR-3-X: y", 40, nil, true},
		{"show logging logfile | include LICMGR", "2022 Jun 22 16:15:41 sw %LICMGR-3-X: y", 0, nil, true},
		{"show logging last 100", "2022 Jun 22 16:15:41 sw %LICMGR-3-X: y", 5, nil, true},
		{"show crypto ca certificates", "Trustpoint: x", 12, nil, true},
		{"show crypto ca trustpoints", "Trustpoint: x", 0, nil, true},
		{"show license status", "2022 Jun 22 16:15:41 sw %LICMGR-3-X: y", 5, nil, false},
		{"show clockwise", "16:00:03.512 UTC Fri Jul 01 2022", 1, nil, false},
		{"", "16:00:03.512 UTC Fri Jul 01 2022", 0, nil, false},
		{"show version", "TAC support: http://www.cisco.com/tac", 1, []string{"banner"}, true},
		{"show version", "  Device name: sw1", 30, []string{"banner", "tac", "NXOS", "chassis"}, true},
		{"show version", "Cisco Nexus Operating System (NX-OS) Software", 30, []string{"banner", "NXOS"}, false},
		{"show version", "  NXOS: version 9.3(8)", 30, []string{"banner", "NXOS"}, false},
		{"show running-config callhome", "callhome", 4, nil, true},
		{PastedConfig, "vrf context management", 4, nil, true},
		{"show license status", "callhome", 4, nil, false},
		{"show hosts", "Name servers are 10.0.0.1", 2, []string{"lookup"}, true},
		{"show hosts", "DNS lookup enabled", 2, []string{"lookup"}, false},
	}
	for _, tt := range tests {
		if got := continues(line(tt.line), tt.cur, tt.body, tt.keys); got != tt.want {
			t.Errorf("continues(%q after %q, %d, %v) = %v, want %v", tt.line, tt.cur, tt.body, tt.keys, got, tt.want)
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
	if _, err := Read("p.txt", strings.NewReader(shared), Options{}); err == nil || !strings.Contains(err.Error(), "p.txt:1: no NX-OS output found") ||
		!strings.Contains(err.Error(), `here "16:00:03.512 UTC Fri Jul 01 2022" reads as `+"`show clock`"+` output, which IOS prints alike`) {
		t.Errorf("shared output alone: err = %v, want no NX-OS output found, naming the first line read and why it is not enough", err)
	}
	// The line is quoted (escaped) and cut on a rune boundary.
	long := "license smart url smart https://x" + strings.Repeat("é", 40) + "\x1b[2J/licservice/license\n"
	_, err := Read("p.txt", strings.NewReader(long), Options{})
	if err == nil || !strings.Contains(err.Error(), `here "license smart url smart https://xéé`) ||
		!strings.Contains(err.Error(), `é..." reads as`) || !utf8.ValidString(err.Error()) || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("a long shared line: err = %v", err)
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
		"  Software",
		"  NXOS image file is: bootflash:///nxos.9.3.6.bin",
		"interfaces are up",
		"DNS is fine",
		"  cisco Nexus9000 but no c-word here",
		"ip routing",
		"(not a package)",
	} {
		b := []byte(line)
		if n := testing.AllocsPerRun(100, func() { pasteHeader(b); isNXOSLine(b) }); n != 0 {
			t.Errorf("pasteHeader(%q): %v allocations per line, want 0", line, n)
		}
	}
}

// TestLineSign: the lines that name another software, or its family, and
// how surely; NX-OS lines say nothing.
func TestLineSign(t *testing.T) {
	tests := []struct {
		line     string
		license  bool
		software string
		trust    trust
	}{
		{"Cisco IOS XE Software, Version 17.03.04", false, SoftwareIOSXE, trustExact},
		{"Cisco IOS-XE software, Copyright (c) 2005-2017 by cisco Systems, Inc.", false, SoftwareIOSXE, trustExact},
		{"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E2, RELEASE SOFTWARE (fc3)", false, SoftwareIOS, trustExact},
		{"Cisco IOS Software [Fuji], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 16.9.3, RELEASE SOFTWARE (fc2)", false, SoftwareIOSXE, trustExact},
		{"Cisco IOS Software [Amsterdam], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 17.3.4a", false, SoftwareIOSXE, trustExact},
		{"IOS (tm) C2600 Software (C2600-I-M), Version 12.2(8)T5", false, SoftwareIOS, trustExact},
		{"Cisco IOS XR Software, Version 7.3.2", false, SoftwareIOSXR, trustExact},
		{"!! IOS XR Configuration 6.1.2", false, SoftwareIOSXR, trustExact},
		{"RP/0/RSP0/CPU0:Mar  3 04:11:52.118 : smartlicserver[387]: %LICENSE-SMART_LIC-3-COMM_FAILED : x", false, SoftwareIOSXR, trustExact},
		{"0/RP0/CPU0:Jan 23 10:12:01.123 UTC: x", false, SoftwareIOSXR, trustExact},
		{"Cisco Adaptive Security Appliance Software Version 9.16(3)", false, SoftwareASA, trustExact},
		{"ASA Version 9.8(2)", false, SoftwareASA, trustExact},
		{": Saved", false, SoftwareASA, trustExact},
		{"Licensed features for this platform:", false, SoftwareASA, trustExact},
		{"version 15.2", false, SoftwareIOS, trustExact},
		{"version 12.4", false, SoftwareIOS, trustExact},
		{"version 16.9", false, SoftwareIOSXE, trustExact},
		{"version 17.12", false, SoftwareIOSXE, trustExact},
		{"  cisco N9K-C9396PX (\"supervisor\")", false, SoftwareACI, trustExact},
		{"  kickstart: version 14.0(1h) [build 14.0(1h)]", false, SoftwareACI, trustExact},
		{"  kickstart image file is: /bootflash/aci-n9000-dk9.14.0.1h.bin", false, SoftwareACI, trustExact},
		{"Building configuration...", false, SoftwareIOSXE, trustFamily},
		{"Current configuration : 1177 bytes", false, SoftwareIOSXE, trustFamily},
		{"boot-start-marker", false, SoftwareIOSXE, trustFamily},
		{"call-home", false, SoftwareIOSXE, trustFamily},
		{"!RANCID-CONTENT-TYPE: cisco", false, SoftwareIOSXE, trustFamily},
		{"Load for five secs: 1%/0%; one minute: 1%; five minutes: 0%", false, SoftwareIOSXE, trustFamily},
		{"Utility:", true, SoftwareIOSXE, trustWeak},
		{"Export Authorization Key:", true, SoftwareIOSXE, trustWeak},
		{"Utility:", false, "", 0}, // outside a licence output
		// IOS-XE names licences in lower case; NX-OS in upper case.
		{"network-advantage (C9300-48 Network Advantage):", true, SoftwareIOSXE, trustFamily},
		{"  dna-advantage           (C9300-48 DNA Advantage)          1 IN USE", true, SoftwareIOSXE, trustFamily},
		{"  License: network-advantage", true, SoftwareIOSXE, trustFamily},
		{"  Feature Name: dna-essentials", true, SoftwareIOSXE, trustFamily},
		{"network-advantage (C9300-48 Network Advantage):", false, "", 0},
		{"(LAN_ENTERPRISE_SERVICES_PKG):", true, "", 0},
		{"  LAN_ENTERPRISE_SERVICES_PKG (LAN license for Nexus 9300-XF)  1 IN USE", true, "", 0},
		{"  License: NXOS_ADVANTAGE_XF", true, "", 0},
		{"  Status: IN USE", true, "", 0},
		{"  Smart Account: example-corp", true, "", 0},
		{"  network (a word without a hyphen)", true, "", 0},
		// NX-OS
		{"version 9.3(10) Bios:version 07.69", false, "", 0},
		{" NXOS: version 9.3(15)", false, "", 0},
		{"  kickstart: version 7.1(4)N1(1)", false, "", 0},
		{"  cisco Nexus9000 C9396PX Chassis", false, "", 0},
		{"  cisco N9K-C9396PX Chassis", false, "", 0},
		{"callhome", false, "", 0},
		{"  call-home", false, "", 0},
		{"version", false, "", 0},
	}
	for _, tt := range tests {
		sw, tr, _ := lineSign([]byte(tt.line), tt.license)
		if sw != tt.software || tr != tt.trust {
			t.Errorf("lineSign(%q) = %q, %d; want %q, %d", tt.line, sw, tr, tt.software, tt.trust)
		}
	}
}

// TestDecide: content first, prompts second, the most specific name first.
func TestDecide(t *testing.T) {
	r := func(line int) Ref { return Ref{Source: "in.txt", Line: line, Text: "x"} }
	nxos := r(9)
	tests := []struct {
		name     string
		signs    []sign
		nxos     Ref
		named    Ref
		software string
		line     int
		mixed    []int // lines of another device's output beside NX-OS's
	}{
		{"nothing", nil, Ref{}, Ref{}, SoftwareUnknown, 0, nil},
		{"NX-OS content", nil, nxos, Ref{}, SoftwareNXOS, 9, nil},
		{"an ASA-named prompt does not outweigh NX-OS content", []sign{{SoftwareASA, trustPrompt, r(1)}}, nxos, Ref{}, SoftwareNXOS, 9, nil},
		{"an ASA prompt names IOS-family content", []sign{{SoftwareASA, trustPrompt, r(1)}, {SoftwareIOSXE, trustFamily, r(5)}}, nxos, Ref{}, SoftwareASA, 1, nil},
		{"IOS-family content outweighs NX-OS content", []sign{{SoftwareIOSXE, trustFamily, r(5)}}, nxos, Ref{}, SoftwareIOSXE, 5, nil},
		{"a prompt alone", []sign{{SoftwareIOSXE, trustPrompt, r(2)}}, Ref{}, Ref{}, SoftwareIOSXE, 2, nil},
		{"weak blocks alone say nothing", []sign{{SoftwareIOSXE, trustWeak, r(3)}}, Ref{}, Ref{}, SoftwareUnknown, 0, nil},
		{"IOS-XE's show version names IOS too", []sign{{SoftwareIOS, trustExact, r(2)}, {SoftwareIOSXE, trustExact, r(3)}}, Ref{}, Ref{}, SoftwareIOSXE, 3, nil},
		{"a naming line outweighs family output", []sign{{SoftwareIOSXE, trustFamily, r(1)}, {SoftwareIOS, trustExact, r(7)}}, Ref{}, Ref{}, SoftwareIOS, 7, nil},
		{"family output beside a line naming NX-OS is another device's", []sign{{SoftwareIOSXE, trustFamily, r(5)}}, nxos, r(12), SoftwareNXOS, 12, []int{5}},
		{"a line naming NX-OS outweighs an ASA prompt over family output", []sign{{SoftwareASA, trustPrompt, r(1)}, {SoftwareIOSXE, trustFamily, r(5)}}, nxos, r(12), SoftwareNXOS, 12, []int{5}},
		{"what NX-OS may show alike is its own beside a line naming it", []sign{{SoftwareIOSXE, trustAlike, r(20)}, {SoftwareIOSXE, trustAlike, r(4)}}, nxos, r(12), SoftwareNXOS, 12, nil},
		{"only the family output is another device's", []sign{{SoftwareIOSXE, trustFamily, r(30)}, {SoftwareIOSXE, trustAlike, r(20)}, {SoftwareIOSXE, trustFamily, r(25)}}, nxos, r(12), SoftwareNXOS, 12, []int{25, 30}},
		{"content only NX-OS prints outweighs what NX-OS may show alike", []sign{{SoftwareIOSXE, trustAlike, r(4)}}, nxos, Ref{}, SoftwareNXOS, 9, nil},
		{"what NX-OS may show alike, alone, names IOS-XE", []sign{{SoftwareIOSXE, trustAlike, r(4)}, {"", trustWeak, r(6)}}, Ref{}, Ref{}, SoftwareIOSXE, 4, nil},
		{"an ASA prompt names what ASA shows alike", []sign{{SoftwareIOSXE, trustAlike, r(4)}, {SoftwareASA, trustPrompt, r(1)}}, Ref{}, Ref{}, SoftwareASA, 1, nil},
		{"a line naming other software outweighs one naming NX-OS", []sign{{SoftwareACI, trustExact, r(14)}}, nxos, r(12), SoftwareACI, 14, nil},
	}
	for _, tt := range tests {
		sw, ref, foreign, mixed := decide(tt.signs, tt.nxos, tt.named)
		if sw != tt.software || ref.Line != tt.line {
			t.Errorf("%s: %s from line %d, want %s from line %d", tt.name, sw, ref.Line, tt.software, tt.line)
		}
		var got []int
		for _, m := range mixed {
			got = append(got, m.Line)
		}
		if !slices.Equal(got, tt.mixed) {
			t.Errorf("%s: mixed lines %v, want %v", tt.name, got, tt.mixed)
		}
		if (len(foreign) > 0) != (sw != SoftwareNXOS && sw != SoftwareUnknown) {
			t.Errorf("%s: foreign %v for %s", tt.name, foreign, sw)
		}
	}
}
