package diagnose_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/internal/golden"
	"github.com/slcheck/slcheck/report"
)

// Each folder of testdata/showoutputs holds one captured case: a file
// named capture* (any input shape slcheck reads) and expected.txt, one line
// per catalogue ID and device:
//
//	device DC-DMZ                   (only when the capture holds several devices)
//	CH002 fail error
//	LIC003 fail error caused-by CH002
//	DNS001 skipped
//
// Lines starting with # are comments and survive -update.

const scenarioRoot = "../testdata/showoutputs"

// coreChecks are the checks whose failures must carry evidence and a
// remedy built from the device's lines (engineer C's area).
var coreChecks = map[string]bool{
	"PLT003": true, "CH001": true, "CH002": true, "CH003": true, "CH004": true, "CH005": true,
	"NET001": true, "NET002": true, "NET003": true, "NET004": true,
	"DNS001": true, "DNS002": true, "DNS003": true, "TLS001": true, "TLS002": true, "LOG001": true,
}

type scenario struct {
	name    string
	dir     string
	capture string
}

func scenarios(t *testing.T) []scenario {
	t.Helper()
	dirs, err := os.ReadDir(scenarioRoot)
	if err != nil {
		t.Fatal(err)
	}
	var out []scenario
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		dir := filepath.Join(scenarioRoot, d.Name())
		matches, _ := filepath.Glob(filepath.Join(dir, "capture*"))
		if len(matches) != 1 {
			t.Errorf("%s: want exactly one capture* file, found %d", dir, len(matches))
			continue
		}
		out = append(out, scenario{name: d.Name(), dir: dir, capture: matches[0]})
	}
	if len(out) == 0 {
		t.Fatal("no scenarios found under " + scenarioRoot)
	}
	return out
}

// diagnoseFile runs the in-process pipeline on one input.
func diagnoseFile(t *testing.T, path string) []report.Device {
	t.Helper()
	c, err := capture.ReadFile(path, capture.Options{})
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []report.Device
	for _, dev := range c.Devices {
		out = append(out, diagnose.Device(dev))
	}
	return out
}

// render writes results in the expected.txt format.
func render(devs []report.Device) string {
	var b strings.Builder
	for _, d := range devs {
		if len(devs) > 1 {
			fmt.Fprintf(&b, "device %s\n", d.Hostname)
		}
		for _, r := range d.Results {
			b.WriteString(resultLine(r))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func resultLine(r checks.Result) string {
	s := r.ID + " " + string(r.Status)
	if r.Status == checks.Fail {
		s += " " + string(r.Severity)
		if r.CausedBy != "" {
			s += " caused-by " + r.CausedBy
		}
	}
	return s
}

// splitExpected separates the leading comment block from the result lines.
func splitExpected(text string) (comments, body string) {
	var c, b strings.Builder
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "#"):
			c.WriteString(sc.Text() + "\n")
		case line != "":
			b.WriteString(line + "\n")
		}
	}
	return c.String(), b.String()
}

func TestScenarios(t *testing.T) {
	for _, sc := range scenarios(t) {
		t.Run(sc.name, func(t *testing.T) {
			devs := diagnoseFile(t, sc.capture)
			got := render(devs)
			expPath := filepath.Join(sc.dir, "expected.txt")
			old, err := os.ReadFile(expPath)
			if err != nil && !*golden.Update {
				t.Fatalf("%v (run go test ./... -update, then review the diff)", err)
			}
			comments, want := splitExpected(string(old))
			if *golden.Update {
				if err := os.WriteFile(expPath, []byte(comments+got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("results differ from %s (-want +got):\n%s", expPath, lineDiff(want, got))
			}
			for _, d := range devs {
				checkContract(t, d)
			}
		})
	}
}

// checkContract asserts what every result must hold whatever the scenario.
func checkContract(t *testing.T, d report.Device) {
	t.Helper()
	if len(d.Results) != len(checks.Catalogue()) {
		t.Errorf("%s: %d results, want one per catalogue ID (%d)", d.Hostname, len(d.Results), len(checks.Catalogue()))
	}
	for _, r := range d.Results {
		switch r.Status {
		case checks.Skipped:
			if r.Reason == "" {
				t.Errorf("%s %s: skipped without a reason", d.Hostname, r.ID)
			}
		case checks.Fail:
			if !coreChecks[r.ID] {
				continue
			}
			if len(r.Evidence) == 0 {
				t.Errorf("%s %s: fail without evidence", d.Hostname, r.ID)
			}
			if r.Remedy == nil {
				t.Errorf("%s %s: fail without a remedy", d.Hostname, r.ID)
				continue
			}
			if cfg := r.Remedy.Config; len(cfg) > 0 &&
				(cfg[0] != "configure terminal" || cfg[len(cfg)-1] != "copy running-config startup-config") {
				t.Errorf("%s %s: remedy config must run from `configure terminal` to `copy running-config startup-config`: %q", d.Hostname, r.ID, cfg)
			}
			if len(r.Remedy.Verify) == 0 {
				t.Errorf("%s %s: remedy without verify commands", d.Hostname, r.ID)
			}
		case checks.Pass:
		default:
			t.Errorf("%s %s: status %q is not in the contract", d.Hostname, r.ID, r.Status)
		}
	}
}

func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	inW, inG := map[string]bool{}, map[string]bool{}
	for _, l := range w {
		inW[l] = true
	}
	for _, l := range g {
		inG[l] = true
	}
	var out []string
	for _, l := range w {
		if l != "" && !inG[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range g {
		if l != "" && !inW[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

// TestInputShapes proves that every check judges the same device the same
// way whatever shape its capture came in: each single-device terminal-log
// scenario is rewritten as a show-tech, as bare pastes, gzipped, and with
// CRLF, ANSI and pager dirt, and every variant must give identical results.
func TestInputShapes(t *testing.T) {
	n := 0
	for _, sc := range scenarios(t) {
		raw, err := os.ReadFile(sc.capture)
		if err != nil {
			t.Fatal(err)
		}
		if !isTerminalLog(raw) {
			continue
		}
		base := diagnoseFile(t, sc.capture)
		if len(base) != 1 || isForeign(base[0]) {
			continue // IOS-XE input is judged by its own prompts and banners
		}
		n++
		want := statuses(base[0])
		for _, v := range shapeVariants(raw) {
			t.Run(sc.name+"/"+v.name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), v.file)
				if err := os.WriteFile(path, v.data, 0o644); err != nil {
					t.Fatal(err)
				}
				devs := diagnoseFile(t, path)
				if len(devs) != 1 {
					t.Fatalf("%d devices, want 1", len(devs))
				}
				if got := statuses(devs[0]); got != want {
					t.Errorf("results differ from the terminal log (-log +%s):\n%s", v.name, lineDiff(want, got))
				}
			})
		}
	}
	if n < 3 {
		t.Errorf("only %d terminal-log scenarios to derive shapes from, want at least 3", n)
	}
}

func isForeign(d report.Device) bool {
	for _, r := range d.Results {
		if r.ID == "PLT003" && r.Status == checks.Fail {
			return true
		}
	}
	return false
}

func statuses(d report.Device) string {
	var b strings.Builder
	for _, r := range d.Results {
		b.WriteString(resultLine(r) + "\n")
	}
	return b.String()
}

// prompt matches an NX-OS prompt line with the command typed after it.
var prompt = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]*)(\([a-z-]+\))?# ?(.*)$`)

func isTerminalLog(raw []byte) bool {
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		return prompt.MatchString(line)
	}
	return false
}

type block struct {
	host, mode, cmd string
	lines           []string
}

// blocks splits a terminal log at its prompts.
func blocks(raw []byte) []block {
	var out []block
	for _, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
		if m := prompt.FindStringSubmatch(line); m != nil {
			out = append(out, block{host: m[1], mode: m[2], cmd: m[3]})
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].lines = append(out[len(out)-1].lines, line)
		}
	}
	return out
}

type variant struct {
	name, file string
	data       []byte
}

// argsOnlyInCommand are commands whose output does not repeat what the
// command line said (the VRF of a ping or a telnet): a paste keeps them
// with their prompt, as an operator pasting them would.
var argsOnlyInCommand = regexp.MustCompile(`^(ping|telnet|traceroute)\b`)

// navigation matches commands that only move between CLI modes.
var navigation = regexp.MustCompile(`^(conf(igure)?( t(erminal)?)?|end|exit)$`)

// kept says whether a typed command belongs in a show-tech or a paste:
// exec commands, and tests typed in config mode, but no mode changes.
func kept(b block) bool {
	if b.cmd == "" || navigation.MatchString(strings.TrimSpace(b.cmd)) {
		return false
	}
	return b.mode == "" || argsOnlyInCommand.MatchString(b.cmd)
}

func shapeVariants(raw []byte) []variant {
	bs := blocks(raw)
	host := bs[0].host

	var tech bytes.Buffer
	tech.WriteString("---- show tech-support details ----\n`show switchname`\n" + host + "\n")
	for _, b := range bs {
		if !kept(b) {
			continue
		}
		fmt.Fprintf(&tech, "`%s`\n", b.cmd)
		for _, l := range b.lines {
			tech.WriteString(l + "\n")
		}
	}

	// The paste holds the bare outputs first, then, with their prompts,
	// the commands whose output alone does not say what was run.
	var paste, prompted bytes.Buffer
	for _, b := range bs {
		if !kept(b) {
			continue
		}
		w := &paste
		if argsOnlyInCommand.MatchString(b.cmd) {
			w = &prompted
			fmt.Fprintf(w, "%s# %s\n", host, b.cmd)
		}
		for _, l := range b.lines {
			w.WriteString(l + "\n")
		}
		w.WriteString("\n")
	}
	paste.Write(prompted.Bytes())

	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(raw)
	w.Close()

	return []variant{
		{"show-tech", "show-tech.txt", tech.Bytes()},
		{"paste", "paste.txt", paste.Bytes()},
		{"gzip", "capture.txt.gz", gz.Bytes()},
		{"dirty", "dirty.log", dirty(raw)},
	}
}

// dirty adds what a terminal emulator leaves in a log: CRLF endings,
// coloured prompts, a pager prompt erased with backspaces every 10 lines,
// and trailing spaces.
func dirty(raw []byte) []byte {
	var b bytes.Buffer
	for i, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
		if m := prompt.FindStringSubmatch(line); m != nil {
			line = "\x1b[1;32m" + m[1] + m[2] + "#\x1b[0m " + m[3]
		} else if i%10 == 9 {
			line = " --More-- " + strings.Repeat("\b", 10) + strings.Repeat(" ", 10) + strings.Repeat("\b", 10) + line
		}
		b.WriteString(line + "  \r\n")
	}
	return b.Bytes()
}

// TestScenarioCoverage asserts that, across the scenarios, each core check
// both fails somewhere and passes somewhere: a check that never fails or
// never passes on real-looking input is not tested.
func TestScenarioCoverage(t *testing.T) {
	seen := map[string]map[checks.Status]bool{}
	for _, sc := range scenarios(t) {
		for _, d := range diagnoseFile(t, sc.capture) {
			for _, r := range d.Results {
				if seen[r.ID] == nil {
					seen[r.ID] = map[checks.Status]bool{}
				}
				seen[r.ID][r.Status] = true
			}
		}
	}
	var ids []string
	for id := range coreChecks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !seen[id][checks.Fail] || !seen[id][checks.Pass] {
			t.Errorf("%s: no scenario where it fails and one where it passes (seen %v)", id, seen[id])
		}
	}
}
