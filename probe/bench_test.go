package probe

import (
	"context"
	"testing"
	"time"

	"github.com/slcheck/slcheck/probe/probetest"
)

// BenchmarkRun measures one whole probe step against loopback servers:
// two name servers (one truncating, so A and AAAA go over TCP too) and a
// TLS handshake with a generated chain.
func BenchmarkRun(b *testing.B) {
	records := map[string][]string{"tools.cisco.com": {"72.163.4.38"}}
	chain := probetest.NewChain(b, identrust, time.Now().AddDate(1, 0, 0), "tools.cisco.com")
	o := Options{DNS: true, TLS: true, Timeout: time.Second, Roots: chain.Roots,
		DNSServers: []string{probetest.StartDNS(b, probetest.Answer, records).Addr, probetest.StartDNS(b, probetest.Truncate, records).Addr},
		ConnectTo:  probetest.StartTLS(b, chain)}
	s := device(ciscoURL, "management")
	for b.Loop() {
		p := Run(context.Background(), s, o)
		if p.TLS == nil || p.TLS.Err != "" || len(p.DNS) != 4 {
			b.Fatalf("probe failed: %+v", p)
		}
	}
}

// BenchmarkRunSilent measures the step when every name server is silent:
// its time is the budget's floor (two socket deadlines), whatever the
// number of servers.
func BenchmarkRunSilent(b *testing.B) {
	var servers []string
	for range 8 {
		servers = append(servers, probetest.StartDNS(b, probetest.Silent, nil).Addr)
	}
	o := Options{DNS: true, DNSServers: servers, Timeout: 50 * time.Millisecond}
	s := device(ciscoURL, "management")
	for b.Loop() {
		Run(context.Background(), s, o)
	}
}
