// Package diagnose is the one pipeline every front door shares: a captured
// device becomes a Snapshot, the checks judge it, and the result is one
// report.Device. `slcheck file` and `slcheck ssh` both end here.
package diagnose

import (
	"fmt"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/report"
	"github.com/slcheck/slcheck/snapshot"
)

// Device diagnoses one captured device.
func Device(dev *capture.Device) report.Device {
	return FromSnapshot(snapshot.Build(dev))
}

// FromSnapshot runs the checks on a built snapshot (after any probes were
// added to it) and fills the report header.
func FromSnapshot(s *snapshot.Snapshot) report.Device {
	return FromSnapshotWith(s, Options{})
}

// FromSnapshotWith is FromSnapshot leaving out the checks opts names
// (Options.LeaveOut).
func FromSnapshotWith(s *snapshot.Snapshot, opts Options) report.Device {
	mode := s.LicensingMode()
	d := report.Device{
		Source:    s.Source,
		Hostname:  s.Hostname,
		Software:  s.Software,
		Mode:      snapshot.Mode(mode.Value),
		ModeFrom:  refFrom(mode.Ref),
		Method:    s.Method(),
		Path:      s.Path,
		Results:   checks.RunExcept(s, opts.LeaveOut),
		Lifecycle: lifecycle.Compute(s),
		Notes:     []string{},
	}
	if !s.SoftwareRef.IsZero() {
		ref := s.SoftwareRef
		d.SoftwareEvidence = &ref
	}
	if s.Version != nil {
		d.Platform = s.Version.Chassis.Value
	}
	if s.NXOS() {
		rel := s.Release()
		d.Version, d.VersionFrom = rel.Value, refFrom(rel.Ref)
		if o := rel.Other; o != nil {
			d.Notes = append(d.Notes, fmt.Sprintf("the release differs between %s and %s; slcheck uses the first", rel.Describe(), o.Describe()))
		}
		if o := mode.Other; o != nil {
			d.Notes = append(d.Notes, fmt.Sprintf("the licensing mode differs between %s and %s; slcheck uses the first (see PLT002)", mode.Describe(), o.Describe()))
		}
	} else if rel := s.SoftwareRelease; rel.Value != "" {
		d.Version, d.VersionFrom = rel.Value, refFrom(rel.Ref)
	}
	if at := s.CapturedAt; !at.Value.IsZero() {
		d.CapturedAt = at.Value.Format(time.RFC3339)
		d.CapturedAtFrom = at.Ref.String()
	}
	return d
}

// refFrom spells where a fact came from, "file:line", or "" for none.
func refFrom(r capture.Ref) string {
	if r.IsZero() {
		return ""
	}
	return r.String()
}
