package checks

import (
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestLIC002(t *testing.T) {
	at := lutc(2022, 8, 1, 0, 0)
	eval := &parsers.License{
		Registration:  parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: UNREGISTERED")}},
		Authorization: parsers.AuthorizationState{Status: capture.Fact[string]{Value: "EVAL MODE", Ref: lref(snapshot.CmdLicenseStatus, 8, "Status: EVAL MODE")}},
		Evaluation: &parsers.Evaluation{Remaining: 46*24*time.Hour + 7*time.Hour + 17*time.Minute,
			Ref: lref(snapshot.CmdLicenseStatus, 9, "Evaluation Period Remaining: 46 days, 7 hours, 17 minutes, 24 seconds")},
	}
	expired := &parsers.License{
		Registration:  parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: UNREGISTERED")}},
		Authorization: parsers.AuthorizationState{Status: capture.Fact[string]{Value: "EVAL EXPIRED", Ref: lref(snapshot.CmdLicenseStatus, 8, "Status: EVAL EXPIRED")}},
	}
	failed := &parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED - REGISTRATION FAILED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: UNREGISTERED - REGISTRATION FAILED")}}}
	plain := &parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: UNREGISTERED")}}}
	odd := withLic(func(l *parsers.License) {
		l.Registration.Status.Value, l.Authorization.Status.Value = "HALF-REGISTERED", "PONDERING"
	})
	registering := &parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "REGISTERING - REGISTRATION IN PROGRESS", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: REGISTERING - REGISTRATION IN PROGRESS")}}}
	runLicCases(t, "LIC002", []licCase{
		{"registered", lsnap(seedLic(), at), Pass, "", []string{"REGISTERED"}},
		{"evaluation with days left", lsnap(eval, at), Fail, Warning, []string{"evaluation mode with 46 days of evaluation use left"}},
		{"evaluation expired", lsnap(expired, at), Fail, Warning, []string{"EVAL EXPIRED", "features keep working"}},
		{"registration failed", lsnap(failed, at), Fail, Warning, []string{"LIC003"}},
		{"never registered", lsnap(plain, at), Fail, Warning, []string{"not been registered"}},
		{"registration in progress", lsnap(registering, at), Fail, Info, []string{"in progress"}},
		{"unrecognised status", lsnap(odd, at), Skipped, "", []string{`"HALF-REGISTERED / PONDERING"`}},
		{"no license output", lsnap(nil, at), Skipped, "", []string{"not checked: run `show license status`"}},
	})
}

func TestLIC002Remedy(t *testing.T) {
	c, _ := Lookup("LIC002")
	r := c.Judge(lsnap(&parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: UNREGISTERED")}}}, time.Time{}))
	if r.Remedy == nil || len(r.Remedy.Notes) == 0 || r.Remedy.Notes[0] != "Run in exec mode: `license smart register idtoken <ID-token-from-CSSM> force`; the token is a secret of the Smart Account: do not paste it into tickets." {
		t.Errorf("remedy %+v", r.Remedy)
	}
}
