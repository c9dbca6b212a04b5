// Command slcheck finds out why a Cisco Nexus switch cannot talk to Cisco
// Smart Licensing, and says how to fix it.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"time"

	"golang.org/x/term"

	"github.com/slcheck/slcheck/internal/cli"
)

func main() {
	st := cli.Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		IsTerminal:    term.IsTerminal(int(os.Stdout.Fd())),
		InIsTerminal:  term.IsTerminal(int(os.Stdin.Fd())),
		ErrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		ReadSecret:    cli.TerminalSecret(),
		Env:           os.Getenv,
	}
	if st.IsTerminal {
		st.Width, _, _ = term.GetSize(int(os.Stdout.Fd()))
	}
	stop := profile(os.Getenv("SLCHECK_CPUPROFILE"))
	stopTrace := traceTo(os.Getenv("SLCHECK_TRACE"))
	left := leakCheck(os.Getenv("SLCHECK_LEAKCHECK"))
	code := cli.Run(os.Args[1:], st)
	stopTrace()
	stop()
	left()
	os.Exit(code)
}

// leakCheck, for bench/fleet.sh, writes to path the goroutines and open
// file descriptors (/proc/self/fd) before the run and after it, once the
// goroutines have settled (up to 2 s: a closed session's readers end
// when their socket does), as "goroutines BEFORE AFTER" and "fds BEFORE
// AFTER" lines. An empty path does nothing.
func leakCheck(path string) (done func()) {
	if path == "" {
		return func() {}
	}
	fds := func() int {
		ents, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			return -1
		}
		return len(ents)
	}
	g0, fd0 := runtime.NumGoroutine(), fds()
	return func() {
		for deadline := time.Now().Add(2 * time.Second); runtime.NumGoroutine() > g0 && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
		}
		out := fmt.Sprintf("goroutines %d %d\nfds %d %d\n", g0, runtime.NumGoroutine(), fd0, fds())
		if err := os.WriteFile(path, []byte(out), 0o600); err != nil {
			fmt.Fprintln(os.Stderr, "slcheck: SLCHECK_LEAKCHECK:", err)
		}
	}
}

// profile writes a CPU profile of the whole run to path, for the
// benchmarks in bench/ (go tool pprof); an empty path does nothing.
func profile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "slcheck: SLCHECK_CPUPROFILE:", err)
		os.Exit(cli.ExitUsage)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

// traceTo writes an execution trace of the whole run to path (go tool
// trace: when goroutines ran, waited to run, and blocked on the network),
// for bench/fleet.sh; an empty path does nothing.
func traceTo(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = trace.Start(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "slcheck: SLCHECK_TRACE:", err)
		os.Exit(cli.ExitUsage)
	}
	return func() { trace.Stop(); f.Close() }
}
