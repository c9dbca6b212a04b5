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
