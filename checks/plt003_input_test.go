package checks

import (
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

func TestPLT003(t *testing.T) {
	ref := capture.Ref{Source: "t.txt", Line: 3, Text: "Current call home settings:"}
	other := func(sw string, line int, text string) *snapshot.Snapshot {
		r := capture.Ref{Source: "t.txt", Line: line, Text: text}
		return &snapshot.Snapshot{Software: sw, SoftwareRef: r, Foreign: []capture.Ref{r}}
	}
	cases := []struct {
		name   string
		s      *snapshot.Snapshot
		status Status
		text   []string // in the message
		skip   string   // prefix of the other checks' reason
	}{
		{"NX-OS", &snapshot.Snapshot{Software: capture.SoftwareNXOS, SoftwareRef: capture.Ref{Source: "t.txt", Line: 1, Text: "Cisco Nexus Operating System (NX-OS) Software"},
			Commands: map[string]bool{"show version": true}}, Pass, []string{"NX-OS output", "t.txt:1"}, ""},
		{"nothing NX-OS-only", &snapshot.Snapshot{Software: capture.SoftwareUnknown, Commands: map[string]bool{"show license status": true}}, Pass,
			[]string{"takes it for NX-OS"}, ""},
		{"nothing captured", &snapshot.Snapshot{}, Skipped, nil, ""},
		{"IOS-XE without a name", &snapshot.Snapshot{Foreign: []capture.Ref{ref}}, Fail, []string{"t.txt:3", "Current call home settings:"}, "not applicable: unknown software output"},
		{"IOS", other(capture.SoftwareIOS, 7, "version 15.2"), Fail, []string{"t.txt:7 shows IOS", `"version 15.2"`}, "not applicable: IOS output, not NX-OS"},
		{"IOS-XE", other(capture.SoftwareIOSXE, 4, "Utility:"), Fail, []string{"shows IOS-XE", "Utility:"}, "not applicable: IOS-XE output"},
		{"IOS-XR", other(capture.SoftwareIOSXR, 1, "RP/0/RP0/CPU0:router1#show logging"), Fail, []string{"shows IOS-XR", "RP/0/RP0/CPU0:router1#"}, "not applicable: IOS-XR output"},
		{"ASA", other(capture.SoftwareASA, 1, "ASA# show license status"), Fail, []string{"shows ASA", "ASA#"}, "not applicable: ASA output"},
		{"ACI", other(capture.SoftwareACI, 28, `  cisco N9K-C9396PX ("supervisor")`), Fail, []string{"shows NX-OS in ACI mode", "N9K-C9396PX"}, "not applicable: a switch in ACI mode"},
		{"two devices", &snapshot.Snapshot{Mixed: []capture.Ref{ref, ref}}, Fail, []string{"several devices"}, "not applicable: input mixes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, "PLT003", tc.s)
			want(t, r, tc.status, "")
			for _, w := range tc.text {
				if !strings.Contains(r.Message, w) {
					t.Errorf("message %q lacks %q", r.Message, w)
				}
			}
			if tc.status == Fail {
				if len(r.Evidence) == 0 || r.Remedy == nil {
					t.Errorf("failure without evidence or remedy: %+v", r)
				}
				// Every other core check steps aside.
				for _, id := range []string{"PLT001", "PLT002", "CH001", "NET002", "DNS001", "TLS002", "LOG001", "SLP001"} {
					want(t, run(t, id, tc.s), Skipped, tc.skip)
				}
			}
		})
	}
}
