// Package cli is slcheck's command line: cobra commands built with injected
// streams so tests run them in process, and one place that maps outcomes to
// the exit codes of the contract.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/redact"
)

// Exit codes of the contract (docs/contract.md).
const (
	ExitOK         = 0 // no fail at or above --fail-on
	ExitFindings   = 1 // at least one fail at or above --fail-on
	ExitUsage      = 2 // usage error or unreadable input
	ExitCollection = 3 // collection failed for at least one device
)

// Streams are the program's standard streams; IsTerminal says whether Out
// is a terminal (colour, progress), decided once by main.
type Streams struct {
	In         io.Reader
	Out        io.Writer
	Err        io.Writer
	IsTerminal bool
	// InIsTerminal says whether In is a terminal: `slcheck file -` then
	// tells the user it waits for a paste.
	InIsTerminal bool
	// Width is the terminal's width in columns when Out is a terminal, 0
	// otherwise: the text report wraps its prose to it (80 when 0).
	Width int
	// ErrIsTerminal says whether Err is a terminal: slcheck ssh shows its
	// progress there.
	ErrIsTerminal bool
	// ReadSecret asks for a password or a key's passphrase on the
	// terminal without echo (TerminalSecret); nil when there is no
	// terminal to ask on.
	ReadSecret func(prompt string) (string, error)
	// Env looks up environment variables (NO_COLOR, SLCHECK_PASSWORD).
	Env func(string) string
	// Redact is the redaction policy of this run. Run sets it and wraps Out
	// and Err in redacting writers, so everything a command prints (reports,
	// errors, progress) is redacted; commands that write elsewhere (a saved
	// capture) pass their writer through Redact.NewWriter too.
	Redact *redact.Policy
	// stdout is the buffer Run puts Out behind (nil when a test calls a
	// command without Run): a fleet's JSON report holds it (fleetReport).
	stdout *bufferedStdout
}

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// withCode wraps err so Run exits with code.
func withCode(code int, err error) error { return &exitError{code: code, err: err} }

// Run runs slcheck with args (without the program name) and returns the
// exit code.
func Run(args []string, st Streams) int {
	if st.Env == nil {
		st.Env = func(string) string { return "" }
	}
	st.Redact = &redact.Policy{}
	buf := newBufferedStdout(st.Out)
	st.stdout = buf
	out, errOut := redact.NewWriter(buf, st.Redact), redact.NewWriter(stderrAfter{buf, st.Err}, st.Redact)
	st.Out, st.Err = out, errOut
	code := run(args, st)
	// A last line without a newline is still written, redacted.
	out.Close()
	if err := buf.untold(); err != nil {
		// What slcheck printed did not reach stdout whole.
		printError(errOut, fmt.Sprintf("writing to standard output: %v", err))
		code = ExitUsage
	}
	errOut.Close()
	return code
}

func run(args []string, st Streams) int {
	root := newRoot(st)
	root.SetArgs(normalizeProbeArgs(args))
	root.SetIn(st.In)
	root.SetOut(st.Out)
	root.SetErr(st.Err)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			printError(st.Err, ee.err.Error())
		}
		return ee.code
	}
	// cobra's own errors: unknown flag or command, bad arguments.
	printError(st.Err, err.Error())
	return ExitUsage
}

// printError writes one error as one line on stderr, "slcheck: msg": a
// newline inside msg (a file name's, a switch's) is escaped like every
// control character (redact.Escape), so it cannot forge another line.
func printError(w io.Writer, msg string) {
	fmt.Fprintln(w, "slcheck: "+redact.Escape(msg))
}

func newRoot(st Streams) *cobra.Command {
	root := &cobra.Command{
		Use:           "slcheck",
		Short:         "Find out why a Cisco Nexus switch cannot talk to Cisco Smart Licensing, and how to fix it",
		Version:       toolVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("slcheck {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	for _, add := range commands {
		root.AddCommand(add(st))
	}
	return root
}

// addShowContacts adds --show-contacts to a command that prints reports:
// the flag sets the run's redaction policy.
func addShowContacts(cmd *cobra.Command, st Streams) {
	cmd.Flags().BoolVar(&st.Redact.ShowContacts, "show-contacts", false,
		"print contact details: the callhome configuration's (e-mail, phone, street address, IDs) and the SNMP contact and location; secrets are always hidden")
}

// commands are the subcommands; each file that defines one registers its
// constructor from init, so commands can be added without touching this file.
var commands []func(Streams) *cobra.Command
