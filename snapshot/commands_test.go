package snapshot

import (
	"testing"

	"github.com/slcheck/slcheck/capture"
)

// TestCommandTable holds the command table to what a capture's sections
// are keyed by: every named command is in canonical form (so Has and
// Needs find it), an abbreviation reaches it through capture.Canonical,
// and Build reads it.
func TestCommandTable(t *testing.T) {
	tests := []struct {
		cmd, typed, family string
	}{
		{CmdVersion, "sh ver", "version"},
		{CmdClock, "sh clo", "clock"},
		{CmdRunningConfig, "sh run", "config"},
		{CmdCallhome, "sh run callhome", "config"},
		{CmdLicenseStatus, "sh lic stat", "license"},
		{CmdLicenseUsage, "show lic usa | no-more", "license"},
		{CmdHosts, "sh ho", "hosts"},
		{CmdCertificates, "sh cry ca cert", "crypto"},
		{CmdLogging, "sh log logf", "logging"},
		{CmdLogSmartLic, "sh log logf | i SMART_LIC", "logging"},
		{CmdLogCallhome, "sh logging logfile | inc CALLHOME", "logging"},
		{CmdLicenseConfig, "sh run | i license", "config"},
		{CmdHTTPSource, "sh run | in source-interface", "config"},
		{CmdNTPConfig, "sh run | i ntp", "config"},
		{CmdDNSConfig, `sh run | i "domain-lookup|name-server|vrf context"`, "config"},
		{CmdLicenseDefaults, "sh run all | i license", "config"},
		{"show license host-id", "sh lic host-id", ""},
		{"show version module 1", "sh ver mod 1", ""},
		{"ping 192.0.2.1 vrf management", "ping 192.0.2.1 vrf management", "ping"},
		{"telnet 192.0.2.1 443 vrf management", "tel 192.0.2.1 443 vrf management", "telnet"},
	}
	for _, tt := range tests {
		if got := capture.Canonical(tt.cmd); got != tt.cmd {
			t.Errorf("%q is not canonical: Canonical gives %q", tt.cmd, got)
		}
		if got := capture.Canonical(tt.typed); got != tt.cmd {
			t.Errorf("Canonical(%q) = %q, want %q", tt.typed, got, tt.cmd)
		}
		if got := kind(tt.cmd); got != tt.family {
			t.Errorf("kind(%q) = %q, want %q", tt.cmd, got, tt.family)
		}
		if keep, _ := Select(tt.cmd); keep != (tt.family != "") {
			t.Errorf("Select(%q) keeps %v, want %v", tt.cmd, keep, tt.family != "")
		}
		if got, want := Active(tt.cmd), tt.family == "ping" || tt.family == "telnet"; got != want {
			t.Errorf("Active(%q) = %v, want %v", tt.cmd, got, want)
		}
	}
	for _, f := range families {
		if (f.name != "") != (f.read != nil) {
			t.Errorf("family %q %v: a family slcheck reads has a reader, one it does not has none", f.name, f.words)
		}
	}
	for _, cmd := range Collected {
		if kind(cmd) == "" || Active(cmd) {
			t.Errorf("slcheck ssh runs %q on every switch, which Build does not read or which is an active test", cmd)
		}
	}
}
