package checks

import (
	"os"
	"strings"
	"testing"
)

// docs/checks.md is what the metadata renders: a check added or changed
// without `go generate ./checks` fails here.
func TestCatalogueDocCurrent(t *testing.T) {
	const file = "../docs/checks.md"
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := CatalogueMarkdown()
	if string(got) != want {
		t.Fatalf("%s is stale: run `go generate ./checks`", file)
	}
	for _, c := range registry {
		for _, s := range []string{"### " + c.ID + "\n", "**" + c.Title + "**", c.Applies.String(), c.Explain.Fix} {
			if !strings.Contains(want, s) {
				t.Errorf("%s: docs lack %q", c.ID, s)
			}
		}
	}
}
