package collect

import (
	"context"
	"encoding/pem"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/slcheck/slcheck/capture"
	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/internal/sshdtest"
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
	"show license usage":  "Feature                      Ins  Lic   Status Expiry Date Comments\n--------------------------------------------------------------------------------\nLAN_ENTERPRISE_SERVICES_PKG   Yes   -   In use Never       -",
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
	// Every test proves slcheck stayed read-only on every device it met.
	t.Cleanup(func() {
		d.Close()
		assertReadOnly(t, d)
	})
	return d
}

func target(d *nxsim.Device) Target {
	return Target{Host: "127.0.0.1", Port: d.Port(), PortGiven: true}
}

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
		Auth:      Auth{User: testUser, Password: testPass},
		HostKeys:  HostKeys{Files: []string{knownHosts(t, d, d.HostKey())}},
		Transport: transport,
		// Generous: an encrypted key's passphrase costs OpenSSH a second
		// of CPU, more on a loaded machine. Tests that wait it out set less.
		ConnectTimeout: 10 * time.Second,
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
// commands, or ever left exec mode; start runs it after every test.
func assertReadOnly(t *testing.T, d *nxsim.Device) {
	t.Helper()
	for _, r := range d.Violations(Allowed) {
		t.Errorf("device received %q in %s mode: not read-only", r.Text, r.Mode)
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
			if h := capture.CollectedHeader(target(d).String(), res.WorkstationTime); !strings.HasPrefix(res.Text, h+"\n") {
				t.Errorf("the capture does not start with %q:\n%s", h, res.Text)
			}
			if strings.Contains(res.Text, testPass) {
				t.Error("password in the capture")
			}
		})
	}
}

func TestCollectFaults(t *testing.T) {
	otherKey, err := nxsim.NewHostKey()
	if err != nil {
		t.Fatal(err)
	}
	type tc struct {
		name  string
		cfg   nxsim.Config
		tweak func(t *testing.T, d *nxsim.Device, o *Options)
		kind  FailureKind // "" means collected; alternatives separated by |
		step  string
		// sentNothing: the device must not have received any command.
		sentNothing bool
		skipped     string
		maxTime     time.Duration
	}
	cases := []tc{
		{name: "stall after TCP", cfg: nxsim.Config{Faults: nxsim.Faults{StallAfterTCP: true}},
			tweak: func(t *testing.T, d *nxsim.Device, o *Options) { o.ConnectTimeout = time.Second },
			kind:  KindTimeout, sentNothing: true, maxTime: 4 * time.Second},
		{name: "wrong password", cfg: nxsim.Config{},
			tweak: func(t *testing.T, d *nxsim.Device, o *Options) { o.Auth.Password = "wrong" },
			kind:  KindAuth, sentNothing: true},
		{name: "keyboard-interactive only", cfg: nxsim.Config{KeyboardInteractiveOnly: true}},
		{name: "unknown host key", cfg: nxsim.Config{},
			tweak: func(t *testing.T, d *nxsim.Device, o *Options) {
				o.HostKeys.Files = []string{filepath.Join(t.TempDir(), "missing")}
			},
			kind: KindHostKey, sentNothing: true},
		{name: "changed host key", cfg: nxsim.Config{},
			tweak: func(t *testing.T, d *nxsim.Device, o *Options) {
				o.HostKeys.Files = []string{knownHosts(t, d, otherKey.PublicKey())}
			},
			kind: KindHostKey, sentNothing: true},
		// Without echo, the prompt answering Enter may land on the line of
		// the previous one, which no prompt pattern matches: which step
		// times out depends on timing.
		{name: "no echo", cfg: nxsim.Config{Faults: nxsim.Faults{NoEcho: true}},
			kind: KindTimeout + "|" + KindPrompt},
		{name: "wrong prompt", cfg: nxsim.Config{Faults: nxsim.Faults{Prompt: "switch% "}},
			tweak: func(t *testing.T, d *nxsim.Device, o *Options) { o.ConnectTimeout = 2 * time.Second },
			kind:  KindPrompt, step: "login", sentNothing: true},
		{name: "drop mid-command", cfg: nxsim.Config{Faults: nxsim.Faults{DropOn: "show running-config"}},
			kind: KindDropped, step: "show running-config"},
		{name: "permission denied", cfg: nxsim.Config{Faults: nxsim.Faults{Denied: map[string]bool{"show running-config": true}}},
			skipped: "show running-config"},
		{name: "slow command", cfg: nxsim.Config{Faults: nxsim.Faults{Delays: map[string]time.Duration{"show license status": 3 * time.Second}}},
			tweak: func(t *testing.T, d *nxsim.Device, o *Options) { o.CommandTimeout = time.Second },
			kind:  KindTimeout, step: "show license status", maxTime: 3 * time.Second},
		{name: "host deadline", cfg: nxsim.Config{Faults: nxsim.Faults{Delay: 300 * time.Millisecond}},
			tweak: func(t *testing.T, d *nxsim.Device, o *Options) { o.HostTimeout = time.Second },
			kind:  KindTimeout, maxTime: 3 * time.Second},
	}
	for _, tr := range transports(t) {
		for _, c := range cases {
			t.Run(tr+"/"+c.name, func(t *testing.T) {
				d := start(t, c.cfg)
				opt := testOptions(t, d, tr)
				if c.tweak != nil {
					c.tweak(t, d, &opt)
				}
				begin := time.Now()
				res := collectOne(t, d, opt)
				took := time.Since(begin)
				if c.maxTime > 0 && took > c.maxTime {
					t.Errorf("took %s, want under %s", took, c.maxTime)
				}
				switch {
				case c.kind == "" && res.Failure != nil:
					t.Fatalf("failure: %v", res.Failure)
				case c.kind != "" && res.Failure == nil:
					t.Fatalf("collected, want a %s failure", c.kind)
				case c.kind != "" && !slices.Contains(strings.Split(string(c.kind), "|"), string(res.Failure.Kind)):
					t.Fatalf("kind %s (%v), want %s", res.Failure.Kind, res.Failure, c.kind)
				case c.step != "" && res.Failure.Step != c.step:
					t.Errorf("step %q, want %q", res.Failure.Step, c.step)
				}
				if res.Failure != nil {
					t.Logf("%s: %s", res.Failure.Kind, res.Failure.Msg)
					if strings.Contains(res.Failure.Msg, testPass) {
						t.Error("password in the error message")
					}
				}
				// Both transports show the fingerprint (for the system one,
				// OpenSSH is asked again in a second, bounded run).
				if c.kind == KindHostKey {
					fp := ssh.FingerprintSHA256(d.HostKey())
					if !strings.Contains(res.Failure.Msg, fp) {
						t.Errorf("message lacks the fingerprint %s", fp)
					}
				}
				if c.sentNothing && len(d.Received()) > 0 {
					t.Errorf("device received %v", d.Received())
				}
				if c.skipped != "" {
					// The path's fallback may follow: a role denied the whole
					// running-config may be allowed `show running-config callhome`.
					if len(res.Skipped) == 0 || res.Skipped[0].Command != c.skipped {
						t.Errorf("skipped %v, want %s", res.Skipped, c.skipped)
					}
					if strings.Contains(res.Text, "# "+c.skipped+"\n") {
						t.Error("refused command kept in the capture")
					}
				}
			})
		}
	}
}

func TestCollectRefused(t *testing.T) {
	d := start(t, nxsim.Config{})
	tg := target(d)
	d.Close()
	for _, tr := range transports(t) {
		t.Run(tr, func(t *testing.T) {
			c, err := New(testOptions(t, d, tr))
			if err != nil {
				t.Fatal(err)
			}
			res := c.Collect(context.Background(), tg)
			if res.Failure == nil || res.Failure.Kind != KindRefused {
				t.Fatalf("got %+v, want refused", res.Failure)
			}
		})
	}
}

// sshChildren counts the ssh processes whose parent is this test binary,
// zombies included.
func sshChildren(t testing.TB) (alive, zombies int) {
	t.Helper()
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	me := strconv.Itoa(os.Getpid())
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 || !strings.Contains(s[:i], "(ssh") {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 2 || f[1] != me {
			continue
		}
		if f[0] == "Z" {
			zombies++
		} else {
			alive++
		}
	}
	return alive, zombies
}

// The system transport types the password in the channel: it never
// reaches ssh's argv, and every ssh process is reaped.
func TestSystemTransportArgvAndReaping(t *testing.T) {
	real, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no ssh client")
	}
	dir := t.TempDir()
	argv := filepath.Join(dir, "argv.log")
	wrapper := filepath.Join(dir, "ssh")
	script := "#!/bin/sh\nprintf '%s\\n' \"$*\" >> " + argv + "\nenv >> " + argv + "\nexec " + real + " \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	d := start(t, nxsim.Config{})
	opt := testOptions(t, d, "system")
	opt.SSHBin = wrapper
	for range 3 {
		if res := collectOne(t, d, opt); res.Failure != nil {
			t.Fatal(res.Failure)
		}
	}
	opt.Auth.Password = "wrong-" + testPass
	if res := collectOne(t, d, opt); res.Failure == nil || res.Failure.Kind != KindAuth {
		t.Fatalf("wrong password: %+v", res.Failure)
	}
	log, err := os.ReadFile(argv)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(log), "StrictHostKeyChecking=yes") != 4 {
		t.Errorf("ssh was not run 4 times with strict host keys:\n%s", log)
	}
	if strings.Contains(string(log), testPass) {
		t.Errorf("password in ssh's argv or environment:\n%s", log)
	}
	if alive, zombies := sshChildren(t); alive+zombies != 0 {
		t.Errorf("%d ssh processes still running, %d zombies", alive, zombies)
	}
}

// Keys: a plain key, an encrypted key (decrypted with its passphrase,
// which scrapligo cannot do itself), and an ssh-agent.
func TestPublicKeyAuth(t *testing.T) {
	priv, signer := sshdtest.NewKey(t, "ed25519")
	dir := t.TempDir()
	write := func(name string, blk *pem.Block) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, pem.EncodeToMemory(blk), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plainBlk, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	encBlk, err := ssh.MarshalPrivateKeyWithPassphrase(priv, "", []byte("open sesame"))
	if err != nil {
		t.Fatal(err)
	}
	plain, enc := write("id_plain", plainBlk), write("id_enc", encBlk)
	if _, err := LoadIdentity(enc, ""); !errors.Is(err, ErrPassphraseNeeded) {
		t.Errorf("encrypted key without passphrase: %v", err)
	}
	if _, err := LoadIdentity(enc, "wrong"); err == nil {
		t.Error("wrong passphrase accepted")
	}

	sock := startAgent(t, testKey{priv, signer})

	cases := []struct {
		name, transport string
		auth            Auth
	}{
		{"plain key", "default", Auth{User: "anyone", IdentityFile: plain}},
		{"encrypted key", "default", Auth{User: "anyone", IdentityFile: enc, Passphrase: "open sesame"}},
		{"agent", "default", Auth{User: "anyone", AgentSocket: sock}},
		{"plain key", "system", Auth{User: "anyone", IdentityFile: plain}},
		{"encrypted key", "system", Auth{User: "anyone", IdentityFile: enc, Passphrase: "open sesame"}},
	}
	for _, c := range cases {
		t.Run(c.transport+"/"+c.name, func(t *testing.T) {
			if c.transport == "system" {
				if _, err := exec.LookPath("ssh"); err != nil {
					t.Skip("no ssh client")
				}
			}
			d := start(t, nxsim.Config{AuthorizedKeys: []ssh.PublicKey{signer.PublicKey()}})
			opt := testOptions(t, d, c.transport)
			opt.Auth = c.auth
			res := collectOne(t, d, opt)
			if res.Failure != nil {
				t.Fatal(res.Failure)
			}
			if !strings.Contains(res.Text, "# show version\n") {
				t.Errorf("nothing collected:\n%s", res.Text)
			}
		})
	}
}

// With the system transport and no user given, OpenSSH picks the user
// from its configuration (here a -F file standing in for ~/.ssh/config).
func TestSystemTransportUserFromSSHConfig(t *testing.T) {
	real, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no ssh client")
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config")
	if err := os.WriteFile(cfg, []byte("Host *\n  User "+testUser+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wrapper := filepath.Join(dir, "ssh")
	if err := os.WriteFile(wrapper, []byte("#!/bin/sh\nexec "+real+" -F "+cfg+" \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	d := start(t, nxsim.Config{})
	opt := testOptions(t, d, "system")
	opt.SSHBin, opt.Auth.User = wrapper, ""
	if res := collectOne(t, d, opt); res.Failure != nil {
		t.Fatalf("OpenSSH's configured user was not used: %v", res.Failure)
	}
}

// TestLookAlikePromptLines: lines of output shaped like a prompt (a
// banner's, another switch's name) are output, not the end of the command
// (the pitfall the scrapligo reference measured with the joined NX-OS
// pattern): they stay in the capture, with what follows them.
func TestLookAlikePromptLines(t *testing.T) {
	out := map[string]string{}
	for k, v := range outputs {
		out[k] = v
	}
	out["show running-config"] = "!Time: Tue Mar 14 10:02:16 2023\nhostname switch\nbanner motd #\nAUTHORIZED ACCESS#\nother-switch#\ncore-01>\n#\ncallhome\n  transport http use-vrf management\n  enable"
	for _, tr := range transports(t) {
		t.Run(tr, func(t *testing.T) {
			// The device writes the output slowly enough for the
			// look-alike lines to arrive in reads of their own.
			d := start(t, nxsim.Config{Outputs: out, Faults: nxsim.Faults{Delay: 20 * time.Millisecond}})
			res := collectOne(t, d, testOptions(t, d, tr))
			if res.Failure != nil {
				t.Fatalf("failure: %v", res.Failure)
			}
			if got := section(t, res.Text, "show running-config"); got != out["show running-config"] {
				t.Errorf("show running-config read back as\n%s\nwant\n%s\ncapture:\n%s", got, out["show running-config"], res.Text)
			}
			if len(res.Skipped) != 0 {
				t.Errorf("skipped: %v", res.Skipped)
			}
		})
	}
}

// section reads a collected capture as slcheck file does and returns the
// output of one command (it must hold one device).
func section(t *testing.T, text, cmd string) string {
	t.Helper()
	c, err := capture.Read("live", strings.NewReader(text), capture.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Devices) != 1 {
		t.Fatalf("the capture holds %d devices:\n%s", len(c.Devices), text)
	}
	for _, sec := range c.Devices[0].Sections {
		if sec.Command == cmd {
			lines := make([]string, len(sec.Lines))
			for i, l := range sec.Lines {
				lines[i] = l.Text
			}
			return strings.Join(lines, "\n")
		}
	}
	t.Fatalf("no %s in\n%s", cmd, text)
	return ""
}
