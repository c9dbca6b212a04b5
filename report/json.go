package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

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
	compact := compactBuffers.Get().(*bytes.Buffer)
	defer putCompact(compact)
	enc := json.NewEncoder(compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return err
	}
	// As writeJSON's encoder indents it inside the document, into the
	// buffer the part keeps (redact.Policy.Redacted keeps it, not a copy),
	// made at the size the last part's indenting suggests.
	b := make([]byte, 0, indentedSize(compact.Len()))
	b = indentJSON(append(b, "    "...), compact.Bytes(), "    ", "  ")
	indentRatio.Store(int64(len(b)) * 1024 / int64(max(compact.Len(), 1)))
	// The closing brace is written by Render, with the comma between
	// devices.
	const end = "\n    }\n"
	if !bytes.HasSuffix(b, []byte(end)) {
		return fmt.Errorf("report: unexpected JSON for device %q", d.Source)
	}
	d.jsonPart = p.Redacted(b[:len(b)-len(end)+1])
	return nil
}

// indentRatio is the last device part's indented length per 1024 bytes of
// its compact encoding (0 before the first): a fleet's parts are alike, so
// the next part's buffer is made at its size, not grown to it.
var indentRatio atomic.Int64

// indentedSize is the room to make for indenting compact bytes of JSON: as
// the last part grew, and a little more (the room a part does not use is
// kept with it until the part is written).
func indentedSize(compact int) int {
	r := indentRatio.Load()
	if r == 0 {
		r = 1536
	}
	return int(int64(compact)*r/1024) + compact/64 + 256
}

// compactBuffers hold PrerenderJSON's compact encoding of a device until it
// is indented: a fleet's workers reuse them instead of growing one per
// host.
var compactBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putCompact returns b to compactBuffers, unless a device far larger than a
// switch's usual report grew it.
func putCompact(b *bytes.Buffer) {
	if b.Cap() > 1<<20 {
		return
	}
	b.Reset()
	compactBuffers.Put(b)
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
	head, tail, err := jsonFrame(doc)
	if err != nil {
		return true, err
	}
	bw.Write(head)
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
	_, err = bw.Write(tail)
	return true, err
}

// jsonFrame is doc's JSON document without its devices, split around the
// device list: the head ends with the list's "[" and a newline, the tail
// starts with its "]", indented.
func jsonFrame(doc *Document) (head, tail []byte, err error) {
	frame := *doc
	frame.Devices = nil
	var b bytes.Buffer
	if err := writeJSON(&b, &frame); err != nil {
		return nil, nil, err
	}
	k := bytes.Index(b.Bytes(), []byte(devicesKey))
	if k < 0 {
		return nil, nil, fmt.Errorf("report: no device list in the JSON document")
	}
	k += len(devicesKey) - 1 // at the ']'
	return append(b.Bytes()[:k:k], '\n'), append([]byte("  "), b.Bytes()[k:]...), nil
}
