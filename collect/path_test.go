package collect

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/snapshot"
)

const (
	nxos936 = "Cisco Nexus Operating System (NX-OS) Software\n NXOS: version 9.3(6)\n  cisco Nexus9000 C93180YC-FX Chassis"
	nxos103 = "Cisco Nexus Operating System (NX-OS) Software\n NXOS: version 10.3(6) [Maintenance Release]\n  cisco Nexus9000 C93108TC-EX chassis"
	slpHead = "Smart Licensing Using Policy:\n  Status: ENABLED\n\nTransport:\n"
	// connected is what NX-OS prints when the TCP test connects.
	connected = "Trying 192.0.2.50...\nConnected to %s.\nEscape character is '^]'."
)

// pathDevice is a switch answering every command slcheck runs, with the
// given version, running-config and license status; extra adds outputs.
func pathDevice(version, config, status string, extra map[string]string) map[string]string {
	out := map[string]string{
		"show version":        version,
		"show clock":          "10:02:15.123 UTC Tue Mar 14 2023\nTime source is NTP",
		"show running-config": "!Time: Tue Mar 14 10:02:16 2023\nhostname switch\n" + config,
		"show license status": status,
		"show license usage":  "",
		"show hosts":          "DNS lookup enabled",
		"show logging logfile | include SMART_LIC": "",
		"show logging logfile | include CALLHOME":  "",
		"show crypto ca certificates":              "",
	}
	maps.Copy(out, extra)
	return out
}

// The route, ping and TCP tests `slcheck ssh` types are built from the
// device's licensing path (snapshot.Path): its VRF, and the host and port
// it opens TCP to (the proxy when one is used). What the fake switch
// received is the proof; any other route, ping or telnet line fails.
func TestCollectUsesThePath(t *testing.T) {
	const cslu = "http://cslu.example.net:8182/cslu/v1/pi"
	tests := []struct {
		name    string
		outputs map[string]string
		// after are the exec lines typed after the fixed snapshot.Collected, in
		// order.
		after []string
	}{
		{"classic direct", pathDevice(nxos936,
			"callhome\n  destination-profile CiscoTAC-1 transport-method http\n  destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService\n  transport http use-vrf management\n  enable",
			"Smart Licensing is ENABLED\n\nRegistration:\n  Status: REGISTERED",
			map[string]string{"telnet tools.cisco.com 443 vrf management": strings.Replace(connected, "%s", "tools.cisco.com", 1)}),
			[]string{"show ip route vrf management", "ping tools.cisco.com vrf management count 2", "telnet tools.cisco.com 443 vrf management"}},
		{"classic through a proxy, default VRF", pathDevice(nxos936,
			"callhome\n  destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService\n  transport http proxy server proxy.example.com port 3128\n  transport http proxy enable\n  enable",
			"Smart Licensing is ENABLED", nil),
			[]string{"show ip route vrf default", "ping proxy.example.com vrf default count 2", "telnet proxy.example.com 3128 vrf default"}},
		// The example: NX-OS 10.3(6) reporting to a CSLU on port
		// 8182, no callhome block, the VRF only in the license status.
		{"SLP CSLU on port 8182, VRF from the status", pathDevice(nxos103,
			"license smart transport cslu\nlicense smart url cslu "+cslu,
			slpHead+"  Type: cslu\n  Cslu address: "+cslu+"\n  Proxy:\n    Not Configured\n  VRF: management",
			map[string]string{"telnet cslu.example.net 8182 vrf management": strings.Replace(connected, "%s", "cslu.example.net", 1)}),
			[]string{"show ip route vrf management", "ping cslu.example.net vrf management count 2", "telnet cslu.example.net 8182 vrf management"}},
		{"SLP smart, VRF from the defaults asked for", pathDevice(nxos103,
			"license smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license",
			slpHead+"  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  Proxy:\n    Not Configured\n  VRF:\n    Not Supported",
			map[string]string{"show running-config all | include license": "license smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license\nlicense smart vrf blue"}),
			[]string{"show running-config all | include license", "show ip route vrf blue", "ping smartreceiver.cisco.com vrf blue count 2", "telnet smartreceiver.cisco.com 443 vrf blue"}},
		// Nothing names the VRF: no test is typed in a guessed one.
		{"SLP smart, no VRF anywhere", pathDevice(nxos103,
			"license smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license",
			slpHead+"  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  Proxy:\n    Not Configured\n  VRF:\n    Not Supported",
			map[string]string{"show running-config all | include license": "license smart transport smart"}),
			[]string{"show running-config all | include license"}},
		// A VRF that would smuggle words onto a command line is not used.
		{"SLP VRF not a name", pathDevice(nxos103,
			"license smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license",
			slpHead+"  Type: Smart\n  VRF: management | redirect bootflash:x", nil),
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := start(t, nxsim.Config{Outputs: tt.outputs})
			res := collectOne(t, d, testOptions(t, d, "default"))
			if res.Failure != nil {
				t.Fatal(res.Failure)
			}
			var typed []string
			for _, r := range d.Received() {
				if r.Mode == "exec" && !strings.HasPrefix(r.Text, "terminal ") && r.Text != "exit" {
					typed = append(typed, r.Text)
				}
			}
			if !slices.Equal(typed[:len(snapshot.Collected)], snapshot.Collected) {
				t.Fatalf("typed %q, want snapshot.Collected first", typed)
			}
			if after := typed[len(snapshot.Collected):]; !slices.Equal(after, tt.after) {
				t.Errorf("after snapshot.Collected the switch received %q, want %q", after, tt.after)
			}
		})
	}
}

// The mid-run snapshot is the snapshot of a whole read of the session so
// far: for the session text of every scenario, cut after each command, with
// `show running-config all | include license` and with a large log, it is
// Build's of capture.Read's (the Log it reads on from is tested in
// snapshot), and the Result's Log reads the whole session as capture.Read.
func TestSnapshotAsWholeRead(t *testing.T) {
	c := &Collector{opt: Options{Redact: func(s string) string { return s }}}
	compared := 0
	for _, sc := range scenarios(t) {
		f := sc.file
		cmds := append(slices.Clone(snapshot.Collected), snapshot.CmdLicenseDefaults)
		big := strings.Repeat("2023 Mar 14 10:00:00 DC-DMZ %SYSLOG-5-OTHER: not about licensing\n", 1000)
		for _, extra := range []map[string]string{nil, {snapshot.CmdLogCallhome: big}} {
			s := &session{c: c, t: Target{Host: "127.0.0.1", Port: 22}, res: &Result{}, prompt: sc.Hostname + "#"}
			for _, cmd := range cmds {
				out, ok := extra[cmd]
				if !ok {
					if out, ok = sc.Outputs[cmd]; !ok {
						continue
					}
				}
				s.record(cmd, cleanOutput([]byte(out)))
				got := s.snapshot()
				w, err := capture.Read(s.t.String(), strings.NewReader(s.logText()), capture.Options{})
				if err != nil {
					if !reflect.DeepEqual(got, &snapshot.Snapshot{}) {
						t.Errorf("%s after %s: a whole read fails (%v), the mid-run read decides %+v", f, cmd, err, got.Path)
					}
					continue
				}
				if want := snapshot.Build(w.Devices[0]); !reflect.DeepEqual(got, want) {
					t.Errorf("%s after %s (%d bytes): mid-run snapshot\n%+v\nwhole read\n%+v", f, cmd, s.text.Len(), got, want)
				}
				compared++
			}
			s.record("show ip route vrf management", "IP Route Table for VRF \"management\"\n0.0.0.0/0, ubest/mbest: 1/0\n    *via 10.0.0.1, mgmt0, [1/0], 1d, static\n")
			s.finishLog()
			if s.res.Log == nil {
				continue // no output of the scenario was recorded
			}
			got, gerr := s.res.Log.Read(s.res.Text)
			want, werr := capture.Read(s.t.String(), strings.NewReader(s.res.Text), capture.Options{})
			if gerr != nil || werr != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the session read on from the mid-run read differs from a whole read (%v, %v)", f, gerr, werr)
			}
		}
	}
	if compared < 200 {
		t.Errorf("compared %d session texts, want every scenario's", compared)
	}
}
