package checks

import (
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

// Helpers shared by the Smart Licensing Using Policy checks.

// smartReceiverURL is Cisco's SLP endpoint for transport smart [V].
const smartReceiverURL = "https://smartreceiver.cisco.com/licservice/license"

// slpTransport is the SLP transport type in lower case ("smart", "cslu",
// "callhome", "off", or "" when not configured) and the line that says so;
// known is false when neither the SLP status nor a complete license
// configuration was captured.
func slpTransport(s *snapshot.Snapshot) (transport string, ref capture.Ref, known bool) {
	if l := s.License; l != nil && l.SLP && strings.TrimSpace(l.Transport.Type) != "" {
		return transportName(l.Transport.Type), l.Transport.Ref, true
	}
	if lc := licenseConfig(s); lc != nil && lc.Transport != "" {
		return transportName(lc.Transport), lc.TransportRef, true
	}
	if s.Config.Complete(parsers.TopicLicense) {
		return "", configRef(s), true
	}
	return "", capture.Ref{}, false
}

func licenseConfig(s *snapshot.Snapshot) *parsers.LicenseConfig {
	if s.Config == nil {
		return nil
	}
	return s.Config.License
}

// transportName normalises a transport as printed ("Smart", "Transport
// Off", "CSLU") or configured ("off") to the config keyword.
func transportName(t string) string {
	t = strings.ToLower(strings.Join(strings.Fields(t), " "))
	return strings.TrimPrefix(t, "transport ")
}
