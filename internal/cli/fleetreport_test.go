package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
)

// fleetDevices diagnoses each one-device capture under testdata/showoutputs
// as a fleet's worker does (redacted with p, its JSON part made).
func fleetDevices(t *testing.T, p *redact.Policy) []report.Device {
	t.Helper()
	paths, _ := filepath.Glob("../../testdata/showoutputs/*/capture.txt")
	var out []report.Device
	for _, path := range paths {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := diagnose.Session(context.Background(), "sw"+path, path, string(text), nil, diagnose.Options{},
			diagnose.Rendering{Redact: p, Format: report.JSON})
		if err != nil {
			continue // not one device: not a host's session
		}
		out = append(out, d)
	}
	if len(out) < 4 {
		t.Fatalf("%d devices from testdata/showoutputs", len(out))
	}
	return out
}

// TestFleetReportOrder: a fleet's JSON report written while its hosts are
// done is byte for byte the report rendered at the end, in the targets'
// order whatever order the hosts are done in, hosts without a device
// (failed collections) and errors included. The hosts are put in the
// order each case gives, from one goroutine: no timing decides it.
func TestFleetReportOrder(t *testing.T) {
	for _, p := range []redact.Policy{{}, {ShowContacts: true}} {
		devices := fleetDevices(t, &p)
		n := len(devices) + 2
		failed := func(i int) bool { return i == 1 || i == n-1 } // no device
		inOrder := make([]int, n)
		for i := range inOrder {
			inOrder[i] = i
		}
		reversed := slices.Clone(inOrder)
		slices.Reverse(reversed)
		lastFirst := append([]int{n - 1}, inOrder[:n-1]...)
		var evensThenOdds []int
		for i := 0; i < n; i += 2 {
			evensThenOdds = append(evensThenOdds, i)
		}
		for i := 1; i < n; i += 2 {
			evensThenOdds = append(evensThenOdds, i)
		}
		firstLast := append(slices.Clone(inOrder[1:]), 0)
		errs := []report.Error{{Source: "127.0.0.1:1", Kind: report.KindCollection, Msg: "refused"},
			{Source: "sw9", Kind: report.KindCollection, Msg: "timed out after `show clock`"}}

		// The report of the whole document at the end, as before.
		want := func() string {
			doc := newDocument()
			doc.Errors = errs
			for i, d := range fleetDevicesAt(t, &p, devices, n, failed) {
				if !failed(i) {
					doc.Devices = append(doc.Devices, *d)
				}
			}
			var b bytes.Buffer
			w := redact.NewWriter(&b, &p)
			if err := report.Render(w, doc, report.Options{Format: report.JSON, Redact: p}); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}()
		for _, c := range []struct {
			name  string
			order []int
		}{
			{"in order", inOrder}, {"reversed", reversed}, {"last first", lastFirst},
			{"evens then odds", evensThenOdds}, {"first last", firstLast},
		} {
			var b bytes.Buffer
			st := Streams{Out: redact.NewWriter(&b, &p), Redact: &p}
			doc := newDocument()
			f := newFleetReport(st, doc, &outputOptions{format: report.JSON}, n)
			if f == nil {
				t.Fatal("newFleetReport: nil for a JSON report to a redacting stdout")
			}
			devs := fleetDevicesAt(t, &p, devices, n, failed)
			for _, i := range c.order {
				f.put(i, devs[i])
			}
			doc.Errors = errs
			if err := f.close(); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != want {
				t.Errorf("%s (%+v): report differs from the one rendered at the end:\n%s", c.name, p, lineDiff(want, got))
			}
		}
	}
}

// fleetDevicesAt gives target i of a fleet of n a fresh copy of a device
// (its own part), or nil where failed says it was not collected.
func fleetDevicesAt(t *testing.T, p *redact.Policy, devices []report.Device, n int, failed func(int) bool) []*report.Device {
	t.Helper()
	out := make([]*report.Device, n)
	k := 0
	for i := range out {
		if failed(i) {
			continue
		}
		d := devices[k%len(devices)]
		k++
		if err := d.PrerenderJSON(*p); err != nil {
			t.Fatal(err)
		}
		out[i] = &d
	}
	return out
}

// lineDiff names the first line where got differs from want.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		if i >= len(w) || i >= len(g) || w[i] != g[i] {
			return strings.Join(w[max(0, i-2):min(len(w), i+1)], "\n") + "\n--- got ---\n" + strings.Join(g[max(0, i-2):min(len(g), i+1)], "\n")
		}
	}
	return "(equal)"
}

// TestFleetReportOnlyJSONToAFile: the fleet's report is written as the
// hosts are done only in JSON and when stdout is not the terminal the
// progress line shares; otherwise at the end, as before.
func TestFleetReportOnlyJSONToAFile(t *testing.T) {
	p := redact.Policy{}
	cases := []struct {
		name   string
		format report.Format
		tty    bool
		redact bool
		want   bool
	}{
		{"json to a file", report.JSON, false, true, true},
		{"json to a terminal", report.JSON, true, true, false},
		{"text", report.Text, false, true, false},
		{"markdown", report.Markdown, false, true, false},
		{"openmetrics", report.OpenMetrics, false, true, false},
		{"no redacting stdout", report.JSON, false, false, false},
	}
	for _, c := range cases {
		st := Streams{Out: new(bytes.Buffer), IsTerminal: c.tty, Redact: &p}
		if c.redact {
			st.Out = redact.NewWriter(new(bytes.Buffer), &p)
		}
		f := newFleetReport(st, newDocument(), &outputOptions{format: c.format}, 3)
		if got := f != nil; got != c.want {
			t.Errorf("%s: written as hosts are done %v, want %v", c.name, got, c.want)
		}
		if f != nil {
			for i := range 3 {
				f.put(i, nil)
			}
			if err := f.close(); err != nil {
				t.Error(err)
			}
		}
	}
}

// clockTimes are the workstation's clock in a live report: the capture
// header's time and the clock check's.
var clockTimes = regexp.MustCompile(`\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\dZ| \d\d:\d\d UTC)`)

// TestSSHJSONWrittenAsHostsAreDone: `slcheck ssh -o json` into a file
// (written as the hosts are done) prints the report, stderr and exit code
// it prints on a terminal (written at the end), but for the clock's
// times: a slow first host (done last whatever the load: every command
// waits), a host that cannot be reached between others, a host that
// refuses commands.
func TestSSHJSONWrittenAsHostsAreDone(t *testing.T) {
	start := func(scenario string, f nxsim.Faults) *nxsim.Device {
		sc, err := nxsim.BundledScenario(scenario)
		if err != nil {
			t.Fatal(err)
		}
		d, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: sc.Outputs,
			Users: map[string]string{"admin": sshPass}, Faults: f})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		return d
	}
	devs := []*nxsim.Device{start("healthy", nxsim.Faults{Delay: 100 * time.Millisecond}),
		start("source-interface", nxsim.Faults{Denied: map[string]bool{"show hosts": true}}),
		start("healthy", nxsim.Faults{})}
	var known []string
	for _, d := range devs {
		known = append(known, collect.KnownHostsLine(d.Addr(), d.HostKey()))
	}
	kh := writeFile(t, t.TempDir(), "known_hosts", strings.Join(known, "\n")+"\n")
	args := []string{"ssh", "-u", "admin", "--known-hosts", kh, "--concurrency", "4", "-o", "json",
		devs[0].Addr(), "127.0.0.1:1", devs[1].Addr(), devs[2].Addr()}
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	atEnd := runCLI(t, true, env, "", args...)
	streamed := runCLI(t, false, env, "", args...)
	if atEnd.code != ExitCollection || streamed.code != atEnd.code {
		t.Errorf("exit %d written as done, %d at the end; want %d", streamed.code, atEnd.code, ExitCollection)
	}
	if n := strings.Count(atEnd.out, `"hostname":`); n != 3 {
		t.Errorf("%d devices in the report, want 3:\n%s", n, atEnd.err)
	}
	for _, c := range []struct{ name, atEnd, streamed string }{
		{"stdout", atEnd.out, streamed.out}, {"stderr", atEnd.err, streamed.err}} {
		want, got := clockTimes.ReplaceAllString(c.atEnd, "TIME"), clockTimes.ReplaceAllString(c.streamed, "TIME")
		if got != want {
			t.Errorf("%s written as hosts are done differs from the one at the end:\n%s", c.name, lineDiff(want, got))
		}
	}
	// Both streams into one file (2>&1): the report is not split by what
	// stderr says meanwhile (the refused command's note, the fleet's
	// summary), which comes before it, as when it was written at the end.
	var shared interleaved
	Run(args, Streams{In: strings.NewReader(""), Out: &shared, Err: &shared,
		Env: func(k string) string { return env[k] }})
	both := clockTimes.ReplaceAllString(shared.b.String(), "TIME")
	out, errs := clockTimes.ReplaceAllString(streamed.out, "TIME"), clockTimes.ReplaceAllString(streamed.err, "TIME")
	if i := strings.Index(both, out); i < 0 || both[:i]+both[i+len(out):] != errs || !strings.Contains(both[:i], "HOST") {
		t.Errorf("stdout and stderr into one file: the report is split, or stderr's lines are not all before and after it:\n%s", both)
	}
}
