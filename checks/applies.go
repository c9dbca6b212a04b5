package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/snapshot"
)

// classicOnly returns the skipped result a classic Smart Licensing check
// reports on a device that runs Smart Licensing Using Policy, and whether
// it applies. Classic checks still run when the mode is unknown: their
// findings hold for the configuration.
func classicOnly(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if s.Mode() != snapshot.ModeSLP {
		return Result{}, false
	}
	return c.Skip(fmt.Sprintf("%s runs Smart Licensing Using Policy: classic Call Home registration does not apply (see PLT002 and the SLP checks)", releaseName(s))), true
}

// slpOnly returns the skipped result an SLP check reports on a device that
// does not run SLP, and whether it applies.
func slpOnly(c *Check, s *snapshot.Snapshot) (Result, bool) {
	switch s.Mode() {
	case snapshot.ModeSLP:
		return Result{}, false
	case snapshot.ModeClassic:
		return c.Skip(fmt.Sprintf("%s runs classic Smart Licensing: Smart Licensing Using Policy applies from NX-OS 10.2(1)F", releaseName(s))), true
	}
	if s.Version == nil && s.License == nil {
		return c.NotChecked("show version", "show license status"), true
	}
	return c.Skip("neither the release nor the license output shows Smart Licensing Using Policy (NX-OS 10.2(1)F and later, MDS 9.2(2) and later): check `show version` and `show license status`"), true
}

// releaseName names the device's release for messages.
func releaseName(s *snapshot.Snapshot) string {
	if s.Version != nil && s.Version.Release != "" {
		return "NX-OS " + s.Version.Release
	}
	return "this device"
}
