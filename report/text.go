package report

import (
	"fmt"
	"io"
	"strconv"
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
	// width is the text width prose wraps to; full prints every checklist
	// row and each consequence in full (--checklist full).
	width int
	full  bool
	// src is the source of the device being printed: its evidence lines
	// give only their line number.
	src string
}

func (t *textWriter) printf(format string, a ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, a...)
	}
}

func writeText(w io.Writer, doc *Document, opt Options) error {
	t := &textWriter{w: w, s: newTextStyles(w, opt.Color), width: opt.Width, full: opt.Full}
	if rows := summaryRows(doc); len(rows) > 1 {
		// Several devices: the table answers first, the reports follow.
		what := "devices"
		if doc.Hosts != nil {
			what = "hosts"
		}
		t.printf("%s\n", t.s.heading.Render(fmt.Sprintf("%d %s", len(rows), what)))
		if t.err == nil {
			t.err = WriteSummary(t.w, rows, opt.Width)
		}
		t.printf("\n%s\n\n", strings.Repeat("=", min(opt.Width, 80)))
	}
	for i, d := range doc.Devices {
		if i > 0 {
			t.printf("\n%s\n\n", strings.Repeat("=", min(opt.Width, 80)))
		}
		t.device(d)
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

// device prints one device's report, answer first: the verdict, each root
// cause with its evidence and fix and the consequences it explains, the
// notes, what was not checked, the lifecycle, the checklist (condensed
// unless full), and the verdict again.
func (t *textWriter) device(d Device) {
	t.src = d.Source
	t.verdict(d)
	t.header(d)
	fs := d.Findings()
	for i, f := range fs {
		t.printf("\n")
		t.problem(f, i, len(fs))
	}
	for _, n := range d.InfoResults() {
		t.printf("\n")
		if t.full {
			t.failure(n, "", "")
			continue
		}
		t.para("", t.s.sev[checks.Info].Render("Note")+" "+t.s.id.Render(n.ID), n.Message, t.width, len("Note "+n.ID))
	}
	t.notChecked(d)
	t.lifecycle(d)
	t.checklist(d)
	t.printf("\n")
	t.verdict(d)
	t.printf("  %s\n", d.Counts())
}

// verdict prints the device's verdict in bold: its parts two spaces
// apart, a part that does not fit on a line of its own, wrapped; lines after
// the first indented.
func (t *textWriter) verdict(d Device) {
	var lines []string
	line := ""
	for _, p := range d.verdictParts(true) {
		p = t.local(p)
		switch {
		case line == "":
			line = p
		case len([]rune(line))+2+len([]rune(p)) <= t.width:
			line += "  " + p
		default:
			lines = append(lines, line)
			line = p
		}
	}
	lines = append(lines, line)
	for i, l := range lines {
		indent := ""
		if i > 0 {
			indent = "  "
		}
		parts := []string{l}
		if len([]rune(l)) > t.width-len(indent) {
			parts = Wrap(l, max(t.width-len(indent), 20))
		}
		for j, w := range parts {
			if j > 0 && i == 0 {
				indent = "  "
			}
			t.printf("%s%s\n", indent, t.s.heading.Render(w))
		}
	}
}

func (t *textWriter) header(d Device) {
	field := func(k, v string) { t.printf("  %-15s %s\n", k, v) }
	var about []string
	if d.Platform != "" {
		about = append(about, d.Platform)
	}
	if rel := d.Release(); rel != "" {
		about = append(about, withFrom(rel, t.here(d.VersionFrom)))
	}
	if len(about) > 0 {
		field("platform", strings.Join(about, ", "))
	}
	if d.Source != "" {
		field("source", sourceLabel(d.Source))
	}
	field("software", t.local(d.SoftwareLabel()))
	if ModeLabel(d.Mode) == "unknown" && MethodLabel(d.Method) == "unknown" {
		field("licensing", "unknown")
	} else {
		method := MethodLabel(d.Method)
		if method == "unknown" {
			method = "way to Cisco unknown"
		}
		field("licensing", withFrom(ModeLabel(d.Mode), t.here(d.ModeFrom))+", "+method)
	}
	if d.Path.Mode != "" {
		field("licensing path", t.local(d.Path.String()))
		if from := PathLines(d.Path, d.Source); from != "" {
			field("", t.s.dim.Render(from))
		}
	}
	switch {
	case d.CapturedAt == "":
		field("captured", "unknown: the input does not say (deadlines not judged)")
	case d.CapturedAtFrom != "":
		field("captured", d.CapturedAt+" (from "+t.here(d.CapturedAtFrom)+")")
	default:
		field("captured", d.CapturedAt)
	}
	for _, n := range d.Notes {
		// Prose: wrapped, aligned after the field name.
		t.para("  ", fmt.Sprintf("%-15s", "note"), t.local(n), t.width, 15)
	}
}

// here shortens "file:line" to "line N" for the device's own source,
// printed once in its header.
func (t *textWriter) here(loc string) string {
	if t.src != "" && strings.HasPrefix(loc, t.src+":") {
		return "line " + loc[len(t.src)+1:]
	}
	return loc
}

// local is here for every "file:line" of the device's source in s.
func (t *textWriter) local(s string) string { return localRefs(s, t.src) }

// localRefs writes every "src:N" in s as "line N": the report names the
// device's source once.
func localRefs(s, src string) string {
	if src == "" {
		return s
	}
	return strings.ReplaceAll(s, src+":", "line ")
}

func (t *textWriter) mark(r checks.Result) string {
	switch {
	case isNote(r):
		return t.sevStyle(checks.Info).Render("note")
	case r.Status == checks.Fail:
		return t.sevStyle(r.Severity).Render("FAIL")
	case r.Status == checks.Pass:
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
func (t *textWriter) checklistLine(r checks.Result) {
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
		words = append(words, tokens(t.local(r.Reason))...)
	}
	// Pad before styling: ANSI codes must not count toward the width.
	sevCol := fmt.Sprintf("%-7s", sev)
	if sev != "" {
		sevCol = t.sevStyle(r.Severity).Render(sevCol)
	}
	lead := fmt.Sprintf("  %s  %s  %s  ", t.mark(r), t.s.id.Render(fmt.Sprintf("%-6s", r.ID)), sevCol)
	for _, rg := range wrapRanges(words, max(t.width-titleColumn, 20)) {
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
// continuation lines aligned after the label. labelWidth is the label's
// width on screen (a styled label is longer in bytes). A place in the
// device's own source reads "line N" (local).
func (t *textWriter) para(indent, label, text string, width, labelWidth int) {
	text = t.local(text)
	lead, hang := indent, indent
	if label != "" {
		lead += label + " "
		hang += strings.Repeat(" ", labelWidth+1)
	}
	for _, line := range Wrap(text, max(width-len(hang), 20)) {
		t.printf("%s%s\n", lead, line)
		lead = hang
	}
}

// labelled is para with a bold label.
func (t *textWriter) labelled(indent, label, text string) {
	t.para(indent, t.s.heading.Render(label), text, t.width, len(label))
}

// problem prints a root cause: what is wrong, its evidence, its fix, and
// the failures it explains, one line each (in full with --checklist
// full).
func (t *textWriter) problem(f Finding, i, n int) {
	head := "Problem"
	if n > 1 {
		head = fmt.Sprintf("Problem %d of %d", i+1, n)
	}
	t.failure(f.Result, "", head)
	if len(f.Consequences) == 0 {
		return
	}
	t.printf("  %s\n", t.s.heading.Render("Consequences:"))
	if t.full {
		for _, c := range f.Consequences {
			t.printf("\n")
			t.consequence(c, f.ID)
		}
		return
	}
	for _, c := range f.Consequences {
		// One line each where the width allows; a narrow terminal wraps
		// the message under itself rather than cut it.
		lead := fmt.Sprintf("%s %s", t.s.id.Render(fmt.Sprintf("%-6s", c.ID)), t.sevStyle(c.Severity).Render(fmt.Sprintf("%-8s", c.Severity)))
		t.para("    ", lead, Short(c.Message)+" (fixed by "+f.ID+")", t.width, 6+1+8)
	}
}

// failure prints a failing check. Prose wraps to width; evidence, config
// and verify lines never do, so they can be compared and pasted as they
// are. head, when set, names it ("Problem 1 of 2").
func (t *textWriter) failure(r checks.Result, indent, head string) {
	if head == "" {
		t.printf("%s%s\n", indent, t.mark(r)+" "+t.s.id.Render(r.ID)+" "+t.sevStyle(r.Severity).Render("["+string(r.Severity)+"]")+" "+r.Title)
	} else {
		// Titles name the passing state: the heading says the check failed.
		t.para(indent, t.s.heading.Render(head+":"), r.ID+" ["+string(r.Severity)+"] check \""+r.Title+"\" failed", t.width, len(head)+1)
	}
	in := indent + "  "
	t.message(r, in)
	t.remedy(r, in)
	t.references(r, in)
}

// consequence prints, in full, a failure a root cause explains: its own
// generic fix would mislead, the root cause's fixes it.
func (t *textWriter) consequence(r checks.Result, root string) {
	t.printf("    %s\n", t.mark(r)+" "+t.s.id.Render(r.ID)+" "+t.sevStyle(r.Severity).Render("["+string(r.Severity)+"]")+" "+r.Title)
	t.message(r, "      ")
	t.labelled("      ", "Fix:", "fixed by "+root+": apply its fix above; the switch then retries by itself.")
	if rem := r.Remedy; rem != nil && len(rem.Verify) > 0 {
		t.printf("      %s\n", t.s.heading.Render("Verify:"))
		for _, l := range rem.Verify {
			t.printf("        %s\n", l)
		}
	}
}

func (t *textWriter) message(r checks.Result, in string) {
	for _, l := range strings.Split(r.Message, "\n") {
		if l != "" {
			t.para(in, "", l, t.width, 0)
		}
	}
	if len(r.Evidence) > 0 {
		t.printf("%s%s\n", in, t.s.heading.Render("Evidence:"))
		t.evidence(r.Evidence, in+"  ")
	}
}

// remedy prints the fix in one shape: the warnings that change what to
// paste, the summary, the block, the commands that verify it, the notes.
func (t *textWriter) remedy(r checks.Result, in string) {
	rem := r.Remedy
	if rem == nil {
		return
	}
	for _, w := range rem.Warnings {
		t.labelled(in, "Before pasting:", w)
	}
	if rem.Summary != "" {
		t.labelled(in, "Fix:", rem.Summary)
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
		t.labelled(in, "Note:", n)
	}
}

func (t *textWriter) references(r checks.Result, in string) {
	if len(r.References) > 0 {
		t.labelled(in, "References:", strings.Join(r.References, "; "))
	}
}

// evidence prints each command once, then its lines as line: text (the
// device's source is in its header) or source:line: text.
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
		if ref.Source == t.src && ref.Line > 0 {
			loc = strconv.Itoa(ref.Line)
		}
		if loc != "" {
			loc = t.s.dim.Render(loc+":") + " "
		}
		t.printf("%s  %s%s\n", indent, loc, strings.TrimRight(ref.Text, " \t\r"))
	}
}

// notChecked prints one block of the commands the input lacked, to paste
// into the switch session.
func (t *textWriter) notChecked(d Device) {
	ms := d.NotChecked()
	if len(ms) == 0 {
		return
	}
	seen := map[string]bool{}
	for _, m := range ms {
		for _, id := range m.IDs {
			seen[id] = true
		}
	}
	var ids []string
	for _, r := range d.Results {
		if seen[r.ID] {
			ids = append(ids, r.ID)
		}
	}
	t.printf("\n")
	t.labelled("", "Not checked:", fmt.Sprintf("%s (%s) lack output: run these on the switch, then slcheck on the whole log",
		plural(len(ids), "check", "checks"), idList(ids)))
	for _, m := range ms {
		t.printf("  %s\n", m.Command)
	}
}

// checklist prints every check: condensed (failures and notes by ID,
// passes one line per area, skips grouped by reason), or one row each
// with --checklist full.
func (t *textWriter) checklist(d Device) {
	t.printf("\n%s %s\n", t.s.heading.Render("Checklist:"), t.s.dim.Render(fmt.Sprintf("%d checks; --checklist full lists each", len(d.Results))))
	if t.full {
		for _, r := range d.Results {
			t.checklistLine(r)
		}
		return
	}
	// Each row wraps under its text, past the mark.
	row := func(mark, text string) { t.para("  ", mark+" ", text, t.width, 5) }
	for _, sev := range []checks.Severity{checks.Error, checks.Warning, checks.Info} {
		var ids []string
		for _, r := range d.Results {
			if r.Status == checks.Fail && r.Severity == sev {
				ids = append(ids, r.ID)
			}
		}
		if len(ids) > 0 {
			mark := "FAIL"
			if sev == checks.Info {
				mark = "note"
			}
			row(t.sevStyle(sev).Render(mark), idList(ids)+" ("+string(sev)+")")
		}
	}
	for _, g := range groupBy(d.Results, checks.Pass, func(r checks.Result) string { return area(r.ID) }) {
		row(t.s.pass.Render("pass"), g.key+": "+idList(g.ids))
	}
	for _, g := range groupBy(d.Results, checks.Skipped, skipGroup) {
		ids := idList(g.ids)
		if len(g.ids) > 1 {
			ids += fmt.Sprintf(" (%d checks)", len(g.ids))
		}
		row(t.s.skip.Render("skip"), ids+": "+g.key)
	}
}

// area is the catalogue area of a check ID.
func area(id string) string {
	if c, ok := checks.Lookup(id); ok {
		return string(c.Area)
	}
	return "Other"
}

// skipGroup is what skips with the same meaning share: every "not
// checked" points at the Not checked block, every unrun probe at --probe;
// other reasons group when they are the same words.
func skipGroup(r checks.Result) string {
	switch {
	case strings.HasPrefix(r.Reason, "not checked: run "):
		return "not checked (the commands are above)"
	case strings.HasPrefix(r.Reason, "not run: add --probe"):
		return "not run: live probes from this workstation, add --probe"
	}
	return r.Reason
}

type group struct {
	key string
	ids []string
}

// groupBy groups the IDs of the results of one status by key, groups in
// the order their first result comes.
func groupBy(results []checks.Result, st checks.Status, key func(checks.Result) string) []group {
	var out []group
	index := map[string]int{}
	for _, r := range results {
		if r.Status != st {
			continue
		}
		k := key(r)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, group{key: k})
		}
		out[i].ids = append(out[i].ids, r.ID)
	}
	return out
}

// idList writes IDs compactly: a run of three or more that follow each
// other in the catalogue as a range (LIC004-LIC007).
func idList(ids []string) string {
	pos := map[string]int{}
	for i, id := range checks.Catalogue() {
		pos[id] = i
	}
	var parts []string
	for i := 0; i < len(ids); {
		j := i
		for j+1 < len(ids) && pos[ids[j+1]] == pos[ids[j]]+1 && area(ids[j+1]) == area(ids[i]) {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, ids[i]+"-"+ids[j])
		} else {
			parts = append(parts, ids[i:j+1]...)
		}
		i = j + 1
	}
	return strings.Join(parts, " ")
}

// lifecycle prints where the device stands in the licensing lifecycle:
// its state, timeline, retry schedule and deadlines (package lifecycle).
func (t *textWriter) lifecycle(d Device) {
	lc := d.Lifecycle
	if lc == nil {
		return
	}
	width := t.width
	t.printf("\n%s\n", t.s.heading.Render("Licence lifecycle"))
	t.prose("", lc.Summary, width)
	for _, l := range lc.Timeline(width - 2) {
		t.printf("  %s\n", t.local(l))
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
