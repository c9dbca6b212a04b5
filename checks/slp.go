package checks

import (
	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

// Helpers shared by the Smart Licensing Using Policy checks.

// smartReceiverURL is Cisco's SLP endpoint for transport smart [V].
const smartReceiverURL = "https://smartreceiver.cisco.com/licservice/license"

// slpTransport is the SLP transport of the licensing path: the
// `license smart transport` keyword ("smart", "cslu", "callhome", "off", or
// "" when none is configured) and the line that says so; known is false
// when neither the SLP status nor a complete license configuration was
// captured.
func slpTransport(s *snapshot.Snapshot) (transport string, ref capture.Ref, known bool) {
	d := s.Path.Evidence.Transport
	if !d.Known {
		return "", capture.Ref{}, false
	}
	ref = decidedBy(d)
	if ref.IsZero() {
		ref = configRef(s)
	}
	return s.Path.Transport, ref, true
}

// slpTransportKnown is the Condition of the checks that judge the SLP
// transport: not checked when neither the SLP status nor a complete license
// configuration was captured.
var slpTransportKnown = Condition{State: "the SLP transport is known (from `show license status` or the license configuration)", skip: func(c *Check, s *snapshot.Snapshot) (Result, bool) {
	if _, _, known := slpTransport(s); !known {
		return notChecked(c, s, snapshot.CmdLicenseStatus, snapshot.CmdLicenseConfig), true
	}
	return Result{}, false
}}
