package probe

import (
	"bufio"
	"context"
	"crypto/sha1"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/slcheck/slcheck/snapshot"
)

// runTLS opens TLS to the endpoint (directly, at --connect-to, or through
// an HTTP CONNECT proxy) and describes the chain it is shown. The note
// says why nothing was tried.
func runTLS(ctx context.Context, ep endpoint, o Options) (*snapshot.TLSResult, string) {
	if ep.missing != "" {
		return nil, ep.missing
	}
	if !strings.EqualFold(ep.url.Scheme, "https") {
		return nil, fmt.Sprintf("does not apply: the destination URL is %s://, the device does not use TLS to it (see CH002)", ep.url.Scheme)
	}
	target := net.JoinHostPort(ep.host, strconv.Itoa(ep.port))
	res := &snapshot.TLSResult{Host: ep.host, Addr: target, URL: ep.raw}
	if o.ConnectTo != "" {
		res.ConnectTo = o.ConnectTo
		target = o.ConnectTo
	}
	if o.Proxy != nil {
		res.Via = o.Proxy.Redacted()
	}

	sni := ""
	if net.ParseIP(ep.host) == nil {
		sni = ep.host
	}
	via := ""
	if o.Proxy != nil {
		via = o.Proxy.String()
	}
	hs, ok := memoDo(ctx, o.Memo, "tls "+target+" "+sni+" "+via, func() handshake { return o.handshake(ctx, target, sni) })
	switch {
	case !ok:
		res.Err = "the probe step's deadline passed while another switch's probe of the same endpoint ran"
	case hs.err != "":
		res.Err = hs.err
	default:
		describe(res, hs.certs, o.Roots)
	}
	return res, ""
}

// handshake is what one TLS connection to an endpoint showed.
type handshake struct {
	certs []*x509.Certificate
	err   string
}

// handshake opens TCP (or a proxy tunnel) to target, completes a TLS
// handshake with sni and closes: no HTTP request is sent.
func (o Options) handshake(ctx context.Context, target, sni string) handshake {
	conn, err := o.connect(ctx, target)
	if err != nil {
		return handshake{err: err.Error()}
	}
	defer conn.Close()
	cfg := &tls.Config{
		// The chain is verified later, against the roots we were given,
		// so that an unverifiable chain is still described.
		InsecureSkipVerify: true,
		MinVersion:         tls.VersionTLS12,
		ServerName:         sni,
	}
	tc := tls.Client(conn, cfg)
	if err := tc.HandshakeContext(ctx); err != nil {
		return handshake{err: "TLS handshake: " + err.Error()}
	}
	return handshake{certs: tc.ConnectionState().PeerCertificates}
}

// describe fills the chain, the root it ends in, and the name check.
func describe(res *snapshot.TLSResult, certs []*x509.Certificate, roots *x509.CertPool) {
	if len(certs) == 0 {
		res.Err = "the server sent no certificate"
		return
	}
	for _, c := range certs {
		res.Chain = append(res.Chain, certInfo(c))
	}
	leaf := certs[0]
	if err := leaf.VerifyHostname(res.Host); err != nil {
		res.NameErr = err.Error()
	} else {
		res.NameOK = true
	}

	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	chains, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter})
	if err == nil && len(chains) > 0 {
		res.Verified = true
		setRoot(res, chains[0][len(chains[0])-1])
		return
	}
	res.VerifyErr = err.Error()
	last := certs[len(certs)-1]
	if selfSigned(last) {
		setRoot(res, last)
		return
	}
	// The root was neither sent nor found: its name is all we know.
	res.Root = name(last.Issuer.CommonName, last.Issuer.String())
}

func setRoot(res *snapshot.TLSResult, root *x509.Certificate) {
	info := certInfo(root)
	res.Root = name(root.Subject.CommonName, root.Subject.String())
	res.RootSHA1, res.RootSerial = info.SHA1, info.Serial
}

func certInfo(c *x509.Certificate) snapshot.CertInfo {
	sum := sha1.Sum(c.Raw)
	return snapshot.CertInfo{
		Subject:  c.Subject.String(),
		Issuer:   c.Issuer.String(),
		Serial:   strings.ToUpper(hex.EncodeToString(c.SerialNumber.Bytes())),
		NotAfter: c.NotAfter.UTC(),
		SHA1:     strings.ToUpper(hex.EncodeToString(sum[:])),
	}
}

func selfSigned(c *x509.Certificate) bool {
	return c.Subject.String() == c.Issuer.String() && c.CheckSignatureFrom(c) == nil
}

func name(cn, full string) string {
	if cn != "" {
		return cn
	}
	return full
}

// connect opens TCP to target, through the proxy when one is set.
func (o Options) connect(ctx context.Context, target string) (net.Conn, error) {
	if o.Proxy == nil {
		return o.dial(ctx, "tcp", target)
	}
	return o.tunnel(ctx, target)
}

// tunnel asks an HTTP proxy to CONNECT to target and returns the tunnel.
func (o Options) tunnel(ctx context.Context, target string) (net.Conn, error) {
	p := o.Proxy
	if !strings.EqualFold(p.Scheme, "http") {
		return nil, fmt.Errorf("proxy %s: only http:// proxies are supported", p.Redacted())
	}
	addr := p.Host
	if p.Port() == "" {
		addr = net.JoinHostPort(p.Hostname(), "80")
	}
	conn, err := o.dial(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("proxy %s: %w", p.Redacted(), err)
	}
	req := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: target},
		Host: target, Header: http.Header{}}
	if p.User != nil {
		pw, _ := p.User.Password()
		req.SetBasicAuth(p.User.Username(), pw)
		req.Header["Proxy-Authorization"] = req.Header["Authorization"]
		delete(req.Header, "Authorization")
	}
	br := bufio.NewReader(conn)
	resp, err := roundTrip(conn, br, req)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("CONNECT %s answered %s", target, resp.Status)
	}
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("proxy %s: %w", p.Redacted(), err)
	}
	// The answer to CONNECT has no body: what follows is the tunnel.
	return &bufferedConn{Conn: conn, r: br}, nil
}

func roundTrip(conn net.Conn, br *bufio.Reader, req *http.Request) (*http.Response, error) {
	if err := req.Write(conn); err != nil {
		return nil, err
	}
	return http.ReadResponse(br, req)
}

// bufferedConn reads first what the proxy sent after its answer.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *bufferedConn) Read(b []byte) (int, error) { return c.r.Read(b) }
