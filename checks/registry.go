package checks

import (
	"fmt"
	"sort"

	"github.com/slcheck/slcheck/snapshot"
)

// catalogue is the order of ../shared/CHECKS.md: reports list results in
// this order. IDs are public and never reused.
var catalogue = []string{
	"PLT001", "PLT002", "PLT003",
	"LIC001", "LIC002", "LIC003", "LIC004", "LIC005", "LIC006", "LIC007",
	"CH001", "CH002", "CH003", "CH004", "CH005",
	"NET001", "NET002", "NET003", "NET004",
	"DNS001", "DNS002", "DNS003", "DNS004",
	"TLS001", "TLS002", "TLS003",
	"SLP001", "SLP002", "SLP003", "SLP004",
	"LOG001", "CLK001",
}

var registry = map[string]*Check{}

// register adds a check; each check file calls it from init.
func register(c *Check) {
	if _, dup := registry[c.ID]; dup {
		panic("checks: duplicate ID " + c.ID)
	}
	registry[c.ID] = c
}

// Catalogue returns every ID of the contract, in order.
func Catalogue() []string { return append([]string{}, catalogue...) }

// All returns the registered checks in catalogue order.
func All() []*Check {
	out := make([]*Check, 0, len(registry))
	for _, id := range catalogue {
		if c, ok := registry[id]; ok {
			out = append(out, c)
		}
	}
	return out
}

// Lookup returns the check with the given ID.
func Lookup(id string) (*Check, bool) {
	c, ok := registry[id]
	return c, ok
}

// Run judges one device with every check of the catalogue, in order, and
// links each consequence to its root cause. Validate guarantees that every
// catalogue ID has a check.
func Run(s *snapshot.Snapshot) []Result { return RunExcept(s, nil) }

// RunExcept is Run with the checks of leaveOut (ID to reason, as the user
// chose with --skip or --only) not run: each is reported skipped with its
// reason, so the checklist stays whole.
func RunExcept(s *snapshot.Snapshot, leaveOut map[string]string) []Result {
	out := make([]Result, 0, len(catalogue))
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

// Validate reports registry mistakes: a registered check missing from the
// catalogue, or one without title, explanation or references. Tests call it.
func Validate() error {
	ids := make([]string, 0, len(registry))
	for id := range registry {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	inCat := map[string]bool{}
	for _, id := range catalogue {
		inCat[id] = true
		if _, ok := registry[id]; !ok {
			return fmt.Errorf("%s is in the catalogue but has no check", id)
		}
	}
	for _, id := range ids {
		c := registry[id]
		switch {
		case !inCat[id]:
			return fmt.Errorf("%s is registered but not in the catalogue", id)
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
