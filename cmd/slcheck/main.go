// Command slcheck finds out why a Cisco Nexus switch cannot talk to Cisco
// Smart Licensing, and says how to fix it.
package main

import (
	"os"

	"golang.org/x/term"

	"github.com/slcheck/slcheck/internal/cli"
)

func main() {
	st := cli.Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		IsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		Env:        os.Getenv,
	}
	if st.IsTerminal {
		st.Width, _, _ = term.GetSize(int(os.Stdout.Fd()))
	}
	os.Exit(cli.Run(os.Args[1:], st))
}
