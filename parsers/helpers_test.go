package parsers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
)

// section builds a Section from text, numbering lines from 1.
func section(cmd, typed, text string) *capture.Section {
	sec := &capture.Section{Command: cmd, Typed: typed, Source: "test.txt"}
	for i, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		sec.Lines = append(sec.Lines, capture.Line{N: i + 1, Text: l})
	}
	return sec
}

// fixture builds a Section from a file under testdata.
func fixture(t testing.TB, name, cmd, typed string) *capture.Section {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	sec := section(cmd, typed, string(b))
	sec.Source = name
	return sec
}

// utc is a shorthand for expected dates.
func utc(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
}
