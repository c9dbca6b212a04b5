package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
)

// writeMarkdown writes case notes to paste into a support case: the
// summary table when there are several devices, then per device the
// verdict, its summary, each root cause with its fix, how to verify it,
// its evidence and the failures it explains, the notes, one block of what
// was not checked, the lifecycle, then the whole checklist.
func writeMarkdown(w io.Writer, doc *Document, opt Options) error {
	m := &mdWriter{w: w}
	m.printf("# slcheck report\n")
	if rows := summaryRows(doc); len(rows) > 1 {
		m.printf("\n| Host | Release | Mode | State | Root cause |\n|---|---|---|---|---|\n")
		for _, r := range rows {
			m.printf("| %s | %s | %s | %s | %s |\n", mdCell(r.Host), mdCell(r.Release), mdCell(r.Mode), mdCell(r.State), mdCell(r.Cause))
		}
	}
	for _, d := range doc.Devices {
		m.device(d, opt)
	}
	if len(doc.Devices) == 0 {
		m.printf("\nNo device found in the input.\n")
	}
	if len(doc.Errors) > 0 {
		m.printf("\n## Inputs that could not be read\n\n")
		for _, e := range doc.Errors {
			loc := e.Source
			if e.Line > 0 {
				loc = fmt.Sprintf("%s:%d", e.Source, e.Line)
			}
			m.printf("- %s (%s): %s\n", mdCode(loc), mdEscape(string(e.Kind)), mdProse(e.Msg))
		}
	}
	m.printf("\n---\nWritten by %s %s.\n", mdText(doc.Tool.Name), mdText(doc.Tool.Version))
	return m.err
}

type mdWriter struct {
	w   io.Writer
	err error
	// src is the source of the device being written: evidence from it
	// does not repeat it.
	src string
}

func (m *mdWriter) printf(format string, a ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, a...)
	}
}

func (m *mdWriter) device(d Device, opt Options) {
	m.printf("\n## %s\n\n**Verdict:** %s\n\n", mdText(d.Name()), mdText(strings.Join(d.verdictParts(false), "; ")))
	m.facts(d)
	m.src = d.Source
	m.findings(d)
	if notes := d.InfoResults(); len(notes) > 0 {
		m.printf("\n### Notes\n\n")
		for _, n := range notes {
			m.printf("- %s (info): %s\n", mdText(n.ID), mdText(n.Message))
		}
	}
	m.notChecked(d)
	m.lifecycle(d, opt.Width)
	m.checklist(d)
}

// facts is the device's table of what the capture says of it.
func (m *mdWriter) facts(d Device) {
	m.printf("| | |\n|---|---|\n")
	row := func(k, v string) {
		if v == "" {
			v = "unknown"
		}
		// The Source row names the file; the others say "line N".
		m.printf("| %s | %s |\n", mdCell(k), mdCell(localRefs(v, d.Source)))
	}
	row("Source", sourceLabel(d.Source))
	row("Hostname", d.Hostname)
	row("Software", d.SoftwareLabel())
	row("Platform", d.Platform)
	row("Release", withFrom(d.Release(), d.VersionFrom))
	row("Licensing", withFrom(ModeLabel(d.Mode), d.ModeFrom))
	row("Method", MethodLabel(d.Method))
	if d.Path.Mode != "" {
		path := d.Path.String()
		if from := PathLines(d.Path, d.Source); from != "" {
			path += " (" + from + ")"
		}
		row("Licensing path", path)
	}
	captured := d.CapturedAt
	if captured != "" && d.CapturedAtFrom != "" {
		captured += " (from " + d.CapturedAtFrom + ")"
	}
	row("Captured", captured)
	row("Result", d.Counts().String())
	for _, n := range d.Notes {
		row("Note", n)
	}
}

// findings is a section per root cause, with the failures its fix fixes.
func (m *mdWriter) findings(d Device) {
	fs := d.Findings()
	for _, f := range fs {
		// Titles name the passing state, so a heading says the check failed.
		m.printf("\n### Root cause: %s (%s): check \"%s\" failed\n", mdText(f.ID), mdText(string(f.Severity)), mdText(f.Title))
		m.result(f.Result)
		if len(f.Consequences) > 0 {
			m.printf("\n**Consequences**, fixed by the %s fix:\n\n", mdText(f.ID))
			for _, c := range f.Consequences {
				m.printf("- %s (%s): %s (fixed by %s)\n", mdText(c.ID), mdText(string(c.Severity)), mdText(Short(c.Message)), mdText(f.ID))
			}
		}
	}
	if len(fs) == 0 {
		m.printf("\nNo problem found.\n")
	}
}

// notChecked names the checks that lack output and the commands to run.
func (m *mdWriter) notChecked(d Device) {
	ms := d.NotChecked()
	if len(ms) == 0 {
		return
	}
	var ids, cmds []string
	seen := map[string]bool{}
	for _, mc := range ms {
		cmds = append(cmds, mc.Command)
		for _, id := range mc.IDs {
			seen[id] = true
		}
	}
	for _, r := range d.Results {
		if seen[r.ID] {
			ids = append(ids, r.ID)
		}
	}
	m.printf("\n### Not checked\n\n%s (%s) lack output: run these on the switch, then slcheck on the whole log.\n", mdText(plural(len(ids), "check", "checks")), mdText(idList(ids)))
	m.block(cmds)
}

// checklist is the table of every check's result.
func (m *mdWriter) checklist(d Device) {
	m.printf("\n### Checklist\n\n| ID | Status | Severity | Check | Note |\n|---|---|---|---|---|\n")
	for _, r := range d.Results {
		sev, note, status := "", "", string(r.Status)
		switch r.Status {
		case checks.Fail:
			sev = string(r.Severity)
			note = r.Message
			if isNote(r) {
				status = "note"
			}
		case checks.Skipped:
			note = r.Reason
		}
		m.printf("| %s | %s | %s | %s | %s |\n", mdCell(r.ID), mdCell(status), mdCell(sev), mdCell(r.Title), mdCell(firstLine(note)))
	}
}

func (m *mdWriter) result(r checks.Result) {
	if r.Message != "" {
		m.printf("\n%s\n", mdProse(r.Message))
	}
	if rem := r.Remedy; rem != nil {
		for _, w := range rem.Warnings {
			m.printf("\n> **Before pasting:** %s\n", mdProse(w))
		}
		m.printf("\n**Fix.**")
		if rem.Summary != "" {
			m.printf(" %s", mdProse(rem.Summary))
		}
		m.printf("\n")
		m.block(rem.Config)
		if len(rem.Verify) > 0 {
			m.printf("\n**Verify.**\n")
			m.block(rem.Verify)
		}
		for _, n := range rem.Notes {
			m.printf("\n> %s\n", mdProse(n))
		}
	}
	if len(r.Evidence) > 0 {
		m.printf("\n**Evidence.**\n")
		m.evidence(r.Evidence)
	}
	if len(r.References) > 0 {
		m.printf("\n**References.** %s\n", mdProse(strings.Join(r.References, "; ")))
	}
}

func (m *mdWriter) block(lines []string) {
	if len(lines) == 0 {
		return
	}
	m.printf("\n%s\n", mdFence(lines))
}

// evidence quotes each run of lines from one command in a code block,
// headed by the command and where the lines come from (code spans: both
// are captured text).
func (m *mdWriter) evidence(refs []capture.Ref) {
	for i := 0; i < len(refs); {
		j := i
		for j < len(refs) && refs[j].Command == refs[i].Command && refs[j].Source == refs[i].Source {
			j++
		}
		// The device's own source is in its table: named once.
		head := ""
		if refs[i].Source != m.src {
			head = mdCode(refs[i].Source)
		}
		switch {
		case refs[i].Command != "" && head != "":
			head = mdCode(refs[i].Command) + " in " + head
		case refs[i].Command != "":
			head = mdCode(refs[i].Command)
		case head == "":
			head = "Lines"
		}
		var lines []string
		for _, ref := range refs[i:j] {
			line := "     "
			if ref.Line > 0 {
				line = fmt.Sprintf("%5d", ref.Line)
			}
			lines = append(lines, line+"  "+strings.TrimRight(ref.Text, " \t\r"))
		}
		m.printf("\n%s:\n\n%s\n", head, mdFence(lines))
		i = j
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// lifecycle writes the licence state, its timeline and what comes next.
func (m *mdWriter) lifecycle(d Device, width int) {
	lc := d.Lifecycle
	if lc == nil {
		return
	}
	m.printf("\n### Licence lifecycle\n")
	if lc.Summary != "" {
		m.printf("\n%s\n", mdProse(lc.Summary))
	}
	m.block(lc.Timeline(width))
	if len(lc.Next)+len(lc.Deadlines) > 0 {
		m.printf("\n")
	}
	for _, n := range lc.Next {
		m.printf("- Next: %s\n", mdProse(n))
	}
	for _, dl := range lc.Deadlines {
		m.printf("- Deadline: %s\n", mdProse(dl))
	}
}
