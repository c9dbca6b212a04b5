package checks

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "PLT001",
		Title:      "Platform and release support Smart Licensing",
		Area:       AreaPlatform,
		Severity:   Error,
		Applies:    NXOS,
		Requires:   []Requirement{reqVersion},
		Needs:      []string{snapshot.CmdVersion},
		References: []string{refDoc217965, refLicGuide, refMDSSLP},
		Explain: Explain{
			What: "The chassis and NX-OS release in `show version`: Nexus 3016 and 3064 never run Smart Licensing; Nexus 3000/9000 need 9.3(3) or later, Nexus 7000 8.0(1) or later; MDS 9000 runs Smart Licensing Using Policy from 9.2(2).",
			Why:  "Before those releases the switch only knows traditional PAK licenses: no Call Home setting can make it register, so every other finding is moot until it is upgraded.",
			Fix:  "Upgrade to a release that supports Smart Licensing (Nexus 3000/9000: 9.3(3) or later; Nexus 7000: 8.0(1) or later), or keep traditional licensing. Nexus 3016/3064 stay on traditional licenses. For Nexus 5000/6000 slcheck has no documented answer: check the platform's licensing guide.",
		},
		Run: runPLT001,
	})
}

// smartFrom is the first release with Smart Licensing per family
// (docs/smart-licensing.md §1).
var smartFrom = map[string]string{"N9K": "9.3(3)", "N3K": "9.3(3)", "N7K": "8.0(1)", "MDS": "9.2(2)"}

func runPLT001(c *Check, s *snapshot.Snapshot) Result {
	v := s.Version
	if v.Chassis.Value == "" || v.Release.Value == "" {
		if r, ok := filteredOut(c, s, snapshot.CmdVersion); ok {
			return r
		}
	}
	if v.Release.Value == "" {
		// A paste that starts below the release lines.
		return c.Skip("not checked: the `show version` captured holds no release line (`NXOS: version` or `system: version`); run `show version`")
	}
	chassis := v.Chassis.Value
	if chassis == "" {
		chassis = "chassis not shown"
	}
	if v.Family == "N3K" && (strings.Contains(v.Model, "3016") || strings.Contains(v.Model, "3064")) {
		return c.Fail(fmt.Sprintf("%s (%s) does not support Smart Licensing on any release: it uses traditional (PAK) licenses, so nothing on the switch can make it register", modelName(v), chassis),
			licenseRemedy("Keep traditional licensing on this switch; Smart Licensing needs other hardware.",
				"Cisco doc 217965 lists the Nexus 3016 and 3064 as unable to run Smart Licensing on any release."),
			v.Chassis.Ref)
	}
	min, known := smartFrom[v.Family]
	switch {
	case v.Family == "N5K" || v.Family == "N6K":
		return c.Skip(fmt.Sprintf("not known: whether the %s family (%s) runs Smart Licensing is not documented in slcheck's sources, so slcheck does not guess; check the platform's licensing guide", v.Family, chassis))
	case !known:
		return c.Skip(fmt.Sprintf("not judged: slcheck does not know the platform of %q; check its licensing guide", chassis))
	}
	atLeast, ok := v.AtLeast(min)
	if !ok {
		return c.Skip(fmt.Sprintf("not judged: the release %q in `show version` could not be read", v.ReleaseRaw))
	}
	if !atLeast {
		if v.Family == "MDS" {
			return c.Skip(fmt.Sprintf("not judged: MDS 9000 runs Smart Licensing Using Policy from 9.2(2); slcheck's sources do not document the licensing of %s", v.Release.Value))
		}
		return c.Fail(fmt.Sprintf("%s runs NX-OS %s; Smart Licensing needs %s or later on this family, so this release only knows traditional (PAK) licensing", modelName(v), v.Release.Value, min),
			licenseRemedy(fmt.Sprintf("Upgrade to NX-OS %s or later, then configure Smart Licensing; or keep traditional licensing.", min),
				"Pick the target release with the NX-OS upgrade path for this platform; releases from 10.2(1)F use Smart Licensing Using Policy rather than Call Home registration."),
			v.Release.Ref, v.Chassis.Ref)
	}
	return c.Pass(fmt.Sprintf("%s runs NX-OS %s, which supports Smart Licensing (from %s on this family)", modelName(v), v.Release.Value, min), v.Chassis.Ref, v.Release.Ref)
}

// modelName names the switch for messages: "Nexus N9K C9396PX".
func modelName(v *parsers.Version) string {
	if v.Model != "" {
		return v.Family + " " + v.Model
	}
	return v.Family
}
