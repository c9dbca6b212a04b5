package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/snapshot"
)

// writeJSON writes the contract document: one object, two-space indent,
// arrays never null, "<" and ">" unescaped so redaction markers read as
// written.
func writeJSON(w io.Writer, doc *Document) error {
	normalise(doc)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// normalise replaces nil slices with empty ones, so JSON never says null
// where the contract promises an array.
func normalise(doc *Document) {
	if doc.Devices == nil {
		doc.Devices = []Device{}
	}
	if doc.Errors == nil {
		doc.Errors = []Error{}
	}
	for i := range doc.Devices {
		normaliseDevice(&doc.Devices[i])
	}
}

// normaliseDevice is normalise for one device.
func normaliseDevice(d *Device) {
	if d.Results == nil {
		d.Results = []checks.Result{}
	}
	if d.Notes == nil {
		d.Notes = []string{}
	}
	ev := &d.Path.Evidence
	for _, dec := range []*snapshot.Decision{&ev.Transport, &ev.URL, &ev.VRF, &ev.SourceInterface, &ev.Proxy} {
		if dec.Lines == nil {
			dec.Lines = []capture.Ref{}
		}
		if dec.Ask == nil {
			dec.Ask = []string{}
		}
	}
	d.RootCauses, d.Summary = d.RootCauseIDs(), d.Counts()
	for j := range d.Results {
		r := &d.Results[j]
		if r.Evidence == nil {
			r.Evidence = []capture.Ref{}
		}
		if r.References == nil {
			r.References = []string{}
		}
	}
}

// devicesKey is how an empty device list reads in the JSON document: the
// key cannot occur elsewhere unescaped, a string's quotes and newlines are
// escaped.
const devicesKey = "\n  \"devices\": []"

// PrerenderJSON redacts the device with p (Redact) and encodes and redacts
// its part of the JSON report ahead of time, as Render would print it
// inside a document: a fleet's worker calls it as soon as its host is
// diagnosed, in parallel with the other hosts' collection, so the report
// of a large fleet is not encoded and redacted serially after the last
// host. Render uses the part when it writes JSON into a redact.Writer with
// the same policy; the caller must not change the device afterwards.
func (d *Device) PrerenderJSON(p redact.Policy) error {
	if !d.RedactedWith(p) {
		d.Redact(p)
	}
	d.jsonPart = nil
	normaliseDevice(d)
	buf := prerenderBuffers.Get().(*prerenderBuffer)
	defer buf.put()
	enc := json.NewEncoder(&buf.compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return err
	}
	// As writeJSON's encoder indents it inside the document.
	b := indentJSON(append(buf.indented[:0], "    "...), buf.compact.Bytes(), "    ", "  ")
	buf.indented = b
	// The closing brace is written by Render, with the comma between
	// devices.
	const end = "\n    }\n"
	if !bytes.HasSuffix(b, []byte(end)) {
		return fmt.Errorf("report: unexpected JSON for device %q", d.Source)
	}
	d.jsonPart = p.Redacted(b[:len(b)-len(end)+1]) // a copy
	return nil
}

// prerenderBuffer holds PrerenderJSON's compact encoding of a device and
// its indented form until it is redacted into a copy of its own: a
// fleet's workers reuse them (prerenderBuffers) instead of growing two
// buffers per host.
type prerenderBuffer struct {
	compact  bytes.Buffer
	indented []byte
}

var prerenderBuffers = sync.Pool{New: func() any { return new(prerenderBuffer) }}

// put returns b to prerenderBuffers, unless a device far larger than a
// switch's usual report grew it.
func (b *prerenderBuffer) put() {
	if b.compact.Cap()+cap(b.indented) > 1<<20 {
		return
	}
	b.compact.Reset()
	prerenderBuffers.Put(b)
}

// writeJSONParts writes the document as writeJSON would, its devices from
// their pre-rendered parts (PrerenderJSON) written to out, the Writer that
// redacts slcheck's stdout, as they are; the rest of the document goes
// through bw, which writes into out. It reports false, having written
// nothing, when a device has no part made with out's policy.
func writeJSONParts(bw *bufio.Writer, out *redact.Writer, doc *Document, p redact.Policy) (bool, error) {
	if len(doc.Devices) == 0 || !out.Redacts(p) {
		return false, nil
	}
	for i := range doc.Devices {
		if !doc.Devices[i].jsonPart.RedactedWith(p) {
			return false, nil
		}
	}
	frame := *doc
	frame.Devices = nil
	var b bytes.Buffer
	if err := writeJSON(&b, &frame); err != nil {
		return true, err
	}
	k := bytes.Index(b.Bytes(), []byte(devicesKey))
	if k < 0 {
		return true, fmt.Errorf("report: no device list in the JSON document")
	}
	k += len(devicesKey) - 1 // at the ']'
	bw.Write(b.Bytes()[:k])
	bw.WriteString("\n")
	for i := range doc.Devices {
		if err := bw.Flush(); err != nil {
			return true, err
		}
		if _, err := out.WriteRedacted(doc.Devices[i].jsonPart); err != nil {
			return true, err
		}
		if i < len(doc.Devices)-1 {
			bw.WriteString("    },\n")
		} else {
			bw.WriteString("    }\n")
		}
	}
	bw.WriteString("  ")
	_, err := bw.Write(b.Bytes()[k:])
	return true, err
}
