// Command slcheck finds out why a Cisco Nexus switch cannot talk to Cisco
// Smart Licensing, and says how to fix it.
package main

import (
	"fmt"
	"io"
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
	stop := record("SLCHECK_CPUPROFILE", os.Getenv("SLCHECK_CPUPROFILE"), pprof.StartCPUProfile, pprof.StopCPUProfile)
	stopTrace := record("SLCHECK_TRACE", os.Getenv("SLCHECK_TRACE"), trace.Start, trace.Stop)
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

// record runs start on the file at path for the whole run, for the
// benchmarks in bench/: a CPU profile (SLCHECK_CPUPROFILE, go tool pprof)
// or an execution trace (SLCHECK_TRACE, go tool trace: when goroutines
// ran, waited to run and blocked). An empty path does nothing; a path
// that cannot be written is a usage error naming env.
func record(env, path string, start func(io.Writer) error, stop func()) (done func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = start(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "slcheck: %s: %v\n", env, err)
		os.Exit(cli.ExitUsage)
	}
	return func() { stop(); f.Close() }
}
