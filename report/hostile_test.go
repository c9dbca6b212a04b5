package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/report"
)

// hostile is what a capture, a file name or a switch may hold: terminal
// controls (a title and a clipboard write), the 8-bit CSI as a raw byte
// and as U+009B, a bidi override, Markdown and HTML that would render live,
// and backticks to break out of a code span.
const hostile = "x\x1b]0;PWNED\x07 \x1b]52;c;Y2xpcA==\x07 \x9b2J \u009b2J \u202e;daoler \u2066 <script>alert(1)</script>" +
	" <img src=x onerror=alert(1)> [text](https://evil.example/) ` `` ``` *em* _u_ | &amp; # \\"

// fillStrings sets every string reachable from v to hostile plus the
// field's name, and gives every slice two elements and every pointer a
// value: a field added to the document later is covered without touching
// this test.
func fillStrings(v reflect.Value, name string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(hostile + " " + name)
	case reflect.Pointer:
		if v.Type().Elem() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(&time.Time{}))
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fillStrings(v.Elem(), name)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				fillStrings(v.Field(i), name+"."+f.Name)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			fillStrings(v.Index(i), name)
		}
	}
}

// hostileDocument is a document with the hostile text in every string
// field, and valid values where the renderers branch on one.
func hostileDocument() *report.Document {
	doc := &report.Document{}
	fillStrings(reflect.ValueOf(doc).Elem(), "doc")
	doc.SchemaVersion = report.SchemaVersion
	doc.Tool = report.Tool{Name: "slcheck", Version: "dev"}
	for i := range doc.Devices {
		d := &doc.Devices[i]
		d.Mode, d.Method = "classic", "direct"
		d.Lifecycle.Mode, d.Lifecycle.State = "classic", lifecycle.StateRegistered
		for k := range d.Lifecycle.Events {
			// A report read back holds only kinds slcheck writes.
			d.Lifecycle.Events[k].Kind = lifecycle.KindDeadline
		}
		for j := range d.Results {
			r := &d.Results[j]
			r.ID, r.Status, r.Severity, r.CausedBy = "CH00"+string(rune('1'+j)), checks.Fail, checks.Error, ""
		}
		d.Results[0].Status = checks.Fail
		d.Results[1].Status = checks.Skipped
	}
	return doc
}

// unsafeRune finds a character of s that must never reach a terminal raw:
// a control or format character other than newline and tab, or a byte
// that is not UTF-8. With sgr, colour sequences are allowed.
func unsafeRune(s string, sgr bool) (int, bool) {
	if sgr {
		s = regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(s, "")
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r != '\n' && r != '\t' && unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
			return i, true
		}
		i += size
	}
	return 0, false
}

// TestHostileTextEveryFormat renders hostile text in every field in every
// format: no control or bidi character reaches the output raw (the
// escapes are visible instead), and JSON stays valid.
func TestHostileTextEveryFormat(t *testing.T) {
	for _, format := range report.Formats {
		for _, color := range []bool{false, true} {
			out := render(t, hostileDocument(), report.Options{Format: format, Color: color})
			if i, bad := unsafeRune(out, color && format == report.Text); bad {
				t.Errorf("%s color=%v: raw control at %d: %q", format, color, i, out[max(i-40, 0):min(i+40, len(out))])
			}
			shown := out
			if format == report.JSON || format == report.OpenMetrics {
				// JSON and the metrics' label values quote the escapes'
				// backslash.
				shown = strings.ReplaceAll(out, `\\`, `\`)
			}
			for _, visible := range []string{`\x1b]0;PWNED\x07`, `\x9b2J`, `\u202e`, `\u2066`} {
				if !strings.Contains(shown, visible) {
					t.Errorf("%s: %s not shown", format, visible)
				}
			}
			if color && format == report.Text && !strings.Contains(out, "\x1b[1m") {
				t.Errorf("text color: slcheck's own colours were escaped too")
			}
			if format == report.JSON {
				var doc report.Document
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatalf("JSON not valid: %v", err)
				}
				if got := doc.Devices[0].Hostname; !strings.HasPrefix(got, `x\x1b]0;PWNED\x07 `) {
					t.Errorf("JSON hostname decodes to %q", got)
				}
			}
		}
	}
}

// TestHostileMarkdownRendersInert renders the Markdown report of hostile
// text to HTML with a CommonMark and GitHub-flavoured renderer (goldmark,
// tables, autolinks, strikethrough; raw HTML allowed, as a careless viewer
// would): no tag, link, image, emphasis or strikethrough comes from the
// captured text, and no captured backtick closes a code span or fence.
func TestHostileMarkdownRendersInert(t *testing.T) {
	md := render(t, hostileDocument(), report.Options{Format: report.Markdown})
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	var out bytes.Buffer
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	h := out.String()
	for _, live := range []string{"<script", "<img", "<em>em</em>", "<del>", ">text</a>"} {
		if strings.Contains(h, live) {
			t.Errorf("%q renders live", live)
		}
	}
	// Every string is captured text, and no URL in it links (not even as
	// an autolink: its text would be its target, but a click still opens it).
	if links := regexp.MustCompile(`<a [^>]*>`).FindAllString(h, -1); len(links) > 0 {
		t.Errorf("captured text renders as links: %q", links)
	}
	// Every field shows whole: its name after the hostile text, outside
	// any stray code span or tag.
	for _, field := range []string{"doc.Devices.Hostname", "doc.Devices.Results.Message", "doc.Devices.Results.Evidence.Text",
		"doc.Devices.Results.Remedy.Config", "doc.Devices.Results.Evidence.Command", "doc.Errors.Msg"} {
		if !strings.Contains(h, field) {
			t.Errorf("%s lost in the rendering", field)
		}
	}
	if n := strings.Count(h, "&lt;script&gt;alert(1)&lt;/script&gt;"); n < 10 {
		t.Errorf("the hostile text shows as text only %d times:\n%s", n, h)
	}
}

// markdownHTML renders doc's Markdown report to HTML as GitHub would
// (goldmark's GFM: tables, strikethrough, Linkify for bare URLs, www.
// hosts and e-mail addresses).
func markdownHTML(t *testing.T, doc *report.Document) string {
	t.Helper()
	md := render(t, doc, report.Options{Format: report.Markdown, Redact: redact.Policy{ShowContacts: true}})
	var h bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &h); err != nil {
		t.Fatal(err)
	}
	return h.String()
}

// TestMarkdownCapturedURLsDoNotLink puts a URL, a www. host or an e-mail
// address from a capture in each place of the Markdown report that holds
// captured text: rendered with GFM autolinks, none becomes a link to the
// capture's host, and its words still show.
func TestMarkdownCapturedURLsDoNotLink(t *testing.T) {
	values := []string{
		"https://HOST/licservice/license", "http://HOST:8182", "ftp://HOST/f", "HTTPS://HOST", "www.HOST", "(www.HOST/a).",
		"user@HOST", "mailto:user@HOST", "<https://HOST/>", "x`https://HOST/", "a|http://HOST", "\u00a0www.HOST",
	}
	places := []struct {
		name string
		set  func(d *report.Device, v string)
	}{
		{"hostname (heading, summary table)", func(d *report.Device, v string) { d.Hostname = v }},
		{"device note", func(d *report.Device, v string) { d.Notes = []string{"proxy " + v + " seen"} }},
		{"message", func(d *report.Device, v string) { d.Results[0].Message = "the URL " + v + ", from line 3, fails." }},
		{"consequence", func(d *report.Device, v string) { d.Results[1].Message = v }},
		{"skip reason", func(d *report.Device, v string) { d.Results[2].Reason = v }},
		{"evidence", func(d *report.Device, v string) {
			d.Results[0].Evidence = []capture.Ref{{Source: v, Command: "show run | i " + v, Line: 3, Text: "destination address http " + v}}
		}},
		{"remedy", func(d *report.Device, v string) {
			d.Results[0].Remedy = &remedies.Remedy{Summary: "Replace " + v + ".", Config: []string{"destination address http " + v},
				Verify: []string{"ping " + v}, Notes: []string{"Was " + v}, Warnings: []string{v + " is down"}}
		}},
		{"reference not slcheck's (a merged report)", func(d *report.Device, v string) {
			d.Results[0].References = append(d.Results[0].References, "see "+v)
		}},
		{"lifecycle", func(d *report.Device, v string) {
			d.Lifecycle = &lifecycle.Lifecycle{Mode: "classic", State: lifecycle.StateRegistered, Summary: v, Next: []string{v}, Deadlines: []string{v}}
		}},
	}
	for i, v := range values {
		for j, p := range places {
			host := fmt.Sprintf("v%dp%d.evil.example", i, j)
			v := strings.ReplaceAll(v, "HOST", host)
			doc := linkDocument()
			p.set(&doc.Devices[0], v)
			// Errors hold a captured value too.
			doc.Errors = []report.Error{{Source: "x", Kind: "read", Msg: "cannot read " + v}}
			h := markdownHTML(t, doc)
			if m := regexp.MustCompile(`<a [^>]*evil\.example[^>]*>`).FindString(h); m != "" {
				t.Errorf("%s %q: links to the capture's host: %s", p.name, v, m)
			}
			if !strings.Contains(h, host) {
				t.Errorf("%s %q: the host is not shown:\n%s", p.name, v, h)
			}
			if !strings.Contains(h, `<a href="https://www.cisco.com/c/en/us/td/docs/switches/datacenter/sw/nx-os/licensing/guide/`) {
				t.Errorf("%s %q: slcheck's own reference is no longer a link", p.name, v)
			}
		}
	}
}

// TestMarkdownOwnReferencesLink: the URLs slcheck cites link, in its
// references and in its notes; a URL that only starts like one does not.
func TestMarkdownOwnReferencesLink(t *testing.T) {
	const fn = "https://www.cisco.com/c/en/us/support/docs/field-notices/721/fn72115.html"
	doc := linkDocument()
	doc.Devices[0].Results[0].Remedy = &remedies.Remedy{Summary: "Fix.", Notes: []string{"check FN72115 (" + fn + ") first.", "not " + fn + ".evil.example/"}}
	h := markdownHTML(t, doc)
	plt, _ := checks.Lookup("PLT001")
	for _, ref := range plt.References {
		i := strings.Index(ref, "https://")
		if i >= 0 && !strings.Contains(h, `<a href="`+ref[i:]+`">`) {
			t.Errorf("%q is not a link:\n%s", ref[i:], h)
		}
	}
	if n := strings.Count(h, `<a href="`+fn+`">`); n != 1 {
		t.Errorf("the note's FN72115 URL links %d times, want once:\n%s", n, h)
	}
	if strings.Contains(h, `evil.example/"`) || !strings.Contains(h, "<code>"+fn+".evil.example/</code>") {
		t.Errorf("a URL that starts like a cited one links, or does not show as code:\n%s", h)
	}
}

// linkDocument is one device whose first result is PLT001, failing, with
// its own references (one has a Cisco URL), a consequence and a skip.
func linkDocument() *report.Document {
	plt, _ := checks.Lookup("PLT001")
	return &report.Document{SchemaVersion: report.SchemaVersion, Tool: report.Tool{Name: "slcheck", Version: "dev"},
		Devices: []report.Device{{Source: "sw1.log", Hostname: "sw1", Mode: "classic", Method: "direct", Results: []checks.Result{
			{ID: "PLT001", Title: "Platform", Status: checks.Fail, Severity: checks.Error, Message: "fails", References: slices.Clone(plt.References)},
			{ID: "CH001", Title: "Call Home", Status: checks.Fail, Severity: checks.Error, CausedBy: "PLT001", Message: "follows"},
			{ID: "CH002", Title: "HTTP", Status: checks.Skipped, Reason: "not run"},
		}}, {Source: "sw2.log", Hostname: "sw2"}}}
}
