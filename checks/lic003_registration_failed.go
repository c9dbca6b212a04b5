package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "LIC003",
		Title:      "Registration succeeded",
		Area:       AreaLicense,
		Severity:   Error,
		Applies:    Classic,
		Requires:   []Requirement{reqLicenseStatus},
		When:       []Condition{licenseEnabled},
		Needs:      []string{snapshot.CmdLicenseStatus},
		References: []string{refDoc217965, refFN72115},
		Explain: Explain{
			What: "`Initial Registration:` and `Last Renewal Attempt:` in `show license status`, and the indented `Failure reason:` under a FAILED one; `Status: UNREGISTERED - REGISTRATION FAILED`.",
			Why:  "A failed registration leaves the switch unregistered (initial) or, for a failing ID certificate renewal, unregistered when the certificate expires after a year without contact. The failure reason names the broken piece: an http:// URL, no path to Cisco, DNS, or an untrusted certificate.",
			Fix:  "Fix the cause the failure reason points to (the checks listed in the message confirm or rule it out), then register again with `license smart register idtoken <token> force`; a failing renewal retries by itself every hour.",
		},
		Causes: networkCauses,
		Run:    runLIC003,
	})
}

func runLIC003(c *Check, s *snapshot.Snapshot) Result {
	l := s.License
	reg := l.Registration
	st := lifecycle.StateOf(l)
	switch {
	case lifecycle.Failed(reg.Initial) && !lifecycle.Registered(st):
		return failedRegistration(c, "initial registration", reg.Initial, reg.Status.Ref)
	case st == lifecycle.StateRegistrationFailed:
		return c.Fail(fmt.Sprintf("registration FAILED (%s); %s", reg.Status.Value, failureExplanation("")),
			registrationRemedy(), reg.Status.Ref)
	case lifecycle.Failed(reg.LastRenewal):
		res := failedRegistration(c, "the last ID certificate renewal", reg.LastRenewal, reg.Status.Ref)
		if reg.Expires != nil {
			if at, _, ok := captureClock(s); ok && lifecycle.Until(at, reg.Expires.Time).Passed {
				res.Message += fmt.Sprintf("; the ID certificate expired %s: the switch is no longer registered (LIC007)", deadline(s, reg.Expires.Time))
			} else {
				res.Message += fmt.Sprintf("; the ID certificate expires %s, and then the switch becomes unregistered", deadline(s, reg.Expires.Time))
			}
			res.Evidence = append(res.Evidence, nonZero([]capture.Ref{reg.Expires.Ref})...)
		}
		return res
	case lifecycle.Registered(st):
		msg := "registered: " + l.StatusWords()
		var ev []capture.Ref
		if a := reg.Initial; a != nil {
			msg += "; initial registration " + attemptText(a)
			ev = append(ev, a.Ref)
		}
		if a := reg.LastRenewal; a != nil && a.Result != "" {
			msg += "; last renewal attempt " + attemptText(a)
			ev = append(ev, a.Ref)
		}
		return c.Pass(msg, append(ev, reg.Status.Ref)...)
	case st == lifecycle.StateUnknown:
		return unrecognisedStatus(c, l)
	case st == lifecycle.StateRegistering:
		return c.Skip("not judged: registration was in progress at capture time; capture `show license status` again")
	}
	return c.Skip(fmt.Sprintf("not applicable: no registration attempt shown (%s; see LIC002)", l.StatusWords()))
}

func failedRegistration(c *Check, what string, a *parsers.Attempt, status capture.Ref) Result {
	return pointTo(c.Fail(fmt.Sprintf("%s %s; %s", what, attemptText(a), failureExplanation(a.Reason.Value)),
		registrationRemedy(), a.Ref, a.Reason.Ref, status), a.Reason.Value)
}

func registrationRemedy() *remedies.Remedy {
	return licenseRemedy("Fix the cause the failure reason points to, then register again.",
		"Fix first what the checks named in the message report; the switch then retries by itself (every 15 minutes for 4 hours after a failed registration, then hourly; hourly for a failing renewal).",
		"To register at once, run in exec mode: `"+registerCmd+"` (a new token from CSSM if the old one expired; never paste the token into tickets).")
}
