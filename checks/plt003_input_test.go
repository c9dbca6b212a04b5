package checks

import (
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

func TestPLT003(t *testing.T) {
	ref := capture.Ref{Source: "t.txt", Line: 3, Text: "Current call home settings:"}
	cases := []struct {
		name   string
		s      *snapshot.Snapshot
		status Status
	}{
		{"NX-OS", &snapshot.Snapshot{Commands: map[string]bool{"show version": true}}, Pass},
		{"nothing captured", &snapshot.Snapshot{}, Skipped},
		{"IOS-XE", &snapshot.Snapshot{Foreign: []capture.Ref{ref}}, Fail},
		{"two devices", &snapshot.Snapshot{Mixed: []capture.Ref{ref, ref}}, Fail},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want(t, run(t, "PLT003", tc.s), tc.status, "")
			if tc.status == Fail {
				// Every other core check steps aside.
				for _, id := range []string{"CH001", "NET002", "DNS001", "TLS002", "LOG001"} {
					want(t, run(t, id, tc.s), Skipped, "not applicable: input")
				}
			}
		})
	}
}
