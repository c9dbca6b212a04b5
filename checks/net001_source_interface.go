package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "NET001",
		Title:      "HTTP source interface is in the Call Home VRF",
		Area:       "Network path",
		Severity:   Error,
		Needs:      []string{cmdRunCallhome, "show running-config | include source-interface", "show running-config interface"},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "Whether the interface of `ip http source-interface` belongs to the VRF of `transport http use-vrf` (the default VRF without it); mgmt0 is in VRF management.",
			Why:  "Call Home sends from the Call Home VRF: a source interface in another VRF makes every HTTP message fail with \"Failed to send Call Home HTTP\", even though ping and telnet to tools.cisco.com work (doc 217965, known problem 1: Vlan27 while Call Home used VRF management).",
			Fix:  "Set the HTTP source interface to an interface in the Call Home VRF (mgmt0 for VRF management).",
		},
		Run: runNET001,
	})
}

func runNET001(c *Check, s *snapshot.Snapshot) Result {
	if r, skip := classicOnly(c, s); skip {
		return r
	}
	vrf, vrfRef, known := s.CallhomeVRF()
	if !known {
		return notChecked(c, s, cmdRunCallhome, "show running-config | include source-interface")
	}
	if s.Config.Callhome == nil {
		return c.Skip("not applicable: the switch has no callhome configuration (see CH001)")
	}
	src := s.Config.HTTPSource
	if src == nil {
		if !s.Config.Complete(parsers.TopicHTTP) {
			return notChecked(c, s, "show running-config | include source-interface")
		}
		return c.Pass(fmt.Sprintf("no HTTP source interface is set: Call Home sends from VRF %s by its routes", vrf), vrfRef)
	}
	ifVRF, ifRef, known := s.InterfaceVRF(src.Interface)
	if !known {
		return notChecked(c, s, "show running-config interface "+src.Interface)
	}
	if sameVRF(ifVRF, vrf) {
		return c.Pass(fmt.Sprintf("the HTTP source interface %s is in VRF %s, the VRF Call Home uses", src.Interface, vrf), src.Ref, ifRef, vrfRef)
	}
	p := path(s)
	return c.Fail(fmt.Sprintf("the HTTP source interface %s is in VRF %s, but Call Home uses VRF %s: its HTTP messages cannot leave, even when ping and telnet to the endpoint in VRF %s work", src.Interface, ifVRF, vrf, vrf),
		remedies.SourceInterface(src.Ref.Text, interfaceIn(s, vrf), p),
		src.Ref, ifRef, vrfRef)
}

// interfaceIn picks an interface of the VRF to send from: mgmt0 for VRF
// management, else the first interface with an address that the config
// puts in that VRF; "" when none is known.
func interfaceIn(s *snapshot.Snapshot, vrf string) string {
	if strings.EqualFold(vrf, "management") {
		return "mgmt0"
	}
	var names []string
	for name, ifc := range s.Config.Interfaces {
		if ifc.Address == "" || strings.HasPrefix(name, "mgmt") {
			continue
		}
		if v, _, ok := s.InterfaceVRF(name); ok && sameVRF(v, vrf) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return ""
	}
	return names[0]
}
