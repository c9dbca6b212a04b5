package checks

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

// Helpers shared by the Call Home, network, DNS, trust and log checks.

const cmdRunCallhome = "show running-config callhome"

// callhomeBlock returns the callhome configuration, or the result to report
// when it was not captured (not checked) or does not exist (not applicable,
// CH001 reports it).
func callhomeBlock(c *Check, s *snapshot.Snapshot) (*parsers.Callhome, Result, bool) {
	if !s.Config.Complete(parsers.TopicCallhome) {
		return nil, notChecked(c, s, cmdRunCallhome), false
	}
	if s.Config.Callhome == nil {
		return nil, c.Skip("not applicable: the switch has no callhome configuration (see CH001)"), false
	}
	return s.Config.Callhome, Result{}, true
}

// path is where licensing traffic goes from this device: the proxy when
// one is configured, else the endpoint host, in the Call Home VRF.
func path(s *snapshot.Snapshot) remedies.Path {
	vrf, _, _ := pathVRF(s)
	p := remedies.Path{Host: s.EndpointHost(), VRF: vrf}
	if ch := callhomeOf(s); ch != nil && ch.Proxy.Server != "" && ch.Proxy.Enabled {
		p.Host = proxyHost(ch.Proxy.Server)
	}
	return p
}

// proxyHost is the host part of a proxy server, which NX-OS accepts as a
// name, an address or a URL that may carry credentials.
func proxyHost(server string) string {
	if strings.Contains(server, "://") {
		if u, err := url.Parse(server); err == nil && u.Hostname() != "" {
			return strings.ToLower(u.Hostname())
		}
	}
	return strings.ToLower(server)
}

func callhomeOf(s *snapshot.Snapshot) *parsers.Callhome {
	if s.Config == nil {
		return nil
	}
	return s.Config.Callhome
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

// targets reports whether a test aimed at the path's host, by name or by
// one of its known addresses.
func targets(s *snapshot.Snapshot, p remedies.Path, target string) bool {
	if p.Host == "" || target == "" {
		return false
	}
	if strings.EqualFold(target, p.Host) {
		return true
	}
	t, err := netip.ParseAddr(target)
	if err != nil {
		return false
	}
	for _, a := range endpointAddrs(s, p.Host) {
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
	for _, r := range []capture.Ref{s.Config.TimeRef, s.Config.VersionRef, s.Config.HostnameRef} {
		if !r.IsZero() {
			return r
		}
	}
	return capture.Ref{}
}

// pathVRF is the VRF licensing traffic leaves from: the SLP transport VRF
// on an SLP device, else the Call Home VRF. known is false when the input
// does not say.
func pathVRF(s *snapshot.Snapshot) (vrf string, ref capture.Ref, known bool) {
	if s.Mode() == snapshot.ModeSLP {
		if s.Config != nil && s.Config.License != nil && s.Config.License.VRF != "" {
			return s.Config.License.VRF, s.Config.License.VRFRef, true
		}
		if s.License != nil && s.License.Transport.VRF != "" && !strings.EqualFold(s.License.Transport.VRF, "<empty>") {
			return s.License.Transport.VRF, s.License.Transport.Ref, true
		}
		if s.Config.Complete(parsers.TopicLicense) {
			return snapshot.DefaultVRF, capture.Ref{}, true
		}
		return "", capture.Ref{}, false
	}
	return s.CallhomeVRF()
}

// vrfSource names the command that tells the VRF, for "not checked".
func vrfSource(s *snapshot.Snapshot) string {
	if s.Mode() == snapshot.ModeSLP {
		return "show running-config | include license"
	}
	return cmdRunCallhome
}
