package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "NET003",
		Title:      "Endpoint reachable from the Call Home VRF",
		Area:       "Network path",
		Severity:   Error,
		Needs:      []string{"ping <endpoint> vrf <Call Home VRF>", "telnet <endpoint> 443 vrf <Call Home VRF>"},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "The ping and TCP 443 (telnet) tests toward the endpoint (or proxy) run on the switch in the Call Home VRF, as doc 217965 does them.",
			Why:  "If TCP 443 does not connect from the Call Home VRF, no Smart Licensing message can be sent. Tests run in another VRF prove nothing about the Call Home VRF.",
			Fix:  "Open the path (firewall, NAT, ACL, proxy) from the Call Home VRF to the endpoint on TCP 443.",
		},
		Causes: []string{"NET004", "NET001", "NET002"},
		Run:    runNET003,
	})
}

func runNET003(c *Check, s *snapshot.Snapshot) Result {
	if r, skip := notJudgeable(c, s); skip {
		return r
	}
	vrf, _, known := pathVRF(s)
	p := path(s)
	if !known || p.Host == "" {
		return notChecked(c, s, vrfSource(s), "ping <endpoint> vrf <vrf>", "telnet <endpoint> 443 vrf <vrf>")
	}
	reach := p.Reach()
	// A test pasted without its command line has no VRF (""): it may have
	// run anywhere, so it proves nothing about the Call Home VRF.
	var pings, tcps, unresolved, elsewhere, unknownVRF []capture.Ref
	pingOK, tcpOK, tcpFail := false, false, false
	var tcpErr string
	for _, t := range s.Pings {
		switch {
		case !targets(s, p, t.Target):
		case t.VRF == "":
			unknownVRF = append(unknownVRF, t.Ref)
		case !sameVRF(t.VRF, vrf):
			elsewhere = append(elsewhere, t.Ref)
		case t.Unresolved:
			unresolved = append(unresolved, t.Ref)
		default:
			pings = append(pings, t.Ref)
			pingOK = pingOK || t.Received > 0
		}
	}
	for _, t := range s.TCPTests {
		switch {
		case !targets(s, p, t.Target) || t.Port != 443:
		case t.VRF == "":
			unknownVRF = append(unknownVRF, t.Ref)
		case !sameVRF(t.VRF, vrf):
			elsewhere = append(elsewhere, t.Ref)
		case t.Unresolved:
			unresolved = append(unresolved, t.Ref)
		case t.Connected:
			tcpOK = true
			tcps = append(tcps, t.Ref)
		default:
			tcpFail = true
			tcpErr = t.Error
			tcps = append(tcps, t.Ref)
		}
	}
	ev := append(append([]capture.Ref{}, tcps...), pings...)
	switch {
	case tcpOK:
		return c.Pass(fmt.Sprintf("TCP 443 to %s connected from VRF %s", p.Host, vrfName(vrf)), ev...)
	case tcpFail:
		why := ""
		if tcpErr != "" {
			why = " (" + tcpErr + ")"
		}
		note := "Ping answers, so routing works: look for a firewall or ACL that drops TCP 443, or a proxy that must be used."
		if !pingOK {
			note = "Neither ping nor TCP 443 gets through: check the route, the source interface and the firewall."
		}
		return c.Fail(fmt.Sprintf("TCP 443 to %s did not connect from VRF %s%s", p.Host, vrfName(vrf), why),
			remedies.Reachability(p, note), ev...)
	case len(pings) > 0 && pingOK:
		return c.Pass(fmt.Sprintf("%s answered ping from VRF %s (no TCP 443 test was captured; `%s` would confirm HTTPS gets through)", p.Host, vrfName(vrf), reach[1]), ev...)
	case len(pings) > 0:
		return c.Fail(fmt.Sprintf("ping to %s from VRF %s got no answer (100%% loss)", p.Host, vrfName(vrf)),
			remedies.Reachability(p, "Some networks drop ICMP: run `"+reach[1]+"`; if it connects, the path is fine."), ev...)
	case len(unresolved) > 0:
		return c.Skip(fmt.Sprintf("not checked: the test could not resolve %s (see DNS003), so it says nothing about the path; after fixing DNS run `%s` and `%s`", p.Host, reach[0], reach[1]))
	case len(elsewhere) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured tests toward %s ran in another VRF than Call Home's (%s) and prove nothing about it; run `%s` and `%s`", p.Host, vrfName(vrf), reach[0], reach[1]))
	case len(unknownVRF) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured tests toward %s were pasted without their command line, so their VRF is unknown; run `%s` and `%s`", p.Host, reach[0], reach[1]))
	}
	return notChecked(c, s, reach...)
}
