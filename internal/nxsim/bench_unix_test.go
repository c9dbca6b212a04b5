//go:build unix

package nxsim

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// BenchmarkSession runs slcheck's session against one device over SSH on
// loopback, both ends in this process, commands answered at once: what one
// host of bench/fleet.sh costs the fake fleet and an x/crypto client
// together. cpu-us/op is the process's CPU time (user+sys) per session,
// which a 2-core fleet run is bound by; kex= is what the device offers
// (bench/nxfleet -kex).
//
//	go test ./internal/nxsim -run '^$' -bench Session -benchmem
func BenchmarkSession(b *testing.B) {
	sc, err := BundledScenario("source-interface")
	if err != nil {
		b.Fatal(err)
	}
	for _, kex := range []struct {
		name string
		algs *ssh.Config
	}{
		{"default", nil},
		{"classic", &ssh.Config{KeyExchanges: []string{ssh.KeyExchangeCurve25519}}},
	} {
		b.Run("kex="+kex.name, func(b *testing.B) {
			d, err := Start(Config{Hostname: sc.Hostname, Outputs: sc.Outputs, Users: map[string]string{"admin": "bench"},
				Algorithms: kex.algs})
			if err != nil {
				b.Fatal(err)
			}
			defer d.Close()
			cfg := &ssh.ClientConfig{User: "admin", Auth: []ssh.AuthMethod{ssh.Password("bench")},
				HostKeyCallback: ssh.FixedHostKey(d.HostKey()), Timeout: 10 * time.Second}
			b.ReportAllocs()
			cpu0 := cpuTime(b)
			for b.Loop() {
				if err := runSession(d.Addr(), cfg, sc.Hostname+"# "); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/float64(b.N), "cpu-us/op")
		})
	}
}

// BenchmarkConnect opens and closes a TCP connection on loopback, the
// server writing a version line and the client answering with one: what
// every session of a fleet run starts and ends with, on the listener Start
// uses (listen) and on Go's default one (Multipath TCP where the kernel
// has it, keepalive set on every accepted connection). cpu-us/op is both
// ends' CPU time per connection. A process's first thousands of
// connections cost more (the first sub-benchmark measured about 7% more,
// whichever it was), so some are made before either is timed.
//
//	go test ./internal/nxsim -run '^$' -bench Connect -count 6
func BenchmarkConnect(b *testing.B) {
	goDefault := func(addr string) (net.Listener, error) { return net.Listen("tcp", addr) }
	warm := serveVersions(b, goDefault)
	for range 2000 {
		connect(b, warm)
	}
	for _, l := range []struct {
		name   string
		listen func(addr string) (net.Listener, error)
	}{
		{"listen", listen},
		{"go-default", goDefault},
	} {
		b.Run(l.name, func(b *testing.B) {
			addr := serveVersions(b, l.listen)
			cpu0 := cpuTime(b)
			for b.Loop() {
				connect(b, addr)
			}
			b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/float64(b.N), "cpu-us/op")
		})
	}
}

// serveVersions listens with listen until the benchmark ends, and on each
// connection writes a version line, reads one and closes; it returns the
// address.
func serveVersions(b *testing.B, listen func(addr string) (net.Listener, error)) string {
	ln, err := listen("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ln.Close() })
	go func() {
		buf := make([]byte, 64)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			io.WriteString(c, "SSH-2.0-nxsim\r\n")
			c.Read(buf)
			c.Close()
		}
	}()
	return ln.Addr().String()
}

// connect opens a connection to addr, reads the version line, answers
// with one and closes.
func connect(b *testing.B, addr string) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	buf := make([]byte, 64)
	if _, err := c.Read(buf); err != nil {
		b.Fatal(err)
	}
	io.WriteString(c, "SSH-2.0-client\r\n")
}

func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// runSession logs in, types slcheckSession as slcheck does (closing the
// telnet test with ^] and quit) and exits.
func runSession(addr string, cfg *ssh.ClientConfig, prompt string) error {
	c, err := ssh.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		return err
	}
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	if err := s.RequestPty("xterm", 0, 511, ssh.TerminalModes{}); err != nil {
		return err
	}
	if err := s.Shell(); err != nil {
		return err
	}
	var seen []byte
	buf := make([]byte, 32<<10)
	// until reads until what came ends with end.
	until := func(end string) error {
		for !bytes.HasSuffix(seen, []byte(end)) {
			n, err := out.Read(buf)
			if err != nil {
				return fmt.Errorf("waiting for %q: %v after %q", end, err, seen)
			}
			seen = append(seen, buf[:n]...)
		}
		seen = seen[:0]
		return nil
	}
	send := func(typed, end string) error {
		if _, err := io.WriteString(in, typed); err != nil {
			return err
		}
		return until(end)
	}
	if err := until(prompt); err != nil {
		return err
	}
	for _, cmd := range slcheckSession {
		end := prompt
		if cmd == slcheckSession[len(slcheckSession)-1] {
			end = "Escape character is '^]'.\r\n"
		}
		if err := send(cmd, cmd); err != nil {
			return err
		}
		if err := send("\r", end); err != nil {
			return err
		}
	}
	if err := send("\x1d", "telnet> "); err != nil {
		return err
	}
	if err := send("quit", "quit"); err != nil {
		return err
	}
	if err := send("\r", prompt); err != nil {
		return err
	}
	if err := send("exit", "exit"); err != nil {
		return err
	}
	if _, err := io.WriteString(in, "\r"); err != nil {
		return err
	}
	return s.Wait()
}
