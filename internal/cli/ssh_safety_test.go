package cli

import (
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/internal/sshdtest"
)

// SSH safety through the command line, against the fake switch on
// loopback: what the device received is the proof.

// startFake starts the fake switch of a bundled scenario.
func startFake(t *testing.T, scenario string) *nxsim.Device {
	t.Helper()
	sc, err := nxsim.BundledScenario(scenario)
	if err != nil {
		t.Fatal(err)
	}
	d, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: sc.Outputs,
		Users: map[string]string{"admin": sshPass}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// needTransport skips a test of the system transport where no ssh client
// is installed (CI installs one).
func needTransport(t *testing.T, transport string) {
	if _, err := exec.LookPath("ssh"); err != nil && transport == "system" {
		t.Skip("no ssh client")
	}
}

// trusting writes a known_hosts file that trusts d.
func trusting(t *testing.T, d *nxsim.Device) string {
	t.Helper()
	kh := filepath.Join(t.TempDir(), "known_hosts")
	if err := os.WriteFile(kh, []byte(collect.KnownHostsLine(d.Addr(), d.HostKey())+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return kh
}

// readOnlyLine is every line slcheck may type, written out independently
// of collect's allow-list so that a wrong allow-list fails here: show
// commands without a configuration keyword, terminal settings, and the
// ping and TCP 443 tests of doc 217965 (the telnet escape, Ctrl-], is
// recorded as "^]").
var readOnlyLine = regexp.MustCompile(`^(?:show [A-Za-z0-9 |:._-]+|terminal (?:length|width) \d+|ping \S+ vrf \S+ count \d+|telnet \S+ 443 vrf \S+|\^\]|q(?:uit)?|exit|)$`)

// fileWritingPipe is a pipe that would write a file on the switch, or
// mail it, from an otherwise read-only show command.
var fileWritingPipe = regexp.MustCompile(`\|\s*(?:redirect|tee|append|email)\b|>`)

// assertSentReadOnly fails unless the device received only read-only
// lines, all in exec mode (or in the telnet test they belong to).
func assertSentReadOnly(t *testing.T, d *nxsim.Device) {
	t.Helper()
	got := d.Received()
	if len(got) == 0 {
		t.Fatal("the device received nothing: the assertion would be empty")
	}
	for _, r := range got {
		text := strings.TrimSpace(r.Text)
		if (r.Mode != "exec" && r.Mode != "telnet") || !readOnlyLine.MatchString(text) || fileWritingPipe.MatchString(text) {
			t.Errorf("device received %q in %s mode: not a read-only command", r.Text, r.Mode)
		}
	}
}

// Host keys are checked by default (~/.ssh/known_hosts): an unknown or a
// changed key stops the host before any command, exit 3, with the key's
// fingerprint; the password is never offered to the impostor.
func TestSSHHostKeyStopsBeforeAnyCommand(t *testing.T) {
	other, err := nxsim.NewHostKey()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		// knownHosts is the content of ~/.ssh/known_hosts; "" means none.
		knownHosts func(d *nxsim.Device) string
		flags      []string
	}{
		{name: "unknown key, default known_hosts", knownHosts: func(*nxsim.Device) string { return "" }},
		{name: "changed key, default known_hosts", knownHosts: func(d *nxsim.Device) string {
			return collect.KnownHostsLine(d.Addr(), other.PublicKey()) + "\n"
		}},
		{name: "changed key, system ssh", knownHosts: func(d *nxsim.Device) string {
			return collect.KnownHostsLine(d.Addr(), other.PublicKey()) + "\n"
		}, flags: []string{"--transport", "system"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			needTransport(t, strings.TrimPrefix(strings.Join(tc.flags, " "), "--transport "))
			d := startFake(t, "healthy")
			home := t.TempDir()
			t.Setenv("HOME", home)
			if kh := tc.knownHosts(d); kh != "" {
				os.MkdirAll(filepath.Join(home, ".ssh"), 0o700)
				if err := os.WriteFile(filepath.Join(home, ".ssh", "known_hosts"), []byte(kh), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			args := append([]string{"ssh", "-u", "admin", "-o", "json"}, tc.flags...)
			r := runCLI(t, false, map[string]string{"SLCHECK_PASSWORD": sshPass}, "", append(args, d.Addr())...)
			if r.code != ExitCollection {
				t.Errorf("exit %d, want %d\n%s", r.code, ExitCollection, r.err)
			}
			if !strings.Contains(r.err, "host key") {
				t.Errorf("stderr does not say the host key stopped it: %q", r.err)
			}
			if fp := ssh.FingerprintSHA256(d.HostKey()); !strings.Contains(tc.name, "system") && !strings.Contains(r.err, fp) {
				t.Errorf("stderr lacks the device's fingerprint %s: %q", fp, r.err)
			}
			if got := d.Received(); len(got) != 0 {
				t.Errorf("the device received %v before the host key was accepted", got)
			}
			if strings.Contains(r.out+r.err, sshPass) {
				t.Error("password printed")
			}
		})
	}
}

// A whole collection, saved: only read-only commands reach the device, and
// neither the login password nor the device's secrets reach stdout,
// stderr or the saved capture; the capture still holds the evidence.
func TestSSHSessionIsReadOnlyAndRedacted(t *testing.T) {
	for _, transport := range []string{"default", "system"} {
		t.Run(transport, func(t *testing.T) {
			needTransport(t, transport)
			d := startFake(t, "healthy")
			kh := trusting(t, d)
			save := t.TempDir()
			r := runCLI(t, false, map[string]string{"SLCHECK_PASSWORD": sshPass}, "", "ssh", "-u", "admin",
				"--transport", transport, "--known-hosts", kh, "--save", save, "-o", "json", d.Addr())
			if r.code != ExitOK && r.code != ExitFindings {
				t.Fatalf("exit %d\n%s", r.code, r.err)
			}
			assertSentReadOnly(t, d)
			files, _ := filepath.Glob(filepath.Join(save, "*"))
			if len(files) != 1 {
				t.Fatalf("saved %v, want one capture", files)
			}
			saved, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"show running-config", "username admin password 5 <redacted>", "snmp-server community <redacted>"} {
				if !strings.Contains(string(saved), want) {
					t.Errorf("saved capture lacks %q", want)
				}
			}
			for where, text := range map[string]string{"stdout": r.out, "stderr": r.err, "saved capture": string(saved)} {
				for _, secret := range []string{sshPass, "$5$KJHDFG$", "s3cr3tC0mmunity"} {
					if strings.Contains(text, secret) {
						t.Errorf("%s holds %q", where, secret)
					}
				}
			}
		})
	}
}

// --debug writes each switch's whole session to stderr, prefixed with the
// switch and redacted like every other output; without it, nothing.
func TestSSHDebugLog(t *testing.T) {
	for _, transport := range []string{"default", "system"} {
		t.Run(transport, func(t *testing.T) {
			needTransport(t, transport)
			d := startFake(t, "healthy")
			kh := trusting(t, d)
			args := []string{"ssh", "-u", "admin", "--transport", transport, "--known-hosts", kh, "--no-active", "-o", "json", d.Addr()}
			env := map[string]string{"SLCHECK_PASSWORD": sshPass}
			quiet := runCLI(t, false, env, "", args...)
			if strings.Contains(quiet.err, "debug ") {
				t.Errorf("debug lines without --debug:\n%s", quiet.err)
			}
			r := runCLI(t, false, env, "", append(args[:1:1], append([]string{"--debug"}, args[1:]...)...)...)
			if r.code != ExitOK && r.code != ExitFindings {
				t.Fatalf("exit %d\n%s", r.code, r.err)
			}
			prefix := "debug " + d.Addr() + ": "
			for _, want := range []string{"show version", "NXOS: version", "username admin password 5 <redacted>", "snmp-server community <redacted>"} {
				if !strings.Contains(r.err, prefix) || !strings.Contains(r.err, want) {
					t.Errorf("debug log lacks %q", want)
				}
			}
			for _, l := range strings.Split(strings.TrimSuffix(r.err, "\n"), "\n") {
				if !strings.HasPrefix(l, prefix) {
					t.Errorf("stderr line without the switch prefix: %q", l)
				}
			}
			for _, secret := range []string{sshPass, "$5$KJHDFG$", "s3cr3tC0mmunity"} {
				if strings.Contains(r.err, secret) {
					t.Errorf("debug log holds %q", secret)
				}
			}
			if maskWorkstationTime(r.out) != maskWorkstationTime(quiet.out) {
				t.Error("--debug changed the report")
			}
		})
	}
}

// Odd flag values never panic: each is a usage error (exit 2) or, when it
// is a value slcheck can live with, the collection runs and fails on the
// closed loopback port 1 (exit 3). A deadline of 0 or less means the
// default one: a session is never left without one.
func TestSSHHostileFlags(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o600)
	const closed = "127.0.0.1:1"
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--concurrency", "1000000", closed}, ExitCollection, "connection refused"},
		{[]string{"--timeout", "-5s", closed}, ExitCollection, "connection refused"},
		{[]string{"--connect-timeout", "0s", closed}, ExitCollection, "connection refused"},
		{[]string{"--host-timeout", "1ns", closed}, ExitCollection, "deadline"},
		{[]string{"--timeout", "forever", closed}, ExitUsage, `--timeout "forever": want a duration with its unit`},
		{[]string{"--identity", "/dev/null", closed}, ExitUsage, "/dev/null"},
		{[]string{"--identity", dir, closed}, ExitUsage, "is a directory"},
		{[]string{"--known-hosts", dir, closed}, ExitUsage, "is a directory"},
		{[]string{"--save", filepath.Join(file, "sub"), closed}, ExitUsage, "--save"},
		{[]string{"--inventory", "/dev/zero"}, ExitUsage, "/dev/zero:1: a line of more than 64 KiB"},
		{[]string{"--transport=", closed}, ExitUsage, `--transport ""`},
		{[]string{"127.0.0.1:0"}, ExitUsage, `bad port "0"`},
		{[]string{"[:::1]:22"}, ExitUsage, "bad host name"},
		{[]string{"--", "-oProxyCommand=sh"}, ExitUsage, "bad host name"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Setenv("HOME", dir)
			r := runCLI(t, false, map[string]string{"SLCHECK_PASSWORD": "x"}, "", append([]string{"ssh"}, tc.args...)...)
			if r.code != tc.code || !strings.Contains(r.err, tc.err) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.err, tc.code, tc.err)
			}
		})
	}
}

// `slcheck ssh sw1` for an alias of ~/.ssh/config logs in with the user's
// usual key (~/.ssh/id_ed25519, not named anywhere) with no password and
// no terminal, as `ssh sw1` does; a switch that refuses the key and wants
// a password fails that host (exit 3), saying how to give one.
func TestSSHUsualKeyNoPassword(t *testing.T) {
	priv, signer := sshdtest.NewKey(t, "ed25519")
	blk, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := nxsim.BundledScenario("healthy")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		keys     []ssh.PublicKey
		wantCode int
		wantErr  string
	}{
		{"key accepted", []ssh.PublicKey{signer.PublicKey()}, ExitFindings, ""},
		{"key refused, password wanted", nil, ExitCollection, "SLCHECK_PASSWORD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: sc.Outputs,
				Users: map[string]string{"admin": sshPass}, AuthorizedKeys: tc.keys})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { d.Close() })
			home := t.TempDir()
			t.Setenv("HOME", home)
			if err := os.Mkdir(filepath.Join(home, ".ssh"), 0o700); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(home, ".ssh"), "id_ed25519", string(pem.EncodeToMemory(blk)))
			writeFile(t, filepath.Join(home, ".ssh"), "known_hosts", collect.KnownHostsLine(d.Addr(), d.HostKey())+"\n")
			writeFile(t, filepath.Join(home, ".ssh"), "config",
				fmt.Sprintf("Host sw1\n  HostName 127.0.0.1\n  Port %d\n  User admin\n", d.Port()))
			r := runCLI(t, false, nil, "", "ssh", "-o", "json", "sw1")
			if r.code != tc.wantCode {
				t.Fatalf("exit %d, want %d\n%s", r.code, tc.wantCode, r.err)
			}
			if !strings.Contains(r.err, tc.wantErr) {
				t.Errorf("stderr does not say %q: %s", tc.wantErr, r.err)
			}
			if tc.wantErr == "" && decode(t, r.out).Devices[0].Hostname != sc.Hostname {
				t.Errorf("not collected:\n%s", r.out)
			}
		})
	}
}
