package probe

import (
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestEndpointOf(t *testing.T) {
	slp := func(lc *parsers.LicenseConfig) *snapshot.Snapshot {
		return withPath(&snapshot.Snapshot{Config: &parsers.RunningConfig{Covers: []string{parsers.TopicAll}, License: lc}})
	}
	tests := []struct {
		name              string
		s                 *snapshot.Snapshot
		host, vrf, missed string
		port              int
	}{
		{name: "classic, Call Home VRF", s: device(ciscoURL, "management"), host: "tools.cisco.com", vrf: "management", port: 443},
		{name: "classic, default VRF", s: device("https://TOOLS.cisco.com:8443/its", ""), host: "tools.cisco.com", vrf: "default", port: 8443},
		{name: "SLP smart URL and VRF", s: slp(&parsers.LicenseConfig{Transport: capture.Fact[string]{Value: "smart"},
			URLSmart: capture.Fact[string]{Value: "https://smartreceiver.cisco.com/licservice/license"}, VRF: capture.Fact[string]{Value: "management"}}),
			host: "smartreceiver.cisco.com", vrf: "management", port: 443},
		{name: "SLP CSLU, VRF unknown", s: slp(&parsers.LicenseConfig{Transport: capture.Fact[string]{Value: "cslu"}, URLCSLU: capture.Fact[string]{Value: "http://cslu.example.net:8182/cslu/v1/pi"}}),
			host: "cslu.example.net", port: 8182},
		{name: "SLP without URL", s: slp(&parsers.LicenseConfig{Transport: capture.Fact[string]{Value: "smart"}, VRF: capture.Fact[string]{Value: "management"}}), vrf: "management", missed: "license smart url"},
		{name: "SLP transport off", s: slp(&parsers.LicenseConfig{Transport: capture.Fact[string]{Value: "off"}}), missed: "transport is off"},
		{name: "nothing captured", s: withPath(&snapshot.Snapshot{}), missed: "run `show running-config callhome`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep := endpointOf(tt.s)
			if ep.host != tt.host || ep.vrf != tt.vrf || ep.port != tt.port && tt.missed == "" || !strings.Contains(ep.missing, tt.missed) || (tt.missed == "") != (ep.missing == "") {
				t.Errorf("host %q vrf %q port %d missing %q; want %q %q %d %q", ep.host, ep.vrf, ep.port, ep.missing, tt.host, tt.vrf, tt.port, tt.missed)
			}
		})
	}
}
