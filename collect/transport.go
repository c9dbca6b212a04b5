package collect

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/scrapli/scrapligo/transport"
	"golang.org/x/crypto/ssh"
)

// sshTransport is slcheck's default scrapligo transport, built on
// x/crypto/ssh. Unlike scrapligo's "standard" one it bounds TCP connect,
// handshake, authentication, pty and shell with one deadline (a peer that
// accepts TCP and never speaks SSH would otherwise hang forever), checks the
// host key with slcheck's own callback, and takes ready-made auth methods
// (agent, decrypted keys, keyboard-interactive).
type sshTransport struct {
	dialer   *dialer
	deadline time.Duration
	hops     func() // closes the ProxyJump hops, if any

	mu     sync.Mutex
	client *ssh.Client
	sess   *ssh.Session
	stdin  io.WriteCloser
	stdout io.Reader
	// rbuf is Read's buffer, from readBufs; reading says a Read is using
	// it, closed that Close ran.
	rbuf    *[]byte
	reading bool
	closed  bool
}

func (t *sshTransport) Open(a *transport.Args) error {
	c, chans, reqs, hops, err := t.dialer.dial(t.deadline)
	if err != nil {
		return err
	}
	client := ssh.NewClient(c, chans, reqs)
	// The pty and shell requests are bounded too: a switch that completes
	// the handshake and then says nothing is cut at the deadline.
	stop := time.AfterFunc(t.deadline, func() { client.Close() })
	err = t.shell(client, a)
	if !stop.Stop() && err == nil {
		err = fmt.Errorf("ssh: shell: %w", os.ErrDeadlineExceeded)
	}
	if err != nil {
		client.Close()
		hops()
		return err
	}
	t.mu.Lock()
	t.client, t.hops = client, hops
	t.mu.Unlock()
	return nil
}

func (t *sshTransport) shell(client *ssh.Client, a *transport.Args) error {
	sess, err := client.NewSession()
	if err != nil {
		return err
	}
	modes := ssh.TerminalModes{ssh.ECHO: 1, ssh.TTY_OP_ISPEED: 115200, ssh.TTY_OP_OSPEED: 115200}
	if err := sess.RequestPty("xterm", a.TermHeight, a.TermWidth, modes); err != nil {
		return fmt.Errorf("pty request refused: %w", err)
	}
	if t.stdin, err = sess.StdinPipe(); err != nil {
		return err
	}
	if t.stdout, err = sess.StdoutPipe(); err != nil {
		return err
	}
	if err := sess.Shell(); err != nil {
		return fmt.Errorf("shell refused: %w", err)
	}
	t.sess = sess
	return nil
}

// Close ends the session and the connection; it also unblocks a Read in
// progress, which is how a host's overall deadline stops a stuck command.
func (t *sshTransport) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	if !t.reading {
		t.giveBack()
	}
	if t.client == nil {
		return nil
	}
	if t.sess != nil {
		t.sess.Close()
	}
	err := t.client.Close()
	t.hops()
	t.client = nil
	return err
}

func (t *sshTransport) IsAlive() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.client != nil
}

// Read reads into a buffer the transport keeps (scrapligo reads one at a
// time) and returns a copy of what came: a fleet's sessions read often and
// little, and an 8 KiB allocation per read was a tenth of a fleet's CPU
// in the garbage collector. The buffer goes back to readBufs once the
// session's reads end: at a failed read, or at Close when no read is
// using it (scrapligo's read loop may end without another read, which
// left two thirds of a fleet's buffers to the garbage collector).
func (t *sshTransport) Read(n int) ([]byte, error) {
	t.mu.Lock()
	if t.rbuf == nil {
		t.rbuf = readBufs.Get().(*[]byte)
	}
	if cap(*t.rbuf) < n {
		*t.rbuf = make([]byte, n)
	}
	buf := (*t.rbuf)[:n]
	t.reading = true
	t.mu.Unlock()

	k, err := t.stdout.Read(buf)
	var out []byte
	if err == nil {
		out = bytes.Clone(buf[:k])
	}

	t.mu.Lock()
	t.reading = false
	if err != nil || t.closed {
		t.giveBack()
	}
	t.mu.Unlock()
	return out, err
}

// giveBack returns the read buffer to readBufs; t.mu is held.
func (t *sshTransport) giveBack() {
	if t.rbuf != nil {
		readBufs.Put(t.rbuf)
		t.rbuf = nil
	}
}

// readBufs are read buffers (readSize bytes) of sessions that ended, for
// the next ones: a new one per session was 64 KiB to clear for each host
// of a fleet.
var readBufs = sync.Pool{New: func() any { return new([]byte) }}

func (t *sshTransport) Write(b []byte) error {
	_, err := t.stdin.Write(b)
	return err
}
