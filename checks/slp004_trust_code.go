package checks

import (
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "SLP004",
		Title:      "Trust code installed for smart transport",
		Area:       AreaSLP,
		Severity:   Warning,
		Applies:    SLP,
		When:       []Condition{slpTransportKnown},
		Needs:      []string{snapshot.CmdLicenseStatus, snapshot.CmdLicenseConfig},
		References: []string{refSLPGuide},
		Explain: Explain{
			What: "`Trust Code Installed:` in `show license status` when the transport is smart.",
			Why:  "To report usage directly to CSSM the switch needs a trust code; without it the smart transport cannot establish trust and its reports are not accepted.",
			Fix:  "Create a token in CSSM and run `license smart trust idtoken <token>` in exec mode (`force` replaces an installed trust code).",
		},
		Run: runSLP004,
	})
}

func runSLP004(c *Check, s *snapshot.Snapshot) Result {
	if t, _, _ := slpTransport(s); t != "smart" {
		return c.Skip("not applicable: a trust code is needed for transport smart only (transport is " + orNone(t) + ")")
	}
	l := s.License
	if l == nil || !l.TrustCodeInstalled.Said() {
		return notChecked(c, s, snapshot.CmdLicenseStatus)
	}
	if !l.TrustCodeInstalled.Value {
		return c.Fail("the transport is smart but no trust code is installed: CSSM does not accept the switch's usage reports",
			licenseRemedy("Install a trust code from CSSM.",
				"Run in exec mode: `license smart trust idtoken <token from CSSM>` (add `force` to replace an installed one); the token is a secret of the Smart Account.",
				"The switch clock must be within an hour of CSSM's for the trust code (CLK001)."),
			l.TrustCodeInstalled.Ref)
	}
	return c.Pass("a trust code is installed", l.TrustCodeInstalled.Ref)
}

func orNone(s string) string {
	if s == "" {
		return "not configured"
	}
	return s
}
