// Command slcheck finds out why a Cisco Nexus switch cannot talk to Cisco
// Smart Licensing, and says how to fix it.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"

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
	code := cli.Run(os.Args[1:], st)
	stop()
	os.Exit(code)
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
