package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// indentJSON writes what json.Indent writes from encoding/json's compact
// output, strings with quotes, backslashes and escapes included.
func TestIndentJSONIsJSONIndent(t *testing.T) {
	values := []any{
		map[string]any{},
		[]any{},
		"",
		42,
		nil,
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{1, "x", nil, true, 2.5}},
		[]any{[]any{[]any{}}, map[string]any{"k": map[string]any{"l": []any{map[string]any{}}}}},
		map[string]any{`q"uote`: `a "quoted" \ back\slash \\" ,:{}[] end\`, "ctl": "\x00\x1b\n\t\u2028<>&", "é": "ünï", "": ""},
		[]any{`\`, `\\`, `"`, `\"`, `",{`, "}]"},
	}
	for _, v := range values {
		for _, html := range []bool{false, true} {
			var compact bytes.Buffer
			enc := json.NewEncoder(&compact)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			for _, pi := range [][2]string{{"", "  "}, {"    ", "  "}, {">", "\t"}} {
				var want bytes.Buffer
				if err := json.Indent(&want, compact.Bytes(), pi[0], pi[1]); err != nil {
					t.Fatal(err)
				}
				if got := indentJSON([]byte("x"), compact.Bytes(), pi[0], pi[1]); string(got) != "x"+want.String() {
					t.Errorf("%s with %q %q:\ngot  %q\nwant %q", compact.Bytes(), pi[0], pi[1], got[1:], want.String())
				}
			}
		}
	}
}

func FuzzIndentJSON(f *testing.F) {
	f.Add(`{"a":[1,{"b":"c\"d\\"},[],{}],"e":null}`)
	f.Add(`[[],[[{}]],"\\\"",""]`)
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		compact, err := json.Marshal(v)
		if err != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact, "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, compact, "    ", "  "); string(got) != want.String() {
			t.Errorf("%s:\ngot  %q\nwant %q", compact, got, want.String())
		}
	})
}
