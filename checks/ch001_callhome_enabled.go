package checks

import (
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "CH001",
		Title:      "Call Home is configured and enabled",
		Area:       AreaCallhome,
		Severity:   Error,
		Applies:    Classic,
		Requires:   []Requirement{reqCallhomeConfig},
		Needs:      []string{snapshot.CmdCallhome},
		References: []string{refDoc217965, refLicGuide},
		Explain: Explain{
			What: "Whether the `callhome` configuration exists and holds `enable`.",
			Why:  "Classic Smart Licensing on NX-OS sends registration and renewal messages through Call Home's CiscoTAC-1 profile: with Call Home off, nothing reaches Cisco.",
			Fix:  "Configure `callhome` with the CiscoTAC-1 HTTPS destination and `enable` it.",
		},
		Run: runCH001,
	})
}

func runCH001(c *Check, s *snapshot.Snapshot) Result {
	ch := s.Config.Callhome
	if ch == nil {
		vrf := ""
		if _, _, known := s.InterfaceVRF("mgmt0"); known {
			vrf = "management"
		}
		return c.Fail("the switch has no callhome configuration, so Smart Licensing cannot send anything to Cisco",
			remedies.NewCallhome(vrf), configRef(s))
	}
	if !ch.Enabled.Value {
		return c.Fail("callhome is configured but not enabled (no `enable` line), so no message is sent",
			remedies.EnableCallhome(s.Path), ch.Ref)
	}
	return c.Pass("callhome is configured and enabled", ch.Enabled.Ref)
}
