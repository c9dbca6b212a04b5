package diagnose

import (
	"context"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/probe"
	"github.com/slcheck/slcheck/report"
	"github.com/slcheck/slcheck/snapshot"
)

// Options are the choices of a run that reach beyond the capture: the
// opt-in live probes. The zero value runs none and sends nothing.
type Options struct {
	Probe probe.Options
	// LeaveOut are the checks the user left out (--skip, --only): ID to
	// the reason the report shows ("skipped by --skip"); nil runs all.
	LeaveOut map[string]string
}

// DeviceWith diagnoses one captured device like Device, running the live
// probes opts asks for on its snapshot before the checks judge it.
func DeviceWith(ctx context.Context, dev *capture.Device, opts Options) report.Device {
	return probeAndJudge(ctx, snapshot.Build(dev), opts)
}

// probeAndJudge runs the probes opts asks for on s, then the checks: the
// diagnosis of a snapshot, however it was built (Build, or a session's Log).
func probeAndJudge(ctx context.Context, s *snapshot.Snapshot, opts Options) report.Device {
	Probe(ctx, s, opts)
	return FromSnapshotWith(s, opts)
}

// Probe runs the probes opts asks for and stores what the workstation saw
// in s.Probes, for front doors that build the snapshot themselves (ssh
// sets the collection first). Input that is not one NX-OS device is not
// probed: its checks are skipped anyway (PLT003), so nothing is sent.
func Probe(ctx context.Context, s *snapshot.Snapshot, opts Options) {
	if !opts.Probe.Enabled() || len(s.Foreign) > 0 || len(s.Mixed) > 0 {
		return
	}
	s.Probes = probe.Run(ctx, s, opts.Probe)
}
