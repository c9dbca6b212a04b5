package redact

import (
	"bytes"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "hostname n9k-01\tmgmt0", "hostname n9k-01\tmgmt0"},
		{"utf-8 kept", "Café Zürich – 東京", "Café Zürich – 東京"},
		{"osc title", "x\x1b]0;PWNED\x07.txt", `x\x1b]0;PWNED\x07.txt`},
		{"osc 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07", `\x1b]52;c;cm0gLXJmIH4=\x07`},
		{"colour", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"raw 0x9b byte", "a\x9b2Jb", `a\x9b2Jb`},
		{"C1 CSI code point", "a\u009b2Jb", `a\x9b2Jb`},
		{"C1 NEL", "a\u0085b", `a\x85b`},
		{"NUL CR BS DEL", "a\x00b\rc\bd\x7f", `a\x00b\x0dc\x08d\x7f`},
		{"RLO", "vrf mgmt\u202e;daolen", `vrf mgmt\u202e;daolen`},
		{"every bidi control", "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", `\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069`},
		{"marks", "\u200e\u200f\u061c", `\u200e\u200f\u061c`},
		{"zero width and BOM", "tools\u200b.cisco\ufeff.com", `tools\u200b.cisco\ufeff.com`},
		{"line separators", "a\u2028b\u2029c", `a\u2028b\u2029c`},
		{"tag characters", "x\U000E0041y", `x\U000e0041y`},
		{"truncated UTF-8", "ab\xe2\x80", `ab\xe2\x80`},
		{"backslash kept", `C:\captures\sw1.txt`, `C:\captures\sw1.txt`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Escape(tt.in)
			if got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Escape(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
			if line := (Policy{}).Line(tt.in); line != tt.want {
				t.Errorf("Line(%q) = %q, want %q", tt.in, line, tt.want)
			}
		})
	}
}

// A secret glued to a control byte is redacted before the byte is escaped:
// escaping first would turn "\x1bkey" into the word "\x1bkey" that the key
// rule no longer sees.
func TestRedactBeforeEscape(t *testing.T) {
	got := Policy{}.Line("\x1bkey 7 s3cr3t")
	if strings.Contains(got, "s3cr3t") || !strings.Contains(got, `\x1b`) {
		t.Errorf("got %q", got)
	}
}

// The writer escapes every line; with Color it keeps colour sequences and
// nothing else.
func TestWriterEscapes(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, &Policy{})
	w.Write([]byte("\x1b[1mbold\x1b[0m \x1b]0;t\x07\n"))
	w.Color(true)
	w.Write([]byte("\x1b[1mbold\x1b[0m \x1b]0;t\x07 \x1b[2J \u202e\n"))
	w.Color(false)
	w.Write([]byte("\x1b[1mlast"))
	w.Close()
	want := `\x1b[1mbold\x1b[0m \x1b]0;t\x07` + "\n" +
		"\x1b[1mbold\x1b[0m " + `\x1b]0;t\x07 \x1b[2J \u202e` + "\n" +
		`\x1b[1mlast`
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
}

func TestWriterOverwrite(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, &Policy{})
	w.Overwrite("collected 1/2 \x1b]0;x\x07")
	w.Overwrite("collected 2/2")
	if want := "\r" + `collected 1/2 \x1b]0;x\x07` + "\rcollected 2/2"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

// Value escapes every string it reaches, so a renderer never sees a raw
// control character.
func TestValueEscapes(t *testing.T) {
	v := outer{Msg: "a\x1b]0;x\x07", Ptr: &inner{Lines: []string{"vrf \u202eabc"}}}
	Policy{}.Value(&v)
	if v.Msg != `a\x1b]0;x\x07` || v.Ptr.Lines[0] != `vrf \u202eabc` {
		t.Errorf("got %q, %q", v.Msg, v.Ptr.Lines[0])
	}
}
