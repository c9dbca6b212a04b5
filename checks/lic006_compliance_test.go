package checks

import (
	"testing"

	"github.com/slcheck/slcheck/parsers"
)

func TestLIC006(t *testing.T) {
	at := lutc(2022, 8, 1, 0, 0)
	ooc := withLic(func(l *parsers.License) { l.Authorization.Status.Value = "OUT OF COMPLIANCE" })
	expired := withLic(func(l *parsers.License) { l.Authorization.Status.Value = "AUTHORIZATION EXPIRED" })
	noAuth := withLic(func(l *parsers.License) { l.Authorization = parsers.AuthorizationState{} })
	runLicCases(t, "LIC006", []licCase{
		{"authorized", lsnap(seedLic(), at), Pass, "", []string{"in compliance"}},
		{"out of compliance", lsnap(ooc, at), Fail, Warning, []string{"OUT OF COMPLIANCE", "Virtual Account Default", "CSSM"}},
		{"authorization expired", lsnap(expired, at), Skipped, "", []string{"LIC005"}},
		{"registered, no authorization yet", lsnap(noAuth, at), Skipped, "", []string{"no authorization status"}},
		{"no license output", lsnap(nil, at), Skipped, "", []string{"not checked"}},
	})
	c, _ := Lookup("LIC006")
	if r := c.Judge(lsnap(ooc, at)); len(r.Remedy.Config) != 0 {
		t.Errorf("out of compliance is fixed in CSSM, not with config: %v", r.Remedy.Config)
	}
}
