package checks

import (
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

func TestLIC004(t *testing.T) {
	failing := withLic(func(l *parsers.License) {
		l.Authorization.LastCommunication = lattempt("FAILED", lutc(2022, 8, 20, 16, 0), 15, "Fail to send out Call Home HTTP message")
	})
	noDeadline := withLic(func(l *parsers.License) {
		l.Authorization.LastCommunication = lattempt("FAILED", lutc(2022, 8, 20, 16, 0), 15, "")
		l.Authorization.Deadline = nil
	})
	noLine := withLic(func(l *parsers.License) { l.Authorization.LastCommunication = nil })
	eval := &parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED"}}, Authorization: parsers.AuthorizationState{Status: capture.Fact[string]{Value: "EVAL MODE"}}}
	runLicCases(t, "LIC004", []licCase{
		{"succeeded", lsnap(seedLic(), lutc(2022, 8, 1, 0, 0)), Pass, "", []string{"SUCCEEDED on 2022-06-22 16:15 UTC"}},
		{"failing, deadline ahead", lsnap(failing, lutc(2022, 9, 1, 16, 0)), Fail, Error,
			[]string{`FAILED on 2022-08-20 16:00 UTC: "Fail to send out Call Home HTTP message"`,
				"communication deadline 2022-09-20 16:12 UTC, in 19 days (capture time 2022-09-01 16:00 UTC from `show clock`, tech.txt:3)"}},
		{"failing, deadline today", lsnap(failing, lutc(2022, 9, 20, 9, 0)), Fail, Error, []string{"in 7 hours"}},
		{"failing, capture time unknown", lsnap(failing, time.Time{}), Fail, Error, []string{"not judged: the capture time is unknown; capture `show clock`"}},
		{"failing without deadline line", lsnap(noDeadline, lutc(2022, 9, 1, 0, 0)), Fail, Error, []string{"printed no failure reason", "no communication deadline"}},
		{"no attempt line", lsnap(noLine, lutc(2022, 9, 1, 0, 0)), Skipped, "", []string{"not checked: run `show license status`"}},
		{"not registered", lsnap(eval, lutc(2022, 9, 1, 0, 0)), Skipped, "", []string{"not registered"}},
	})
}
