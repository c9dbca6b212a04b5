package report_test

import (
	"strings"
	"testing"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
	"github.com/slcheck/slcheck/snapshot"
)

// TestOpenMetricsHostileLabels: label values come from captures and file
// names. Whatever they hold (quotes, backslashes, newlines, braces, terminal
// controls, bidi overrides, bytes that are not UTF-8), the metrics parse
// back, with the parser node_exporter's textfile collector uses, to the
// visible form the other outputs show (redact.Escape, and a line break as
// \x0a: a label value is one line), one sample per series, and no control
// character reaches the output raw.
func TestOpenMetricsHostileLabels(t *testing.T) {
	values := map[string]string{
		"host":     "a\"b\\c\nslcheck_collection_up{host=\"forged\"} 1\r\n# EOF\n",
		"hostname": hostile,
		"release":  "9.3(5)} 1\n\xff\xfe",
		"mode":     "classic\",id=\"forged",
	}
	doc := &report.Document{SchemaVersion: report.SchemaVersion, Tool: report.Tool{Name: "slcheck", Version: "dev"},
		Devices: []report.Device{{Host: values["host"], Source: "capture.txt", Hostname: values["hostname"],
			Version: values["release"], Mode: snapshot.Mode(values["mode"]),
			Results: []checks.Result{{ID: "CH002", Status: checks.Fail, Severity: checks.Error}}}},
		Errors: []report.Error{}}
	out := render(t, doc, report.Options{Format: report.OpenMetrics})
	if i, bad := unsafeRune(out, false); bad {
		t.Errorf("raw control at %d: %q", i, out[max(i-40, 0):min(i+40, len(out))])
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(out))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(fams) != 3 {
		t.Errorf("%d families, want up, check_failed and root_cause:\n%s", len(fams), out)
	}
	for name, f := range fams {
		if len(f.Metric) != 1 {
			t.Errorf("%s: %d samples, want 1 (a label value forged another):\n%s", name, len(f.Metric), out)
		}
		for _, m := range f.Metric {
			for _, l := range m.Label {
				want, ok := values[l.GetName()]
				if !ok {
					continue
				}
				if want = strings.ReplaceAll(redact.Escape(want), "\n", `\x0a`); l.GetValue() != want {
					t.Errorf("%s label %s = %q, want %q", name, l.GetName(), l.GetValue(), want)
				}
			}
		}
	}
}
