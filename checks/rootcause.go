package checks

// causes maps a consequence check to the checks that can explain it, most
// basic first. When a consequence fails and one of its causes fails too,
// the consequence is marked CausedBy that cause, so reports lead with the
// root cause and list its consequences under it.
//
// Helpers extend this table as checks land; keep it the one place where
// the story between checks is told.
var causes = map[string][]string{}

func linkCauses(results []Result) {
	failed := map[string]bool{}
	for _, r := range results {
		if r.Status == Fail {
			failed[r.ID] = true
		}
	}
	for i := range results {
		r := &results[i]
		if r.Status != Fail {
			continue
		}
		for _, cause := range causes[r.ID] {
			if failed[cause] && cause != r.ID {
				r.CausedBy = cause
				break
			}
		}
	}
}
