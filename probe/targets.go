package probe

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

// endpoint is where the device sends its licensing messages, as its
// licensing path (snapshot.Path) says.
type endpoint struct {
	raw  string
	url  *url.URL
	host string
	// port is the URL's port (443 for https without one).
	port int
	// vrf is the VRF the messages leave by; "" when the input does not say.
	vrf string
	// vrfAsk names the commands that would tell an unknown VRF, for the
	// DNS probe's note.
	vrfAsk []string
	// missing says why there is no usable URL: a reason for both probes.
	missing string
}

// endpointOf takes the URL, port and VRF of the device's licensing path.
func endpointOf(s *snapshot.Snapshot) endpoint {
	p := s.Path
	ep := endpoint{raw: p.URL, port: p.Port, vrf: p.VRF, vrfAsk: p.Evidence.VRF.Ask}
	switch {
	case p.Transport == "off":
		ep.missing = "does not apply: the SLP transport is off, the switch sends nothing (see SLP001)"
		return ep
	case ep.raw == "" && p.Evidence.URL.Known:
		ep.missing = "not checked: the licensing path has no URL (" + p.Evidence.URL.Rule + "; see CH003 or SLP002)"
		return ep
	case ep.raw == "":
		ep.missing = "not checked: run `" + strings.Join(p.Evidence.URL.Ask, "` and `") + "` (the probes take the endpoint host from the licensing URL)"
		return ep
	}
	u, err := url.Parse(ep.raw)
	if err != nil || u.Hostname() == "" {
		ep.missing = fmt.Sprintf("not checked: the destination URL %q names no host (see CH004 or SLP002)", ep.raw)
		return ep
	}
	ep.url, ep.host = u, p.Host
	return ep
}

// nameServer is one server to ask, with the line that configures it.
type nameServer struct {
	addr string // "IP:PORT"
	ref  capture.Ref
}

// nameServersFor lists the servers that serve the VRF: global
// `ip name-server ... use-vrf V` lines (no use-vrf for the default VRF)
// and `ip name-server` under `vrf context V`; `show hosts` stands in when
// no configuration was captured. The note says why the list is empty.
func nameServersFor(s *snapshot.Snapshot, vrf string) ([]nameServer, string) {
	var lines []parsers.NameServer
	switch {
	case s.Config != nil:
		lines = append(lines, s.Config.NameServers...)
		if v := s.Config.VRFs[vrf]; v != nil {
			for _, ns := range v.NameServers {
				ns.VRF, ns.InContext = vrf, true
				lines = append(lines, ns)
			}
		}
	case s.Hosts != nil:
		lines = s.Hosts.NameServers
	}
	var out []nameServer
	seen := map[string]bool{}
	for _, ns := range lines {
		if !sameVRF(ns.VRF, vrf) {
			continue
		}
		for _, a := range ns.Addrs {
			addr := withPort(a)
			if !seen[addr] {
				seen[addr] = true
				out = append(out, nameServer{addr: addr, ref: ns.Ref})
			}
		}
	}
	if len(out) > 0 {
		return out, ""
	}
	if s.Config.Complete(parsers.TopicDNS) || s.Hosts != nil {
		return nil, fmt.Sprintf("not checked: the device has no name server for VRF %s (see DNS002); add --dns-server ADDR to ask one from this workstation", vrf)
	}
	return nil, "not checked: run `show running-config` (the name servers of the Call Home VRF are configured there), or give --dns-server ADDR"
}

func sameVRF(a, b string) bool {
	norm := func(v string) string {
		if v == "" {
			return "default"
		}
		return strings.ToLower(v)
	}
	return norm(a) == norm(b)
}

// withPort adds port 53 to an address that has none; IPv6 literals are
// bracketed.
func withPort(a string) string {
	a = strings.TrimSpace(a)
	if _, _, err := net.SplitHostPort(a); err == nil {
		return a
	}
	return net.JoinHostPort(strings.Trim(a, "[]"), "53")
}
