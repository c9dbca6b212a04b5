package snapshot

import (
	"net"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

// Mode is a licensing mode, as the JSON contract spells it.
type Mode string

// The licensing modes.
const (
	ModeClassic Mode = "classic"
	ModeSLP     Mode = "slp"
	ModeUnknown Mode = "unknown"
)

// Name spells the mode in a sentence ("classic Smart Licensing", "Smart
// Licensing Using Policy"); "" when unknown.
func (m Mode) Name() string {
	switch m {
	case ModeClassic:
		return "classic Smart Licensing"
	case ModeSLP:
		return "Smart Licensing Using Policy"
	}
	return ""
}

// Method is a way to reach Cisco, as the JSON contract spells it.
type Method string

// The ways to reach Cisco.
const (
	MethodDirect  Method = "direct"
	MethodProxy   Method = "proxy"
	MethodOnPrem  Method = "onprem"
	MethodUnknown Method = "unknown"
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
func (s *Snapshot) Mode() Mode { return Mode(s.LicensingMode().Value) }

// Method says how the device reaches Cisco, from its Path: "proxy" when
// it sends through a proxy, "direct" when the endpoint is Cisco's cloud,
// "onprem" when it is another host (an on-prem SSM or a CSLU), "unknown"
// when the input does not say.
func (s *Snapshot) Method() Method {
	switch p := s.Path; {
	case p.ProxyHost != "":
		return MethodProxy
	case p.Kind == KindCisco:
		return MethodDirect
	case p.Kind == KindOnPrem || p.Kind == KindCSLU:
		return MethodOnPrem
	}
	return MethodUnknown
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

// InterfaceVRF is the VRF an interface belongs to: its `vrf member`,
// "management" for mgmt0, "default" for an interface captured without one.
// known is false when the interface's configuration was not captured (or
// the interface does not exist).
func (s *Snapshot) InterfaceVRF(name string) (vrf string, ref capture.Ref, known bool) {
	name = parsers.CanonicalInterface(name)
	if s.Config != nil {
		if ifc := s.Config.Interfaces[name]; ifc != nil {
			if ifc.VRF.Value != "" {
				return ifc.VRF.Value, ifc.VRF.Ref, true
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
