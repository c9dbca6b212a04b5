package checks

import (
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

// probeSource is the evidence source of everything a live probe saw: it
// is the workstation's view, which may differ from the switch's.
const probeSource = "live probe from this workstation, not from the switch"

// probeRan is the prologue of the probe checks' Conditions: skipped, with
// the flag to add, when the probe of that name (dns, tls) was not asked
// for, and with the probe's own note when it could not run.
func probeRan(c *Check, ran bool, note, name, what string) (Result, bool) {
	switch {
	case !ran:
		return c.Skip(fmt.Sprintf("not run: add --probe (or --probe %s) to %s from this workstation", name, what)), true
	case note != "":
		return c.Skip(note), true
	}
	return Result{}, false
}

// dnsProbed is DNS004's Condition: the DNS probe ran and asked a server.
var dnsProbed = Condition{State: "the DNS probe ran (--probe) and asked a name server", skip: func(c *Check, s *snapshot.Snapshot) (Result, bool) {
	p := s.Probes
	if p == nil {
		p = &snapshot.Probes{}
	}
	if r, skip := probeRan(c, p.DNSRan, p.DNSNote, "dns", "ask the licensing VRF's name servers"); skip {
		return r, true
	}
	if len(p.DNS) == 0 {
		return c.Skip("not run: the DNS probe asked no server"), true
	}
	return Result{}, false
}}

func init() {
	register(&Check{
		ID:         "DNS004",
		Title:      "Name servers answer for the endpoint (live probe from this workstation)",
		Area:       AreaDNS,
		Severity:   Warning,
		Applies:    NXOS,
		When:       []Condition{dnsProbed},
		Needs:      []string{snapshot.CmdCallhome, snapshot.CmdDNSConfig},
		References: []string{refCSCvv67469, refDoc217965},
		Explain: Explain{
			What: "With --probe (or --probe dns), slcheck asks each name server the switch uses for the Call Home VRF (or the --dns-server ones) for the endpoint's A and AAAA records, from the workstation: UDP with one retry, TCP when the answer is truncated.",
			Why:  "A name server that does not answer is the condition of Cisco bug CSCvv67469, where Call Home messages hang; one that answers SERVFAIL, REFUSED or NXDOMAIN leaves the endpoint unresolved. The workstation's path to the servers may differ from the switch's, so the result is a lead to confirm on the switch.",
			Fix:  "Make the servers answer for the endpoint (or configure ones that do), then confirm from the switch with `ping <host> vrf <vrf>`.",
		},
		Run: runDNS004,
	})
}

func runDNS004(c *Check, s *snapshot.Snapshot) Result {
	p := s.Probes
	servers := dnsByServer(p.DNS)
	var good, bad []string
	var silent bool
	for _, sv := range servers {
		line := sv.server + " " + sv.summary()
		if sv.ok() {
			good = append(good, line)
			continue
		}
		bad = append(bad, line)
		silent = silent || sv.silent()
	}
	path := s.Path
	whose := fmt.Sprintf("the name servers of VRF %s", path.VRF)
	if p.DNSOverride {
		whose = "the --dns-server name servers (not the switch's)"
	}
	ev := append([]capture.Ref{}, p.DNSServerRefs...)
	ev = append(ev, dnsEvidence(p.DNS)...)
	if len(bad) == 0 {
		return c.Pass(fmt.Sprintf("Seen from this workstation, not from the switch: %s answered for %s: %s",
			whose, path.Host, strings.Join(good, "; ")), ev...)
	}
	msg := fmt.Sprintf("Seen from this workstation, not from the switch: of %s, %d of %d failed for %s: %s",
		whose, len(bad), len(servers), path.Host, strings.Join(bad, "; "))
	if len(good) > 0 {
		msg += fmt.Sprintf(" (answered: %s)", strings.Join(good, "; "))
	}
	if silent {
		msg += ". A name server that does not answer is the condition of Cisco bug CSCvv67469, where Call Home messages hang; check the bug's fixed releases with Cisco TAC"
	}
	if s.Method() == snapshot.MethodProxy {
		msg += ". The switch sends through a proxy, which resolves the endpoint itself: for the switch these servers matter only if the proxy is named by a host name"
	}
	return c.Fail(msg, dnsRemedy(p, path, silent), ev...)
}

// serverAnswers gathers one server's answers (A and AAAA).
type serverAnswers struct {
	server  string
	answers []snapshot.DNSAnswer
}

func dnsByServer(all []snapshot.DNSAnswer) []*serverAnswers {
	var out []*serverAnswers
	idx := map[string]*serverAnswers{}
	for _, a := range all {
		sv := idx[a.Server]
		if sv == nil {
			sv = &serverAnswers{server: a.Server}
			idx[a.Server] = sv
			out = append(out, sv)
		}
		sv.answers = append(sv.answers, a)
	}
	return out
}

// ok: the server gave at least one address (a name may well have no AAAA).
func (sv *serverAnswers) ok() bool {
	for _, a := range sv.answers {
		if a.Outcome == snapshot.DNSAnswered {
			return true
		}
	}
	return false
}

func (sv *serverAnswers) silent() bool {
	for _, a := range sv.answers {
		if a.Outcome != snapshot.DNSNoAnswer {
			return false
		}
	}
	return true
}

// summary says in a few words what the server did, per record type.
func (sv *serverAnswers) summary() string {
	var parts []string
	for _, a := range sv.answers {
		switch a.Outcome {
		case snapshot.DNSAnswered:
			parts = append(parts, fmt.Sprintf("%s %s in %s", a.Type, strings.Join(a.Addrs, " "), ms(a.Latency)))
		case snapshot.DNSNoAnswer:
			parts = append(parts, a.Type+" no answer")
		default:
			parts = append(parts, a.Type+" "+a.Outcome)
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// ms rounds a latency for reading: milliseconds, or microseconds below
// one (a server on the same host).
func ms(d time.Duration) string {
	if d < time.Millisecond {
		return d.Round(time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// dnsEvidence renders each question and its answer as the workstation saw
// it; the command is what an operator can re-run by hand.
func dnsEvidence(all []snapshot.DNSAnswer) []capture.Ref {
	out := make([]capture.Ref, 0, len(all))
	for _, a := range all {
		text := a.Outcome
		switch {
		case a.Outcome == snapshot.DNSAnswered:
			text = fmt.Sprintf("answered in %s: %s", ms(a.Latency), strings.Join(a.Addrs, " "))
		case a.Err != "":
			text += ": " + a.Err
		}
		out = append(out, capture.Ref{Command: fmt.Sprintf("dig %s %s %s", digServer(a.Server), a.Name, a.Type),
			Source: probeSource, Text: text})
	}
	return out
}

// digServer spells "ADDR:PORT" as dig's "@ADDR" (and "-p PORT" when
// the port is not 53).
func digServer(server string) string {
	host, port, err := net.SplitHostPort(server)
	switch {
	case err != nil:
		return "@" + server
	case port == "53":
		return "@" + host
	}
	return "@" + host + " -p " + port
}

func dnsRemedy(p *snapshot.Probes, path snapshot.Path, silent bool) *remedies.Remedy {
	notes := []string{
		"This was asked from the workstation: its path to the servers may differ from the switch's. Confirm from the switch with the verify commands before changing its configuration.",
	}
	if silent {
		notes = append(notes, "Cisco bug CSCvv67469 describes Call Home messages hanging when no DNS response comes; its details and fixed releases are not confirmed here: check with Cisco TAC.")
	}
	if p.DNSOverride {
		notes = append(notes, "The servers asked were given with --dns-server; run without it to ask the ones the switch is configured with.")
	}
	return &remedies.Remedy{
		Summary: fmt.Sprintf("Make the name servers of VRF %s answer for %s, or configure ones that do.", path.VRF, path.Host),
		Config:  []string{},
		Verify:  append([]string{snapshot.CmdHosts}, path.Reach()...),
		Notes:   append(notes, remedies.PathNotes(path)...),
	}
}
