package collect

import (
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/creack/pty"
	"github.com/scrapli/scrapligo/transport"
)

// systemTransport runs OpenSSH (/usr/bin/ssh or the first ssh on PATH)
// under a pty, for users who need ~/.ssh/config, ProxyJump, or OpenSSH's
// own agent and key set-up. It is scrapligo's "system" transport made
// accountable: Close reaps the ssh process (scrapligo's leaves a zombie per
// session), OpenSSH logs to a file of its own (-E, LogLevel DEBUG1), so its
// reasons are never lost in the terminal's stream nor mistaken for the
// switch's, and passwords and passphrases are typed in the channel by
// slcheck's login (systemLogin), never put in argv.
type systemTransport struct {
	bin  string
	args []string // options before the host
	// port is passed with -p only when the user gave one: otherwise
	// OpenSSH's configuration (an alias's Port) decides.
	port int

	mu      sync.Mutex
	pty     *os.File
	cmd     *exec.Cmd
	done    chan struct{}
	logDir  string
	log     *os.File // OpenSSH's log, read as it grows
	logText []byte
	authed  bool
}

// sshLogName is OpenSSH's log file in the transport's own directory.
const sshLogName = "ssh.log"

func (t *systemTransport) Open(a *transport.Args) error {
	dir, err := os.MkdirTemp("", "slcheck-ssh-")
	if err != nil {
		return err
	}
	logPath := filepath.Join(dir, sshLogName)
	args := append([]string{"-E", logPath, "-o", "LogLevel=DEBUG1"}, t.args...)
	if t.port != 0 {
		args = append(args, "-p", strconv.Itoa(t.port))
	}
	if a.User != "" {
		args = append(args, "-l", a.User)
	}
	// "--" so a host from an inventory can never be read as an option.
	args = append(args, "--", a.Host)
	cmd := exec.Command(t.bin, args...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: uint16(a.TermHeight), Cols: uint16(a.TermWidth)})
	if err != nil {
		os.RemoveAll(dir)
		return err
	}
	done := make(chan struct{})
	go func() {
		cmd.Wait()
		close(done)
	}()
	t.mu.Lock()
	t.pty, t.cmd, t.done, t.logDir = f, cmd, done, dir
	t.mu.Unlock()
	return nil
}

// sshAuthenticated is OpenSSH's VERBOSE line once the switch accepted the
// login: `Authenticated to sw1 ([10.1.1.2]:22) using "password".`
var sshAuthenticated = regexp.MustCompile(`(?m)^Authenticated to `)

// maxSSHLog bounds what is kept of OpenSSH's log.
const maxSSHLog = 64 << 10

// readLog takes in what OpenSSH logged since the last call.
func (t *systemTransport) readLog() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.log == nil {
		if t.logDir == "" {
			return
		}
		f, err := os.Open(filepath.Join(t.logDir, sshLogName))
		if err != nil {
			return
		}
		t.log = f
	}
	var buf [4096]byte
	for len(t.logText) < maxSSHLog {
		n, _ := t.log.Read(buf[:])
		if n == 0 {
			break
		}
		t.logText = append(t.logText, buf[:n]...)
	}
	if !t.authed {
		t.authed = sshAuthenticated.Match(t.logText)
	}
}

// authenticated reports whether OpenSSH logged in to the switch.
func (t *systemTransport) authenticated() bool {
	t.readLog()
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.authed
}

// Log is what OpenSSH logged so far.
func (t *systemTransport) Log() string {
	t.readLog()
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.logText)
}

// Close kills ssh if it still runs and waits for it, so no zombie stays,
// and removes its log file (read in first: errors are classified after).
func (t *systemTransport) Close() error {
	t.readLog()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cmd == nil {
		return nil
	}
	t.cmd.Process.Kill()
	<-t.done
	err := t.pty.Close()
	if t.log != nil {
		t.log.Close()
	}
	os.RemoveAll(t.logDir)
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

// systemArgs are the OpenSSH options of every run: connect deadline,
// keepalive, the host key policy and the legacy algorithms if asked.
func (c *Collector) systemArgs() []string {
	args := append([]string{"-o", "ConnectTimeout=" + seconds(c.opt.ConnectTimeout),
		"-o", "ServerAliveInterval=" + seconds(c.opt.ConnectTimeout)}, c.opt.HostKeys.systemArgs()...)
	if c.opt.LegacyAlgorithms {
		args = append(args, legacySystemArgs...)
	}
	if c.opt.SSHConfigGiven && len(c.opt.SSHConfig) > 0 {
		args = append(args, "-F", c.opt.SSHConfig[0])
	}
	return args
}

var (
	// sshServerKey is OpenSSH's debug line naming the key the host sent.
	sshServerKey = regexp.MustCompile(`Server host key: (\S+) (SHA256:\S+)`)
	// sshOffending names the known_hosts line holding the old key.
	sshOffending = regexp.MustCompile(`Offending (\S+) key in (.+):(\d+)`)
	// sshRevoked is OpenSSH's account of a key marked @revoked.
	sshRevoked = regexp.MustCompile(`(?i)host key for \S+ is marked as revoked|REVOKED HOST KEY DETECTED`)
	// sshMismatch is OpenSSH's account of an algorithm mismatch.
	sshMismatch = regexp.MustCompile(`Unable to negotiate with .*: no matching (.+) found\. Their offer: (\S+)`)
)

// systemHostKey reads, from OpenSSH's log of the run that refused the
// host key, which key the switch presented (its DEBUG1 line: OpenSSH's
// message names none for an unknown key), the known_hosts line of a
// changed key, and whether the key is marked @revoked.
func (c *Collector) systemHostKey(t Target, log string) *HostKeyError {
	m := sshServerKey.FindStringSubmatch(log)
	if m == nil {
		return nil
	}
	cfg := c.systemConfig(t)
	hk := &HostKeyError{Addr: t.String(), KeyType: m[1], Fingerprint: m[2]}
	if cfg["hostname"] != "" && cfg["port"] != "" {
		// What OpenSSH connected to, for an alias of its configuration.
		hk.Addr = net.JoinHostPort(cfg["hostname"], cfg["port"])
	}
	switch o := sshOffending.FindStringSubmatch(log); {
	case sshRevoked.MatchString(log):
		hk.Revoked = true
		hk.File, hk.Line = revokedLine(knownHostsFiles(cfg), m[2])
	case o != nil:
		hk.Changed, hk.File = true, o[2]
		hk.Line, _ = strconv.Atoi(o[3])
		if keyscanType(hk.KeyType) != strings.ToLower(o[1]) {
			// OpenSSH names the recorded key's type: RSA, ECDSA, ED25519.
			hk.KnownType = strings.ToLower(o[1])
		}
	}
	return hk
}

// systemConfig is OpenSSH's configuration for t, as `ssh -G` prints it
// with slcheck's options: keyword (lower case) to value.
func (c *Collector) systemConfig(t Target) map[string]string {
	ctx, cancel := context.WithTimeout(context.Background(), c.opt.ConnectTimeout)
	defer cancel()
	args := append(c.systemArgs(), "-G")
	if t.PortGiven {
		args = append(args, "-p", strconv.Itoa(t.Port))
	}
	if u := c.user(t); u != "" {
		args = append(args, "-l", u)
	}
	out, _ := exec.CommandContext(ctx, c.sshBin, append(args, "--", t.Host)...).Output()
	cfg := map[string]string{}
	for l := range strings.SplitSeq(string(out), "\n") {
		if k, v, ok := strings.Cut(l, " "); ok {
			cfg[k] = v
		}
	}
	return cfg
}

// knownHostsFiles are the known_hosts files of OpenSSH's configuration
// for a host (systemConfig).
func knownHostsFiles(cfg map[string]string) []string {
	var files []string
	for _, k := range []string{"userknownhostsfile", "globalknownhostsfile"} {
		for f := range strings.FieldsSeq(cfg[k]) {
			files = append(files, expandHome(f))
		}
	}
	return files
}
