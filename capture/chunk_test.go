package capture

import (
	"strings"
	"testing"
)

// TestSectionLinesOwnTheirRoom: the kept lines of sections share chunks
// (splitter.seal), yet each section's Lines is capped at its length, so a
// caller's append to one never changes another; a section without lines
// has none (nil), as it had before the chunks.
func TestSectionLinesOwnTheirRoom(t *testing.T) {
	var log strings.Builder
	for _, cmd := range []string{"show clock", "show hosts", "show version", "show license status"} {
		log.WriteString("sw1# " + cmd + "\n")
		if cmd == "show hosts" {
			continue // no output
		}
		for i := range 40 {
			log.WriteString(cmd + " line:" + strings.Repeat("x", i) + "\n")
		}
	}
	log.WriteString("sw1#\n")
	c, err := Read("log", strings.NewReader(log.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	secs := c.Devices[0].Sections
	if len(secs) != 4 {
		t.Fatalf("%d sections, want 4", len(secs))
	}
	want := make([][]Line, len(secs))
	for i, s := range secs {
		if len(s.Lines) != cap(s.Lines) {
			t.Errorf("%s: %d lines in a room of %d", s.Command, len(s.Lines), cap(s.Lines))
		}
		if s.Command == "show hosts" && s.Lines != nil {
			t.Errorf("show hosts: Lines = %#v, want nil", s.Lines)
		}
		want[i] = append([]Line(nil), s.Lines...)
	}
	for _, s := range secs {
		s.Lines = append(s.Lines, Line{N: -1, Text: "appended"})
	}
	for i, s := range secs {
		got := s.Lines[:len(s.Lines)-1]
		for j := range want[i] {
			if got[j] != want[i][j] {
				t.Errorf("%s line %d = %+v after the appends, want %+v", s.Command, j, got[j], want[i][j])
			}
		}
		for j, l := range want[i] {
			if !strings.HasPrefix(l.Text, s.Command+" line:") || len(l.Text) != len(s.Command)+6+j {
				t.Errorf("%s line %d = %q", s.Command, j, l.Text)
			}
		}
	}
}
