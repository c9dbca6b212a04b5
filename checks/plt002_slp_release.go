package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "PLT002",
		Title:      "Release runs classic Smart Licensing (not Using Policy)",
		Area:       "Platform and mode",
		Severity:   Info,
		Needs:      []string{cmdShowVersion, cmdLicenseStatus},
		References: []string{refSLPGuide, refMDSSLP},
		Explain: Explain{
			What: "Whether the switch runs Smart Licensing Using Policy (SLP): NX-OS 10.2(1)F and later on Nexus 3000/9000, MDS 9.2(2) and later, or `show license status` in the SLP layout.",
			Why:  "SLP has no registration and no enforcement: the classic Call Home registration checks do not apply, and the SLP checks (transport, URL, usage reporting, trust code) run instead. Knowing the mode avoids fixing the wrong thing.",
			Fix:  "Nothing to fix: this is information. Follow the SLP checks SLP001-SLP004.",
		},
		Run: runPLT002,
	})
}

// slpFromNexus is the first Nexus 3000/9000 release with Smart Licensing
// Using Policy only.
const slpFromNexus = "10.2(1)"

func runPLT002(c *Check, s *snapshot.Snapshot) Result {
	if r, skip := notJudgeable(c, s); skip {
		return r
	}
	// Which flavour of Smart Licensing runs is moot on a switch that runs
	// none: PLT001 says so, and this check must not contradict it.
	if plt001, ok := Lookup("PLT001"); ok && runPLT001(plt001, s).Status == Fail {
		return c.Skip("not applicable: this platform and release cannot run Smart Licensing (see PLT001)")
	}
	var ev []capture.Ref
	if s.Version != nil {
		ev = append(ev, s.Version.ReleaseRef)
	}
	if s.License != nil && s.License.SLP {
		ev = append(ev, s.License.Ref)
	}
	switch s.Mode() {
	case snapshot.ModeSLP:
		why := releaseName(s) + " is a Smart Licensing Using Policy release"
		if s.License != nil && s.License.SLP {
			why = "`show license status` shows Smart Licensing Using Policy"
		}
		return c.Fail(fmt.Sprintf("%s: classic Call Home registration does not apply (no registration, no enforcement); the SLP checks SLP001-SLP004 run instead", why),
			licenceRemedy("Nothing to change on the switch: follow SLP001-SLP004 for usage reporting.",
				"Under Smart Licensing Using Policy features work from day 0; the switch reports usage instead of registering."),
			ev...)
	case snapshot.ModeClassic:
		return c.Pass(fmt.Sprintf("%s runs classic Smart Licensing (Call Home registration)", releaseName(s)), ev...)
	}
	if v := s.Version; v != nil {
		newer, known := v.AtLeast(slpFromNexus)
		switch {
		case v.Family == "N7K" || (v.Family == "N3K" || v.Family == "N9K") && known && !newer:
			return c.Pass(fmt.Sprintf("%s on %s runs classic Smart Licensing (Call Home registration); Smart Licensing Using Policy starts with 10.2(1)F on Nexus 3000/9000", releaseName(s), v.Family), ev...)
		}
	}
	if s.Version == nil && s.License == nil {
		return c.NotChecked(cmdShowVersion, cmdLicenseStatus)
	}
	return c.Skip("not judged: neither the release nor the license output says which licensing the switch runs")
}
