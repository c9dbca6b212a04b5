package report

import (
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

// Findings returns a device's failures, root causes first. Roots are
// ordered by severity (error first), then catalogue order; each root lists
// the failures whose CausedBy names it, in catalogue order. A failure
// whose cause is not itself failing stands as a root.
func (d Device) Findings() []Finding {
	failing := map[string]bool{}
	for _, r := range d.Results {
		if r.Status == checks.Fail {
			failing[r.ID] = true
		}
	}
	var roots []Finding
	index := map[string]int{}
	for _, r := range d.Results {
		if r.Status == checks.Fail && (r.CausedBy == "" || !failing[r.CausedBy]) {
			index[r.ID] = len(roots)
			roots = append(roots, Finding{Result: r})
		}
	}
	for _, r := range d.Results {
		if r.Status == checks.Fail && r.CausedBy != "" && failing[r.CausedBy] {
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

// Counts tallies a device's results.
type Counts struct {
	Fail, Errors, Warnings, Infos int
	Pass, Skipped                 int
}

// Counts tallies the device's results by status and, for failures, by
// severity.
func (d Device) Counts() Counts {
	var c Counts
	for _, r := range d.Results {
		switch r.Status {
		case checks.Pass:
			c.Pass++
		case checks.Skipped:
			c.Skipped++
		case checks.Fail:
			c.Fail++
			switch r.Severity {
			case checks.Error:
				c.Errors++
			case checks.Warning:
				c.Warnings++
			default:
				c.Infos++
			}
		}
	}
	return c
}

func (c Counts) add(o Counts) Counts {
	return Counts{Fail: c.Fail + o.Fail, Errors: c.Errors + o.Errors, Warnings: c.Warnings + o.Warnings,
		Infos: c.Infos + o.Infos, Pass: c.Pass + o.Pass, Skipped: c.Skipped + o.Skipped}
}

// String is the summary line: "3 fail (2 errors, 1 warning), 25 pass, 4
// skipped".
func (c Counts) String() string {
	parts := []string{plural(c.Errors, "error", "errors"), plural(c.Warnings, "warning", "warnings")}
	if c.Infos > 0 {
		parts = append(parts, plural(c.Infos, "info", "info"))
	}
	return fmt.Sprintf("%d fail (%s), %d pass, %d skipped", c.Fail, strings.Join(parts, ", "), c.Pass, c.Skipped)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// ModeLabel says in words which licensing the device runs.
func ModeLabel(mode string) string {
	switch mode {
	case "classic":
		return "classic Smart Licensing (Call Home)"
	case "slp":
		return "Smart Licensing Using Policy"
	}
	return "unknown"
}

// SoftwareLabel says what printed the device's output and the line that
// showed it: "NX-OS (from capture.txt:2)".
func (d Device) SoftwareLabel() string {
	name := capture.SoftwareName(d.Software)
	switch {
	case d.SoftwareEvidence != nil:
		return fmt.Sprintf("%s (from %s: %s)", name, d.SoftwareEvidence, strings.TrimSpace(d.SoftwareEvidence.Text))
	case d.Software == capture.SoftwareUnknown || d.Software == "":
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
func MethodLabel(method string) string {
	switch method {
	case "direct":
		return "direct to Cisco"
	case "proxy":
		return "through an HTTP proxy"
	case "onprem":
		return "through Smart Software Manager On-Prem"
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
