package collect

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/internal/nxsim"
)

// BenchmarkEndlessSwitch collects from a switch that answers `show
// version` with an endless line, with the default output limits (64 MiB a
// command, 256 MiB a session), and reports the process's peak resident
// memory (VmHWM, the fake switch included) and the Go heap's peak
// (sampled every 5 ms) while the collector reads up to the limit:
//
//	go test ./collect -run '^$' -bench EndlessSwitch -benchtime 3x
func BenchmarkEndlessSwitch(b *testing.B) {
	for _, tr := range []string{"default", "system"} {
		b.Run(tr, func(b *testing.B) {
			d, err := nxsim.Start(nxsim.Config{Users: map[string]string{testUser: testPass}, Outputs: outputs,
				Faults: nxsim.Faults{Endless: "show version"}})
			if err != nil {
				b.Fatal(err)
			}
			defer d.Close()
			kh := b.TempDir() + "/known_hosts"
			os.WriteFile(kh, []byte(KnownHostsLine(d.Addr(), d.HostKey())+"\n"), 0o600)
			opt := Options{Auth: Auth{User: testUser, Password: testPass}, HostKeys: HostKeys{Files: []string{kh}},
				Transport: tr, CommandTimeout: 5 * time.Minute}
			var peakHeap, peakRSS uint64
			for range b.N {
				runtime.GC()
				os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // resets VmHWM
				stop := make(chan struct{})
				done := make(chan uint64)
				go func() {
					var m runtime.MemStats
					var peak uint64
					for {
						runtime.ReadMemStats(&m)
						peak = max(peak, m.HeapInuse)
						select {
						case <-stop:
							done <- peak
							return
						case <-time.After(5 * time.Millisecond):
						}
					}
				}()
				c, err := New(opt)
				if err != nil {
					b.Fatal(err)
				}
				res := c.Collect(b.Context(), Target{Host: "127.0.0.1", Port: d.Port(), PortGiven: true})
				c.Close()
				close(stop)
				peakHeap = max(peakHeap, <-done)
				peakRSS = max(peakRSS, vmHWM())
				if res.Failure == nil || res.Failure.Kind != KindOutputLimit {
					b.Fatalf("got %+v, want %s", res.Failure, KindOutputLimit)
				}
			}
			b.ReportMetric(float64(peakRSS)/(1<<20), "peak-RSS-MiB")
			b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MiB")
		})
	}
}

// vmHWM is the process's peak resident set since the last reset, in bytes.
func vmHWM() uint64 {
	b, _ := os.ReadFile("/proc/self/status")
	for l := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n << 10
		}
	}
	return 0
}
