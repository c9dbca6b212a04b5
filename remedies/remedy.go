// Package remedies builds the fix for a failing check from the device's own
// configuration lines: the NX-OS config to paste, in order, and the
// commands that verify it.
package remedies

import (
	"bytes"
	"encoding/json"
	"slices"
)

// Remedy is what the operator does about one failure.
type Remedy struct {
	// Summary says in one sentence what the fix does.
	Summary string `json:"summary"`
	// Warnings change what to paste: reports print them before Config
	// (a line of Config is a <placeholder> the user must fill). JSON
	// carries them first in notes, so its shape stays the contract's, and
	// again as warnings (when there are any), so a report read back
	// (slcheck merge) prints them as the original did.
	Warnings []string `json:"warnings,omitempty"`
	// Config is the configuration to paste, starting with
	// "configure terminal" and ending with "end" and "copy running-config
	// startup-config" (Config builds it); empty when the fix is not on the
	// device (CSSM, an upgrade, the network).
	Config []string `json:"config"`
	// Verify lists the exec commands that show the fix worked.
	Verify []string `json:"verify"`
	// Notes are caveats, including the "verify this" wording that facts
	// marked unconfirmed in the domain file require.
	Notes []string `json:"notes"`
}

// Config wraps configuration lines in the one shape every fix block has:
// `configure terminal`, the lines, `end`, `copy running-config
// startup-config`.
func Config(lines ...string) []string {
	out := append([]string{"configure terminal"}, lines...)
	return append(out, "end", "copy running-config startup-config")
}

// MarshalJSON writes the remedy with its warnings first in notes, and an
// empty list, never null, for a Config, Verify or Notes left nil: the
// constructors need not spell them out.
func (r Remedy) MarshalJSON() ([]byte, error) {
	type plain Remedy // without this method
	p := plain(r)
	p.Notes = append(append([]string{}, r.Warnings...), r.Notes...)
	p.Config = append([]string{}, r.Config...)
	p.Verify = append([]string{}, r.Verify...)
	// An Encoder, to write "<" and ">" as they are, as the report's own
	// encoder does (SetEscapeHTML(false) does not reach into a Marshaler).
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// UnmarshalJSON reads a remedy MarshalJSON wrote: the warnings leave the
// front of notes.
func (r *Remedy) UnmarshalJSON(b []byte) error {
	type plain Remedy
	if err := json.Unmarshal(b, (*plain)(r)); err != nil {
		return err
	}
	if n := len(r.Warnings); n > 0 && len(r.Notes) >= n && slices.Equal(r.Notes[:n], r.Warnings) {
		r.Notes = r.Notes[n:]
	}
	return nil
}
