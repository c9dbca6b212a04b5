package report

import (
	"fmt"
	"strings"
)

// SummaryRow is one line of the fleet summary: a device, or a host that
// could not be collected (State says why).
type SummaryRow struct {
	Host, Release, Mode, State, Cause string
}

// SummaryRowOf is the row of a diagnosed device; host names it (the
// device's name when empty, else "hostname (host)").
func SummaryRowOf(host string, d Device) SummaryRow {
	row := SummaryRow{Host: d.Name(), Release: d.Version, Mode: string(d.Mode), State: "-", Cause: "-"}
	switch {
	case host != "" && d.Hostname != "":
		row.Host = d.Hostname + " (" + host + ")"
	case host != "":
		row.Host = host
	}
	if row.Release == "" {
		row.Release = "-"
	}
	if lc := d.Lifecycle; lc != nil && lc.Status != "" {
		row.State = lc.Status
	}
	if fs := d.Findings(); len(fs) > 0 {
		row.Cause = fs[0].ID + " " + Short(fs[0].Message)
	}
	return row
}

// FailedRow is the row of a host that has no device: state says why
// ("not collected: auth", "unreadable session").
func FailedRow(host, state string) SummaryRow {
	return SummaryRow{Host: host, Release: "-", Mode: "-", State: state, Cause: "-"}
}

// summaryRows is the document's fleet summary: the rows `slcheck ssh`
// made, or one per device, a device named by its source too when two
// share a name.
func summaryRows(doc *Document) []SummaryRow {
	if doc.Hosts != nil {
		return doc.Hosts
	}
	names := map[string]int{}
	for _, d := range doc.Devices {
		names[d.Name()]++
	}
	rows := make([]SummaryRow, 0, len(doc.Devices))
	for _, d := range doc.Devices {
		host := ""
		if names[d.Name()] > 1 && d.Hostname != "" {
			host = sourceLabel(d.Source)
		}
		rows = append(rows, SummaryRowOf(host, d))
	}
	return rows
}

var summaryHead = SummaryRow{"HOST", "RELEASE", "MODE", "STATE", "ROOT CAUSE"}

// WriteSummary writes the rows as an aligned plain-text table under a
// header line; w should redact (it carries captured names). With width
// > 0 the root cause, the last column, wraps to fit it, its lines under
// the column (or, for every row, indented on lines of their own when the
// other columns leave it less than 20), so a row does not run past the
// terminal; 0 leaves each row on one line.
func WriteSummary(w interface{ Write([]byte) (int, error) }, rows []SummaryRow, width int) error {
	all := append([]SummaryRow{summaryHead}, rows...)
	widths := [4]int{}
	for _, r := range all {
		for i, c := range []string{r.Host, r.Release, r.Mode, r.State} {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	lead := 0
	for _, n := range widths {
		lead += n + 2
	}
	// below: the other columns leave the root cause less than 20
	// columns, so each row's goes on indented lines of its own.
	below := width > 0 && width-lead < 20
	const indent = "    "
	var b strings.Builder
	for _, r := range all {
		var row strings.Builder
		for i, c := range []string{r.Host, r.Release, r.Mode, r.State} {
			row.WriteString(c + strings.Repeat(" ", widths[i]-len([]rune(c))+2))
		}
		switch {
		case below:
			b.WriteString(strings.TrimRight(row.String(), " "))
			row.Reset()
			if r.Cause != "-" {
				for _, l := range Wrap(r.Cause, max(width-len(indent), 20)) {
					row.WriteString("\n" + indent + l)
				}
			}
		case width <= 0 || lead+len([]rune(r.Cause)) <= width:
			row.WriteString(r.Cause)
		default:
			row.WriteString(strings.Join(Wrap(r.Cause, width-lead), "\n"+strings.Repeat(" ", lead)))
		}
		b.WriteString(row.String() + "\n")
	}
	_, err := fmt.Fprint(w, b.String())
	return err
}
