package checks

import (
	"cmp"
	"fmt"
	"net/netip"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "NET002",
		Title:      "Call Home VRF has a route toward the endpoint",
		Area:       AreaNetwork,
		Severity:   Error,
		Applies:    NXOS,
		Needs:      []string{snapshot.CmdCallhome, "show ip route vrf <licensing VRF>"},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "Whether `show ip route vrf <vrf>` for the Call Home VRF holds a default route or a route covering the endpoint (or proxy) address.",
			Why:  "Without a route the switch cannot open its TCP connection to Cisco, the on-prem server or the proxy: registration and renewals fail to send. A management VRF with only its connected subnet is the usual case.",
			Fix:  "Add a default route (or a route to the endpoint or proxy) in the Call Home VRF.",
		},
		Run: runNET002,
	})
}

func runNET002(c *Check, s *snapshot.Snapshot) Result {
	p, r, ok := licensingPath(c, s, false, "show ip route vrf <vrf>")
	if !ok {
		return r
	}
	vrf, vrfRef, host := p.VRF, decidedBy(p.Evidence.VRF), nextHost(p)
	cmd := p.RouteCommand()
	rt := s.Routes[vrf]
	if rt == nil {
		return notChecked(c, s, cmd)
	}
	if rt.Error.Said() {
		return c.Fail(fmt.Sprintf("`%s` says %q: the VRF licensing traffic uses does not exist on the switch", cmd, rt.Error.Value),
			remedies.DefaultRoute(nil, p), rt.Error.Ref, vrfRef)
	}
	for _, r := range rt.Routes {
		if r.Prefix == "0.0.0.0/0" {
			return c.Pass(fmt.Sprintf("VRF %s has a default route", vrf), r.Ref)
		}
	}
	addrs := endpointAddrs(s, host)
	if r, a, ok := covering(rt.Routes, addrs); ok {
		return c.Pass(fmt.Sprintf("VRF %s has no default route, but %s covers %s (%s)", vrf, r.Prefix, host, a), r.Ref)
	}
	if r, ok := filteredOut(c, s, cmd); ok {
		return r // the route the filter dropped may cover the endpoint
	}
	return noRoute(c, p, rt, addrs)
}

// covering returns the first route whose prefix holds one of addrs, and
// that address.
func covering(routes []parsers.Route, addrs []netip.Addr) (parsers.Route, netip.Addr, bool) {
	for _, r := range routes {
		pfx, err := netip.ParsePrefix(r.Prefix)
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if pfx.Contains(a) {
				return r, a, true
			}
		}
	}
	return parsers.Route{}, netip.Addr{}, false
}

// noRoute judges a VRF whose routes, none of them default, do not cover
// the endpoint's known addresses: not checked when it has learned routes
// and no address is known, else failed, naming its connected subnets.
func noRoute(c *Check, p snapshot.Path, rt *parsers.RouteTable, addrs []netip.Addr) Result {
	vrf, vrfRef, host := p.VRF, decidedBy(p.Evidence.VRF), nextHost(p)
	connected, learned := splitConnected(rt.Routes)
	if len(addrs) == 0 && len(learned) > 0 {
		ping := cmp.Or(p.PingCommand(), "ping <endpoint> vrf "+snapshot.CommandVRF(vrf))
		return c.Skip(fmt.Sprintf("not checked: VRF %s has no default route and the address of %s is unknown, so slcheck cannot tell whether its other routes cover it; run `%s`", vrf, hostOr(host), ping))
	}
	var subnets []string
	ev := []capture.Ref{rt.Ref}
	for _, r := range connected {
		subnets = append(subnets, r.Prefix)
		ev = append(ev, r.Ref)
	}
	msg := fmt.Sprintf("VRF %s has no default route", vrf)
	switch {
	case len(rt.Routes) == 0:
		msg += " and no route at all"
	case len(learned) == 0:
		msg += fmt.Sprintf(", only its connected subnets (%s)", strings.Join(subnets, ", "))
	}
	if len(addrs) > 0 {
		msg += fmt.Sprintf(", and none of its routes covers %s (%s)", host, addrs[0])
	}
	msg += fmt.Sprintf(": the switch cannot reach %s from it", hostOr(host))
	return c.Fail(msg, remedies.DefaultRoute(nonHost(subnets), p), firstRefs(append(ev, vrfRef), 4)...)
}

// splitConnected separates a VRF's directly connected and local routes
// from the routes that lead elsewhere.
func splitConnected(routes []parsers.Route) (connected, learned []parsers.Route) {
	for _, r := range routes {
		direct := len(r.Protocols) > 0
		for _, p := range r.Protocols {
			if p != "direct" && p != "local" && p != "hsrp" && p != "vrrp" {
				direct = false
			}
		}
		if direct {
			connected = append(connected, r)
		} else {
			learned = append(learned, r)
		}
	}
	return connected, learned
}

// nonHost drops /32 and /128 prefixes (the switch's own addresses).
func nonHost(prefixes []string) []string {
	var out []string
	for _, p := range prefixes {
		if !strings.HasSuffix(p, "/32") && !strings.HasSuffix(p, "/128") {
			out = append(out, p)
		}
	}
	return out
}

func hostOr(h string) string {
	if h == "" {
		return "the endpoint"
	}
	return h
}
