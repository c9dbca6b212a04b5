package checks

import "slices"

// linkCauses marks each failing result CausedBy the first of its check's
// Causes that failed too, so reports lead with the root cause and list its
// consequences under it. The checks the device's own failure text points
// to (pointsTo) come first, so "Unable to resolve server hostname" is laid
// on DNS even when a route is missing as well; only declared Causes count,
// which keeps the graph acyclic (TestCausesAcyclic). A failure of severity
// info is never a cause: it needs no action. Chains collapse to the most
// basic cause.
func linkCauses(results []Result) {
	failed := map[string]bool{}
	for _, r := range results {
		if r.Status == Fail && r.Severity.Rank() > Info.Rank() {
			failed[r.ID] = true
		}
	}
	direct := map[string]string{}
	for i := range results {
		r := &results[i]
		c, ok := Lookup(r.ID)
		if r.Status != Fail || !ok {
			continue
		}
		// A check declares a few causes: a slice is searched faster than
		// a map is made.
		for _, cause := range append(append([]string{}, r.pointsTo...), c.Causes...) {
			if slices.Contains(c.Causes, cause) && failed[cause] && cause != r.ID {
				direct[r.ID] = cause
				break
			}
		}
	}
	var seen []string
	for i := range results {
		id := results[i].ID
		seen = append(seen[:0], id)
		for next, ok := direct[id]; ok && !slices.Contains(seen, next); next, ok = direct[next] {
			seen = append(seen, next)
			results[i].CausedBy = next
		}
	}
}
