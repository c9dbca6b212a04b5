package checks

import (
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestLIC001(t *testing.T) {
	disabled := &parsers.License{Enabled: capture.Fact[bool]{Ref: lref(snapshot.CmdLicenseStatus, 1, "Smart Licensing is DISABLED")}}
	noBanner := withLic(func(l *parsers.License) { l.Enabled = capture.Fact[bool]{} })
	odd := withLic(func(l *parsers.License) {
		l.Unrecognised = []capture.Ref{lref(snapshot.CmdLicenseStatus, 30, "  Status: FROBNICATING")}
	})
	slp := lsnap(&parsers.License{SLP: capture.Fact[bool]{Value: true}}, lutc(2023, 9, 1, 0, 0))
	slp.Version = lversion("N9K", "C93180YC-FX", "10.3(6)")
	runLicCases(t, "LIC001", []licCase{
		{"enabled", lsnap(seedLic(), lutc(2022, 8, 1, 0, 0)), Pass, "", []string{"ENABLED"}},
		{"disabled", lsnap(disabled, lutc(2022, 8, 1, 0, 0)), Fail, Warning, []string{"DISABLED"}},
		{"summary without banner", lsnap(noBanner, lutc(2022, 8, 1, 0, 0)), Pass, "", []string{"REGISTERED / AUTHORIZED"}},
		{"unrecognised lines stay visible", lsnap(odd, lutc(2022, 8, 1, 0, 0)), Pass, "", []string{`"Status: FROBNICATING" (tech.txt:30)`}},
		{"no license output", lsnap(nil, lutc(2022, 8, 1, 0, 0)), Skipped, "", []string{"not checked: run `show license status`"}},
		{"empty license output", lsnap(&parsers.License{}, lutc(2022, 8, 1, 0, 0)), Skipped, "", []string{"not checked"}},
		{"SLP release", slp, Skipped, "", []string{"Smart Licensing Using Policy"}},
		{"IOS-XE input", foreign(lsnap(disabled, lutc(2022, 8, 1, 0, 0))), Skipped, "", []string{"PLT003"}},
	})
}
