package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "NET001",
		Title:      "HTTP source interface is in the Call Home VRF",
		Area:       AreaNetwork,
		Severity:   Error,
		Applies:    Classic,
		Needs:      []string{snapshot.CmdCallhome, snapshot.CmdHTTPSource, "show running-config interface"},
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
	p := s.Path
	if p.VRF == "" {
		return notChecked(c, s, snapshot.CmdCallhome, snapshot.CmdHTTPSource)
	}
	if !reqCallhomeConfig.has(s) {
		return notChecked(c, s, snapshot.CmdCallhome)
	}
	if r, skip := callhomeConfigured.skip(c, s); skip {
		return r
	}
	vrfRef := decidedBy(p.Evidence.VRF)
	src := p.Evidence.SourceInterface
	switch {
	case !src.Known:
		return notChecked(c, s, snapshot.CmdHTTPSource)
	case p.SourceInterface == "":
		return c.Pass(fmt.Sprintf("no HTTP source interface is set: Call Home sends from VRF %s by its routes", p.VRF), vrfRef)
	}
	srcRef := decidedBy(src)
	ifVRF, ifRef, known := s.InterfaceVRF(p.SourceInterface)
	if !known {
		return notChecked(c, s, "show running-config interface "+p.SourceInterface)
	}
	if sameVRF(ifVRF, p.VRF) {
		return c.Pass(fmt.Sprintf("the HTTP source interface %s is in VRF %s, the VRF Call Home uses", p.SourceInterface, p.VRF), srcRef, ifRef, vrfRef)
	}
	return c.Fail(fmt.Sprintf("the HTTP source interface %s is in VRF %s, but Call Home uses VRF %s: its HTTP messages cannot leave, even when ping and telnet to the endpoint in VRF %s work", p.SourceInterface, ifVRF, p.VRF, p.VRF),
		remedies.SourceInterface(srcRef.Text, interfaceIn(s, p.VRF), p),
		srcRef, ifRef, vrfRef)
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
