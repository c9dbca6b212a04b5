package checks

import (
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

// idenTrustSHA1 is IdenTrust Commercial Root CA 1's SHA-1 fingerprint
// (domain file, section 4): a root that carries the name with another
// fingerprint is not the one Cisco uses.
const idenTrustSHA1 = "DF717EAA4AD94EC9558499602D48DE5FBCF03A25"

// tlsProbed is TLS003's Condition: the TLS probe ran and connected.
var tlsProbed = Condition{State: "the TLS probe ran (--probe) and connected", skip: func(c *Check, s *snapshot.Snapshot) (Result, bool) {
	p := s.Probes
	if p == nil {
		p = &snapshot.Probes{}
	}
	if r, skip := probeRan(c, p.TLSRan, p.TLSNote, "tls", "read the endpoint's certificate chain"); skip {
		return r, true
	}
	if p.TLS == nil {
		return c.Skip("not run: the TLS probe did not connect"), true
	}
	return Result{}, false
}}

func init() {
	register(&Check{
		ID:         "TLS003",
		Title:      "Endpoint's certificate chain is one the switch trusts (live probe from this workstation)",
		Area:       AreaTrust,
		Severity:   Warning,
		Applies:    NXOS,
		When:       []Condition{tlsProbed},
		Needs:      []string{snapshot.CmdCallhome, snapshot.CmdCertificates},
		References: []string{refFN72115, refDoc222725, refDoc217965},
		Explain: Explain{
			What: "With --probe (or --probe tls), slcheck opens TLS to the endpoint of the destination URL from the workstation (or through --proxy, or at --connect-to), reads the certificate chain, finds the root it ends in and checks that the certificate names the URL's host; then it looks for that root in the switch's `show crypto ca certificates`.",
			Why:  "The switch validates the same chain: if it ends in a root the switch does not hold (QuoVadis Root CA 2 was replaced by IdenTrust Commercial Root CA 1, FN72115), or the certificate does not name the URL's host (a URL with an IP address, doc 222725), the TLS handshake and so every licensing message fails. Something between the workstation and Cisco that re-signs TLS shows up here as an unexpected root.",
			Fix:  "Use the host name the certificate names in the URL; for a missing root, follow the upgrade path of FN72115 and check with Cisco TAC before changing the trust store.",
		},
		Run: runTLS003,
	})
}

func runTLS003(c *Check, s *snapshot.Snapshot) Result {
	t := s.Probes.TLS
	if t.Err != "" {
		return c.Skip(fmt.Sprintf("not checked: this workstation could not complete TLS with %s%s: %s (%s)", t.Addr, via(t), t.Err, proxyHint(s)))
	}
	ev := tlsEvidence(t)
	path := s.Path
	seen := fmt.Sprintf("Seen from this workstation, not from the switch: %s%s presents a chain that ends in %s%s", t.Addr, via(t), t.Root, rootNote(t))
	if !t.NameOK {
		return c.Fail(fmt.Sprintf("%s, and its certificate does not name %s, the URL's host (%s): the switch checks the name too, so its TLS handshake fails", seen, t.Host, t.NameErr),
			nameRemedy(t, path), ev...)
	}
	if s.Trust == nil {
		return c.Skip(fmt.Sprintf("not checked: run `%s` to compare the switch's trust store with the root this workstation saw (%s; the certificate names %s)", snapshot.CmdCertificates, t.Root, t.Host))
	}
	if cert := trustedOf(s.Trust, t); cert != nil {
		ev = append(ev, cert.Ref)
		return c.Pass(fmt.Sprintf("%s; the certificate names %s and the switch lists %s", seen, t.Host, certName(cert)), ev...)
	}
	ev = append(ev, s.Trust.Ref)
	rem := remedies.TrustChain(path)
	if !genuineIdenTrust(t) {
		rem.Notes = append(rem.Notes, fmt.Sprintf("Cisco's servers chain to IdenTrust Commercial Root CA 1; a chain ending in %s suggests something between this workstation and Cisco re-signs TLS. If the switch goes through it too, the switch must trust that root or the inspection must skip %s.", t.Root, t.Host))
	}
	return c.Fail(fmt.Sprintf("%s, which `%s` does not list (%d certificates): the switch cannot validate the endpoint. On some releases the Smart Licensing trust store is not shown by this command: check with Cisco TAC",
		seen, snapshot.CmdCertificates, len(s.Trust.Certificates)), rem, ev...)
}

// proxyHint suggests --proxy, with the switch's own proxy when it has one.
func proxyHint(s *snapshot.Snapshot) string {
	p := s.Path
	switch {
	case p.ProxyHost != "" && p.ProxyPort > 0:
		return "the switch goes through a proxy: add --proxy http://" + net.JoinHostPort(p.ProxyHost, strconv.Itoa(p.ProxyPort)) + " to see what it sees"
	case p.ProxyHost != "":
		return "the switch goes through a proxy: add --proxy http://" + p.ProxyHost + ":PORT to see what it sees"
	}
	return "a workstation behind a proxy needs --proxy http://HOST:PORT"
}

func via(t *snapshot.TLSResult) string {
	out := ""
	if t.ConnectTo != "" {
		out += " (connected to " + t.ConnectTo + ")"
	}
	if t.Via != "" {
		out += " through proxy " + t.Via
	}
	return out
}

// rootNote says whether the workstation could verify the chain, and flags
// a root named like IdenTrust's with another fingerprint.
func rootNote(t *snapshot.TLSResult) string {
	var notes []string
	if len(t.Chain) > 0 {
		notes = append(notes, "the certificate expires "+t.Chain[0].NotAfter.Format("2006-01-02"))
	}
	if t.Verified {
		notes = append(notes, "verified against this workstation's roots")
	} else {
		notes = append(notes, "not verified here: "+t.VerifyErr)
	}
	if namesRoot(t.Root, quoVadisRoot) {
		notes = append(notes, "the root Cisco's servers moved away from (FN72115)")
	}
	if namesRoot(t.Root, idenTrustRoot) && !genuineIdenTrust(t) {
		notes = append(notes, fmt.Sprintf("its SHA-1 %s is not IdenTrust's %s, so it is another certificate with that name", t.RootSHA1, idenTrustSHA1))
	}
	return " (" + strings.Join(notes, "; ") + ")"
}

// genuineIdenTrust: the root is named IdenTrust Commercial Root CA 1 and,
// when the workstation saw it, has its fingerprint.
func genuineIdenTrust(t *snapshot.TLSResult) bool {
	return namesRoot(t.Root, idenTrustRoot) && (t.RootSHA1 == "" || strings.EqualFold(t.RootSHA1, idenTrustSHA1))
}

// trustedOf returns the switch's certificate for the chain's root (by
// serial, or by name when a serial is unknown), or for another
// certificate of the chain, or nil.
func trustedOf(ts *parsers.TrustStore, t *snapshot.TLSResult) *parsers.Certificate {
	for i := range ts.Certificates {
		cert := &ts.Certificates[i]
		// When both serials are known they decide: a root that only
		// borrows the name (TLS inspection) is not the one the switch has.
		if t.RootSerial != "" && cert.Serial != "" {
			if sameSerial(cert.Serial, t.RootSerial) {
				return cert
			}
			continue
		}
		if namesRoot(certName(cert), t.Root) {
			return cert
		}
	}
	if len(t.Chain) < 2 {
		return nil
	}
	for i := range ts.Certificates {
		cert := &ts.Certificates[i]
		for _, ci := range t.Chain[1:] {
			if sameSerial(cert.Serial, ci.Serial) && namesRoot(certName(cert), commonName(ci.Subject)) {
				return cert
			}
		}
	}
	return nil
}

func sameSerial(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToUpper(strings.NewReplacer(":", "", " ", "").Replace(s))
		return strings.TrimLeft(s, "0")
	}
	return a != "" && norm(a) == norm(b)
}

// commonName is the CN of a distinguished name in Go's "CN=x,O=y" form.
func commonName(dn string) string {
	for _, part := range strings.Split(dn, ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(part), "CN="); ok {
			return v
		}
	}
	return dn
}

// tlsEvidence lists the chain as the workstation saw it; the command is
// one an operator can re-run by hand.
func tlsEvidence(t *snapshot.TLSResult) []capture.Ref {
	addr := t.Addr
	if t.ConnectTo != "" {
		addr = t.ConnectTo
	}
	cmd := fmt.Sprintf("openssl s_client -connect %s -servername %s -showcerts", addr, t.Host)
	if t.Via != "" {
		cmd += " -proxy " + strings.TrimPrefix(t.Via, "http://")
	}
	out := make([]capture.Ref, 0, len(t.Chain)+1)
	for i, ci := range t.Chain {
		out = append(out, capture.Ref{Command: cmd, Source: probeSource,
			Text: fmt.Sprintf("certificate %d: subject %q, issuer %q, serial %s, expires %s", i, ci.Subject, ci.Issuer, ci.Serial, ci.NotAfter.Format("2006-01-02"))})
	}
	root := "root " + t.Root
	if t.RootSHA1 != "" {
		root += ", SHA-1 " + t.RootSHA1
	}
	if !t.NameOK {
		root += "; name check: " + t.NameErr
	}
	return append(out, capture.Ref{Command: cmd, Source: probeSource, Text: root})
}

// nameRemedy: the URL must name a host the certificate lists.
func nameRemedy(t *snapshot.TLSResult, path snapshot.Path) *remedies.Remedy {
	return &remedies.Remedy{
		Summary: fmt.Sprintf("Point the destination URL at a host name the endpoint's certificate lists, instead of %s.", t.Host),
		Config:  []string{},
		Verify:  append([]string{snapshot.CmdCallhome, snapshot.CmdLicenseStatus}, path.Reach()...),
		Notes: append([]string{
			"Use the exact host name Cisco (or the on-prem server's certificate) gives; an IP address in the URL fails TLS validation (doc 222725). CH004 and SLP002 build the URL change from the switch's own line.",
			"This was seen from the workstation: if it reached the endpoint through something that re-signs TLS, the switch may see another certificate.",
		}, remedies.PathNotes(path)...),
	}
}
