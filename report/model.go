// Package report holds the document slcheck prints and its renderings:
// text for people (lipgloss), JSON for machines (the contract of
// docs/contract.md) and Markdown for case notes. Renderers read the
// Document only; filtering and sorting happen before they run.
package report

import (
	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/snapshot"
)

// SchemaVersion is the version of the JSON contract.
const SchemaVersion = 1

// Document is one run of slcheck.
type Document struct {
	SchemaVersion int      `json:"schema_version"`
	Tool          Tool     `json:"tool"`
	Devices       []Device `json:"devices"`
	Errors        []Error  `json:"errors"`
	// Hosts is the fleet summary `slcheck ssh` made (a row per host,
	// collected or not); nil, the renderers make it from Devices.
	Hosts []SummaryRow `json:"-"`
}

// Tool names the program that wrote the document.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Device is the diagnosis of one device.
type Device struct {
	Source string `json:"source"`
	// Host is the switch slcheck ssh collected the device from
	// (host:port), the host label of its metrics; empty for a capture read
	// from a file. Not in the JSON, so a live run's report and its saved
	// capture's are the same.
	Host     string `json:"-"`
	Hostname string `json:"hostname"`
	// Software is what the input shows: "nxos", "nxos-aci", "ios",
	// "ios-xe", "ios-xr", "asa" or "unknown" (capture.Software*), and
	// SoftwareEvidence the line that decided it (nil for "unknown").
	Software         string       `json:"software"`
	SoftwareEvidence *capture.Ref `json:"software_evidence"`
	Platform         string       `json:"platform"`
	// Version is the release: NX-OS's from `show version` or else the
	// running-config header; for other software, the release its deciding
	// line names. VersionFrom is that line ("file:line"), "" when unknown.
	Version     string `json:"version"`
	VersionFrom string `json:"version_from"`
	// Mode is "classic", "slp" or "unknown", and ModeFrom the line that
	// decided it ("file:line"; snapshot.LicensingMode).
	Mode     snapshot.Mode `json:"mode"`
	ModeFrom string        `json:"mode_from"`
	// Notes say where the capture's sources disagree (the release of show
	// version and of the running-config header, the licensing mode); never
	// null.
	Notes []string `json:"notes"`
	// Method is "direct", "proxy", "onprem" or "unknown".
	Method snapshot.Method `json:"method"`
	// Path is how the device's licensing messages leave it, each part
	// with the lines that decided it (snapshot.Path); the zero Path when
	// the device was not diagnosed from a snapshot.
	Path snapshot.Path `json:"path"`
	// CapturedAt is RFC 3339, or "" when the capture does not say.
	CapturedAt string `json:"captured_at"`
	// CapturedAtFrom says which line the capture time was read from.
	CapturedAtFrom string `json:"captured_at_from"`
	// RootCauses and Summary are derived from Results when the document
	// is written (RootCauses, Counts): the IDs of the failures no other
	// failure explains, at error or warning, most severe first; and the
	// counts of failures by severity, passes and skips.
	RootCauses []string        `json:"root_causes"`
	Summary    Counts          `json:"summary"`
	Results    []checks.Result `json:"results"`
	// Lifecycle is where the device stands in the licensing lifecycle
	// (state, deadlines, retries); nil when no license output was captured.
	Lifecycle *lifecycle.Lifecycle `json:"lifecycle,omitempty"`

	// redacted is the policy Redact applied, nil before.
	redacted *redact.Policy
	// jsonPart is the device's part of the JSON report, redacted
	// (PrerenderJSON), nil before.
	jsonPart *redact.Redacted
}

// Redact redacts the device's strings in place with p (see redact.Value)
// and remembers it, so Render does not walk them again. A fleet's worker
// calls it as soon as its host is diagnosed; the caller must not change the
// device's strings afterwards.
func (d *Device) Redact(p redact.Policy) {
	d.redacted, d.jsonPart = nil, nil
	p.Value(d)
	d.redacted = &p
}

// RedactedWith implements redact.Done.
func (d *Device) RedactedWith(p redact.Policy) bool {
	return d.redacted != nil && *d.redacted == p
}

// Error is an input or a host that could not be read or collected, or a
// member of an archive that was skipped. It is carried in the same
// document as the results.
type Error struct {
	Source string    `json:"source"`
	Kind   ErrorKind `json:"kind"`
	Line   int       `json:"line,omitempty"`
	Msg    string    `json:"message"`
}

// ErrorKind says what went wrong, and so the exit code (docs/contract.md).
type ErrorKind string

// The kinds of Error.
const (
	// KindInput is an input that could not be read (exit 2).
	KindInput ErrorKind = "input"
	// KindUsage is a usage error found while running: stdin given twice,
	// a capture that could not be saved (exit 2).
	KindUsage ErrorKind = "usage"
	// KindCollection is a host that could not be collected (exit 3).
	KindCollection ErrorKind = "collection"
	// KindSkipped is an archive's member that was not read (not text, a
	// link, encrypted): listed, it does not change the exit code.
	KindSkipped ErrorKind = "skipped"
)
