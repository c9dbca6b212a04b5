// Package probe runs the opt-in live probes from the workstation: it asks
// the name servers of the device's licensing VRF for its endpoint (DNS004) and
// reads the endpoint's TLS certificate chain (TLS003). What it sees is the
// workstation's view, not the switch's: the checks say so in their evidence.
//
// Every socket goes through one dial function with a deadline, and the
// whole step is bounded, so silent servers cost seconds, not minutes.
package probe

import (
	"context"
	"crypto/x509"
	"net/url"
	"sync"
	"time"

	"github.com/slcheck/slcheck/snapshot"
)

// DefaultTimeout bounds each socket when Options.Timeout is zero.
const DefaultTimeout = 2 * time.Second

// Options say which probes run and where they are aimed.
type Options struct {
	// DNS and TLS select the probes; with neither, Run sends nothing.
	DNS bool
	TLS bool
	// DNSServers, "ADDR" or "ADDR:PORT", replace the name servers of the
	// device's configuration (--dns-server).
	DNSServers []string
	// Timeout is the deadline of each socket (--probe-timeout).
	Timeout time.Duration
	// Proxy is an http:// proxy the TLS probe tunnels through with
	// CONNECT (--proxy).
	Proxy *url.URL
	// ConnectTo, "HOST:PORT", is dialled instead of the endpoint while
	// SNI and the name check still use the URL's host (--connect-to).
	ConnectTo string
	// Roots verify the chain; nil means the workstation's system roots
	// (--ca-file replaces them).
	Roots *x509.CertPool
	// Memo shares answers between the devices of one run; nil asks
	// afresh for every device.
	Memo *Memo
	// Dial opens every socket; nil means a net.Dialer. Tests inject one
	// to count or refuse connections. Whatever it is, the loopback guard
	// of go test runs first.
	Dial DialFunc
}

// Enabled reports whether any probe was asked for.
func (o Options) Enabled() bool { return o.DNS || o.TLS }

func (o Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

// Budget is the longest the whole probe step may take: a silent DNS
// server costs one try and one retry, a truncated answer one UDP and one
// TCP exchange, a TLS handshake one dial and one handshake deadline; all
// run at once, so two socket deadlines plus a margin bound them all.
func (o Options) Budget() time.Duration {
	t := o.timeout()
	return 2*t + t/2
}

// Run probes the endpoint of one device concurrently and returns what the
// workstation saw, or nil when no probe was asked for. It never takes
// longer than o.Budget().
func Run(ctx context.Context, s *snapshot.Snapshot, o Options) *snapshot.Probes {
	if !o.Enabled() {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, o.Budget())
	defer cancel()

	ep := endpointOf(s)
	p := &snapshot.Probes{DNSRan: o.DNS, TLSRan: o.TLS}
	var wg sync.WaitGroup
	if o.DNS {
		wg.Go(func() { runDNS(ctx, s, ep, o, p) })
	}
	var tlsRes *snapshot.TLSResult
	var tlsNote string
	if o.TLS {
		wg.Go(func() { tlsRes, tlsNote = runTLS(ctx, ep, o) })
	}
	wg.Wait()
	p.TLS, p.TLSNote = tlsRes, tlsNote
	return p
}
