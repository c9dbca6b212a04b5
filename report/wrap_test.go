package report

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"a b c", 3, []string{"a b", "c"}},
		{"  spaced   out  ", 20, []string{"spaced out"}},
		{"short https://www.cisco.com/a/very/long/url end", 10, []string{"short", "https://www.cisco.com/a/very/long/url", "end"}},
		{"", 10, nil},
		{"not checked: run `show running-config | include ntp` first", 20,
			[]string{"not checked: run", "`show running-config | include ntp`", "first"}},
		{"a `b c` d", 5, []string{"a", "`b c`", "d"}},
		{"an `unclosed span to the end", 8, []string{"an", "`unclosed span to the end"}},
	}
	for _, tt := range tests {
		got := Wrap(tt.text, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}
