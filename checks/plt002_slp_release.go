package checks

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "PLT002",
		Title:      "Release runs classic Smart Licensing (not Using Policy)",
		Area:       AreaPlatform,
		Severity:   Info,
		Applies:    NXOS,
		Needs:      []string{snapshot.CmdVersion, snapshot.CmdLicenseStatus},
		References: []string{refSLPGuide, refMDSSLP},
		Explain: Explain{
			What: "Whether the switch runs Smart Licensing Using Policy (SLP), from every source in this order of trust: the `show version` release on its platform (NX-OS 10.2(1)F and later on Nexus 3000/9000, MDS 9.2(2) and later), the running-config header's release (`version 10.3(1) Bios:...`), the licence output's layout (the SLP blocks, or `Status: Not Applicable` in `show license usage`), then the `license smart` configuration. When the sources disagree it fails as a warning and shows both lines.",
			Why:  "SLP has no registration and no enforcement: the classic Call Home registration checks do not apply, and the SLP checks (transport, URL, usage reporting, trust code) run instead. Knowing the mode avoids fixing the wrong thing; sources that disagree mean part of the capture is stale (taken across an upgrade) or from another switch.",
			Fix:  "Nothing to fix when the sources agree: this is information; follow the SLP checks SLP001-SLP004. When they disagree, capture `show version` and the licence output again in one session.",
		},
		Run: runPLT002,
	})
}

func runPLT002(c *Check, s *snapshot.Snapshot) Result {
	// Which flavour of Smart Licensing runs is moot on a switch that runs
	// none: PLT001 says so, and this check must not contradict it.
	if plt001, ok := Lookup("PLT001"); ok && plt001.Judge(s).Status == Fail {
		return c.Skip("not applicable: this platform and release cannot run Smart Licensing (see PLT001)")
	}
	m := s.LicensingMode()
	if o := m.Other; o != nil {
		return c.FailWith(Warning, fmt.Sprintf("the capture disagrees about the licensing mode: %s says %s, but %s says %s; slcheck follows the first (show version, then the running-config header, then the licence output) and judges the switch as %s. Part of the capture is stale (taken across an upgrade) or from another switch",
			m.Describe(), modeWords(m.Value), o.Describe(), modeWords(o.Value), modeWords(m.Value)),
			remedies.Recapture("Capture `show version` and the licence output again in one session, after any upgrade.",
				"Releases from 10.2(1)F run Smart Licensing Using Policy only; a classic `Registration:` block beside such a release was printed before the upgrade."),
			m.Ref, o.Ref)
	}
	switch snapshot.Mode(m.Value) {
	case snapshot.ModeSLP:
		return c.Fail(fmt.Sprintf("%s: classic Call Home registration does not apply (no registration, no enforcement); the SLP checks SLP001-SLP004 run instead", slpWhy(s, m)),
			licenseRemedy("Nothing to change on the switch: follow SLP001-SLP004 for usage reporting.",
				"Under Smart Licensing Using Policy features work from day 0; the switch reports usage instead of registering."),
			m.Ref)
	case snapshot.ModeClassic:
		return c.Pass(fmt.Sprintf("%s runs classic Smart Licensing (Call Home registration), as %s shows", releaseName(s), m.Describe()), m.Ref)
	}
	if s.Version == nil && s.License == nil && s.Release().Value == "" {
		return notChecked(c, s, snapshot.CmdVersion, snapshot.CmdLicenseStatus)
	}
	if r, ok := filteredOut(c, s, snapshot.CmdVersion); ok {
		return r
	}
	return c.Skip("not judged: neither the release nor the license output says which licensing the switch runs")
}

// slpWhy says which source showed Smart Licensing Using Policy.
func slpWhy(s *snapshot.Snapshot, m snapshot.Sourced) string {
	switch m.From {
	case snapshot.FromShowVersion, snapshot.FromConfigHeader:
		return fmt.Sprintf("%s is a Smart Licensing Using Policy release (%s)", releaseName(s), m.Describe())
	case snapshot.FromLicenseOutput:
		return fmt.Sprintf("`%s` shows Smart Licensing Using Policy (%s: %q)", m.Ref.Command, m.Ref, strings.TrimSpace(m.Ref.Text))
	}
	return fmt.Sprintf("the configuration holds a line only Smart Licensing Using Policy has (%s: %q)", m.Ref, strings.TrimSpace(m.Ref.Text))
}

// modeWords spells a mode the capture gave in a sentence.
func modeWords(mode string) string {
	return cmp.Or(snapshot.Mode(mode).Name(), "an unknown mode")
}
