package snapshot

import (
	"os"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
)

// BenchmarkLicensingMode is the mode of the fake fleet's switch, which
// the checks ask for many times a device (Mode).
//
//	go test ./snapshot -run '^$' -bench LicensingMode -benchmem
func BenchmarkLicensingMode(b *testing.B) {
	text, err := os.ReadFile("../diagnose/testdata/fleet-session.txt")
	if err != nil {
		b.Fatal(err)
	}
	c, err := capture.Read("fleet-session.txt", strings.NewReader(string(text)), capture.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := Build(c.Devices[0])
	if s.Mode() != ModeClassic {
		b.Fatalf("mode %q, want classic", s.Mode())
	}
	b.ReportAllocs()
	for b.Loop() {
		s.LicensingMode()
	}
}
