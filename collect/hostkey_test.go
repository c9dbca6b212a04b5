package collect

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/internal/sshdtest"
)

func ecdsaKey(t *testing.T) ssh.Signer {
	t.Helper()
	_, s := sshdtest.NewKey(t, "ecdsa")
	return s
}

func rsaKey(t *testing.T) ssh.Signer {
	t.Helper()
	_, s := sshdtest.NewKey(t, "rsa")
	return s
}

// writeKnown writes a known_hosts file of lines.
func writeKnown(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "known_hosts")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A switch with ed25519, ecdsa and rsa keys whose known_hosts holds only
// one of them (OpenSSH records the one it negotiated) is trusted: the
// algorithms of the recorded key are offered first, as OpenSSH does.
func TestHostKeyOfferedFromKnownHosts(t *testing.T) {
	ec, rs := ecdsaKey(t), rsaKey(t)
	for _, tr := range transports(t) {
		for name, known := range map[string]ssh.Signer{"ecdsa": ec, "rsa": rs} {
			t.Run("nxsim/"+tr+"/"+name, func(t *testing.T) {
				d := start(t, nxsim.Config{HostKeys: []ssh.Signer{ec, rs}})
				opt := testOptions(t, d, tr)
				opt.HostKeys.Files = []string{knownHosts(t, d, known.PublicKey())}
				if res := collectOne(t, d, opt); res.Failure != nil {
					t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
				}
			})
		}
	}
	for _, tr := range transports(t) {
		t.Run("openssh-server/"+tr, func(t *testing.T) {
			s := sshdtest.Start(t, sshdtest.Config{Device: nxsim.Config{Outputs: outputs},
				HostKeyTypes: []string{"ed25519", "ecdsa", "rsa"}})
			opt := sshdOptions(t, s, s.KnownHostsLine(s.HostKeys[2]))
			opt.Transport = tr
			if res := collectFrom(t, opt, sshdTarget(s)); res.Failure != nil {
				t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
			}
		})
	}
}

// Host key refusals, worded for what they are: a key of another type
// than the recorded one, and a key marked @revoked (never "add it").
func TestHostKeyRefusals(t *testing.T) {
	for _, tr := range transports(t) {
		t.Run(tr+"/type differs", func(t *testing.T) {
			d := start(t, nxsim.Config{})
			opt := testOptions(t, d, tr)
			opt.HostKeys.Files = []string{knownHosts(t, d, rsaKey(t).PublicKey())}
			res := collectOne(t, d, opt)
			if res.Failure == nil || res.Failure.Kind != KindHostKey {
				t.Fatalf("got %+v, want %s", res.Failure, KindHostKey)
			}
			if !strings.Contains(res.Failure.Msg, "type differs") {
				t.Errorf("message does not say the type differs: %s", res.Failure.Msg)
			}
			if len(d.Received()) != 0 {
				t.Errorf("device received %v", d.Received())
			}
			t.Log(res.Failure.Msg)
		})
		t.Run(tr+"/revoked", func(t *testing.T) {
			d := start(t, nxsim.Config{})
			opt := testOptions(t, d, tr)
			kh := writeKnown(t, KnownHostsLine(d.Addr(), d.HostKey()),
				"@revoked * "+strings.TrimSpace(string(ssh.MarshalAuthorizedKey(d.HostKey()))))
			opt.HostKeys.Files = []string{kh}
			res := collectOne(t, d, opt)
			if res.Failure == nil || res.Failure.Kind != KindHostKey {
				t.Fatalf("got %+v, want %s", res.Failure, KindHostKey)
			}
			msg := res.Failure.Msg
			if !strings.Contains(msg, "REVOKED") || !strings.Contains(msg, kh+":2") {
				t.Errorf("message does not say revoked at %s:2: %s", kh, msg)
			}
			if strings.Contains(msg, ">>") || strings.Contains(msg, "then add") {
				t.Errorf("message suggests adding a revoked key: %s", msg)
			}
			if len(d.Received()) != 0 {
				t.Errorf("device received %v", d.Received())
			}
		})
	}
}

// A host certificate signed by a @cert-authority of known_hosts is
// trusted on a port other than 22, for a pattern naming the host and for
// `*`, as OpenSSH does.
func TestHostCertificateAnyPort(t *testing.T) {
	ca := ecdsaKey(t)
	caLine := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(ca.PublicKey())))
	hostKey, err := nxsim.NewHostKey()
	if err != nil {
		t.Fatal(err)
	}
	cert := &ssh.Certificate{Key: hostKey.PublicKey(), CertType: ssh.HostCert, KeyId: "switch",
		ValidPrincipals: []string{"127.0.0.1"}, ValidBefore: ssh.CertTimeInfinity}
	if err := cert.SignCert(rand.Reader, ca); err != nil {
		t.Fatal(err)
	}
	certSigner, err := ssh.NewCertSigner(cert, hostKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, pattern := range []string{"127.0.0.1", "*"} {
		for _, tr := range transports(t) {
			t.Run("nxsim/"+tr+"/"+pattern, func(t *testing.T) {
				d := start(t, nxsim.Config{HostKey: certSigner})
				opt := testOptions(t, d, tr)
				opt.HostKeys.Files = []string{writeKnown(t, "@cert-authority "+pattern+" "+caLine)}
				if res := collectOne(t, d, opt); res.Failure != nil {
					t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
				}
			})
		}
	}
	for _, tr := range transports(t) {
		t.Run("openssh-server/"+tr, func(t *testing.T) {
			s := sshdtest.Start(t, sshdtest.Config{Device: nxsim.Config{Outputs: outputs}, CA: ca})
			opt := sshdOptions(t, s, "@cert-authority 127.0.0.1 "+caLine)
			opt.Transport = tr
			if res := collectFrom(t, opt, sshdTarget(s)); res.Failure != nil {
				t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
			}
		})
	}
}
