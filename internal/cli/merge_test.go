package cli

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMergeFileReports: the JSON reports of two slcheck file runs, merged,
// are the report of one run over all their inputs (its fleet summary
// included), in every format and exit code; slcheck file reads such
// reports too; with JSON, the summary goes to stderr.
func TestMergeFileReports(t *testing.T) {
	scenarios, _ := filepath.Glob("../../testdata/showoutputs/*/capture.txt")
	missing := filepath.Join(t.TempDir(), "missing.txt")
	half := len(scenarios) / 2
	partA, partB := scenarios[:half], append(append([]string{}, scenarios[half:]...), missing)
	dir := t.TempDir()
	write := func(name string, args ...string) string {
		r := runCLI(t, false, nil, "", append([]string{"file", "-o", "json"}, args...)...)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(r.out), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b := write("a.json", partA...), write("b.json", partB...)
	devices := len(decode(t, runCLI(t, false, nil, "", append([]string{"file", "-o", "json"}, append(partA, partB...)...)...).out).Devices)
	for _, format := range []string{"json", "text", "markdown", "openmetrics"} {
		whole := runCLI(t, false, nil, "", append([]string{"file", "-o", format}, append(partA, partB...)...)...)
		merged := runCLI(t, false, nil, "", "merge", "-o", format, a, b)
		viaFile := runCLI(t, false, nil, "", "file", "-o", format, a, b)
		if merged.code != whole.code || viaFile.code != whole.code || whole.code != ExitUsage {
			t.Errorf("%s: exit merged %d, via file %d, whole %d: want %d (a missing file)", format, merged.code, viaFile.code, whole.code, ExitUsage)
		}
		body := merged.out
		if format == "json" {
			// The fleet summary goes to stderr: a heading and a row per
			// device.
			rows := 0
			for _, l := range strings.Split(merged.err[strings.Index(merged.err, "HOST "):], "\n")[1:] {
				if l != "" && !strings.HasPrefix(l, "slcheck: ") {
					rows++
				}
			}
			if rows != devices {
				t.Errorf("summary of %d rows for %d devices:\n%s", rows, devices, merged.err)
			}
		}
		if body != whole.out {
			t.Errorf("%s: merged report differs from one run's:\n%s", format, firstDiff(body, whole.out))
		}
		if viaFile.out != whole.out {
			t.Errorf("%s: slcheck file on the reports differs from one run's:\n%s", format, firstDiff(viaFile.out, whole.out))
		}
	}
}

// TestMergeSSHParts splits an inventory of two fake switches across two
// runs with --limit, as two runners would, and merges their JSON: the
// result is the report of one run over the whole inventory.
func TestMergeSSHParts(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy", "source-interface")
	_, core, _ := net.SplitHostPort(addrs[0])
	_, dmz, _ := net.SplitHostPort(addrs[1])
	dir := t.TempDir()
	inv := filepath.Join(dir, "hosts.ini")
	os.WriteFile(inv, []byte(fmt.Sprintf("[core]\ncore1 ansible_host=127.0.0.1 ansible_port=%s\n[dmz]\ndmz1 ansible_host=127.0.0.1 ansible_port=%s\n[all:vars]\nansible_user=admin\n", core, dmz)), 0o600)
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	// CLK001 quotes the workstation's clock, which moves between runs.
	run := func(args ...string) runResult {
		return runCLI(t, false, env, "", append([]string{"ssh", "--known-hosts", kh, "--no-active", "--skip", "CLK001", "-o", "json", "--inventory", inv}, args...)...)
	}
	var parts []string
	for _, limit := range []string{"core", "dmz"} {
		r := run("--limit", limit)
		p := filepath.Join(dir, limit+".json")
		os.WriteFile(p, []byte(r.out), 0o600)
		parts = append(parts, p)
	}
	whole := run()
	merged := runCLI(t, false, nil, "", append([]string{"merge", "-o", "json"}, parts...)...)
	if merged.code != whole.code || whole.code != ExitFindings {
		t.Errorf("exit merged %d, whole %d: want %d", merged.code, whole.code, ExitFindings)
	}
	if n := len(decode(t, merged.out).Devices); n != 2 || merged.out != whole.out {
		t.Errorf("%d devices; merged differs from one run:\n%s", n, firstDiff(merged.out, whole.out))
	}
	if !strings.Contains(merged.err, "DC-CORE ("+addrs[0]+")") || !strings.Contains(merged.err, "DC-DMZ ("+addrs[1]+")") {
		t.Errorf("fleet summary on stderr lacks a switch:\n%s", merged.err)
	}
}

// TestMergeOverlap: parts that report a switch again (the same report
// twice, --limit groups that share a host, a run retried on the hosts that
// failed) give each switch once, saying so on stderr: the later report's
// entry wins, but a diagnosis is never replaced by a failure to collect
// the same switch.
func TestMergeOverlap(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	slp := "../../testdata/showoutputs/slp-healthy/capture.txt"
	seedJSON := write("seed.json", runCLI(t, false, nil, "", "file", "-o", "json", seed).out)
	bothJSON := write("both.json", runCLI(t, false, nil, "", "file", "-o", "json", seed, slp).out)
	// A part whose run could not read the seed: its error, no device.
	failed := write("failed.json", fmt.Sprintf(`{"schema_version": 1, "tool": {"name": "slcheck", "version": "x"}, "devices": [],
		"errors": [{"source": %q, "kind": "collection", "message": "connection refused"}]}`, seed))
	for _, tt := range []struct {
		name    string
		parts   []string
		sources []string // the devices' sources, in order
		errors  int
		code    int
		warn    string // "" when no warning is due
	}{
		{"one report", []string{seedJSON}, []string{seed}, 0, ExitFindings, ""},
		{"the same report twice", []string{seedJSON, seedJSON}, []string{seed}, 0, ExitFindings, "seed.json: " + seed + " is also in FILE/seed.json: the later report's result is kept"},
		{"overlapping parts", []string{seedJSON, bothJSON}, []string{seed, slp}, 0, ExitFindings, "both.json: " + seed + " is also in FILE/seed.json"},
		{"retried after a failure", []string{failed, seedJSON}, []string{seed}, 0, ExitFindings, "seed.json: " + seed + " is also in FILE/failed.json: the later report's result is kept"},
		{"a failed retry", []string{seedJSON, failed}, []string{seed}, 0, ExitFindings, "failed.json: " + seed + " is also in FILE/seed.json, which diagnosed it: that diagnosis is kept"},
		{"failed twice", []string{failed, failed}, nil, 1, ExitCollection, "is also in FILE/failed.json"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, false, nil, "", append([]string{"merge", "-o", "json"}, tt.parts...)...)
			doc := decode(t, r.out)
			var got []string
			for _, d := range doc.Devices {
				got = append(got, d.Source)
			}
			if strings.Join(got, " ") != strings.Join(tt.sources, " ") || len(doc.Errors) != tt.errors || r.code != tt.code {
				t.Errorf("devices %q, %d errors, exit %d: want %q, %d, %d", got, len(doc.Errors), r.code, tt.sources, tt.errors, tt.code)
			}
			warn := strings.ReplaceAll(tt.warn, "FILE", dir)
			if n := strings.Count(r.err, "slcheck: warning: "); tt.warn == "" && n != 0 || tt.warn != "" && (n != 1 || !strings.Contains(r.err, warn)) {
				t.Errorf("stderr %q: want one warning with %q", r.err, warn)
			}
		})
	}
}

// TestMergeBadReports: what is not a report of this schema is an input
// error naming the file (and the line for bad JSON); the good reports are
// still merged.
func TestMergeBadReports(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	os.WriteFile(good, []byte(runCLI(t, false, nil, "", "file", "-o", "json", seed).out), 0o600)
	for _, tt := range []struct{ name, body, want string }{
		{"other tool", `{"schema_version": 1, "tool": {"name": "other"}}`, `FILE: not a slcheck JSON report (no tool "slcheck")`},
		{"other schema", `{"schema_version": 2, "tool": {"name": "slcheck"}}`, "FILE: schema_version 2: this slcheck reads reports of schema_version 1"},
		{"bad JSON", "{\"schema_version\": 1,\n  \"devices\": [\n    {\"source\": \"x\",,}]}", "FILE:3: not a slcheck JSON report: invalid character ','"},
		{"wrong type", "{\"schema_version\": 1,\n\"devices\": [{\"source\": 7}]}", "FILE:2: not a slcheck JSON report: devices.source holds number, want string"},
		{"wrong type of a list", "{\"schema_version\": 1,\n\"devices\": [{\"results\": 7}]}", "FILE:2: not a slcheck JSON report: devices.results holds number, want array"},
		{"an array", "[{\"schema_version\": 1}]", "FILE:1: not a slcheck JSON report: it is a JSON array, want the object slcheck --output json writes"},
		{"truncated", `{"schema_version": 1, "tool": {"name": "slc`, "FILE: not a slcheck JSON report: it ends before the document does"},
		{"two documents", `{"schema_version": 1, "tool": {"name": "slcheck"}} {}`, "FILE: more than one JSON document"},
		{"a capture", "switch# show version\n", "FILE:1: not a slcheck JSON report: invalid character 's'"},
		{"unknown event kind", `{"schema_version": 1, "tool": {"name": "slcheck"}, "devices": [{"lifecycle": {"events": [{"kind": "frobnicated"}]}}]}`,
			`FILE: not a slcheck JSON report: lifecycle event kind "frobnicated" is not one slcheck writes`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".json")
			os.WriteFile(p, []byte(tt.body), 0o600)
			r := runCLI(t, false, nil, "", "merge", "-o", "json", p, good)
			want := "slcheck: " + strings.ReplaceAll(tt.want, "FILE", p)
			if r.code != ExitUsage || !strings.Contains(r.err, want) {
				t.Errorf("exit %d, stderr %q: want %d and %q", r.code, r.err, ExitUsage, want)
			}
			if n := len(decode(t, r.out).Devices); n != 1 {
				t.Errorf("%d devices: the good report was not merged", n)
			}
		})
	}
	r := runCLI(t, false, nil, "", "merge", dir, filepath.Join(dir, "none.json"))
	if r.code != ExitUsage || !strings.Contains(r.err, dir+": is a directory") || !strings.Contains(r.err, "none.json: no such file") {
		t.Errorf("exit %d, stderr %q", r.code, r.err)
	}
}
