package parsers

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// leadGated are the patterns tried only on the lines lead lets through,
// with the letters they are given.
var leadGated = []struct {
	re      *regexp.Regexp
	letters string
}{
	{versionLineRE, "nsk"}, {chassisRE, "c"}, {partChassisRE, "c"}, {imageRE, "ns"}, {boardIDRE, "p"}, {deviceNameRE, "d"},
	{dnsLookupRE, "d"}, {nsAreRE, "n"}, {hostHeaderRE, "h"}, {hostHeaderRE2, "h"},
	{trustpointRE, "t"}, {certFieldRE, "sin"},
	{routeTableRE, "i"}, {routePrefixRE, "0123456789abcdef.:"}, {routeViaRE, "*v"},
}

func init() {
	// The top-level configuration lines read by a pattern.
	for _, k := range topLines {
		if k.re != nil {
			leadGated = append(leadGated, struct {
				re      *regexp.Regexp
				letters string
			}{k.re, k.letters})
		}
	}
}

// sameWithLead reports where the gate changes what a pattern finds, or
// containsLower differs from the lower-cased copy.
func sameWithLead(t *testing.T, s string) {
	t.Helper()
	for _, g := range leadGated {
		if got, want := find(lead(s), g.letters, g.re, s), g.re.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("%s on %q: %q, the pattern alone %q", g.re, s, got, want)
		}
	}
	m := certFieldRE.FindStringSubmatch(s)
	if k, v, ok := certField(lead(s), s); ok != (m != nil) || ok && (k != strings.ToLower(m[1]) || v != m[2]) {
		t.Errorf("certField(%q) = %q, %q, %v; the pattern %q", s, k, v, ok, m)
	}
	for _, sub := range []string{"cisco nexus operating system", "nxos", "name"} {
		if got, want := containsLower(s, sub), strings.Contains(strings.ToLower(s), sub); got != want {
			t.Errorf("containsLower(%q, %q) = %v, want %v", s, sub, got, want)
		}
	}
	// ParseHosts tries nsTableRE only on lines holding "name".
	if !containsLower(s, "name") && nsTableRE.MatchString(s) {
		t.Errorf("%q: nsTableRE matches a line without \"name\"", s)
	}
}

func TestLead(t *testing.T) {
	for _, s := range []string{
		"", "   ", "Cisco Nexus Operating System (NX-OS) Software", "  NXOS: version 9.3(5)", " NX-OS: version 10.2(3)F",
		"  system:    version 7.0(3)I7(8)", "  kickstart: version 6.0(2)U6(1)", "  \u212aickstart: version 6.0(2)",
		"  \u017fystem: version 7.0(3)", "  cisco Nexus9000 C9348GC-FXP Chassis", "cisco N9K-C9396PX (\"supervisor\")",
		"  CISCO NEXUS 3064 CHASSIS", "  NXOS image file is: bootflash:///nxos.9.3.5.bin", "  Processor Board ID FDO23110ABC",
		"  Device name: DC-DMZ", "\f\r\tdevice name: x", "\vDevice name: x", "\x00nxos: version 1", "C\u0130SCO NEXUS OPERATING SYSTEM",
		"  BIOS: version 07.68", "Hardware",
		"DNS lookup enabled", "Name servers are 10.10.1.53", "management   management   name-srvr  10.10.1.53",
		"default  default  Name Server(s) 192.0.2.53*", "Host                       Address", "Host Addresses",
		"Trustpoint: cisco-sl-root", "  trustpoint:cisco", "subject=/CN=IdenTrust Commercial Root CA 1", "Serial Number: 0A01",
		"issuer= x", "notAfter=Jan 16 18:12:23 2034 GMT", "SHA1 Fingerprint=AB:CD", "ſubject=x", "K",
		"serial number : 0A:01 \t", "Serial\tNumber=x", "serialnumber=x", "issuer", "issuer :", "notbefore\f=\r", "sha1 fingerprint=\nx", "subject=x\n",
		"sha1  fingerprint=x", "Issuer\x85=x", "subject=é", "\v subject=x", "hostname sw1", "SWITCHNAME sw1", "ſwitchname x", "version 9.3(8)", "Version x",
		`IP Route Table for VRF "management"`, "0.0.0.0/0, ubest/mbest: 1/0", "fe80::/10, ubest", "::/0, x",
		"    *via 10.10.1.1, [1/0], 1d02h, static", "via 10.0.0.1, [1/0], 3w2d, static", "Key",
	} {
		sameWithLead(t, s)
	}
}

func FuzzLead(f *testing.F) {
	for _, s := range []string{"serial number : 0A:01 ", "  NXOS: version 9.3(5)", "  \u212aickstart: version 6.0(2)", "  cisco Nexus9000 C9348GC-FXP Chassis", "C\u0130SCO NEXUS OPERATING SYSTEM"} {
		f.Add(s)
	}
	f.Fuzz(sameWithLead)
}
