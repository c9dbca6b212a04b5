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
// capture says.
type endpoint struct {
	raw  string
	url  *url.URL
	host string
	// vrf is the VRF the messages leave by, "default" when none is set.
	vrf string
	// missing says why there is no usable URL: a reason for both probes.
	missing string
}

// endpointOf takes the URL the device sends licensing messages to
// (snapshot.EndpointURL: the SLP transport URL, else CiscoTAC-1's) and the
// VRF they leave by.
func endpointOf(s *snapshot.Snapshot) endpoint {
	ep := endpoint{vrf: vrfOf(s)}
	raw, _ := s.EndpointURL()
	ep.raw = strings.TrimSpace(raw)
	if ep.raw == "" {
		switch {
		case s.Mode() == snapshot.ModeSLP && s.Config.Complete(parsers.TopicLicense):
			ep.missing = "not checked: the configuration names no `license smart url` (see SLP002)"
		case s.Mode() == snapshot.ModeSLP:
			ep.missing = "not checked: run `show license status` (the probes take the endpoint host from the transport URL)"
		case s.Config.Complete(parsers.TopicCallhome):
			ep.missing = "not checked: the configuration names no Call Home destination URL for CiscoTAC-1 (see CH003)"
		default:
			ep.missing = "not checked: run `show running-config callhome` (the probes take the endpoint host from the destination URL)"
		}
		return ep
	}
	u, err := url.Parse(ep.raw)
	if err != nil || u.Hostname() == "" {
		ep.missing = fmt.Sprintf("not checked: the destination URL %q names no host (see CH004)", ep.raw)
		return ep
	}
	ep.url, ep.host = u, strings.ToLower(u.Hostname())
	return ep
}

// vrfOf is the VRF licensing traffic leaves by: the SLP transport VRF on
// an SLP device, else the Call Home VRF; "default" when the input does
// not say otherwise.
func vrfOf(s *snapshot.Snapshot) string {
	if s.Mode() == snapshot.ModeSLP {
		if s.Config != nil && s.Config.License != nil && s.Config.License.VRF != "" {
			return s.Config.License.VRF
		}
		if s.License != nil && s.License.Transport.VRF != "" && !strings.EqualFold(s.License.Transport.VRF, "<empty>") {
			return s.License.Transport.VRF
		}
		return snapshot.DefaultVRF
	}
	if vrf, _, known := s.CallhomeVRF(); known {
		return vrf
	}
	return snapshot.DefaultVRF
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
