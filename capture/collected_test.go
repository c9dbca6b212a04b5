package capture

import (
	"strings"
	"testing"
	"time"
)

func TestCollectedHeader(t *testing.T) {
	at := time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)
	header := CollectedHeader("sw1:22", at.In(time.FixedZone("CET", 3600)))
	session := "sw1# show clock\n18:00:01.000 UTC Thu Nov 26 2026\n"
	tests := []struct {
		name  string
		input string
		want  *Collected // nil: not a collected session
	}{
		{"header on line 1", header + "\n" + session,
			&Collected{Host: "sw1:22", WorkstationTime: at, Ref: Ref{Source: "in", Line: 1, Text: header}}},
		{"header with CRLF", header + "\r\n" + session,
			&Collected{Host: "sw1:22", WorkstationTime: at, Ref: Ref{Source: "in", Line: 1, Text: header}}},
		{"header after line 1 is output, not a header", session + header + "\n", nil},
		{"bad time", "! slcheck collected sw1:22 at yesterday (workstation clock)\n" + session, nil},
		{"show clock did not run", CollectedHeader("sw1:22", time.Time{}) + "\n" + session,
			&Collected{Host: "sw1:22", Ref: Ref{Source: "in", Line: 1, Text: CollectedHeader("sw1:22", time.Time{})}}},
		{"no time", "! slcheck collected sw1:22\n" + session, nil},
		{"plain log", session, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Read("in", strings.NewReader(tc.input), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Devices) != 1 {
				t.Fatalf("%d devices", len(c.Devices))
			}
			got := c.Devices[0].Collected
			switch {
			case tc.want == nil && got != nil:
				t.Errorf("got %+v, want none", got)
			case tc.want != nil && (got == nil || got.Host != tc.want.Host || !got.WorkstationTime.Equal(tc.want.WorkstationTime) || got.Ref != tc.want.Ref):
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if secs := c.Devices[0].Sections; len(secs) != 1 || secs[0].Command != "show clock" {
				t.Errorf("sections %+v, want show clock only", secs)
			}
		})
	}
}

// TestOutputLine: lines of output that look like another switch's prompt,
// a show-tech header or the mark itself stay output of their command when
// the collector writes them with OutputLine, and read back as they were.
func TestOutputLine(t *testing.T) {
	output := []string{
		"Smart Licensing is ENABLED",
		"OTHER-SW# show license status",
		"Registration:",
		"  Status: REGISTERED",
		"ACCESS#",
		"other(config)# callhome",
		"`show version`",
		"---- show tech-support details ----",
		`\already marked`,
		`\\two`,
		"core-01>",
		"  indented # not a prompt",
	}
	var b strings.Builder
	b.WriteString(CollectedHeader("sw1:22", time.Time{}) + "\n")
	b.WriteString("sw1# show license status\n")
	for _, l := range output {
		b.WriteString(OutputLine(l) + "\n")
	}
	b.WriteString("sw1# show clock\n18:00:01.000 UTC Thu Nov 26 2026\n")
	for _, l := range output[:4] {
		if OutputLine(l) == l && strings.Contains(l, "#") {
			t.Errorf("%q not marked", l)
		}
	}
	c, err := Read("in", strings.NewReader(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Devices) != 1 {
		t.Fatalf("%d devices, want 1:\n%s", len(c.Devices), b.String())
	}
	secs := c.Devices[0].Sections
	if len(secs) != 2 || secs[0].Command != "show license status" || secs[1].Command != "show clock" {
		t.Fatalf("sections %+v", secs)
	}
	var got []string
	for _, l := range secs[0].Lines {
		got = append(got, l.Text)
	}
	if strings.Join(got, "\n") != strings.Join(output, "\n") {
		t.Errorf("output read back as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(output, "\n"))
	}
	if OutputLine("plain output") != "plain output" {
		t.Error("a plain line was changed")
	}
}
