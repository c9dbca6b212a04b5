package checks

import (
	"testing"
	"time"

	"github.com/slcheck/slcheck/parsers"
)

func TestLIC005(t *testing.T) {
	pdt := time.FixedZone("PDT", -7*3600)
	expired := withLic(func(l *parsers.License) {
		l.Authorization.Status.Value = "AUTHORIZATION EXPIRED"
		l.Authorization.LastCommunication = lattempt("FAILED", lutc(2022, 9, 30, 16, 0), 15, "")
	})
	noDeadline := withLic(func(l *parsers.License) { l.Authorization.Deadline = nil })
	runLicCases(t, "LIC005", []licCase{
		{"deadline far away", lsnap(seedLic(), lutc(2022, 8, 1, 0, 0)), Pass, "", []string{"in 50 days"}},
		{"deadline passed, status still authorized", lsnap(seedLic(), lutc(2022, 9, 25, 0, 0)), Fail, Error,
			[]string{"has passed: passed 4 days ago", "still printed AUTHORIZED"}},
		// 09:30 PDT is 16:30 UTC: the 16:12 UTC deadline passed 18 minutes before.
		{"deadline passed minutes ago, capture in PDT", lsnap(seedLic(), time.Date(2022, 9, 20, 9, 30, 0, 0, pdt)), Fail, Error,
			[]string{"passed less than an hour ago"}},
		// 08:30 PDT is 15:30 UTC: 42 minutes left.
		{"deadline later today, capture in PDT", lsnap(seedLic(), time.Date(2022, 9, 20, 8, 30, 0, 0, pdt)), Pass, "", []string{"in less than an hour"}},
		{"status expired", lsnap(expired, lutc(2022, 10, 1, 0, 0)), Fail, Error, []string{"authorization EXPIRED", "passed 10 days ago"}},
		{"status expired, time unknown", lsnap(expired, time.Time{}), Fail, Error, []string{"authorization EXPIRED", "not judged"}},
		{"authorized, time unknown", lsnap(seedLic(), time.Time{}), Pass, "", []string{"not compared with the capture time", "`show clock`"}},
		{"no deadline line", lsnap(noDeadline, lutc(2022, 8, 1, 0, 0)), Skipped, "", []string{"not checked"}},
	})
}
