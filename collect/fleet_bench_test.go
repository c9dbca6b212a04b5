package collect

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/internal/nxsim"
)

// fakeFleet starts n fake switches answering every command after delay,
// sharing one host key, and returns them with the options to reach them.
func fakeFleet(b *testing.B, n int, delay time.Duration, transport string) ([]*nxsim.Device, []Target, Options) {
	b.Helper()
	sc, err := nxsim.BundledScenario("source-interface")
	if err != nil {
		b.Fatal(err)
	}
	key, err := nxsim.NewHostKey()
	if err != nil {
		b.Fatal(err)
	}
	var devs []*nxsim.Device
	var targets []Target
	var known []string
	for range n {
		d, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: sc.Outputs, HostKey: key,
			Users: map[string]string{testUser: testPass}, Faults: nxsim.Faults{Delay: delay}})
		if err != nil {
			b.Fatal(err)
		}
		devs = append(devs, d)
		targets = append(targets, target(d))
		known = append(known, KnownHostsLine(d.Addr(), key.PublicKey()))
	}
	kh := filepath.Join(b.TempDir(), "known_hosts")
	if err := os.WriteFile(kh, []byte(strings.Join(known, "\n")+"\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	return devs, targets, Options{Auth: Auth{User: testUser, Password: testPass},
		HostKeys: HostKeys{Files: []string{kh}}, Transport: transport}
}

func openFDs() int {
	ents, _ := os.ReadDir("/proc/self/fd")
	return len(ents)
}

// settle waits for goroutines of closed sessions to end before counting.
func settle(want int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 50 && n > want; i++ {
		time.Sleep(20 * time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}

// BenchmarkHost is one switch on loopback: connect, log in, every command
// (ping and TCP 443 included), close; no artificial delay.
func BenchmarkHost(b *testing.B) {
	for _, tr := range []string{"default", "system"} {
		b.Run(tr, func(b *testing.B) {
			if tr == "system" {
				if _, err := exec.LookPath("ssh"); err != nil {
					b.Skip("no ssh client")
				}
			}
			devs, targets, opt := fakeFleet(b, 1, 0, tr)
			defer devs[0].Close()
			c, err := New(opt)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				if r := c.Collect(context.Background(), targets[0]); r.Failure != nil {
					b.Fatal(r.Failure)
				}
			}
		})
	}
}

// BenchmarkFleet collects a fleet of fake switches that answer each
// command after 50 ms. It reports the wall time against the ideal
// ceil(hosts/concurrency) x one host's time, and fails on any leaked
// goroutine, file descriptor or ssh process.
func BenchmarkFleet(b *testing.B) {
	const delay = 50 * time.Millisecond
	for _, size := range []struct{ hosts, conc int }{{200, 50}, {500, 100}} {
		b.Run(fmt.Sprintf("hosts=%d/concurrency=%d", size.hosts, size.conc), func(b *testing.B) {
			g0, fd0 := runtime.NumGoroutine(), openFDs()
			devs, targets, opt := fakeFleet(b, size.hosts, delay, "default")
			c, err := New(opt)
			if err != nil {
				b.Fatal(err)
			}
			one := c.Collect(context.Background(), targets[0])
			if one.Failure != nil {
				b.Fatal(one.Failure)
			}
			b.ResetTimer()
			var wall time.Duration
			for range b.N {
				start := time.Now()
				for _, r := range c.Fleet(context.Background(), targets, size.conc, nil) {
					if r.Failure != nil {
						b.Fatalf("%s: %v", r.Target, r.Failure)
					}
				}
				wall += time.Since(start)
			}
			b.StopTimer()
			c.Close()
			for _, d := range devs {
				d.Close()
			}
			wall /= time.Duration(b.N)
			ideal := time.Duration(math.Ceil(float64(size.hosts)/float64(size.conc))) * one.Elapsed
			b.ReportMetric(one.Elapsed.Seconds(), "s/host")
			b.ReportMetric(wall.Seconds()/ideal.Seconds(), "x-ideal")
			g1, fd1 := settle(g0), openFDs()
			alive, zombies := sshChildren(b)
			b.ReportMetric(float64(g1-g0), "leaked-goroutines")
			b.ReportMetric(float64(fd1-fd0), "leaked-fds")
			if g1 > g0 || fd1 > fd0 || alive+zombies > 0 {
				b.Errorf("leak: goroutines %d -> %d, fds %d -> %d, ssh processes %d", g0, g1, fd0, fd1, alive+zombies)
			}
		})
	}
}
