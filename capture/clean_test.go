package capture

import "testing"

func TestClean(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"plain text", "plain text"},
		{"trailing blanks \t ", "trailing blanks"},
		{"crlf\r", "crlf"},
		{"\x1b[1;32mgreen\x1b[0m text", "green text"},
		{"\x1b]0;window title\x07prompt#", "prompt#"},
		{"\x1b]0;title\x1b\\after", "after"},
		{"\x1b(Bcharset", "charset"},
		{"typo\b\b\bext", "text"},
		{"erase\b \b\b \b", "era"},
		{"abc\x1b[2Dx", "axc"},
		{"abcdef\x1b[3D\x1b[K", "abc"},
		{"old line\rnew", "new line"},
		{"--More--\r        \rnext", "next"},
		{" --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b  Status: OK", "  Status: OK"},
		{" --More-- callhome", "callhome"},
		{"a --More-- b", "a b"},
		{"n\x00u\x00l", "nul"},
		{"bell\x07 and del\x7f", "bell and del"},
		{"caf\xc3\xa9\b\bfe", "cafe"},
		{"latin1 \xe9", "latin1 \u00e9"},
		{"\x1b[", ""},
		{"\x1b", ""},
	}
	var c cleaner
	for _, tt := range tests {
		if got := string(c.clean([]byte(tt.raw))); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
