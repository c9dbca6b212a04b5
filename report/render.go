package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/slcheck/slcheck/redact"
)

// Format is an output format.
type Format string

// The output formats of `--output`.
const (
	Text     Format = "text"
	JSON     Format = "json"
	Markdown Format = "markdown"
	// OpenMetrics is gauges for Prometheus (node_exporter's textfile
	// collector): deadlines, failed checks, root causes.
	OpenMetrics Format = "openmetrics"
)

// Formats lists the formats in the order help text shows them.
var Formats = []Format{Text, JSON, Markdown, OpenMetrics}

// ParseFormat checks a --output value, in any case ("JSON" is json).
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(s)
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	if s == "md" {
		return Markdown, nil
	}
	return "", fmt.Errorf("unknown output format %q: want text, json, markdown or openmetrics", s)
}

// Options controls a rendering.
type Options struct {
	Format Format
	// Color adds ANSI colours to the text format. The caller decides it
	// (terminal, --color, NO_COLOR); the renderer never probes the terminal.
	Color bool
	// Width is the text width for wrapped parts such as the timeline; 0
	// means 80.
	Width int
	// Redact says what to hide. Its zero value hides secrets and contacts.
	Redact redact.Policy
	// Full prints, in text, every checklist row and each consequence of a
	// root cause in full (--checklist full, --verbose); otherwise passes
	// are one line per area, skips one line per reason.
	Full bool
}

// Render writes doc to w in the chosen format. Every rendering passes
// through the output layer (package redact) twice: the document's strings
// are redacted and escaped in place first (JSON escaping could otherwise
// split a pattern, and a renderer builds its syntax around safe text), then
// every line written goes through a redacting writer (w itself when it is
// a redact.Writer with the same policy), so nothing a renderer prints can
// bypass it. Devices already redacted with the policy (Device.Redact) are
// not walked again, and in JSON written into such a redact.Writer, the
// parts of devices encoded and redacted ahead of time (PrerenderJSON, by
// that package's redaction layer with the same policy) are passed on as
// they are.
func Render(w io.Writer, doc *Document, opt Options) error {
	opt.Redact.Value(doc)
	if opt.Width <= 0 {
		opt.Width = 80
	}
	// The renderers write a line or a word at a time: buffered, a report
	// reaches w in a few large writes (one system call each, not one a line).
	bw := bufio.NewWriterSize(w, 64<<10)
	// A w that redacts with the same policy (slcheck's stdout) already sees
	// every line printed: a second redacting writer here would only redact
	// each line twice.
	var rw io.Writer = bw
	var rc io.Closer = nopCloser{}
	outer, ok := w.(*redact.Writer)
	if !ok || !outer.Redacts(opt.Redact) {
		r := opt.Redact.NewWriter(bw)
		r.Color(opt.Color && opt.Format == Text)
		rw, rc = r, r
	}
	if ok && opt.Color && opt.Format == Text {
		// The text report's colours are the only control bytes it
		// writes; the document's strings were escaped above (Value).
		outer.Color(true)
		defer outer.Color(false)
	}
	var err error
	switch opt.Format {
	case JSON:
		// Devices encoded and redacted ahead of time (PrerenderJSON) go
		// to the redacting writer as they are.
		var done bool
		if ok {
			done, err = writeJSONParts(bw, outer, doc, opt.Redact)
		}
		if !done {
			err = writeJSON(rw, doc)
		}
	case Markdown:
		err = writeMarkdown(rw, doc, opt)
	case OpenMetrics:
		err = writeOpenMetrics(rw, doc)
	case Text, "":
		err = writeText(rw, doc, opt)
	default:
		err = fmt.Errorf("unknown output format %q", opt.Format)
	}
	if cerr := rc.Close(); err == nil {
		err = cerr
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }
