package capture

import (
	"regexp/syntax"
	"testing"
)

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

// TestCleanStamps: a terminal program's time stamp before every line is
// removed when the input's first lines carry one, and only then.
func TestCleanStamps(t *testing.T) {
	tests := []struct {
		name      string
		raw, want []string
	}{
		{"bracketed date and time",
			[]string{"[2024-03-01 10:11:12] sw1# show version", "[2024-03-01 10:11:12]   NXOS: version 9.3(10)", "[2024-03-01 10:11:13] ", "[2024-03-01 10:11:13] sw1#"},
			[]string{"sw1# show version", "  NXOS: version 9.3(10)", "", "sw1#"}},
		{"Tera Term", []string{"[Fri Mar 01 10:11:12.345 2024] sw1# show clock", "[Fri Mar 01 10:11:12.346 2024] 10:11:12.345 UTC Fri Mar 01 2024"},
			[]string{"sw1# show clock", "10:11:12.345 UTC Fri Mar 01 2024"}},
		{"SecureCRT, CRLF", []string{"[03/01/2024 10:11:12 AM] sw1# show hosts\r", "[03/01/2024 10:11:12 AM] DNS lookup enabled\r"},
			[]string{"sw1# show hosts", "DNS lookup enabled"}},
		{"time of day only, after a logger's banner", []string{"=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2024.03.01 10:11:12 =~=~=~=~=~=~=~=~=~=~=~=", "", "[10:11:12] sw1# show version", "[10:11:12] \tkickstart: version 7.1(4)N1(1)"},
			[]string{"=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2024.03.01 10:11:12 =~=~=~=~=~=~=~=~=~=~=~=", "", "sw1# show version", "\tkickstart: version 7.1(4)N1(1)"}},
		{"ISO 8601", []string{"2024-03-01T10:11:12.345Z sw1# show logging logfile", "2024-03-01T10:11:12.346+01:00 2024 Mar  1 10:11:12 sw1 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x"},
			[]string{"sw1# show logging logfile", "2024 Mar  1 10:11:12 sw1 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x"}},
		{"an unstamped line in a stamped log is kept", []string{"[10:11:12] sw1# show version", "  Device name: sw1"},
			[]string{"sw1# show version", "  Device name: sw1"}},
		{"log lines of an unstamped input keep their date", []string{"2024 Mar  1 10:11:12 sw1 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x", "[10:11:12] not a stamp here"},
			[]string{"2024 Mar  1 10:11:12 sw1 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x", "[10:11:12] not a stamp here"}},
		{"a stamp after the first lines is output", []string{"sw1# show version", "a", "b", "[10:11:12] c"},
			[]string{"sw1# show version", "a", "b", "[10:11:12] c"}},
	}
	for _, tt := range tests {
		var c cleaner
		for i, raw := range tt.raw {
			if got := string(c.clean([]byte(raw))); got != tt.want[i] {
				t.Errorf("%s: clean(%q) = %q, want %q", tt.name, raw, got, tt.want[i])
			}
		}
	}
}

// TestStampStart holds stampStart to stampREs: a stamp can only start
// with a byte it lets through, so skipping the regexps for the others
// changes nothing.
func TestStampStart(t *testing.T) {
	for _, re := range stampREs {
		prog, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog = prog.Simplify()
		if prog.Op != syntax.OpConcat || len(prog.Sub) < 2 || prog.Sub[0].Op != syntax.OpBeginText {
			t.Fatalf("%s: not ^ then more", re)
		}
		first := prog.Sub[1]
		for first.Op == syntax.OpConcat { // \d{4} is \d\d\d\d
			first = first.Sub[0]
		}
		var ranges []rune
		switch first.Op {
		case syntax.OpLiteral:
			for _, r := range first.Rune {
				ranges = append(ranges, r, r)
			}
		case syntax.OpCharClass:
			ranges = first.Rune
		default:
			t.Fatalf("%s: first element %v is neither a literal nor a class", re, first.Op)
		}
		for i := 0; i < len(ranges); i += 2 {
			for r := ranges[i]; r <= ranges[i+1]; r++ {
				if r > 0xff || stampStart(byte(r)) == 0 {
					t.Errorf("%s may start with %q, which stampStart skips", re, r)
				}
			}
		}
	}
	for _, raw := range []string{"Xx", "sw1# show version", " [10:11:12] x", "\t2024-03-01T10:11:12Z x"} {
		var c cleaner
		if got := string(c.clean([]byte(raw))); c.stamp != nil {
			t.Errorf("clean(%q) = %q took a stamp", raw, got)
		}
	}
}
