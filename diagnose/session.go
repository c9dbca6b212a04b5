package diagnose

import (
	"context"
	"fmt"

	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
	"github.com/slcheck/slcheck/snapshot"
)

// Rendering is what a device is made ready for as soon as Session has
// diagnosed it: the run's redaction policy (nil: none) and the report's
// format.
type Rendering struct {
	Redact *redact.Policy
	Format report.Format
}

// Session is the pipeline of one host `slcheck ssh` collected: the
// session's log (text) is read exactly as `slcheck file` reads it saved,
// so a live diagnosis and its replay agree; source names it (the saved
// file, else the host), host is the target it was collected from
// (report.Device.Host). log, when not nil, is text as the collector read
// it while collecting (collect.Result.Log): read under the name source,
// the diagnosis reads on from it, with the same result. The device is
// diagnosed like DeviceWith, probes included, then redacted with r.Redact
// and, for a JSON report, its part of the report encoded: in the caller's
// goroutine, so a fleet does this in the worker that collected the host,
// in parallel with the other hosts' network waits, not serially when the
// report is rendered. The error is capture.Read's, or says how many
// devices a session that does not hold one holds.
func Session(ctx context.Context, host, source, text string, log *snapshot.Log, opts Options, r Rendering) (report.Device, error) {
	if log == nil || log.Name() != source {
		log = snapshot.NewLog(source)
		log.Add(text)
	}
	c, err := log.Read(text)
	if err != nil {
		return report.Device{}, err
	}
	if len(c.Devices) != 1 {
		return report.Device{}, fmt.Errorf("%s: the session holds %d devices", source, len(c.Devices))
	}
	dev := probeAndJudge(ctx, log.Build(c.Devices[0]), opts)
	dev.Host = host
	if r.Redact != nil {
		dev.Redact(*r.Redact)
		if r.Format == report.JSON {
			// Render prints this part as it is (the same bytes). On an
			// error the device has no part: Render encodes it with the
			// document and reports the error then.
			_ = dev.PrerenderJSON(*r.Redact)
		}
	}
	return dev, nil
}
