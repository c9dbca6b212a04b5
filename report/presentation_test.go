package report_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/report"
)

// TestAnswerFirst: in every scenario's text report, each device leads
// with its verdict, and its first root cause, with its fix, comes before
// the lifecycle and the checklist; the verdict ends the device again.
func TestAnswerFirst(t *testing.T) {
	for _, sc := range scenarios(t) {
		doc := document(t, sc)
		out := render(t, doc, report.Options{Format: report.Text})
		for _, d := range doc.Devices {
			// A verdict wider than the report is wrapped: its first two
			// parts start the device's report.
			head := d.Name() + "  " + strings.SplitN(strings.TrimPrefix(d.Verdict(), d.Name()+"  "), "  ", 2)[0]
			start := strings.Index(out, head)
			if start < 0 {
				t.Errorf("%s: %s: no verdict %q", sc.name, d.Name(), head)
				continue
			}
			rest := out[start:]
			checklist := strings.Index(rest, "\nChecklist:")
			if checklist < 0 {
				t.Errorf("%s: %s: no verdict or checklist", sc.name, d.Name())
				continue
			}
			fs := d.Findings()
			if len(fs) == 0 {
				continue
			}
			problem := strings.Index(rest, "Problem")
			if problem < 0 || problem > checklist || !strings.Contains(rest[problem:checklist], fs[0].ID+" ["+string(fs[0].Severity)+"]") {
				t.Errorf("%s: %s: the first root cause %s does not come before the checklist:\n%s", sc.name, d.Name(), fs[0].ID, rest)
			}
			if fs[0].Remedy != nil {
				if fix := strings.Index(rest, "Fix:"); fix < 0 || fix > checklist {
					t.Errorf("%s: the first root cause's fix does not come before the checklist", sc.name)
				}
			}
			if lc := strings.Index(rest, "Licence lifecycle"); lc >= 0 && lc < problem {
				t.Errorf("%s: the lifecycle comes before the first root cause", sc.name)
			}
			if end := strings.LastIndex(rest, d.Name()+"  "); end <= checklist {
				t.Errorf("%s: the verdict does not end the device's report", sc.name)
			}
		}
	}
}

// scenarioDoc returns one scenario's document by name.
func scenarioDoc(t *testing.T, name string) *report.Document {
	t.Helper()
	for _, sc := range scenarios(t) {
		if sc.name == name {
			return document(t, sc)
		}
	}
	t.Fatalf("no scenario %s", name)
	return nil
}

// TestRootCauseShape (the seed, CH002): the warning that changes what to
// paste comes before the block, whose uncertain line is a placeholder;
// the consequences say, one line each, that CH002 fixes them; CH004 does
// not repeat CH002's warning; the source path is printed once.
func TestRootCauseShape(t *testing.T) {
	doc := scenarioDoc(t, "http-url-seed")
	out := render(t, doc, report.Options{Format: report.Text})
	warn := strings.Index(out, "Before pasting:")
	block := strings.Index(out, "  no destination-profile CiscoTAC-1 index 1 http <URL as the switch prints it>\n")
	if warn < 0 || block < 0 || warn > block {
		t.Errorf("the warning does not precede a block with a placeholder:\n%s", out)
	}
	if strings.Contains(out, "no destination-profile CiscoTAC-1 index 1 http http://") {
		t.Error("a `no` line rebuilt from a cut URL looks ready to paste")
	}
	// Each consequence is one entry (wrapped under itself when the width
	// is short) that says CH002 fixes it.
	lines := strings.Split(out, "\n")
	for _, id := range []string{"LIC002", "LIC003"} {
		entry := ""
		for i, l := range lines {
			if strings.HasPrefix(l, "    "+id+" ") {
				entry = l
				for _, more := range lines[i+1:] {
					if !strings.HasPrefix(more, strings.Repeat(" ", 10)) {
						break
					}
					entry += " " + strings.TrimSpace(more)
				}
			}
		}
		if !strings.HasSuffix(entry, "(fixed by CH002)") {
			t.Errorf("%s: entry %q does not say it is fixed by CH002", id, entry)
		}
	}
	if strings.Contains(out, "Register the switch with an ID token") {
		t.Errorf("consequences repeat their own fix instead of naming CH002's:\n%s", out)
	}
	if n := strings.Count(out, "Before pasting:"); n != 1 {
		t.Errorf("%d warnings, want CH002's only (CH004 carries none)", n)
	}
	if n := strings.Count(out, doc.Devices[0].Source); n != 1 {
		t.Errorf("the source path is printed %d times, want once", n)
	}
	full := render(t, doc, report.Options{Format: report.Text, Full: true})
	if !strings.Contains(full, "Fix: fixed by CH002: apply its fix above") || strings.Contains(full, "Register the switch with an ID token") {
		t.Errorf("--checklist full: a consequence's fix is not CH002's:\n%s", full)
	}
	for _, r := range doc.Devices[0].Results {
		if !strings.Contains(full, "  "+r.ID+" ") {
			t.Errorf("--checklist full lacks the row of %s", r.ID)
		}
	}
}

// TestNote: a failure of severity info is a note: never FAIL, counted
// apart, not a root cause.
func TestNote(t *testing.T) {
	doc := scenarioDoc(t, "slp-healthy")
	d := doc.Devices[0]
	for _, format := range []report.Format{report.Text, report.Markdown} {
		out := render(t, doc, report.Options{Format: format})
		if strings.Contains(out, "FAIL") || strings.Contains(strings.ToLower(out), "| fail |") {
			t.Errorf("%s: a note is shown as a failure:\n%s", format, out)
		}
		if !strings.Contains(out, "1 note") || !strings.Contains(out, "no problem found") {
			t.Errorf("%s: the note is not counted apart:\n%s", format, out)
		}
	}
	var got struct {
		Devices []struct {
			RootCauses []string       `json:"root_causes"`
			Summary    map[string]int `json:"summary"`
		} `json:"devices"`
	}
	if err := json.Unmarshal([]byte(render(t, doc, report.Options{Format: report.JSON})), &got); err != nil {
		t.Fatal(err)
	}
	c := d.Counts()
	want := map[string]int{"error": 0, "warning": 0, "info": 1, "pass": c.Pass, "skipped": c.Skipped}
	if dv := got.Devices[0]; len(dv.RootCauses) != 0 || len(dv.Summary) != len(want) {
		t.Errorf("root_causes %v, summary %v", dv.RootCauses, dv.Summary)
	} else {
		for k, v := range want {
			if dv.Summary[k] != v {
				t.Errorf("summary[%s] = %d, want %d", k, dv.Summary[k], v)
			}
		}
	}
}

// TestJSONRootCauses: root_causes are the failures no other explains,
// most severe first; summary counts every result once.
func TestJSONRootCauses(t *testing.T) {
	for _, sc := range scenarios(t) {
		doc := document(t, sc)
		var got struct {
			Devices []struct {
				RootCauses []string        `json:"root_causes"`
				Summary    map[string]int  `json:"summary"`
				Results    []checks.Result `json:"results"`
			} `json:"devices"`
		}
		if err := json.Unmarshal([]byte(render(t, doc, report.Options{Format: report.JSON})), &got); err != nil {
			t.Fatal(err)
		}
		for _, d := range got.Devices {
			sum := 0
			for _, n := range d.Summary {
				sum += n
			}
			if sum != len(d.Results) || d.RootCauses == nil {
				t.Errorf("%s: summary %v counts %d of %d results; root_causes %v", sc.name, d.Summary, sum, len(d.Results), d.RootCauses)
			}
			byID := map[string]checks.Result{}
			for _, r := range d.Results {
				byID[r.ID] = r
			}
			for i, id := range d.RootCauses {
				r := byID[id]
				if r.Status != checks.Fail || r.Severity == checks.Info || r.CausedBy != "" {
					t.Errorf("%s: root cause %s is %s %s caused by %q", sc.name, id, r.Status, r.Severity, r.CausedBy)
				}
				if i > 0 && byID[d.RootCauses[i-1]].Severity.Rank() < r.Severity.Rank() {
					t.Errorf("%s: root causes %v not most severe first", sc.name, d.RootCauses)
				}
			}
		}
	}
}

// TestFixBlocksOneShape: every fix to paste, in every scenario, is
// `configure terminal` ... `end`, `copy running-config startup-config`.
func TestFixBlocksOneShape(t *testing.T) {
	for _, sc := range scenarios(t) {
		for _, d := range document(t, sc).Devices {
			for _, r := range d.Results {
				if r.Remedy == nil || len(r.Remedy.Config) == 0 {
					continue
				}
				c := r.Remedy.Config
				if len(c) < 4 || c[0] != "configure terminal" || c[len(c)-2] != "end" || c[len(c)-1] != "copy running-config startup-config" {
					t.Errorf("%s: %s: fix block %q", sc.name, r.ID, c)
				}
			}
		}
	}
}

// TestSummaryFirst: several devices get the summary table before their
// reports, in text and Markdown.
func TestSummaryFirst(t *testing.T) {
	doc := scenarioDoc(t, "two-devices")
	for _, format := range []report.Format{report.Text, report.Markdown} {
		out := render(t, doc, report.Options{Format: format})
		table := strings.Index(strings.ToUpper(out), "ROOT CAUSE")
		first := strings.Index(out, "Licensing")
		if table < 0 || first < 0 || table > first || !strings.Contains(out, "leaf-102") {
			t.Errorf("%s: the summary does not come first:\n%s", format, out)
		}
	}
}

// TestREADMEExcerpt: the text report quoted in README.md is the seed's,
// line for line where it is not cut ("..."), so the README stays true.
func TestREADMEExcerpt(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "```\nDC-DMZ  2 problems")
	if start < 0 {
		t.Fatal("README.md quotes no report of the seed")
	}
	end := strings.Index(readme[start+4:], "```")
	got := strings.Split(render(t, scenarioDoc(t, "http-url-seed"), report.Options{Format: report.Text}), "\n")
	lines := map[string]bool{}
	for _, l := range got {
		lines[l] = true
	}
	for _, l := range strings.Split(readme[start+4:start+4+end], "\n") {
		if strings.TrimSpace(l) != "" && !strings.Contains(l, "...") && !lines[l] {
			t.Errorf("README.md quotes a line the report does not print: %q", l)
		}
	}
}
