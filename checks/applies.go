package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

// Applies says on which input a check is judged. The runner skips the
// check elsewhere with the standard reason, so a check's Run starts with
// its own question.
type Applies int

// The kinds of input a check applies to. The zero value is no choice:
// Validate rejects it, so every check declares one.
const (
	// AnyInput checks judge the input itself (PLT003).
	AnyInput Applies = iota + 1
	// NXOS checks judge one standalone NX-OS device (see notJudgeable).
	NXOS
	// Classic checks judge classic Smart Licensing (Call Home
	// registration) on NX-OS: skipped on a device that runs Smart
	// Licensing Using Policy, run when the mode is unknown, since their
	// findings hold for the input.
	Classic
	// SLP checks judge Smart Licensing Using Policy on NX-OS: run only on
	// a device shown to run it.
	SLP
)

// String says when a check applies, for `slcheck explain` and docs.
func (a Applies) String() string {
	switch a {
	case AnyInput:
		return "any input"
	case NXOS:
		return "standalone NX-OS, one device"
	case Classic:
		return "classic Smart Licensing on standalone NX-OS (also when the input does not show the licensing mode)"
	case SLP:
		return "Smart Licensing Using Policy on standalone NX-OS (10.2(1)F and later, MDS 9.2(2) and later)"
	}
	return "unknown"
}

// Label is the short name of an Applies, for tables: "any input", "NX-OS",
// "classic", "SLP".
func (a Applies) Label() string {
	switch a {
	case AnyInput:
		return "any input"
	case NXOS:
		return "NX-OS"
	case Classic:
		return "classic"
	case SLP:
		return "SLP"
	}
	return "unknown"
}

// skip returns the skipped result of a check that does not apply to s, and
// whether it does not.
func (a Applies) skip(c *Check, s *snapshot.Snapshot) (Result, bool) {
	switch a {
	case AnyInput:
		return Result{}, false
	case Classic:
		return classicOnly(c, s)
	case SLP:
		return slpOnly(c, s)
	}
	return notJudgeable(c, s)
}

// A Requirement is one fact of the snapshot a check reads: when the input
// lacks it, the runner reports the check not checked, naming Commands.
type Requirement struct {
	// Fact names what the check reads, for `slcheck explain` and docs.
	Fact string
	// Commands are the commands that capture it, canonical.
	Commands []string
	has      func(*snapshot.Snapshot) bool
}

// The requirements checks declare.
var (
	reqVersion = Requirement{Fact: "the chassis and release", Commands: []string{snapshot.CmdVersion},
		has: func(s *snapshot.Snapshot) bool { return s.Version != nil }}
	reqLicenseStatus = Requirement{Fact: "the license status", Commands: []string{snapshot.CmdLicenseStatus},
		has: func(s *snapshot.Snapshot) bool { return s.License != nil }}
	reqCallhomeConfig = Requirement{Fact: "the callhome configuration", Commands: []string{snapshot.CmdCallhome},
		has: func(s *snapshot.Snapshot) bool { return s.Config.Complete(parsers.TopicCallhome) }}
	reqLog = Requirement{Fact: "the log", Commands: []string{snapshot.CmdLogging},
		has: func(s *snapshot.Snapshot) bool { return s.LogsCaptured }}
)

// A Condition is a state of the device that a check judges only in, such
// as Smart Licensing registered. Checks list them in When so the runner,
// not each Run, holds the guard, and `slcheck explain` and docs/checks.md
// can say when a check is judged.
type Condition struct {
	// State names the state in words: "the device is registered".
	State string
	// skip returns the skipped result that says why, and true, where the
	// state does not hold.
	skip func(c *Check, s *snapshot.Snapshot) (r Result, skip bool)
}

// States lists the states of the check's When in words, for `slcheck
// explain` and docs/checks.md; empty when the check has no condition.
func (c *Check) States() []string {
	out := []string{}
	for _, w := range c.When {
		out = append(out, w.State)
	}
	return out
}

// Judge runs the check on one device: skipped where it does not apply,
// not checked where the input lacks what it requires, skipped where a
// condition of When does not hold, else its own Run.
func (c *Check) Judge(s *snapshot.Snapshot) Result {
	if r, skip := c.Applies.skip(c, s); skip {
		return r
	}
	for _, req := range c.Requires {
		if !req.has(s) {
			return notChecked(c, s, req.Commands...)
		}
	}
	for _, cond := range c.When {
		if r, skip := cond.skip(c, s); skip {
			return r
		}
	}
	return c.Run(c, s)
}

// classicOnly returns the skipped result a classic Smart Licensing check
// reports on input it must not judge (see notJudgeable) or on a device that
// runs Smart Licensing Using Policy, and whether it applies.
func classicOnly(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if r, skip := notJudgeable(c, s); skip {
		return r, true
	}
	if s.Mode() != snapshot.ModeSLP {
		return Result{}, false
	}
	return c.Skip(fmt.Sprintf("not applicable: %s runs Smart Licensing Using Policy, where classic registration does not apply (see PLT002 and SLP001-SLP004)", releaseName(s))), true
}

// slpOnly returns the skipped result an SLP check reports on input it must
// not judge or on a device that does not run SLP, and whether it applies.
func slpOnly(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if r, skip := notJudgeable(c, s); skip {
		return r, true
	}
	switch s.Mode() {
	case snapshot.ModeSLP:
		return Result{}, false
	case snapshot.ModeClassic:
		return c.Skip(fmt.Sprintf("not applicable: %s runs classic Smart Licensing; Smart Licensing Using Policy starts with NX-OS 10.2(1)F", releaseName(s))), true
	}
	if s.Version == nil && s.License == nil && s.Release().Value == "" {
		return notChecked(c, s, snapshot.CmdVersion, snapshot.CmdLicenseStatus), true
	}
	return c.Skip("not applicable: neither the release nor the license output shows Smart Licensing Using Policy (NX-OS 10.2(1)F and later, MDS 9.2(2) and later)"), true
}

// releaseName names the device's release for messages, from `show
// version` or else the running-config header.
func releaseName(s *snapshot.Snapshot) string {
	if r := s.Release().Value; r != "" {
		return "NX-OS " + r
	}
	return "this device"
}
