package diagnose_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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

// liveProbes run only with --probe against live servers, so no capture
// alone can make them pass or fail; probe/ and diagnose/probe_test.go test them.
var liveProbes = map[string]bool{"DNS004": true, "TLS003": true}

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
// way whatever shape its capture came in: each NX-OS device of every
// scenario, whatever its own shape, is rewritten from the sections read as
// a terminal log, a show-tech, a bare paste, a gzipped log and a log with
// CRLF, ANSI and pager dirt, and every variant must give its results.
func TestInputShapes(t *testing.T) {
	shapes := map[string]bool{}
	for _, sc := range scenarios(t) {
		c, err := capture.ReadFile(sc.capture, capture.Options{})
		if err != nil {
			t.Fatalf("read %s: %v", sc.capture, err)
		}
		base := diagnoseFile(t, sc.capture)
		for i, dev := range c.Devices {
			if isForeign(base[i]) {
				foreignInEveryShape(t, sc.name, dev)
				continue
			}
			shapes[dev.Format] = true
			want := statuses(base[i])
			for _, v := range shapeVariants(dev, base[i].Hostname) {
				t.Run(fmt.Sprintf("%s/%d/%s", sc.name, i, v.name), func(t *testing.T) {
					path := filepath.Join(t.TempDir(), v.file)
					if err := os.WriteFile(path, v.data, 0o644); err != nil {
						t.Fatal(err)
					}
					devs := diagnoseFile(t, path)
					if len(devs) != 1 {
						t.Fatalf("%d devices, want 1", len(devs))
					}
					if got := statuses(devs[0]); got != want {
						t.Errorf("results differ from the scenario's (-%s +%s):\n%s", dev.Format, v.name, lineDiff(want, got))
					}
				})
			}
		}
	}
	for _, f := range []string{"terminal", "show-tech", "paste"} {
		if !shapes[f] {
			t.Errorf("no scenario in the %s shape to derive the others from", f)
		}
	}
}

// foreignInEveryShape: a device PLT003 rejects (IOS-XE output that shows
// itself by its content, output of several devices mixed) fails PLT003 in
// every shape. Output judged by an IOS-style prompt
// ("host#cmd", which the variants rewrite) is left out: the blocks beside
// it count only beside such a strong sign.
func foreignInEveryShape(t *testing.T, name string, dev *capture.Device) {
	for _, r := range dev.Foreign {
		if strings.Contains(r.Text, "#") {
			return
		}
	}
	for _, v := range shapeVariants(dev, dev.Hostname) {
		t.Run(name+"/"+v.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), v.file)
			if err := os.WriteFile(path, v.data, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, d := range diagnoseFile(t, path) {
				if !isForeign(d) {
					t.Errorf("%s: PLT003 does not fail on the %s shape", d.Hostname, v.name)
				}
			}
		})
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

type variant struct {
	name, file string
	data       []byte
}

// argsOnlyInCommand are commands whose output does not repeat what the
// command line said (the VRF of a ping or a telnet): a paste keeps them
// with their prompt, as an operator pasting them would.
var argsOnlyInCommand = regexp.MustCompile(`^(ping|telnet|traceroute)\b`)

// execCommand: the sections a show-tech or a paste holds; config-mode
// lines and mode changes are left out.
var execCommand = regexp.MustCompile(`^(show|ping|telnet|traceroute)\b`)

// shapeVariants writes one device's sections in every input shape.
// host is the device's name as diagnosed (a paste's comes from its
// config or show version), used in the prompts and `show switchname` the
// variants add.
func shapeVariants(dev *capture.Device, host string) []variant {
	if host == "" {
		host = "switch"
	}
	var log, tech, paste, prompted bytes.Buffer
	tech.WriteString("---- show tech-support details ----\n`show switchname`\n" + host + "\n")
	for _, sec := range dev.Sections {
		typed := sec.Typed
		if typed == "" {
			typed = sec.Command
		}
		fmt.Fprintf(&log, "%s# %s\n", host, typed)
		writeLines(&log, sec)
		if !execCommand.MatchString(sec.Command) {
			continue
		}
		if sec.Command != "show switchname" && sec.Command != "show hostname" {
			fmt.Fprintf(&tech, "`%s`\n", sec.Command) // the header has the name
			writeLines(&tech, sec)
		}
		// The paste holds the bare outputs first, then, with their
		// prompts, the commands whose output alone does not say what
		// was run (a ping's VRF, a filter), or that printed nothing.
		w := &paste
		if argsOnlyInCommand.MatchString(sec.Command) || blank(sec) || strings.Contains(sec.Command, "|") {
			w = &prompted
			fmt.Fprintf(w, "%s# %s\n", host, typed)
		}
		writeLines(w, sec)
		w.WriteString("\n")
	}
	paste.Write(prompted.Bytes())

	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(log.Bytes())
	w.Close()

	return []variant{
		{"terminal", "session.log", log.Bytes()},
		{"show-tech", "show-tech.txt", tech.Bytes()},
		{"paste", "paste.txt", paste.Bytes()},
		{"gzip", "capture.txt.gz", gz.Bytes()},
		{"dirty", "dirty.log", dirty(log.Bytes())},
	}
}

func blank(sec *capture.Section) bool {
	for _, l := range sec.Lines {
		if strings.TrimSpace(l.Text) != "" {
			return false
		}
	}
	return true
}

func writeLines(b *bytes.Buffer, sec *capture.Section) {
	for _, l := range sec.Lines {
		b.WriteString(l.Text + "\n")
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
	for _, id := range checks.Catalogue() {
		if liveProbes[id] {
			continue
		}
		if !seen[id][checks.Fail] || !seen[id][checks.Pass] {
			t.Errorf("%s: no scenario where it fails and one where it passes (seen %v)", id, seen[id])
		}
	}
}
