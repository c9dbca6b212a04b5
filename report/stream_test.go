package report_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
)

// streamThrough writes doc's JSON report with a JSONStream into a
// redacting writer with policy p, as slcheck ssh does for a fleet: the
// devices whose index prerender holds are encoded ahead (PrerenderJSON),
// the first late of them given to Close in doc.Devices, the others to
// Write one by one.
func streamThrough(t *testing.T, doc *report.Document, p redact.Policy, prerender func(int) bool, late int) string {
	t.Helper()
	for i := range doc.Devices {
		if prerender(i) {
			if err := doc.Devices[i].PrerenderJSON(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	devices := doc.Devices
	doc.Devices = nil
	var b bytes.Buffer
	w := redact.NewWriter(&b, &p)
	s := report.NewJSONStream(w, doc, report.Options{Redact: p})
	if s == nil {
		t.Fatal("NewJSONStream: nil for a redact.Writer of the same policy")
	}
	for i := range devices[:len(devices)-late] {
		if err := s.Write(&devices[i]); err != nil {
			t.Fatal(err)
		}
	}
	doc.Devices = devices[len(devices)-late:]
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestJSONStreamSameBytes: a JSON report written device by device is byte
// for byte the report Render writes of the whole document at the end,
// with or without parts made ahead, devices left for Close, errors,
// contacts shown or not, and no device at all.
func TestJSONStreamSameBytes(t *testing.T) {
	scs := scenarios(t)
	all := func() *report.Document { return allScenarios(t, scs) }
	errorsOnly := func() *report.Document {
		doc := all()
		doc.Devices = nil
		return doc
	}
	one := func() *report.Document { return document(t, scs[0]) }
	every := func(int) bool { return true }
	cases := []struct {
		name      string
		doc       func() *report.Document
		prerender func(int) bool
		late      int
	}{
		{"every part made ahead", all, every, 0},
		{"no part made ahead", all, func(int) bool { return false }, 0},
		{"every other part made ahead", all, func(i int) bool { return i%2 == 0 }, 0},
		{"last devices given to Close", all, every, 3},
		{"every device given to Close", all, every, len(all().Devices)},
		{"one device", one, every, 0},
		{"no device, errors", errorsOnly, every, 0},
		{"no device, no error", func() *report.Document { d := one(); d.Devices, d.Errors = nil, nil; return d }, every, 0},
	}
	for _, c := range cases {
		for _, p := range []redact.Policy{{}, {ShowContacts: true}} {
			want := renderThrough(t, c.doc(), p, p, false)
			if got := streamThrough(t, c.doc(), p, c.prerender, c.late); got != want {
				t.Errorf("%s (%+v): streamed JSON differs: %s", c.name, p, firstDiff(want, got))
			}
		}
	}
}

// TestJSONStreamLeavesCopies: writing a device lets its part go without
// changing it: a copy of the device still held elsewhere renders as
// before, after later parts are made.
func TestJSONStreamLeavesCopies(t *testing.T) {
	var p redact.Policy
	mk := func() *report.Document { return document(t, scenarios(t)[0]) }
	want := renderThrough(t, mk(), p, p, false)

	doc := mk()
	if err := doc.Devices[0].PrerenderJSON(p); err != nil {
		t.Fatal(err)
	}
	kept := doc.Devices[0] // shares the part with the device streamed
	s := report.NewJSONStream(redact.NewWriter(new(bytes.Buffer), &p), &report.Document{}, report.Options{Redact: p})
	if err := s.Write(&doc.Devices[0]); err != nil {
		t.Fatal(err)
	}
	// A later part.
	other := mk()
	if err := other.Devices[0].PrerenderJSON(p); err != nil {
		t.Fatal(err)
	}
	doc.Devices = []report.Device{kept}
	if got := renderThrough(t, doc, p, p, false); got != want {
		t.Errorf("a copy of a written device renders differently: %s", firstDiff(want, got))
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestJSONStreamWriteError: the first write error is returned by that
// Write, by every later Write and by Close, which writes nothing more.
func TestJSONStreamWriteError(t *testing.T) {
	var p redact.Policy
	doc := document(t, scenarios(t)[0])
	devices := doc.Devices
	doc.Devices = nil
	s := report.NewJSONStream(redact.NewWriter(failingWriter{}, &p), doc, report.Options{Redact: p})
	for i := 0; i < 2; i++ {
		d := devices[0]
		if err := s.Write(&d); err == nil || err.Error() != "disk full" {
			t.Errorf("Write %d: %v, want disk full", i, err)
		}
	}
	if err := s.Close(); err == nil || err.Error() != "disk full" {
		t.Errorf("Close: %v, want disk full", err)
	}
}

// TestNewJSONStreamNeedsSamePolicy: a stream is only made into a
// redact.Writer of the report's own policy (the parts are passed on as
// they are); otherwise the caller renders the document.
func TestNewJSONStreamNeedsSamePolicy(t *testing.T) {
	writer := redact.Policy{ShowContacts: true}
	cases := []struct {
		name string
		w    func() io.Writer
		want bool
	}{
		{"same policy", func() io.Writer { p := redact.Policy{}; return redact.NewWriter(new(bytes.Buffer), &p) }, true},
		{"other policy", func() io.Writer { return redact.NewWriter(new(bytes.Buffer), &writer) }, false},
		{"not a redact.Writer", func() io.Writer { return new(bytes.Buffer) }, false},
	}
	for _, c := range cases {
		if got := report.NewJSONStream(c.w(), &report.Document{}, report.Options{}) != nil; got != c.want {
			t.Errorf("%s: stream made %v, want %v", c.name, got, c.want)
		}
	}
}
