package checks

import (
	"fmt"
	"slices"
	"sort"

	"github.com/slcheck/slcheck/snapshot"
)

// registry holds every check in catalogue order (see before). IDs are
// public and never reused.
var registry []*Check

// register adds a check in its place; each check file calls it from init.
func register(c *Check) {
	if _, dup := Lookup(c.ID); dup {
		panic("checks: duplicate ID " + c.ID)
	}
	i := sort.Search(len(registry), func(i int) bool { return before(c, registry[i]) })
	registry = slices.Insert(registry, i, c)
}

// Catalogue returns every check ID, in catalogue order.
func Catalogue() []string {
	out := make([]string, 0, len(registry))
	for _, c := range registry {
		out = append(out, c.ID)
	}
	return out
}

// All returns the checks in catalogue order: by area, then ID.
func All() []*Check { return slices.Clone(registry) }

// Lookup returns the check with the given ID.
func Lookup(id string) (*Check, bool) {
	for _, c := range registry {
		if c.ID == id {
			return c, true
		}
	}
	return nil, false
}

// Run judges one device with every check of the catalogue, in order, and
// links each consequence to its root cause. Validate guarantees that every
// catalogue ID has a check.
func Run(s *snapshot.Snapshot) []Result { return RunExcept(s, nil) }

// RunExcept is Run with the checks of leaveOut (ID to reason, as the user
// chose with --skip or --only) not run: each is reported skipped with its
// reason, so the checklist stays whole.
func RunExcept(s *snapshot.Snapshot, leaveOut map[string]string) []Result {
	out := make([]Result, 0, len(registry))
	for _, c := range All() {
		if reason, ok := leaveOut[c.ID]; ok {
			out = append(out, c.Skip(reason))
			continue
		}
		out = append(out, c.Judge(s))
	}
	linkCauses(out)
	for i := range out {
		if out[i].References == nil {
			out[i].References = []string{}
		}
		if out[i].Evidence == nil {
			out[i].Evidence = nonZero(nil)
		}
	}
	return out
}

// Validate reports registry mistakes: an ID not of the form AAA000, an
// area unknown or not holding the ID's prefix, or a check without title,
// explanation, references, severity, applicability or logic. Tests call it.
func Validate() error {
	for _, c := range registry {
		id := c.ID
		p := idPrefix(id)
		_, _, placed := rank(c)
		switch {
		case p == "" || len(id)-len(p) != 3:
			return fmt.Errorf("%s is not an ID of letters and three digits", id)
		case !placed:
			return fmt.Errorf("%s: area %q is not one of checks.areas or does not list the prefix %s", id, c.Area, p)
		case c.Title == "" || c.Explain.What == "" || c.Explain.Why == "" || c.Explain.Fix == "":
			return fmt.Errorf("%s lacks a title or an explanation", id)
		case len(c.References) == 0:
			return fmt.Errorf("%s has no references", id)
		case c.Severity.Rank() == 0:
			return fmt.Errorf("%s has no severity", id)
		case c.Applies.String() == "unknown":
			return fmt.Errorf("%s does not say when it applies", id)
		case c.Run == nil:
			return fmt.Errorf("%s has no logic", id)
		}
	}
	return nil
}
