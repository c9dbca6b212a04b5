package collect

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/snapshot"
)

// verdict is what a diagnosis concludes for one check, without the
// evidence locations (file lines differ between a scenario file and the
// log of a live session).
type verdict struct {
	Status   checks.Status
	Severity checks.Severity
	CausedBy string
}

func verdicts(t *testing.T, name, text string) map[string]verdict {
	t.Helper()
	c, err := capture.Read(name, strings.NewReader(text), capture.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]verdict{}
	for _, r := range diagnose.Device(c.Devices[0]).Results {
		out[r.ID] = verdict{r.Status, r.Severity, r.CausedBy}
	}
	return out
}

// scenario is a capture of one switch that a fake switch can answer.
type scenario struct {
	file, body string
	*nxsim.Scenario
}

// scenarios are the bundled scenarios and the captures of the show output
// tests that hold one switch (the others are logged).
func scenarios(t *testing.T) []scenario {
	files, _ := filepath.Glob("../internal/nxsim/scenarios/*.txt")
	more, _ := filepath.Glob("../testdata/showoutputs/*/capture*.txt")
	var out []scenario
	for _, f := range append(files, more...) {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := nxsim.ReadScenario(f, strings.NewReader(string(body)))
		if err != nil {
			t.Logf("%s: not a single-device scenario: %v", f, err)
			continue
		}
		out = append(out, scenario{f, string(body), sc})
	}
	return out
}

// A fake switch answering with a scenario's outputs, collected over SSH,
// is diagnosed as the scenario file is: every check reaches the same
// verdict. Scenarios whose capture lacks a command slcheck runs (a
// running-config fragment instead of the whole) are compared too: the
// fake device refuses what the scenario does not hold.
func TestLiveMatchesScenarioFile(t *testing.T) {
	for _, sc := range scenarios(t) {
		f := sc.file
		if _, whole := sc.Outputs["show running-config"]; !whole {
			t.Logf("%s: holds no whole running-config; live collection cannot match it", f)
			continue
		}
		t.Run(f, func(t *testing.T) {
			d := start(t, nxsim.Config{Hostname: sc.Hostname, Outputs: sc.Outputs})
			opt := testOptions(t, d, "default")
			// The workstation clock is the scenario's, as if collected then.
			opt.Now = func() time.Time { return sc.CapturedAt }
			c, err := New(opt)
			if err != nil {
				t.Fatal(err)
			}
			res := c.Collect(context.Background(), target(d))
			if res.Failure != nil {
				t.Fatal(res.Failure)
			}
			// The session read while it was collected is the session
			// read whole: the same capture and snapshot.
			if res.Log == nil {
				t.Fatal("no Log: the path was not read mid-run")
			}
			logged, err := res.Log.Read(res.Text)
			whole, werr := capture.Read(res.Log.Name(), strings.NewReader(res.Text), capture.Options{})
			if err != nil || werr != nil || !reflect.DeepEqual(logged, whole) {
				t.Fatalf("the Log's capture differs from a whole read (%v, %v)", err, werr)
			}
			if !reflect.DeepEqual(res.Log.Build(logged.Devices[0]), snapshot.Build(whole.Devices[0])) {
				t.Error("the Log's snapshot differs from Build's of a whole read")
			}
			host := res.Target.String()
			dev, err := diagnose.Session(context.Background(), host, host, res.Text, res.Log, diagnose.Options{}, diagnose.Rendering{})
			wdev := diagnose.DeviceWith(context.Background(), whole.Devices[0], diagnose.Options{})
			wdev.Host = host
			if err != nil || !reflect.DeepEqual(dev, wdev) {
				t.Errorf("the session diagnosed from its Log differs from its whole read's diagnosis (%v)", err)
			}
			want := verdicts(t, f, sc.body)
			got := verdicts(t, "live", res.Text)
			for id, w := range want {
				if got[id] != w {
					t.Errorf("%s: live %+v, file %+v", id, got[id], w)
				}
			}
		})
	}
}
