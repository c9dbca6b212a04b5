package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "DNS002",
		Title:      "A name server serves the Call Home VRF",
		Area:       AreaDNS,
		Severity:   Error,
		Applies:    NXOS,
		Needs:      []string{snapshot.CmdCallhome, snapshot.CmdDNSConfig},
		References: []string{refDoc217965, refCSCvv67469},
		Explain: Explain{
			What: "Whether `ip name-server <addr> use-vrf <vrf>` (global) or `ip name-server <addr>` under `vrf context <vrf>` exists for the VRF Call Home uses, when the URL names a host.",
			Why:  "Names are resolved in the VRF the traffic uses: name servers of another VRF do not help. Missing DNS configuration is a documented cause of communication failure, and Call Home can hang on DNS (CSCvv67469).",
			Fix:  "Add a name server for the Call Home VRF.",
		},
		Run: runDNS002,
	})
}

func runDNS002(c *Check, s *snapshot.Snapshot) Result {
	p, r, ok := licensingPath(c, s, true, snapshot.CmdDNSConfig)
	if !ok {
		return r
	}
	vrf, host := p.VRF, nextHost(p)
	if snapshot.IsIPHost(host) {
		return c.Skip(fmt.Sprintf("not applicable: licensing traffic goes to an address (%s), not a name", host))
	}
	var mine, others []parsers.NameServer
	for _, ns := range nameServers(s) {
		if sameVRF(ns.VRF, vrf) {
			mine = append(mine, ns)
		} else {
			others = append(others, ns)
		}
	}
	if len(mine) > 0 {
		ev := make([]capture.Ref, 0, len(mine))
		for _, ns := range mine {
			ev = append(ev, ns.Ref)
		}
		return c.Pass(fmt.Sprintf("VRF %s has name server %s", vrfName(vrf), strings.Join(mine[0].Addrs, " ")), ev...)
	}
	if !s.Config.Complete(parsers.TopicDNS) && (s.Hosts == nil || s.FilterOf(snapshot.CmdHosts) != "") {
		return notChecked(c, s, snapshot.CmdDNSConfig)
	}
	var reuse []string
	from := ""
	ev := []capture.Ref{}
	if len(others) > 0 {
		sort.SliceStable(others, func(i, j int) bool { return vrfName(others[i].VRF) < vrfName(others[j].VRF) })
		from = vrfName(others[0].VRF)
		for _, ns := range others {
			if vrfName(ns.VRF) == from {
				reuse = append(reuse, ns.Addrs...)
				ev = append(ev, ns.Ref)
			}
		}
	} else {
		ev = append(ev, configRef(s))
	}
	msg := fmt.Sprintf("no name server serves VRF %s, the VRF licensing traffic uses, so %s cannot be resolved", vrf, host)
	if from != "" {
		msg += fmt.Sprintf(" (the switch has name servers for VRF %s only)", from)
	}
	return c.Fail(msg, remedies.NameServer(reuse, from, p), ev...)
}

// nameServers gathers the name servers of the config (global and under
// `vrf context`) and of `show hosts`.
func nameServers(s *snapshot.Snapshot) []parsers.NameServer {
	var out []parsers.NameServer
	if s.Config != nil {
		out = append(out, s.Config.NameServers...)
		for name, v := range s.Config.VRFs {
			for _, ns := range v.NameServers {
				if ns.VRF == "" {
					ns.VRF = name
				}
				out = append(out, ns)
			}
		}
	}
	if s.Hosts != nil {
		out = append(out, s.Hosts.NameServers...)
	}
	return out
}
