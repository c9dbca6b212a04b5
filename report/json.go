package report

import (
	"encoding/json"
	"io"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
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
		d := &doc.Devices[i]
		if d.Results == nil {
			d.Results = []checks.Result{}
		}
		for j := range d.Results {
			r := &d.Results[j]
			if r.Evidence == nil {
				r.Evidence = []capture.Ref{}
			}
			if r.References == nil {
				r.References = []string{}
			}
			if rem := r.Remedy; rem != nil {
				if rem.Config == nil {
					rem.Config = []string{}
				}
				if rem.Verify == nil {
					rem.Verify = []string{}
				}
				if rem.Notes == nil {
					rem.Notes = []string{}
				}
			}
		}
	}
}
