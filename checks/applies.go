package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/snapshot"
)

// The licensing modes a device can run (../shared/domain/SMART_LICENSING.md §1).
const (
	modeClassic = "classic"
	modeSLP     = "slp"
	modeUnknown = "unknown"
)

// Releases where the licensing changes: N3K/N9K move to Smart Licensing
// Using Policy at 10.2(1)F, MDS 9000 runs SLP from 9.2(2).
var (
	slpFromNexus = release{10, 2, 1}
	slpFromMDS   = release{9, 2, 2}
)

// deviceMode says which licensing the device runs: "slp" when the license
// output shows the SLP layout or the release is one that runs SLP only,
// "classic" when the release or the license output says classic, else
// "unknown".
func deviceMode(s *snapshot.Snapshot) string {
	if s.License != nil && s.License.SLP {
		return modeSLP
	}
	if s.Version != nil {
		if r, ok := parseRelease(s.Version.Release); ok {
			switch {
			case s.Version.Family == "MDS" && !r.less(slpFromMDS):
				return modeSLP
			case s.Version.Family == "MDS":
				return modeUnknown
			case !r.less(slpFromNexus):
				return modeSLP
			}
			return modeClassic
		}
	}
	if l := s.License; l != nil && (l.Registration.Status != "" || l.Authorization.Status != "") {
		return modeClassic
	}
	return modeUnknown
}

// classicOnly returns the skipped result a classic Smart Licensing check
// reports on a device that runs SLP, and whether it applies. Classic checks
// still run when the mode is unknown: their findings hold for the config.
func classicOnly(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if deviceMode(s) != modeSLP {
		return Result{}, false
	}
	return c.Skip(fmt.Sprintf("%s runs Smart Licensing Using Policy: classic Call Home registration does not apply (see PLT002 and the SLP checks)", releaseName(s))), true
}

// slpOnly returns the skipped result an SLP check reports on a device that
// does not run SLP, and whether it applies.
func slpOnly(c *Check, s *snapshot.Snapshot) (Result, bool) {
	switch deviceMode(s) {
	case modeSLP:
		return Result{}, false
	case modeClassic:
		return c.Skip(fmt.Sprintf("%s runs classic Smart Licensing: Smart Licensing Using Policy applies from NX-OS 10.2(1)F", releaseName(s))), true
	}
	if s.Version == nil && s.License == nil {
		return c.NotChecked("show version", "show license status"), true
	}
	return c.Skip("the release and the license output do not show Smart Licensing Using Policy (NX-OS 10.2(1)F and later, MDS 9.2(2) and later): check `show version` and `show license status`"), true
}

// releaseName names the device's release for messages.
func releaseName(s *snapshot.Snapshot) string {
	if s.Version != nil && s.Version.Release != "" {
		return "NX-OS " + s.Version.Release
	}
	return "this device"
}
