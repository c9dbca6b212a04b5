package checks

import (
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

// Test helpers of the platform, licence, SLP and clock checks.

const cmdRunningConfig = "show running-config"

type licCase struct {
	name   string
	snap   *snapshot.Snapshot
	status Status
	sev    Severity // checked for failures
	want   []string // substrings of the message or the skip reason
}

func runLicCases(t *testing.T, id string, cases []licCase) {
	t.Helper()
	c, ok := Lookup(id)
	if !ok {
		t.Fatalf("%s is not registered", id)
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Judge(tt.snap)
			wantSays(t, r, tt.status, tt.want)
			if r.ID != id || r.Title == "" {
				t.Errorf("result lacks its metadata: %+v", r)
			}
			switch r.Status {
			case Fail:
				if r.Severity != tt.sev {
					t.Errorf("severity %s, want %s", r.Severity, tt.sev)
				}
				if len(r.Evidence) == 0 {
					t.Error("a failure without evidence")
				}
				if r.Remedy == nil && r.Severity != Info {
					t.Error("a failure without remedy")
				}
			case Skipped:
				if r.Reason == "" {
					t.Error("skipped without a reason")
				}
			case Pass:
				if r.Message == "" {
					t.Error("pass without a message")
				}
			}
		})
	}
}

func lref(cmd string, line int, text string) capture.Ref {
	return capture.Ref{Command: cmd, Source: "tech.txt", Line: line, Text: text}
}

func lutc(y int, mo time.Month, d, h, m int) time.Time {
	return time.Date(y, mo, d, h, m, 0, 0, time.UTC)
}

func lattempt(result string, at time.Time, line int, reason string) *parsers.Attempt {
	a := &parsers.Attempt{Result: result, Time: at, Ref: lref(snapshot.CmdLicenseStatus, line, "Attempt: "+result)}
	if reason != "" {
		a.Reason = capture.Fact[string]{Value: reason, Ref: lref(snapshot.CmdLicenseStatus, line+1, "Failure reason: "+reason)}
	}
	return a
}

func ltimed(at time.Time, line int) *parsers.Timed {
	return &parsers.Timed{Time: at, Ref: lref(snapshot.CmdLicenseStatus, line, at.Format(time.RFC1123))}
}

// seedLic is `show license status` of Cisco doc 217965 on 9.3(4).
func seedLic() *parsers.License {
	return &parsers.License{
		Enabled: capture.Fact[bool]{Value: true, Ref: lref(snapshot.CmdLicenseStatus, 1, "Smart Licensing is ENABLED")},
		Registration: parsers.RegistrationState{
			Status:         capture.Fact[string]{Value: "REGISTERED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: REGISTERED")},
			VirtualAccount: "Default",
			Initial:        lattempt("SUCCEEDED", lutc(2022, time.June, 22, 16, 15), 8, ""),
			LastRenewal:    &parsers.Attempt{Result: "None", Ref: lref(snapshot.CmdLicenseStatus, 9, "Last Renewal Attempt: None")},
			NextRenewal:    ltimed(lutc(2022, time.December, 19, 16, 15), 10),
			Expires:        ltimed(lutc(2023, time.June, 22, 16, 13), 11),
		},
		Authorization: parsers.AuthorizationState{
			Status:            capture.Fact[string]{Value: "AUTHORIZED", Ref: lref(snapshot.CmdLicenseStatus, 14, "Status: AUTHORIZED on Jun 22 16:15:44 2022 UTC")},
			StatusTime:        lutc(2022, time.June, 22, 16, 15),
			LastCommunication: lattempt("SUCCEEDED", lutc(2022, time.June, 22, 16, 15), 15, ""),
			NextCommunication: ltimed(lutc(2022, time.July, 22, 16, 15), 16),
			Deadline:          ltimed(lutc(2022, time.September, 20, 16, 12), 17),
		},
	}
}

func lversion(family, model, release string) *parsers.Version {
	chassis := "Nexus" + strings.TrimPrefix(family, "N") + " " + model
	return &parsers.Version{NXOS: true, ReleaseRaw: release, Family: family, Model: model,
		Release: capture.Fact[string]{Value: release, Ref: lref(snapshot.CmdVersion, 22, "NXOS: version "+release)},
		Chassis: capture.Fact[string]{Value: chassis, Ref: lref(snapshot.CmdVersion, 28, "cisco "+chassis+" Chassis")}}
}

// lsnap builds a classic 9.3(4) N9K snapshot with the given license output,
// captured at `at` (zero: unknown).
func lsnap(l *parsers.License, at time.Time) *snapshot.Snapshot {
	s := &snapshot.Snapshot{Source: "tech.txt", Commands: map[string]bool{}, License: l,
		Version: lversion("N9K", "C93180YC-FX", "9.3(4)")}
	if !at.IsZero() {
		s.CapturedAt = capture.Fact[time.Time]{Value: at, Ref: lref(snapshot.CmdClock, 3, at.Format("15:04:05.000 MST Mon Jan 02 2006"))}
	}
	return s
}

// withLic returns the seed license edited by f.
func withLic(f func(*parsers.License)) *parsers.License {
	l := seedLic()
	f(l)
	return l
}

// foreign is input PLT003 rejects: every other check must not judge it.
func foreign(s *snapshot.Snapshot) *snapshot.Snapshot {
	s.Foreign = []capture.Ref{lref("show call-home", 1, "Current call home settings:")}
	return s
}
