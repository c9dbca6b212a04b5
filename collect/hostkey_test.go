package collect

import (
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"

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
func writeKnown(t testing.TB, lines ...string) string {
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

// A dial's lookup answers the check of the presented key as x/crypto's
// known_hosts callback does (accepted, a KeyError with the same lines, a
// RevokedError), reading the files' lines once: for the lookup itself.
// A certificate, or a key presented under another address, is asked of
// the callback again.
func TestHostLookupAnswersAsKnownHosts(t *testing.T) {
	const addr = "127.0.0.1:2222"
	ed, ed2, ec, rs := ed25519Key(t), ed25519Key(t), ecdsaKey(t).PublicKey(), rsaKey(t).PublicKey()
	line := func(pattern string, k ssh.PublicKey) string {
		return pattern + " " + strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k)))
	}
	ca := ecdsaKey(t)
	cert := &ssh.Certificate{Key: ed, CertType: ssh.HostCert, ValidPrincipals: []string{"127.0.0.1"},
		ValidBefore: ssh.CertTimeInfinity}
	if err := cert.SignCert(rand.Reader, ca); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		lines   []string
		host    string // the address the key is presented under
		key     ssh.PublicKey
		scans   int // questions that may read every line: 1, the lookup's
		wantErr string
	}{
		{"known", []string{KnownHostsLine(addr, ed)}, addr, ed, 1, ""},
		{"known second of three", []string{KnownHostsLine(addr, rs), KnownHostsLine(addr, ed),
			KnownHostsLine(addr, ec)}, addr, ed, 1, ""},
		{"changed", []string{KnownHostsLine(addr, ed2)}, addr, ed, 1, "KeyError"},
		{"type differs", []string{KnownHostsLine(addr, rs), KnownHostsLine("10.0.0.1:22", ed)}, addr, ed, 1, "KeyError"},
		{"unknown", []string{KnownHostsLine("10.0.0.1:22", ed)}, addr, ed, 1, "KeyError"},
		{"no lines", []string{"# nothing"}, addr, ed, 1, "KeyError"},
		{"revoked and known", []string{KnownHostsLine(addr, ed), line("@revoked *", ed)}, addr, ed, 1, "RevokedError"},
		{"revoked unknown", []string{line("@revoked *", ed)}, addr, ed, 1, "RevokedError"},
		{"other key revoked", []string{KnownHostsLine(addr, ed), line("@revoked *", ed2)}, addr, ed, 1, ""},
		{"hashed", []string{line(knownhosts.HashHostname(knownhosts.Normalize(addr)), ed)}, addr, ed, 1, ""},
		{"hashed changed", []string{line(knownhosts.HashHostname(knownhosts.Normalize(addr)), ed2)}, addr, ed, 1, "KeyError"},
		{"wildcard", []string{line("[127.0.0.*]:2222", ed)}, addr, ed, 1, ""},
		{"negated", []string{line("[127.0.0.*]:2222,![127.0.0.1]:2222", ed)}, addr, ed, 1, "KeyError"},
		{"other address", []string{KnownHostsLine(addr, ed)}, "127.0.0.2:2222", ed, 2, "KeyError"},
		{"certificate", []string{line("@cert-authority 127.0.0.1", ca.PublicKey())}, addr, cert, 2, "no authorities"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hc, err := HostKeys{Files: []string{writeKnown(t, tc.lines...)}}.checker()
			if err != nil {
				t.Fatal(err)
			}
			remote := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 2222}
			want := hc.check(tc.host, remote, tc.key)
			full, scans := hc.check, 0
			hc.check = func(host string, r net.Addr, key ssh.PublicKey) error {
				if _, ok := r.(noPort); !ok {
					scans++
				}
				return full(host, r, key)
			}
			got := hc.lookup(addr).check(tc.host, remote, tc.key)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("lookup: %#v, callback: %#v", got, want)
			}
			if scans != tc.scans {
				t.Errorf("known_hosts read %d times, want %d", scans, tc.scans)
			}
			if gotName := errName(got); !strings.Contains(gotName, tc.wantErr) || (tc.wantErr == "") != (got == nil) {
				t.Errorf("got %v, want %q", got, tc.wantErr)
			}
		})
	}
}

func ed25519Key(t *testing.T) ssh.PublicKey {
	t.Helper()
	s, err := nxsim.NewHostKey()
	if err != nil {
		t.Fatal(err)
	}
	return s.PublicKey()
}

// errName is the type of a known_hosts error, or the message of another.
func errName(err error) string {
	var ke *knownhosts.KeyError
	var re *knownhosts.RevokedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &re):
		return "RevokedError"
	case errors.As(err, &ke):
		return "KeyError"
	}
	return err.Error()
}

// BenchmarkHostKeyCheck is the known_hosts work of one host of a fleet
// whose known_hosts has a line per switch (bench/fleet.sh), at 200, 2000
// and 10000 lines: the lookup before the handshake (the algorithms to
// offer) and the check of the presented key from it ("lookup"), against
// asking x/crypto's callback again for the check ("callback", as before
// the lookup). x/crypto's callback reads every line for each host, so
// this grows with the file, and a fleet's CPU for it with the square of
// the fleet: kept so, as the brief prefers the library (bench/README.md).
//
//	go test ./collect -run '^$' -bench HostKeyCheck -benchmem
func BenchmarkHostKeyCheck(b *testing.B) {
	s, err := nxsim.NewHostKey()
	if err != nil {
		b.Fatal(err)
	}
	key := s.PublicKey()
	for _, n := range []int{200, 2000, 10000} {
		lines := make([]string, n)
		for i := range lines {
			lines[i] = KnownHostsLine(fmt.Sprintf("127.0.0.1:%d", 20000+i), key)
		}
		hc, err := HostKeys{Files: []string{writeKnown(b, lines...)}}.checker()
		if err != nil {
			b.Fatal(err)
		}
		addr := fmt.Sprintf("127.0.0.1:%d", 20000+n/2)
		remote := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 20000 + n/2}
		for _, bc := range []struct {
			name  string
			check func(l *hostLookup) error
		}{
			{"lookup", func(l *hostLookup) error { return l.callback(addr, remote, key) }},
			{"callback", func(*hostLookup) error { return hc.check(addr, remote, key) }},
		} {
			b.Run(fmt.Sprintf("lines=%d/%s", n, bc.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					l := hc.lookup(addr)
					if l.algorithms() == nil || bc.check(l) != nil {
						b.Fatal("host not known")
					}
				}
			})
		}
	}
}

// A refusal names what known_hosts actually holds: a @cert-authority line
// is not a key the host had (a plain key against it alone is unknown, not
// changed), and a host certificate nothing vouches for is said to be one,
// with its key and its CA, instead of x/crypto's bare error.
func TestHostKeyRefusalWords(t *testing.T) {
	const addr = "127.0.0.1:2222"
	ed, ed2 := ed25519Key(t), ed25519Key(t)
	line := func(pattern string, k ssh.PublicKey) string {
		return pattern + " " + strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k)))
	}
	ca, otherCA := ecdsaKey(t), ecdsaKey(t)
	signed := func(principal string, by ssh.Signer, edit func(*ssh.Certificate)) *ssh.Certificate {
		c := &ssh.Certificate{Key: ed, CertType: ssh.HostCert, ValidPrincipals: []string{principal},
			ValidBefore: ssh.CertTimeInfinity}
		edit(c)
		if err := c.SignCert(rand.Reader, by); err != nil {
			t.Fatal(err)
		}
		return c
	}
	certFor := func(principal string) *ssh.Certificate { return signed(principal, ca, func(*ssh.Certificate) {}) }
	expired := signed("127.0.0.1", ca, func(c *ssh.Certificate) { c.ValidAfter, c.ValidBefore = 1000, 2000 })
	userCert := signed("127.0.0.1", ca, func(c *ssh.Certificate) { c.CertType = ssh.UserCert })
	revokedKey, revokedCA := line("@revoked *", ed), line("@revoked *", ca.PublicKey())
	caLine := line("@cert-authority 127.0.0.1", ca.PublicKey())
	// x/crypto lists a CA line among the host's keys only for a pattern
	// with the port (caLine matches port 22 alone).
	caPortLine := line("@cert-authority [127.0.0.1]:2222", ca.PublicKey())
	tests := []struct {
		name     string
		lines    []string
		key      ssh.PublicKey
		want     []string // in the message
		changed  bool
		line     int // File:Line the message cites, 0 for none
		certWhy  string
		wantNone string // never in the message
	}{
		{"CA line only, plain key", []string{caLine}, ed, []string{"host key unknown"}, false, 0, "", "CHANGED"},
		{"CA line and another key", []string{caLine, KnownHostsLine(addr, ed2)}, ed,
			[]string{"host key CHANGED", ":2 holds another key"}, true, 2, "", "unknown"},
		{"CA line with the port only, plain key", []string{caPortLine}, ed, []string{"host key unknown"}, false, 0, "", "CHANGED"},
		{"CA line with the port, then another key", []string{caPortLine, KnownHostsLine(addr, ed2)}, ed,
			[]string{"host key CHANGED", ":2 holds another key"}, true, 2, "", "unknown"},
		{"another key, then CA line with the port", []string{"# a comment", KnownHostsLine(addr, ed2), caPortLine}, ed,
			[]string{"host key CHANGED", ":2 holds another key"}, true, 2, "", "unknown"},
		{"certificate, no CA line", []string{KnownHostsLine("10.0.0.1:22", ed)}, certFor("127.0.0.1"),
			[]string{"host certificate not trusted", ssh.FingerprintSHA256(ed), ssh.FingerprintSHA256(ca.PublicKey()),
				"no authorities"}, false, 0, "no authorities", "CHANGED"},
		{"certificate, another CA", []string{line("@cert-authority *", otherCA.PublicKey())}, certFor("127.0.0.1"),
			[]string{"host certificate not trusted", "@cert-authority line"}, false, 0, "no authorities", "CHANGED"},
		// A CA vouching for the host, the certificate itself refused: no
		// advice to add a @cert-authority line it already has.
		{"certificate, another principal", []string{line("@cert-authority [127.0.0.1]:2222", ca.PublicKey())}, certFor("10.9.9.9"),
			[]string{"host certificate refused", "principal", "reissued"}, false, 0, "principal", "@cert-authority line"},
		{"certificate, another principal, CA line for the host on any port", []string{caLine}, certFor("10.9.9.9"),
			[]string{"host certificate refused", `principal "127.0.0.1" not in`}, false, 0, "principal", "no authorities"},
		{"certificate, expired, CA line *", []string{line("@cert-authority *", ca.PublicKey())}, expired,
			[]string{"host certificate refused", "expired"}, false, 0, "expired", "@cert-authority line"},
		{"user certificate", []string{caLine}, userCert,
			[]string{"host certificate refused", "has type 1"}, false, 0, "has type 1", "vouch"},
		// A revoked key or CA is never offered to be added, whichever test
		// x/crypto failed first.
		{"certificate, key revoked, CA line", []string{caLine, revokedKey}, certFor("127.0.0.1"),
			[]string{"host certificate REVOKED", "marks the key @revoked", "Do not add"}, false, 2, "revoked", "ssh-keyscan"},
		{"certificate, key revoked, no CA line", []string{revokedKey}, certFor("127.0.0.1"),
			[]string{"host certificate REVOKED", "marks the key @revoked"}, false, 1, "no authorities", "ssh-keyscan"},
		{"certificate, CA revoked", []string{revokedCA, caLine}, certFor("127.0.0.1"),
			[]string{"host certificate REVOKED", "marks the CA @revoked", ssh.FingerprintSHA256(ca.PublicKey())}, false, 1, "revoked", "ssh-keyscan"},
		{"certificate, key revoked, another CA", []string{line("@cert-authority *", otherCA.PublicKey()), revokedKey}, certFor("127.0.0.1"),
			[]string{"host certificate REVOKED", "marks the key @revoked"}, false, 2, "no authorities", "ssh-keyscan"},
		{"certificate, CA revoked, port 22 retry refused", []string{line("@cert-authority *", ca.PublicKey()), revokedCA + "\r"}, certFor("127.0.0.1"),
			[]string{"host certificate REVOKED", "marks the CA @revoked"}, false, 2, "revoked", "@cert-authority line for"},
	}
	// The same words when the file cannot be read again (a pipe, as
	// --known-hosts <(cat a b) gives, is read once).
	for _, tc := range tests {
		for _, once := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/read once %v", tc.name, once), func(t *testing.T) {
				kh := writeKnown(t, tc.lines...)
				hc, err := HostKeys{Files: []string{kh}}.checker()
				if err != nil {
					t.Fatal(err)
				}
				if once {
					if err := os.Remove(kh); err != nil {
						t.Fatal(err)
					}
				}
				remote := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 2222}
				err = hc.lookup(addr).callback(addr, remote, tc.key)
				var he *HostKeyError
				if !errors.As(err, &he) {
					t.Fatalf("got %v, want a HostKeyError", err)
				}
				msg := he.Error()
				for _, w := range tc.want {
					if !strings.Contains(msg, w) {
						t.Errorf("message lacks %q: %s", w, msg)
					}
				}
				if strings.Contains(msg, tc.wantNone) {
					t.Errorf("message says %q: %s", tc.wantNone, msg)
				}
				if he.Changed != tc.changed || (tc.line != 0) != (he.File == kh && he.Line == tc.line) {
					t.Errorf("Changed %v at %s:%d, want %v at line %d", he.Changed, he.File, he.Line, tc.changed, tc.line)
				}
				if !strings.Contains(he.Certificate, tc.certWhy) || (tc.certWhy == "") != (he.Certificate == "") {
					t.Errorf("Certificate %q, want %q", he.Certificate, tc.certWhy)
				}
			})
		}
	}
}
