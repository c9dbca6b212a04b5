package checks

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "LIC005",
		Title:      "Authorization has not expired",
		Area:       AreaLicense,
		Severity:   Error,
		Applies:    Classic,
		Requires:   []Requirement{reqLicenseStatus},
		When:       []Condition{deviceRegistered},
		Needs:      []string{snapshot.CmdLicenseStatus, snapshot.CmdClock},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "The authorization status (`AUTHORIZATION EXPIRED`) and the `Communication Deadline:` of `show license status`, judged against the capture time (`show clock`, `!Time:`, the show-tech date), never the clock of the machine running slcheck.",
			Why:  "After 90 days without contact the authorization expires: CSSM returns the switch's licences to the pool and the switch retries hourly until its ID certificate expires, after which it must be registered again. Features keep working.",
			Fix:  "Restore the path to Cisco (the Call Home, network, DNS and trust checks say what is broken); the switch renews by itself within the hour once it gets through.",
		},
		Causes: append([]string{"LIC004"}, networkCauses...),
		Run:    runLIC005,
	})
}

func runLIC005(c *Check, s *snapshot.Snapshot) Result {
	l := s.License
	auth := l.Authorization
	expiredStatus := lifecycle.StateOf(l) == lifecycle.StateAuthorizationExpired
	fix := licenseRemedy("Restore the path to Cisco; the switch retries every hour and renews by itself once it gets through.",
		"Licensed features keep working: the authorization expired, so CSSM returned the licences to the pool until the switch renews.",
		"If the ID certificate has expired too (LIC007), register the switch again: `"+registerCmd+"`.")
	d := auth.Deadline
	at, from, judged := captureClock(s)
	switch {
	case expiredStatus:
		msg := "authorization EXPIRED: the switch has not reached Cisco within 90 days"
		if d != nil {
			msg += "; communication deadline " + deadline(s, d.Time)
		}
		return c.Fail(msg, fix, auth.Status.Ref, refOf(d))
	case d == nil:
		return notChecked(c, s, snapshot.CmdLicenseStatus)
	case judged && lifecycle.Until(at, d.Time).Passed:
		return c.Fail(fmt.Sprintf("the communication deadline %s has passed: %s (%s) although the switch still printed %s",
			lifecycle.FormatTime(d.Time), lifecycle.Until(at, d.Time), from, strings.TrimSpace(auth.Status.Value)), fix, d.Ref, auth.Status.Ref)
	case judged:
		return c.Pass("communication deadline "+deadline(s, d.Time), d.Ref)
	}
	return c.Pass(fmt.Sprintf("status %s; the communication deadline %s was not compared with the capture time, which is unknown (capture `%s`)",
		l.StatusWords(), lifecycle.FormatTime(d.Time), snapshot.CmdClock), auth.Status.Ref, d.Ref)
}
