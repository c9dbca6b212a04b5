package collect

import (
	"fmt"
	"strings"
	"sync"

	"github.com/scrapli/scrapligo/transport"
)

// guard sits between scrapligo and the wire. Once armed (after login) it
// lets through only read-only commands, the return key, and - while a TCP
// test is being closed - the telnet escape keys. Whatever the bug above it,
// slcheck cannot type a configuration or licensing command on a switch.
type guard struct {
	transport.Implementation

	mu     sync.Mutex
	armed  bool
	escape bool
}

// escapeKeys close a telnet session: ^] opens the telnet> prompt, where
// "quit" ends it; ^C is the fallback.
var escapeKeys = map[string]bool{"\x1d": true, "quit": true, "\x03": true}

func (g *guard) set(armed, escape bool) {
	g.mu.Lock()
	g.armed, g.escape = armed, escape
	g.mu.Unlock()
}

func (g *guard) Write(b []byte) error {
	g.mu.Lock()
	armed, escape := g.armed, g.escape
	g.mu.Unlock()
	s := strings.TrimRight(string(b), "\r\n")
	if armed && s != "" && !Allowed(s) && !(escape && escapeKeys[s]) {
		return fmt.Errorf("%w: refused to send %q", errNotReadOnly, s)
	}
	return g.Implementation.Write(b)
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
	buf []byte
}

const tailSize = 2048

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if len(t.buf) > tailSize {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-tailSize:]...)
	}
	return len(b), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
