package probe

import (
	"strings"
	"testing"

	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestEndpointOf(t *testing.T) {
	slp := func(lc *parsers.LicenseConfig) *snapshot.Snapshot {
		return &snapshot.Snapshot{Config: &parsers.RunningConfig{Covers: []string{parsers.TopicAll}, License: lc}}
	}
	tests := []struct {
		name              string
		s                 *snapshot.Snapshot
		host, vrf, missed string
	}{
		{name: "classic, Call Home VRF", s: device(ciscoURL, "management"), host: "tools.cisco.com", vrf: "management"},
		{name: "classic, default VRF", s: device("https://TOOLS.cisco.com:8443/its", ""), host: "tools.cisco.com", vrf: "default"},
		{name: "SLP smart URL and VRF", s: slp(&parsers.LicenseConfig{Transport: "smart",
			URLSmart: "https://smartreceiver.cisco.com/licservice/license", VRF: "management"}),
			host: "smartreceiver.cisco.com", vrf: "management"},
		{name: "SLP without URL", s: slp(&parsers.LicenseConfig{Transport: "smart"}), vrf: "default", missed: "license smart url"},
		{name: "nothing captured", s: &snapshot.Snapshot{}, vrf: "default", missed: "run `show running-config callhome`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep := endpointOf(tt.s)
			if ep.host != tt.host || ep.vrf != tt.vrf || !strings.Contains(ep.missing, tt.missed) || (tt.missed == "") != (ep.missing == "") {
				t.Errorf("host %q vrf %q missing %q; want %q %q %q", ep.host, ep.vrf, ep.missing, tt.host, tt.vrf, tt.missed)
			}
		})
	}
}
