package collect

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/scrapli/scrapligo/transport"
)

// guard sits between scrapligo and the wire. Once armed (after login) it
// lets through only read-only commands, the return key, the space that
// turns a pager's page and - while a TCP test is being closed - the telnet
// escape keys. Whatever the bug above it, slcheck cannot type a
// configuration or licensing command on a switch. It also counts what the
// switch sends, and ends the session when the output of one command or of
// the whole session passes its limit, before slcheck holds more of it.
type guard struct {
	transport.Implementation
	// maxCommand and maxHost are the output limits in bytes (0: none).
	maxCommand, maxHost int64

	mu        sync.Mutex
	armed     bool
	escape    bool
	cmdBytes  int64 // read since the last command was typed
	hostBytes int64 // read in the session
	over      *OutputLimitError
	// erase: a page was turned; the pager's erase of its mark starts the
	// next bytes read.
	erase bool
	// failed: a read failed (or passed a limit); wake is called then, so
	// that a session waiting for bytes (session.wait) learns of it.
	failed bool
	wake   func()
}

// escapeKeys close a telnet session: ^] opens the telnet> prompt, where
// "quit" ends it; ^C is the fallback.
var escapeKeys = map[string]bool{"\x1d": true, "quit": true, "\x03": true}

// pageKey turns a pager's page (`--More--`).
const pageKey = " "

func (g *guard) set(armed, escape bool) {
	g.mu.Lock()
	g.armed, g.escape = armed, escape
	g.mu.Unlock()
}

func (g *guard) Write(b []byte) error {
	s := strings.TrimRight(string(b), "\r\n")
	g.mu.Lock()
	armed, escape := g.armed, g.escape
	switch {
	case string(b) == pageKey:
		g.erase = true
	case s != "":
		g.cmdBytes = 0
	}
	g.mu.Unlock()
	if armed && s != "" && string(b) != pageKey && !Allowed(s) && !(escape && escapeKeys[s]) {
		return fmt.Errorf("%w: refused to send %q", errNotReadOnly, s)
	}
	return g.Implementation.Write(b)
}

// OutputLimitError ends a session whose output passed a limit.
type OutputLimitError struct {
	Limit int64 // bytes
	// Host is set for the session's limit, unset for one command's.
	Host bool
}

func (e *OutputLimitError) Error() string {
	if e.Host {
		return fmt.Sprintf("the session's output exceeds %s (--max-host-output)", mib(e.Limit))
	}
	return fmt.Sprintf("output exceeds %s (--max-command-output)", mib(e.Limit))
}

func mib(n int64) string { return strconv.FormatInt(n>>20, 10) + " MiB" }

// Read counts what the switch sent, strips a turned page's erase, and
// closes the transport once a limit is passed.
func (g *guard) Read(n int) ([]byte, error) {
	b, err := g.Implementation.Read(n)
	if err != nil {
		g.fail()
		return b, err
	}
	if len(b) == 0 {
		return b, nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.over != nil {
		return nil, g.over
	}
	if g.erase {
		b = stripErase(b)
		g.erase = len(b) == 0
	}
	g.cmdBytes += int64(len(b))
	g.hostBytes += int64(len(b))
	switch {
	case g.maxCommand > 0 && g.cmdBytes > g.maxCommand:
		g.over = &OutputLimitError{Limit: g.maxCommand}
	case g.maxHost > 0 && g.hostBytes > g.maxHost:
		g.over = &OutputLimitError{Limit: g.maxHost, Host: true}
	}
	if g.over != nil {
		g.Implementation.Close()
		g.failed = true
		if g.wake != nil {
			g.wake()
		}
		return nil, g.over
	}
	return b, nil
}

// fail records that a read failed and wakes the session.
func (g *guard) fail() {
	g.mu.Lock()
	g.failed = true
	g.mu.Unlock()
	if g.wake != nil {
		g.wake()
	}
}

// readFailed reports whether a read failed or passed a limit.
func (g *guard) readFailed() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.failed
}

// commandBytes is what the switch sent since the last command was typed.
func (g *guard) commandBytes() int64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.cmdBytes
}

// overLimit is the limit the session passed, or nil.
func (g *guard) overLimit() *OutputLimitError {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.over
}

// stripErase removes what a pager prints to erase its `--More--` mark
// once a key turned the page: blanks, backspaces, carriage returns and
// cursor or erase sequences, up to the last control among them (the blanks
// after it indent the next line). It works on the raw bytes, before
// scrapligo drops the carriage returns that tell the two apart.
func stripErase(b []byte) []byte {
	cut := 0
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == ' ':
			i++
		case c == '\r' || c == '\b':
			i++
			cut = i
		case c == 0x1b && i+1 < len(b) && b[i+1] == '[':
			j := i + 2
			for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == ';' || b[j] == '?') {
				j++
			}
			if j == len(b) {
				return b[cut:]
			}
			i = j + 1
			cut = i
		default:
			return b[cut:]
		}
	}
	return b[cut:]
}

// GetInChannelAuthType and GetSSHArgs pass the system transport's
// in-channel authentication through the guard.
func (g *guard) GetInChannelAuthType() transport.InChannelAuthType {
	if t, ok := g.Implementation.(transport.InChannelAuthImplementation); ok {
		return t.GetInChannelAuthType()
	}
	return transport.InChannelAuthUnsupported
}

func (g *guard) GetSSHArgs() *transport.SSHArgs {
	if t, ok := g.Implementation.(transport.SSHImplementation); ok {
		return t.GetSSHArgs()
	}
	return &transport.SSHArgs{}
}

// tail keeps the last bytes a session printed, for error messages: OpenSSH
// prints the only account of why it failed there.
type tail struct {
	mu  sync.Mutex
	buf []byte // tailSize bytes, written round from next
	// next is where the next byte goes; full says buf has gone round.
	next int
	full bool
}

const tailSize = 2048

// Write copies only what it is given (its last tailSize bytes) into the
// ring: moving the kept bytes to make room at every read (2 KiB, seldom in
// the cache with a fleet's 200 sessions) was 1.5% of slcheck's CPU in a
// profile of 1000 hosts.
func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(b)
	if t.buf == nil {
		t.buf = make([]byte, tailSize)
	}
	if len(b) > tailSize {
		b = b[len(b)-tailSize:]
	}
	for len(b) > 0 {
		c := copy(t.buf[t.next:], b)
		b = b[c:]
		if t.next += c; t.next == tailSize {
			t.next, t.full = 0, true
		}
	}
	return n, nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.full {
		return string(t.buf[:t.next])
	}
	return string(t.buf[t.next:]) + string(t.buf[:t.next])
}
