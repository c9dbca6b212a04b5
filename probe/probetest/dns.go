// Package probetest starts the servers the probe tests talk to, all on
// 127.0.0.1: name servers that answer, fail, stay silent or truncate, a
// TLS server with a generated chain, and an HTTP CONNECT proxy. Like
// net/http/httptest, it is imported by tests only.
package probetest

import (
	"net"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/miekg/dns"
)

// DNSMode is how a test name server behaves.
type DNSMode int

// The behaviours the DNS004 tests need.
const (
	// Answer gives the records it was started with (NOERROR, possibly
	// empty).
	Answer DNSMode = iota
	// ServFail answers every question with SERVFAIL.
	ServFail
	// NXDomain answers every question with NXDOMAIN.
	NXDomain
	// Refused answers every question with REFUSED.
	Refused
	// Truncate answers over UDP with the TC bit and no records, and
	// with the records over TCP.
	Truncate
	// Silent reads UDP questions and drops them; it has no TCP.
	Silent
)

// DNSServer is a name server on 127.0.0.1.
type DNSServer struct {
	// Addr is "127.0.0.1:PORT", for --dns-server.
	Addr string
	udp  atomic.Int64
	tcp  atomic.Int64
}

// UDPQueries and TCPQueries count the questions received.
func (s *DNSServer) UDPQueries() int64 { return s.udp.Load() }

// TCPQueries counts the questions received over TCP.
func (s *DNSServer) TCPQueries() int64 { return s.tcp.Load() }

// StartDNS starts a name server that behaves as mode; records maps a name
// (with or without the final dot) to its addresses, IPv4 for A and IPv6
// for AAAA. The server stops when the test ends.
func StartDNS(t testing.TB, mode DNSMode, records map[string][]string) *DNSServer {
	t.Helper()
	s := &DNSServer{}
	if mode == Silent {
		pc, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { pc.Close() })
		s.Addr = pc.LocalAddr().String()
		go func() {
			buf := make([]byte, 1500)
			for {
				if _, _, err := pc.ReadFrom(buf); err != nil {
					return
				}
				s.udp.Add(1)
			}
		}()
		return s
	}
	pc, ln := listenPair(t)
	s.Addr = pc.LocalAddr().String()
	handler := func(tcp bool) dns.HandlerFunc {
		return func(w dns.ResponseWriter, q *dns.Msg) {
			if tcp {
				s.tcp.Add(1)
			} else {
				s.udp.Add(1)
			}
			r := new(dns.Msg)
			r.SetReply(q)
			switch mode {
			case ServFail:
				r.Rcode = dns.RcodeServerFailure
			case NXDomain:
				r.Rcode = dns.RcodeNameError
			case Refused:
				r.Rcode = dns.RcodeRefused
			case Truncate:
				if !tcp {
					r.Truncated = true
					break
				}
				r.Answer = records2RR(q.Question[0], records)
			default:
				r.Answer = records2RR(q.Question[0], records)
			}
			w.WriteMsg(r)
		}
	}
	serve(t, &dns.Server{PacketConn: pc, Handler: handler(false)})
	serve(t, &dns.Server{Listener: ln, Handler: handler(true)})
	return s
}

// listenPair binds UDP and TCP on the same free loopback port.
func listenPair(t testing.TB) (net.PacketConn, net.Listener) {
	t.Helper()
	for range 20 {
		pc, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := pc.LocalAddr().(*net.UDPAddr).Port
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err == nil {
			return pc, ln
		}
		pc.Close()
	}
	t.Fatal("probetest: no loopback port free for both UDP and TCP")
	return nil, nil
}

func serve(t testing.TB, srv *dns.Server) {
	t.Helper()
	started := make(chan struct{})
	srv.NotifyStartedFunc = func() { close(started) }
	go srv.ActivateAndServe()
	<-started
	t.Cleanup(func() { srv.Shutdown() })
}

func records2RR(q dns.Question, records map[string][]string) []dns.RR {
	addrs, ok := records[q.Name]
	if !ok {
		addrs = records[q.Name[:len(q.Name)-1]]
	}
	var out []dns.RR
	hdr := dns.RR_Header{Name: q.Name, Class: dns.ClassINET, Ttl: 60}
	for _, a := range addrs {
		ip := net.ParseIP(a)
		switch {
		case ip == nil:
		case ip.To4() != nil && q.Qtype == dns.TypeA:
			h := hdr
			h.Rrtype = dns.TypeA
			out = append(out, &dns.A{Hdr: h, A: ip.To4()})
		case ip.To4() == nil && q.Qtype == dns.TypeAAAA:
			h := hdr
			h.Rrtype = dns.TypeAAAA
			out = append(out, &dns.AAAA{Hdr: h, AAAA: ip})
		}
	}
	return out
}
