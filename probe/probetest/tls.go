package probetest

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Chain is a generated root → intermediate → leaf chain.
type Chain struct {
	Root, Intermediate, Leaf *x509.Certificate
	// Cert is what the TLS server presents: leaf and intermediate (not
	// the root, as real servers do).
	Cert tls.Certificate
	// Roots holds Root only.
	Roots *x509.CertPool
}

// NewChain generates a chain whose root is named rootCN and whose leaf
// is valid for names (DNS names or IP addresses), until notAfter.
func NewChain(t testing.TB, rootCN string, notAfter time.Time, names ...string) *Chain {
	t.Helper()
	now := time.Now().Add(-time.Hour)
	rootKey, root := newCert(t, &x509.Certificate{
		Subject:   pkix.Name{CommonName: rootCN, Organization: []string{"slcheck test"}},
		NotBefore: now, NotAfter: notAfter.AddDate(5, 0, 0),
		IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign,
	}, nil, nil)
	interKey, inter := newCert(t, &x509.Certificate{
		Subject:   pkix.Name{CommonName: "slcheck test intermediate"},
		NotBefore: now, NotAfter: notAfter.AddDate(1, 0, 0),
		IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign,
	}, root, rootKey)
	tmpl := &x509.Certificate{
		Subject:     pkix.Name{CommonName: "leaf"},
		NotBefore:   now,
		NotAfter:    notAfter,
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, n := range names {
		if ip := net.ParseIP(n); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, n)
		}
	}
	leafKey, leaf := newCert(t, tmpl, inter, interKey)
	pool := x509.NewCertPool()
	pool.AddCert(root)
	return &Chain{Root: root, Intermediate: inter, Leaf: leaf, Roots: pool,
		Cert: tls.Certificate{Certificate: [][]byte{leaf.Raw, inter.Raw}, PrivateKey: leafKey, Leaf: leaf}}
}

var serial struct {
	sync.Mutex
	n int64
}

func newCert(t testing.TB, tmpl, parent *x509.Certificate, parentKey *ecdsa.PrivateKey) (*ecdsa.PrivateKey, *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial.Lock()
	serial.n++
	tmpl.SerialNumber = big.NewInt(0x1000 + serial.n)
	serial.Unlock()
	if parent == nil {
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return key, c
}

// WriteRootPEM writes the root to a file in the test's temp dir, for
// --ca-file, and returns its path.
func (c *Chain) WriteRootPEM(t testing.TB) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "root.pem")
	b := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Root.Raw})
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// StartTLS serves the chain on 127.0.0.1 and returns "127.0.0.1:PORT",
// for --connect-to. Each connection completes the handshake and closes.
func StartTLS(t testing.TB, c *Chain) string {
	t.Helper()
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{c.Cert}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				conn.SetDeadline(time.Now().Add(5 * time.Second))
				conn.(*tls.Conn).Handshake()
				io.Copy(io.Discard, conn)
			}()
		}
	}()
	return ln.Addr().String()
}

// Proxy is an HTTP CONNECT proxy on 127.0.0.1. Whatever host a CONNECT
// names, it tunnels to Backend, so no test ever leaves loopback; Targets
// records what was asked for.
type Proxy struct {
	// URL is "http://127.0.0.1:PORT", for --proxy.
	URL     string
	Backend string
	mu      sync.Mutex
	targets []string
	auth    []string
}

// Targets returns the CONNECT targets asked for so far.
func (p *Proxy) Targets() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string{}, p.targets...)
}

// Auth returns the Proxy-Authorization headers received so far.
func (p *Proxy) Auth() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string{}, p.auth...)
}

// StartProxy starts a CONNECT proxy that tunnels every request to backend
// (a loopback address); an empty backend makes it answer 502.
func StartProxy(t testing.TB, backend string) *Proxy {
	t.Helper()
	if host, _, err := net.SplitHostPort(backend); backend != "" && (err != nil || !net.ParseIP(host).IsLoopback()) {
		t.Fatalf("probetest: proxy backend %q is not a loopback address", backend)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	p := &Proxy{URL: "http://" + ln.Addr().String(), Backend: backend}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(conn)
		}
	}()
	return p
}

func (p *Proxy) serve(conn net.Conn) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	br := bufio.NewReader(conn)
	req, err := http.ReadRequest(br)
	if err != nil {
		return
	}
	p.mu.Lock()
	p.targets = append(p.targets, req.Host)
	p.auth = append(p.auth, req.Header.Get("Proxy-Authorization"))
	p.mu.Unlock()
	if req.Method != http.MethodConnect || p.Backend == "" {
		io.WriteString(conn, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
		return
	}
	up, err := net.DialTimeout("tcp", p.Backend, 2*time.Second)
	if err != nil {
		io.WriteString(conn, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
		return
	}
	defer up.Close()
	io.WriteString(conn, "HTTP/1.1 200 Connection established\r\n\r\n")
	go io.Copy(up, br)
	io.Copy(conn, up)
}
