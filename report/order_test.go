package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
)

func fail(id string, sev checks.Severity, causedBy string) checks.Result {
	return checks.Result{ID: id, Status: checks.Fail, Severity: sev, CausedBy: causedBy}
}

func TestFindings(t *testing.T) {
	tests := []struct {
		name    string
		results []checks.Result
		want    map[string][]string // root -> consequences, in order
		order   []string
	}{
		{
			name: "root first, consequences under it, errors before warnings",
			results: []checks.Result{
				fail("LIC002", checks.Warning, "CH002"),
				fail("LIC003", checks.Error, "CH002"),
				fail("CH002", checks.Error, ""),
				fail("CH005", checks.Warning, ""),
				{ID: "CH001", Status: checks.Pass, Severity: checks.Error},
				fail("DNS001", checks.Error, ""),
			},
			order: []string{"CH002", "DNS001", "CH005"},
			want:  map[string][]string{"CH002": {"LIC002", "LIC003"}},
		},
		{
			name: "a cause that did not fail leaves the failure standing alone",
			results: []checks.Result{
				fail("LIC003", checks.Error, "CH002"),
				{ID: "CH002", Status: checks.Pass, Severity: checks.Error},
			},
			order: []string{"LIC003"},
			want:  map[string][]string{},
		},
		{
			name: "a note is no finding",
			results: []checks.Result{
				fail("PLT002", checks.Info, ""),
				fail("CH005", checks.Warning, ""),
			},
			order: []string{"CH005"},
			want:  map[string][]string{},
		},
		{
			name:    "nothing failed",
			results: []checks.Result{{ID: "CH001", Status: checks.Pass}, {ID: "CH002", Status: checks.Skipped}},
			want:    map[string][]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Device{Results: tt.results}.Findings()
			var order []string
			got := map[string][]string{}
			for _, f := range fs {
				order = append(order, f.ID)
				for _, c := range f.Consequences {
					got[f.ID] = append(got[f.ID], c.ID)
				}
			}
			if !reflect.DeepEqual(order, tt.order) {
				t.Errorf("roots %v, want %v", order, tt.order)
			}
			// RootCauseIDs orders them as Findings, never null.
			if ids := (Device{Results: tt.results}).RootCauseIDs(); ids == nil || len(ids)+len(order) > 0 && !reflect.DeepEqual(ids, order) {
				t.Errorf("RootCauseIDs %#v, want %v", ids, order)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("consequences %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCountsString(t *testing.T) {
	d := Device{Results: []checks.Result{
		fail("A", checks.Error, ""), fail("B", checks.Warning, ""), fail("C", checks.Warning, ""),
		fail("D", checks.Info, ""),
		{ID: "E", Status: checks.Pass}, {ID: "F", Status: checks.Skipped}, {ID: "G", Status: checks.Skipped},
	}}
	// A failure of severity info is a note, counted apart.
	if got, want := d.Counts().String(), "3 fail (1 error, 2 warnings), 1 note, 1 pass, 2 skipped"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := (Device{}).Counts().String(), "0 fail (0 errors, 0 warnings), 0 pass, 0 skipped"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"text": Text, "json": JSON, "markdown": Markdown, "md": Markdown, "JSON": JSON, "Markdown": Markdown} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("yaml"); err == nil {
		t.Error("ParseFormat(yaml) accepted")
	}
}

// TestShort: what is wrong, in short: asides dropped, the first clause,
// at most shortWidth runes.
func TestShort(t *testing.T) {
	long := strings.Repeat("word ", 30)
	tests := []struct{ in, want string }{
		{"the HTTP source interface Vlan27 is in VRF default, but Call Home uses VRF management: its HTTP messages cannot leave",
			"the HTTP source interface Vlan27 is in VRF default, but Call Home uses VRF management"},
		{"unregistered: registration was attempted and failed (LIC003 quotes the reason)", "unregistered: registration was attempted and failed"},
		{"Smart Licensing is DISABLED", "Smart Licensing is DISABLED"},
		{"the CiscoTAC-1 destination URL is http:// (http://tools.cisco.com/x): Cisco accepts HTTPS only", "the CiscoTAC-1 destination URL is http://"},
		{"the input mixes output from several devices (4 lines show another device); its facts cannot be judged", "the input mixes output from several devices"},
		{`registration FAILED: "reason (with an aside)" was quoted`, `registration FAILED: "reason (with an aside)" was quoted`},
		{"NX-OS 9.3(5) is too old for this", "NX-OS 9.3(5) is too old for this"},
		{"an aside never closed (like this", "an aside never closed (like this"},
		{long, strings.Repeat("word ", 17) + "word…"},
	}
	for _, tc := range tests {
		if got := Short(tc.in); got != tc.want {
			t.Errorf("Short(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNotChecked: the commands a device's "not checked" results ask to
// run, once each, in session order, with the checks that asked; a span
// before "run" (what the output was filtered by) is no command.
func TestNotChecked(t *testing.T) {
	skip := func(id, reason string) checks.Result {
		return checks.Result{ID: id, Status: checks.Skipped, Reason: reason}
	}
	d := Device{Results: []checks.Result{
		skip("NET001", "not checked: run `show running-config | include source-interface`"),
		skip("DNS001", "not checked: the output was filtered by `| include source-interface`; run `show running-config | include ntp`"),
		skip("NET003", "not checked: the test could not resolve h; after fixing DNS run `ping h vrf v` and `telnet h 443 vrf v`"),
		skip("TLS001", "not checked: run `telnet h 443 vrf v` and `ping h vrf v`"),
		skip("DNS004", "not run: add --probe (or --probe dns) to ask `x`"),
		skip("SLP001", "not applicable: classic"),
		{ID: "CH001", Status: checks.Pass},
	}}
	var got []string
	for _, m := range d.NotChecked() {
		got = append(got, m.Command+" "+strings.Join(m.IDs, ","))
	}
	want := []string{
		"show running-config | include source-interface NET001",
		"show running-config | include ntp DNS001",
		"ping h vrf v NET003,TLS001",
		"telnet h 443 vrf v NET003,TLS001",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestSoftwareLabel: the header names the software and its line; input
// nothing names is judged as NX-OS, and says when PLT003 noted it may not be.
func TestSoftwareLabel(t *testing.T) {
	ev := &capture.Ref{Source: "c.txt", Line: 2, Text: "Cisco Nexus Operating System (NX-OS) Software"}
	tests := []struct {
		name string
		d    Device
		want string
	}{
		{"named", Device{Software: capture.SoftwareNXOS, SoftwareEvidence: ev}, "NX-OS (from c.txt:2: Cisco Nexus Operating System (NX-OS) Software)"},
		{"not shown", Device{Software: capture.SoftwareUnknown, Results: []checks.Result{{ID: "PLT003", Status: checks.Pass}}}, "not shown (judged as NX-OS)"},
		{"PLT003's note", Device{Software: capture.SoftwareUnknown, Results: []checks.Result{fail("PLT003", checks.Info, "")}},
			"not shown, maybe not NX-OS (see PLT003; judged as NX-OS)"},
		{"mixed devices is not that note", Device{Software: capture.SoftwareUnknown, Results: []checks.Result{fail("PLT003", checks.Error, "")}},
			"not shown (judged as NX-OS)"},
	}
	for _, tt := range tests {
		if got := tt.d.SoftwareLabel(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
