package collect

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"sync"

	"github.com/creack/pty"
	"github.com/scrapli/scrapligo/transport"
)

// systemTransport runs OpenSSH (/usr/bin/ssh or the first ssh on PATH)
// under a pty, for users who need ~/.ssh/config, ProxyJump, or OpenSSH's
// own agent and key set-up. It is scrapligo's "system" transport made
// accountable: Close reaps the ssh process (scrapligo's leaves a zombie per
// session), and passwords and passphrases are typed in the channel by
// scrapligo's in-channel authentication, never put in argv.
type systemTransport struct {
	bin        string
	args       []string // options before the host
	passphrase string

	mu   sync.Mutex
	pty  *os.File
	cmd  *exec.Cmd
	done chan struct{}
}

func (t *systemTransport) Open(a *transport.Args) error {
	args := append([]string{}, t.args...)
	args = append(args, "-p", strconv.Itoa(a.Port))
	if a.User != "" {
		args = append(args, "-l", a.User)
	}
	// "--" so a host from an inventory can never be read as an option.
	args = append(args, "--", a.Host)
	cmd := exec.Command(t.bin, args...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: uint16(a.TermHeight), Cols: uint16(a.TermWidth)})
	if err != nil {
		return err
	}
	done := make(chan struct{})
	go func() {
		cmd.Wait()
		close(done)
	}()
	t.mu.Lock()
	t.pty, t.cmd, t.done = f, cmd, done
	t.mu.Unlock()
	return nil
}

// Close kills ssh if it still runs and waits for it, so no zombie stays.
func (t *systemTransport) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cmd == nil {
		return nil
	}
	t.cmd.Process.Kill()
	<-t.done
	err := t.pty.Close()
	t.cmd = nil
	return err
}

func (t *systemTransport) IsAlive() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.cmd != nil
}

func (t *systemTransport) Read(n int) ([]byte, error) {
	b := make([]byte, n)
	n, err := t.pty.Read(b)
	if err != nil {
		return nil, err
	}
	return b[:n], nil
}

func (t *systemTransport) Write(b []byte) error {
	if t.pty == nil {
		return errors.New("ssh process not started")
	}
	_, err := t.pty.Write(b)
	return err
}

// GetInChannelAuthType asks scrapligo to answer OpenSSH's password and
// passphrase prompts in the channel.
func (t *systemTransport) GetInChannelAuthType() transport.InChannelAuthType {
	return transport.InChannelAuthSSH
}

// GetSSHArgs hands scrapligo the key passphrase to type at OpenSSH's
// "Enter passphrase for key" prompt.
func (t *systemTransport) GetSSHArgs() *transport.SSHArgs {
	return &transport.SSHArgs{StrictKey: true, PrivateKeyPassPhrase: t.passphrase}
}

// systemArgs are the OpenSSH options of every run: connect deadline,
// keepalive, and the host key policy.
func (c *Collector) systemArgs() []string {
	return append([]string{"-o", "ConnectTimeout=" + seconds(c.opt.ConnectTimeout),
		"-o", "ServerAliveInterval=" + seconds(c.opt.ConnectTimeout)}, c.opt.HostKeys.systemArgs()...)
}

var (
	// sshServerKey is OpenSSH's debug line naming the key the host sent.
	sshServerKey = regexp.MustCompile(`Server host key: (\S+) (SHA256:\S+)`)
	// sshOffending names the known_hosts line holding the old key.
	sshOffending = regexp.MustCompile(`Offending \S+ key in (.+):(\d+)`)
)

// systemHostKey asks OpenSSH which host key t presents, when it refused
// one: for an unknown key OpenSSH prints no fingerprint, except in its
// debug output. The second run has the same options and config
// (ProxyJump, aliases), stops at host key verification, offers no
// authentication (PreferredAuthentications=none, BatchMode) and runs no
// command (-N), within the connect timeout. log is the first run's
// output, which names the known_hosts line of a changed key.
func (c *Collector) systemHostKey(ctx context.Context, t Target, log string) *HostKeyError {
	ctx, cancel := context.WithTimeout(ctx, c.opt.ConnectTimeout)
	defer cancel()
	args := append(c.systemArgs(), "-v", "-N", "-o", "BatchMode=yes", "-o", "PreferredAuthentications=none",
		"-p", strconv.Itoa(t.Port))
	if c.opt.Auth.User != "" {
		args = append(args, "-l", c.opt.Auth.User)
	}
	out, _ := exec.CommandContext(ctx, c.sshBin, append(args, "--", t.Host)...).CombinedOutput()
	m := sshServerKey.FindSubmatch(out)
	if m == nil {
		return nil
	}
	hk := &HostKeyError{Addr: t.String(), KeyType: string(m[1]), Fingerprint: string(m[2])}
	if o := sshOffending.FindStringSubmatch(log + "\n" + string(out)); o != nil {
		hk.Changed, hk.File = true, o[1]
		hk.Line, _ = strconv.Atoi(o[2])
	}
	return hk
}
