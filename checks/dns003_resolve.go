package checks

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "DNS003",
		Title:      "Endpoint name resolves on the switch",
		Area:       AreaDNS,
		Severity:   Error,
		Applies:    NXOS,
		Needs:      []string{"ping <endpoint> vrf <licensing VRF>"},
		References: []string{refDoc217965, refCSCvv67469},
		Explain: Explain{
			What: "Whether a ping or telnet to the endpoint name, run on the switch in the Call Home VRF, resolved it (no `% Invalid host/interface` or unknown host).",
			Why:  "A name the switch cannot resolve can never be reached: registration and renewal fail before any packet leaves.",
			Fix:  "Turn DNS lookups on and give the Call Home VRF a name server that answers for the name.",
		},
		Causes: []string{"DNS001", "DNS002"},
		Run:    runDNS003,
	})
}

func runDNS003(c *Check, s *snapshot.Snapshot) Result {
	p, r, ok := licensingPath(c, s, true)
	if !ok {
		return r
	}
	vrf, host := p.VRF, nextHost(p)
	if snapshot.IsIPHost(host) {
		return c.Skip(fmt.Sprintf("not applicable: licensing traffic goes to an address (%s), not a name", host))
	}
	var failed, resolved, elsewhere, unknownVRF []capture.Ref
	note := func(target, tvrf string, unresolved bool, ref capture.Ref) {
		switch {
		case !strings.EqualFold(target, host):
		case tvrf == "": // pasted without its command line
			unknownVRF = append(unknownVRF, ref)
		case !sameVRF(tvrf, vrf):
			elsewhere = append(elsewhere, ref)
		case unresolved:
			failed = append(failed, ref)
		default:
			resolved = append(resolved, ref)
		}
	}
	for _, t := range s.Pings {
		note(t.Target, t.VRF, t.Unresolved, t.Ref)
	}
	for _, t := range s.TCPTests {
		note(t.Target, t.VRF, t.Unresolved, t.Ref)
	}
	switch {
	case len(resolved) > 0:
		return c.Pass(fmt.Sprintf("%s resolved in VRF %s", host, vrf), resolved...)
	case len(failed) > 0:
		return c.Fail(fmt.Sprintf("%s did not resolve on the switch in VRF %s: %s", host, vrf, quote(failed[0])),
			remedies.Resolve(p), failed...)
	case len(elsewhere) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured tests of %s ran in another VRF than %s, whose name servers may differ; run `%s`", host, vrf, p.PingCommand()))
	case len(unknownVRF) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured tests of %s were pasted without their command line, so their VRF is unknown; run `%s`", host, p.PingCommand()))
	}
	return notChecked(c, s, p.PingCommand())
}
