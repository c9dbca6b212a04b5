package checks

import (
	"testing"

	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestPLT002(t *testing.T) {
	slpStatus := &snapshot.Snapshot{License: &parsers.License{SLP: true, Ref: lref(cmdLicenseStatus, 1, "Smart Licensing Using Policy:")}}
	runLicCases(t, "PLT002", []licCase{
		{"10.2(3)F", vsnap(readVersion(t, "genieparser-via-muninn__nxos_n9k-c9332d-gx2b_10.2-3F_lxc.txt")), Fail, Info, []string{"10.2(3)", "SLP001-SLP004"}},
		{"SLP layout without show version", slpStatus, Fail, Info, []string{"`show license status` shows Smart Licensing Using Policy"}},
		{"9.3(6) by release alone", vsnap(readVersion(t, "genieparser-via-muninn__nxos_n9k-c9396px_9.3-6uu_upg.txt")), Pass, "", []string{"classic"}},
		{"classic license output", lsnap(seedLic(), lutc(2022, 8, 1, 0, 0)), Pass, "", []string{"classic"}},
		{"N7K", vsnap(lversion("N7K", "C7010", "8.4(2)")), Pass, "", []string{"classic"}},
		{"nothing captured", &snapshot.Snapshot{}, Skipped, "", []string{"`show version`", "`show license status`"}},
		{"N5K without license output", vsnap(lversion("N5K", "C5672UP", "7.3(8)N1(1)")), Skipped, "", []string{"not judged"}},
	})
}
