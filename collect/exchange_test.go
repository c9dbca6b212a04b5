package collect

import (
	"strings"
	"testing"
)

func TestCleanOutput(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"\n", ""},
		{"\n\n  \n", ""},
		{"one", "one"},
		{"\nDevice name: sw1   \n  indented  \nlast \n", "Device name: sw1\n  indented\nlast"},
		{"a\n\n\nb\n\n", "a\n\n\nb"},
		{"tab\t \nx", "tab\t\nx"}, // only blanks go
		{"  \n  lead", "  lead"},
		{"\r\nx\r \n", "\r\nx\r"},
	} {
		if got := cleanOutput([]byte(tt.in)); got != tt.want {
			t.Errorf("cleanOutput(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// cleanOutput is its definition: split in lines, each without its
// trailing blanks, joined, without blank lines at either end.
func FuzzCleanOutput(f *testing.F) {
	for _, s := range []string{"", "\n", "a \n\n b  \n", "x\r \n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		lines := strings.Split(in, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		if got, want := cleanOutput([]byte(in)), strings.Trim(strings.Join(lines, "\n"), "\n"); got != want {
			t.Errorf("cleanOutput(%q) = %q, want %q", in, got, want)
		}
	})
}

// A refusal counts in the first three lines of an output, not later.
func TestRefused(t *testing.T) {
	for _, tt := range []struct{ out, want string }{
		{"", ""},
		{"% Invalid command at '^' marker.", "% Invalid command at '^' marker."},
		{"\n\n   % Permission denied for the role  \nmore", "% Permission denied for the role"},
		{"                 ^\n% Invalid input detected at '^' marker.", "% Invalid input detected at '^' marker."},
		{"line 1\nline 2\n% Incomplete command", "% Incomplete command"},
		{"line 1\nline 2\nline 3\n% Incomplete command", ""},
		{"% Invalid host/interface 10.0.0.1", ""}, // an answer, evidence for DNS003
		{"Cisco Nexus Operating System (NX-OS) Software", ""},
	} {
		if got := refused(tt.out); got != tt.want {
			t.Errorf("refused(%q) = %q, want %q", tt.out, got, tt.want)
		}
	}
}
