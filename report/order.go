package report

import (
	"cmp"
	"fmt"
	"sort"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/snapshot"
)

// Finding is a failing result with the failures it explains: the report
// leads with the root cause and lists its consequences under it.
type Finding struct {
	checks.Result
	Consequences []checks.Result
}

// isNote says a result is a note: a failure of severity info, which needs
// no action (PLT002 on every 10.2(1)F switch). Reports show it apart,
// never as a problem, and it changes the exit code only with --fail-on
// info.
func isNote(r checks.Result) bool {
	return r.Status == checks.Fail && r.Severity.Rank() <= checks.Info.Rank()
}

// isProblem says a result is a failure that needs action: error or
// warning.
func isProblem(r checks.Result) bool { return r.Status == checks.Fail && !isNote(r) }

// Findings returns a device's problems (failures at error or warning),
// root causes first. Roots are ordered by severity (error first), then
// catalogue order; each root lists the failures whose CausedBy names it,
// in catalogue order. A failure whose cause is not itself failing stands
// as a root. Notes are not findings (InfoResults).
func (d Device) Findings() []Finding {
	failing := d.failing()
	var roots []Finding
	index := map[string]int{}
	for _, r := range d.Results {
		if isRoot(r, failing) {
			index[r.ID] = len(roots)
			roots = append(roots, Finding{Result: r})
		}
	}
	for _, r := range d.Results {
		if isProblem(r) && r.CausedBy != "" && failing[r.CausedBy] {
			if i, ok := index[r.CausedBy]; ok {
				roots[i].Consequences = append(roots[i].Consequences, r)
			}
		}
	}
	// Results come in catalogue order; a stable sort keeps it within a
	// severity.
	sort.SliceStable(roots, func(i, j int) bool {
		return roots[i].Severity.Rank() > roots[j].Severity.Rank()
	})
	return roots
}

// failing is the set of the IDs of the device's problems.
func (d *Device) failing() map[string]bool {
	failing := map[string]bool{}
	for i := range d.Results {
		if isProblem(d.Results[i]) {
			failing[d.Results[i].ID] = true
		}
	}
	return failing
}

// isRoot says a result is a root cause: a problem whose cause (CausedBy)
// is not among the failing ones.
func isRoot(r checks.Result, failing map[string]bool) bool {
	return isProblem(r) && (r.CausedBy == "" || !failing[r.CausedBy])
}

// RootCauseIDs are the IDs of the device's root causes (Findings), most
// severe first: JSON's root_causes. It orders them as Findings does,
// without copying the results (a fleet's report asks it of every device).
func (d Device) RootCauseIDs() []string {
	failing := d.failing()
	var roots []int
	for i := range d.Results {
		if isRoot(d.Results[i], failing) {
			roots = append(roots, i)
		}
	}
	sort.SliceStable(roots, func(i, j int) bool {
		return d.Results[roots[i]].Severity.Rank() > d.Results[roots[j]].Severity.Rank()
	})
	out := make([]string, len(roots))
	for k, i := range roots {
		out[k] = d.Results[i].ID
	}
	return out
}

// InfoResults are the device's failures of severity info (the report's
// notes), in catalogue order.
func (d Device) InfoResults() []checks.Result {
	var out []checks.Result
	for _, r := range d.Results {
		if isNote(r) {
			out = append(out, r)
		}
	}
	return out
}

// Counts tallies a device's results: failures by severity (Fail counts
// errors and warnings; Notes, the failures of severity info, apart),
// passes and skips. It is JSON's summary.
type Counts struct {
	Errors   int `json:"error"`
	Warnings int `json:"warning"`
	Notes    int `json:"info"`
	Pass     int `json:"pass"`
	Skipped  int `json:"skipped"`
}

// Fail is the number of problems: failures at error or warning.
func (c Counts) Fail() int { return c.Errors + c.Warnings }

// Counts tallies the device's results.
func (d Device) Counts() Counts {
	var c Counts
	for _, r := range d.Results {
		switch r.Status {
		case checks.Pass:
			c.Pass++
		case checks.Skipped:
			c.Skipped++
		case checks.Fail:
			switch r.Severity {
			case checks.Error:
				c.Errors++
			case checks.Warning:
				c.Warnings++
			default:
				c.Notes++
			}
		}
	}
	return c
}

func (c Counts) add(o Counts) Counts {
	return Counts{Errors: c.Errors + o.Errors, Warnings: c.Warnings + o.Warnings,
		Notes: c.Notes + o.Notes, Pass: c.Pass + o.Pass, Skipped: c.Skipped + o.Skipped}
}

// String is the summary line: "3 fail (2 errors, 1 warning), 1 note, 25
// pass, 4 skipped"; notes only when there are some.
func (c Counts) String() string {
	out := fmt.Sprintf("%d fail (%s, %s)", c.Fail(), plural(c.Errors, "error", "errors"), plural(c.Warnings, "warning", "warnings"))
	if c.Notes > 0 {
		out += ", " + plural(c.Notes, "note", "notes")
	}
	return out + fmt.Sprintf(", %d pass, %d skipped", c.Pass, c.Skipped)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Verdict is the answer for one device, in one line: "DC-DMZ  2 problems
// root cause CH002: the CiscoTAC-1 destination URL is http://", or
// "N9K-LAB-07  no problem found  1 note (PLT002)  7 not checked".
func (d Device) Verdict() string { return strings.Join(d.verdictParts(true), "  ") }

// verdictParts are the verdict's parts, which a narrow terminal may put on
// lines of their own.
func (d Device) verdictParts(named bool) []string {
	var out []string
	if named {
		out = append(out, d.Name())
	}
	fs := d.Findings()
	switch len(fs) {
	case 0:
		out = append(out, "no problem found")
	case 1:
		out = append(out, "1 problem")
	default:
		out = append(out, fmt.Sprintf("%d problems", len(fs)))
	}
	if len(fs) > 0 {
		out = append(out, "root cause "+fs[0].ID+": "+Short(fs[0].Message))
	}
	if n := d.InfoResults(); len(n) > 0 {
		ids := make([]string, len(n))
		for i, r := range n {
			ids[i] = r.ID
		}
		out = append(out, plural(len(n), "note", "notes")+" ("+strings.Join(ids, ", ")+")")
	}
	if n := d.notCheckedCount(); n > 0 {
		out = append(out, fmt.Sprintf("%d not checked", n))
	}
	return out
}

// notCheckedCount is the number of checks that lacked input.
func (d Device) notCheckedCount() int {
	n := 0
	for _, r := range d.Results {
		if r.Status == checks.Skipped && strings.HasPrefix(r.Reason, "not checked") {
			n++
		}
	}
	return n
}

// shortWidth caps Short, so a verdict or a table row stays one line.
const shortWidth = 90

// Short cuts a failure message to what is wrong: asides in parentheses
// dropped, then the first clause (messages put the finding before "; " or
// ": " and its consequence after) unless that leaves a bare word
// ("unregistered"), at most shortWidth runes. A check's title reads as its
// passing state, so the message, not the title, says what is wrong.
func Short(msg string) string {
	msg = dropAsides(msg)
	if i := strings.Index(msg, "; "); i >= 20 {
		msg = msg[:i]
	}
	if i := strings.Index(msg, ": "); i >= 20 {
		msg = msg[:i]
	}
	if r := []rune(msg); len(r) > shortWidth {
		msg = strings.TrimSpace(string(r[:shortWidth-1])) + "…"
	}
	return msg
}

// dropAsides removes " (...)" asides, balanced, outside quotes and
// backticks (captured text); "9.3(5)" has no space before its parenthesis
// and stays.
func dropAsides(s string) string {
	var b strings.Builder
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case depth == 0 && quote != 0:
			if c == quote {
				quote = 0
			}
			b.WriteByte(c)
		case depth == 0 && (c == '"' || c == '`'):
			quote = c
			b.WriteByte(c)
		case depth == 0 && c == ' ' && i+1 < len(s) && s[i+1] == '(':
			depth = 1
			i++
		case depth > 0 && c == '(':
			depth++
		case depth > 0 && c == ')':
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	if depth > 0 {
		return s // unbalanced: keep the message as it is
	}
	return b.String()
}

// ModeLabel says in words which licensing the device runs.
func ModeLabel(mode snapshot.Mode) string {
	if mode == snapshot.ModeClassic {
		return mode.Name() + " (Call Home)"
	}
	return cmp.Or(mode.Name(), "unknown")
}

// SoftwareLabel says what printed the device's output and the line that
// showed it: "NX-OS (from capture.txt:2)".
func (d Device) SoftwareLabel() string {
	name := capture.SoftwareName(d.Software)
	switch {
	case d.SoftwareEvidence != nil:
		return fmt.Sprintf("%s (from %s: %s)", name, d.SoftwareEvidence, strings.TrimSpace(d.SoftwareEvidence.Text))
	case d.Software == capture.SoftwareUnknown || d.Software == "":
		for _, r := range d.Results {
			if r.ID == "PLT003" && r.Status == checks.Fail && r.Severity == checks.Info {
				// PLT003's note: blocks other software prints alike.
				return "not shown, maybe not NX-OS (see PLT003; judged as NX-OS)"
			}
		}
		return "not shown (judged as NX-OS)"
	}
	return name
}

// Release names the release with its software: "NX-OS 10.3(6)", "IOS
// 15.2"; "" when unknown.
func (d Device) Release() string {
	if d.Version == "" {
		return ""
	}
	switch d.Software {
	case capture.SoftwareNXOS, capture.SoftwareUnknown, "":
		return "NX-OS " + d.Version
	}
	return capture.SoftwareName(d.Software) + " " + d.Version
}

// withFrom adds where a value came from: "classic (from capture.txt:30)".
func withFrom(v, from string) string {
	if from == "" || v == "" {
		return v
	}
	return v + " (from " + from + ")"
}

// MethodLabel says in words how the device reaches Cisco.
func MethodLabel(method snapshot.Method) string {
	switch method {
	case snapshot.MethodDirect:
		return "direct to Cisco"
	case snapshot.MethodProxy:
		return "through an HTTP proxy"
	case snapshot.MethodOnPrem:
		return "through an on-prem server (Smart Software Manager On-Prem or a CSLU)"
	}
	return "unknown"
}

// PathLines names the lines that decided the licensing path, part by
// part: "decided by URL line 12, VRF line 40"; a line of another input than
// source is named with its file. "" when no line did.
func PathLines(p snapshot.Path, source string) string {
	var out []string
	ev := p.Evidence
	for _, part := range []struct {
		name string
		d    snapshot.Decision
	}{{"transport", ev.Transport}, {"URL", ev.URL}, {"VRF", ev.VRF}, {"source", ev.SourceInterface}, {"proxy", ev.Proxy}} {
		var refs []string
		for _, r := range part.d.Lines {
			if r.Source == source && r.Line > 0 {
				refs = append(refs, fmt.Sprintf("line %d", r.Line))
			} else {
				refs = append(refs, sourceLabel(r.String()))
			}
		}
		if len(refs) > 0 {
			out = append(out, part.name+" "+strings.Join(refs, " and "))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "decided by " + strings.Join(out, ", ")
}

// Name is how reports name the device: its hostname, or its source.
func (d Device) Name() string {
	if d.Hostname != "" {
		return d.Hostname
	}
	if d.Source != "" {
		return sourceLabel(d.Source)
	}
	return "device"
}

// sourceLabel names standard input in words.
func sourceLabel(src string) string {
	if src == "-" {
		return "stdin"
	}
	return src
}
