package diagnose

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
	"github.com/slcheck/slcheck/snapshot"
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
		if _, err := Session(context.Background(), "127.0.0.1:22", "127.0.0.1:22", string(text), nil, Options{},
			Rendering{Redact: pol, Format: report.JSON}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSessionCollected is the reading of a session in a fleet
// worker, both times: the collector's mid-run read of the session up to
// the route test (for the licensing path), then the diagnosis of the whole
// session as BenchmarkSession, reading on from it; json as the fleet
// benchmark runs it, diagnosis without the redaction and the JSON part.
func BenchmarkSessionCollected(b *testing.B) {
	text, mid := fleetSession(b)
	for _, bc := range []struct {
		name string
		r    Rendering
	}{{"json", Rendering{Redact: &redact.Policy{}, Format: report.JSON}}, {"diagnosis", Rendering{}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Session(context.Background(), "127.0.0.1:22", "127.0.0.1:22", text, midRun(b, text, mid),
					Options{}, bc.r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// fleetSession is the fake fleet's session and where its route test
// starts (the collector reads it mid-run up to there).
func fleetSession(b *testing.B) (text string, mid int) {
	body, err := os.ReadFile("testdata/fleet-session.txt")
	if err != nil {
		b.Fatal(err)
	}
	text = string(body)
	if mid = strings.Index(text, "DC-DMZ# show ip route"); mid < 0 {
		b.Fatal("no route test in the session")
	}
	return text, mid
}

// midRun is the collector's Log of text: read up to mid, where it
// decides the licensing path, then the rest added.
func midRun(b *testing.B, text string, mid int) *snapshot.Log {
	log := snapshot.NewLog("127.0.0.1:22")
	log.Add(text[:mid])
	c, err := log.Read(text[:mid])
	if err != nil || log.Build(c.Devices[0]).Path.VRF == "" {
		b.Fatal("no path mid-run", err)
	}
	log.Add(text[mid:])
	return log
}

// BenchmarkPrerenderJSON is the last step of Session for one host of the
// fake fleet: encoding its part of a JSON report, indenting it into the
// buffer the report keeps and redacting it (the device's strings were
// redacted once, before the loop).
//
//	go test ./diagnose -run '^$' -bench PrerenderJSON -benchmem
func BenchmarkPrerenderJSON(b *testing.B) {
	text, err := os.ReadFile("testdata/fleet-session.txt")
	if err != nil {
		b.Fatal(err)
	}
	dev, err := Session(context.Background(), "127.0.0.1:22", "127.0.0.1:22", string(text), nil, Options{},
		Rendering{Redact: &redact.Policy{}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := dev.PrerenderJSON(redact.Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSessionRead is BenchmarkSessionCollected's reading alone: the
// session turned into its snapshot twice, mid-run and whole, without the
// checks.
func BenchmarkSessionRead(b *testing.B) {
	text, mid := fleetSession(b)
	b.ReportAllocs()
	for b.Loop() {
		log := midRun(b, text, mid)
		if c, err := log.Read(text); err != nil || len(log.Build(c.Devices[0]).TCPTests) == 0 {
			b.Fatal("no TCP test", err)
		}
	}
}

// BenchmarkRedactValue is redact.Policy.Value walking one host's results
// of the fake fleet, as report.Device.Redact walks a device (the results
// are most of it; a device itself says it was redacted, its results do
// not, so each pass walks them all).
func BenchmarkRedactValue(b *testing.B) {
	text, err := os.ReadFile("testdata/fleet-session.txt")
	if err != nil {
		b.Fatal(err)
	}
	dev, err := Session(context.Background(), "127.0.0.1:22", "127.0.0.1:22", string(text), nil, Options{}, Rendering{})
	if err != nil {
		b.Fatal(err)
	}
	pol := redact.Policy{}
	b.ReportAllocs()
	for b.Loop() {
		pol.Value(&dev.Results)
	}
}
