package checks

import (
	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "LIC006",
		Title:      "Licences in compliance",
		Area:       AreaLicense,
		Severity:   Warning,
		Applies:    Classic,
		Requires:   []Requirement{reqLicenseStatus},
		When:       []Condition{deviceRegistered},
		Needs:      []string{snapshot.CmdLicenseStatus},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "The authorization status `OUT OF COMPLIANCE` in `show license status`.",
			Why:  "The switch talks to Cisco fine, but its Virtual Account has fewer licences than the switch uses (a negative balance). Nothing on the switch fixes it, and features keep working.",
			Fix:  "In CSSM, add the missing licences to the Virtual Account the switch is registered in (or move the switch to a Virtual Account that has them); the switch renews daily and turns AUTHORIZED by itself.",
		},
		Run: runLIC006,
	})
}

func runLIC006(c *Check, s *snapshot.Snapshot) Result {
	l := s.License
	auth := l.Authorization
	switch lifecycle.StateOf(l) {
	case lifecycle.StateOutOfCompliance:
		va := ""
		if v := l.Registration.VirtualAccount; v != "" {
			va = " (Virtual Account " + v + ")"
		}
		return c.Fail("OUT OF COMPLIANCE: the Virtual Account"+va+" lacks licences for what the switch uses; fix it in CSSM, not on the switch",
			licenseRemedy("Add the missing licences to the switch's Virtual Account in CSSM.",
				"The fix is in CSSM (Smart Software Licensing > Inventory): no configuration on the switch changes it.",
				"The switch sends a renewal request daily and turns AUTHORIZED once the balance is positive; features keep working meanwhile."),
			auth.Status.Ref)
	case lifecycle.StateAuthorized:
		return c.Pass("licences in compliance: "+l.StatusWords(), auth.Status.Ref)
	case lifecycle.StateAuthorizationExpired:
		return c.Skip("not judged: the authorization has expired, so CSSM has not judged compliance recently (see LIC005)")
	}
	return c.Skip("not judged: the switch is registered but prints no authorization status yet")
}
