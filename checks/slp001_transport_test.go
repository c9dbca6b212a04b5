package checks

import (
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

func TestSLP001(t *testing.T) {
	off := editSLP(func(l *parsers.License) { l.Transport.Type = "Transport Off" })
	cfgOff := &parsers.LicenseConfig{Transport: capture.Fact[string]{Value: "off", Ref: lref(cmdRunningConfig, 40, "license smart transport off")}}
	runLicCases(t, "SLP001", []licCase{
		{"smart", slpSnap(slpLic(), nil, slpAt()), Pass, "", []string{"transport is smart"}},
		{"status says off", slpSnap(off, nil, slpAt()), Fail, Warning, []string{"transport is off"}},
		{"config says off", slpSnap(nil, cfgOff, slpAt()), Fail, Warning, []string{"transport is off"}},
		{"whole config without transport", slpSnap(nil, &parsers.LicenseConfig{}, slpAt()), Fail, Warning, []string{"no `license smart transport`"}},
		{"nothing captured about SLP", slpSnap(nil, nil, slpAt()), Skipped, "", []string{"not checked: run `show license status` and `show running-config | include license`"}},
		{"classic release", lsnap(seedLic(), lutc(2022, 8, 1, 0, 0)), Skipped, "", []string{"classic Smart Licensing"}},
	})
	c, _ := Lookup("SLP001")
	r := c.Judge(slpSnap(off, nil, slpAt()))
	if got := r.Remedy.Config; len(got) != 5 || got[3] != "end" || got[1] != "license smart transport smart" || got[2] != "license smart url smart "+smartReceiverURL {
		t.Errorf("remedy config %q", got)
	}
}
