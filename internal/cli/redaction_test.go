package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/redact"
)

// capturedSecrets finds, in a capture, the words the redaction layer
// removes and that appear nowhere in the redacted capture: any of them in
// an output can only have come from a secret or a contact.
func capturedSecrets(raw string) []string {
	raw = strings.ReplaceAll(raw, "\r\n", "\n") // as the capture reader reads it
	red := redact.Policy{}.Text(raw)
	orig, done := strings.Split(raw, "\n"), strings.Split(red, "\n")
	var out []string
	seen := map[string]bool{}
	for i := range orig {
		if orig[i] == done[i] {
			continue
		}
		kept := map[string]bool{}
		for _, w := range strings.Fields(done[i]) {
			kept[w] = true
		}
		for _, w := range strings.Fields(orig[i]) {
			w = strings.Trim(w, `"'`)
			if len(w) >= 6 && !kept[w] && !seen[w] && !strings.Contains(red, w) {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// Every scenario through the command line in every format: no word the
// redaction layer removes from its capture reaches stdout or stderr.
func TestNoCaptureSecretInAnyOutput(t *testing.T) {
	captures, err := filepath.Glob("../../testdata/showoutputs/*/capture.txt")
	if err != nil || len(captures) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	total := 0
	for _, p := range captures {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		secrets := capturedSecrets(string(raw))
		total += len(secrets)
		for _, format := range []string{"text", "json", "markdown"} {
			r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", format, p)
			for _, s := range secrets {
				if strings.Contains(r.out, s) || strings.Contains(r.err, s) {
					t.Errorf("%s -o %s: %q reached the output", filepath.Base(filepath.Dir(p)), format, s)
				}
			}
		}
	}
	// The secrets scenario alone plants dozens: an empty list would make
	// this test pass for nothing.
	t.Logf("%d secret words in %d scenarios", total, len(captures))
	if total < 30 {
		t.Errorf("only %d secret words found in all the scenarios", total)
	}
}
