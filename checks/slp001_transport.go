package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "SLP001",
		Title:      "Usage reporting transport is configured",
		Area:       AreaSLP,
		Severity:   Warning,
		Applies:    SLP,
		When:       []Condition{slpTransportKnown},
		Needs:      []string{snapshot.CmdLicenseStatus, snapshot.CmdLicenseConfig},
		References: []string{refSLPGuide},
		Explain: Explain{
			What: "The SLP transport: `Transport:` / `Type:` in `show license status`, or `license smart transport {smart|cslu|callhome|off}` in the running-config.",
			Why:  "With transport off (or none configured) the switch never sends its usage reports: they must then be moved by hand, and the ACK deadline of the policy passes unnoticed.",
			Fix:  "Choose a transport: `license smart transport smart` with `license smart url smart https://smartreceiver.cisco.com/licservice/license` to report directly to CSSM (then install a trust code), or `cslu` with the URL of the CSLU or on-prem server.",
		},
		Run: runSLP001,
	})
}

func runSLP001(c *Check, s *snapshot.Snapshot) Result {
	t, ref, _ := slpTransport(s)
	switch {
	case t == "off":
		return c.Fail("the usage reporting transport is off: the switch never sends its usage reports by itself", transportRemedy(), ref)
	case t == "":
		return c.Fail("no `license smart transport` is configured: the switch does not send its usage reports by itself", transportRemedy(), ref)
	}
	return c.Pass(fmt.Sprintf("usage reporting transport is %s", t), ref)
}

func transportRemedy() *remedies.Remedy {
	return &remedies.Remedy{
		Summary: "Report usage directly to Cisco over the smart transport.",
		Config: remedies.Config("license smart transport smart",
			"license smart url smart "+smartReceiverURL),
		Verify: []string{snapshot.CmdLicenseStatus},
		Notes: []string{
			"Then install a trust code from CSSM in exec mode: `license smart trust idtoken <token>` (SLP004).",
			"To report through a CSLU or an on-prem server instead, use `license smart transport cslu` and `license smart url cslu <URL that server gives>`.",
			"The VRF the switch reports from must reach the URL; the command that selects it varies by release: check the NX-OS SLP guide.",
		},
	}
}
