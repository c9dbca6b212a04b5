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
	t := sortReachTests(s, p)
	switch {
	case t.tcpOK:
		return c.Pass(fmt.Sprintf("%s to %s connected from VRF %s", t.tcpName(), nextHost(p), p.VRF), t.evidence()...)
	case t.tcpFail:
		return tcpRefused(c, p, t)
	case len(t.pings) > 0:
		return pingOnly(c, p, t)
	}
	return noTestOnPath(c, s, p, t)
}

// reachTests are the captured ping and TCP tests toward the host the
// licensing path connects to, sorted by what they prove. A test pasted
// without its command line has no VRF: it may have run anywhere, so it
// proves nothing about the path's VRF. A TCP test to another port proves
// nothing about the one the switch uses (any port counts when the
// configuration names none, for a proxy).
type reachTests struct {
	vrf string
	// pings and tcps ran in the path's VRF and resolved the host.
	pings, tcps                                  []capture.Ref
	unresolved, elsewhere, unknownVRF, otherPort []capture.Ref
	pingOK, tcpOK, tcpFail                       bool
	tcpErr                                       string
	// tested is the port of the TCP test judged: a connected one, else
	// the first that failed, else the path's.
	tested int
}

func sortReachTests(s *snapshot.Snapshot, p snapshot.Path) *reachTests {
	_, port := p.Next()
	t := &reachTests{vrf: p.VRF, tested: port}
	for _, ping := range s.Pings {
		if !targets(s, p, ping.Target) || t.offPath(ping.Ref, ping.VRF, ping.Unresolved) {
			continue
		}
		t.pings = append(t.pings, ping.Ref)
		t.pingOK = t.pingOK || ping.Received > 0
	}
	for _, tcp := range s.TCPTests {
		switch {
		case !targets(s, p, tcp.Target):
		case port != 0 && tcp.Port != port:
			t.otherPort = append(t.otherPort, tcp.Ref)
		case t.offPath(tcp.Ref, tcp.VRF, tcp.Unresolved):
		case tcp.Connected:
			t.tcpOK, t.tested = true, tcp.Port
			t.tcps = append(t.tcps, tcp.Ref)
		default:
			t.tcpFail, t.tcpErr = true, tcp.Error
			if !t.tcpOK {
				t.tested = tcp.Port
			}
			t.tcps = append(t.tcps, tcp.Ref)
		}
	}
	return t
}

// offPath files a test that proves nothing about the path (no VRF known,
// another VRF, or the host not resolved) and reports whether it did.
func (t *reachTests) offPath(ref capture.Ref, vrf string, unresolved bool) bool {
	switch {
	case vrf == "":
		t.unknownVRF = append(t.unknownVRF, ref)
	case !sameVRF(vrf, t.vrf):
		t.elsewhere = append(t.elsewhere, ref)
	case unresolved:
		t.unresolved = append(t.unresolved, ref)
	default:
		return false
	}
	return true
}

// tcpName names the TCP test judged for messages: "TCP 443".
func (t *reachTests) tcpName() string {
	if t.tested == 0 {
		return "TCP to the proxy port"
	}
	return fmt.Sprintf("TCP %d", t.tested)
}

// evidence is the tests on the path: TCP first, then ping.
func (t *reachTests) evidence() []capture.Ref {
	return append(append([]capture.Ref{}, t.tcps...), t.pings...)
}

// tcpTest is the TCP test to run on the switch; for a proxy whose port the
// configuration does not name, with a <proxy port> placeholder.
func tcpTest(p snapshot.Path) string {
	if cmd := p.TCPCommand(); cmd != "" {
		return cmd
	}
	return fmt.Sprintf("telnet %s <proxy port> vrf %s", snapshot.CommandHost(nextHost(p)), snapshot.CommandVRF(p.VRF))
}

// tcpRefused fails a TCP test on the path that did not connect; the note
// says where to look by whether ping answered and a proxy is used.
func tcpRefused(c *Check, p snapshot.Path, t *reachTests) Result {
	host, name := nextHost(p), t.tcpName()
	why := ""
	if t.tcpErr != "" {
		why = " (" + t.tcpErr + ")"
	}
	note := fmt.Sprintf("Ping answers, so routing works: look for a firewall or ACL that drops %s, or a proxy that must be used.", name)
	if p.ProxyHost != "" {
		// The switch already goes through a proxy: it is the one
		// not answering on its port.
		note = fmt.Sprintf("Ping answers, so routing works: look for a firewall or ACL that drops %s, and check that the proxy %s listens on that port.", name, host)
	}
	if !t.pingOK {
		note = fmt.Sprintf("Neither ping nor %s gets through: check the route, the source interface and the firewall.", name)
	}
	return c.Fail(fmt.Sprintf("%s to %s did not connect from VRF %s%s", name, host, p.VRF, why),
		remedies.Reachability(p, note), t.evidence()...)
}

// pingOnly judges a path tested by ping alone: an answer passes and no
// answer fails, each naming the TCP test that would settle it (some
// networks drop ICMP).
func pingOnly(c *Check, p snapshot.Path, t *reachTests) Result {
	host, port := p.Next()
	if t.pingOK {
		other := ""
		if len(t.otherPort) > 0 {
			other = " (the TCP test captured went to another port)"
		}
		return c.Pass(fmt.Sprintf("%s answered ping from VRF %s; no TCP test to port %s was captured%s: `%s` would confirm the licensing connection gets through", host, p.VRF, portOr(port), other, tcpTest(p)), t.evidence()...)
	}
	return c.Fail(fmt.Sprintf("ping to %s from VRF %s got no answer (100%% loss)", host, p.VRF),
		remedies.Reachability(p, "Some networks drop ICMP: run `"+tcpTest(p)+"`; if it connects, the path is fine."), t.evidence()...)
}

// noTestOnPath says why the captured tests, if any, prove nothing about
// the path, and which to run.
func noTestOnPath(c *Check, s *snapshot.Snapshot, p snapshot.Path, t *reachTests) Result {
	host, port := p.Next()
	reach := p.Reach()
	switch {
	case len(t.unresolved) > 0:
		return c.Skip(fmt.Sprintf("not checked: the test could not resolve %s (see DNS003), so it says nothing about the path; after fixing DNS run %s", host, runList(reach)))
	case len(t.elsewhere) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured tests toward %s ran in another VRF than the licensing path's (%s) and prove nothing about it; run %s", host, p.VRF, runList(reach)))
	case len(t.unknownVRF) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured tests toward %s were pasted without their command line, so their VRF is unknown; run %s", host, runList(reach)))
	case len(t.otherPort) > 0:
		return c.Skip(fmt.Sprintf("not checked: the captured TCP test toward %s used another port than the licensing URL's (%d); run `%s`", host, port, tcpTest(p)))
	}
	if p.TCPCommand() == "" {
		return notChecked(c, s, p.PingCommand(), tcpTest(p))
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
