package probe

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/slcheck/slcheck/probe/probetest"
	"github.com/slcheck/slcheck/snapshot"
)

// A fleet whose switches share silent name servers and one endpoint,
// probed at once with one Memo: each question and the TLS handshake
// happen once. Without a memo every switch asks again. The counts are
// the proof; the timeout is generous so that a loaded machine's slow
// handshakes cannot fail it (the deadline itself is tested elsewhere).
func TestMemoSharesAcrossFleet(t *testing.T) {
	silent := probetest.StartDNS(t, probetest.Silent, nil)
	answering := probetest.StartDNS(t, probetest.Answer, map[string][]string{"tools.cisco.com.": {"192.0.2.10"}})
	chain := probetest.NewChain(t, identrust, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), "tools.cisco.com")
	tlsAddr := probetest.StartTLS(t, chain)
	const fleet = 20
	for _, tc := range []struct {
		name     string
		memo     *Memo
		wantTLS  int
		wantUDPs int64 // questions the answering server got
	}{
		{"memo", NewMemo(), 1, 2},
		{"no memo", nil, fleet, 2 * fleet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := answering.UDPQueries()
			r := &redirect{}
			o := Options{DNS: true, TLS: true, DNSServers: []string{silent.Addr, answering.Addr}, ConnectTo: tlsAddr,
				Roots: chain.Roots, Timeout: 3 * time.Second, Dial: r.Dial, Memo: tc.memo}
			var wg sync.WaitGroup
			got := make([]*snapshot.Probes, fleet)
			for i := range fleet {
				wg.Go(func() { got[i] = Run(context.Background(), device(ciscoURL, "management"), o) })
			}
			wg.Wait()
			for i, p := range got {
				if p.TLS == nil || !p.TLS.Verified || !p.TLS.NameOK {
					t.Fatalf("switch %d: TLS %+v", i, p.TLS)
				}
				outcomes := map[string]string{}
				for _, a := range p.DNS {
					outcomes[a.Server+" "+a.Type] = a.Outcome
				}
				if outcomes[silent.Addr+" A"] != snapshot.DNSNoAnswer || outcomes[answering.Addr+" A"] != snapshot.DNSAnswered {
					t.Errorf("switch %d: %v", i, outcomes)
				}
			}
			tlsDials := 0
			for _, d := range r.dials {
				if d == "tcp "+tlsAddr {
					tlsDials++
				}
			}
			if tlsDials != tc.wantTLS {
				t.Errorf("%d TLS connections, want %d", tlsDials, tc.wantTLS)
			}
			if n := answering.UDPQueries() - before; n != tc.wantUDPs {
				t.Errorf("answering server got %d questions, want %d", n, tc.wantUDPs)
			}
		})
	}
}

// A switch whose probe budget ends while another switch's identical
// question is still in flight gives up with its own deadline.
func TestMemoWaiterKeepsItsDeadline(t *testing.T) {
	m := NewMemo()
	release := make(chan struct{})
	go memoDo(context.Background(), m, "k", func() int { <-release; return 1 })
	time.Sleep(10 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, ok := memoDo(ctx, m, "k", func() int { return 2 }); ok {
		t.Error("waiter did not give up at its deadline")
	}
	close(release)
	if v, ok := memoDo(context.Background(), m, "k", func() int { return 3 }); !ok || v != 1 {
		t.Errorf("got %d %v, want the first caller's 1", v, ok)
	}
}
