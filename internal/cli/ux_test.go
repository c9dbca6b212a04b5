package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/report"
)

const healthy = "../../testdata/showoutputs/lic-authorized-healthy/capture.txt"

// withBuild makes the binary's build information say bi for one test.
func withBuild(t *testing.T, bi *debug.BuildInfo) {
	t.Helper()
	old := readBuildInfo
	readBuildInfo = func() (*debug.BuildInfo, bool) { return bi, bi != nil }
	t.Cleanup(func() { readBuildInfo = old })
}

// TestVersion: `slcheck version`, `--version`, JSON tool.version and the
// Markdown footer all say the release and commit of the build
// information; without it, "devel".
func TestVersion(t *testing.T) {
	withBuild(t, &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.4.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "206edd0a624c8d673bd77d50b4ef2b0c5c4a1cf6"},
			{Key: "vcs.time", Value: "2026-11-30T04:48:54Z"}, {Key: "vcs.modified", Value: "true"}}})
	const line = "v1.4.0 (commit 206edd0a624c with uncommitted changes, committed 2026-11-30T04:48:54Z)"
	r := runCLI(t, false, nil, "", "version")
	for _, want := range []string{"slcheck v1.4.0\n", "commit  206edd0a624c8d673bd77d50b4ef2b0c5c4a1cf6 (with uncommitted changes)\n",
		"date    2026-11-30T04:48:54Z", "go      go1.26.8\n"} {
		if r.code != ExitOK || !strings.Contains(r.out, want) {
			t.Errorf("version: exit %d, output lacks %q:\n%s%s", r.code, want, r.out, r.err)
		}
	}
	if r := runCLI(t, false, nil, "", "--version"); r.code != ExitOK || r.out != "slcheck "+line+"\n" {
		t.Errorf("--version: exit %d, %q", r.code, r.out)
	}
	js := runCLI(t, false, nil, "", "file", "-o", "json", seed)
	var doc report.Document
	if err := json.Unmarshal([]byte(js.out), &doc); err != nil || doc.Tool.Version != line {
		t.Errorf("JSON tool.version %q (%v), want %q", doc.Tool.Version, err, line)
	}
	md := runCLI(t, false, nil, "", "file", "-o", "markdown", seed)
	if !strings.Contains(md.out, "Written by slcheck "+line) {
		t.Errorf("the Markdown footer does not carry the version:\n%s", md.out[max(0, len(md.out)-300):])
	}

	withBuild(t, &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}})
	if r := runCLI(t, false, nil, "", "--version"); r.out != "slcheck devel\n" {
		t.Errorf("without build information: %q", r.out)
	}
	old := Version
	Version = "v9.9.9"
	defer func() { Version = old }()
	if r := runCLI(t, false, nil, "", "--version"); r.out != "slcheck v9.9.9\n" {
		t.Errorf("-X Version: %q", r.out)
	}
}

// noEmailContact writes the healthy capture without its email-contact
// line: CH005 is then its only failure.
func noEmailContact(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(healthy)
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.Contains(l, "email-contact") {
			keep = append(keep, l)
		}
	}
	p := filepath.Join(t.TempDir(), "capture.txt")
	if err := os.WriteFile(p, []byte(strings.Join(keep, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func resultOf(t *testing.T, out, id string) checks.Result {
	t.Helper()
	var doc report.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Devices) != 1 {
		t.Fatalf("not one device's JSON (%v):\n%s", err, out)
	}
	if len(doc.Devices[0].Results) != len(checks.Catalogue()) {
		t.Errorf("%d results, want the whole checklist", len(doc.Devices[0].Results))
	}
	for _, r := range doc.Devices[0].Results {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no %s", id)
	return checks.Result{}
}

// TestSkipOnly: a site without email-contact by policy passes with
// --skip CH005 (or SLCHECK_SKIP); the check stays in the report, skipped
// "by --skip"; --only judges only the checks named; a mistyped ID is a
// usage error with the closest one.
func TestSkipOnly(t *testing.T) {
	capture := noEmailContact(t)
	if r := runCLI(t, false, nil, "", "file", capture); r.code != ExitFindings {
		t.Fatalf("without --skip: exit %d, want %d (CH005 fails)", r.code, ExitFindings)
	}
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		reason string
	}{
		{"--skip", nil, []string{"--skip", "ch5"}, "skipped by --skip"},
		{"--skip list", nil, []string{"--skip", "CH004,CH005"}, "skipped by --skip"},
		{"SLCHECK_SKIP", map[string]string{"SLCHECK_SKIP": "CH005, LOG001"}, nil, "skipped by SLCHECK_SKIP"},
		{"--only", nil, []string{"--only", "CH001,CH002"}, "skipped: not named by --only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"file", "-o", "json"}, tt.args...), capture)
			r := runCLI(t, false, tt.env, "", args...)
			if r.code != ExitOK {
				t.Errorf("exit %d, want 0: %s", r.code, r.err)
			}
			if got := resultOf(t, r.out, "CH005"); got.Status != checks.Skipped || got.Reason != tt.reason {
				t.Errorf("CH005 %s %q, want skipped %q", got.Status, got.Reason, tt.reason)
			}
		})
	}
	only := runCLI(t, false, nil, "", "file", "-o", "json", "--only", "CH001", capture)
	if got := resultOf(t, only.out, "CH001"); got.Status != checks.Pass {
		t.Errorf("--only CH001: CH001 %s, want it judged (pass)", got.Status)
	}
	for _, bad := range [][]string{{"--skip", "CH05X"}, {"--only", "CHH005"}} {
		r := runCLI(t, false, nil, "", append(append([]string{"file"}, bad...), capture)...)
		if r.code != ExitUsage || !strings.Contains(r.err, "did you mean CH005?") || r.out != "" {
			t.Errorf("%v: exit %d, stderr %q", bad, r.code, r.err)
		}
	}
	if r := runCLI(t, false, map[string]string{"SLCHECK_SKIP": "NOPE1"}, "", "file", capture); r.code != ExitUsage || !strings.Contains(r.err, "SLCHECK_SKIP") {
		t.Errorf("bad SLCHECK_SKIP: exit %d, %q", r.code, r.err)
	}
}

// TestCommandsMissing: the one block of commands a capture lacks, with
// its own VRF and endpoint, and nothing it already holds.
func TestCommandsMissing(t *testing.T) {
	r := runCLI(t, false, nil, "", "commands", "--missing", seed)
	want := `terminal length 0
terminal width 511
show running-config | include source-interface
show running-config | include "domain-lookup|name-server|vrf context"
show running-config | include ntp
show ip route vrf management
show crypto ca certificates
show logging logfile
`
	if r.code != ExitOK || r.out != want {
		t.Errorf("exit %d, got\n%s\nwant\n%s\nstderr: %s", r.code, r.out, want, r.err)
	}
	// The SLP switch reports to smartreceiver.cisco.com: its tests name it.
	slp := runCLI(t, false, nil, "", "commands", "--missing", "../../testdata/showoutputs/slp-healthy/capture.txt")
	if !strings.Contains(slp.out, "ping smartreceiver.cisco.com vrf management\n") ||
		!strings.HasSuffix(slp.out, "telnet smartreceiver.cisco.com 443 vrf management\n") {
		t.Errorf("SLP capture: the tests do not name its endpoint, or telnet is not last:\n%s", slp.out)
	}
	two := runCLI(t, false, nil, "", "commands", "--missing", seed, "../../testdata/showoutputs/two-devices/capture.txt")
	if strings.Count(two.out, "terminal length 0\n") != 3 || !strings.Contains(two.out, "# leaf-102 (") {
		t.Errorf("three devices, three blocks, each named:\n%s", two.out)
	}
	for _, args := range [][]string{{"commands", "--missing"}, {"commands", "--missing", "/nonexistent/x.txt"}, {"commands", "extra"}} {
		if r := runCLI(t, false, nil, "", args...); r.code != ExitUsage || r.err == "" {
			t.Errorf("%v: exit %d, %q", args, r.code, r.err)
		}
	}
	if r := runCLI(t, false, nil, "", "commands", "--missing", "/nonexistent/x.txt"); !strings.Contains(r.err, "/nonexistent/x.txt: no such file") {
		t.Errorf("the unreadable file is not named: %q", r.err)
	}
}

// TestSuggestions: mistyped flags, IDs and values get the closest, and
// no message is a bare library one.
func TestSuggestions(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"file", "--colour", "never", seed}, "unknown flag --colour for `slcheck file`; did you mean --color?"},
		{[]string{"file", "--fail-onn", "error", seed}, "did you mean --fail-on?"},
		{[]string{"explain", "CH02X"}, `unknown check "CH02X"; did you mean CH002?`},
		{[]string{"file", "-o", "jsno", seed}, "did you mean json?"},
		{[]string{"file", "--fail-on", "warn", seed}, "did you mean warning?"},
		{[]string{"file", "--color", "allways", seed}, "did you mean always?"},
		{[]string{"file"}, "`slcheck file` needs a capture file (or - for stdin)"},
		{[]string{"explain"}, "`slcheck explain` needs a check ID"},
		{[]string{"checks", "extra"}, "`slcheck checks` takes no arguments"},
		{[]string{"ssh", "--timeout", "5", "127.0.0.1:1"}, `--timeout "5": want a duration with its unit, such as 30s`},
		{[]string{"ssh", "--concurrency", "many", "127.0.0.1:1"}, `--concurrency "many": want a whole number`},
		{[]string{"file", "--probe", "--ca-file", "/nonexistent/ca.pem", seed}, "--ca-file /nonexistent/ca.pem: no such file"},
		{[]string{"ssh", "--known-hosts", "/nonexistent/kh", "127.0.0.1:1"}, "--known-hosts /nonexistent/kh: no such file"},
		{[]string{"file", "--output"}, "--output needs a value"},
		{[]string{"ssh", "--ssh-config", "/nonexistent/config", "127.0.0.1:1"}, "--ssh-config /nonexistent/config: no such file"},
		{[]string{"ssh", "--save", seed + "/sub", "127.0.0.1:1"}, "--save " + seed + "/sub: not a directory"},
	}
	for _, tt := range tests {
		r := runCLI(t, false, map[string]string{"SLCHECK_PASSWORD": "x"}, "", tt.args...)
		if r.code != ExitUsage || !strings.Contains(r.err, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, r.code, r.err, ExitUsage, tt.want)
		}
		for _, bare := range []string{"arg(s)", "time: ", "strconv.", "open /", "invalid argument"} {
			if strings.Contains(r.err, bare) {
				t.Errorf("%v: a library's message reached the user: %q", tt.args, r.err)
			}
		}
	}
	// Zeros and case are optional in IDs: ch2 is CH002.
	if r := runCLI(t, false, nil, "", "explain", "ch2"); r.code != ExitOK || !strings.HasPrefix(r.out, "CH002  ") {
		t.Errorf("explain ch2: exit %d, %q", r.code, r.err)
	}
}

// TestStdinOnTerminal: `slcheck file -` says on stderr that it waits for
// a paste when stdin is a terminal, and nothing when it is a pipe.
func TestStdinOnTerminal(t *testing.T) {
	b, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, tty := range []bool{true, false} {
		var out, errb strings.Builder
		code := Run([]string{"file", "--no-fail", "-"}, Streams{In: strings.NewReader(string(b)), Out: &out, Err: &errb,
			InIsTerminal: tty, Env: func(string) string { return "" }})
		said := strings.Contains(errb.String(), "paste the output, then Ctrl-D")
		if code != ExitOK || said != tty || !strings.Contains(out.String(), "DC-DMZ") {
			t.Errorf("stdin terminal %v: exit %d, prompt shown %v, stderr %q", tty, code, said, errb.String())
		}
	}
}

// TestValuesAnyCase: -o, --fail-on and --color take any case.
func TestValuesAnyCase(t *testing.T) {
	r := runCLI(t, false, nil, "", "file", "-o", "JSON", "--fail-on", "ERROR", "--color", "Never", seed)
	if r.code != ExitFindings || !strings.HasPrefix(r.out, "{") {
		t.Errorf("exit %d, stderr %q, output %.40q", r.code, r.err, r.out)
	}
	if r := runCLI(t, false, nil, "", "checks", "-o", "Json"); r.code != ExitOK || !strings.HasPrefix(r.out, "[") {
		t.Errorf("checks -o Json: exit %d %q", r.code, r.err)
	}
}

// TestShowContactsWhereReportsPrint: the flag belongs to the commands that
// print captured text, not to the catalogue commands.
func TestShowContactsWhereReportsPrint(t *testing.T) {
	for _, cmd := range []string{"file", "ssh", "demo"} {
		if r := runCLI(t, false, nil, "", cmd, "--help"); !strings.Contains(r.out, "--show-contacts") {
			t.Errorf("%s --help lacks --show-contacts", cmd)
		}
	}
	for _, cmd := range []string{"checks", "explain", "commands", "version"} {
		if r := runCLI(t, false, nil, "", cmd, "--help"); strings.Contains(r.out, "--show-contacts") {
			t.Errorf("%s --help offers --show-contacts", cmd)
		}
	}
	if r := runCLI(t, false, nil, "", "checks", "--show-contacts"); r.code != ExitUsage {
		t.Errorf("checks --show-contacts: exit %d", r.code)
	}
}

// TestCompletion asks cobra's completion entry point what the shell
// scripts ask: check IDs, --output and --fail-on values, ID lists.
func TestCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want []string
		not  string
	}{
		{[]string{"explain", "CH00"}, []string{"CH001\tCall Home is configured and enabled", "CH005\t"}, "LIC001"},
		{[]string{"explain", "lic00"}, []string{"LIC001\t", "LIC007\t"}, "CH001"},
		{[]string{"file", "--output", ""}, []string{"text\n", "json\n", "markdown\n"}, ""},
		{[]string{"file", "--fail-on", ""}, []string{"error\n", "warning\n", "info\n"}, ""},
		{[]string{"ssh", "--color", ""}, []string{"auto\n", "always\n", "never\n"}, ""},
		{[]string{"file", "--skip", "CH005,LIC00"}, []string{"CH005,LIC001\t", "CH005,LIC007\t"}, "CH005,CH"},
		{[]string{"explain", "-o", ""}, []string{"json\n", "markdown\n"}, ""},
	}
	for _, tt := range tests {
		r := runCLI(t, false, nil, "", append([]string{"__complete"}, tt.args...)...)
		for _, w := range tt.want {
			if !strings.Contains(r.out, w) {
				t.Errorf("complete %q: lacks %q:\n%s", tt.args, w, r.out)
			}
		}
		if tt.not != "" && strings.Contains(r.out, tt.not) {
			t.Errorf("complete %q offers %q:\n%s", tt.args, tt.not, r.out)
		}
	}
}

// TestExplainSeveral: several IDs at once, as text, JSON or Markdown.
func TestExplainSeveral(t *testing.T) {
	js := runCLI(t, false, nil, "", "explain", "ch2", "LIC003", "-o", "json")
	var list []explainEntry
	if err := json.Unmarshal([]byte(js.out), &list); err != nil || len(list) != 2 || list[0].ID != "CH002" || list[1].ID != "LIC003" {
		t.Fatalf("exit %d, %v: %s", js.code, err, js.out)
	}
	ch2, _ := checks.Lookup("CH002")
	if list[0].Why != ch2.Explain.Why || len(list[0].References) != len(ch2.References) || list[0].Severity != "error" ||
		!slices.Equal(list[0].When, ch2.States()) || len(list[0].When) != 2 {
		t.Errorf("CH002 entry %+v", list[0])
	}
	md := runCLI(t, false, nil, "", "explain", "CH002", "LIC003", "-o", "markdown")
	for _, w := range []string{"## CH002: CiscoTAC-1 destination uses HTTPS", "## LIC003: ", "### How to fix it", "```\nshow running-config callhome\n```"} {
		if !strings.Contains(md.out, w) {
			t.Errorf("markdown lacks %q:\n%s", w, md.out)
		}
	}
	text := runCLI(t, false, nil, "", "explain", "CH002", "LIC003")
	if strings.Count(text.out, "What it looks at") != 2 {
		t.Errorf("text of two checks:\n%s", text.out)
	}
	if r := runCLI(t, false, nil, "", "explain", "CH002", "-o", "yaml"); r.code != ExitUsage {
		t.Errorf("-o yaml: exit %d", r.code)
	}
}

// TestVRFPlaceholder: --vrf's help names its value VRF, not the words
// quoted in its description.
func TestVRFPlaceholder(t *testing.T) {
	r := runCLI(t, false, nil, "", "commands", "--help")
	if !strings.Contains(r.out, "--vrf VRF ") || !strings.Contains(r.out, "--host HOST ") || strings.Contains(r.out, "--vrf transport") {
		t.Errorf("commands --help:\n%s", r.out)
	}
}

// TestManPages: one page per command, made by cobra's doc package.
func TestManPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man1")
	if r := runCLI(t, false, nil, "", "man", dir); r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	for _, page := range []string{"slcheck.1", "slcheck-file.1", "slcheck-ssh.1", "slcheck-explain.1", "slcheck-commands.1"} {
		b, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		if !strings.Contains(string(b), ".TH \"SLCHECK\" \"1\"") {
			t.Errorf("%s is not a man page:\n%.200s", page, b)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "slcheck-file.1"))
	if !strings.Contains(string(b), "skip") || !strings.Contains(string(b), "show-contacts") {
		t.Errorf("slcheck-file.1 lacks the flags")
	}
	if r := runCLI(t, false, nil, "", "man"); r.code != ExitUsage {
		t.Errorf("man without DIR: exit %d", r.code)
	}
}

const slpHealthy = "../../testdata/showoutputs/slp-healthy/capture.txt"

// TestChecklistFlag: the text checklist is condensed by default;
// --checklist full and --verbose print a row per check, with the reason a
// check was skipped (here "by --skip").
func TestChecklistFlag(t *testing.T) {
	short := runCLI(t, false, nil, "", "file", "--no-fail", "--skip", "CH005", seed)
	if strings.Contains(short.out, "  skip  CH005 ") || !strings.Contains(short.out, "CH005: skipped by --skip") {
		t.Errorf("condensed checklist:\n%s", short.out)
	}
	for _, flag := range [][]string{{"--checklist", "full"}, {"--checklist", "FULL"}, {"--verbose"}} {
		r := runCLI(t, false, nil, "", append(append([]string{"file", "--no-fail", "--skip", "CH005"}, flag...), seed)...)
		if r.code != ExitOK || !strings.Contains(r.out, "  skip  CH005            Call Home has an email contact: skipped by --skip\n") {
			t.Errorf("%v: exit %d, no full row for CH005:\n%s", flag, r.code, r.out)
		}
		if strings.Count(r.out, "\n  pass  ")+strings.Count(r.out, "\n  FAIL  ")+strings.Count(r.out, "\n  skip  ") != len(checks.Catalogue()) {
			t.Errorf("%v: not one row per check:\n%s", flag, r.out)
		}
	}
	if r := runCLI(t, false, nil, "", "file", "--checklist", "ful", seed); r.code != ExitUsage || !strings.Contains(r.err, "did you mean full?") {
		t.Errorf("--checklist ful: exit %d %q", r.code, r.err)
	}
}

// TestNoteExitCode: a note (PLT002 on a healthy 10.2+ switch) changes the
// exit code only with --fail-on info.
func TestNoteExitCode(t *testing.T) {
	if r := runCLI(t, false, nil, "", "file", slpHealthy); r.code != ExitOK || strings.Contains(r.out, "FAIL") || !strings.Contains(r.out, "1 note") {
		t.Errorf("default: exit %d\n%s", r.code, r.out)
	}
	if r := runCLI(t, false, nil, "", "file", "--fail-on", "info", slpHealthy); r.code != ExitFindings {
		t.Errorf("--fail-on info: exit %d, want %d", r.code, ExitFindings)
	}
}

// TestFileSummaryFirst: `slcheck file a b` leads with the summary table,
// in text and Markdown.
func TestFileSummaryFirst(t *testing.T) {
	for _, format := range []string{"text", "markdown"} {
		r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", format, seed, slpHealthy)
		table := strings.Index(strings.ToUpper(r.out), "ROOT CAUSE")
		report := strings.Index(r.out, "Licence lifecycle")
		if table < 0 || report < 0 || table > report || !strings.Contains(r.out, "DC-DMZ") || !strings.Contains(r.out, "N9K-LAB-07") {
			t.Errorf("%s: the summary does not come first:\n%s", format, r.out)
		}
		if !strings.Contains(r.out, "CH002 the CiscoTAC-1 destination URL is http://") {
			t.Errorf("%s: the table does not name DC-DMZ's root cause:\n%s", format, r.out)
		}
	}
}
