package cli

import (
	"sync"

	"github.com/slcheck/slcheck/report"
)

// fleetReport writes a fleet's JSON report while the fleet is collected:
// each host's device as soon as it and every target before it are
// diagnosed, in the targets' order, then lets it go, so the report does
// not hold every host's device and part until the last host (at 2000
// hosts, half of slcheck's heap; bench/README.md). The bytes are those
// renderAndExit writes at the end (report.JSONStream). Its own goroutine
// writes: no worker waits on stdout; when stdout is read slowly, or an
// early target takes long, the later devices wait in memory, as all did
// before.
type fleetReport struct {
	stream *report.JSONStream
	mu     sync.Mutex
	ready  []*report.Device // by target, until written
	done   []bool           // by target: diagnosed (with a device or not)
	next   int              // the first target not written
	wake   chan struct{}    // a host was done (capacity 1)
	ended  chan struct{}    // closed when the writer has written every device
	held   *bufferedStdout  // stdout, held until the report ends (nil: none)
}

// newFleetReport starts the report of doc's fleet of n targets, or
// returns nil when the report is written at the end: formats other than
// JSON (text and Markdown lead with the fleet summary, OpenMetrics is
// small), stdout a terminal (the progress line shares it), or stdout not
// slcheck's redacting writer.
func newFleetReport(st Streams, doc *report.Document, o *outputOptions, n int) *fleetReport {
	if o.format != report.JSON || st.IsTerminal || st.Redact == nil {
		return nil
	}
	s := report.NewJSONStream(st.Out, doc, o.renderOptions(st))
	if s == nil {
		return nil
	}
	f := &fleetReport{stream: s, ready: make([]*report.Device, n), done: make([]bool, n),
		wake: make(chan struct{}, 1), ended: make(chan struct{}), held: st.stdout}
	if f.held != nil {
		f.held.hold(true)
	}
	go f.write()
	return f
}

// put hands over target i's device (nil for a host without one) once it
// is diagnosed; the caller must not use the device afterwards.
func (f *fleetReport) put(i int, d *report.Device) {
	f.mu.Lock()
	f.ready[i], f.done[i] = d, true
	f.mu.Unlock()
	select {
	case f.wake <- struct{}{}:
	default: // the writer is already woken
	}
}

// write writes the devices whose turn has come, each time a host is done.
func (f *fleetReport) write() {
	defer close(f.ended)
	var turn []*report.Device
	for range f.wake {
		f.mu.Lock()
		turn = turn[:0]
		for ; f.next < len(f.done) && f.done[f.next]; f.next++ {
			if d := f.ready[f.next]; d != nil {
				turn = append(turn, d)
				f.ready[f.next] = nil
			}
		}
		f.mu.Unlock()
		for i, d := range turn {
			// A write error is kept by the stream and returned by close.
			_ = f.stream.Write(d)
			turn[i] = nil
		}
	}
}

// close writes the end of the report once every target was put (doc's
// errors), and returns the report's first write error.
func (f *fleetReport) close() error {
	close(f.wake)
	<-f.ended
	err := f.stream.Close()
	if f.held != nil {
		f.held.hold(false)
	}
	return err
}
