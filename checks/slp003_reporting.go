package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/snapshot"
)

// ackWarnDays is how close an ACK deadline is reported.
const ackWarnDays = 30

func init() {
	register(&Check{
		ID:         "SLP003",
		Title:      "Usage reporting is acknowledged in time",
		Area:       AreaSLP,
		Severity:   Warning,
		Applies:    SLP,
		Needs:      []string{snapshot.CmdLicenseStatus, snapshot.CmdLicenseUsage, snapshot.CmdClock},
		References: []string{refSLPGuide},
		Explain: Explain{
			What: "`Usage Reporting:` in `show license status`: `Last ACK received:` and `Next ACK deadline:`, judged against the capture time; and, when no ACK was ever received, whether `show license usage` shows a licence IN USE.",
			Why:  "The policy expects each usage report to be acknowledged by CSSM before the ACK deadline. A deadline passed or near, or no ACK ever received on transport smart while a licence is IN USE, means the reports do not get through. A switch that consumes no licence sends no usage report, so no ACK is expected there. Features are not enforced and keep working.",
			Fix:  "Fix the transport (SLP001, SLP002, SLP004 and the path to Cisco), or upload the usage report by hand through CSLU or CSSM before the deadline.",
		},
		Causes: []string{"SLP001", "SLP002", "SLP004", "CLK001"},
		Run:    runSLP003,
	})
}

func runSLP003(c *Check, s *snapshot.Snapshot) Result {
	l := s.License
	if l == nil || !l.SLP.Value {
		return notChecked(c, s, snapshot.CmdLicenseStatus)
	}
	u := l.Usage
	t, _, _ := slpTransport(s)
	fix := licenseRemedy("Get the usage reports through: fix the transport and the path to Cisco, or upload a report by hand before the deadline.",
		"Under Smart Licensing Using Policy features are not enforced: they keep working.")
	if u.LastACKNone && t == "smart" {
		// A switch that consumes no licence generates no usage report
		// (domain file, section 6): no ACK is a fault only with one IN USE.
		switch {
		case len(l.InUse) > 0:
			inUse := "a licence is"
			if n := len(l.InUse); n > 1 {
				inUse = fmt.Sprintf("%d licences are", n)
			}
			return c.Fail(fmt.Sprintf("no usage report has ever been acknowledged (Last ACK received: <none>) although the transport is smart and %s IN USE", inUse),
				fix, u.Ref, l.InUse[0], refOf(u.NextDeadline))
		case !l.UsageListed.IsZero():
			return c.Pass("no usage report has been acknowledged (Last ACK received: <none>), and none is expected: no licence is IN USE, and a switch that consumes no licence sends no usage report", u.Ref, l.UsageListed)
		}
		return c.Skip(fmt.Sprintf("not checked: no usage report has ever been acknowledged (Last ACK received: <none>), which is a fault only if a licence is IN USE (a switch that consumes none sends no report); run `%s`", snapshot.CmdLicenseUsage))
	}
	d := u.NextDeadline
	if d == nil {
		if u.LastACK == nil && !u.LastACKNone {
			return notChecked(c, s, snapshot.CmdLicenseStatus)
		}
		return c.Pass("the switch shows no ACK deadline", u.Ref)
	}
	left, r, ok := timeLeft(c, s, "the ACK deadline", d.Time)
	if !ok {
		return r
	}
	switch {
	case left.Passed:
		return c.Fail("usage reporting is overdue: the next ACK deadline "+deadline(s, d.Time), fix, d.Ref)
	case left.Within(ackWarnDays):
		return c.Fail("the next ACK deadline is near: "+deadline(s, d.Time), fix, d.Ref)
	}
	return c.Pass("the next ACK deadline is "+deadline(s, d.Time), d.Ref)
}
