package snapshot

import (
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

// sec builds a section; its lines are numbered from line+1.
func sec(cmd string, line int, text string) *capture.Section {
	s := &capture.Section{Command: cmd, Typed: cmd, Source: "cap.txt", Line: line}
	for i, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		s.Lines = append(s.Lines, capture.Line{N: line + 1 + i, Text: l})
	}
	return s
}

func device(secs ...*capture.Section) *capture.Device {
	return &capture.Device{Source: "cap.txt", Format: "show-tech", Sections: secs}
}

const seedCallhome = `!Time: Wed Jun 22 16:16:28 2022
version 9.3(4) Bios:version 07.67
callhome
  email-contact sch-smart-licensing@cisco.com
  destination-profile CiscoTAC-1 transport-method http
  destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService
  transport http use-vrf management
  enable
`

func TestBuildDispatchAndMerge(t *testing.T) {
	full := `!Time: Wed Jun 22 16:20:00 2022
hostname DC-DMZ
ip name-server 192.0.2.53 use-vrf management
ip http source-interface Vlan27
callhome
  email-contact sch-smart-licensing@cisco.com
  destination-profile CiscoTAC-1 transport-method http
  destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService
  transport http use-vrf management
  enable
interface Vlan27
  vrf member blue
`
	dev := device(
		sec("show version", 1, "Cisco Nexus Operating System (NX-OS) Software\n NXOS: version 9.3(4)\n cisco Nexus9000 C93180YC-FX Chassis\n Device name: DC-DMZ\n"),
		sec("show running-config callhome", 10, seedCallhome),
		sec("show running-config", 30, full),
		sec("show license status", 50, "Smart Licensing is ENABLED\nRegistration:\n  Status: REGISTERED\n"),
		sec("show license summary", 60, "Smart Licensing is ENABLED\nLicense Authorization:\n  Status: AUTHORIZED\n"),
		sec("show ip route vrf management", 70, "IP Route Table for VRF \"management\"\n0.0.0.0/0, ubest/mbest: 1/0\n    *via 10.0.0.1, [1/0], 3w2d, static\n"),
		sec("ping tools.cisco.com vrf management", 80, "% Invalid host/interface tools.cisco.com\n"),
		sec("telnet tools.cisco.com 443 vrf management", 90, "Connected to tools.cisco.com.\n"),
		sec("show hosts", 100, "DNS lookup enabled\n"),
		sec("show logging logfile", 110, "2022 Jun 22 16:15:41 DC-DMZ %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x\n2022 Jun 22 16:15:42 DC-DMZ %ETHPORT-5-IF_UP: y\n"),
		sec("show crypto ca certificates", 120, "Trustpoint: CiscoTAC\nsubject= /CN=QuoVadis Root CA 2\n"),
		sec("show inventory", 130, "NAME: \"Chassis\"\n"),
	)
	s := Build(dev)
	if s.Version == nil || s.Version.Release.Value != "9.3(4)" || s.Hostname != "DC-DMZ" {
		t.Fatalf("version %+v hostname %q", s.Version, s.Hostname)
	}
	if !s.Has("show inventory") || !s.Has("show running-config callhome") {
		t.Errorf("Commands = %v", s.Commands)
	}
	c := s.Config
	if c == nil || !c.Complete(parsers.TopicAll) || !c.Complete(parsers.TopicCallhome) {
		t.Fatalf("config covers %v", c.Covers)
	}
	// The callhome block appears in both sections: one fact, not two.
	if tac := c.Callhome.Profile(parsers.TACProfile); len(tac.URLs) != 1 || len(tac.TransportMethods) != 1 {
		t.Errorf("CiscoTAC-1 merged twice: %+v", tac)
	}
	if c.HTTPSource == nil || c.Interfaces["Vlan27"] == nil || len(c.NameServersFor("management")) != 1 {
		t.Errorf("full-config facts lost: %+v %+v", c.HTTPSource, c.Interfaces)
	}
	if s.License == nil || s.License.Registration.Status.Value != "REGISTERED" || s.License.Authorization.Status.Value != "AUTHORIZED" {
		t.Errorf("license = %+v", s.License)
	}
	if rt := s.Routes["management"]; rt == nil || len(rt.Routes) != 1 {
		t.Errorf("routes = %+v", s.Routes)
	}
	if len(s.Pings) != 1 || !s.Pings[0].Unresolved || len(s.TCPTests) != 1 || !s.TCPTests[0].Connected {
		t.Errorf("pings %+v tcp %+v", s.Pings, s.TCPTests)
	}
	if s.Hosts == nil || !s.LogsCaptured || len(s.Logs) != 1 || s.Trust == nil {
		t.Errorf("hosts %v logs %v %v trust %v", s.Hosts, s.LogsCaptured, s.Logs, s.Trust)
	}
	// No show clock: the first config's !Time: dates the capture.
	if want := time.Date(2022, 6, 22, 16, 16, 28, 0, time.UTC); !s.CapturedAt.Value.Equal(want) || s.CapturedAt.Ref.Line != 11 {
		t.Errorf("CapturedAt %+v", s.CapturedAt)
	}
	if len(s.Mixed) != 0 {
		t.Errorf("Mixed = %v", s.Mixed)
	}
	if s.Mode() != ModeClassic || s.Method() != MethodDirect {
		t.Errorf("mode %s method %s", s.Mode(), s.Method())
	}
}

func TestCapturedAtOrder(t *testing.T) {
	clock := sec("show clock", 1, "14:22:11.123 UTC Thu Nov 26 2026\n")
	cfg := sec("show running-config callhome", 5, seedCallhome)
	tech := sec("show tech-support details", 30, "---- show tech-support details ----\nTime: Tue Nov 24 10:00:00 2026\n")
	logs := sec("show logging logfile", 40, "2026 Nov 20 10:00:00 sw %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: a\n2026 Nov 21 09:00:00 sw %CALLHOME-2-EVENT: b\n2026 Nov 19 10:00:00 sw %CALLHOME-2-EVENT: c\n")
	tests := []struct {
		name string
		dev  *capture.Device
		want time.Time
		line int
	}{
		{"show clock first", device(logs, tech, cfg, clock), time.Date(2026, 11, 26, 14, 22, 11, 123e6, time.UTC), 2},
		{"then !Time:", device(logs, tech, cfg), time.Date(2022, 6, 22, 16, 16, 28, 0, time.UTC), 6},
		{"then show-tech header", device(logs, tech), time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC), 32},
		{"then newest log", device(logs), time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), 42},
		{"nothing", device(sec("show version", 1, "NXOS: version 9.3(4)\n")), time.Time{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Build(tt.dev)
			if !s.CapturedAt.Value.Equal(tt.want) || s.CapturedAt.Ref.Line != tt.line {
				t.Errorf("CapturedAt %v from line %d, want %v line %d", s.CapturedAt.Value, s.CapturedAt.Ref.Line, tt.want, tt.line)
			}
		})
	}
}

func TestMixed(t *testing.T) {
	a := sec("show version", 1, "NXOS: version 9.3(4)\n Processor Board ID FDO1\n Device name: sw-a\n")
	b := sec("show version", 10, "NXOS: version 9.3(4)\n Processor Board ID FDO2\n Device name: sw-b\n")
	s := Build(device(a, b))
	if len(s.Mixed) != 4 {
		t.Errorf("Mixed = %v", s.Mixed)
	}
	host := sec("show running-config", 20, "hostname sw-a\n")
	if s := Build(device(a, host)); len(s.Mixed) != 0 {
		t.Errorf("same device: Mixed = %v", s.Mixed)
	}
	other := sec("show running-config", 20, "hostname other\n")
	if s := Build(device(a, other)); len(s.Mixed) != 2 || s.Mixed[1].Line != 21 {
		t.Errorf("different hostname: Mixed = %v", s.Mixed)
	}
}

func TestSelect(t *testing.T) {
	tests := []struct {
		cmd       string
		keep      bool
		line      string
		lineKept  bool
		hasFilter bool
	}{
		{"show version", true, "", false, false},
		{"show running-config | include name-server", true, "", false, false},
		{"show license status", true, "", false, false},
		{"show ip route vrf management", true, "", false, false},
		{"ping tools.cisco.com vrf management", true, "", false, false},
		{"show interface brief", false, "", false, false},
		{"show processes cpu", false, "", false, false},
		{"show logging logfile", true, "2022 Jun 22 16:15:41 sw %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x", true, true},
		{"show logging last 200", true, "2022 Jun 22 16:15:41 sw %ETHPORT-5-IF_UP: up", false, true},
	}
	for _, tt := range tests {
		keep, filter := Select(tt.cmd)
		if keep != tt.keep || (filter != nil) != tt.hasFilter {
			t.Errorf("Select(%q) = %v, filter %v", tt.cmd, keep, filter != nil)
			continue
		}
		if filter != nil && filter(tt.line) != tt.lineKept {
			t.Errorf("Select(%q) filter(%q) = %v", tt.cmd, tt.line, !tt.lineKept)
		}
	}
	_, f := Select("show tech-support details")
	kept := 0
	for i := 0; i < 100; i++ {
		if f("line") {
			kept++
		}
	}
	if kept != techHeaderLines {
		t.Errorf("tech header kept %d lines", kept)
	}
}

func TestTruncatedConfigCoversNothing(t *testing.T) {
	cfg := sec("show running-config", 0, seedCallhome)
	cfg.Truncated = true
	s := Build(device(cfg))
	if s.Config == nil || len(s.Config.Covers) != 0 || s.Config.Callhome == nil {
		t.Errorf("config = %+v", s.Config)
	}
	if s.Path.VRF != "management" || s.Path.URL == "" {
		t.Errorf("the callhome block that was kept should still be read: path %+v", s.Path)
	}
}
