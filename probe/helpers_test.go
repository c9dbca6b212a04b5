package probe

import (
	"context"
	"net"
	"sync"

	"github.com/slcheck/slcheck/capture"
	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

const ciscoURL = "https://tools.cisco.com/its/service/oddce/services/DDCEService"

// device is a snapshot whose Call Home posts to url from vrf, with the
// given global name-server lines.
func device(url, vrf string, ns ...parsers.NameServer) *snapshot.Snapshot {
	ch := &parsers.Callhome{VRF: capture.Fact[string]{Value: vrf}, Profiles: map[string]*parsers.DestinationProfile{
		"CiscoTAC-1": {Name: "CiscoTAC-1", TransportMethods: []capture.Fact[string]{{Value: "http"}},
			URLs: []parsers.DestinationURL{{Index: 1, URL: url,
				Ref: capture.Ref{Source: "cap.txt", Line: 4, Text: "destination-profile CiscoTAC-1 index 1 http " + url}}}},
	}}
	return withPath(&snapshot.Snapshot{Config: &parsers.RunningConfig{
		Covers: []string{parsers.TopicAll}, Callhome: ch, NameServers: ns}})
}

// withPath decides the path of a snapshot built by hand, as Build does.
func withPath(s *snapshot.Snapshot) *snapshot.Snapshot {
	s.Path = snapshot.PathOf(s)
	return s
}

// redirect is a Dial that sends each address in routes to another one,
// counting every dial; addresses not in routes are dialled as given.
type redirect struct {
	mu     sync.Mutex
	routes map[string]string
	dials  []string
}

func (r *redirect) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	r.mu.Lock()
	r.dials = append(r.dials, network+" "+addr)
	to, ok := r.routes[addr]
	r.mu.Unlock()
	if !ok {
		to = addr
	}
	var d net.Dialer
	return d.DialContext(ctx, network, to)
}

func (r *redirect) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.dials)
}
