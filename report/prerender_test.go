package report_test

import (
	"bytes"
	"testing"

	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
)

// renderThrough renders doc in JSON into a redacting writer with policy
// writer, as slcheck's stdout; with prerender, each device is first
// encoded and redacted on its own with policy part (PrerenderJSON), as a
// fleet's worker does.
func renderThrough(t *testing.T, doc *report.Document, writer, part redact.Policy, prerender bool) string {
	t.Helper()
	if prerender {
		for i := range doc.Devices {
			if err := doc.Devices[i].PrerenderJSON(part); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	w := redact.NewWriter(&b, &writer)
	if err := report.Render(w, doc, report.Options{Format: report.JSON, Redact: writer}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// allScenarios is one document of the every-line device and the devices
// and errors of every scenario of scs.
func allScenarios(t *testing.T, scs []scenario) *report.Document {
	t.Helper()
	doc := everyLineDocument(t)
	for _, sc := range scs {
		d := document(t, sc)
		doc.Devices = append(doc.Devices, d.Devices...)
		doc.Errors = append(doc.Errors, d.Errors...)
	}
	return doc
}

// TestPrerenderJSONSameBytes: a report whose devices were encoded and
// redacted ahead of time is byte for byte the report rendered at the end,
// for every scenario (several devices in one document too), with and
// without contacts.
func TestPrerenderJSONSameBytes(t *testing.T) {
	docs := map[string]func() *report.Document{"every line": func() *report.Document { return everyLineDocument(t) }}
	var all []scenario
	for _, sc := range scenarios(t) {
		sc := sc
		all = append(all, sc)
		docs[sc.name] = func() *report.Document { return document(t, sc) }
	}
	docs["all scenarios"] = func() *report.Document { return allScenarios(t, all) }
	policies := []redact.Policy{{}, {ShowContacts: true}}
	for name, mk := range docs {
		for _, wp := range policies {
			want := renderThrough(t, mk(), wp, wp, false)
			if got := renderThrough(t, mk(), wp, wp, true); got != want {
				t.Errorf("%s (%+v): prerendered JSON differs: %s", name, wp, firstDiff(want, got))
			}
		}
	}
}
