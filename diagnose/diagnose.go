// Package diagnose is the one pipeline every front door shares: a captured
// device becomes a Snapshot, the checks judge it, and the result is one
// report.Device. `slcheck file` and `slcheck ssh` both end here.
package diagnose

import (
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
	d := report.Device{
		Source:    s.Source,
		Hostname:  s.Hostname,
		Mode:      s.Mode(),
		Method:    s.Method(),
		Results:   checks.RunExcept(s, opts.LeaveOut),
		Lifecycle: lifecycle.Compute(s),
	}
	if s.Version != nil {
		d.Platform = s.Version.Chassis
		d.Version = s.Version.Release
	}
	if !s.CapturedAt.IsZero() {
		d.CapturedAt = s.CapturedAt.Format(time.RFC3339)
		d.CapturedAtFrom = s.CapturedAtFrom.String()
	}
	return d
}
