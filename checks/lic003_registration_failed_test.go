package checks

import (
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestLIC003(t *testing.T) {
	at := lutc(2024, 3, 1, 12, 0)
	initialFailed := func(reason string) *parsers.License {
		return &parsers.License{Registration: parsers.RegistrationState{
			Status:  capture.Fact[string]{Value: "UNREGISTERED - REGISTRATION FAILED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: UNREGISTERED - REGISTRATION FAILED")},
			Initial: lattempt("FAILED", lutc(2024, 3, 1, 10, 0), 8, reason),
		}}
	}
	renewalFailed := withLic(func(l *parsers.License) {
		l.Registration.LastRenewal = lattempt("FAILED", lutc(2023, 6, 1, 10, 0), 9, "Fail to send out Call Home HTTP message")
	})
	noReason := &parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED - REGISTRATION FAILED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: UNREGISTERED - REGISTRATION FAILED")}}}
	eval := &parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: UNREGISTERED")}},
		Authorization: parsers.AuthorizationState{Status: capture.Fact[string]{Value: "EVAL MODE"}}}
	runLicCases(t, "LIC003", []licCase{
		{"registered", lsnap(seedLic(), at), Pass, "", []string{"initial registration SUCCEEDED on 2022-06-22 16:15 UTC"}},
		{"http URL reason", lsnap(initialFailed("Failed to parse response data from SCH server"), at), Fail, Error,
			[]string{`FAILED on 2024-03-01 10:00 UTC: "Failed to parse response data from SCH server"`, "http://", "CH002"}},
		{"send failure reason", lsnap(initialFailed("Fail to send out Call Home HTTP message"), at), Fail, Error,
			[]string{"no TCP/TLS session", "NET001", "IOS-XE"}},
		{"DNS reason", lsnap(initialFailed("Unable to resolve server hostname/domain name"), at), Fail, Error, []string{"DNS001, DNS002, DNS003"}},
		{"unknown reason", lsnap(initialFailed("Something new went wrong"), at), Fail, Error, []string{`"Something new went wrong"`, "does not know this failure text"}},
		{"no reason printed", lsnap(noReason, at), Fail, Error, []string{"printed no failure reason", "LOG001"}},
		{"renewal failed", lsnap(renewalFailed, at), Fail, Error,
			[]string{"the last ID certificate renewal FAILED", "expired 2023-06-22 16:13 UTC, passed 252 days ago", "LIC007"}},
		{"not registered, no attempt", lsnap(eval, at), Skipped, "", []string{"LIC002"}},
		{"no license output", lsnap(nil, at), Skipped, "", []string{"not checked: run `show license status`"}},
	})
}

func TestFailureCauses(t *testing.T) {
	tests := []struct {
		text   string
		checks string
	}{
		{"Failed to parse response data from SCH server", "CH002"},
		{"%LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart Software Manager", "CH002,NET001,NET004,NET002,DNS002,DNS003,NET003,TLS002,TLS001"},
		{"ERR 207 : Connection time out", "NET002,NET003,TLS002,TLS001"},
		{"Could not validate Trust Chain", "TLS002,TLS001,CH004,TLS003"},
		{"Received empty response from server", "CH004,SLP002"},
		{"The identity for the instance 123 is not valid", ""},
		{"failed to establish IPC connection with call-home", "TLS002,TLS001,TLS003"},
	}
	for _, tt := range tests {
		f := failureCauseOf(tt.text)
		if f == nil {
			t.Errorf("%q: no cause", tt.text)
			continue
		}
		if got := strings.Join(f.Checks, ","); got != tt.checks {
			t.Errorf("%q: checks %s, want %s", tt.text, got, tt.checks)
		}
	}
	if failureCauseOf("all good") != nil {
		t.Error("an unrelated text matched a cause")
	}
	for _, f := range failureCauses {
		for _, id := range f.Checks {
			if !inCatalogue(id) {
				t.Errorf("cause %q names %s, not in the catalogue", f.Cause, id)
			}
		}
	}
}

func inCatalogue(id string) bool {
	for _, c := range Catalogue() {
		if c == id {
			return true
		}
	}
	return false
}
