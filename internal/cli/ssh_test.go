package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/report"
)

const sshPass = "Tr0ub4dor-and-3"

// fakeFleet starts one fake switch per bundled scenario name and returns
// their addresses and a known_hosts file for them.
func fakeFleet(t *testing.T, names ...string) ([]string, string) {
	t.Helper()
	var addrs, known []string
	for _, n := range names {
		d := startFake(t, n)
		t.Cleanup(func() { assertDeviceReadOnly(t, d) })
		addrs = append(addrs, d.Addr())
		known = append(known, collect.KnownHostsLine(d.Addr(), d.HostKey()))
	}
	kh := filepath.Join(t.TempDir(), "known_hosts")
	if err := os.WriteFile(kh, []byte(strings.Join(known, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return addrs, kh
}

func decode(t *testing.T, s string) report.Document {
	t.Helper()
	var doc report.Document
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	return doc
}

// A saved capture replays through `slcheck file` to the very same
// diagnosis as the live collection.
func TestSSHSaveReplaysIdentically(t *testing.T) {
	addrs, kh := fakeFleet(t, "source-interface", "healthy")
	dir := t.TempDir()
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	live := runCLI(t, false, env, "", append([]string{"ssh", "-u", "admin", "--known-hosts", kh,
		"--save", dir, "-o", "json"}, addrs...)...)
	if live.code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", live.code, ExitFindings, live.err)
	}
	liveDoc := decode(t, live.out)
	if len(liveDoc.Devices) != 2 || len(liveDoc.Errors) != 0 {
		t.Fatalf("devices %d, errors %v", len(liveDoc.Devices), liveDoc.Errors)
	}
	var saved []string
	for _, d := range liveDoc.Devices {
		saved = append(saved, d.Source)
		body, err := os.ReadFile(d.Source)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{sshPass, "s3cr3tC0mmunity", "Qw3rTy9uIoP1aSdFgHjKlZxCvBnM0", "abc@example.com"} {
			if strings.Contains(string(body), secret) {
				t.Errorf("%s holds %q", d.Source, secret)
			}
		}
	}
	replay := runCLI(t, false, nil, "", append([]string{"file", "-o", "json"}, saved...)...)
	if replay.code != live.code {
		t.Errorf("replay exit %d, live %d", replay.code, live.code)
	}
	if !reflect.DeepEqual(decode(t, replay.out).Devices, liveDoc.Devices) {
		t.Errorf("replay differs from live:\nlive   %s\nreplay %s", live.out, replay.out)
	}
	for _, s := range []string{live.out, live.err} {
		if strings.Contains(s, sshPass) {
			t.Error("password in the output")
		}
	}
}

func TestSSHFleetReportsFailedHosts(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy", "source-interface")
	inv := filepath.Join(t.TempDir(), "inventory.txt")
	body := "# lab switches\n" + addrs[0] + "\n\n" + addrs[1] + "  # the broken one\n"
	if err := os.WriteFile(inv, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	res := runCLI(t, false, env, "", "ssh", "-u", "admin", "--known-hosts", kh, "--inventory", inv,
		"--concurrency", "2", "127.0.0.1:1")
	if res.code != ExitCollection {
		t.Fatalf("exit %d, want %d\n%s", res.code, ExitCollection, res.err)
	}
	if !strings.Contains(res.err, "127.0.0.1:1") || !strings.Contains(res.err, "connection refused") {
		t.Errorf("stderr lacks the failed host and reason:\n%s", res.err)
	}
	// The root cause wraps to the width: compare the table's words.
	table := strings.Join(strings.Fields(res.out[:max(strings.Index(res.out, "====="), 0)]), " ")
	for _, want := range []string{"HOST", "ROOT CAUSE", "DC-CORE (" + addrs[0] + ")", "REGISTERED / AUTHORIZED",
		"DC-DMZ (" + addrs[1] + ")", "NET001 the HTTP source interface Vlan27 is in VRF default, but Call Home uses VRF management",
		"127.0.0.1:1", "not collected: refused"} {
		if !strings.Contains(table, want) {
			t.Errorf("fleet summary lacks %q:\n%s", want, res.out)
		}
	}
	if strings.Contains(table, "NET001 HTTP source interface is in the Call Home VRF") {
		t.Errorf("fleet summary shows the passing title as the root cause:\n%s", res.out)
	}
	// The table answers first: it comes before the first device's report.
	if table, report := strings.Index(res.out, "ROOT CAUSE"), strings.Index(res.out, "Licence lifecycle"); table < 0 || report < 0 || table > report {
		t.Errorf("the fleet summary does not come first:\n%s", res.out)
	}
	js := runCLI(t, false, env, "", "ssh", "-u", "admin", "--known-hosts", kh, "-o", "json", "127.0.0.1:1", addrs[0])
	doc := decode(t, js.out)
	if len(doc.Devices) != 1 || len(doc.Errors) != 1 || doc.Errors[0].Kind != "collection" || doc.Errors[0].Source != "127.0.0.1:1" {
		t.Errorf("devices %d, errors %+v", len(doc.Devices), doc.Errors)
	}
}

func TestSSHUsageErrors(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "inv.txt")
	os.WriteFile(inv, []byte("sw1\nsw2:22\nsw3 extra words\n"), 0o600)
	env := map[string]string{"SLCHECK_PASSWORD": "x"}
	tests := []struct {
		name   string
		args   []string
		errHas string
	}{
		{"no host", []string{"ssh"}, "no host"},
		{"bad inventory line", []string{"ssh", "--inventory", inv}, "inv.txt:3:"},
		{"missing inventory", []string{"ssh", "--inventory", filepath.Join(dir, "none")}, "--inventory"},
		{"bad port", []string{"ssh", "sw1:99999"}, "bad port"},
		{"option-like host", []string{"ssh", "--", "-oProxyCommand=touch"}, "bad host"},
		{"password flag does not exist", []string{"ssh", "--password", "x", "sw1"}, "unknown flag"},
		{"bad transport", []string{"ssh", "--transport", "telnet", "sw1"}, "--transport"},
		{"bad concurrency", []string{"ssh", "--concurrency", "0", "sw1"}, "--concurrency"},
		{"missing known hosts", []string{"ssh", "--known-hosts", filepath.Join(dir, "none"), "sw1"}, "--known-hosts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, false, env, "", tc.args...)
			if r.code != ExitUsage || !strings.Contains(r.err, tc.errHas) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.err, ExitUsage, tc.errHas)
			}
		})
	}
}

func TestDemo(t *testing.T) {
	r := runCLI(t, false, nil, "", "demo", "--no-fail")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s", r.code, r.err)
	}
	for _, want := range []string{"DC-DMZ", "DC-CORE", "NET001 the HTTP source interface Vlan27", "ROOT CAUSE"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	// Every command the demo needs is answered, and the switches' own
	// clocks are the reference: nothing refused, CLK001 passes.
	for _, bad := range []string{"was refused", "Invalid command"} {
		if strings.Contains(r.err, bad) {
			t.Errorf("demo stderr holds %q:\n%s", bad, r.err)
		}
	}
	if !strings.Contains(r.err, "lines, all read-only") {
		t.Errorf("demo does not show that it stayed read-only:\n%s", r.err)
	}
	if strings.Contains(r.out, "FAIL  CLK001") {
		t.Errorf("demo fails CLK001 on its own fake clocks:\n%s", r.out)
	}
}

// The device clock is compared with the workstation's at `show clock`,
// and a saved capture carries the workstation's time in its first line:
// `slcheck file` on it judges the clock as the live run did.
func TestSSHClockSkew(t *testing.T) {
	sc, err := nxsim.BundledScenario("healthy")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		offset time.Duration
		status checks.Status
		msg    string
	}{
		{"a thousand days behind", -1000*24*time.Hour - time.Hour, checks.Fail, "1000 days behind the workstation's"},
		{"two hours ahead", 2 * time.Hour, checks.Fail, "2h0m0s ahead of the workstation's"},
		{"ten minutes ahead", 10 * time.Minute, checks.Pass, "within an hour of the workstation's"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			outputs := maps.Clone(sc.Outputs)
			outputs["show clock"] = time.Now().UTC().Add(tc.offset).Format("15:04:05.000 MST Mon Jan 02 2006") + "\nTime source is NTP"
			d, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: outputs, Users: map[string]string{"admin": sshPass}})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { d.Close() })
			kh := filepath.Join(t.TempDir(), "known_hosts")
			os.WriteFile(kh, []byte(collect.KnownHostsLine(d.Addr(), d.HostKey())+"\n"), 0o600)
			dir := t.TempDir()
			live := runCLI(t, false, map[string]string{"SLCHECK_PASSWORD": sshPass}, "", "ssh", "-u", "admin",
				"--known-hosts", kh, "--no-active", "--save", dir, "-o", "json", d.Addr())
			doc := decode(t, live.out)
			if len(doc.Devices) != 1 {
				t.Fatalf("devices %d; stderr:\n%s", len(doc.Devices), live.err)
			}
			clk := result(t, doc.Devices[0], "CLK001")
			if clk.Status != tc.status || !strings.Contains(clk.Message, tc.msg) {
				t.Errorf("CLK001 %s %q, want %s with %q", clk.Status, clk.Message, tc.status, tc.msg)
			}
			replay := decode(t, runCLI(t, false, nil, "", "file", "-o", "json", doc.Devices[0].Source).out)
			if len(replay.Devices) != 1 || !reflect.DeepEqual(result(t, replay.Devices[0], "CLK001"), clk) {
				t.Errorf("replayed CLK001 differs from live:\nlive   %+v\nreplay %+v", clk, replay.Devices)
			}
			assertDeviceReadOnly(t, d)
		})
	}
}

func result(t *testing.T, dev report.Device, id string) checks.Result {
	t.Helper()
	for _, r := range dev.Results {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no %s result", id)
	return checks.Result{}
}

// assertDeviceReadOnly fails if a fake switch received anything but the
// read-only commands collect allows.
func assertDeviceReadOnly(t *testing.T, d *nxsim.Device) {
	t.Helper()
	for _, r := range d.Violations(collect.Allowed) {
		t.Errorf("device received %q in %s mode: not read-only", r.Text, r.Mode)
	}
}

// Progress goes to stderr when stderr is a terminal, and only then.
func TestSSHProgress(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy", "source-interface")
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	for _, tty := range []bool{true, false} {
		var out, errb bytes.Buffer
		Run(append([]string{"ssh", "-u", "admin", "--known-hosts", kh, "--no-active", "-o", "json", "127.0.0.1:1"}, addrs...),
			Streams{In: strings.NewReader(""), Out: &out, Err: &errb, ErrIsTerminal: tty, Env: func(k string) string { return env[k] }})
		r := runResult{out: out.String(), err: errb.String()}
		has := strings.Contains(r.err, "\rcollected 3/3 switches, 1 failed")
		if has != tty {
			t.Errorf("stderr a terminal: %v; progress shown: %v\n%q", tty, has, r.err)
		}
		if strings.Contains(r.out, "collected 3/3") {
			t.Error("progress on stdout")
		}
	}
}

// workstationTime matches the workstation clock a live run quotes (the
// collected header, CLK001's message), which differs between two runs.
var workstationTime = regexp.MustCompile(`\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\dZ| \d\d:\d\d UTC, when)`)

// maskWorkstationTime lets two live runs' reports be compared.
func maskWorkstationTime(report string) string {
	return workstationTime.ReplaceAllString(report, "<workstation time>")
}

// With no SLCHECK_PASSWORD, the password is asked through
// Streams.ReadSecret (the terminal in main) once for the run, naming the
// user; with no terminal (nil) nothing is asked and the host fails.
func TestSSHAsksPasswordThroughStreams(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy", "source-interface")
	for _, tt := range []struct {
		name     string
		answer   string
		terminal bool
		wantCode int
	}{
		{"right password", sshPass, true, ExitFindings},
		{"wrong password", "not-" + sshPass, true, ExitCollection},
		{"no terminal", "", false, ExitCollection},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var prompts []string
			var mu sync.Mutex
			st := Streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Env: func(string) string { return "" }}
			if tt.terminal {
				st.ReadSecret = func(prompt string) (string, error) {
					mu.Lock()
					defer mu.Unlock()
					prompts = append(prompts, prompt)
					return tt.answer, nil
				}
			}
			code := Run(append([]string{"ssh", "-u", "admin", "--known-hosts", kh, "--no-active", "-o", "json"}, addrs...), st)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d", code, tt.wantCode)
			}
			want := []string(nil)
			if tt.terminal {
				want = []string{"Password for admin: "}
			}
			if !slices.Equal(prompts, want) {
				t.Errorf("asked %q, want %q (once for the run)", prompts, want)
			}
		})
	}
}
