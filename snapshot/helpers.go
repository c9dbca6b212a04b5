package snapshot

import (
	"net"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

// Licensing modes (Mode) and ways to reach Cisco (Method), as the JSON
// contract spells them.
const (
	ModeClassic = "classic"
	ModeSLP     = "slp"
	ModeUnknown = "unknown"

	MethodDirect  = "direct"
	MethodProxy   = "proxy"
	MethodOnPrem  = "onprem"
	MethodUnknown = "unknown"
)

// DefaultVRF is the name slcheck uses for the default VRF.
const DefaultVRF = parsers.DefaultVRF

// ciscoHosts are the Cisco cloud endpoints of classic Call Home and SLP.
var ciscoHosts = map[string]bool{
	"tools.cisco.com":         true,
	"smartreceiver.cisco.com": true,
}

// Mode says which licensing the device runs: "slp", "classic" or
// "unknown", as LicensingMode settles it.
func (s *Snapshot) Mode() string { return s.LicensingMode().Value }

// Method says how the device reaches Cisco: "proxy" when a proxy is
// configured (Call Home proxy server or enable, or an SLP proxy), "direct"
// when the endpoint is Cisco's cloud, "onprem" when it is another host (an
// on-prem SSM or CSLU), "unknown" when the input does not say.
func (s *Snapshot) Method() string {
	if s.proxyConfigured() {
		return MethodProxy
	}
	if s.Mode() == ModeSLP && s.slpTransport() == "cslu" {
		return MethodOnPrem
	}
	host := s.EndpointHost()
	switch {
	case host == "":
		return MethodUnknown
	case ciscoHosts[host]:
		return MethodDirect
	default:
		return MethodOnPrem
	}
}

func (s *Snapshot) proxyConfigured() bool {
	if s.Mode() == ModeSLP && s.slpTransport() != "callhome" {
		if s.License != nil && s.License.Transport.Proxy != "" {
			return true
		}
		return s.Config != nil && s.Config.License != nil && s.Config.License.ProxyURL != ""
	}
	if s.Config == nil || s.Config.Callhome == nil {
		return false
	}
	p := s.Config.Callhome.Proxy
	return p.Server != "" || p.Enabled
}

// slpTransport is the SLP transport type, lower case, from the license
// output or else the config; "" when neither says.
func (s *Snapshot) slpTransport() string {
	if s.License != nil && s.License.Transport.Type != "" {
		return strings.ToLower(s.License.Transport.Type)
	}
	if s.Config != nil && s.Config.License != nil {
		return strings.ToLower(s.Config.License.Transport)
	}
	return ""
}

// EndpointURL is the URL the device sends licensing messages to: the SLP
// transport URL on an SLP device (CiscoTAC-1's when its SLP transport is
// callhome), otherwise the CiscoTAC-1 HTTP URL; "" when
// the input does not hold one. ref is the line it came from.
func (s *Snapshot) EndpointURL() (u string, ref capture.Ref) {
	if s.Mode() == ModeSLP {
		if s.slpTransport() == "callhome" {
			return s.tacURL()
		}
		if s.License != nil && s.License.Transport.URL != "" {
			return s.License.Transport.URL, s.License.Transport.URLRef
		}
		if s.Config != nil && s.Config.License != nil {
			lc := s.Config.License
			if s.slpTransport() == "cslu" && lc.URLCSLU != "" {
				return lc.URLCSLU, lc.URLCSLURef
			}
			if lc.URLSmart != "" {
				return lc.URLSmart, lc.URLSmartRef
			}
			if lc.URLCSLU != "" {
				return lc.URLCSLU, lc.URLCSLURef
			}
		}
		return "", capture.Ref{}
	}
	return s.tacURL()
}

// tacURL is the CiscoTAC-1 HTTP destination URL, if captured.
func (s *Snapshot) tacURL() (string, capture.Ref) {
	if s.Config != nil {
		if d := s.Config.Callhome.TACURL(); d != nil {
			return d.URL, d.Ref
		}
	}
	return "", capture.Ref{}
}

// EndpointHost is the lower-case host name (or address) of EndpointURL,
// without port; "" when there is no URL or it has no host.
func (s *Snapshot) EndpointHost() string {
	u, _ := s.EndpointURL()
	return URLHost(u)
}

// URLHost returns the lower-case host of a URL as written in a config,
// tolerating a missing scheme; "" when there is none.
func URLHost(raw string) string {
	u, ok := parseURL(raw)
	if !ok {
		return ""
	}
	return strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
}

// IsIPHost reports whether host is an IP address rather than a name.
func IsIPHost(host string) bool { return net.ParseIP(host) != nil }

// CallhomeVRF is the VRF Call Home uses for HTTP: the `transport http
// use-vrf` VRF, or "default" when the callhome block is captured without
// one. known is false when the callhome configuration was not captured.
func (s *Snapshot) CallhomeVRF() (vrf string, ref capture.Ref, known bool) {
	if s.Config == nil {
		return "", capture.Ref{}, false
	}
	ch := s.Config.Callhome
	if ch == nil {
		if s.Config.Complete(parsers.TopicCallhome) {
			return DefaultVRF, capture.Ref{}, true
		}
		return "", capture.Ref{}, false
	}
	if ch.VRF == "" {
		return DefaultVRF, ch.Ref, true
	}
	return ch.VRF, ch.VRFRef, true
}

// TransportVRF is the VRF licensing messages leave by: on an SLP device
// the `license smart` VRF of the config, else the VRF of the license
// output's Transport block, else "default" when either was captured; on
// other devices, and SLP devices whose transport is callhome, CallhomeVRF. known is false when the input does not say.
func (s *Snapshot) TransportVRF() (vrf string, ref capture.Ref, known bool) {
	if s.Mode() != ModeSLP || s.slpTransport() == "callhome" {
		return s.CallhomeVRF()
	}
	if s.Config != nil && s.Config.License != nil && s.Config.License.VRF != "" {
		return s.Config.License.VRF, s.Config.License.VRFRef, true
	}
	if s.License != nil && s.License.Transport.VRF != "" {
		return s.License.Transport.VRF, s.License.Transport.VRFRef, true
	}
	if s.Config.Complete(parsers.TopicLicense) || s.License != nil && s.License.Transport.Type != "" {
		return DefaultVRF, capture.Ref{}, true
	}
	return "", capture.Ref{}, false
}

// InterfaceVRF is the VRF an interface belongs to: its `vrf member`,
// "management" for mgmt0, "default" for an interface captured without one.
// known is false when the interface's configuration was not captured (or
// the interface does not exist).
func (s *Snapshot) InterfaceVRF(name string) (vrf string, ref capture.Ref, known bool) {
	name = parsers.CanonicalInterface(name)
	if s.Config != nil {
		if ifc := s.Config.Interfaces[name]; ifc != nil {
			if ifc.VRF != "" {
				return ifc.VRF, ifc.VRFRef, true
			}
			if strings.HasPrefix(name, "mgmt") {
				return "management", ifc.Ref, true
			}
			return DefaultVRF, ifc.Ref, true
		}
	}
	if strings.HasPrefix(name, "mgmt") {
		return "management", capture.Ref{}, true
	}
	return "", capture.Ref{}, false
}
