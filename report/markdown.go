package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
)

// writeMarkdown writes case notes to paste into a support case: per
// device a summary, the root cause first with its fix, how to verify it
// and its evidence, the other failures, then the whole checklist.
func writeMarkdown(w io.Writer, doc *Document, opt Options) error {
	m := &mdWriter{w: w}
	m.printf("# slcheck report\n")
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
			m.printf("- `%s` (%s): %s\n", loc, e.Kind, mdProse(e.Msg))
		}
	}
	m.printf("\n---\nWritten by %s %s.\n", doc.Tool.Name, doc.Tool.Version)
	return m.err
}

type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) printf(format string, a ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, a...)
	}
}

func (m *mdWriter) device(d Device, opt Options) {
	m.printf("\n## %s\n\n", mdText(d.Name()))
	m.printf("| | |\n|---|---|\n")
	row := func(k, v string) {
		if v == "" {
			v = "unknown"
		}
		m.printf("| %s | %s |\n", k, mdCell(v))
	}
	row("Hostname", d.Hostname)
	row("Platform", d.Platform)
	row("NX-OS release", d.Version)
	row("Licensing", ModeLabel(d.Mode))
	row("Method", MethodLabel(d.Method))
	captured := d.CapturedAt
	if captured != "" && d.CapturedAtFrom != "" {
		captured += " (from " + d.CapturedAtFrom + ")"
	}
	row("Captured", captured)
	row("Source", sourceLabel(d.Source))
	row("Result", d.Counts().String())
	m.lifecycle(d, opt.Width)

	fs := d.Findings()
	for _, f := range fs {
		heading := "Root cause"
		if len(f.Consequences) == 0 {
			heading = "Failure"
		}
		// Titles name the passing state, so a heading says the check failed.
		m.printf("\n### %s: %s (%s): check \"%s\" failed\n", heading, f.ID, f.Severity, mdText(f.Title))
		m.result(f.Result)
		if len(f.Consequences) > 0 {
			m.printf("\n#### Failing because of %s\n", f.ID)
			for _, c := range f.Consequences {
				m.printf("\n##### %s (%s): check \"%s\" failed\n", c.ID, c.Severity, mdText(c.Title))
				m.result(c)
			}
		}
	}
	if len(fs) == 0 {
		m.printf("\nNo check failed.\n")
	}

	m.printf("\n### Checklist\n\n| ID | Status | Severity | Check | Note |\n|---|---|---|---|---|\n")
	for _, r := range d.Results {
		sev, note := "", ""
		switch r.Status {
		case checks.Fail:
			sev = string(r.Severity)
			note = r.Message
		case checks.Skipped:
			note = r.Reason
		}
		m.printf("| %s | %s | %s | %s | %s |\n", r.ID, r.Status, sev, mdCell(r.Title), mdCell(firstLine(note)))
	}
}

func (m *mdWriter) result(r checks.Result) {
	if r.Message != "" {
		m.printf("\n%s\n", mdProse(r.Message))
	}
	if rem := r.Remedy; rem != nil {
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
	m.printf("\n```\n%s\n```\n", strings.Join(lines, "\n"))
}

// evidence quotes each run of lines from one command in a code block,
// headed by the command and where the lines come from.
func (m *mdWriter) evidence(refs []capture.Ref) {
	for i := 0; i < len(refs); {
		j := i
		for j < len(refs) && refs[j].Command == refs[i].Command && refs[j].Source == refs[i].Source {
			j++
		}
		head := refs[i].Source
		if refs[i].Command != "" {
			head = "`" + refs[i].Command + "` in " + head
		}
		m.printf("\n%s:\n\n```\n", head)
		for _, ref := range refs[i:j] {
			line := "     "
			if ref.Line > 0 {
				line = fmt.Sprintf("%5d", ref.Line)
			}
			m.printf("%s  %s\n", line, strings.TrimRight(ref.Text, " \t\r"))
		}
		m.printf("```\n")
		i = j
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// mdCell escapes text for a table cell.
func mdCell(s string) string {
	s = mdProse(strings.ReplaceAll(s, "|", `\|`))
	return strings.ReplaceAll(s, "\n", " ")
}

// mdText keeps a heading on one line.
func mdText(s string) string { return mdProse(strings.ReplaceAll(s, "\n", " ")) }

// mdProse escapes "<" outside code spans, so that markers such as
// "<redacted>" and placeholders such as "<token>" show as written instead
// of being taken for HTML tags and hidden. Inside backticks they are
// literal already.
func mdProse(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	inCode := false
	for _, c := range s {
		switch {
		case c == '`':
			inCode = !inCode
		case c == '<' && !inCode:
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
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
