package checks

import (
	"testing"

	"github.com/slcheck/slcheck/snapshot"
)

// Every catalogue ID has a complete check, and a device gets exactly one
// result per ID, in catalogue order, even from an empty snapshot.
func TestRegistryCoversCatalogue(t *testing.T) {
	if err := Validate(); err != nil {
		t.Fatal(err)
	}
	res := Run(&snapshot.Snapshot{Commands: map[string]bool{}})
	if len(res) != len(catalogue) {
		t.Fatalf("%d results for %d catalogue IDs", len(res), len(catalogue))
	}
	for i, r := range res {
		if r.ID != catalogue[i] {
			t.Errorf("result %d is %s, want %s", i, r.ID, catalogue[i])
		}
		if r.Status == Pass {
			t.Errorf("%s passes on an empty snapshot: %s", r.ID, r.Message)
		}
		if r.Status == Skipped && r.Reason == "" {
			t.Errorf("%s is skipped without a reason", r.ID)
		}
	}
}
