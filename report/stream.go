package report

import (
	"io"

	"github.com/slcheck/slcheck/redact"
)

// JSONStream writes the JSON report of Render one device at a time, as a
// fleet's hosts are diagnosed, so that a fleet's report does not hold
// every device until the last host: the same bytes Render writes for the
// document of the same devices, in the order they are written, and the
// same errors (Close). A device's part is written as PrerenderJSON made
// it, then let go.
type JSONStream struct {
	out *redact.Writer
	doc *Document
	opt Options
	n   int   // devices written
	err error // the first error: nothing more is written
}

// NewJSONStream starts doc's JSON report into w, with opt (its Format is
// JSON): doc's devices are given to Write, and doc's errors are known at
// Close. It returns nil when w is not a redact.Writer that redacts with
// opt.Redact (slcheck's stdout does): the parts could not be passed on as
// they are, and Render is the way.
func NewJSONStream(w io.Writer, doc *Document, opt Options) *JSONStream {
	out, ok := w.(*redact.Writer)
	if !ok || !out.Redacts(opt.Redact) {
		return nil
	}
	opt.Format = JSON
	return &JSONStream{out: out, doc: doc, opt: opt}
}

// Write writes d as the next device of the document: its part made by
// PrerenderJSON with the stream's policy, else made now (d redacted in
// place first, as Render does). d has no part afterwards, so that the
// stream's caller does not keep it. Once a write has failed, Write writes
// nothing more and returns that error.
func (s *JSONStream) Write(d *Device) error {
	if s.err != nil {
		d.jsonPart = nil
		return s.err
	}
	if p := s.opt.Redact; !d.jsonPart.RedactedWith(p) {
		if s.err = d.PrerenderJSON(p); s.err != nil {
			return s.err
		}
	}
	if s.n == 0 {
		// The document up to its device list: schema and tool are known
		// before the first device.
		frame := Document{SchemaVersion: s.doc.SchemaVersion, Tool: s.doc.Tool}
		s.opt.Redact.Value(&frame)
		var head []byte
		if head, _, s.err = jsonFrame(&frame); s.err == nil {
			_, s.err = s.out.Write(head)
		}
	} else {
		_, s.err = s.out.Write([]byte("    },\n"))
	}
	if s.err == nil {
		_, s.err = s.out.WriteRedacted(d.jsonPart)
	}
	d.jsonPart = nil
	s.n++
	return s.err
}

// Close writes the rest of the document: the devices of doc.Devices, after
// those written, then doc.Errors; with no device at all, Render's document.
// It returns the first error of the stream.
func (s *JSONStream) Close() error {
	for i := range s.doc.Devices {
		s.Write(&s.doc.Devices[i])
	}
	switch {
	case s.err != nil:
		return s.err
	case s.n == 0:
		return Render(s.out, s.doc, s.opt)
	}
	frame := *s.doc
	frame.Devices = nil
	s.opt.Redact.Value(&frame)
	_, tail, err := jsonFrame(&frame)
	if err == nil {
		_, err = s.out.Write(append([]byte("    }\n"), tail...))
	}
	s.err = err
	return err
}
