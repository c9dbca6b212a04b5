package snapshot

import (
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
)

// A capture slcheck ssh collected carries the workstation clock in its
// first line; Build makes it the snapshot's Collection, which CLK001
// compares with `show clock`. Any other capture has none.
func TestBuildCollection(t *testing.T) {
	at := time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)
	session := "sw1# show clock\n18:00:01.000 UTC Thu Nov 26 2026\n"
	for _, tc := range []struct {
		name, input string
		want        *Collection
	}{
		{"collected", capture.CollectedHeader("sw1:22", at) + "\n" + session,
			&Collection{Host: "sw1:22", WorkstationTime: at, Ref: capture.Ref{Source: "in", Line: 1, Text: capture.CollectedHeader("sw1:22", at)}}},
		{"terminal log", session, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := capture.Read("in", strings.NewReader(tc.input), capture.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := Build(c.Devices[0]).Collection
			if (got == nil) != (tc.want == nil) || got != nil && (got.Host != tc.want.Host || !got.WorkstationTime.Equal(tc.want.WorkstationTime) || got.Ref != tc.want.Ref) {
				t.Errorf("Collection %+v, want %+v", got, tc.want)
			}
		})
	}
}
