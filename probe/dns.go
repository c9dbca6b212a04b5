package probe

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/miekg/dns"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

// runDNS asks every name server of the Call Home VRF (or the --dns-server
// ones) for the endpoint's A and AAAA records, all at once.
func runDNS(ctx context.Context, s *snapshot.Snapshot, ep endpoint, o Options, p *snapshot.Probes) {
	switch {
	case ep.missing != "":
		p.DNSNote = ep.missing
		return
	case net.ParseIP(ep.host) != nil:
		p.DNSNote = "does not apply: the destination URL names an IP address, there is no name to resolve"
		return
	}
	var servers []nameServer
	if len(o.DNSServers) > 0 {
		p.DNSOverride = true
		for _, a := range o.DNSServers {
			servers = append(servers, nameServer{addr: withPort(a)})
		}
	} else {
		if ep.vrf == "" {
			p.DNSNote = "not checked: the VRF licensing traffic uses is unknown, so are its name servers: run `" + strings.Join(ep.vrfAsk, "` and `") + "`, or give --dns-server ADDR"
			if len(ep.vrfAsk) == 0 {
				p.DNSNote = "not checked: the VRF licensing traffic uses is unknown, so are its name servers; give --dns-server ADDR"
			}
			return
		}
		var note string
		servers, note = nameServersFor(s, ep.vrf)
		if note != "" {
			p.DNSNote = note
			return
		}
		for _, ns := range servers {
			if !ns.ref.IsZero() && !hasRef(p.DNSServerRefs, ns.ref) {
				p.DNSServerRefs = append(p.DNSServerRefs, ns.ref)
			}
		}
	}
	types := []uint16{dns.TypeA, dns.TypeAAAA}
	p.DNS = make([]snapshot.DNSAnswer, len(servers)*len(types))
	var wg sync.WaitGroup
	for i, ns := range servers {
		for j, qt := range types {
			wg.Go(func() { p.DNS[i*len(types)+j] = askShared(ctx, o, ns.addr, ep.host, qt) })
		}
	}
	wg.Wait()
}

// hasRef reports whether refs already holds the line of r (one config
// line may name several servers).
func hasRef(refs []capture.Ref, r capture.Ref) bool {
	for _, x := range refs {
		if x.Source == r.Source && x.Line == r.Line && x.Text == r.Text {
			return true
		}
	}
	return false
}

// askShared asks once per run (Options.Memo) what several switches would
// each ask the same server.
func askShared(ctx context.Context, o Options, server, name string, qtype uint16) snapshot.DNSAnswer {
	key := "dns " + server + " " + strings.ToLower(name) + " " + dns.TypeToString[qtype]
	a, ok := memoDo(ctx, o.Memo, key, func() snapshot.DNSAnswer { return ask(ctx, o, server, name, qtype) })
	if !ok {
		a = snapshot.DNSAnswer{Server: server, Name: name, Type: dns.TypeToString[qtype], Outcome: snapshot.DNSNoAnswer,
			Err: "the probe step's deadline passed while another switch's question to the same server ran"}
	}
	return a
}

// ask sends one question over UDP, retries once when no answer comes,
// and repeats it over TCP when the answer is truncated.
func ask(ctx context.Context, o Options, server, name string, qtype uint16) snapshot.DNSAnswer {
	a := snapshot.DNSAnswer{Server: server, Name: name, Type: dns.TypeToString[qtype]}
	m := new(dns.Msg)
	m.SetQuestion(dns.Fqdn(name), qtype)
	var (
		r   *dns.Msg
		rtt time.Duration
		err error
	)
	for try := 0; try < 2 && ctx.Err() == nil; try++ {
		r, rtt, err = exchange(ctx, o, "udp", server, m)
		if err == nil {
			break
		}
	}
	if err == nil && r.Truncated {
		r, rtt, err = exchange(ctx, o, "tcp", server, m)
		if err != nil {
			err = errors.New("the UDP answer was truncated and TCP failed: " + err.Error())
		}
	}
	a.Latency = rtt
	if err != nil {
		a.Outcome, a.Err = snapshot.DNSNoAnswer, err.Error()
		return a
	}
	switch r.Rcode {
	case dns.RcodeSuccess:
		for _, rr := range r.Answer {
			switch rr := rr.(type) {
			case *dns.A:
				a.Addrs = append(a.Addrs, rr.A.String())
			case *dns.AAAA:
				a.Addrs = append(a.Addrs, rr.AAAA.String())
			}
		}
		a.Outcome = snapshot.DNSAnswered
		if len(a.Addrs) == 0 {
			a.Outcome = snapshot.DNSNoAddress
		}
	case dns.RcodeNameError:
		a.Outcome = snapshot.DNSNXDomain
	case dns.RcodeServerFailure:
		a.Outcome = snapshot.DNSServFail
	case dns.RcodeRefused:
		a.Outcome = snapshot.DNSRefused
	default:
		a.Outcome = strings.ToUpper(dns.RcodeToString[r.Rcode])
	}
	return a
}

// exchange sends m to server over network on a socket of its own.
func exchange(ctx context.Context, o Options, network, server string, m *dns.Msg) (*dns.Msg, time.Duration, error) {
	conn, err := o.dial(ctx, network, server)
	if err != nil {
		return nil, 0, err
	}
	defer conn.Close()
	c := &dns.Client{Net: network, Timeout: o.timeout()}
	return c.ExchangeWithConnContext(ctx, m, &dns.Conn{Conn: conn})
}
