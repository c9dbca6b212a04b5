package checks

import (
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestSLP003(t *testing.T) {
	never := editSLP(func(l *parsers.License) { l.Usage.LastACK, l.Usage.LastACKNone = nil, true })
	inUse := lref(snapshot.CmdLicenseUsage, 70, "  Status: IN USE")
	neverInUse := editSLP(func(l *parsers.License) {
		l.Usage.LastACK, l.Usage.LastACKNone, l.InUse, l.UsageListed = nil, true, []capture.Ref{inUse}, lref(snapshot.CmdLicenseUsage, 65, "License Authorization:")
	})
	neverNothingInUse := editSLP(func(l *parsers.License) {
		l.Usage.LastACK, l.Usage.LastACKNone, l.UsageListed = nil, true, lref(snapshot.CmdLicenseUsage, 65, "License Authorization:")
	})
	neverOff := editSLP(func(l *parsers.License) {
		l.Usage.LastACK, l.Usage.LastACKNone, l.Usage.NextDeadline, l.Transport.Type = nil, true, nil, "off"
	})
	noUsage := editSLP(func(l *parsers.License) { l.Usage = parsers.UsageReporting{} })
	runLicCases(t, "SLP003", []licCase{
		{"deadline in 58 days", slpSnap(slpLic(), nil, slpAt()), Pass, "", []string{"in 58 days"}},
		{"deadline in 20 days", slpSnap(slpLic(), nil, time.Date(2023, 10, 9, 12, 0, 0, 0, pdtZone)), Fail, Warning, []string{"near", "in 20 days"}},
		{"deadline passed", slpSnap(slpLic(), nil, time.Date(2023, 11, 2, 12, 0, 0, 0, pdtZone)), Fail, Warning, []string{"overdue", "passed 3 days ago"}},
		// The capture in UTC: Oct 30 01:00 UTC is Oct 29 18:00 PDT, one hour before the deadline.
		{"deadline within the hour, capture in UTC", slpSnap(slpLic(), nil, lutc(2023, 10, 30, 1, 0)), Fail, Warning, []string{"in 1 hour"}},
		{"never acknowledged on smart, a licence in use", slpSnap(neverInUse, nil, slpAt()), Fail, Warning, []string{"ever been acknowledged", "a licence is IN USE"}},
		// A switch that consumes no licence sends no report (domain §6).
		{"never acknowledged, nothing in use", slpSnap(neverNothingInUse, nil, slpAt()), Pass, "", []string{"none is expected", "no licence is IN USE"}},
		{"never acknowledged, usage not captured", slpSnap(never, nil, slpAt()), Skipped, "", []string{"fault only if a licence is IN USE", "run `show license usage`"}},
		{"never acknowledged, transport off", slpSnap(neverOff, nil, slpAt()), Pass, "", []string{"no ACK deadline"}},
		{"capture time unknown", slpSnap(slpLic(), nil, time.Time{}), Skipped, "", []string{"2023-10-29 19:03 PDT could not be judged: run `show clock`"}},
		{"no usage block", slpSnap(noUsage, nil, slpAt()), Skipped, "", []string{"not checked"}},
		{"SLP release without license output", slpSnap(nil, nil, slpAt()), Skipped, "", []string{"not checked: run `show license status`"}},
	})
}
