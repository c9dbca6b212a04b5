package redact

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkLine measures redaction of typical show-tech lines, most of
// which hold no secret: `go test ./redact -bench Line -benchmem`. On a
// machine shared with other work, compare cpu-ns/op (the thread's CPU
// time, on Linux, with -cpu 1) rather than the wall-clock ns/op.
func BenchmarkLine(b *testing.B) {
	lines := []string{
		"Ethernet1/1 is up",
		"  admin state is up, Dedicated Interface",
		"    30 seconds input rate 1112 bits/sec, 1 packets/sec",
		"destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService",
		"username admin password 5 $5$KDIGmHhO$Lx0.S1 role network-admin",
		"2024 Jan 12 10:01:02 n9k %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility",
	}
	p := Policy{}
	b.ReportAllocs()
	defer cpuPerOp(b)()
	for i := 0; b.Loop(); i++ {
		p.Line(lines[i%len(lines)])
	}
}

// BenchmarkLineReport measures redaction of a report's JSON, line by line,
// as a fleet prints it: most lines hold no hint at all.
func BenchmarkLineReport(b *testing.B) {
	data, err := os.ReadFile("../testdata/showoutputs/http-url-seed/golden.json")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	p := Policy{}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer cpuPerOp(b)()
	for b.Loop() {
		for _, l := range lines {
			p.Line(l)
		}
	}
}

// BenchmarkRedactedReport measures the redaction of a device's part of a
// JSON report ahead of time (Redacted), as a fleet's worker does for each
// host: the whole text, kept as it is.
func BenchmarkRedactedReport(b *testing.B) {
	data, err := os.ReadFile("../testdata/showoutputs/http-url-seed/golden.json")
	if err != nil {
		b.Fatal(err)
	}
	p := Policy{}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer cpuPerOp(b)()
	for b.Loop() {
		p.Redacted(data)
	}
}
