package checks

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "LIC002",
		Title:      "Switch is registered (not in evaluation)",
		Area:       AreaLicense,
		Severity:   Warning,
		Applies:    Classic,
		Requires:   []Requirement{reqLicenseStatus},
		When:       []Condition{licenseStatusKnown},
		Needs:      []string{snapshot.CmdLicenseStatus},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "The registration status in `show license status`: UNREGISTERED, EVAL MODE (with `Evaluation Period Remaining`), or EVAL EXPIRED.",
			Why:  "An unregistered switch uses its one 90-day evaluation period (days of use, never reset) and does not report to Cisco. When it runs out the switch shows EVAL EXPIRED: features keep working, but the licences are not accounted for.",
			Fix:  "Create an ID token in CSSM (Manage licenses > Inventory > General > New Token) and run `license smart register idtoken <token>` on the switch; if registration fails, LIC003 says why.",
		},
		Causes: append([]string{"LIC003"}, networkCauses...),
		Run:    runLIC002,
	})
}

func runLIC002(c *Check, s *snapshot.Snapshot) Result {
	l := s.License
	register := licenseRemedy("Register the switch with an ID token from CSSM.",
		"Run in exec mode: `"+registerCmd+"`; the token is a secret of the Smart Account: do not paste it into tickets.",
		"If registration fails, LIC003 quotes the reason and the checks that explain it.")
	switch st := lifecycle.StateOf(l); st {
	case lifecycle.StateEvaluation:
		msg := "unregistered: the switch runs in evaluation mode"
		if e := l.Evaluation; e != nil {
			left := strings.TrimPrefix(lifecycle.DeltaOf(e.Remaining).String(), "in ")
			msg += fmt.Sprintf(" with %s of evaluation use left (days of use, not calendar days; the period is never reset)", left)
			return c.Fail(msg, register, e.Ref, l.Registration.Status.Ref)
		}
		return c.Fail(msg+" (the output does not say how much evaluation time is left)", register, l.Registration.Status.Ref, l.Authorization.Status.Ref)
	case lifecycle.StateEvalExpired:
		return c.Fail("unregistered and the evaluation period has expired (EVAL EXPIRED): features keep working, but the switch is not licensed with Cisco until it is registered", register,
			l.Registration.Status.Ref, l.Authorization.Status.Ref)
	case lifecycle.StateUnregistered:
		return c.Fail("unregistered: the switch has not been registered with an ID token", register, l.Registration.Status.Ref)
	case lifecycle.StateRegistrationFailed:
		return c.Fail("unregistered: registration was attempted and failed (LIC003 quotes the reason)", register, l.Registration.Status.Ref)
	case lifecycle.StateRegistering:
		return c.FailWith(Info, "registration was in progress at capture time: capture `show license status` again to see its outcome", nil, l.Registration.Status.Ref)
	}
	return c.Pass("registered: "+l.StatusWords(), l.Registration.Status.Ref)
}
