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
// header line; w should redact (it carries captured names).
func WriteSummary(w interface{ Write([]byte) (int, error) }, rows []SummaryRow) error {
	all := append([]SummaryRow{summaryHead}, rows...)
	widths := [4]int{}
	for _, r := range all {
		for i, c := range []string{r.Host, r.Release, r.Mode, r.State} {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	var b strings.Builder
	for _, r := range all {
		cols := []string{r.Host, r.Release, r.Mode, r.State}
		for i, c := range cols {
			b.WriteString(c + strings.Repeat(" ", widths[i]-len([]rune(c))+2))
		}
		b.WriteString(r.Cause + "\n")
	}
	_, err := fmt.Fprint(w, b.String())
	return err
}
