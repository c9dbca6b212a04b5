package checks

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

// The roots of FN72115: Cisco's servers moved from the first to the second.
const (
	quoVadisRoot  = "QuoVadis Root CA 2"
	idenTrustRoot = "IdenTrust Commercial Root CA 1"
	// idenTrustSerial is IdenTrust Commercial Root CA 1's serial number.
	idenTrustSerial = "0A0142800000014523C844B500000002"
)

func init() {
	register(&Check{
		ID:         "TLS002",
		Title:      "Trust store holds IdenTrust Commercial Root CA 1",
		Area:       AreaTrust,
		Severity:   Warning,
		Applies:    NXOS,
		Needs:      []string{snapshot.CmdCertificates},
		References: []string{refFN72115, refDoc217965},
		Explain: Explain{
			What: "Whether the certificates the switch lists hold QuoVadis Root CA 2 without IdenTrust Commercial Root CA 1 (serial 0A0142800000014523C844B500000002).",
			Why:  "Cisco moved its server certificates from QuoVadis Root CA 2 to IdenTrust Commercial Root CA 1; tools.cisco.com's QuoVadis certificate expired on 5 Feb 2022. A switch that trusts only QuoVadis can no longer open TLS to Cisco (FN72115).",
			Fix:  "Follow the upgrade path of FN72115; the NX-OS way to add the root by hand is not confirmed, so check with Cisco TAC before changing the trust store.",
		},
		Run: runTLS002,
	})
}

func runTLS002(c *Check, s *snapshot.Snapshot) Result {
	if s.Trust == nil {
		return notChecked(c, s, snapshot.CmdCertificates)
	}
	var quo, ident *parsers.Certificate
	for i := range s.Trust.Certificates {
		cert := &s.Trust.Certificates[i]
		switch {
		case isIdenTrust(cert):
			ident = cert
		case namesRoot(certName(cert), quoVadisRoot):
			quo = cert
		}
	}
	if ident == nil {
		if r, ok := filteredOut(c, s, snapshot.CmdCertificates); ok {
			return r // IdenTrust may be among the lines the filter dropped
		}
	}
	switch {
	case ident != nil:
		return c.Pass("the switch lists IdenTrust Commercial Root CA 1, the root Cisco's servers use since FN72115", ident.Ref)
	case quo != nil:
		return c.Fail(fmt.Sprintf("the switch lists QuoVadis Root CA 2 (trustpoint %s) but not IdenTrust Commercial Root CA 1: it cannot validate Cisco's current server certificates", orUnnamed(quo.Trustpoint)),
			remedies.TrustChain(s.Path), quo.Ref)
	}
	return c.Pass(fmt.Sprintf("`%s` lists neither QuoVadis Root CA 2 nor IdenTrust Commercial Root CA 1 (%d certificates); on some releases the Smart Licensing trust store is not shown by this command", snapshot.CmdCertificates, len(s.Trust.Certificates)),
		s.Trust.Ref)
}

func certName(cert *parsers.Certificate) string {
	if cert.Subject != "" {
		return cert.Subject
	}
	return cert.Issuer
}

func isIdenTrust(cert *parsers.Certificate) bool {
	serial := strings.ToUpper(serialSeparators.Replace(cert.Serial))
	return serial == idenTrustSerial || namesRoot(certName(cert), idenTrustRoot)
}

// serialSeparators are what a certificate's serial is printed with between
// its bytes.
var serialSeparators = strings.NewReplacer(":", "", " ", "")

// namesRoot reports whether a subject names the root exactly: "QuoVadis
// Root CA 2" but not "QuoVadis Root CA 2 G3", another root.
func namesRoot(subject, root string) bool {
	low, r := strings.ToLower(subject), strings.ToLower(root)
	for i := strings.Index(low, r); i >= 0; {
		rest := strings.TrimLeft(low[i+len(r):], " ")
		if rest == "" || strings.IndexAny(rest[:1], ",/;\"'") == 0 {
			return true
		}
		next := strings.Index(low[i+1:], r)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func orUnnamed(s string) string {
	if s == "" {
		return "unnamed"
	}
	return s
}
