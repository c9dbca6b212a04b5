package checks

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

// Helpers shared by the Call Home, network, DNS, trust and log checks.

// callhomeConfigured is the Condition of the checks that judge the
// callhome block (they require reqCallhomeConfig): skipped when the switch
// has none, as CH001 reports.
var callhomeConfigured = Condition{State: "the switch has a callhome configuration", skip: func(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if s.Config.Callhome == nil {
		return c.Skip("not applicable: the switch has no callhome configuration (see CH001)"), true
	}
	return Result{}, false
}}

// tacURLConfigured is the Condition of the checks that judge CiscoTAC-1's
// HTTP destination URL: skipped when it has none, as CH003 reports.
var tacURLConfigured = Condition{State: "CiscoTAC-1 has an HTTP destination URL", skip: func(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if s.Path.URL == "" {
		return c.Skip("not applicable: CiscoTAC-1 has no HTTP destination URL (see CH003)"), true
	}
	return Result{}, false
}}

// licensingPath returns the device's licensing path (snapshot.Path, the
// one place checks read the VRF, URL, proxy and transport from), or the
// result to report when it cannot serve a check that tests it: the SLP
// transport is off, or its VRF, or the host the switch connects to
// (needHost), is unknown. extra are the commands the check needs besides
// those that would tell the path.
func licensingPath(c *Check, s *snapshot.Snapshot, needHost bool, extra ...string) (snapshot.Path, Result, bool) {
	p := s.Path
	host, _ := p.Next()
	switch {
	case p.Transport == "off":
		return p, c.Skip("not applicable: the SLP transport is off, the switch sends nothing (see SLP001)"), false
	case needHost && host == "" && p.URL != "":
		return p, c.Skip(fmt.Sprintf("not checked: the licensing URL %q names no host (see CH004 or SLP002)", p.URL)), false
	case needHost && host == "" && p.Evidence.URL.Known:
		return p, c.Skip("not applicable: no licensing URL is configured (" + p.Evidence.URL.Rule + "; see CH003 or SLP002)"), false
	case p.VRF != "" && (!needHost || host != ""):
		return p, Result{}, true
	}
	if ask := p.Ask(); len(ask) > 0 {
		return p, notChecked(c, s, append(ask, extra...)...), false
	}
	return p, c.Skip("not checked: " + p.Evidence.VRF.Rule), false
}

// nextHost is the host the switch opens its licensing connection to: the
// proxy when one is used, else the URL's host.
func nextHost(p snapshot.Path) string {
	h, _ := p.Next()
	return h
}

// decidedBy is the first line that decided a path field (zero if none).
func decidedBy(d snapshot.Decision) capture.Ref {
	if len(d.Lines) == 0 {
		return capture.Ref{}
	}
	return d.Lines[0]
}

// vrfName spells a VRF for messages.
func vrfName(v string) string {
	if v == "" {
		return snapshot.DefaultVRF
	}
	return v
}

// endpointAddrs are the addresses the device resolved or was given for
// host: the host itself when it is an address, the addresses pings printed,
// and `show hosts` entries.
func endpointAddrs(s *snapshot.Snapshot, host string) []netip.Addr {
	var out []netip.Addr
	add := func(a string) {
		if ip, err := netip.ParseAddr(a); err == nil {
			out = append(out, ip)
		}
	}
	if host == "" {
		return nil
	}
	add(host)
	for _, p := range s.Pings {
		if strings.EqualFold(p.Target, host) && p.Address != "" {
			add(p.Address)
		}
	}
	if s.Hosts != nil {
		for _, e := range s.Hosts.Entries {
			if strings.EqualFold(e.Name, host) {
				for _, a := range e.Addrs {
					add(a)
				}
			}
		}
	}
	return out
}

// sameVRF compares VRF names, "" meaning the default VRF.
func sameVRF(a, b string) bool { return strings.EqualFold(vrfName(a), vrfName(b)) }

// targets reports whether a test aimed at the host the path connects to
// (the proxy, or the URL's host), by name or by one of its known addresses.
func targets(s *snapshot.Snapshot, p snapshot.Path, target string) bool {
	host := nextHost(p)
	if host == "" || target == "" {
		return false
	}
	if strings.EqualFold(target, host) {
		return true
	}
	t, err := netip.ParseAddr(target)
	if err != nil {
		return false
	}
	for _, a := range endpointAddrs(s, host) {
		if a == t {
			return true
		}
	}
	return false
}

// firstRefs returns at most n refs.
func firstRefs(refs []capture.Ref, n int) []capture.Ref {
	if len(refs) > n {
		refs = refs[:n]
	}
	return refs
}

// quote renders a config line for a message.
func quote(r capture.Ref) string { return fmt.Sprintf("`%s`", strings.TrimSpace(r.Text)) }

// configRef points at the running-config the check read, for results whose
// evidence is an absent line.
func configRef(s *snapshot.Snapshot) capture.Ref {
	if s.Config == nil {
		return capture.Ref{}
	}
	for _, r := range []capture.Ref{s.Config.Time.Ref, s.Config.Version.Ref, s.Config.Hostname.Ref} {
		if !r.IsZero() {
			return r
		}
	}
	return capture.Ref{}
}
