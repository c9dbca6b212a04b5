package collect

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/internal/sshdtest"
)

// clientKey writes a private key file and returns it with its public key.
func clientKey(t *testing.T) (string, ssh.PublicKey) {
	t.Helper()
	s, p := sshdtest.WriteKey(t, t.TempDir(), "id_switch", "ed25519")
	return p, s.PublicKey()
}

// A switch reached as an alias of an OpenSSH configuration: its
// HostName, Port, User, IdentityFile and UserKnownHostsFile apply, with
// no port, user or password on slcheck's command line, directly or
// through one or two ProxyJump hosts, with both transports (the system
// one reads the file with -F and gets no -p).
func TestSSHConfigAlias(t *testing.T) {
	id, pub := clientKey(t)
	for _, tr := range transports(t) {
		for _, hops := range []int{0, 1, 2} {
			t.Run(fmt.Sprintf("%s/%d hops", tr, hops), func(t *testing.T) {
				sw := start(t, nxsim.Config{AuthorizedKeys: []ssh.PublicKey{pub}})
				known := []string{KnownHostsLine(sw.Addr(), sw.HostKey())}
				var jumps []string
				cfg := ""
				for i := range hops {
					b := start(t, nxsim.Config{AuthorizedKeys: []ssh.PublicKey{pub}, Forward: true, Hostname: "bastion"})
					known = append(known, KnownHostsLine(b.Addr(), b.HostKey()))
					name := fmt.Sprintf("bastion%d", i)
					jumps = append(jumps, name)
					cfg += fmt.Sprintf("Host %s\n  HostName 127.0.0.1\n  Port %d\n", name, b.Port())
				}
				kh := writeKnown(t, known...)
				cfg += fmt.Sprintf("Host sw1\n  HostName 127.0.0.1\n  Port %d\n", sw.Port())
				if hops > 0 {
					cfg += "  ProxyJump " + strings.Join(jumps, ",") + "\n"
				}
				cfg += fmt.Sprintf("Host *\n  User anyone\n  IdentityFile %s\n  UserKnownHostsFile %s\n", id, kh)
				conf := filepath.Join(t.TempDir(), "config")
				if err := os.WriteFile(conf, []byte(cfg), 0o600); err != nil {
					t.Fatal(err)
				}
				opt := Options{Transport: tr, SSHConfig: []string{conf}, SSHConfigGiven: true,
					HostKeys:       HostKeys{Files: []string{filepath.Join(t.TempDir(), "none")}, Default: true},
					ConnectTimeout: 10 * time.Second, CommandTimeout: 3 * time.Second, ActiveTimeout: 3 * time.Second, HostTimeout: 30 * time.Second}
				if tr == "default" {
					// The default transport wants some way to log in up
					// front; the configuration's key is the one used.
					opt.Auth.Password = "not-the-password"
				} else {
					// As the CLI does: OpenSSH reads known_hosts itself.
					opt.HostKeys = HostKeys{}
				}
				res := collectFrom(t, opt, Target{Host: "sw1", Port: 22})
				if res.Failure != nil {
					t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
				}
				if got := section(t, res.Text, "show version"); got != outputs["show version"] {
					t.Errorf("show version read as %q", got)
				}
			})
		}
	}
}

// A ProxyJump host whose key is not known: OpenSSH asks whether to trust
// it; slcheck reports the bastion's key as a host key failure at once,
// never answering, and the switch receives nothing.
func TestProxyJumpUnknownBastionKey(t *testing.T) {
	if len(transports(t)) < 2 {
		t.Skip("no ssh client")
	}
	id, pub := clientKey(t)
	for _, tr := range transports(t) {
		t.Run(tr, func(t *testing.T) {
			sw := start(t, nxsim.Config{AuthorizedKeys: []ssh.PublicKey{pub}})
			b := start(t, nxsim.Config{AuthorizedKeys: []ssh.PublicKey{pub}, Forward: true, Hostname: "bastion"})
			kh := writeKnown(t, KnownHostsLine(sw.Addr(), sw.HostKey()))
			cfg := fmt.Sprintf("Host bastion\n  HostName 127.0.0.1\n  Port %d\nHost sw1\n  HostName 127.0.0.1\n  Port %d\n  ProxyJump bastion\n"+
				"Host *\n  User anyone\n  IdentityFile %s\n  UserKnownHostsFile %s\n", b.Port(), sw.Port(), id, kh)
			conf := filepath.Join(t.TempDir(), "config")
			if err := os.WriteFile(conf, []byte(cfg), 0o600); err != nil {
				t.Fatal(err)
			}
			opt := Options{Transport: tr, SSHConfig: []string{conf}, SSHConfigGiven: true, Auth: Auth{Password: "x"},
				HostKeys:       HostKeys{Files: []string{filepath.Join(t.TempDir(), "none")}, Default: tr == "default"},
				ConnectTimeout: 10 * time.Second, CommandTimeout: 3 * time.Second, HostTimeout: 30 * time.Second}
			res := collectFrom(t, opt, Target{Host: "sw1", Port: 22})
			if res.Failure == nil || res.Failure.Kind != KindHostKey {
				t.Fatalf("got %+v, want %s", res.Failure, KindHostKey)
			}
			fp := ssh.FingerprintSHA256(b.HostKey())
			if !strings.Contains(res.Failure.Msg, "ProxyJump host") || !strings.Contains(res.Failure.Msg, fp) {
				t.Errorf("message does not name the bastion and its fingerprint %s: %s", fp, res.Failure.Msg)
			}
			if len(sw.Received()) != 0 || len(b.Received()) != 0 {
				t.Errorf("received: switch %v, bastion %v", sw.Received(), b.Received())
			}
		})
	}
}

// The order ProxyJump hops are dialled in, as OpenSSH: the first hop's own
// ProxyJump comes before it (ssh -J A,B runs `ssh -W ... A`, which reads
// A's), the later hops' own ProxyJump do not apply, and a chain that leads
// back to a host it left is an error.
func TestProxyJumpOrder(t *testing.T) {
	tests := []struct {
		name, config string
		want         string // hop aliases in dial order, or the error's words
	}{
		{"one hop", "Host sw1\n  ProxyJump b1\n", "b1"},
		{"a list", "Host sw1\n  ProxyJump b1,admin@b2:2222\n", "b1 b2"},
		{"the hop's own", "Host sw1\n  ProxyJump b1\nHost b1\n  ProxyJump b2\nHost b2\n  ProxyJump b3\n", "b3 b2 b1"},
		{"the first hop's own only", "Host sw1\n  ProxyJump b1,b2\nHost b1\n  ProxyJump b0\nHost b2\n  ProxyJump b9\n", "b0 b1 b2"},
		{"none stops it", "Host sw1\n  ProxyJump b1\nHost b1\n  ProxyJump none\nHost *\n  ProxyJump b9\n", "b1"},
		{"by wildcard", "Host sw*\n  ProxyJump b1\nHost b*\n  ProxyJump core-jump\n", "core-jump b1"},
		{"a loop", "Host sw1\n  ProxyJump b1\nHost b1\n  ProxyJump b2\nHost b2\n  ProxyJump b1\n", "error: leads back to b1"},
		{"back to the switch", "Host sw1\n  ProxyJump b1\nHost b1\n  ProxyJump sw1\n", "error: leads back to sw1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			conf := filepath.Join(t.TempDir(), "config")
			if err := os.WriteFile(conf, []byte(tc.config), 0o600); err != nil {
				t.Fatal(err)
			}
			c, err := loadSSHConfig([]string{conf})
			if err != nil {
				t.Fatal(err)
			}
			hops, err := c.jumps("sw1", "")
			var got []string
			for _, h := range hops {
				got = append(got, h.alias)
			}
			if err != nil {
				if want, ok := strings.CutPrefix(tc.want, "error: "); !ok || !strings.Contains(err.Error(), want) {
					t.Fatalf("error %v, want %s", err, tc.want)
				}
				return
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("hops %v, want %s", got, tc.want)
			}
		})
	}
}

// A switch behind a bastion that is itself behind another (its own
// ProxyJump), with both transports: the connection crosses both bastions
// in order, by key or by password (each host, its own user, asks once);
// with the outer one down, the failure names it (its alias, or OpenSSH's
// line with its port), not the switch.
func TestProxyJumpChain(t *testing.T) {
	id, pub := clientKey(t)
	tests := []struct {
		name           string
		down, password bool
	}{
		{"keys", false, false},
		{"passwords", false, true},
		{"outer down", true, false},
	}
	for _, tr := range transports(t) {
		for _, tc := range tests {
			t.Run(tr+"/"+tc.name, func(t *testing.T) {
				users := map[string]string{"outer-user": testPass, "inner-user": testPass, testUser: testPass}
				var keys []ssh.PublicKey
				if !tc.password {
					keys = []ssh.PublicKey{pub}
				}
				sw := start(t, nxsim.Config{AuthorizedKeys: keys, Users: users})
				inner := start(t, nxsim.Config{AuthorizedKeys: keys, Users: users, Forward: true, Hostname: "inner"})
				outer := start(t, nxsim.Config{AuthorizedKeys: keys, Users: users, Forward: true, Hostname: "outer"})
				kh := writeKnown(t, KnownHostsLine(sw.Addr(), sw.HostKey()), KnownHostsLine(inner.Addr(), inner.HostKey()),
					KnownHostsLine(outer.Addr(), outer.HostKey()))
				cfg := fmt.Sprintf("Host sw1\n  HostName 127.0.0.1\n  Port %d\n  User %s\n  ProxyJump inner\n"+
					"Host inner\n  HostName 127.0.0.1\n  Port %d\n  User inner-user\n  ProxyJump outer\n"+
					"Host outer\n  HostName 127.0.0.1\n  Port %d\n  User outer-user\n"+
					"Host *\n  UserKnownHostsFile %s\n", sw.Port(), testUser, inner.Port(), outer.Port(), kh)
				if !tc.password {
					cfg += "  IdentityFile " + id + "\n"
				} else {
					cfg += "  IdentityFile none\n  IdentitiesOnly yes\n"
				}
				conf := filepath.Join(t.TempDir(), "config")
				if err := os.WriteFile(conf, []byte(cfg), 0o600); err != nil {
					t.Fatal(err)
				}
				if tc.down {
					outer.Close()
				}
				opt := Options{Transport: tr, SSHConfig: []string{conf}, SSHConfigGiven: true,
					ConnectTimeout: 20 * time.Second, CommandTimeout: 3 * time.Second, ActiveTimeout: 3 * time.Second, HostTimeout: 60 * time.Second}
				if tc.password {
					opt.Auth.Password = testPass
				}
				if tr == "default" {
					opt.HostKeys = HostKeys{Files: []string{filepath.Join(t.TempDir(), "none")}, Default: true}
				}
				res := collectFrom(t, opt, Target{Host: "sw1", Port: 22})
				if tc.down {
					if res.Failure == nil || res.Failure.Kind != KindRefused {
						t.Fatalf("got %+v, want %s", res.Failure, KindRefused)
					}
					names := "at ProxyJump host outer (" + outer.Addr() + ")"
					if tr == "system" {
						names = fmt.Sprintf("port %d", outer.Port())
					}
					if !strings.Contains(res.Failure.Msg, names) {
						t.Errorf("the failure does not name the bastion that is down (%s): %s", names, res.Failure.Msg)
					}
					return
				}
				if res.Failure != nil {
					t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
				}
				if got := section(t, res.Text, "show version"); got != outputs["show version"] {
					t.Errorf("show version read as %q", got)
				}
				if got, want := outer.Forwards(), []string{inner.Addr()}; fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("the outer bastion forwarded to %v, want %v", got, want)
				}
				if got, want := inner.Forwards(), []string{sw.Addr()}; fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("the inner bastion forwarded to %v, want %v", got, want)
				}
				if n := sw.FailedLogins() + inner.FailedLogins() + outer.FailedLogins(); tc.password && n > 0 {
					t.Errorf("%d failed logins on the way", n)
				}
			})
		}
	}
}

// An OpenSSH configuration the default transport's parser cannot read is
// an error naming the file and line, with the way out (the system
// transport, whose OpenSSH reads it).
func TestSSHConfigUnreadable(t *testing.T) {
	tests := []struct{ name, config, want string }{
		{"Match exec", "Host sw1\n  User admin\nMatch exec \"test -f /etc/vpn\"\n  ProxyJump b1\n", ":3: Match Exec is not supported"},
		{"Match user", "Match user admin\n  ProxyJump b1\n", ":1: unsupported Match criterion \"user\""},
		{"Match canonical", "Host *\n  User x\n\nMatch canonical all\n  ProxyJump b1\n", ":4: unsupported Match criterion \"canonical\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			conf := filepath.Join(t.TempDir(), "config")
			if err := os.WriteFile(conf, []byte(tc.config), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := loadSSHConfig([]string{conf})
			if err == nil {
				t.Fatal("read without error")
			}
			if msg := err.Error(); !strings.Contains(msg, conf+tc.want) || !strings.Contains(msg, "--transport system") {
				t.Errorf("error %q, want %q and the way out", msg, conf+tc.want)
			}
		})
	}
}
