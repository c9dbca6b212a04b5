package collect

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// khSigner is a fixed ed25519 key, so that known_hosts lines and fuzz
// seeds are the same on every run.
func khSigner(t testing.TB, seed byte) ssh.Signer {
	t.Helper()
	s, err := ssh.NewSignerFromKey(ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// khKey is the type and base64 of a key, as a known_hosts line ends.
func khKey(k ssh.PublicKey) string {
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k)))
}

// khCert is a host certificate of key for principals, signed by ca.
func khCert(t testing.TB, key ssh.PublicKey, ca ssh.Signer, principals ...string) *ssh.Certificate {
	t.Helper()
	c := &ssh.Certificate{Key: key, CertType: ssh.HostCert, KeyId: "switch", ValidPrincipals: principals,
		ValidBefore: ssh.CertTimeInfinity}
	if err := c.SignCert(rand.Reader, ca); err != nil {
		t.Fatal(err)
	}
	return c
}

// sameVerdict fails unless two host key verdicts are the same: both
// nil, the same revoked line, the same known keys (file, line, key) on a
// mismatch, or the same error text.
func sameVerdict(got, want error) error {
	var gk, wk *knownhosts.KeyError
	var gr, wr *knownhosts.RevokedError
	switch {
	case got == nil || want == nil:
		if got != want {
			return fmt.Errorf("got %v, want %v", got, want)
		}
	case errors.As(want, &wr):
		if !errors.As(got, &gr) || !sameKnown(gr.Revoked, wr.Revoked) {
			return fmt.Errorf("got %v, want revoked at %s", got, wr.Revoked.String())
		}
	case errors.As(want, &wk):
		if !errors.As(got, &gk) || len(gk.Want) != len(wk.Want) {
			return fmt.Errorf("got %#v, want %#v", got, want)
		}
		for i := range wk.Want {
			if !sameKnown(gk.Want[i], wk.Want[i]) {
				return fmt.Errorf("known key %d: got %s, want %s", i, gk.Want[i].String(), wk.Want[i].String())
			}
		}
	case got.Error() != want.Error():
		return fmt.Errorf("got %q, want %q", got, want)
	}
	return nil
}

func sameKnown(a, b knownhosts.KnownKey) bool {
	return a.Filename == b.Filename && a.Line == b.Line && bytes.Equal(a.Key.Marshal(), b.Key.Marshal())
}

// khQuery is a host key check: the address asked about ("" for the
// remote address), the remote address and the key presented.
type khQuery struct {
	name    string
	address string
	remote  net.Addr
	key     ssh.PublicKey
}

// compareKnownHosts checks every query against files with knownhosts.New
// and with newKnownHostsCallback, and fails where the verdicts differ.
func compareKnownHosts(t *testing.T, files []string, queries []khQuery) {
	t.Helper()
	want, werr := knownhosts.New(files...)
	got, gerr := newKnownHostsCallback(files...)
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("reading: got %v, want %v", gerr, werr)
	}
	if werr != nil {
		return
	}
	for _, q := range queries {
		if err := sameVerdict(got(q.address, q.remote, q.key), want(q.address, q.remote, q.key)); err != nil {
			t.Errorf("%s (%q, %v): %v", q.name, q.address, q.remote, err)
		}
	}
}

// The indexed known_hosts gives knownhosts' verdict for each kind of
// line and host: a matching key, a mismatching one (the keys listed in
// file order), a revoked key, a certificate whose CA is or is not
// trusted for the host, hashed names, wildcards, negations, the port
// forms ("host", "host:port", "[host]:port", IPv6) and unknown hosts.
func TestKnownHostsIndexVerdicts(t *testing.T) {
	a, b, c, d := khSigner(t, 1).PublicKey(), khSigner(t, 2).PublicKey(), khSigner(t, 3).PublicKey(), khSigner(t, 4).PublicKey()
	ca, otherCA := khSigner(t, 5), khSigner(t, 6)
	hostKey := khSigner(t, 7).PublicKey()
	hashed := func(addr string) string { return knownhosts.HashHostname(knownhosts.Normalize(addr)) }
	lines := []string{
		"# a comment, then a blank line",
		"",
		"10.0.0.1 " + khKey(a),
		"10.0.0.1,10.0.0.2 " + khKey(b), // a second key for 10.0.0.1
		"[10.0.0.3]:2222 " + khKey(a),
		"10.0.0.4:2200 " + khKey(c), // host:port without brackets
		"[fe80::1]:22 " + khKey(a),
		"fe80::2 " + khKey(b),
		"switch-2.example.net " + khKey(b), // before and after wildcard lines
		"switch-*.example.net " + khKey(c),
		"switch-?.lab " + khKey(d),
		"*.example.net,!switch-9.example.net " + khKey(d),
		"!10.0.0.5 " + khKey(a), // negation alone: matches nothing
		"10.0.0.6,!10.0.0.6 " + khKey(a),
		hashed("10.0.0.7") + " " + khKey(c),
		hashed("10.0.0.8:2022") + " " + khKey(d),
		"@cert-authority 10.0.0.9,*.ca.example " + khKey(ca.PublicKey()),
		"@revoked * " + khKey(d),
		"10.0.0.10 " + khKey(d), // revoked: never trusted
		"  \t10.0.0.11\t" + khKey(c) + " a comment after the key",
		"10.0.0.12 ssh-rsa " + strings.Fields(khKey(a))[1], // type mismatch: skipped
		"10.0.0.13 ssh-ed25519 not-base64!",
		"[10.0.0.14 " + khKey(a), // bad pattern: skipped
		"@bogus 10.0.0.15 " + khKey(a),
		"|2|salt|hash " + khKey(a), // unknown hash type: skipped
		"10.0.0.1 " + khKey(c),     // a third key for 10.0.0.1
		"10.0.0.16,10.0.0.16 " + khKey(a),
		"switch-1.example.net,switch-2.example.net " + khKey(a),
	}
	f1 := writeKnown(t, lines...)
	f2 := writeKnown(t, "10.0.0.1 "+khKey(d), "10.0.0.20 "+khKey(a), "@revoked 10.0.0.1 "+khKey(b))
	tcp := func(s string) net.Addr {
		h, p, _ := net.SplitHostPort(s)
		var port int
		fmt.Sscan(p, &port)
		return &net.TCPAddr{IP: net.ParseIP(h), Port: port}
	}
	lo := tcp("127.0.0.1:22")
	var queries []khQuery
	for _, addr := range []string{"10.0.0.1:22", "10.0.0.1:2222", "10.0.0.2:22", "10.0.0.3:2222", "10.0.0.3:22",
		"10.0.0.4:2200", "10.0.0.4:22", "[fe80::1]:22", "[fe80::2]:22", "[fe80::2]:23",
		"switch-1.example.net:22", "switch-2.example.net:22", "switch-9.example.net:22", "other.example.net:22", "switch-1.lab:22",
		"switch-10.lab:22", "10.0.0.5:22", "10.0.0.6:22", "10.0.0.7:22", "10.0.0.8:2022", "10.0.0.8:22",
		"10.0.0.9:22", "10.0.0.9:830", "x.ca.example:22", "10.0.0.10:22", "10.0.0.11:22", "10.0.0.12:22",
		"10.0.0.13:22", "10.0.0.14:22", "10.0.0.15:22", "10.0.0.16:22", "10.0.0.20:22", "unknown:22",
		"no-port", ""} {
		for i, k := range []ssh.PublicKey{a, b, c, d, probeKey} {
			queries = append(queries, khQuery{fmt.Sprintf("key %d", i), addr, lo, k})
		}
		for _, principal := range []string{"10.0.0.9", "x.ca.example", "10.0.0.1"} {
			queries = append(queries,
				khQuery{"certificate for " + principal, addr, lo, khCert(t, hostKey, ca, principal)},
				khQuery{"certificate of another CA for " + principal, addr, lo, khCert(t, hostKey, otherCA, principal)},
				khQuery{"revoked key's certificate for " + principal, addr, lo, khCert(t, d, ca, principal)})
		}
	}
	for _, remote := range []string{"10.0.0.1:22", "10.0.0.3:2222", "10.0.0.7:22"} {
		queries = append(queries, khQuery{"by remote address", "", tcp(remote), a}, khQuery{"by remote address", "", tcp(remote), c})
	}
	queries = append(queries, khQuery{"unix remote", "", &net.UnixAddr{Name: "/x", Net: "unix"}, a})

	for _, tt := range []struct {
		name  string
		files []string
	}{
		{"one file", []string{f1}},
		{"two files", []string{f1, f2}},
		{"two files, the other first", []string{f2, f1}},
		{"nothing valid", []string{writeKnown(t, "garbage", "10.0.0.1 ssh-ed25519 AAAA")}},
		{"empty", []string{writeKnown(t)}},
		{"missing", []string{filepath.Join(t.TempDir(), "none")}},
	} {
		t.Run(tt.name, func(t *testing.T) { compareKnownHosts(t, tt.files, queries) })
	}
}

// Whatever the file holds, the indexed known_hosts and knownhosts agree.
func FuzzKnownHostsIndex(f *testing.F) {
	a, b := khSigner(f, 1).PublicKey(), khSigner(f, 2).PublicKey()
	for _, seed := range []string{
		"10.0.0.1 " + khKey(a) + "\n10.0.0.1,10.0.0.2 " + khKey(b),
		"[10.0.0.1]:2222,!10.0.0.2 " + khKey(a),
		"10.0.0.?,*.net " + khKey(b) + "\n@revoked * " + khKey(a),
		knownhosts.HashHostname("10.0.0.1") + " " + khKey(b),
		"@cert-authority 10.0.0.* " + khKey(a),
	} {
		f.Add(seed, "10.0.0.1:22", false)
		f.Add(seed, "[10.0.0.1]:2222", true)
	}
	f.Fuzz(func(t *testing.T, content, addr string, other bool) {
		p := filepath.Join(t.TempDir(), "known_hosts")
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		key := a
		if other {
			key = b
		}
		compareKnownHosts(t, []string{p}, []khQuery{{"fuzz", addr, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 22}, key}})
	})
}

// BenchmarkKnownHosts checks the key of one host of a fleet's known_hosts
// (a line per switch, as bench/fleet.sh writes it), with knownhosts.New
// and with the index.
func BenchmarkKnownHosts(b *testing.B) {
	key := khSigner(b, 1).PublicKey()
	var lines []string
	for i := range 2000 {
		lines = append(lines, KnownHostsLine(fmt.Sprintf("127.0.0.1:%d", 20000+i), key))
	}
	p := filepath.Join(b.TempDir(), "known_hosts")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	for name, open := range map[string]func(...string) (ssh.HostKeyCallback, error){
		"knownhosts.New": knownhosts.New, "indexed": newKnownHostsCallback} {
		b.Run(name, func(b *testing.B) {
			cb, err := open(p)
			if err != nil {
				b.Fatal(err)
			}
			remote := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 21000}
			b.ResetTimer()
			for range b.N {
				if err := cb("127.0.0.1:21000", remote, key); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
