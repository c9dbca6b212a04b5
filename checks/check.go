// Package checks holds the slcheck checklist: one file per check, its
// metadata (ID, title, severity, the commands it reads, references and
// explanation) beside its logic, and a single ordered registry. A check
// reads a snapshot.Snapshot and returns a Result; it never reads files, the
// network or the clock.
package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

// Status is the outcome of one check on one device.
type Status string

// The statuses of the contract (docs/contract.md).
const (
	Pass    Status = "pass"
	Fail    Status = "fail"
	Skipped Status = "skipped"
)

// Severity says how bad a failure is.
type Severity string

// The severities of the contract, most severe first.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: error 3, warning 2, info 1, unknown 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Explain is the offline documentation of a check, shown by
// `slcheck explain ID` and used in the reports.
type Explain struct {
	// What the check looks at.
	What string
	// Why it matters for Smart Licensing.
	Why string
	// Fix in general terms; the per-device remedy is built at run time.
	Fix string
}

// Check is one item of the checklist.
type Check struct {
	ID       string
	Title    string
	Area     Area
	Severity Severity
	// Applies says on which input the check is judged; Judge skips it
	// elsewhere with the standard reason.
	Applies Applies
	// Requires lists the snapshot facts the check reads, in the order it
	// needs them: Judge reports it not checked when one is missing.
	Requires []Requirement
	// When lists the states of the device the check judges, after its
	// Requires (a registered device, a callhome block): Judge reports the
	// check skipped with the first that does not hold.
	When []Condition
	// Needs lists the commands the check reads, canonical and in the
	// order a customer should run them.
	Needs      []string
	References []string
	Explain    Explain
	// Causes lists the checks that, when they fail too, explain this
	// check's failure, most basic first: the report then leads with the
	// root cause and lists this failure under it.
	Causes []string
	// Run judges one device that the check applies to and that has what it
	// requires (Judge sees to both). It returns a Result built with the
	// helpers below so the metadata is always filled in.
	Run func(c *Check, s *snapshot.Snapshot) Result
}

// Result is the outcome of one check on one device, as the JSON contract
// names its fields.
type Result struct {
	ID         string           `json:"id"`
	Title      string           `json:"title"`
	Status     Status           `json:"status"`
	Severity   Severity         `json:"severity"`
	Message    string           `json:"message"`
	Reason     string           `json:"reason,omitempty"`
	Evidence   []capture.Ref    `json:"evidence"`
	Remedy     *remedies.Remedy `json:"remedy"`
	References []string         `json:"references"`
	// CausedBy names the failing check that explains this failure (the
	// root cause); empty for a root cause or an unrelated failure.
	CausedBy string `json:"caused_by,omitempty"`
	// pointsTo are the checks this device's own failure text points to
	// (failureCauses), tried before the check's Causes when linking.
	pointsTo []string
}

func (c *Check) result(st Status, msg string) Result {
	refs := append([]string{}, c.References...)
	return Result{ID: c.ID, Title: c.Title, Status: st, Severity: c.Severity,
		Message: msg, Evidence: []capture.Ref{}, References: refs}
}

// Pass reports the check as passed, with the evidence it relied on.
func (c *Check) Pass(msg string, ev ...capture.Ref) Result {
	r := c.result(Pass, msg)
	r.Evidence = nonZero(ev)
	return r
}

// Fail reports the problem as present, with its evidence and remedy.
func (c *Check) Fail(msg string, rem *remedies.Remedy, ev ...capture.Ref) Result {
	r := c.result(Fail, msg)
	r.Evidence = nonZero(ev)
	r.Remedy = rem
	return r
}

// FailWith is Fail with a severity other than the check's default, for
// checks whose severity depends on the case (e.g. a deadline already past).
func (c *Check) FailWith(sev Severity, msg string, rem *remedies.Remedy, ev ...capture.Ref) Result {
	r := c.Fail(msg, rem, ev...)
	r.Severity = sev
	return r
}

// Skip reports that the check does not apply, with the reason.
func (c *Check) Skip(reason string) Result {
	r := c.result(Skipped, "")
	r.Reason = reason
	return r
}

// NotChecked reports that the input lacks what the check needs: the reason
// names the command(s) to capture.
func (c *Check) NotChecked(cmds ...string) Result {
	if len(cmds) == 0 {
		cmds = c.Needs
	}
	reason := "not checked: run"
	for i, cmd := range cmds {
		if i > 0 {
			reason += " and"
		}
		reason += fmt.Sprintf(" `%s`", cmd)
	}
	return c.Skip(reason)
}

func nonZero(refs []capture.Ref) []capture.Ref {
	out := make([]capture.Ref, 0, len(refs))
	for _, r := range refs {
		if !r.IsZero() {
			out = append(out, r)
		}
	}
	return out
}
