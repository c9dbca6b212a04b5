package nxsim

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

// Scenario is what a fake device answers: its hostname and the output of
// each command, taken from a capture file.
type Scenario struct {
	Name     string
	Hostname string
	Outputs  map[string]string
	// CapturedAt is the capture time slcheck reads from the scenario
	// (`show clock`, ...): the fake device's clock is stuck there, which
	// the demo and the tests give the collector as the workstation clock
	// when they want the clock check to pass.
	CapturedAt time.Time
}

// ReadScenario reads a capture (any shape slcheck reads) and keeps, for
// each canonical command, the text of its last section: the fake device
// then answers exactly what the scenario holds, so a live collection and
// the scenario file diagnose the same way.
func ReadScenario(name string, r io.Reader) (*Scenario, error) {
	c, err := capture.Read(name, r, capture.Options{})
	if err != nil {
		return nil, err
	}
	if len(c.Devices) != 1 {
		return nil, fmt.Errorf("%s: a scenario must hold one device, found %d", name, len(c.Devices))
	}
	dev := c.Devices[0]
	sc := &Scenario{Name: name, Hostname: dev.Hostname, Outputs: map[string]string{},
		CapturedAt: snapshot.Build(dev).CapturedAt.Value}
	for _, s := range dev.Sections {
		lines := make([]string, len(s.Lines))
		for i, l := range s.Lines {
			lines[i] = l.Text
		}
		sc.Outputs[s.Command] = strings.Join(lines, "\n")
	}
	return sc, nil
}

//go:embed scenarios/*.txt
var bundled embed.FS

// Bundled lists the scenarios built into slcheck for `slcheck demo`.
func Bundled() []string {
	ents, _ := fs.ReadDir(bundled, "scenarios")
	var out []string
	for _, e := range ents {
		out = append(out, strings.TrimSuffix(e.Name(), ".txt"))
	}
	sort.Strings(out)
	return out
}

// BundledScenario loads one bundled scenario by name.
func BundledScenario(name string) (*Scenario, error) {
	f, err := bundled.Open("scenarios/" + name + ".txt")
	if err != nil {
		return nil, fmt.Errorf("no bundled scenario %q (have: %s)", name, strings.Join(Bundled(), ", "))
	}
	defer f.Close()
	return ReadScenario(name, f)
}
