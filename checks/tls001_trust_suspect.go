package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "TLS001",
		Title:      "Communication failure not explained by a trust problem",
		Area:       AreaTrust,
		Severity:   Warning,
		Applies:    NXOS,
		Needs:      []string{snapshot.CmdLicenseStatus, snapshot.CmdLogging},
		References: []string{refFN72115, refDoc217965, refDoc222725},
		Explain: Explain{
			What: "Whether licensing communication fails with a TLS or trust-chain error, or fails while the route, DNS, the source interface and the TCP test to the endpoint's port all look fine.",
			Why:  "Since Cisco moved its servers from QuoVadis Root CA 2 to IdenTrust Commercial Root CA 1 (FN72115), a switch whose trust store lacks IdenTrust fails the TLS handshake even though the network path works. An SSL-inspecting proxy has the same effect.",
			Fix:  "Check the trust store (TLS002) and follow FN72115's upgrade path; check for SSL inspection in the path.",
		},
		Causes: []string{"TLS002"},
		Run:    runTLS001,
	})
}

// trustErrors are failure texts that point at TLS or the trust chain
// (domain file, section 5, and doc 217965 known problem 3).
var trustErrors = []string{
	"could not validate trust chain",
	"cert cannot be validated",
	"certificate verify failed",
	"ssl handshake",
	"tls handshake",
	"failed to establish ipc connection with call-home",
}

// explainedElsewhere are failure texts whose cause other checks own.
var explainedElsewhere = []string{
	"failed to parse response data from sch server", // http:// URL, CH002
	"unable to resolve server hostname",             // DNS
	"received empty response from server",           // transport mismatch
	"identity for the instance",                     // re-register, LIC checks
}

// failureText is one communication failure the device reported.
type failureText struct {
	text string
	ref  capture.Ref
}

func runTLS001(c *Check, s *snapshot.Snapshot) Result {
	if s.License == nil && !s.LogsCaptured {
		return notChecked(c, s, snapshot.CmdLicenseStatus, snapshot.CmdLogging)
	}
	fails := commFailures(s)
	p := s.Path
	for _, f := range fails {
		if containsAny(f.text, trustErrors) {
			return c.Fail(fmt.Sprintf("the switch reports a TLS or trust-chain error (%q): suspect the QuoVadis Root CA 2 to IdenTrust Commercial Root CA 1 change (FN72115) or SSL inspection in the path", strings.TrimSpace(f.text)),
				remedies.TrustChain(p, "An SSL-inspecting proxy or firewall shows the switch its own certificate instead of Cisco's: exempt the endpoint from inspection."),
				f.ref)
		}
	}
	if len(fails) == 0 {
		// No failure is a finding only in an output captured whole.
		if !statusCaptured(s) && (!s.LogsCaptured || s.FilterOf(snapshot.CmdLogging) != "") {
			return notChecked(c, s, snapshot.CmdLicenseStatus, snapshot.CmdLogging)
		}
		return c.Pass("no communication failure and no TLS error in the license status or the log")
	}
	for _, f := range fails {
		if containsAny(f.text, explainedElsewhere) {
			return c.Pass(fmt.Sprintf("communication fails, but its message (%q) points at a cause other than trust", strings.TrimSpace(f.text)), f.ref)
		}
	}
	// A failure without a telling message: trust is the suspect only when
	// everything on the path checks out.
	failing, unchecked := judgePath(s)
	switch {
	case len(failing) > 0:
		return c.Pass(fmt.Sprintf("communication fails, and %s explain%s it; trust is not suspected until %s", strings.Join(failing, ", "), plural(len(failing)), pronoun(len(failing))), fails[0].ref)
	case len(unchecked) > 0 || !tcpConnected(s, p):
		return pathUnproven(c, s, p, unchecked)
	}
	return c.Fail(fmt.Sprintf("communication fails (%q) although the route, DNS, the source interface and %s to %s are fine: suspect the trust chain (QuoVadis Root CA 2 to IdenTrust Commercial Root CA 1, FN72115) or SSL inspection in the path", strings.TrimSpace(fails[0].text), tcpName(p), nextHost(p)),
		remedies.TrustChain(p, "An SSL-inspecting proxy or firewall shows the switch its own certificate instead of Cisco's: exempt the endpoint from inspection."),
		fails[0].ref)
}

// judgePath runs the checks of the path to Cisco (CH002, NET001, NET002,
// DNS003, NET003) and returns those that fail and those that could not
// judge it; a check that does not apply is neither.
func judgePath(s *snapshot.Snapshot) (failing, unchecked []string) {
	for _, id := range []string{"CH002", "NET001", "NET002", "DNS003", "NET003"} {
		o, ok := Lookup(id)
		if !ok {
			continue
		}
		r := o.Judge(s)
		switch {
		case r.Status == Fail:
			failing = append(failing, id)
		case r.Status == Skipped && !strings.HasPrefix(r.Reason, "not applicable"):
			unchecked = append(unchecked, id)
		}
	}
	return failing, unchecked
}

// pathUnproven is the not-checked result of a failure that trust may
// explain only once the path checks of unchecked pass and the path's TCP
// test (NET003) connects: it names what to run, or why the test cannot be
// built.
func pathUnproven(c *Check, s *snapshot.Snapshot, p snapshot.Path, unchecked []string) Result {
	if !slices.Contains(unchecked, "NET003") {
		unchecked = append(unchecked, "NET003")
	}
	if p.TCPCommand() == "" {
		if ask := p.Ask(); len(ask) > 0 {
			return notChecked(c, s, append(ask, "ping <endpoint> vrf <vrf>", "telnet <endpoint> <port> vrf <vrf>")...)
		}
		return c.Skip(fmt.Sprintf("not checked: communication fails, and telling a trust problem from a network one needs the path checks (%s) to pass and the TCP test of the licensing path to connect, which cannot be built: %s", strings.Join(unchecked, ", "), p))
	}
	return c.Skip(fmt.Sprintf("not checked: communication fails, and telling a trust problem from a network one needs the path checks (%s) to pass and %s to connect; run %s", strings.Join(unchecked, ", "), tcpName(p), runList(p.Reach())))
}

// commFailures are the failed attempts of `show license status` with their
// reasons, and the failure lines of the log.
func commFailures(s *snapshot.Snapshot) []failureText {
	var out []failureText
	if l := s.License; l != nil {
		for _, a := range []*parsers.Attempt{l.Registration.Initial, l.Registration.LastRenewal, l.Authorization.LastCommunication} {
			if a == nil || !strings.EqualFold(a.Result, "FAILED") {
				continue
			}
			ref := a.Reason.Ref
			if ref.IsZero() {
				ref = a.Ref
			}
			out = append(out, failureText{text: a.Reason.Value, ref: ref})
		}
	}
	for _, e := range logFailures(s) {
		out = append(out, failureText{text: e.Facility + " " + e.Message, ref: e.Ref})
	}
	return out
}

// tcpConnected reports whether a TCP test to the host and port the path
// connects to connected from the path's VRF; a test pasted without its
// command line (no VRF) does not count.
func tcpConnected(s *snapshot.Snapshot, p snapshot.Path) bool {
	_, port := p.Next()
	for _, t := range s.TCPTests {
		if t.Connected && (port == 0 || t.Port == port) && targets(s, p, t.Target) && t.VRF != "" && sameVRF(t.VRF, p.VRF) {
			return true
		}
	}
	return false
}

// tcpName names the path's TCP test in a sentence: "TCP 443".
func tcpName(p snapshot.Path) string {
	_, port := p.Next()
	return "TCP " + portOr(port)
}

func containsAny(text string, subs []string) bool {
	low := strings.ToLower(text)
	for _, s := range subs {
		if strings.Contains(low, s) {
			return true
		}
	}
	return false
}

func plural(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

func pronoun(n int) string {
	if n == 1 {
		return "it passes"
	}
	return "they pass"
}

// statusCaptured reports whether a licence output that shows the last
// communication was captured whole: `show license usage` lists packages
// only.
func statusCaptured(s *snapshot.Snapshot) bool {
	if s.License == nil || s.FilterOf(snapshot.CmdLicenseStatus) != "" {
		return false
	}
	for cmd := range s.Commands {
		if strings.HasPrefix(cmd, "show license ") && !strings.HasPrefix(cmd, "show license usage") {
			return true
		}
	}
	return false
}
