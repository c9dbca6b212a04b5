package snapshot

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
)

// A read with PathSelect decides the Path, and knows the commands, that a
// read of everything does, for every input of the repository: scenarios,
// show outputs, pastes, fixtures and terminal logs, each also cut after
// each of its sections (as the collector reads a session mid-run).
func TestPathSelectDecidesThePath(t *testing.T) {
	var files []string
	for _, g := range []string{"../internal/nxsim/scenarios/*.txt", "../testdata/showoutputs/*/capture*.txt",
		"../testdata/pastes/*.txt", "../diagnose/testdata/*.txt", "../capture/testdata/terminal/*",
		"../capture/testdata/fixtures/*/*"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("found %d inputs, want the repository's", len(files))
	}
	compared := 0
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := capture.Read(f, strings.NewReader(string(body)), capture.Options{})
		if err != nil {
			continue // not an input slcheck reads
		}
		texts := []string{string(body)}
		for _, d := range whole.Devices {
			for _, sec := range d.Sections {
				if sec.Line > 1 {
					texts = append(texts, strings.Join(strings.SplitAfter(string(body), "\n")[:sec.Line-1], ""))
				}
			}
		}
		for _, text := range texts {
			compared += comparePathRead(t, f, text)
		}
	}
	if compared < 100 {
		t.Errorf("compared %d devices, want the repository's inputs", compared)
	}
}

// comparePathRead reads text both ways and fails where a device's Path or
// commands differ; it returns the devices compared.
func comparePathRead(t *testing.T, name, text string) int {
	t.Helper()
	want, werr := capture.Read(name, strings.NewReader(text), capture.Options{})
	got, gerr := capture.Read(name, strings.NewReader(text), capture.Options{Select: PathSelect})
	if (werr == nil) != (gerr == nil) {
		t.Errorf("%s (%d bytes): read with PathSelect: %v, whole: %v", name, len(text), gerr, werr)
		return 0
	}
	if werr != nil {
		return 0
	}
	if len(got.Devices) != len(want.Devices) {
		t.Errorf("%s (%d bytes): %d devices with PathSelect, %d whole", name, len(text), len(got.Devices), len(want.Devices))
		return 0
	}
	for i := range want.Devices {
		g, w := Build(got.Devices[i]), Build(want.Devices[i])
		if !reflect.DeepEqual(g.Path, w.Path) {
			t.Errorf("%s (%d bytes), device %d: Path with PathSelect\n%+v\nwhole\n%+v", name, len(text), i, g.Path, w.Path)
		}
		if !reflect.DeepEqual(g.Commands, w.Commands) {
			t.Errorf("%s (%d bytes), device %d: commands with PathSelect %v, whole %v", name, len(text), i, g.Commands, w.Commands)
		}
	}
	return len(want.Devices)
}
