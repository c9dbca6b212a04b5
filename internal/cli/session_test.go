package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/checks"
)

// sessionOutputs reads a testdata/session file: the output of each command
// under its "### <command>" header; '#' lines before the first are notes.
func sessionOutputs(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "session", name))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	cmd := ""
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "### "):
			cmd = strings.TrimPrefix(line, "### ")
			if _, dup := out[cmd]; dup {
				t.Fatalf("%s: %q twice", name, cmd)
			}
			out[cmd] = ""
		case cmd != "":
			out[cmd] += line + "\n"
		}
	}
	return out
}

// The block `slcheck commands` prints, pasted into a switch session and the
// session log given back to `slcheck file`, lets every check run: none says
// "not checked", and only the opt-in live probes are not run.
func TestCommandsBlockLetsEveryCheckRun(t *testing.T) {
	tests := []struct {
		name, outputs string
		args          []string
		mode          string
	}{
		{"classic 9.3", "classic.txt", nil, "classic"},
		{"SLP 10.3", "slp.txt", []string{"--host", "smartreceiver.cisco.com"}, "slp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			block := runCLI(t, false, nil, "", append([]string{"commands"}, tt.args...)...)
			if block.code != ExitOK {
				t.Fatalf("commands: exit %d: %s", block.code, block.err)
			}
			outputs := sessionOutputs(t, tt.outputs)
			var log strings.Builder
			for _, cmd := range strings.Split(strings.TrimSuffix(block.out, "\n"), "\n") {
				out, ok := outputs[cmd]
				if !ok {
					t.Fatalf("%s has no output for %q: add what the switch prints", tt.outputs, cmd)
				}
				delete(outputs, cmd)
				log.WriteString("leaf# " + cmd + "\n" + out)
			}
			for cmd := range outputs {
				t.Errorf("%s has an output for %q, which the block no longer asks for", tt.outputs, cmd)
			}
			log.WriteString("leaf# \n")
			path := filepath.Join(t.TempDir(), "session.log")
			if err := os.WriteFile(path, []byte(log.String()), 0o644); err != nil {
				t.Fatal(err)
			}

			r := runCLI(t, false, nil, "", "file", "--output", "json", "--no-fail", path)
			if r.code != ExitOK {
				t.Fatalf("file: exit %d: %s", r.code, r.err)
			}
			var doc struct {
				Devices []struct {
					Mode    string
					Results []checks.Result
				}
				Errors []json.RawMessage
			}
			if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Devices) != 1 || len(doc.Errors) != 0 {
				t.Fatalf("%d devices, errors %s", len(doc.Devices), doc.Errors)
			}
			dev := doc.Devices[0]
			if dev.Mode != tt.mode {
				t.Errorf("mode %q, want %q", dev.Mode, tt.mode)
			}
			if len(dev.Results) != len(checks.Catalogue()) {
				t.Errorf("%d results, want the whole catalogue", len(dev.Results))
			}
			for _, res := range dev.Results {
				probe := res.ID == "DNS004" || res.ID == "TLS003"
				switch {
				case probe && !strings.HasPrefix(res.Reason, "not run: add --probe"):
					t.Errorf("%s: %s %q, want the probe not run", res.ID, res.Status, res.Reason)
				case !probe && res.Status == checks.Skipped && !strings.HasPrefix(res.Reason, "not applicable"):
					t.Errorf("%s skipped: %s", res.ID, res.Reason)
				case res.Status == checks.Fail && res.Severity != checks.Info:
					t.Errorf("%s fails on a healthy switch: %s", res.ID, res.Message)
				}
			}
		})
	}
}
