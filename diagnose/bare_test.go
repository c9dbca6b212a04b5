package diagnose_test

import (
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/snapshot"
)

// nxosBanner is a bare `show version` start, put before the outputs IOS
// prints alike (a clock, syslog lines, certificates): alone they are not
// taken for NX-OS output, beside it they are read as its sections.
const nxosBanner = "Cisco Nexus Operating System (NX-OS) Software\n  NXOS: version 9.3(8)\n"

// barePastes holds, per command slcheck reads, its output pasted without
// the command or a prompt, and what the snapshot must then know. Every
// command a check needs must have one (TestBarePasteOfEveryCommand).
var barePastes = []struct {
	cmd, paste string
	shared     bool // printed alike by IOS: pasted after nxosBanner
	read       func(s *snapshot.Snapshot) bool
}{
	{"show version", "  BIOS: version 07.69\n  NXOS: version 9.3(10)\n  cisco Nexus9000 C93180YC-FX Chassis\n  Device name: sw1\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.Version != nil && s.Version.Release.Value == "9.3(10)" && s.Version.Family == "N9K"
		}},
	{"show clock", "Time source is NTP\n16:00:03.512 UTC Fri Jul 01 2022\n", true,
		func(s *snapshot.Snapshot) bool { return s.Clock != nil && s.Clock.Time.Year() == 2022 }},
	{"show license status", "Smart Licensing is ENABLED\n\nRegistration:\n  Status: REGISTERED\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.License != nil && s.License.Registration.Status.Value == "REGISTERED"
		}},
	{"show license usage", "License Authorization:\n  Status: Not Applicable\n\n(LAN_ENTERPRISE_SERVICES_PKG):\n  Status: IN USE\n  Enforcement Type: NOT ENFORCED\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.License != nil && s.License.SLP.Value && s.Has("show license usage")
		}},
	{"show license summary", "License Usage:\n  License   Entitlement Tag   Count Status\n  LAN_ENTERPRISE_SERVICES_PKG (LAN license for Nexus 9300-XF) 1 IN USE\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.License != nil && s.License.SLP.Value && s.Has("show license summary")
		}},
	{"show running-config callhome", "!Command: show running-config callhome\n!Time: Fri Apr 12 09:20:31 2024\n\nversion 9.3(9) Bios:version 05.45\ncallhome\n  enable\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.Config != nil && s.Config.Callhome != nil && s.Config.Callhome.Enabled.Value
		}},
	{"show running-config (fragment)", "callhome\n  transport http use-vrf management\n  enable\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.Config != nil && s.Config.Callhome != nil && s.Config.Callhome.VRF.Value == "management"
		}},
	{"show running-config interface", "interface mgmt0\n  vrf member management\n  ip address 192.0.2.10/24\n", false,
		func(s *snapshot.Snapshot) bool { return s.Config != nil && s.Config.Interfaces["mgmt0"] != nil }},
	{"show running-config | include source-interface", "ip http source-interface mgmt0 vrf management\nvrf context management\n", false,
		func(s *snapshot.Snapshot) bool { return s.Config != nil && s.Config.HTTPSource != nil }},
	{"show running-config | include name-server", "no ip domain-lookup\nip name-server 192.0.2.53 use-vrf management\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.Config != nil && s.Config.DomainLookupOff != nil && len(s.Config.NameServers) == 1
		}},
	{"show running-config | include license", "version 10.3(1) Bios:version 05.47\nlicense smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.Config != nil && s.Config.License != nil && s.Config.License.Transport.Value == "smart"
		}},
	{"show running-config | include ntp", "ntp server 192.0.2.123 use-vrf management\n", false,
		func(s *snapshot.Snapshot) bool { return s.Config != nil && len(s.Config.NTPServers) == 1 }},
	{"show ip route vrf", "IP Route Table for VRF \"management\"\n0.0.0.0/0, ubest/mbest: 1/0\n    *via 192.0.2.1, [1/0], 1d02h, static\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.Routes["management"] != nil && len(s.Routes["management"].Routes) == 1
		}},
	{"show hosts", "DNS lookup disabled\nDefault domain for vrf:default is example.com\nName servers are 192.0.2.53\n", false,
		func(s *snapshot.Snapshot) bool {
			return s.Hosts != nil && s.Hosts.DomainLookup.Said() && !s.Hosts.DomainLookup.Value
		}},
	{"ping", "PING tools.cisco.com (72.163.4.38): 56 data bytes\nRequest 0 timed out\n\n--- tools.cisco.com ping statistics ---\n1 packets transmitted, 0 packets received, 100.00% packet loss\n", false,
		func(s *snapshot.Snapshot) bool { return len(s.Pings) == 1 && s.Pings[0].Target == "tools.cisco.com" }},
	{"show logging logfile", "2022 Jun 22 16:15:41 sw1 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure\n", true,
		func(s *snapshot.Snapshot) bool { return s.LogsCaptured && len(s.Logs) == 1 }},
	{"show crypto ca certificates", "Trustpoint: cisco-sl-root\nCA certificate 0:\nsubject=/CN=IdenTrust Commercial Root CA 1\n", true,
		func(s *snapshot.Snapshot) bool { return s.Trust != nil && len(s.Trust.Certificates) == 1 }},
}

// promptOnly are commands whose output does not say what ran: telnet's
// "Trying 72.163.4.38..." names neither the port nor the VRF. The README
// says to keep their prompt line.
var promptOnly = map[string]bool{"telnet": true}

// TestBarePasteOfEveryCommand: the bare output of every command a check
// needs is read as that command's, and yields the facts it holds.
func TestBarePasteOfEveryCommand(t *testing.T) {
	for _, c := range checks.All() {
		for _, need := range c.Needs {
			verb := strings.Fields(need)[0]
			if promptOnly[verb] {
				continue
			}
			found := false
			for _, b := range barePastes {
				if b.cmd == need || strings.HasPrefix(need, b.cmd) || verb == "ping" && b.cmd == "ping" ||
					strings.HasPrefix(need, "show running-config | include") && strings.HasPrefix(b.cmd, "show running-config | include") {
					found = true
				}
			}
			if !found {
				t.Errorf("%s needs %q: add its bare paste to barePastes", c.ID, need)
			}
		}
	}
	for _, b := range barePastes {
		t.Run(b.cmd, func(t *testing.T) {
			in := b.paste
			if b.shared {
				in = nxosBanner + in
				if _, err := capture.Read("alone.txt", strings.NewReader(b.paste), capture.Options{}); err == nil {
					t.Errorf("the output alone, which IOS prints alike, was taken for NX-OS output")
				}
			}
			c, err := capture.Read("paste.txt", strings.NewReader(in), capture.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Devices) != 1 {
				t.Fatalf("%d devices", len(c.Devices))
			}
			s := snapshot.Build(c.Devices[0])
			if !b.read(s) {
				t.Errorf("not read from the bare paste; sections %v", s.Commands)
			}
			if !s.NXOS() {
				t.Errorf("taken for %s", s.Software)
			}
		})
	}
}
