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
		ID:         "NET003",
		Title:      "Endpoint reachable from the Call Home VRF",
		Area:       AreaNetwork,
		Severity:   Error,
		Applies:    NXOS,
		Needs:      []string{"ping <endpoint> vrf <licensing VRF>", "telnet <endpoint> <port> vrf <licensing VRF>"},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "The ping and TCP (telnet) tests toward the endpoint (or proxy), on the port of the licensing URL (443 for https, 80 for http, or the port it names), run on the switch in the VRF licensing traffic uses, as doc 217965 does them.",
			Why:  "If TCP to the endpoint's port does not connect from that VRF, no Smart Licensing message can be sent. Tests run in another VRF, or to another port, prove nothing about the path.",
			Fix:  "Open the path (firewall, NAT, ACL, proxy) from the licensing VRF to the endpoint on its TCP port.",
		},
		Causes: []string{"NET004", "NET001", "NET002"},
		Run:    runNET003,
	})
}

func runNET003(c *Check, s *snapshot.Snapshot) Result {
	p, r, ok := licensingPath(c, s, true, "ping <endpoint> vrf <vrf>", "telnet <endpoint> <port> vrf <vrf>")
	if !ok {
		return r
	}
	vrf := p.VRF
	host, port := p.Next()
	reach := p.Reach()
	// A test pasted without its command line has no VRF (""): it may have
	// run anywhere, so it proves nothing about the path's VRF. A TCP test
	// to another port proves nothing about the one the switch uses (any
	// port counts when the configuration names none, for a proxy).
	var pings, tcps, unresolved, elsewhere, unknownVRF, otherPort []capture.Ref
	pingOK, tcpOK, tcpFail := false, false, false
	var tcpErr string
	tested := port
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
		case !targets(s, p, t.Target):
		case port != 0 && t.Port != port:
			otherPort = append(otherPort, t.Ref)
		case t.VRF == "":
			unknownVRF = append(unknownVRF, t.Ref)
		case !sameVRF(t.VRF, vrf):
			elsewhere = append(elsewhere, t.Ref)
		case t.Unresolved:
			unresolved = append(unresolved, t.Ref)
		case t.Connected:
			tcpOK, tested = true, t.Port
			tcps = append(tcps, t.Ref)
		default:
			tcpFail, tcpErr = true, t.Error
			if !tcpOK {
				tested = t.Port
			}
			tcps = append(tcps, t.Ref)
		}
	}
	tcpName := fmt.Sprintf("TCP %d", tested)
	if tested == 0 {
		tcpName = "TCP to the proxy port"
	}
	ev := append(append([]capture.Ref{}, tcps...), pings...)
	tcpTest := p.TCPCommand()
	if tcpTest == "" {
		tcpTest = fmt.Sprintf("telnet %s <proxy port> vrf %s", snapshot.CommandHost(host), snapshot.CommandVRF(vrf))
	}
	switch {
	case tcpOK:
		return c.Pass(fmt.Sprintf("%s to %s connected from VRF %s", tcpName, host, vrf), ev...)
	case tcpFail:
		why := ""
		if tcpErr != "" {
			why = " (" + tcpErr + ")"
		}
		note := fmt.Sprintf("Ping answers, so routing works: look for a firewall or ACL that drops %s, or a proxy that must be used.", tcpName)
		if p.ProxyHost != "" {
			// The switch already goes through a proxy: it is the one
			// not answering on its port.
			note = fmt.Sprintf("Ping answers, so routing works: look for a firewall or ACL that drops %s, and check that the proxy %s listens on that port.", tcpName, host)
		}
		if !pingOK {
			note = fmt.Sprintf("Neither ping nor %s gets through: check the route, the source interface and the firewall.", tcpName)
		}
		return c.Fail(fmt.Sprintf("%s to %s did not connect from VRF %s%s", tcpName, host, vrf, why),
			remedies.Reachability(p, note), ev...)
	case len(pings) > 0 && pingOK:
		other := ""
		if len(otherPort) > 0 {
			other = " (the TCP test captured went to another port)"
		}
		return c.Pass(fmt.Sprintf("%s answered ping from VRF %s; no TCP test to port %s was captured%s: `%s` would confirm the licensing connection gets through", host, vrf, portOr(port), other, tcpTest), ev...)
	case len(pings) > 0:
		return c.Fail(fmt.Sprintf("ping to %s from VRF %s got no answer (100%% loss)", host, vrf),
			remedies.Reachability(p, "Some networks drop ICMP: run `"+tcpTest+"`; if it connects, the path is fine."), ev...)
	case len(unresolved) > 0:
		return c.Skip(fmt.Sprintf("not checked: the test could not resolve %s (see DNS003), so it says nothing about the path; after fixing DNS run %s", host, runList(reach)))
	case len(elsewhere) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured tests toward %s ran in another VRF than the licensing path's (%s) and prove nothing about it; run %s", host, vrf, runList(reach)))
	case len(unknownVRF) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured tests toward %s were pasted without their command line, so their VRF is unknown; run %s", host, runList(reach)))
	case len(otherPort) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured TCP test toward %s used another port than the licensing URL's (%d); run `%s`", host, port, tcpTest))
	}
	if p.TCPCommand() == "" {
		return notChecked(c, s, p.PingCommand(), tcpTest)
	}
	return notChecked(c, s, reach...)
}

// portOr spells a port, "<port>" when unknown.
func portOr(port int) string {
	if port == 0 {
		return "<port>"
	}
	return fmt.Sprint(port)
}

// runList spells commands to run: "`a` and `b`".
func runList(cmds []string) string {
	return "`" + strings.Join(cmds, "` and `") + "`"
}
