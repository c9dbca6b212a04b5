package lifecycle

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

// Kind is what a date of the lifecycle is (the JSON contract's
// lifecycle.events[].kind).
type Kind string

// Event kinds, one marker each on the timeline.
const (
	KindRegistered  Kind = "registered"
	KindLastFailure Kind = "last-failure"
	KindLastSuccess Kind = "last-success"
	KindCaptured    Kind = "captured"
	KindNextAttempt Kind = "next-attempt"
	KindNextRenewal Kind = "next-renewal"
	KindDeadline    Kind = "communication-deadline"
	KindExpires     Kind = "registration-expires"
	KindLastACK     Kind = "last-ack"
	KindNextPush    Kind = "next-report"
	KindACKDeadline Kind = "ack-deadline"
)

const (
	sourceDoc217965  = "Cisco doc 217965"
	noImpactSentence = "Licensed features keep working in every Smart Licensing state, expired ones included: no functional impact (" + sourceDoc217965 + ")."
)

// markers are the timeline letters of each kind.
var markers = map[Kind]byte{
	KindRegistered: 'R', KindLastFailure: 'F', KindLastSuccess: 'L', KindCaptured: 'C',
	KindNextAttempt: 'N', KindNextRenewal: 'W', KindDeadline: 'D', KindExpires: 'E',
	KindLastACK: 'A', KindNextPush: 'P', KindACKDeadline: 'D',
}

// Lifecycle is where one device stands.
type Lifecycle struct {
	// Mode is "classic" or "slp".
	Mode snapshot.Mode `json:"mode"`
	// State is one of the State constants; Status is the device's own
	// words for it.
	State   State  `json:"state"`
	Status  string `json:"status"`
	Summary string `json:"summary"`
	// CapturedAt is the time the deadlines were judged against and
	// CapturedAtFrom the command and line it was read from; Judged is false
	// when the capture does not say, and NotJudged then says what to capture.
	CapturedAt     *time.Time `json:"captured_at,omitempty"`
	CapturedAtFrom string     `json:"captured_at_from,omitempty"`
	Judged         bool       `json:"judged"`
	NotJudged      string     `json:"not_judged,omitempty"`
	// EvaluationLeft is the evaluation time left, in days of use.
	EvaluationLeft *Delta `json:"evaluation_left,omitempty"`
	// Events are the dates the device printed, and the capture, in time order.
	Events []Event `json:"events"`
	// Next says what the device will do next by itself (its retry schedule).
	Next []string `json:"next"`
	// Deadlines says what happens at each deadline.
	Deadlines []string `json:"deadlines"`
}

// Event is one date of the lifecycle.
type Event struct {
	Kind  Kind      `json:"kind"`
	Label string    `json:"label"`
	Time  time.Time `json:"time"`
	// Zone is the zone abbreviation the device printed with the time (""
	// when it printed none, which was read as UTC); Time holds its offset.
	// A report read back (slcheck merge) prints the time as the device did.
	Zone string `json:"zone"`
	// Source is the line the date came from ("file:line").
	Source string `json:"source,omitempty"`
	// Left is the time from the capture to the event (Passed when before
	// it); nil when the capture time is unknown or for the capture itself.
	Left *Delta `json:"left,omitempty"`
}

// Compute reads the license state of a snapshot. It returns nil when the
// capture holds no license output, or output that is not one NX-OS
// device's (IOS-XE, or several devices mixed: PLT003), which no check
// judges either.
func Compute(s *snapshot.Snapshot) *Lifecycle {
	lic := s.License
	if lic == nil || len(s.Foreign) > 0 || len(s.Mixed) > 0 {
		return nil
	}
	l := &Lifecycle{Mode: snapshot.ModeClassic, State: StateOf(lic), Events: []Event{}, Next: []string{}, Deadlines: []string{}}
	if lic.SLP.Value {
		l.Mode = snapshot.ModeSLP
	}
	l.Status = deviceStatus(lic)
	if at := s.CapturedAt; !at.Value.IsZero() {
		l.CapturedAt = &at.Value
		l.CapturedAtFrom = at.Ref.Cite()
		l.Judged = true
		l.add(KindCaptured, "capture", at.Value, at.Ref)
	} else {
		l.NotJudged = "the capture does not say when it was taken, so deadlines were not judged: capture `show clock` with the other commands"
	}
	if ev := lic.Evaluation; ev != nil && !ev.Expired {
		d := DeltaOf(ev.Remaining)
		l.EvaluationLeft = &d
	}
	if l.Mode == snapshot.ModeSLP {
		l.slp(lic, s.Path)
	} else {
		l.classic(lic)
	}
	sort.SliceStable(l.Events, func(i, j int) bool { return l.Events[i].Time.Before(l.Events[j].Time) })
	if l.Judged {
		for i := range l.Events {
			if l.Events[i].Kind != KindCaptured {
				d := Until(*l.CapturedAt, l.Events[i].Time)
				l.Events[i].Left = &d
			}
		}
	}
	return l
}

// Event returns the event of a kind, or nil.
func (l *Lifecycle) Event(kind Kind) *Event {
	for i := range l.Events {
		if l.Events[i].Kind == kind {
			return &l.Events[i]
		}
	}
	return nil
}

func (l *Lifecycle) add(kind Kind, label string, t time.Time, ref capture.Ref) {
	if t.IsZero() {
		return
	}
	zone, _ := t.Zone()
	l.Events = append(l.Events, Event{Kind: kind, Label: label, Time: t, Zone: zone, Source: ref.String()})
}

// addTimed adds the date t of the license output, if it printed one.
func (l *Lifecycle) addTimed(kind Kind, label string, t *parsers.Timed) {
	if t != nil {
		l.add(kind, label, t.Time, t.Ref)
	}
}

// UnmarshalJSON reads a kind of a JSON report (slcheck merge): one slcheck
// does not write is an error, as the timeline has no marker for it.
func (k *Kind) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if _, ok := markers[Kind(s)]; !ok {
		return fmt.Errorf("lifecycle event kind %q is not one slcheck writes", s)
	}
	*k = Kind(s)
	return nil
}

// UnmarshalJSON reads an event of a JSON report with its time in the
// zone the device printed (JSON keeps the offset, not the name).
func (e *Event) UnmarshalJSON(b []byte) error {
	type plain Event
	if err := json.Unmarshal(b, (*plain)(e)); err != nil {
		return err
	}
	_, off := e.Time.Zone()
	e.Time = e.Time.In(time.FixedZone(e.Zone, off))
	return nil
}

// when says a date and, when the capture time is known, how far it is.
func (l *Lifecycle) when(t time.Time) string {
	if !l.Judged {
		return FormatTime(t)
	}
	return FormatTime(t) + ", " + Until(*l.CapturedAt, t).String()
}

func (l *Lifecycle) classic(lic *parsers.License) {
	reg, auth := lic.Registration, lic.Authorization
	if a := reg.Initial; a != nil && succeeded(a) {
		l.add(KindRegistered, "initial registration", a.Time, a.Ref)
	}
	if a := lastFailure(reg.Initial, reg.LastRenewal, auth.LastCommunication); a != nil {
		l.add(KindLastFailure, "last failed attempt", a.Time, a.Ref)
	}
	if t, ref := lastSuccess(lic); !t.IsZero() {
		l.add(KindLastSuccess, "last successful communication", t, ref)
	}
	l.addTimed(KindNextAttempt, "next communication attempt", auth.NextCommunication)
	l.addTimed(KindNextRenewal, "next ID certificate renewal", reg.NextRenewal)
	l.addTimed(KindDeadline, "communication deadline", auth.Deadline)
	l.addTimed(KindExpires, "registration expires", reg.Expires)
	l.summarise(lic)
	l.retries(lic)
	l.deadlines(lic)
}

// summaries say each classic state in a sentence.
var summaries = map[State]string{
	StateDisabled:             "Smart Licensing is disabled: the device does not contact Cisco.",
	StateEvaluation:           "Evaluation (not registered): everything works, and the device does not contact Cisco.",
	StateEvalExpired:          "Evaluation period used up (EVAL EXPIRED) and not registered.",
	StateUnregistered:         "Not registered: the device does not contact Cisco until it is registered with an ID token.",
	StateRegistering:          "Registration in progress.",
	StateRegistrationFailed:   "Registration failed: the device is not registered and keeps retrying.",
	StateRegistered:           "Registered; no authorization status printed yet.",
	StateAuthorized:           "Registered and authorized: licenses in use are in compliance.",
	StateOutOfCompliance:      "Registered but out of compliance: the Virtual Account lacks licenses (fixed in CSSM, not on the switch).",
	StateAuthorizationExpired: "Authorization expired: the device has not reached Cisco for 90 days; CSSM has returned its licenses to the pool.",
}

func (l *Lifecycle) summarise(lic *parsers.License) {
	summary, known := summaries[l.State]
	switch {
	case l.State == StateEvaluation && l.EvaluationLeft != nil:
		l.Summary = fmt.Sprintf("Evaluation (not registered): %s of evaluation use left (counted in use, not calendar days); the device does not contact Cisco.",
			strings.TrimPrefix(l.EvaluationLeft.String(), "in "))
	case known:
		l.Summary = summary
	default:
		l.Summary = fmt.Sprintf("State not recognised by slcheck (%s): read `show license status` on the device.", l.Status)
	}
	if Failed(lic.Authorization.LastCommunication) && Registered(l.State) {
		l.Summary += " Its last communication attempt failed."
	}
}

// retries says what the device does next by itself, from the retry
// schedules of Cisco doc 217965 (docs/smart-licensing.md §3).
func (l *Lifecycle) retries(lic *parsers.License) {
	reg, auth := lic.Registration, lic.Authorization
	switch l.State {
	case StateDisabled:
		l.Next = append(l.Next, "Nothing: with Smart Licensing disabled the device sends no licensing messages.")
		return
	case StateEvaluation, StateEvalExpired, StateUnregistered:
		l.Next = append(l.Next, "Nothing: an unregistered device does not contact Cisco until `license smart register idtoken <token>` is run.")
		return
	case StateRegistrationFailed:
		l.Next = append(l.Next, l.registrationRetry(reg.Initial))
		return
	}
	if Failed(reg.LastRenewal) {
		s := "ID certificate renewal failing: the device retries every hour until the ID certificate expires"
		if reg.Expires != nil {
			s += " (" + l.when(reg.Expires.Time) + ")"
		}
		l.Next = append(l.Next, s+".")
	}
	commFailing := Failed(auth.LastCommunication)
	switch l.State {
	case StateAuthorized:
		if commFailing {
			l.Next = append(l.Next, "Authorization renewal failing while authorized: the device retries every 23 hours"+l.nextAttempt(auth)+".")
		} else {
			l.Next = append(l.Next, "Renews its authorization every 30 days"+l.nextAttempt(auth)+"; each success extends the communication deadline to 90 days.")
		}
	case StateOutOfCompliance:
		l.Next = append(l.Next, "Out of compliance: the device sends an authorization renewal request daily; after a failed send Cisco doc 217965 also gives every 15 minutes for 2 hours, then every 4 hours"+l.nextAttempt(auth)+".")
	case StateAuthorizationExpired:
		s := "Authorization expired: the device retries every hour until the ID certificate expires"
		if reg.Expires != nil {
			s += " (" + l.when(reg.Expires.Time) + ")"
		}
		l.Next = append(l.Next, s+l.nextAttempt(auth)+".")
	}
	if !Failed(reg.LastRenewal) && reg.NextRenewal != nil && Registered(l.State) {
		l.Next = append(l.Next, "Renews its ID certificate every 6 months (next "+l.when(reg.NextRenewal.Time)+").")
	}
	if len(l.Next) == 0 {
		l.Next = append(l.Next, "Not known: slcheck has no retry schedule for this state.")
	}
}

// registrationRetry: every 15 minutes for 4 hours after a failed send,
// then hourly until it succeeds or Smart Licensing is disabled.
func (l *Lifecycle) registrationRetry(a *parsers.Attempt) string {
	const s = "Registration send failing: the device retries every 15 minutes for 4 hours, then every hour until it succeeds or Smart Licensing is disabled"
	if a == nil || a.Time.IsZero() || !l.Judged {
		return s + "."
	}
	end := a.Time.Add(4 * time.Hour)
	if l.CapturedAt.Before(end) {
		return fmt.Sprintf("%s; at capture time it was in the 15-minute phase, which ends %s.", s, FormatTime(end))
	}
	return fmt.Sprintf("%s; the 15-minute phase ended %s, so at capture time it retried hourly.", s, FormatTime(end))
}

func (l *Lifecycle) nextAttempt(auth parsers.AuthorizationState) string {
	if auth.NextCommunication == nil {
		return ""
	}
	return "; its next attempt is due " + l.when(auth.NextCommunication.Time)
}

// deadlines says what happens at each deadline, so nobody panics.
func (l *Lifecycle) deadlines(lic *parsers.License) {
	reg, auth := lic.Registration, lic.Authorization
	switch l.State {
	case StateEvaluation:
		l.Deadlines = append(l.Deadlines, "When the evaluation period is used up the device shows EVAL EXPIRED: no functional impact, even after a reload (no enforcement).")
	case StateEvalExpired:
		l.Deadlines = append(l.Deadlines, "EVAL EXPIRED has no functional impact, even after a reload: register the device to report its use.")
	}
	if d := auth.Deadline; d != nil && Registered(l.State) {
		verb := "if the device has not reached Cisco by then, its authorization expires"
		if l.Judged && Until(*l.CapturedAt, d.Time).Passed || l.State == StateAuthorizationExpired {
			verb = "the authorization has expired"
		}
		l.Deadlines = append(l.Deadlines, fmt.Sprintf("Communication deadline (%s): %s, CSSM returns the device's licenses to the pool, and the device retries every hour. Licensed features keep working.", l.when(d.Time), verb))
	}
	if e := reg.Expires; e != nil && Registered(l.State) {
		l.Deadlines = append(l.Deadlines, fmt.Sprintf("Registration expiry (%s): without contact by then the ID certificate expires, the device becomes unregistered, falls back to any evaluation time left, and CSSM removes it; it must then be registered again with a new ID token. Licensed features keep working.", l.when(e.Time)))
	}
	l.Deadlines = append(l.Deadlines, noImpactSentence)
}

func (l *Lifecycle) slp(lic *parsers.License, p snapshot.Path) {
	u := lic.Usage
	l.addTimed(KindLastACK, "last usage report acknowledged", u.LastACK)
	l.addTimed(KindNextPush, "next usage report", u.NextPush)
	l.addTimed(KindACKDeadline, "next ACK deadline", u.NextDeadline)
	l.Summary = "Smart Licensing Using Policy: no registration and no enforcement; the device reports its license usage."
	switch p.Transport {
	case "", "off":
		l.Next = append(l.Next, "Nothing: with transport off (or not shown) the device sends no usage reports by itself; reports are then moved by hand (CSLU or CSSM upload).")
	default:
		s := fmt.Sprintf("Sends usage reports over transport %s", p.Transport)
		if e := p.Endpoint(); e != "" {
			s += " to " + e
		}
		if u.NextPush != nil {
			s += " (next report " + l.when(u.NextPush.Time) + ")"
		}
		l.Next = append(l.Next, s+".")
	}
	if u.LastACKNone {
		l.Deadlines = append(l.Deadlines, "No usage report has ever been acknowledged (Last ACK received: <none>).")
	}
	if d := u.NextDeadline; d != nil {
		l.Deadlines = append(l.Deadlines, fmt.Sprintf("Next ACK deadline (%s): the policy expects a usage report to be acknowledged by then.", l.when(d.Time)))
	}
	l.Deadlines = append(l.Deadlines, "Under Smart Licensing Using Policy features are not enforced: they work from day 0 whatever the reporting state.")
}

// deviceStatus is the device's own words: "REGISTERED / AUTHORIZED".
func deviceStatus(lic *parsers.License) string {
	if lic.Enabled.Said() && !lic.Enabled.Value {
		return "Smart Licensing is DISABLED"
	}
	if lic.SLP.Value {
		return "Smart Licensing Using Policy"
	}
	return lic.StatusWords()
}

// lastSuccess is the latest time the device is known to have reached
// Cisco: a SUCCEEDED attempt, or the date of an AUTHORIZED / OUT OF
// COMPLIANCE status (an answer from CSSM).
func lastSuccess(lic *parsers.License) (time.Time, capture.Ref) {
	var best time.Time
	var ref capture.Ref
	consider := func(t time.Time, r capture.Ref) {
		if !t.IsZero() && t.After(best) {
			best, ref = t, r
		}
	}
	for _, a := range []*parsers.Attempt{lic.Registration.Initial, lic.Registration.LastRenewal, lic.Authorization.LastCommunication} {
		if succeeded(a) {
			consider(a.Time, a.Ref)
		}
	}
	auth := strings.ToUpper(lic.Authorization.Status.Value)
	if strings.HasPrefix(auth, "AUTHORIZED") || strings.HasPrefix(auth, "OUT OF COMPLIANCE") {
		consider(lic.Authorization.StatusTime, lic.Authorization.Status.Ref)
	}
	return best, ref
}

func lastFailure(attempts ...*parsers.Attempt) *parsers.Attempt {
	var last *parsers.Attempt
	for _, a := range attempts {
		if Failed(a) && !a.Time.IsZero() && (last == nil || a.Time.After(last.Time)) {
			last = a
		}
	}
	return last
}
