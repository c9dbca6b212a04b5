package checks

import (
	"github.com/slcheck/slcheck/snapshot"
)

// idCertWarnDays is how close to its expiry an ID certificate is reported.
const idCertWarnDays = 30

func init() {
	register(&Check{
		ID:         "LIC007",
		Title:      "ID certificate is not about to expire",
		Area:       AreaLicense,
		Severity:   Warning,
		Applies:    Classic,
		Requires:   []Requirement{reqLicenseStatus},
		When:       []Condition{deviceRegistered},
		Needs:      []string{snapshot.CmdLicenseStatus, snapshot.CmdClock},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "`Registration Expires:` in `show license status` (the ID certificate, valid one year and renewed every six months), judged against the capture time.",
			Why:  "When the ID certificate expires the switch becomes unregistered, falls back to any evaluation time left, and CSSM removes it: it must be registered again with a new ID token. Within 30 days of expiry the renewals have been failing for months.",
			Fix:  "Restore the path to Cisco so the hourly renewal succeeds before the expiry; once expired, register again with a new ID token.",
		},
		Causes: append([]string{"LIC003"}, networkCauses...),
		Run:    runLIC007,
	})
}

func runLIC007(c *Check, s *snapshot.Snapshot) Result {
	l := s.License
	exp := l.Registration.Expires
	if exp == nil {
		return notChecked(c, s, snapshot.CmdLicenseStatus)
	}
	d, r, ok := timeLeft(c, s, "the registration expiry", exp.Time)
	if !ok {
		return r
	}
	switch {
	case d.Passed:
		return c.Fail("the ID certificate has expired ("+deadline(s, exp.Time)+"): the switch is no longer registered and CSSM removes it; it must be registered again",
			licenseRemedy("Register the switch again with a new ID token once the path to Cisco works.",
				"Run in exec mode: `"+registerCmd+"`; the old registration cannot be renewed.",
				"Licensed features keep working meanwhile."),
			exp.Ref)
	case d.Within(idCertWarnDays):
		return c.Fail("the ID certificate expires "+deadline(s, exp.Time)+": its renewals (every six months, then hourly) have not succeeded",
			licenseRemedy("Restore the path to Cisco before the expiry; the switch retries the renewal every hour.",
				"After the expiry the switch becomes unregistered and must be registered again with a new ID token; features keep working."),
			exp.Ref)
	}
	return c.Pass("the ID certificate expires "+deadline(s, exp.Time), exp.Ref)
}
