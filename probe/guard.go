package probe

import (
	"context"
	"fmt"
	"net"
	"testing"
	"time"
)

// DialFunc opens a connection, like net.Dialer.DialContext.
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// dial opens every socket of the probes. Under `go test` it refuses, by
// panicking, any address that is not a loopback IP literal: a test that
// would send a packet to a name or address from a capture fails loudly
// instead of sending it. Each connection gets the socket deadline.
func (o Options) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	if testing.Testing() {
		if err := loopbackOnly(addr); err != nil {
			panic(err)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, o.timeout())
	defer cancel()
	d := o.Dial
	if d == nil {
		d = (&net.Dialer{}).DialContext
	}
	c, err := d(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	c.SetDeadline(deadline(ctx, o.timeout()))
	return c, nil
}

// deadline is now plus the socket timeout, or the step's deadline if
// that comes first.
func deadline(ctx context.Context, t time.Duration) time.Time {
	d := time.Now().Add(t)
	if cd, ok := ctx.Deadline(); ok && cd.Before(d) {
		return cd
	}
	return d
}

// loopbackOnly accepts "IP:PORT" where IP is a loopback literal
// (127.0.0.0/8, ::1); names are refused because resolving them would
// already send a query.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("probe: test guard: refusing to connect to %q: under go test, probes may only reach loopback addresses (use --dns-server / --connect-to 127.0.0.1:PORT)", addr)
}
