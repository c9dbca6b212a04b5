package parsers

import (
	"github.com/slcheck/slcheck/capture"
	"time"
)

// License holds `show license status` / `show license summary` /
// `show license all`, classic or SLP layout.
type License struct {
	Ref capture.Ref // the "Smart Licensing is ..." line
	// Enabled is nil when the output did not say.
	Enabled *bool
	// SLP is set when the "Smart Licensing Using Policy" layout was seen.
	SLP bool

	Registration  RegistrationState
	Authorization AuthorizationState
	Evaluation    *Evaluation

	// SLP fields.
	Transport          SLPTransport
	TrustCodeInstalled *bool
	TrustCodeRef       capture.Ref
	Usage              UsageReporting

	// Unknown lines with a "Status:"-like shape that were not understood,
	// kept so the report can show them rather than drop them.
	Unrecognised []capture.Ref
}

// Attempt is a line such as "Last Communication Attempt: FAILED on <date>",
// with the indented "Failure reason:" that may follow.
type Attempt struct {
	Result    string // SUCCEEDED, FAILED, PENDING, None, ...
	Time      time.Time
	Reason    string
	Ref       capture.Ref
	ReasonRef capture.Ref
}

// Timed is a labelled date such as "Registration Expires: <date>".
type Timed struct {
	Time time.Time
	Ref  capture.Ref
}

// RegistrationState is the "Registration:" block.
type RegistrationState struct {
	Status         string // REGISTERED, UNREGISTERED, "UNREGISTERED - REGISTRATION FAILED", ...
	StatusTime     time.Time
	StatusRef      capture.Ref
	SmartAccount   string
	VirtualAccount string
	Initial        *Attempt
	LastRenewal    *Attempt
	NextRenewal    *Timed
	Expires        *Timed
}

// AuthorizationState is the "License Authorization:" block.
type AuthorizationState struct {
	Status            string // AUTHORIZED, "OUT OF COMPLIANCE", "AUTHORIZATION EXPIRED", EVAL MODE, ...
	StatusTime        time.Time
	StatusRef         capture.Ref
	LastCommunication *Attempt
	NextCommunication *Timed
	Deadline          *Timed
}

// Evaluation is "Evaluation Period Remaining: 46 days, 7 hours, ...".
type Evaluation struct {
	Remaining time.Duration
	Expired   bool
	Ref       capture.Ref
}

// SLPTransport is the "Transport:" block of the SLP layout.
type SLPTransport struct {
	Type  string // Smart, cslu, callhome, Off ...
	URL   string
	Proxy string
	VRF   string
	Ref   capture.Ref
}

// UsageReporting is the "Usage Reporting:" block of the SLP layout.
type UsageReporting struct {
	LastACK      *Timed // nil when "<none>"
	LastACKNone  bool   // "Last ACK received: <none>"
	NextDeadline *Timed
	NextPush     *Timed
	Ref          capture.Ref
}
