package redact

import (
	"os"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/internal/golden"
)

const readme = "../README.md"

// readmeTable is the README's table of rules, from Rules().
func readmeTable() string {
	var b strings.Builder
	b.WriteString("| keyword | hides | source |\n|---|---|---|\n")
	for _, ru := range Rules() {
		kind := "secret"
		if ru.Contact {
			kind = "contact"
		}
		b.WriteString("| `" + strings.ReplaceAll(ru.Keyword, "|", `\|`) + "` | " + kind + " | " + ru.Source + " |\n")
	}
	return b.String()
}

// TestReadmeRules: the README's table of redaction rules is the rule
// table; -update rewrites it.
func TestReadmeRules(t *testing.T) {
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	const begin, end = "<!-- rules: written by `go test ./redact -update` from redact.Rules() -->\n", "<!-- end rules -->"
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README has no rules table markers")
	}
	want := s[:i+len(begin)] + readmeTable() + s[j:]
	if *golden.Update {
		if err := os.WriteFile(readme, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if s != want {
		t.Errorf("README's table of redaction rules differs from redact.Rules(): run go test ./redact -update")
	}
}
