package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/remedies"
)

// TestJSONNeverNull: nil slices anywhere in the document still print as
// arrays, as the contract promises; the only nulls are an absent remedy and
// the software evidence of input that shows no software.
func TestJSONNeverNull(t *testing.T) {
	doc := &Document{SchemaVersion: SchemaVersion, Devices: []Device{{
		Results: []checks.Result{{ID: "CH002", Status: checks.Fail, Remedy: &remedies.Remedy{}}, {ID: "CH001"}},
	}, {}}}
	var b bytes.Buffer
	if err := Render(&b, doc, Options{Format: JSON}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Count(out, "null") != strings.Count(out, `"remedy": null`)+strings.Count(out, `"software_evidence": null`) {
		t.Errorf("a null other than an absent remedy:\n%s", out)
	}
	for _, k := range []string{`"errors": []`, `"results": []`, `"evidence": []`, `"references": []`, `"config": []`, `"verify": []`, `"notes": []`} {
		if !strings.Contains(out, k) {
			t.Errorf("missing %s in:\n%s", k, out)
		}
	}
	empty := &Document{}
	b.Reset()
	Render(&b, empty, Options{Format: JSON})
	if !strings.Contains(b.String(), `"devices": []`) {
		t.Errorf("empty document: %s", b.String())
	}
}

func TestMarkdownProse(t *testing.T) {
	tests := map[string]string{
		"email-contact <redacted contact>":        `email-contact \<redacted contact\>`,
		"run `register idtoken <token>` then <x>": "run `register idtoken <token>` then \\<x\\>",
		"no marker": "no marker",
		// A backtick inside a captured value: the parts pair differently,
		// but each is a code span or escaped.
		"the URL `http://a`b/<script>` is http": "the URL `http://a`b/\\<script\\>\\` is http",
		"`x`` y`":                               "```x`` y```",
		"[t](https://evil.example/) *em* @all #1 a_b _c_": "\\[t\\](`https://evil.example/`) \\*em\\* \\@all \\#1 a_b \\_c\\_",
		// No URL, www. host or e-mail address autolinks: each is code.
		"see www.evil.example.":                "see `www.evil.example`.",
		"x@evil.example, (ftp://evil.example)": "`x@evil.example`, (`ftp://evil.example`)",
		"mailto:a.b+c@evil.example":            "mailto:`a.b+c@evil.example`",
		"no link: http:// or www. or a@b":      "no link: http:// or www. or a@b",
		"mgmt0|https://evil.example":           "mgmt0\\|`https://evil.example`",
		"1. https://evil.example":              "1\\. `https://evil.example`",
		"- item\n1. item\n===":                 "\\- item\n1\\. item\n\\===",
		"`|` in a cell":                        "`|` in a cell",
	}
	for in, want := range tests {
		if got := mdProse(in); got != want {
			t.Errorf("mdProse(%q) = %q, want %q", in, got, want)
		}
	}
}
