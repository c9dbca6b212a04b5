package diagnose

import (
	"context"
	"os"
	"testing"

	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
)

// BenchmarkSession is a fleet worker's part of `slcheck ssh -o json` for
// one host (bench/fleet.sh): diagnosing a collected session of the fake
// fleet's scenario, redacting it and encoding its part of the report.
//
//	go test ./diagnose -run '^$' -bench Session -benchmem
func BenchmarkSession(b *testing.B) {
	text, err := os.ReadFile("testdata/fleet-session.txt")
	if err != nil {
		b.Fatal(err)
	}
	pol := &redact.Policy{}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Session(context.Background(), "127.0.0.1:22", "127.0.0.1:22", string(text), Options{},
			Rendering{Redact: pol, Format: report.JSON}); err != nil {
			b.Fatal(err)
		}
	}
}
