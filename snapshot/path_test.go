package snapshot

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
)

// lines lists the line numbers of a decision.
func lines(d Decision) []int {
	out := []int{}
	for _, r := range d.Lines {
		out = append(out, r.Line)
	}
	return out
}

func TestPathOf(t *testing.T) {
	v := func(rel string) *capture.Section {
		return sec("show version", 1, " NXOS: version "+rel+"\n cisco Nexus9000 C93108TC-EX Chassis\n")
	}
	// Running-config sections start at line 10, status sections at 40:
	// a config's first line is 11, a status's 41.
	cfg := func(text string) *capture.Section { return sec("show running-config", 10, text) }
	status := func(text string) *capture.Section { return sec("show license status", 40, text) }
	const (
		tac      = "  destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService\n"
		slpHead  = "Smart Licensing Using Policy:\n  Status: ENABLED\nTransport:\n"
		cslu8182 = "http://cslu.example.net:8182/cslu/v1/pi"
	)
	type want struct {
		mode                     Mode
		transport, url, host     string
		port                     int
		kind, vrf, source, proxy string
		proxyPort                int
		// urlLines, vrfLines and proxyLines are the deciding lines.
		urlLines, vrfLines, proxyLines []int
		// ask is Path.Ask(); line is Path.String().
		ask  []string
		line string
	}
	tests := []struct {
		name string
		secs []*capture.Section
		want want
	}{
		{"classic direct", []*capture.Section{v("9.3(4)"), cfg("ip http source-interface mgmt0 vrf management\ncallhome\n" + tac + "  transport http use-vrf management\n  enable\n")},
			want{mode: ModeClassic, transport: "callhome", url: "https://tools.cisco.com/its/service/oddce/services/DDCEService", host: "tools.cisco.com", port: 443,
				kind: KindCisco, vrf: "management", source: "mgmt0", urlLines: []int{13}, vrfLines: []int{14}, proxyLines: []int{}, ask: nil,
				line: "https://tools.cisco.com:443 via VRF management, source mgmt0, no proxy"}},
		{"classic proxy", []*capture.Section{v("9.3(5)"), cfg("callhome\n" + tac + "  transport http proxy server proxy.example.com port 3128\n  transport http proxy enable\n  enable\n")},
			want{mode: ModeClassic, transport: "callhome", url: "https://tools.cisco.com/its/service/oddce/services/DDCEService", host: "tools.cisco.com", port: 443,
				kind: KindCisco, vrf: DefaultVRF, proxy: "proxy.example.com", proxyPort: 3128, urlLines: []int{12}, vrfLines: []int{11}, proxyLines: []int{13, 14},
				line: "https://tools.cisco.com:443 via VRF default, no source interface set, proxy proxy.example.com:3128"}},
		{"classic proxy server not enabled is not used", []*capture.Section{cfg("callhome\n" + tac + "  transport http proxy server 192.0.2.8\n  enable\n")},
			want{mode: ModeClassic, transport: "callhome", url: "https://tools.cisco.com/its/service/oddce/services/DDCEService", host: "tools.cisco.com", port: 443,
				kind: KindCisco, vrf: DefaultVRF, urlLines: []int{12}, vrfLines: []int{11}, proxyLines: []int{13},
				line: "https://tools.cisco.com:443 via VRF default, no source interface set, no proxy in use (see NET004)"}},
		{"on-prem over http", []*capture.Section{v("9.3(5)"), cfg("callhome\n  destination-profile CiscoTAC-1 http http://ssm.example.net/Transportgateway/services/DeviceRequestHandler\n  transport http use-vrf blue\n")},
			want{mode: ModeClassic, transport: "callhome", url: "http://ssm.example.net/Transportgateway/services/DeviceRequestHandler", host: "ssm.example.net", port: 80,
				kind: KindOnPrem, vrf: "blue", urlLines: []int{12}, vrfLines: []int{13}, proxyLines: []int{},
				line: "http://ssm.example.net:80 (on-prem) via VRF blue, no source interface set, no proxy"}},
		{"SLP smart", []*capture.Section{v("10.3(6)"), cfg("license smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license\n"),
			status(slpHead + "  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  Proxy:\n    Not Configured\n  VRF:\n    management\n")},
			want{mode: ModeSLP, transport: "smart", url: "https://smartreceiver.cisco.com/licservice/license", host: "smartreceiver.cisco.com", port: 443,
				kind: KindCisco, vrf: "management", urlLines: []int{45}, vrfLines: []int{49}, proxyLines: []int{},
				line: "https://smartreceiver.cisco.com:443 via VRF management, no proxy"}},
		{"SLP CSLU on port 8182, VRF only in the status", []*capture.Section{v("10.3(6)"), cfg("hostname sw1\nlicense smart transport cslu\nlicense smart url cslu " + cslu8182 + "\n"),
			status(slpHead + "  Type: cslu\n  Cslu address: " + cslu8182 + "\n  Proxy:\n    Not Configured\n  VRF: management\n")},
			want{mode: ModeSLP, transport: "cslu", url: cslu8182, host: "cslu.example.net", port: 8182,
				kind: KindCSLU, vrf: "management", urlLines: []int{45}, vrfLines: []int{48}, proxyLines: []int{},
				line: "http://cslu.example.net:8182 (CSLU) via VRF management, no proxy"}},
		{"SLP CSLU from the config only", []*capture.Section{v("10.3(6)"), cfg("license smart transport cslu\nlicense smart url cslu " + cslu8182 + "\nlicense smart vrf management\n")},
			want{mode: ModeSLP, transport: "cslu", url: cslu8182, host: "cslu.example.net", port: 8182,
				kind: KindCSLU, vrf: "management", urlLines: []int{12}, vrfLines: []int{13}, proxyLines: []int{},
				line: "http://cslu.example.net:8182 (CSLU) via VRF management, no proxy"}},
		{"SLP VRF closing the transport line", []*capture.Section{v("10.3(6)"), cfg("license smart transport cslu vrf LIC\nlicense smart url cslu " + cslu8182 + "\n")},
			want{mode: ModeSLP, transport: "cslu", url: cslu8182, host: "cslu.example.net", port: 8182,
				kind: KindCSLU, vrf: "LIC", urlLines: []int{12}, vrfLines: []int{11}, proxyLines: []int{},
				line: "http://cslu.example.net:8182 (CSLU) via VRF LIC, no proxy"}},
		{"SLP VRF closing the URL line", []*capture.Section{v("10.3(6)"), cfg("license smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license use-vrf management\n")},
			want{mode: ModeSLP, transport: "smart", url: "https://smartreceiver.cisco.com/licservice/license", host: "smartreceiver.cisco.com", port: 443,
				kind: KindCisco, vrf: "management", urlLines: []int{12}, vrfLines: []int{12}, proxyLines: []int{},
				line: "https://smartreceiver.cisco.com:443 via VRF management, no proxy"}},
		{"SLP VRF closing the proxy line", []*capture.Section{v("10.3(6)"), cfg("license smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license\nlicense smart proxy address 192.0.2.8 port 3128 vrf LIC\n")},
			want{mode: ModeSLP, transport: "smart", url: "https://smartreceiver.cisco.com/licservice/license", host: "smartreceiver.cisco.com", port: 443,
				kind: KindCisco, vrf: "LIC", proxy: "192.0.2.8", proxyPort: 3128, urlLines: []int{12}, vrfLines: []int{13}, proxyLines: []int{13},
				line: "https://smartreceiver.cisco.com:443 via VRF LIC, proxy 192.0.2.8:3128"}},
		{"SLP proxy in the status, port under it", []*capture.Section{status(slpHead + "  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  Proxy:\n    Address: 192.0.2.8\n    Port: 8080\n")},
			want{mode: ModeSLP, transport: "smart", url: "https://smartreceiver.cisco.com/licservice/license", host: "smartreceiver.cisco.com", port: 443,
				kind: KindCisco, proxy: "192.0.2.8", proxyPort: 8080, urlLines: []int{45}, vrfLines: []int{}, proxyLines: []int{47},
				ask:  []string{CmdLicenseConfig},
				line: "https://smartreceiver.cisco.com:443 via VRF unknown, proxy 192.0.2.8:8080 (run `show running-config | include license`)"}},
		{"SLP VRF not supported and no VRF line: ask, do not assume default", []*capture.Section{v("10.3(6)"), cfg("license smart transport smart\n"),
			status(slpHead + "  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  Proxy:\n    Not Configured\n  VRF:\n    Not Supported\n")},
			want{mode: ModeSLP, transport: "smart", url: "https://smartreceiver.cisco.com/licservice/license", host: "smartreceiver.cisco.com", port: 443,
				kind: KindCisco, urlLines: []int{45}, vrfLines: []int{}, proxyLines: []int{},
				ask:  []string{CmdLicenseDefaults},
				line: "https://smartreceiver.cisco.com:443 via VRF unknown, no proxy (run `show running-config all | include license`)"}},
		// "Transport: Smart" on one line (the Smart Agent's Other Info
		// spelling): the URL and VRF under it still decide.
		{"SLP status with the type on the Transport line", []*capture.Section{v("10.3(6)"), cfg("license smart transport smart\n"),
			status("Smart Licensing Using Policy:\n  Status: ENABLED\nTransport: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  VRF: management\n")},
			want{mode: ModeSLP, transport: "smart", url: "https://smartreceiver.cisco.com/licservice/license", host: "smartreceiver.cisco.com", port: 443,
				kind: KindCisco, vrf: "management", urlLines: []int{44}, vrfLines: []int{45}, proxyLines: []int{},
				line: "https://smartreceiver.cisco.com:443 via VRF management, no proxy"}},
		{"SLP over callhome", []*capture.Section{v("10.2(3)"), cfg("license smart transport callhome\ncallhome\n" + tac + "  transport http use-vrf management\n")},
			want{mode: ModeSLP, transport: "callhome", url: "https://tools.cisco.com/its/service/oddce/services/DDCEService", host: "tools.cisco.com", port: 443,
				kind: KindCisco, vrf: "management", urlLines: []int{13}, vrfLines: []int{14}, proxyLines: []int{},
				line: "https://tools.cisco.com:443 via VRF management, no source interface set, no proxy"}},
		{"SLP transport off", []*capture.Section{v("10.2(3)"), cfg("license smart transport off\n")},
			want{mode: ModeSLP, transport: "off", kind: KindUnknown, urlLines: []int{}, vrfLines: []int{}, proxyLines: []int{},
				line: "none: the SLP transport is off"}},
		{"nothing known", nil,
			want{mode: ModeUnknown, transport: "callhome", kind: KindUnknown, urlLines: []int{}, vrfLines: []int{}, proxyLines: []int{},
				ask:  []string{CmdCallhome},
				line: "destination unknown via VRF unknown, source interface unknown, proxy unknown (run `show running-config callhome` and `show running-config | include source-interface`)"}},
		{"SLP release, nothing else", []*capture.Section{v("10.3(6)")},
			want{mode: ModeSLP, kind: KindUnknown, urlLines: []int{}, vrfLines: []int{}, proxyLines: []int{},
				ask:  []string{CmdLicenseStatus, CmdLicenseConfig},
				line: "destination unknown via VRF unknown, proxy unknown (run `show license status` and `show running-config | include license`)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Build(device(tt.secs...)).Path
			w := tt.want
			got := want{mode: p.Mode, transport: p.Transport, url: p.URL, host: p.Host, port: p.Port, kind: p.Kind, vrf: p.VRF,
				source: p.SourceInterface, proxy: p.ProxyHost, proxyPort: p.ProxyPort,
				urlLines: lines(p.Evidence.URL), vrfLines: lines(p.Evidence.VRF), proxyLines: lines(p.Evidence.Proxy),
				ask: p.Ask(), line: p.String()}
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", w) {
				t.Errorf("got  %+v\nwant %+v", got, w)
			}
			// A field is unknown exactly when it says what would tell, or
			// that nothing would.
			for name, d := range map[string]Decision{"url": p.Evidence.URL, "vrf": p.Evidence.VRF, "proxy": p.Evidence.Proxy, "transport": p.Evidence.Transport} {
				if d.Rule == "" || d.Lines == nil || d.Ask == nil {
					t.Errorf("%s: decision %+v lacks its rule, lines or ask", name, d)
				}
				if d.Known && len(d.Ask) > 0 {
					t.Errorf("%s: known but asks %v", name, d.Ask)
				}
			}
			if p.VRF == "" && p.Transport != "off" && p.Evidence.VRF.Known {
				t.Errorf("an empty VRF is known: %+v", p.Evidence.VRF)
			}
		})
	}
}

// Once the defaults were captured too and nothing names the VRF, slcheck
// says so instead of asking for them again, and still does not assume.
func TestPathSLPVRFNothingTells(t *testing.T) {
	s := Build(device(sec("show version", 1, " NXOS: version 10.3(6)\n cisco Nexus9000 C93108TC-EX Chassis\n"),
		sec("show running-config", 10, "license smart transport smart\n"),
		sec("show running-config all | include license", 20, "license smart transport smart\n"),
		sec("show license status", 40, "Smart Licensing Using Policy:\nTransport:\n  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n")))
	p := s.Path
	if p.VRF != "" || p.Evidence.VRF.Known || len(p.Evidence.VRF.Ask) != 0 || !strings.Contains(p.Evidence.VRF.Rule, "check the NX-OS SLP guide") {
		t.Errorf("VRF %q %+v", p.VRF, p.Evidence.VRF)
	}
	if p.RouteCommand() != "" || p.PingCommand() != "" || p.TCPCommand() != "" {
		t.Errorf("tests built without a VRF: %q %q %q", p.RouteCommand(), p.PingCommand(), p.TCPCommand())
	}
}

func TestPathCommands(t *testing.T) {
	tests := []struct {
		name                string
		p                   Path
		route, ping, tcp    string
		nextHost            string
		nextPort            int
		reachCount          int
		endpoint            string
		proxyHost, proxyURL string
	}{
		{name: "CSLU", p: Path{URL: "http://cslu.example.net:8182/cslu/v1/pi", Host: "cslu.example.net", Port: 8182, VRF: "management"},
			route: "show ip route vrf management", ping: "ping cslu.example.net vrf management", tcp: "telnet cslu.example.net 8182 vrf management",
			nextHost: "cslu.example.net", nextPort: 8182, reachCount: 2, endpoint: "http://cslu.example.net:8182"},
		{name: "through a proxy", p: Path{URL: "https://tools.cisco.com/x", Host: "tools.cisco.com", Port: 443, VRF: "default", ProxyHost: "192.0.2.8", ProxyPort: 3128},
			route: "show ip route vrf default", ping: "ping 192.0.2.8 vrf default", tcp: "telnet 192.0.2.8 3128 vrf default",
			nextHost: "192.0.2.8", nextPort: 3128, reachCount: 2, endpoint: "https://tools.cisco.com:443"},
		{name: "proxy without a port: no TCP test", p: Path{URL: "https://tools.cisco.com/x", Host: "tools.cisco.com", Port: 443, VRF: "management", ProxyHost: "proxy.example.com"},
			route: "show ip route vrf management", ping: "ping proxy.example.com vrf management",
			nextHost: "proxy.example.com", reachCount: 1, endpoint: "https://tools.cisco.com:443"},
		{name: "no VRF", p: Path{URL: "https://[2001:db8::1]/x", Host: "2001:db8::1", Port: 443},
			nextHost: "2001:db8::1", nextPort: 443, endpoint: "https://[2001:db8::1]:443"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, port := tt.p.Next()
			if tt.p.RouteCommand() != tt.route || tt.p.PingCommand() != tt.ping || tt.p.TCPCommand() != tt.tcp ||
				h != tt.nextHost || port != tt.nextPort || len(tt.p.Reach()) != tt.reachCount || tt.p.Endpoint() != tt.endpoint {
				t.Errorf("route %q ping %q tcp %q next %s %d reach %v endpoint %q", tt.p.RouteCommand(), tt.p.PingCommand(), tt.p.TCPCommand(), h, port, tt.p.Reach(), tt.p.Endpoint())
			}
		})
	}
}

func TestPortAndProxyForms(t *testing.T) {
	for raw, want := range map[string]int{
		"https://smartreceiver.cisco.com/licservice/license": 443,
		"HTTP://cslu.example.net/cslu/v1/pi":                 80,
		"http://10.1.1.1:8182/cslu/v1/pi":                    8182,
		"https://ssm.example.net:8443/SmartTransport":        8443,
		"cslu.example.net:8182/cslu/v1/pi":                   8182,
		"cslu.example.net/cslu/v1/pi":                        0,
		"":                                                   0,
	} {
		if got := urlPort(raw); got != want {
			t.Errorf("urlPort(%q) = %d, want %d", raw, got, want)
		}
	}
	for raw, want := range map[string]string{
		"192.0.2.8":    "192.0.2.8 0",
		"192.0.2.8:80": "192.0.2.8 80",
		"http://user:secret@Proxy.example.com:3128": "proxy.example.com 3128",
		"address 192.0.2.8 port 8080":               "192.0.2.8 8080",
		"url http://proxy.example.com:3128":         "proxy.example.com 3128",
		"[2001:db8::8]:3128":                        "2001:db8::8 3128",
		"PROXY.example.com":                         "proxy.example.com 0",
		"https://[2001:db8::1]:3128/":               "2001:db8::1 3128",
	} {
		h, p := proxyHostPort(raw)
		if got := fmt.Sprintf("%s %d", h, p); got != want {
			t.Errorf("proxyHostPort(%q) = %s, want %s", raw, got, want)
		}
	}
	for in, want := range map[string]string{"Smart": "smart", "Transport Off": "off", "CSLU": "cslu", "Callhome": "callhome", "call-home": "callhome", "off": "off", "Automatic": "automatic"} {
		if got := transportKeyword(in); got != want {
			t.Errorf("transportKeyword(%q) = %q, want %q", in, got, want)
		}
	}
	if !slices.Equal(Path{}.Reach(), nil) {
		t.Error("an empty path has tests")
	}
}

// A VRF or host from the device that is not a valid NX-OS name becomes a
// placeholder in every command built from the path, typed or pasted.
func TestPathCommandsInvalidNames(t *testing.T) {
	p := Path{Host: "tools.cisco.com;reload;", Port: 443, VRF: "mgmt;reload"}
	for _, c := range []string{p.RouteCommand(), p.PingCommand(), p.TCPCommand()} {
		if strings.Contains(c, "reload") {
			t.Errorf("command %q holds the device's value", c)
		}
	}
	if got := p.TCPCommand(); got != "telnet <host> 443 vrf <vrf>" {
		t.Errorf("TCPCommand = %q", got)
	}
	if got := (Path{Host: "tools.cisco.com", Port: 443, VRF: "management"}).PingCommand(); got != "ping tools.cisco.com vrf management" {
		t.Errorf("PingCommand = %q", got)
	}
}

// What serves a URL: Cisco's host names, any other name (an on-prem
// server), the transport cslu; an address by the URL's path.
func TestKindOf(t *testing.T) {
	for _, tc := range []struct{ transport, url, want string }{
		{"callhome", "https://tools.cisco.com/its/service/oddce/services/DDCEService", KindCisco},
		{"smart", "https://smartreceiver.cisco.com/licservice/license", KindCisco},
		{"smart", "https://72.163.10.5/licservice/license", KindCisco},
		{"callhome", "https://10.1.1.2/Transportgateway/services/DeviceRequestHandler", KindOnPrem},
		{"smart", "https://ssm.example.net/SmartTransport", KindOnPrem},
		{"smart", "https://192.0.2.9/whatever", KindUnknown},
		{"cslu", "http://192.0.2.50:8182/cslu/v1/pi", KindCSLU},
		{"callhome", "", KindUnknown},
	} {
		if got := (Path{Transport: tc.transport}).WithURL(tc.url).Kind; got != tc.want {
			t.Errorf("%s %s: kind %s, want %s", tc.transport, tc.url, got, tc.want)
		}
	}
}
