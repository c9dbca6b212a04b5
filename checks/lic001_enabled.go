package checks

import (
	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "LIC001",
		Title:      "Smart Licensing is enabled",
		Area:       AreaLicense,
		Severity:   Warning,
		Applies:    Classic,
		Requires:   []Requirement{reqLicenseStatus},
		Needs:      []string{snapshot.CmdLicenseStatus},
		References: []string{refDoc217965, refLicGuide},
		Explain: Explain{
			What: "The first line of `show license status`: `Smart Licensing is ENABLED` or `DISABLED`.",
			Why:  "With Smart Licensing disabled the switch never registers and never reports: every Call Home setting is irrelevant until it is enabled.",
			Fix:  "Enable Smart Licensing in configuration mode (the NX-OS Licensing Guide gives the command for the release), then register the switch with an ID token from CSSM.",
		},
		Run: runLIC001,
	})
}

func runLIC001(c *Check, s *snapshot.Snapshot) Result {
	l := s.License
	switch {
	case l.Enabled.Said() && !l.Enabled.Value:
		return c.Fail("Smart Licensing is DISABLED: the switch does not register or talk to Cisco"+unrecognisedNote(l),
			licenseRemedy("Enable Smart Licensing, then register the switch.",
				"On NX-OS 9.3(x) the Licensing Guide gives `license smart enable` in configuration mode: check it for this release before pasting.",
				"Then register in exec mode: `"+registerCmd+"` (the token comes from CSSM and is a secret of the Smart Account)."),
			l.Enabled.Ref)
	case l.Enabled.Said():
		return c.Pass("Smart Licensing is ENABLED"+unrecognisedNote(l), l.Enabled.Ref)
	}
	if st := lifecycle.StateOf(l); st != lifecycle.StateUnknown {
		return c.Pass("the output has no `Smart Licensing is ...` line, but its status ("+l.StatusWords()+") shows Smart Licensing in use"+unrecognisedNote(l),
			l.Registration.Status.Ref, l.Authorization.Status.Ref)
	}
	return notChecked(c, s, snapshot.CmdLicenseStatus)
}
