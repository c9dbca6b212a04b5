package snapshot

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
)

// A Log read and built at every cut of a text as it grows gives what
// capture.Read and Build give for the text so far, for every input of the
// repository: scenarios, show outputs, pastes, fixtures and terminal logs,
// cut after each of their first 80 lines (inside sections too, which then
// grow after a build) and before each section header.
func TestLogBuildsAsBuild(t *testing.T) {
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
		text := string(body)
		whole, err := capture.Read(f, strings.NewReader(text), capture.Options{})
		if err != nil {
			continue // not an input slcheck reads
		}
		lines := strings.SplitAfter(text, "\n")
		cuts := map[int]bool{len(lines): true}
		for i := 1; i <= min(80, len(lines)); i++ {
			cuts[i] = true
		}
		for _, d := range whole.Devices {
			for _, sec := range d.Sections {
				if sec.Line > 1 {
					cuts[sec.Line-1] = true
				}
			}
		}
		log := NewLog(f)
		at := 0
		for n := 1; n <= len(lines); n++ {
			if !cuts[n] {
				continue
			}
			log.Add(strings.Join(lines[at:n], ""))
			at = n
			compared += compareLog(t, f, log, strings.Join(lines[:n], ""))
		}
	}
	if compared < 1000 {
		t.Errorf("compared %d devices, want the repository's inputs", compared)
	}
}

// compareLog reads text with log and with capture.Read and fails where
// the snapshots of a device differ; it returns the devices compared.
func compareLog(t *testing.T, name string, log *Log, text string) int {
	t.Helper()
	want, werr := capture.Read(name, strings.NewReader(text), capture.Options{})
	got, gerr := log.Read(text)
	if (werr == nil) != (gerr == nil) {
		t.Errorf("%s (%d bytes): Log: %v, capture.Read: %v", name, len(text), gerr, werr)
		return 0
	}
	if werr != nil {
		return 0
	}
	if len(got.Devices) != len(want.Devices) {
		t.Errorf("%s (%d bytes): %d devices in the Log, %d read whole", name, len(text), len(got.Devices), len(want.Devices))
		return 0
	}
	for i := range want.Devices {
		if g, w := log.Build(got.Devices[i]), Build(want.Devices[i]); !reflect.DeepEqual(g, w) {
			t.Errorf("%s (%d bytes), device %d: the Log's snapshot\n%+v\nBuild's\n%+v", name, len(text), i, g, w)
		}
	}
	return len(want.Devices)
}
