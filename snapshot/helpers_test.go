package snapshot

import (
	"testing"

	"github.com/slcheck/slcheck/capture"
	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
)

func TestModeMethodEndpoint(t *testing.T) {
	v := func(rel, chassis string) *capture.Section {
		return sec("show version", 1, " NXOS: version "+rel+"\n cisco "+chassis+" Chassis\n")
	}
	cfg := func(text string) *capture.Section { return sec("show running-config", 100, text) }
	const tac = "callhome\n  destination-profile CiscoTAC-1 index 1 http "
	tests := []struct {
		name   string
		secs   []*capture.Section
		mode   Mode
		method Method
		host   string
	}{
		{"nothing", nil, ModeUnknown, MethodUnknown, ""},
		{"classic direct", []*capture.Section{v("9.3(4)", "Nexus9000 C93180YC-FX"), cfg(tac + "https://tools.cisco.com/its/service/oddce/services/DDCEService\n")},
			ModeClassic, MethodDirect, "tools.cisco.com"},
		{"classic proxy", []*capture.Section{cfg(tac + "https://tools.cisco.com/its/service/oddce/services/DDCEService\n  transport http proxy server 192.0.2.8 port 3128\n  transport http proxy enable\n")},
			ModeClassic, MethodProxy, "tools.cisco.com"},
		// A proxy enabled without a server is no proxy to send through (NET004).
		{"half proxy is no proxy", []*capture.Section{cfg("callhome\n  transport http proxy enable\n")}, ModeClassic, MethodUnknown, ""},
		{"proxy server not enabled is ignored", []*capture.Section{cfg(tac + "https://tools.cisco.com/its/service/oddce/services/DDCEService\n  transport http proxy server 192.0.2.8 port 3128\n")},
			ModeClassic, MethodDirect, "tools.cisco.com"},
		{"on-prem", []*capture.Section{cfg(tac + "https://10.106.41.7/Transportgateway/services/DeviceRequestHandler\n")},
			ModeClassic, MethodOnPrem, "10.106.41.7"},
		{"no url", []*capture.Section{cfg("callhome\n  enable\n")}, ModeClassic, MethodUnknown, ""},
		{"classic license output only", []*capture.Section{sec("show license status", 1, "Smart Licensing is ENABLED\n")}, ModeClassic, MethodUnknown, ""},
		{"10.2(3) on N9K is SLP", []*capture.Section{v("10.2(3)", "Nexus9000 C9332D-GX2B"), cfg(tac + "https://tools.cisco.com/x\n")},
			ModeSLP, MethodUnknown, ""},
		{"N7K runs classic on any release from 8.0(1)", []*capture.Section{v("10.2(3)", "Nexus7000 C7010")}, ModeClassic, MethodUnknown, ""},
		{"N7K before 8.0(1) runs none", []*capture.Section{v("7.3(2)D1(1)", "Nexus7000 C7010")}, ModeUnknown, MethodUnknown, ""},
		{"9.3(6) on N9K is classic", []*capture.Section{v("9.3(6)", "Nexus9000 C9396PX")}, ModeClassic, MethodUnknown, ""},
		{"N3064 runs none", []*capture.Section{v("9.3(7)", "Nexus 3064")}, ModeUnknown, MethodUnknown, ""},
		{"config header 10.3(1) alone is SLP", []*capture.Section{cfg("version 10.3(1) Bios:version 07.69\n" + tac + "https://tools.cisco.com/x\n")}, ModeSLP, MethodUnknown, ""},
		{"config header 9.3(10) alone says nothing", []*capture.Section{cfg("version 9.3(10) Bios:version 07.69\nhostname x\n")}, ModeUnknown, MethodUnknown, ""},
		{"SLP usage output", []*capture.Section{sec("show license usage", 1, "License Authorization:\n  Status: Not Applicable\n\n(LAN_ENTERPRISE_SERVICES_PKG):\n  Status: IN USE\n")}, ModeSLP, MethodUnknown, ""},
		{"SLP config", []*capture.Section{cfg("license smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license\n")},
			ModeSLP, MethodDirect, "smartreceiver.cisco.com"},
		{"SLP cslu", []*capture.Section{cfg("license smart transport cslu\nlicense smart url cslu http://cslu.example.com:8182/cslu/v1/pi\n")},
			ModeSLP, MethodOnPrem, "cslu.example.com"},
		{"SLP over callhome", []*capture.Section{cfg("license smart transport callhome\n" + tac + "https://tools.cisco.com/its/service/oddce/services/DDCEService\n  transport http proxy server 192.0.2.8\n  transport http proxy enable\n")},
			ModeSLP, MethodProxy, "tools.cisco.com"},
		{"SLP output with proxy", []*capture.Section{sec("show license status", 1, "Smart Licensing Using Policy:\nTransport:\n  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  Proxy:\n    Address: 192.0.2.8\n    Port: 80\n")},
			ModeSLP, MethodProxy, "smartreceiver.cisco.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Build(device(tt.secs...))
			if s.Mode() != tt.mode || s.Method() != tt.method || s.Path.Host != tt.host {
				t.Errorf("mode %q method %q host %q", s.Mode(), s.Method(), s.Path.Host)
			}
		})
	}
}

func TestPathCallhomeVRF(t *testing.T) {
	tests := []struct {
		name  string
		secs  []*capture.Section
		vrf   string
		line  int
		known bool
	}{
		{"not captured", nil, "", 0, false},
		{"use-vrf", []*capture.Section{sec("show running-config callhome", 0, seedCallhome)}, "management", 7, true},
		{"default", []*capture.Section{sec("show running-config callhome", 0, "callhome\n  enable\n")}, DefaultVRF, 1, true},
		{"no callhome block in a whole config", []*capture.Section{sec("show running-config", 0, "hostname x\n")}, DefaultVRF, 0, true},
		{"fragment that cannot tell", []*capture.Section{sec("show running-config | include hostname", 0, "hostname x\n")}, "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Build(device(tt.secs...)).Path
			line := 0
			if d := p.Evidence.VRF; len(d.Lines) > 0 {
				line = d.Lines[0].Line
			}
			if p.VRF != tt.vrf || line != tt.line || p.Evidence.VRF.Known != tt.known {
				t.Errorf("got %q line %d known %v", p.VRF, line, p.Evidence.VRF.Known)
			}
		})
	}
}

func TestInterfaceVRF(t *testing.T) {
	s := Build(device(sec("show running-config", 0, "interface Vlan27\n  vrf member blue\ninterface Ethernet1/1\n  description x\ninterface mgmt0\n  vrf member management\n")))
	tests := []struct {
		name, vrf string
		line      int
		known     bool
	}{
		{"vlan 27", "blue", 2, true},
		{"Eth1/1", DefaultVRF, 3, true},
		{"mgmt0", "management", 6, true},
		{"Vlan99", "", 0, false},
	}
	for _, tt := range tests {
		vrf, ref, known := s.InterfaceVRF(tt.name)
		if vrf != tt.vrf || ref.Line != tt.line || known != tt.known {
			t.Errorf("InterfaceVRF(%q) = %q line %d %v", tt.name, vrf, ref.Line, known)
		}
	}
	// mgmt0 is in VRF management even when its config was not captured.
	if vrf, _, known := Build(device()).InterfaceVRF("mgmt0"); vrf != "management" || !known {
		t.Errorf("mgmt0 without config: %q %v", vrf, known)
	}
}

func TestURLHost(t *testing.T) {
	for in, want := range map[string]string{
		"https://tools.cisco.com/its/service/oddce/services/DDCEService": "tools.cisco.com",
		"https://TOOLS.cisco.com.:443/x":                                 "tools.cisco.com",
		"tools.cisco.com/its":                                            "tools.cisco.com",
		"https://[2001:db8::1]/x":                                        "2001:db8::1",
		"":                                                               "",
		"https://10.106.41.xx/Transportgateway":                          "10.106.41.xx",
	} {
		if got := URLHost(in); got != want {
			t.Errorf("URLHost(%q) = %q, want %q", in, got, want)
		}
	}
	if !IsIPHost("10.1.1.1") || IsIPHost("10.106.41.xx") || !IsIPHost("2001:db8::1") {
		t.Error("IsIPHost")
	}
}
