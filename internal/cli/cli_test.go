package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/checks"
	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
	"github.com/slcheck/slcheck/report"
)

const seed = "../../testdata/showoutputs/http-url-seed/capture.txt"

type runResult struct {
	code     int
	out, err string
}

// runCLI runs slcheck in process, as main does, with buffers for streams.
// No test asks on the terminal of whoever runs the tests (ReadSecret nil).
func runCLI(t *testing.T, tty bool, env map[string]string, stdin string, args ...string) runResult {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb, IsTerminal: tty,
		Env: func(k string) string { return env[k] }})
	return runResult{code, out.String(), errb.String()}
}

// writeFile writes text to dir/name and returns the path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "image.bin")
	if err := os.WriteFile(binary, []byte("\x7fELF\x00\x00\x01\x02\x00\x00garbage\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		want    int
		errHas  string // in stderr
		outNone bool   // nothing on stdout
	}{
		{"findings", []string{"file", seed}, ExitFindings, "", false},
		{"no-fail", []string{"file", "--no-fail", seed}, ExitOK, "", false},
		{"no args", []string{"file"}, ExitUsage, "`slcheck file` needs a capture file (or - for stdin): e.g. `slcheck file show-tech.txt`", true},
		{"unknown flag", []string{"file", "--bogus", seed}, ExitUsage, "unknown flag --bogus for `slcheck file` (`slcheck file --help` lists the flags)", true},
		{"unknown command", []string{"frobnicate"}, ExitUsage, "unknown command", true},
		{"bad output", []string{"file", "-o", "yaml", seed}, ExitUsage, `unknown output format "yaml"`, true},
		{"bad color", []string{"file", "--color", "sometimes", seed}, ExitUsage, `--color "sometimes"`, true},
		{"bad fail-on", []string{"file", "--fail-on", "critical", seed}, ExitUsage, `--fail-on "critical"`, true},
		{"missing file", []string{"file", filepath.Join(dir, "nope.txt")}, ExitUsage, "nope.txt", false},
		{"not text", []string{"file", binary}, ExitUsage, "image.bin:1: binary data", false},
		{"empty", []string{"file", empty}, ExitUsage, "empty.txt", false},
		{"one bad of two", []string{"file", seed, filepath.Join(dir, "nope.txt")}, ExitUsage, "nope.txt", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, false, nil, "", tt.args...)
			if r.code != tt.want {
				t.Errorf("exit %d, want %d\nstderr: %s", r.code, tt.want, r.err)
			}
			if !strings.Contains(r.err, tt.errHas) {
				t.Errorf("stderr %q lacks %q", r.err, tt.errHas)
			}
			if tt.outNone && r.out != "" {
				t.Errorf("usage error printed a report:\n%s", r.out)
			}
		})
	}
}

// TestFailOn walks the --fail-on threshold over a document whose worst
// failure is known, through the same function every command ends with.
func TestFailOn(t *testing.T) {
	doc := func(sev checks.Severity, errs ...report.Error) *report.Document {
		d := newDocument()
		d.Devices = append(d.Devices, report.Device{Hostname: "sw1", Results: []checks.Result{
			{ID: "CH005", Status: checks.Fail, Severity: sev},
			{ID: "CH001", Status: checks.Pass, Severity: checks.Error},
		}})
		d.Errors = append(d.Errors, errs...)
		return d
	}
	input := report.Error{Source: "a.txt", Kind: "input", Line: 7, Msg: "not NX-OS output"}
	coll := report.Error{Source: "sw2:22", Kind: "collection", Msg: "timed out"}
	tests := []struct {
		name   string
		doc    *report.Document
		failOn string
		noFail bool
		want   int
	}{
		{"warning at warning", doc(checks.Warning), "warning", false, ExitFindings},
		{"warning at error", doc(checks.Warning), "error", false, ExitOK},
		{"info at warning", doc(checks.Info), "warning", false, ExitOK},
		{"info at info", doc(checks.Info), "info", false, ExitFindings},
		{"error at info", doc(checks.Error), "info", false, ExitFindings},
		{"no-fail", doc(checks.Error), "info", true, ExitOK},
		{"input error", doc(checks.Info, input), "warning", false, ExitUsage},
		{"input error beats findings", doc(checks.Error, input), "warning", false, ExitUsage},
		{"input error despite no-fail", doc(checks.Error, input), "warning", true, ExitUsage},
		{"collection", doc(checks.Info, coll), "warning", false, ExitCollection},
		{"collection beats input", doc(checks.Error, input, coll), "warning", false, ExitCollection},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			st := Streams{Out: &out, Err: &errb, Env: func(string) string { return "" }}
			o := &outputOptions{output: "json", color: "never", failOn: tt.failOn, noFail: tt.noFail}
			err := renderAndExit(st, tt.doc, o)
			got := ExitOK
			var ee *exitError
			if errors.As(err, &ee) {
				got = ee.code
			} else if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("exit %d, want %d", got, tt.want)
			}
			for _, e := range tt.doc.Errors {
				if !strings.Contains(errb.String(), describeError(e)) {
					t.Errorf("stderr %q lacks %q", errb.String(), describeError(e))
				}
			}
			if strings.Contains(errb.String(), "a.txt:7") != (len(tt.doc.Errors) > 0 && tt.doc.Errors[0].Kind == "input") {
				t.Errorf("input error must name file and line: %q", errb.String())
			}
		})
	}
}

func TestJSONContract(t *testing.T) {
	r := runCLI(t, false, nil, "", "file", "-o", "json", seed, "missing-file.txt")
	if r.code != ExitUsage {
		t.Errorf("exit %d, want %d (one input unreadable)", r.code, ExitUsage)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, r.out)
	}
	for _, k := range []string{"schema_version", "tool", "devices", "errors"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("document lacks %q", k)
		}
	}
	if doc["schema_version"] != float64(1) {
		t.Errorf("schema_version = %v", doc["schema_version"])
	}
	errs, _ := doc["errors"].([]any)
	if len(errs) != 1 || !strings.Contains(errs[0].(map[string]any)["source"].(string), "missing-file.txt") {
		t.Errorf("errors = %v, want the missing file", doc["errors"])
	}
	devs, _ := doc["devices"].([]any)
	if len(devs) != 1 {
		t.Fatalf("devices = %d, want 1", len(devs))
	}
	dev := devs[0].(map[string]any)
	for _, k := range []string{"source", "hostname", "platform", "version", "mode", "method", "captured_at", "results"} {
		if _, ok := dev[k]; !ok {
			t.Errorf("device lacks %q", k)
		}
	}
	results, _ := dev["results"].([]any)
	if len(results) != len(checks.Catalogue()) {
		t.Errorf("%d results, want one per catalogue ID (%d)", len(results), len(checks.Catalogue()))
	}
	for _, x := range results {
		res := x.(map[string]any)
		for _, k := range []string{"id", "title", "status", "severity", "message", "evidence", "remedy", "references"} {
			if _, ok := res[k]; !ok {
				t.Errorf("%v lacks %q", res["id"], k)
			}
		}
		for _, k := range []string{"evidence", "references"} {
			if res[k] == nil {
				t.Errorf("%v: %s is null", res["id"], k)
			}
		}
	}
}

func TestColor(t *testing.T) {
	tests := []struct {
		name string
		tty  bool
		env  map[string]string
		args []string
		ansi bool
	}{
		{"pipe", false, nil, nil, false},
		{"terminal", true, nil, nil, true},
		{"terminal NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, nil, false},
		{"terminal dumb", true, map[string]string{"TERM": "dumb"}, nil, false},
		{"always on a pipe", false, nil, []string{"--color", "always"}, true},
		{"always beats NO_COLOR", false, map[string]string{"NO_COLOR": "1"}, []string{"--color", "always"}, true},
		{"never on a terminal", true, nil, []string{"--color", "never"}, false},
		{"json never coloured", true, nil, []string{"-o", "json"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"file", "--no-fail"}, tt.args...), seed)
			r := runCLI(t, tt.tty, tt.env, "", args...)
			if r.code != ExitOK {
				t.Fatalf("exit %d: %s", r.code, r.err)
			}
			if got := strings.Contains(r.out, "\x1b["); got != tt.ansi {
				t.Errorf("ANSI codes present = %v, want %v", got, tt.ansi)
			}
		})
	}
}

func TestStdinAndGzip(t *testing.T) {
	raw, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	want := runCLI(t, false, nil, "", "file", "--no-fail", "-o", "json", seed)
	fromStdin := runCLI(t, false, nil, string(raw), "file", "--no-fail", "-o", "json", "-")
	if fromStdin.code != ExitOK {
		t.Fatalf("stdin: exit %d: %s", fromStdin.code, fromStdin.err)
	}
	// Same results whichever door the bytes came in by; only the source differs.
	if strings.ReplaceAll(want.out, seed, "-") != fromStdin.out {
		t.Errorf("stdin report differs from the file report")
	}
	gz := filepath.Join(t.TempDir(), "capture.txt.gz")
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(raw)
	zw.Close()
	if err := os.WriteFile(gz, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fromGz := runCLI(t, false, nil, "", "file", "--no-fail", "-o", "json", gz)
	if fromGz.code != ExitOK || strings.ReplaceAll(want.out, seed, gz) != fromGz.out {
		t.Errorf("gzip: exit %d, report differs from the plain file's\n%s", fromGz.code, fromGz.err)
	}
}

func TestShowContactsFlag(t *testing.T) {
	// The seed's callhome block holds an e-mail contact.
	hidden := runCLI(t, false, nil, "", "file", "--no-fail", "-o", "json", seed)
	shown := runCLI(t, false, nil, "", "file", "--no-fail", "--show-contacts", "-o", "json", seed)
	if strings.Contains(hidden.out, "abc@example.com") || strings.Contains(hidden.err, "abc@example.com") {
		t.Errorf("contact printed without --show-contacts")
	}
	if !strings.Contains(shown.out, "abc@example.com") {
		t.Errorf("--show-contacts did not show the e-mail contact")
	}
}

func TestFormatsWritten(t *testing.T) {
	for _, f := range []string{"text", "json", "markdown", "md"} {
		r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", f, seed)
		if r.code != ExitOK || r.out == "" {
			t.Errorf("-o %s: exit %d, %d bytes\n%s", f, r.code, len(r.out), r.err)
		}
	}
}

func TestHelpTopics(t *testing.T) {
	for topic, want := range map[string]string{
		"exit-codes":  "3  collection failed",
		"environment": "NO_COLOR",
	} {
		r := runCLI(t, false, nil, "", "help", topic)
		if r.code != ExitOK || !strings.Contains(r.out, want) {
			t.Errorf("help %s: exit %d, output lacks %q:\n%s", topic, r.code, want, r.out)
		}
	}
}

// TestSecretsScenario runs the secrets scenario through the command line in
// every format: stdout and stderr pass through the redacting writers.
func TestSecretsScenario(t *testing.T) {
	const dir = "../../testdata/showoutputs/secrets-everywhere/"
	raw, err := os.ReadFile(dir + "secrets.txt")
	if err != nil {
		t.Fatal(err)
	}
	var secrets, contacts []string
	for _, l := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(l, "secret "); ok {
			secrets = append(secrets, v)
		} else if v, ok := strings.CutPrefix(l, "contact "); ok {
			contacts = append(contacts, v)
		}
	}
	for _, format := range []string{"text", "json", "markdown"} {
		for _, show := range []bool{false, true} {
			args := []string{"file", "--no-fail", "-o", format, "--color", "always", dir + "capture.txt"}
			if show {
				args = append(args, "--show-contacts")
			}
			r := runCLI(t, true, nil, "", args...)
			if r.code != ExitOK {
				t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
			}
			hidden := secrets
			if !show {
				hidden = append(append([]string{}, secrets...), contacts...)
			}
			for _, s := range hidden {
				if strings.Contains(r.out+r.err, s) {
					t.Errorf("-o %s (show-contacts %v): %q printed", format, show, s)
				}
			}
		}
	}
	// The JSON report quotes the callhome e-mail contact as CH005's
	// evidence: shown with the flag, so the check above is not vacuous.
	r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", "json", "--show-contacts", dir+"capture.txt")
	if !strings.Contains(r.out, "planted.person@example.com") {
		t.Errorf("--show-contacts: the e-mail contact is not in the JSON report")
	}
}

// TestErrorsRedacted: error messages reach stderr through the redacting
// writer too, whatever they quote.
func TestErrorsRedacted(t *testing.T) {
	r := runCLI(t, false, nil, "", "file", "--output", "snmp-server community PlantedInError", seed)
	if r.code != ExitUsage {
		t.Errorf("exit %d, want %d", r.code, ExitUsage)
	}
	if strings.Contains(r.err, "PlantedInError") || !strings.Contains(r.err, "snmp-server community <redacted>") {
		t.Errorf("stderr not redacted: %q", r.err)
	}
}
