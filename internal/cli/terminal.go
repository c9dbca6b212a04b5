package cli

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"

	"github.com/slcheck/slcheck/redact"
)

// TerminalSecret returns the Streams.ReadSecret of the controlling
// terminal (/dev/tty, so a redirected stdin or stderr does not matter),
// or nil when the process has none.
func TerminalSecret() func(prompt string) (string, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return nil
	}
	tty.Close()
	return func(prompt string) (string, error) {
		tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
		if err != nil {
			return "", errNoTerminal
		}
		defer tty.Close()
		fmt.Fprint(tty, redact.Escape(prompt)) // it may name a file
		b, err := term.ReadPassword(int(tty.Fd()))
		fmt.Fprintln(tty)
		return string(b), err
	}
}

var errNoTerminal = errors.New("no terminal to prompt on")

// readSecret asks with ReadSecret, or fails when there is no terminal.
func (st Streams) readSecret(prompt string) (string, error) {
	if st.ReadSecret == nil {
		return "", errNoTerminal
	}
	return st.ReadSecret(prompt)
}
