package checks

import (
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

func TestSLP004(t *testing.T) {
	missing := editSLP(func(l *parsers.License) { l.TrustCodeInstalled.Value = false })
	unknown := editSLP(func(l *parsers.License) { l.TrustCodeInstalled = capture.Fact[bool]{} })
	cslu := editSLP(func(l *parsers.License) { l.Transport.Type, l.TrustCodeInstalled.Value = "cslu", false })
	runLicCases(t, "SLP004", []licCase{
		{"installed", slpSnap(slpLic(), nil, slpAt()), Pass, "", []string{"installed"}},
		{"missing on smart", slpSnap(missing, nil, slpAt()), Fail, Warning, []string{"no trust code"}},
		{"not needed on cslu", slpSnap(cslu, nil, slpAt()), Skipped, "", []string{"transport is cslu"}},
		{"line not shown", slpSnap(unknown, nil, slpAt()), Skipped, "", []string{"not checked: run `show license status`"}},
		{"transport unknown", slpSnap(nil, nil, slpAt()), Skipped, "", []string{"not checked"}},
	})
}
