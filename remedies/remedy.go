// Package remedies builds the fix for a failing check from the device's own
// configuration lines: the NX-OS config to paste, in order, and the
// commands that verify it.
package remedies

// Remedy is what the operator does about one failure.
type Remedy struct {
	// Summary says in one sentence what the fix does.
	Summary string `json:"summary"`
	// Config is the configuration to paste, starting with
	// "configure terminal" and ending with "copy running-config
	// startup-config"; empty when the fix is not on the device (CSSM, an
	// upgrade, the network).
	Config []string `json:"config"`
	// Verify lists the exec commands that show the fix worked.
	Verify []string `json:"verify"`
	// Notes are caveats, including the "verify this" wording that facts
	// marked unconfirmed in the domain file require.
	Notes []string `json:"notes"`
}
