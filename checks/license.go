package checks

import (
	"fmt"
	"strings"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

// Helpers shared by the platform, licence-state, SLP and clock checks.

const (
	refSLPGuide = "Cisco NX-OS Smart Licensing Using Policy User Guide (transport, URL, trust code)"
	refMDSSLP   = "Cisco MDS 9000 Series Licensing Guide, Smart Licensing Using Policy (9.2(2) and later)"

	// registerCmd is the exec command that registers a device [seed]; the
	// token is a secret of the customer's Smart Account, never printed.
	registerCmd = "license smart register idtoken <ID-token-from-CSSM> force"
)

// networkCauses are the checks that explain a failed exchange with Cisco,
// most basic first: configuration, then the path, name resolution, the
// endpoint's reachability and trust. Root-cause linking picks the first that
// failed, so one http:// URL is reported once (CH002) with the licence
// failures listed under it.
var networkCauses = []string{
	"CH001", "CH003", "CH002", "CH004",
	"NET004", "NET001", "NET002",
	"DNS001", "DNS002", "DNS003",
	"NET003", "TLS002", "TLS001", "TLS003", "DNS004",
}

// licenseEnabled is the Condition of the checks that judge Smart
// Licensing's state (they require reqLicenseStatus): skipped when it is
// disabled, as LIC001 reports.
var licenseEnabled = Condition{State: "Smart Licensing is enabled", skip: func(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if lifecycle.StateOf(s.License) == lifecycle.StateDisabled {
		return c.Skip("not applicable: Smart Licensing is disabled (see LIC001)"), true
	}
	return Result{}, false
}}

// licenseStatusKnown is licenseEnabled, and skipped with the lines quoted
// when slcheck does not recognise the status (unrecognisedStatus).
var licenseStatusKnown = Condition{State: "Smart Licensing is enabled and its status is one slcheck recognises", skip: func(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if r, skip := licenseEnabled.skip(c, s); skip {
		return r, true
	}
	if lifecycle.StateOf(s.License) == lifecycle.StateUnknown {
		return unrecognisedStatus(c, s.License), true
	}
	return Result{}, false
}}

// deviceRegistered is licenseStatusKnown, and skipped when the device is
// not registered (LIC002 reports it): the checks of an authorization or an
// ID certificate judge a registered device only.
var deviceRegistered = Condition{State: "Smart Licensing is enabled and the device is registered", skip: func(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if r, skip := licenseStatusKnown.skip(c, s); skip {
		return r, true
	}
	l := s.License
	if !lifecycle.Registered(lifecycle.StateOf(l)) {
		return c.Skip(fmt.Sprintf("not applicable: the device is not registered (%s; see LIC002)", l.StatusWords())), true
	}
	return Result{}, false
}}

// unrecognisedStatus keeps a status slcheck does not know visible instead
// of guessing: the check is skipped and its message quotes the lines.
func unrecognisedStatus(c *Check, l *parsers.License) Result {
	r := c.Skip(fmt.Sprintf("not judged: slcheck does not recognise the status %q; read `%s` on the device", l.StatusWords(), snapshot.CmdLicenseStatus))
	refs := []capture.Ref{l.Registration.Status.Ref, l.Authorization.Status.Ref}
	refs = append(refs, l.Unrecognised...)
	r.Evidence = nonZero(refs)
	r.Message = "status not recognised: " + l.StatusWords() + unrecognisedNote(l)
	return r
}

// unrecognisedNote lists the lines of the license output the parser did not
// understand, so they reach the report rather than vanish.
func unrecognisedNote(l *parsers.License) string {
	if len(l.Unrecognised) == 0 {
		return ""
	}
	var q []string
	for _, r := range firstRefs(l.Unrecognised, 3) {
		q = append(q, fmt.Sprintf("%q (%s)", strings.TrimSpace(r.Text), r.String()))
	}
	more := ""
	if n := len(l.Unrecognised) - 3; n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	return fmt.Sprintf("; slcheck did not recognise %s%s: read them on the device", strings.Join(q, ", "), more)
}

// captureClock says which time deadlines are judged against and where it
// came from; ok is false when the capture does not say.
func captureClock(s *snapshot.Snapshot) (at time.Time, from string, ok bool) {
	at = s.CapturedAt.Value
	if at.IsZero() {
		return time.Time{}, "", false
	}
	return at, fmt.Sprintf("capture time %s from %s", lifecycle.FormatTime(at), s.CapturedAt.Ref.Cite()), true
}

// timeLeft is the time from the capture to t, the date of what (the ACK
// deadline, the registration expiry); when the capture time is unknown it
// returns the result that says t could not be judged (ok false).
func timeLeft(c *Check, s *snapshot.Snapshot, what string, t time.Time) (left lifecycle.Delta, r Result, ok bool) {
	at, _, judged := captureClock(s)
	if !judged {
		return lifecycle.Delta{}, c.Skip(fmt.Sprintf("not checked: the capture time is unknown, so %s %s could not be judged: run `%s`", what, lifecycle.FormatTime(t), snapshot.CmdClock)), false
	}
	return lifecycle.Until(at, t), Result{}, true
}

// deadline says a date and how far it is from the capture time, or that it
// could not be judged.
func deadline(s *snapshot.Snapshot, t time.Time) string {
	at, from, ok := captureClock(s)
	if !ok {
		return fmt.Sprintf("%s (not judged: the capture time is unknown; capture `%s`)", lifecycle.FormatTime(t), snapshot.CmdClock)
	}
	return fmt.Sprintf("%s, %s (%s)", lifecycle.FormatTime(t), lifecycle.Until(at, t), from)
}

// attemptText describes an attempt line: "FAILED on 2024-03-01 10:00 UTC:
// "reason"".
func attemptText(a *parsers.Attempt) string {
	s := strings.TrimSpace(a.Result)
	if !a.Time.IsZero() {
		s += " on " + lifecycle.FormatTime(a.Time)
	}
	if a.Reason.Value != "" {
		s += fmt.Sprintf(": %q", strings.TrimSpace(a.Reason.Value))
	}
	return s
}

// licenseRemedy builds a remedy whose fix is not device configuration
// (CSSM, an exec command, an upgrade); the verify step is the status.
func licenseRemedy(summary string, notes ...string) *remedies.Remedy {
	return &remedies.Remedy{Summary: summary, Config: []string{},
		Verify: []string{snapshot.CmdLicenseStatus}, Notes: append([]string{}, notes...)}
}

// refOf is the line a date came from, or a zero Ref.
func refOf(t *parsers.Timed) capture.Ref {
	if t == nil {
		return capture.Ref{}
	}
	return t.Ref
}
