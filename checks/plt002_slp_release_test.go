package checks

import (
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestPLT002(t *testing.T) {
	slpStatus := &snapshot.Snapshot{License: &parsers.License{SLP: capture.Fact[bool]{Value: true, Ref: lref(snapshot.CmdLicenseStatus, 1, "Smart Licensing Using Policy:")}}}
	usage := &snapshot.Snapshot{License: &parsers.License{SLP: capture.Fact[bool]{Value: true, Ref: lref("show license usage", 3, "  Status: Not Applicable")}}}
	// A 10.x show version beside classic licence output: a capture taken
	// across an upgrade.
	upgraded := lsnap(seedLic(), lutc(2022, 8, 1, 0, 0))
	upgraded.Version = lversion("N9K", "C93180YC-FX", "10.3(6)")
	// A 9.3 show version beside SLP licence output.
	downgraded := lsnap(&parsers.License{SLP: capture.Fact[bool]{Value: true, Ref: lref("show license usage", 3, "  Status: Not Applicable")}}, lutc(2022, 8, 1, 0, 0))
	runLicCases(t, "PLT002", []licCase{
		{"10.2(3)F", vsnap(readVersion(t, "genieparser-via-muninn__nxos_n9k-c9332d-gx2b_10.2-3F_lxc.txt")), Fail, Info, []string{"10.2(3)", "SLP001-SLP004"}},
		{"SLP layout without show version", slpStatus, Fail, Info, []string{"`show license status` shows Smart Licensing Using Policy"}},
		{"9.3(6) by release alone", vsnap(readVersion(t, "genieparser-via-muninn__nxos_n9k-c9396px_9.3-6uu_upg.txt")), Pass, "", []string{"classic"}},
		{"classic license output", lsnap(seedLic(), lutc(2022, 8, 1, 0, 0)), Pass, "", []string{"classic"}},
		{"N7K", vsnap(lversion("N7K", "C7010", "8.4(2)")), Pass, "", []string{"classic"}},
		{"SLP usage without show version", usage, Fail, Info, []string{"`show license usage` shows Smart Licensing Using Policy", "Not Applicable"}},
		{"10.x show version, classic licence output", upgraded, Fail, Warning, []string{"disagrees", "NXOS: version 10.3(6)", "Status: REGISTERED", "judges the switch as Smart Licensing Using Policy"}},
		{"9.3 show version, SLP licence output", downgraded, Fail, Warning, []string{"disagrees", "Not Applicable", "judges the switch as classic Smart Licensing"}},
		{"nothing captured", &snapshot.Snapshot{}, Skipped, "", []string{"`show version`", "`show license status`"}},
		// PLT001 fails on these: PLT002 must not say they run classic Smart Licensing.
		{"N3064 on 9.3(7)", vsnap(lversion("N3K", "C3064PQ", "9.3(7)")), Skipped, "", []string{"cannot run Smart Licensing", "PLT001"}},
		{"N7K 6.2(14)", vsnap(readVersion(t, "napalm__nxos_n7k-c7009_6.2-14.txt")), Skipped, "", []string{"cannot run Smart Licensing"}},
		{"N3K 6.0(2)U6(1)", vsnap(lversion("N3K", "C3172PQ", "6.0(2)U6(1)")), Skipped, "", []string{"cannot run Smart Licensing"}},
		{"N5K without license output", vsnap(lversion("N5K", "C5672UP", "7.3(8)N1(1)")), Skipped, "", []string{"not judged"}},
	})
}
