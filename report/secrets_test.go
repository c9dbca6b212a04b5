package report_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/report"
)

const secretsDir = "testdata/showoutputs/secrets-everywhere"

// planted reads the secrets and contacts planted in the secrets scenario.
func planted(t *testing.T) (secrets, contacts []string) {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, secretsDir, "secrets.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		kind, val, ok := strings.Cut(sc.Text(), " ")
		switch {
		case !ok || strings.HasPrefix(kind, "#"):
		case kind == "secret":
			secrets = append(secrets, val)
		case kind == "contact":
			contacts = append(contacts, val)
		}
	}
	if len(secrets) == 0 || len(contacts) == 0 {
		t.Fatal("secrets.txt lists no secret or no contact")
	}
	return secrets, contacts
}

func assertAbsent(t *testing.T, what, out string, values []string) {
	t.Helper()
	for _, v := range values {
		if strings.Contains(out, v) {
			t.Errorf("%s: %q reached the output", what, v)
		}
	}
}

// TestNoSecretInAnyScenario renders every scenario in every format and
// looks for the planted secrets and contacts.
func TestNoSecretInAnyScenario(t *testing.T) {
	secrets, contacts := planted(t)
	for _, sc := range scenarios(t) {
		for _, format := range report.Formats {
			out := render(t, document(t, sc), report.Options{Format: format, Color: format == report.Text})
			assertAbsent(t, sc.name+" "+string(format), out, append(secrets, contacts...))
		}
	}
}

// everyLineDocument puts every line of the secrets capture where renderers
// print text: evidence, message, remedy, references, errors. Unlike the
// pipeline, whose checks quote only some lines, it guarantees that every
// planted secret reaches every renderer.
func everyLineDocument(t *testing.T) *report.Document {
	t.Helper()
	name := secretsDir + "/capture.txt"
	raw, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	var ev []capture.Ref
	for i, l := range lines {
		ev = append(ev, capture.Ref{Command: "show running-config", Source: name, Line: i + 1, Text: l})
	}
	all := strings.Join(lines, "\n")
	fail := checks.Result{ID: "CH002", Title: "CiscoTAC-1 URL is http://", Status: checks.Fail,
		Severity: checks.Error, Message: all, Evidence: ev,
		Remedy:     &remedies.Remedy{Summary: lines[40], Config: lines, Verify: lines, Notes: lines},
		References: lines}
	consequence := fail
	consequence.ID, consequence.CausedBy = "LIC003", "CH002"
	skipped := checks.Result{ID: "DNS001", Status: checks.Skipped, Severity: checks.Info, Reason: all,
		Evidence: []capture.Ref{}, References: []string{}}
	return &report.Document{SchemaVersion: report.SchemaVersion, Tool: report.Tool{Name: "slcheck", Version: "dev"},
		Devices: []report.Device{{Source: name, Hostname: "n9k-secrets", Mode: "classic", Method: "proxy",
			Results: []checks.Result{fail, consequence, skipped}}},
		Errors: []report.Error{{Source: name, Kind: "input", Line: 3, Msg: all}}}
}

func TestRedactionInEveryFormat(t *testing.T) {
	secrets, contacts := planted(t)
	for _, format := range report.Formats {
		for _, color := range []bool{false, true} {
			out := render(t, everyLineDocument(t), report.Options{Format: format, Color: color})
			what := string(format)
			assertAbsent(t, what, out, append(secrets, contacts...))
			if format == report.OpenMetrics {
				// Metrics carry no message or evidence, only labels: what
				// matters is that no secret reaches them.
				continue
			}
			if !strings.Contains(out, redact.Marker) || !strings.Contains(out, redact.ContactMarker) {
				t.Errorf("%s: no redaction marker in the output", what)
			}
			// The rest of each line stays readable.
			for _, keep := range []string{"snmp-server community", "tacacs-server host 10.1.1.10", "email-contact"} {
				if !strings.Contains(out, keep) {
					t.Errorf("%s: %q lost with its secret", what, keep)
				}
			}
		}
	}
}

// TestShowContacts proves the contact assertions above are not vacuous:
// with --show-contacts they appear, and secrets still do not.
func TestShowContacts(t *testing.T) {
	secrets, contacts := planted(t)
	for _, format := range report.Formats {
		out := render(t, everyLineDocument(t), report.Options{Format: format, Redact: redact.Policy{ShowContacts: true}})
		assertAbsent(t, string(format)+" --show-contacts", out, secrets)
		if format == report.OpenMetrics {
			continue // no message or evidence to show contacts in
		}
		for _, c := range contacts {
			if !strings.Contains(out, c) {
				t.Errorf("%s --show-contacts: %q missing", format, c)
			}
		}
	}
}

// everyRuleDocument puts every redaction rule's example wherever a
// renderer prints text (evidence, message, remedy, notes, references,
// errors). A fresh document each call: rendering redacts it in place.
func everyRuleDocument() *report.Document {
	var lines []string
	for _, ru := range redact.Rules() {
		lines = append(lines, ru.Example)
	}
	var ev []capture.Ref
	for i, l := range lines {
		ev = append(ev, capture.Ref{Command: "show running-config", Source: "cap.txt", Line: i + 1, Text: l})
	}
	all := strings.Join(lines, "\n")
	fail := checks.Result{ID: "CH002", Title: "CiscoTAC-1 URL is http://", Status: checks.Fail,
		Severity: checks.Error, Message: all, Evidence: ev,
		Remedy: &remedies.Remedy{Summary: lines[0], Config: slices.Clone(lines), Verify: slices.Clone(lines),
			Notes: slices.Clone(lines)},
		References: slices.Clone(lines)}
	return &report.Document{SchemaVersion: report.SchemaVersion, Tool: report.Tool{Name: "slcheck", Version: "dev"},
		Devices: []report.Device{{Source: "cap.txt", Hostname: "n9k", Mode: "classic", Method: "direct",
			Results: []checks.Result{fail}}},
		Errors: []report.Error{{Source: "cap.txt", Kind: "input", Line: 3, Msg: all}}}
}

// TestEveryRuleEveryFormat feeds every redaction rule's example through
// every output format, wherever a renderer prints text (evidence, message,
// remedy, notes, references, errors): its secret never shows, and a
// contact shows only with --show-contacts, and the JSON stays valid (a
// secret at the end of a string is followed by its closing quote).
func TestEveryRuleEveryFormat(t *testing.T) {
	doc := everyRuleDocument
	for _, format := range report.Formats {
		for _, show := range []bool{false, true} {
			out := render(t, doc(), report.Options{Format: format, Redact: redact.Policy{ShowContacts: show}})
			if format == report.JSON {
				var back report.Document
				if err := json.Unmarshal([]byte(out), &back); err != nil {
					t.Errorf("--show-contacts=%v: JSON not valid: %v", show, err)
				}
			}
			for _, ru := range redact.Rules() {
				// Metrics print no text but labels: a contact never shows.
				want := show && ru.Contact && format != report.OpenMetrics
				if shown := strings.Contains(out, ru.Secret); shown != want {
					t.Errorf("-o %s --show-contacts=%v: %q shown %v (rule %s)", format, show, ru.Secret, shown, ru.Keyword)
				}
			}
		}
	}
}

// TestMarkersShowInMarkdown renders the redacted Markdown report to HTML:
// every marker shows as text (escaped, or in code), none is left as a raw
// tag that a browser would swallow (a redacted key would look empty).
func TestMarkersShowInMarkdown(t *testing.T) {
	doc := everyRuleDocument()
	// References are slcheck's own words, printed on one line joined by
	// "; ": a captured line there would put two contacts on one line, which
	// a rest-of-line rule cannot tell apart from one.
	doc.Devices[0].Results[0].References = []string{}
	md := render(t, doc, report.Options{Format: report.Markdown})
	var h bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe())).Convert([]byte(md), &h); err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{redact.Marker, redact.ContactMarker} {
		if i := strings.Index(h.String(), raw); i >= 0 {
			t.Errorf("%s is a raw tag in the HTML: %q", raw, h.String()[max(i-80, 0):min(i+40, h.Len())])
		}
	}
	if !strings.Contains(h.String(), "&lt;redacted&gt;") || !strings.Contains(h.String(), "&lt;redacted contact&gt;") {
		t.Error("no marker shows as text")
	}
}
