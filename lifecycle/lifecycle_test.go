package lifecycle

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func utc(mo time.Month, d, h, m int, y int) time.Time {
	return time.Date(y, mo, d, h, m, 0, 0, time.UTC)
}

func ref(line int, text string) capture.Ref {
	return capture.Ref{Command: "show license status", Source: "tech.txt", Line: line, Text: text}
}

func attempt(result string, at time.Time, line int) *parsers.Attempt {
	return &parsers.Attempt{Result: result, Time: at, Ref: ref(line, result)}
}

func timed(at time.Time, line int) *parsers.Timed {
	return &parsers.Timed{Time: at, Ref: ref(line, at.String())}
}

// seedLicense is the `show license status` of Cisco doc 217965 (9.3(4)).
func seedLicense() *parsers.License {
	return &parsers.License{
		Enabled: capture.Fact[bool]{Value: true, Ref: ref(1, "Smart Licensing is ENABLED")},
		Registration: parsers.RegistrationState{
			Status:      capture.Fact[string]{Value: "REGISTERED"},
			Initial:     attempt("SUCCEEDED", utc(time.June, 22, 16, 15, 2022), 9),
			LastRenewal: &parsers.Attempt{Result: "None"},
			NextRenewal: timed(utc(time.December, 19, 16, 15, 2022), 11),
			Expires:     timed(utc(time.June, 22, 16, 13, 2023), 12),
		},
		Authorization: parsers.AuthorizationState{
			Status:            capture.Fact[string]{Value: "AUTHORIZED"},
			StatusTime:        utc(time.June, 22, 16, 15, 2022),
			LastCommunication: attempt("SUCCEEDED", utc(time.June, 22, 16, 15, 2022), 16),
			NextCommunication: timed(utc(time.July, 22, 16, 15, 2022), 17),
			Deadline:          timed(utc(time.September, 20, 16, 12, 2022), 18),
		},
	}
}

func snap(l *parsers.License, at time.Time) *snapshot.Snapshot {
	s := &snapshot.Snapshot{Source: "tech.txt", License: l}
	if !at.IsZero() {
		s.CapturedAt = capture.Fact[time.Time]{Value: at, Ref: capture.Ref{Command: "show clock", Source: "tech.txt", Line: 3, Text: "16:00:00.000 UTC Mon Aug 01 2022"}}
	}
	s.Path = snapshot.PathOf(s)
	return s
}

func TestComputeNoLicense(t *testing.T) {
	if l := Compute(&snapshot.Snapshot{}); l != nil {
		t.Fatalf("Compute without license output = %+v, want nil", l)
	}
	// IOS-XE output or two devices mixed (PLT003): no lifecycle either.
	ref := []capture.Ref{{Source: "t.txt", Line: 1, Text: "c1000v#show license status"}}
	for _, s := range []*snapshot.Snapshot{{License: seedLicense(), Foreign: ref}, {License: seedLicense(), Mixed: ref}} {
		if l := Compute(s); l != nil {
			t.Errorf("Compute on input PLT003 rejects = %+v, want nil", l)
		}
	}
}

func TestComputeAuthorized(t *testing.T) {
	l := Compute(snap(seedLicense(), utc(time.August, 1, 16, 0, 2022)))
	if l.State != StateAuthorized || l.Mode != "classic" || !l.Judged {
		t.Fatalf("state %q mode %q judged %v", l.State, l.Mode, l.Judged)
	}
	if l.CapturedAtFrom != "`show clock`, tech.txt:3" {
		t.Errorf("CapturedAtFrom = %q", l.CapturedAtFrom)
	}
	var kinds []Kind
	for _, e := range l.Events {
		kinds = append(kinds, e.Kind)
	}
	want := []Kind{KindRegistered, KindLastSuccess, KindNextAttempt, KindCaptured, KindDeadline, KindNextRenewal, KindExpires}
	if !slices.Equal(kinds, want) {
		t.Errorf("events %v, want %v", kinds, want)
	}
	if d := l.Event(KindDeadline).Left; d == nil || d.Days != 50 || d.Passed {
		t.Errorf("deadline left = %+v, want 50 days ahead", d)
	}
	if d := l.Event(KindExpires).Left; d == nil || d.Days != 325 {
		t.Errorf("expiry left = %+v, want 325 days", d)
	}
	if d := l.Event(KindNextAttempt).Left; d == nil || !d.Passed {
		t.Errorf("next attempt left = %+v, want passed", d)
	}
	if l.Event(KindCaptured).Left != nil {
		t.Error("the capture event must not measure itself")
	}
	mustContain(t, l.Next, "every 30 days", "every 6 months")
	mustContain(t, l.Deadlines, "Communication deadline (2022-09-20 16:12 UTC, in 50 days)", "Registration expiry (2023-06-22 16:13 UTC, in 325 days)", "no functional impact")
}

func TestComputeWithoutCaptureTime(t *testing.T) {
	l := Compute(snap(seedLicense(), time.Time{}))
	if l.Judged || l.CapturedAt != nil || !strings.Contains(l.NotJudged, "show clock") {
		t.Fatalf("judged %v captured %v note %q", l.Judged, l.CapturedAt, l.NotJudged)
	}
	for _, e := range l.Events {
		if e.Left != nil || e.Kind == KindCaptured {
			t.Errorf("event %s judged without a capture time", e.Kind)
		}
	}
	mustContain(t, l.Deadlines, "Communication deadline (2022-09-20 16:12 UTC):")
}

func TestComputeStates(t *testing.T) {
	at := utc(time.October, 1, 12, 0, 2022)
	tests := []struct {
		name      string
		edit      func(*parsers.License)
		state     State
		next      []string
		deadlines []string
	}{
		{"renewal failing while authorized", func(l *parsers.License) {
			l.Authorization.LastCommunication = attempt("FAILED", utc(time.September, 30, 16, 0, 2022), 16)
			l.Authorization.LastCommunication.Reason.Value = "Fail to send out Call Home HTTP message"
			l.Authorization.Deadline = timed(utc(time.October, 20, 16, 0, 2022), 18)
		}, StateAuthorized, []string{"every 23 hours"}, []string{"in 19 days"}},
		{"deadline passed", func(l *parsers.License) {
			l.Authorization.Status.Value = "AUTHORIZATION EXPIRED"
			l.Authorization.LastCommunication = attempt("FAILED", utc(time.October, 1, 11, 0, 2022), 16)
		}, StateAuthorizationExpired, []string{"every hour until the ID certificate expires (2023-06-22 16:13 UTC, in 264 days)"}, []string{"passed 10 days ago): the authorization has expired, CSSM returns"}},
		{"out of compliance", func(l *parsers.License) {
			l.Authorization.Status.Value = "OUT OF COMPLIANCE"
		}, StateOutOfCompliance, []string{"daily", "every 15 minutes for 2 hours, then every 4 hours"}, nil},
		{"ID certificate renewal failing", func(l *parsers.License) {
			l.Registration.LastRenewal = attempt("FAILED", utc(time.September, 30, 10, 0, 2022), 10)
		}, StateAuthorized, []string{"ID certificate renewal failing: the device retries every hour"}, nil},
		{"evaluation", func(l *parsers.License) {
			*l = parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED"}},
				Authorization: parsers.AuthorizationState{Status: capture.Fact[string]{Value: "EVAL MODE"}},
				Evaluation:    &parsers.Evaluation{Remaining: 46*24*time.Hour + 7*time.Hour + 17*time.Minute}}
		}, StateEvaluation, []string{"does not contact Cisco"}, []string{"EVAL EXPIRED: no functional impact"}},
		{"evaluation expired", func(l *parsers.License) {
			*l = parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED"}},
				Authorization: parsers.AuthorizationState{Status: capture.Fact[string]{Value: "EVAL EXPIRED"}}}
		}, StateEvalExpired, []string{"does not contact Cisco"}, []string{"no functional impact"}},
		{"disabled", func(l *parsers.License) {
			*l = parsers.License{Enabled: capture.Fact[bool]{Ref: ref(1, "Smart Licensing is DISABLED")}}
		}, StateDisabled, []string{"sends no licensing messages"}, nil},
		{"unrecognised status", func(l *parsers.License) {
			l.Registration.Status.Value = "FROBNICATED"
			l.Authorization.Status.Value = "SOMETHING NEW"
		}, StateUnknown, []string{"Not known"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lic := seedLicense()
			tt.edit(lic)
			l := Compute(snap(lic, at))
			if l.State != tt.state {
				t.Fatalf("state %q, want %q (summary %q)", l.State, tt.state, l.Summary)
			}
			mustContain(t, l.Next, tt.next...)
			mustContain(t, l.Deadlines, tt.deadlines...)
			if l.Summary == "" {
				t.Error("empty summary")
			}
		})
	}
}

func TestEvaluationLeft(t *testing.T) {
	lic := &parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED"}},
		Authorization: parsers.AuthorizationState{Status: capture.Fact[string]{Value: "EVAL MODE"}},
		Evaluation:    &parsers.Evaluation{Remaining: 46*24*time.Hour + 7*time.Hour + 17*time.Minute + 24*time.Second}}
	l := Compute(snap(lic, time.Time{}))
	if l.EvaluationLeft == nil || l.EvaluationLeft.Days != 46 || l.EvaluationLeft.Hours != 7 {
		t.Fatalf("EvaluationLeft = %+v", l.EvaluationLeft)
	}
	if !strings.Contains(l.Summary, "46 days of evaluation use left (counted in use, not calendar days)") {
		t.Errorf("summary %q", l.Summary)
	}
}

func TestRegistrationRetryPhase(t *testing.T) {
	failedAt := utc(time.March, 1, 10, 0, 2024)
	lic := &parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED - REGISTRATION FAILED"},
		Initial: &parsers.Attempt{Result: "FAILED", Time: failedAt, Reason: capture.Fact[string]{Value: "Fail to send out Call Home HTTP message"}}}}
	tests := []struct {
		at   time.Time
		want string
	}{
		{failedAt.Add(time.Hour), "in the 15-minute phase, which ends 2024-03-01 14:00 UTC"},
		{failedAt.Add(5 * time.Hour), "the 15-minute phase ended 2024-03-01 14:00 UTC, so at capture time it retried hourly"},
		{time.Time{}, "every 15 minutes for 4 hours, then every hour until it succeeds"},
	}
	for _, tt := range tests {
		l := Compute(snap(lic, tt.at))
		if l.State != StateRegistrationFailed {
			t.Fatalf("state %q", l.State)
		}
		mustContain(t, l.Next, tt.want)
		if e := l.Event(KindLastFailure); e == nil || !e.Time.Equal(failedAt) {
			t.Errorf("last failure event = %+v", e)
		}
	}
}

func TestComputeSLP(t *testing.T) {
	pdt := time.FixedZone("PDT", -7*3600)
	lic := &parsers.License{SLP: capture.Fact[bool]{Value: true},
		Transport: parsers.SLPTransport{Type: "Smart", URL: capture.Fact[string]{Value: "https://smartreceiver.cisco.com/licservice/license"}},
		Usage: parsers.UsageReporting{
			LastACK:      timed(time.Date(2023, 8, 30, 19, 3, 0, 0, pdt), 40),
			NextDeadline: timed(time.Date(2023, 10, 29, 19, 3, 0, 0, pdt), 41),
			NextPush:     timed(time.Date(2023, 8, 30, 21, 4, 57, 0, pdt), 43),
		}}
	l := Compute(snap(lic, time.Date(2023, 9, 1, 11, 4, 51, 0, pdt)))
	if l.Mode != "slp" || l.State != StateSLP {
		t.Fatalf("mode %q state %q", l.Mode, l.State)
	}
	if d := l.Event(KindACKDeadline).Left; d == nil || d.Days != 58 || d.Passed {
		t.Errorf("ACK deadline left = %+v, want 58 days", d)
	}
	mustContain(t, l.Next, "transport smart to https://smartreceiver.cisco.com:443")
	mustContain(t, l.Deadlines, "Next ACK deadline (2023-10-29 19:03 PDT, in 58 days)", "not enforced")

	off := Compute(snap(&parsers.License{SLP: capture.Fact[bool]{Value: true}, Transport: parsers.SLPTransport{Type: "Transport Off"},
		Usage: parsers.UsageReporting{LastACKNone: true}}, time.Time{}))
	mustContain(t, off.Next, "transport off")
	mustContain(t, off.Deadlines, "has ever been acknowledged")
}

func mustContain(t *testing.T, got []string, want ...string) {
	t.Helper()
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in:\n%s", w, all)
		}
	}
}

// A report read back (slcheck merge) holds only kinds slcheck writes: the
// timeline has a marker for each.
func TestKindFromJSON(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Kind
		err  string
	}{
		{`{"kind": "ack-deadline"}`, KindACKDeadline, ""},
		{`{"kind": "captured"}`, KindCaptured, ""},
		{`{"kind": "frobnicated"}`, "", `lifecycle event kind "frobnicated" is not one slcheck writes`},
		{`{"kind": "\u001b[31m"}`, "", `lifecycle event kind "\x1b[31m" is not one slcheck writes`},
		{`{"kind": ""}`, "", `lifecycle event kind "" is not one slcheck writes`},
		{`{"kind": 7}`, "", "cannot unmarshal number"},
	} {
		var e Event
		err := json.Unmarshal([]byte(tt.in), &e)
		switch {
		case tt.err == "" && (err != nil || e.Kind != tt.want):
			t.Errorf("%s: kind %q, error %v; want %q", tt.in, e.Kind, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want %q", tt.in, err, tt.err)
		}
	}
}
