package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "LIC004",
		Title:      "Authorization renewal succeeds",
		Area:       AreaLicense,
		Severity:   Error,
		Applies:    Classic,
		Requires:   []Requirement{reqLicenseStatus},
		When:       []Condition{deviceRegistered},
		Needs:      []string{snapshot.CmdLicenseStatus, snapshot.CmdClock},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "`Last Communication Attempt:` under `License Authorization:` in `show license status`, its `Failure reason:`, and the `Communication Deadline:` judged against the capture time.",
			Why:  "An authorized switch renews every 30 days and its authorization lasts 90 days. While renewals fail it retries (every 23 hours when authorized); at the communication deadline the authorization expires and CSSM takes its licences back. Features keep working, but the clock is running.",
			Fix:  "Fix the cause the failure reason points to (the checks named in the message); the switch retries by itself, or renew at once from exec mode.",
		},
		Causes: networkCauses,
		Run:    runLIC004,
	})
}

func runLIC004(c *Check, s *snapshot.Snapshot) Result {
	l := s.License
	auth := l.Authorization
	a := auth.LastCommunication
	if a == nil || a.Result == "" {
		return notChecked(c, s, snapshot.CmdLicenseStatus)
	}
	if !lifecycle.Failed(a) {
		return c.Pass("last communication attempt "+attemptText(a), a.Ref)
	}
	msg := fmt.Sprintf("the last authorization renewal (Last Communication Attempt) %s; %s", attemptText(a), failureExplanation(a.Reason.Value))
	ev := []capture.Ref{a.Ref, a.Reason.Ref}
	if d := auth.Deadline; d != nil {
		msg += "; communication deadline " + deadline(s, d.Time)
		ev = append(ev, d.Ref)
	} else {
		msg += "; the output shows no communication deadline"
	}
	return pointTo(c.Fail(msg, licenseRemedy("Fix the cause the failure reason points to; the switch then renews by itself.",
		"While authorized the switch retries every 23 hours; out of compliance daily; with the authorization expired every hour (Cisco doc 217965).",
		"Licensed features keep working past the deadline: the authorization expires and CSSM returns the licences to the pool until the switch reaches Cisco again."),
		ev...), a.Reason.Value)
}
