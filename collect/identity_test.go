package collect

import (
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/internal/sshdtest"
)

// testKey is a private key that a test writes as an identity file,
// adds to an agent or authorizes on a switch.
type testKey struct {
	priv   any
	signer ssh.Signer
}

func newTestKey(t *testing.T, rsaKey bool) testKey {
	t.Helper()
	kt := "ed25519"
	if rsaKey {
		kt = "rsa"
	}
	priv, s := sshdtest.NewKey(t, kt)
	return testKey{priv, s}
}

// write writes the key in OpenSSH's format to path, encrypted with
// passphrase unless it is "".
func (k testKey) write(t *testing.T, path, passphrase string) {
	t.Helper()
	var blk *pem.Block
	var err error
	if passphrase == "" {
		blk, err = ssh.MarshalPrivateKey(k.priv, "")
	} else {
		blk, err = ssh.MarshalPrivateKeyWithPassphrase(k.priv, "", []byte(passphrase))
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(blk), 0o600); err != nil {
		t.Fatal(err)
	}
}

// startAgent serves an ssh-agent holding keys on a socket of its own.
func startAgent(t *testing.T, keys ...testKey) string {
	t.Helper()
	ring := agent.NewKeyring()
	for _, k := range keys {
		if err := ring.Add(agent.AddedKey{PrivateKey: k.priv}); err != nil {
			t.Fatal(err)
		}
	}
	sock := filepath.Join(t.TempDir(), "agent.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { agent.ServeAgent(ring, c); c.Close() }()
		}
	}()
	return sock
}

// The default transport logs in as `ssh` does when no --identity is given:
// ssh-agent keys first (one matching an identity file before the others,
// the others left out with IdentitiesOnly yes), then the ssh
// configuration's IdentityFiles, else OpenSSH's default files that exist
// (~/.ssh/id_rsa, id_ecdsa, id_ed25519, ...). An encrypted file is
// decrypted only when the switch accepts its key, by asking once for the
// run (never without a terminal), and every key is tried before the
// password.
func TestIdentityFilesAsOpenSSH(t *testing.T) {
	const pass = "open sesame"
	good, other, otherRSA := newTestKey(t, false), newTestKey(t, false), newTestKey(t, true)
	type setup struct {
		home   string // the test's ~
		config string // ~/.ssh/config
		auth   *Auth
	}
	tests := []struct {
		name string
		// prepare writes identity files and sets the auth up.
		prepare func(t *testing.T, s setup)
		// passphrase answers AskPassphrase ("" leaves it nil: no terminal).
		passphrase string
		wantKind   FailureKind // "" for success
		wantAsked  int         // times a passphrase was asked
		wantMsg    string      // in the failure's message
	}{
		{name: "default id_ed25519", prepare: func(t *testing.T, s setup) {
			good.write(t, filepath.Join(s.home, ".ssh", "id_ed25519"), "")
		}},
		{name: "default id_rsa refused, then id_ed25519", prepare: func(t *testing.T, s setup) {
			otherRSA.write(t, filepath.Join(s.home, ".ssh", "id_rsa"), "")
			good.write(t, filepath.Join(s.home, ".ssh", "id_ed25519"), "")
		}},
		{name: "encrypted default key, asked once", passphrase: pass, wantAsked: 1, prepare: func(t *testing.T, s setup) {
			good.write(t, filepath.Join(s.home, ".ssh", "id_ecdsa"), pass)
		}},
		{name: "encrypted default key refused, never asked", passphrase: pass, wantAsked: 0, prepare: func(t *testing.T, s setup) {
			other.write(t, filepath.Join(s.home, ".ssh", "id_ecdsa"), pass)
			good.write(t, filepath.Join(s.home, ".ssh", "id_ed25519"), "")
		}},
		{name: "encrypted key without a terminal, then the password", prepare: func(t *testing.T, s setup) {
			good.write(t, filepath.Join(s.home, ".ssh", "id_ed25519"), pass)
			s.auth.Password = testPass
		}},
		{name: "wrong passphrase three times, then the password", passphrase: "wrong", wantAsked: 3, prepare: func(t *testing.T, s setup) {
			good.write(t, filepath.Join(s.home, ".ssh", "id_ed25519"), pass)
			s.auth.Password = testPass
		}},
		{name: "SLCHECK_PASSPHRASE decrypts a default key", prepare: func(t *testing.T, s setup) {
			good.write(t, filepath.Join(s.home, ".ssh", "id_ed25519"), pass)
			s.auth.Passphrase = pass
		}},
		{name: "agent holds the encrypted file's key: nothing asked", passphrase: pass, prepare: func(t *testing.T, s setup) {
			good.write(t, filepath.Join(s.home, ".ssh", "id_ed25519"), pass)
			s.auth.AgentSocket = startAgent(t, other, good)
		}},
		{name: "IdentityFile refused, then the agent's key", prepare: func(t *testing.T, s setup) {
			other.write(t, filepath.Join(s.home, "keys", "old"), "")
			writeConfig(t, s.config, "Host *\n  IdentityFile ~/keys/old\n")
			s.auth.AgentSocket = startAgent(t, good)
		}},
		{name: "IdentitiesOnly leaves the agent's other keys out", wantKind: KindAuth, wantMsg: "keys/old", prepare: func(t *testing.T, s setup) {
			other.write(t, filepath.Join(s.home, "keys", "old"), "")
			writeConfig(t, s.config, "Host *\n  IdentityFile ~/keys/old\n  IdentitiesOnly yes\n")
			s.auth.AgentSocket = startAgent(t, good)
		}},
		{name: "IdentityFile with tokens h and p", prepare: func(t *testing.T, s setup) {
			good.write(t, filepath.Join(s.home, "keys", "127.0.0.1-"+s.auth.User), "")
			writeConfig(t, s.config, "Host *\n  IdentityFile ~/keys/%h-%p\n")
		}},
		{name: "--identity replaces the default files", wantKind: KindAuth, wantMsg: "id_given", prepare: func(t *testing.T, s setup) {
			other.write(t, filepath.Join(s.home, "id_given"), "")
			good.write(t, filepath.Join(s.home, ".ssh", "id_ed25519"), "")
			s.auth.IdentityFile = filepath.Join(s.home, "id_given")
		}},
		{name: "the agent's key refused, named by its fingerprint", wantKind: KindAuth, wantMsg: "the ssh-agent's ssh-ed25519 key " + ssh.FingerprintSHA256(other.signer.PublicKey()),
			prepare: func(t *testing.T, s setup) {
				s.auth.AgentSocket = startAgent(t, other)
			}},
		{name: "no key and no password", wantKind: KindAuth, wantMsg: "no key was offered", prepare: func(t *testing.T, s setup) {
			writeConfig(t, s.config, "Host *\n  IdentityFile ~/keys/missing\n")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			t.Setenv("HOME", home)
			d := start(t, nxsim.Config{AuthorizedKeys: []ssh.PublicKey{good.signer.PublicKey()}})
			opt := testOptions(t, d, "default")
			opt.Auth = Auth{User: testUser}
			cfg := filepath.Join(home, ".ssh", "config")
			opt.SSHConfig = []string{cfg}
			// %p is the port: the test names the key file after it.
			s := setup{home: home, config: cfg, auth: &opt.Auth}
			tt.prepare(t, s)
			if strings.Contains(tt.name, "tokens") {
				if err := os.Rename(filepath.Join(home, "keys", "127.0.0.1-"+testUser), filepath.Join(home, "keys", fmt.Sprintf("127.0.0.1-%d", d.Port()))); err != nil {
					t.Fatal(err)
				}
			}
			var asked atomic.Int32
			if tt.passphrase != "" {
				opt.Auth.AskPassphrase = func(string) (string, error) { asked.Add(1); return tt.passphrase, nil }
			}
			c, err := New(opt)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			// Twice: a second switch of the run asks nothing more.
			for range 2 {
				res := c.Collect(t.Context(), target(d))
				switch {
				case tt.wantKind == "" && res.Failure != nil:
					t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
				case tt.wantKind != "" && (res.Failure == nil || res.Failure.Kind != tt.wantKind):
					t.Fatalf("got %+v, want %s", res.Failure, tt.wantKind)
				case tt.wantKind != "" && !strings.Contains(res.Failure.Msg, tt.wantMsg):
					t.Errorf("message does not name %q: %s", tt.wantMsg, res.Failure.Msg)
				}
			}
			if n := int(asked.Load()); n != tt.wantAsked {
				t.Errorf("passphrase asked %d times, want %d", n, tt.wantAsked)
			}
			if n := d.FailedLogins(); n != 0 {
				t.Errorf("%d failed password logins on the switch", n)
			}
		})
	}
}

func writeConfig(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// Against OpenSSH's server: `slcheck ssh HOST` with nothing but the
// user's ~/.ssh/id_ed25519, or an RSA key in the agent (which OpenSSH
// accepts only signed with rsa-sha2), logs in as `ssh HOST` does.
func TestDefaultIdentityOpenSSHServer(t *testing.T) {
	agentRSA := newTestKey(t, true)
	for _, tc := range []struct {
		name  string
		agent bool
	}{{"~/.ssh/id_ed25519", false}, {"agent RSA key", true}} {
		t.Run(tc.name, func(t *testing.T) {
			s := sshdtest.Start(t, sshdtest.Config{Device: nxsim.Config{Outputs: outputs},
				AuthorizedKeys: []ssh.PublicKey{agentRSA.signer.PublicKey()}})
			home := t.TempDir()
			t.Setenv("HOME", home)
			opt := sshdOptions(t, s)
			opt.Transport, opt.Auth = "default", Auth{User: s.User}
			if tc.agent {
				opt.Auth.AgentSocket = startAgent(t, agentRSA)
			} else {
				key, err := os.ReadFile(s.Identity)
				if err != nil {
					t.Fatal(err)
				}
				writeConfig(t, filepath.Join(home, ".ssh", "id_ed25519"), string(key))
			}
			if res := collectFrom(t, opt, sshdTarget(s)); res.Failure != nil {
				t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
			}
		})
	}
}
