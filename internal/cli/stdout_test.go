package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// interleaved records, in one text, what stdout and stderr receive in the
// order they receive it, as a terminal both write to would show it.
type interleaved struct {
	mu sync.Mutex
	b  strings.Builder
}

func (w *interleaved) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// failAfter accepts n bytes, then fails every write.
type failAfter struct{ n int }

var errFull = errors.New("no space left on device")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

const seedCapture = "../../testdata/showoutputs/http-url-seed/capture.txt"

// copies writes n copies of the seed capture into a temporary directory
// and returns their paths: n devices, a report of about 30 KB of JSON and
// 6 KB of text each.
func copies(t *testing.T, n int) []string {
	t.Helper()
	text, err := os.ReadFile(seedCapture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	for i := range n {
		paths = append(paths, writeFile(t, dir, fmt.Sprintf("switch%02d.txt", i), string(text)))
	}
	return paths
}

// TestStdoutBeforeStderr: stdout goes through a buffer, yet a terminal
// both streams reach shows what slcheck printed in the order it printed
// it: the whole report (larger than the buffer), then the error about the
// missing file.
func TestStdoutBeforeStderr(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.txt")
	for _, format := range []string{"text", "json", "markdown"} {
		t.Run(format, func(t *testing.T) {
			args := append(append([]string{"file", "-o", format}, copies(t, 50)...), missing)
			apart := runCLI(t, false, nil, "", args...)
			if apart.code != ExitUsage || !strings.Contains(apart.err, missing) || len(apart.out) < stdoutBuffer {
				t.Fatalf("exit %d, %d bytes of report, stderr %q: want exit %d, a report over %d bytes and an error naming %s",
					apart.code, len(apart.out), apart.err, ExitUsage, stdoutBuffer, missing)
			}
			var term interleaved
			code := Run(args, Streams{In: strings.NewReader(""), Out: &term, Err: &term,
				Env: func(string) string { return "" }})
			if code != apart.code {
				t.Errorf("exit %d, want %d", code, apart.code)
			}
			if got, want := term.b.String(), apart.out+apart.err; got != want {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Errorf("the terminal shows another order than the report then the errors: first difference at byte %d of %d (report %d bytes)",
					i, len(got), len(apart.out))
			}
		})
	}
}

// TestStdoutWriteError: a write error on stdout is an error (exit 2),
// said once, whether the buffer met it while the report was written (a
// large report) or at its last flush (a small output).
func TestStdoutWriteError(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		accept int // bytes stdout takes before it fails
		want   string
	}{
		{"small report, fails at the end", []string{"file", seedCapture}, 0, "writing to standard output: no space left on device"},
		{"version, fails at the end", []string{"version"}, 0, "writing to standard output: no space left on device"},
		{"large report, fails inside", append([]string{"file", "-o", "json"}, copies(t, 20)...), 100 << 10, "writing the report: no space left on device"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errb strings.Builder
			code := Run(tc.args, Streams{In: strings.NewReader(""), Out: &failAfter{n: tc.accept}, Err: &errb,
				Env: func(string) string { return "" }})
			if code != ExitUsage {
				t.Errorf("exit %d, want %d", code, ExitUsage)
			}
			if n := strings.Count(errb.String(), "no space left on device"); n != 1 || !strings.Contains(errb.String(), tc.want) {
				t.Errorf("stderr says the error %d times, want once as %q:\n%s", n, tc.want, errb.String())
			}
		})
	}
}
