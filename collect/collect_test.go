package collect

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/slcheck/slcheck/internal/nxsim"
)

const (
	testUser = "admin"
	testPass = "Sup3r-S3cret-pw"
)

// outputs is a small device: enough for every command to answer.
var outputs = map[string]string{
	"show version":        "Cisco Nexus Operating System (NX-OS) Software\n NXOS: version 9.3(5)\n  cisco Nexus9000 C9348GC-FXP Chassis",
	"show clock":          "10:02:15.123 UTC Tue Mar 14 2023\nTime source is NTP",
	"show running-config": "!Time: Tue Mar 14 10:02:16 2023\nhostname switch\nusername admin password 5 $5$KJHDFG$Qw3rTy9uIoP1aSdFgHjK  role network-admin\ncallhome\n  transport http use-vrf management\n  enable",
	"show license status": "Smart Licensing is ENABLED",
	"show license all":    "Smart Licensing is ENABLED",
	"show hosts":          "DNS lookup enabled",
	"show logging logfile | include SMART_LIC": "",
	"show logging logfile | include CALLHOME":  "",
	"show crypto ca certificates":              "",
	"show ip route vrf management":             "0.0.0.0/0, ubest/mbest: 1/0\n    *via 10.10.1.1, [1/0], 2w1d, static",
}

// start runs a fake device for one test.
func start(t *testing.T, cfg nxsim.Config) *nxsim.Device {
	t.Helper()
	if cfg.Users == nil {
		cfg.Users = map[string]string{testUser: testPass}
	}
	if cfg.Outputs == nil {
		cfg.Outputs = outputs
	}
	d, err := nxsim.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func target(d *nxsim.Device) Target { return Target{Host: "127.0.0.1", Port: d.Port()} }

// knownHosts writes a known_hosts file holding key for d.
func knownHosts(t *testing.T, d *nxsim.Device, key ssh.PublicKey) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "known_hosts")
	if err := os.WriteFile(p, []byte(KnownHostsLine(d.Addr(), key)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func testOptions(t *testing.T, d *nxsim.Device, transport string) Options {
	return Options{
		Auth:           Auth{User: testUser, Password: testPass},
		HostKeys:       HostKeys{Files: []string{knownHosts(t, d, d.HostKey())}},
		Transport:      transport,
		ConnectTimeout: 3 * time.Second,
		CommandTimeout: 2 * time.Second,
		ActiveTimeout:  3 * time.Second,
		HostTimeout:    20 * time.Second,
	}
}

func collectOne(t *testing.T, d *nxsim.Device, opt Options) *Result {
	t.Helper()
	c, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return c.Collect(context.Background(), target(d))
}

// transports are the scrapligo transports under test: slcheck's default
// and OpenSSH (skipped where no ssh client is installed).
func transports(t *testing.T) []string {
	out := []string{"default"}
	if _, err := exec.LookPath("ssh"); err == nil {
		out = append(out, "system")
	} else {
		t.Log("no ssh client: system transport not tested")
	}
	return out
}

// assertReadOnly fails if the device received anything but allowed
// commands, or ever left exec mode.
func assertReadOnly(t *testing.T, d *nxsim.Device) {
	t.Helper()
	for _, r := range d.Received() {
		switch r.Mode {
		case "exec":
			if !Allowed(r.Text) {
				t.Errorf("device received %q, not a read-only command", r.Text)
			}
		case "telnet":
			if !escapeKeys[strings.ReplaceAll(strings.ReplaceAll(r.Text, "^]", "\x1d"), "^C", "\x03")] {
				t.Errorf("device received %q in a telnet session", r.Text)
			}
		default:
			t.Errorf("device received %q in %s mode", r.Text, r.Mode)
		}
	}
}

func TestCollectHappyPath(t *testing.T) {
	for _, tr := range transports(t) {
		t.Run(tr, func(t *testing.T) {
			d := start(t, nxsim.Config{})
			res := collectOne(t, d, testOptions(t, d, tr))
			if res.Failure != nil {
				t.Fatalf("failure: %v", res.Failure)
			}
			if res.Hostname != "switch" {
				t.Errorf("hostname %q", res.Hostname)
			}
			for _, want := range []string{
				"switch# show version\nCisco Nexus Operating System (NX-OS) Software\n NXOS: version 9.3(5)\n",
				"switch# show clock\n10:02:15.123 UTC Tue Mar 14 2023\n",
				"switch# show logging logfile | include CALLHOME\nswitch# show crypto ca certificates\n",
			} {
				if !strings.Contains(res.Text, want) {
					t.Errorf("text lacks %q:\n%s", want, res.Text)
				}
			}
			if len(res.Skipped) != 0 {
				t.Errorf("skipped: %v", res.Skipped)
			}
			if res.WorkstationTime.IsZero() {
				t.Error("workstation time of show clock not recorded")
			}
			if strings.Contains(res.Text, testPass) {
				t.Error("password in the capture")
			}
			assertReadOnly(t, d)
		})
	}
}
