package checks

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:       "PLT003",
		Title:    "Input is NX-OS output from one device",
		Area:     "Platform and mode",
		Severity: Error,
		Needs:    []string{"show version"},
		References: []string{
			refDoc217965,
		},
		Explain: Explain{
			What: "Whether the input holds IOS-XE output (`show call-home`, the `Smart Licensing Status` banner, `show license tech support` layout) or output from more than one device.",
			Why:  "IOS-XE prints Smart Licensing states with the same words as NX-OS but is configured differently: judging it as a Nexus would give wrong fixes. Output of two switches read as one mixes their facts.",
			Fix:  "Capture the Nexus switch's own output, one switch per file (or per prompt in a terminal log).",
		},
		Run: runPLT003,
	})
}

func runPLT003(c *Check, s *snapshot.Snapshot) Result {
	switch {
	case len(s.Foreign) > 0:
		f := s.Foreign[0]
		return c.Fail(fmt.Sprintf("the input is not NX-OS: line %[2]d shows IOS-XE output (%[1]q); slcheck diagnoses Nexus switches and judged none of its checks on it", strings.TrimSpace(f.Text), f.Line),
			remedies.Recapture("Run slcheck on the Nexus switch's own output.",
				"IOS-XE uses `show call-home` and `show license summary`/`show license tech support`; see the IOS-XE Smart Licensing guides for that platform."),
			firstRefs(s.Foreign, 3)...)
	case len(s.Mixed) > 0:
		return c.Fail(fmt.Sprintf("the input mixes output from several devices (%d lines show another device); its facts cannot be judged as one switch", len(s.Mixed)),
			remedies.Recapture("Capture each switch separately, or keep the prompts (hostname#) in the terminal log so slcheck can split it.",
				"In a terminal log slcheck splits devices at prompts whose hostname changes; a show-tech must hold one switch."),
			firstRefs(s.Mixed, 3)...)
	case len(s.Commands) == 0:
		return c.NotChecked()
	}
	return c.Pass("no IOS-XE output and no second device found in the input")
}

// notJudgeable returns the skipped result every other check reports when
// PLT003 fails, so IOS-XE or mixed input is never diagnosed as one NX-OS
// device, and whether it applies. Each check calls it first.
func notJudgeable(c *Check, s *snapshot.Snapshot) (Result, bool) {
	switch {
	case len(s.Foreign) > 0:
		return c.Skip("not applicable: input is not NX-OS (see PLT003)"), true
	case len(s.Mixed) > 0:
		return c.Skip("not applicable: input mixes several devices (see PLT003)"), true
	}
	return Result{}, false
}
