package collect

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/slcheck/slcheck/internal/nxsim"
)

// clientKey writes a private key file and returns it with its public key.
func clientKey(t *testing.T) (string, ssh.PublicKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	blk, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "id_switch")
	if err := os.WriteFile(p, pem.EncodeToMemory(blk), 0o600); err != nil {
		t.Fatal(err)
	}
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return p, k
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
