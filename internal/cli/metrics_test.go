package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/report"
)

// series renders one sample as name{label="value",...} with the labels
// sorted, so samples from the parser and from the JSON report compare.
func series(name string, labels map[string]string) string {
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(name + "{")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%s=%q", k, labels[k])
	}
	b.WriteString("}")
	return b.String()
}

// parseMetrics reads slcheck's metrics back with the parser of
// node_exporter's textfile collector (expfmt's text parser) and, to prove
// the text is OpenMetrics too, expfmt's OpenMetrics decoder; both must
// read the same samples. It returns every sample by series.
func parseMetrics(t *testing.T, text string) map[string]float64 {
	t.Helper()
	if !strings.HasSuffix(text, "# EOF\n") {
		t.Errorf("no final # EOF:\n%s", text)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(text))
	if err != nil {
		t.Fatalf("text parser: %v\n%s", err, text)
	}
	got := samples(t, fams)
	om := map[string]*dto.MetricFamily{}
	dec := expfmt.NewDecoder(strings.NewReader(text), expfmt.NewFormat(expfmt.TypeOpenMetrics))
	for {
		var f dto.MetricFamily
		err := dec.Decode(&f)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("OpenMetrics decoder: %v\n%s", err, text)
		}
		om[f.GetName()] = &f
	}
	if fromOM := samples(t, om); fmt.Sprint(fromOM) != fmt.Sprint(got) {
		t.Errorf("the OpenMetrics decoder reads other samples than the text parser:\n%v\n%v", fromOM, got)
	}
	return got
}

func samples(t *testing.T, fams map[string]*dto.MetricFamily) map[string]float64 {
	out := map[string]float64{}
	for name, f := range fams {
		if f.GetType() != dto.MetricType_GAUGE {
			t.Errorf("%s is a %s, want a gauge", name, f.GetType())
		}
		for _, m := range f.Metric {
			if m.TimestampMs != nil {
				t.Errorf("%s has a timestamp: the textfile collector refuses them", name)
			}
			labels := map[string]string{}
			for _, l := range m.Label {
				labels[l.GetName()] = l.GetValue()
			}
			key := series(name, labels)
			if _, dup := out[key]; dup {
				t.Errorf("%s twice", key)
			}
			out[key] = m.GetGauge().GetValue()
		}
	}
	return out
}

// expectedMetrics is what the metrics must say, computed from the JSON
// report of the same run: host is the device's source (its host:port for
// slcheck ssh without --save).
func expectedMetrics(doc report.Document) map[string]float64 {
	want := map[string]float64{}
	for _, d := range doc.Devices {
		dev := map[string]string{"host": d.Source, "hostname": d.Hostname, "release": d.Version, "mode": string(d.Mode)}
		with := func(extra ...string) map[string]string {
			l := map[string]string{}
			for k, v := range dev {
				l[k] = v
			}
			for i := 0; i < len(extra); i += 2 {
				l[extra[i]] = extra[i+1]
			}
			return l
		}
		want[series("slcheck_collection_up", dev)] = 1
		if l := d.Lifecycle; l != nil {
			for _, ev := range l.Events {
				name := map[lifecycle.Kind]string{lifecycle.KindDeadline: "slcheck_communication_deadline_seconds",
					lifecycle.KindExpires: "slcheck_registration_expiry_seconds", lifecycle.KindACKDeadline: "slcheck_slp_ack_deadline_seconds"}[ev.Kind]
				if name != "" {
					want[series(name, dev)] = float64(ev.Time.Unix())
				}
			}
		}
		failing := map[string]bool{}
		for _, r := range d.Results {
			failing[r.ID] = r.Status == checks.Fail
		}
		for _, r := range d.Results {
			switch r.Status {
			case checks.Fail:
				want[series("slcheck_check_failed", with("id", r.ID, "severity", string(r.Severity)))] = 1
				if (r.CausedBy == "" || !failing[r.CausedBy]) && r.Severity != checks.Info {
					want[series("slcheck_root_cause", with("id", r.ID, "severity", string(r.Severity)))] = 1
				}
			case checks.Pass:
				want[series("slcheck_check_failed", with("id", r.ID, "severity", string(r.Severity)))] = 0
			}
		}
	}
	for _, e := range doc.Errors {
		if e.Kind == "input" || e.Kind == "collection" {
			want[series("slcheck_collection_up", map[string]string{"host": e.Source, "hostname": "", "release": "", "mode": ""})] = 0
		}
	}
	return want
}

// compareMetrics reports every sample that is missing, extra or off.
func compareMetrics(t *testing.T, got, want map[string]float64) {
	t.Helper()
	for k, v := range want {
		if g, ok := got[k]; !ok {
			t.Errorf("missing %s %v", k, v)
		} else if g != v {
			t.Errorf("%s = %v, want %v", k, g, v)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected %s %v", k, v)
		}
	}
}

// TestMetricsMatchJSON runs `slcheck file` over every scenario (and a
// missing file) twice, as JSON and as metrics, and checks every sample
// against the JSON report: deadlines, failed and passed checks, root
// causes, and up for what was read and what was not.
func TestMetricsMatchJSON(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/showoutputs/*/capture.txt")
	paths = append(paths, filepath.Join(t.TempDir(), "missing.txt"))
	js := runCLI(t, false, nil, "", append([]string{"file", "-o", "json"}, paths...)...)
	om := runCLI(t, false, nil, "", append([]string{"file", "-o", "openmetrics"}, paths...)...)
	if om.code != js.code || om.code != ExitUsage {
		t.Errorf("exit %d as metrics, %d as JSON: want %d (a missing file)", om.code, js.code, ExitUsage)
	}
	doc := decode(t, js.out)
	want := expectedMetrics(doc)
	got := parseMetrics(t, om.out)
	compareMetrics(t, got, want)
	// The comparison is not vacuous: every kind of sample is there.
	for _, name := range []string{"slcheck_communication_deadline_seconds{", "slcheck_registration_expiry_seconds{",
		"slcheck_slp_ack_deadline_seconds{", "slcheck_root_cause{", "slcheck_check_failed{", "slcheck_collection_up{"} {
		n := 0
		for k := range got {
			if strings.HasPrefix(k, name) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("no %s sample", name)
		}
	}
	if got[`slcheck_collection_up{host="`+paths[len(paths)-1]+`",hostname="",mode="",release=""}`] != 0 {
		t.Errorf("missing file not up=0")
	}
}

// TestMetricsSSH collects from fake switches on 127.0.0.1 (classic and
// SLP, and a port that refuses) as JSON and as metrics: every sample
// matches the JSON report, the host label is the switch's address.
func TestMetricsSSH(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy", "source-interface")
	f, err := os.Open("../../testdata/showoutputs/slp-healthy/capture.txt")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := nxsim.ReadScenario("slp-healthy", f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	slp, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: sc.Outputs, Users: map[string]string{"admin": sshPass}})
	if err != nil {
		t.Fatal(err)
	}
	defer slp.Close()
	known, _ := os.ReadFile(kh)
	os.WriteFile(kh, append(known, []byte(collect.KnownHostsLine(slp.Addr(), slp.HostKey())+"\n")...), 0o600)
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	args := append([]string{"ssh", "-u", "admin", "--known-hosts", kh, "--no-active"}, append(addrs, slp.Addr(), "127.0.0.1:1")...)
	js := runCLI(t, false, env, "", append(args, "-o", "json")...)
	om := runCLI(t, false, env, "", append(args, "-o", "openmetrics")...)
	if om.code != ExitCollection || js.code != ExitCollection {
		t.Errorf("exit %d as metrics, %d as JSON: want %d\n%s", om.code, js.code, ExitCollection, om.err)
	}
	doc := decode(t, js.out)
	if len(doc.Devices) != 3 {
		t.Fatalf("%d devices\n%s", len(doc.Devices), js.err)
	}
	got := parseMetrics(t, om.out)
	compareMetrics(t, got, expectedMetrics(doc))
	for _, want := range []string{
		series("slcheck_communication_deadline_seconds", map[string]string{"host": addrs[0], "hostname": "DC-CORE", "release": "9.3(5)", "mode": "classic"}),
		series("slcheck_slp_ack_deadline_seconds", map[string]string{"host": slp.Addr(), "hostname": "N9K-LAB-07", "release": "10.3(6)", "mode": "slp"}),
		series("slcheck_root_cause", map[string]string{"host": addrs[1], "hostname": "DC-DMZ", "release": "9.3(5)", "mode": "classic", "id": "NET001", "severity": "error"}),
		series("slcheck_collection_up", map[string]string{"host": "127.0.0.1:1", "hostname": "", "release": "", "mode": ""}),
	} {
		if _, ok := got[want]; !ok {
			t.Errorf("no sample %s in:\n%s", want, om.out)
		}
	}
	// The fleet summary goes to stderr: stdout is only metrics.
	if !strings.Contains(om.err, "ROOT CAUSE") {
		t.Errorf("fleet summary not on stderr:\n%s", om.err)
	}
}
