package nxsim

import (
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
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

// A capture that pinged the same host from two VRFs (or typed the ping
// twice) answers with the output of the closest command, the same one
// every time: the map's order once made a fleet's run differ from the
// next on the same scenario.
func TestLookupSameTargetTwice(t *testing.T) {
	d := &Device{cfg: Config{Outputs: map[string]string{
		"ping tools.cisco.com vrf management": "PING management",
		"ping tools.cisco.com vrf mgmt vrf":   "",
		"ping tools.cisco.com":                "PING default",
		"telnet tools.cisco.com 443 vrf b":    "Trying b",
		"telnet tools.cisco.com 443 vrf a":    "Trying a",
	}}}
	tests := []struct{ cmd, want string }{
		{"ping tools.cisco.com vrf management count 2", "PING management"},
		{"ping tools.cisco.com vrf mgmt count 2", ""},
		{"ping tools.cisco.com vrf other count 2", "PING management"},
		{"ping tools.cisco.com count 2", "PING default"},
		{"telnet tools.cisco.com 443 vrf b", "Trying b"},
		{"telnet tools.cisco.com 443 vrf c", "Trying a"},
		{"telnet tools.cisco.com 80 vrf b", "Trying a"},
	}
	for _, tc := range tests {
		for range 20 { // a map's order changes from one range to the next
			if got, ok := d.lookup(tc.cmd); !ok || got != tc.want {
				t.Fatalf("%s: %q %v, want %q", tc.cmd, got, ok, tc.want)
			}
		}
	}
}

// Violations catches what a read-only client must never send, so the
// tests that assert it is empty can fail.
func TestViolations(t *testing.T) {
	d, err := Start(Config{Users: map[string]string{"u": "p"}, Outputs: map[string]string{"show version": "v"}})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	c, err := ssh.Dial("tcp", d.Addr(), &ssh.ClientConfig{User: "u", Auth: []ssh.AuthMethod{ssh.Password("p")},
		HostKeyCallback: ssh.FixedHostKey(d.HostKey())})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	in, _ := s.StdinPipe()
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	in.Write([]byte("show version\nconfigure terminal\nfeature ssh\nend\nexit\n"))
	s.Wait()
	showOnly := func(cmd string) bool { return strings.HasPrefix(cmd, "show ") || cmd == "exit" }
	var got []string
	for _, r := range d.Violations(showOnly) {
		got = append(got, r.Mode+": "+r.Text)
	}
	want := []string{"exec: configure terminal", "config: feature ssh", "config: end"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("violations %q, want %q", got, want)
	}
}

func TestCRLF(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"\n\n", ""},
		{"one", "one\r\n"},
		{"one\ntwo\n", "one\r\ntwo\r\n"},
		{"one\n\ntwo", "one\r\n\r\ntwo\r\n"},
		{"a\r\nb\n\n\n", "a\r\r\nb\r\n"},
	} {
		if got := crlf(tc.in); got != tc.want {
			t.Errorf("crlf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
