package report_test

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/internal/golden"
	"github.com/slcheck/slcheck/report"
	"github.com/slcheck/slcheck/snapshot"
)

// repoRoot is the module root seen from this package; scenario sources are
// named relative to it, as `slcheck file testdata/...` run there names them.
const repoRoot = ".."

const scenarioRoot = "testdata/showoutputs"

// readOptions are the capture options `slcheck file` reads with.
var readOptions = capture.Options{Select: snapshot.Select, Needles: snapshot.Needles}

type scenario struct {
	name, dir, capture string // dir and capture relative to the repo root
}

func scenarios(t *testing.T) []scenario {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(repoRoot, scenarioRoot))
	if err != nil {
		t.Fatal(err)
	}
	var out []scenario
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := path.Join(scenarioRoot, e.Name())
		matches, _ := filepath.Glob(filepath.Join(repoRoot, dir, "capture*"))
		if len(matches) != 1 {
			t.Errorf("%s: want one capture* file, found %d", dir, len(matches))
			continue
		}
		out = append(out, scenario{name: e.Name(), dir: dir, capture: path.Join(dir, filepath.Base(matches[0]))})
	}
	if len(out) == 0 {
		t.Fatal("no scenario under " + scenarioRoot)
	}
	return out
}

// document runs the pipeline on one scenario as `slcheck file` does.
func document(t *testing.T, sc scenario) *report.Document {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, sc.capture))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc := &report.Document{SchemaVersion: report.SchemaVersion,
		Tool: report.Tool{Name: "slcheck", Version: "dev"}, Devices: []report.Device{}, Errors: []report.Error{}}
	c, err := capture.Read(sc.capture, f, readOptions)
	if err != nil {
		doc.Errors = append(doc.Errors, report.Error{Source: sc.capture, Kind: "input", Msg: err.Error()})
		return doc
	}
	for _, dev := range c.Devices {
		doc.Devices = append(doc.Devices, diagnose.Device(dev))
	}
	return doc
}

func render(t *testing.T, doc *report.Document, opt report.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.Render(&b, doc, opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var goldenFiles = map[report.Format]string{
	report.Text: "golden.txt", report.JSON: "golden.json", report.Markdown: "golden.md",
	report.OpenMetrics: "golden.prom",
}

// TestGolden renders every scenario in every format and compares with the
// golden files beside its capture; -update rewrites them.
func TestGolden(t *testing.T) {
	for _, sc := range scenarios(t) {
		t.Run(sc.name, func(t *testing.T) {
			for _, format := range report.Formats {
				got := render(t, document(t, sc), report.Options{Format: format})
				file := filepath.Join(repoRoot, sc.dir, goldenFiles[format])
				if *golden.Update {
					if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(file)
				if err != nil {
					t.Fatalf("%v (run go test ./... -update and review the diff)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs from the golden file:\n%s", file, firstDiff(string(want), got))
				}
			}
		})
	}
}

// TestRenderDeterministic renders the same scenario twice.
func TestRenderDeterministic(t *testing.T) {
	for _, sc := range scenarios(t) {
		for _, format := range report.Formats {
			a := render(t, document(t, sc), report.Options{Format: format})
			b := render(t, document(t, sc), report.Options{Format: format})
			if a != b {
				t.Errorf("%s %s: two renderings differ:\n%s", sc.name, format, firstDiff(a, b))
			}
		}
	}
}

// firstDiff shows the first differing line with a little context.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n-" + wl + "\n+" + gl
		}
	}
	return "(same lines, different bytes)"
}
