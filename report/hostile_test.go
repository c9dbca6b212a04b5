package report_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/lifecycle"
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
	// A link may only be an autolink: its text is its target.
	for _, m := range regexp.MustCompile(`<a href="([^"]*)">([^<]*)</a>`).FindAllStringSubmatch(h, -1) {
		if m[1] != m[2] && m[1] != "mailto:"+m[2] {
			t.Errorf("link text %q leads to %q", m[2], m[1])
		}
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
