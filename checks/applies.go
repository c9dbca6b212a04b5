package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/snapshot"
)

// classicOnly returns the skipped result a classic Smart Licensing check
// reports on input it must not judge (see notJudgeable) or on a device that
// runs Smart Licensing Using Policy, and whether it applies. Classic checks
// still run when the mode is unknown: their findings hold for the input.
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
		return notChecked(c, s, cmdShowVersion, cmdLicenseStatus), true
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
