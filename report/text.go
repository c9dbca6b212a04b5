package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
)

// textStyles are the colours of the human report. They are built on a
// renderer with an explicit profile: lipgloss never queries the terminal.
type textStyles struct {
	heading, id, dim, pass, skip lipgloss.Style
	sev                          map[checks.Severity]lipgloss.Style
}

func newTextStyles(w io.Writer, color bool) textStyles {
	profile := termenv.Ascii
	if color {
		profile = termenv.ANSI
	}
	re := lipgloss.NewRenderer(w, termenv.WithProfile(profile))
	re.SetColorProfile(profile)
	re.SetHasDarkBackground(true)
	st := re.NewStyle()
	return textStyles{
		heading: st.Bold(true),
		id:      st.Bold(true),
		dim:     st.Faint(true),
		pass:    st.Foreground(lipgloss.Color("2")),
		skip:    st.Faint(true),
		sev: map[checks.Severity]lipgloss.Style{
			checks.Error:   st.Foreground(lipgloss.Color("1")).Bold(true),
			checks.Warning: st.Foreground(lipgloss.Color("3")).Bold(true),
			checks.Info:    st.Foreground(lipgloss.Color("6")),
		},
	}
}

// textWriter accumulates the first write error so rendering code stays
// linear.
type textWriter struct {
	w   io.Writer
	err error
	s   textStyles
}

func (t *textWriter) printf(format string, a ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, a...)
	}
}

func writeText(w io.Writer, doc *Document, opt Options) error {
	t := &textWriter{w: w, s: newTextStyles(w, opt.Color)}
	for i, d := range doc.Devices {
		if i > 0 {
			t.printf("\n%s\n\n", strings.Repeat("=", min(opt.Width, 80)))
		}
		t.device(d, opt.Width)
	}
	if len(doc.Devices) > 1 {
		var total Counts
		for _, d := range doc.Devices {
			total = total.add(d.Counts())
		}
		t.printf("\n%s %s\n", t.s.heading.Render(fmt.Sprintf("%d devices:", len(doc.Devices))), total)
	}
	if len(doc.Devices) == 0 && len(doc.Errors) == 0 {
		t.printf("No device found in the input.\n")
	}
	return t.err
}

func (t *textWriter) device(d Device, width int) {
	t.header(d)
	t.printf("\n%s\n", t.s.heading.Render("Checklist"))
	for _, r := range d.Results {
		t.checklistLine(r, width)
	}
	t.lifecycle(d, width)
	if fs := d.Findings(); len(fs) > 0 {
		t.printf("\n%s\n", t.s.heading.Render("Failures, root cause first"))
		for _, f := range fs {
			t.printf("\n")
			t.failure(f.Result, "", width)
			if len(f.Consequences) > 0 {
				t.printf("\n  %s\n", t.s.heading.Render("Caused by "+f.ID+":"))
				for _, c := range f.Consequences {
					t.printf("\n")
					t.failure(c, "    ", width)
				}
			}
		}
	}
	t.printf("\n%s %s\n", t.s.heading.Render(d.Name()+":"), d.Counts())
}

func (t *textWriter) header(d Device) {
	title := d.Name()
	var about []string
	if d.Platform != "" {
		about = append(about, d.Platform)
	}
	if rel := d.Release(); rel != "" {
		about = append(about, rel)
	}
	if len(about) > 0 {
		title += "  " + strings.Join(about, ", ")
	}
	t.printf("%s\n", t.s.heading.Render(title))
	field := func(k, v string) { t.printf("  %-15s %s\n", k, v) }
	field("source", sourceLabel(d.Source))
	field("software", d.SoftwareLabel())
	if d.VersionFrom != "" {
		field("release", d.Version+" (from "+d.VersionFrom+")")
	}
	field("licensing", withFrom(ModeLabel(d.Mode), d.ModeFrom))
	field("method", MethodLabel(d.Method))
	if d.Path.Mode != "" {
		field("licensing path", d.Path.String())
		if from := PathLines(d.Path, d.Source); from != "" {
			field("", t.s.dim.Render(from))
		}
	}
	switch {
	case d.CapturedAt == "":
		field("captured", "unknown: the input does not say (deadlines not judged)")
	case d.CapturedAtFrom != "":
		field("captured", d.CapturedAt+" (from "+d.CapturedAtFrom+")")
	default:
		field("captured", d.CapturedAt)
	}
	for _, n := range d.Notes {
		field("note", n)
	}
}

func (t *textWriter) mark(r checks.Result) string {
	switch r.Status {
	case checks.Fail:
		return t.sevStyle(r.Severity).Render("FAIL")
	case checks.Pass:
		return t.s.pass.Render("pass")
	}
	return t.s.skip.Render("skip")
}

func (t *textWriter) sevStyle(s checks.Severity) lipgloss.Style {
	if st, ok := t.s.sev[s]; ok {
		return st
	}
	return t.s.dim
}

// titleColumn is where a checklist entry's title starts: "  skip  ID      sev      ".
const titleColumn = 25

// checklistLine prints one check: mark, ID, severity, then its title and,
// dimmed, the reason it was skipped, wrapped under the title column.
func (t *textWriter) checklistLine(r checks.Result, width int) {
	sev := ""
	if r.Status == checks.Fail {
		sev = string(r.Severity)
	}
	words := tokens(r.Title)
	plain := len(words)
	if r.Status == checks.Skipped && r.Reason != "" {
		if plain > 0 {
			words[plain-1] += ":"
		}
		words = append(words, tokens(r.Reason)...)
	}
	// Pad before styling: ANSI codes must not count toward the width.
	sevCol := fmt.Sprintf("%-7s", sev)
	if sev != "" {
		sevCol = t.sevStyle(r.Severity).Render(sevCol)
	}
	lead := fmt.Sprintf("  %s  %s  %s  ", t.mark(r), t.s.id.Render(fmt.Sprintf("%-6s", r.ID)), sevCol)
	for _, rg := range wrapRanges(words, max(width-titleColumn, 20)) {
		split := min(max(rg[0], plain), rg[1])
		line := strings.Join(words[rg[0]:split], " ")
		if split < rg[1] {
			if line != "" {
				line += " "
			}
			line += t.s.dim.Render(strings.Join(words[split:rg[1]], " "))
		}
		t.printf("%s%s\n", lead, line)
		lead = strings.Repeat(" ", titleColumn)
	}
}

// para prints prose after an optional label, wrapped to width, its
// continuation lines aligned after the label.
func (t *textWriter) para(indent, label, text string, width int) {
	lead, hang := indent, indent
	if label != "" {
		lead += t.s.heading.Render(label) + " "
		hang += strings.Repeat(" ", len(label)+1)
	}
	for _, line := range Wrap(text, max(width-len(hang), 20)) {
		t.printf("%s%s\n", lead, line)
		lead = hang
	}
}

// failure prints a failing check. Prose wraps to width; evidence, config
// and verify lines never do, so they can be compared and pasted as they
// are.
func (t *textWriter) failure(r checks.Result, indent string, width int) {
	t.printf("%s%s %s %s %s\n", indent, t.mark(r), t.s.id.Render(r.ID),
		t.sevStyle(r.Severity).Render("["+string(r.Severity)+"]"), r.Title)
	in := indent + "  "
	if r.Message != "" {
		for _, l := range strings.Split(r.Message, "\n") {
			t.para(in, "", l, width)
		}
	}
	if len(r.Evidence) > 0 {
		t.printf("%s%s\n", in, t.s.heading.Render("Evidence:"))
		t.evidence(r.Evidence, in+"  ")
	}
	if rem := r.Remedy; rem != nil {
		if rem.Summary != "" {
			t.para(in, "Fix:", rem.Summary, width)
		} else {
			t.printf("%s%s\n", in, t.s.heading.Render("Fix:"))
		}
		for _, l := range rem.Config {
			t.printf("%s  %s\n", in, l)
		}
		if len(rem.Verify) > 0 {
			t.printf("%s%s\n", in, t.s.heading.Render("Verify:"))
			for _, l := range rem.Verify {
				t.printf("%s  %s\n", in, l)
			}
		}
		for _, n := range rem.Notes {
			t.para(in, "Note:", n, width)
		}
	}
	if len(r.References) > 0 {
		t.para(in, "References:", strings.Join(r.References, "; "), width)
	}
}

// evidence prints each command once, then its lines as source:line: text.
func (t *textWriter) evidence(refs []capture.Ref, indent string) {
	last := "\x00"
	for _, ref := range refs {
		if ref.Command != last {
			if ref.Command != "" {
				t.printf("%s%s\n", indent, t.s.dim.Render("`"+ref.Command+"`"))
			}
			last = ref.Command
		}
		loc := ref.String()
		if loc != "" {
			loc = t.s.dim.Render(loc+":") + " "
		}
		t.printf("%s  %s%s\n", indent, loc, strings.TrimRight(ref.Text, " \t\r"))
	}
}

// lifecycle prints where the device stands in the licensing lifecycle:
// its state, timeline, retry schedule and deadlines (package lifecycle).
func (t *textWriter) lifecycle(d Device, width int) {
	lc := d.Lifecycle
	if lc == nil {
		return
	}
	t.printf("\n%s\n", t.s.heading.Render("Licence lifecycle"))
	t.prose("", lc.Summary, width)
	for _, l := range lc.Timeline(width - 2) {
		t.printf("  %s\n", l)
	}
	for _, n := range lc.Next {
		t.prose("Next:", n, width)
	}
	for _, dl := range lc.Deadlines {
		t.prose("Deadline:", dl, width)
	}
}

// prose prints a sentence wrapped to width under a label, its lines after
// the first indented past the label, so it reads in an 80-column terminal.
func (t *textWriter) prose(label, text string, width int) {
	const labelWidth = len("Deadline: ")
	indent := "  "
	if label != "" {
		indent += strings.Repeat(" ", labelWidth)
	}
	for i, line := range Wrap(text, width-len(indent)) {
		switch {
		case i > 0 || label == "":
			t.printf("%s%s\n", indent, line)
		default:
			t.printf("  %s%s%s\n", t.s.heading.Render(label), strings.Repeat(" ", labelWidth-len(label)), line)
		}
	}
}
