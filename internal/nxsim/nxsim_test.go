package nxsim

import (
	"strings"
	"testing"
)

func TestStartRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "10.0.0.1:0", ":0"} {
		if d, err := Start(Config{Addr: addr}); err == nil {
			d.Close()
			t.Errorf("%s: accepted", addr)
		}
	}
}

func TestBundledScenarios(t *testing.T) {
	names := Bundled()
	if len(names) < 2 {
		t.Fatalf("bundled: %v", names)
	}
	for _, n := range names {
		sc, err := BundledScenario(n)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Hostname == "" || !strings.Contains(sc.Outputs["show version"], "NXOS: version") {
			t.Errorf("%s: hostname %q, show version %q", n, sc.Hostname, sc.Outputs["show version"])
		}
	}
	if _, err := BundledScenario("nope"); err == nil {
		t.Error("unknown scenario accepted")
	}
}

func TestLookup(t *testing.T) {
	d := &Device{cfg: Config{Outputs: map[string]string{
		"ping tools.cisco.com vrf management":                      "PING ok",
		"show logging logfile | include LICMGR|CALLHOME|SMART_LIC": "a %SMART_LIC-3-X\nb %CALLHOME-2-Y\nc %LICMGR-3-Z",
	}}}
	tests := []struct{ cmd, want string }{
		{"ping tools.cisco.com vrf management count 2", "PING ok"},
		{"show logging logfile | include SMART_LIC", "a %SMART_LIC-3-X"},
		{"show logging logfile | include CALLHOME", "b %CALLHOME-2-Y"},
	}
	for _, tc := range tests {
		if got, ok := d.lookup(tc.cmd); !ok || got != tc.want {
			t.Errorf("%s: %q %v, want %q", tc.cmd, got, ok, tc.want)
		}
	}
	if _, ok := d.lookup("telnet tools.cisco.com 443"); ok {
		t.Error("telnet answered from a ping output")
	}
}
