package lifecycle

import (
	"strings"

	"github.com/slcheck/slcheck/parsers"
)

// State is a state of docs/smart-licensing.md §3, as slcheck names it
// (the JSON contract's lifecycle.state). Checks and the timeline share this
// one reading of the statuses.
type State string

// The states.
const (
	StateDisabled             State = "disabled"
	StateSLP                  State = "slp"
	StateEvaluation           State = "evaluation"
	StateEvalExpired          State = "eval-expired"
	StateUnregistered         State = "unregistered"
	StateRegistering          State = "registering"
	StateRegistrationFailed   State = "registration-failed"
	StateRegistered           State = "registered"
	StateAuthorized           State = "authorized"
	StateOutOfCompliance      State = "out-of-compliance"
	StateAuthorizationExpired State = "authorization-expired"
	StateUnknown              State = "unknown"
)

// StateOf reads the device's registration and authorization statuses.
// A status slcheck does not know gives StateUnknown, never a guess.
func StateOf(l *parsers.License) State {
	if l == nil {
		return StateUnknown
	}
	if l.Enabled.Said() && !l.Enabled.Value {
		return StateDisabled
	}
	if l.SLP.Value {
		return StateSLP
	}
	reg := strings.ToUpper(strings.TrimSpace(l.Registration.Status.Value))
	auth := strings.ToUpper(strings.TrimSpace(l.Authorization.Status.Value))
	both := reg + " " + auth
	switch {
	case strings.Contains(both, "EVAL EXPIRED") || strings.Contains(both, "EVALUATION EXPIRED") ||
		l.Evaluation != nil && l.Evaluation.Expired:
		return StateEvalExpired
	case strings.Contains(reg, "REGISTRATION FAILED"):
		return StateRegistrationFailed
	case strings.HasPrefix(reg, "REGISTERING") || strings.Contains(reg, "IN PROGRESS"):
		return StateRegistering
	case strings.HasPrefix(reg, "UNREGISTERED") || reg == "" && strings.Contains(auth, "EVAL"):
		switch {
		case strings.Contains(auth, "EVAL") || l.Evaluation != nil:
			return StateEvaluation
		case Failed(l.Registration.Initial):
			return StateRegistrationFailed
		}
		return StateUnregistered
	case strings.Contains(auth, "AUTHORIZATION EXPIRED") || auth == "EXPIRED":
		return StateAuthorizationExpired
	case strings.HasPrefix(auth, "OUT OF COMPLIANCE"):
		return StateOutOfCompliance
	case strings.HasPrefix(auth, "AUTHORIZED"):
		return StateAuthorized
	case strings.HasPrefix(reg, "REGISTERED") && auth == "":
		return StateRegistered
	case reg == "" && auth == "" && Failed(l.Registration.Initial):
		return StateRegistrationFailed
	}
	return StateUnknown
}

// Registered reports whether a state is one of a registered device.
func Registered(state State) bool {
	switch state {
	case StateRegistered, StateAuthorized, StateOutOfCompliance, StateAuthorizationExpired:
		return true
	}
	return false
}

// Failed reports whether an attempt line says FAILED.
func Failed(a *parsers.Attempt) bool {
	return a != nil && strings.EqualFold(strings.TrimSpace(a.Result), "FAILED")
}

func succeeded(a *parsers.Attempt) bool {
	return a != nil && strings.EqualFold(strings.TrimSpace(a.Result), "SUCCEEDED") && !a.Time.IsZero()
}
