package checks

// linkCauses marks each failing result CausedBy the first of its check's
// Causes that failed too, so reports lead with the root cause and list its
// consequences under it. Chains collapse to the most basic cause.
func linkCauses(results []Result) {
	failed := map[string]bool{}
	for _, r := range results {
		if r.Status == Fail {
			failed[r.ID] = true
		}
	}
	direct := map[string]string{}
	for i := range results {
		r := &results[i]
		c, ok := registry[r.ID]
		if r.Status != Fail || !ok {
			continue
		}
		for _, cause := range c.Causes {
			if failed[cause] && cause != r.ID {
				direct[r.ID] = cause
				break
			}
		}
	}
	for i := range results {
		id := results[i].ID
		seen := map[string]bool{id: true}
		for next, ok := direct[id]; ok && !seen[next]; next, ok = direct[next] {
			seen[next] = true
			results[i].CausedBy = next
		}
	}
}
