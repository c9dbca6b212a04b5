// Package collect logs in to NX-OS switches over SSH with scrapligo and runs
// the read-only commands slcheck's checks need. The session becomes a
// terminal log (`host# show version` then its output, ...), redacted, which
// is read by capture.Read like any saved file: a live switch and its saved
// capture are diagnosed by the same code from the same text.
package collect

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/slcheck/slcheck/nxname"
)

// Options configure a Collector.
type Options struct {
	Auth     Auth
	HostKeys HostKeys
	// Transport is "default" (x/crypto, deadline-bounded) or "system"
	// (OpenSSH under a pty).
	Transport string
	// SSHBin is the OpenSSH client for the system transport ("ssh" on PATH
	// when empty).
	SSHBin string
	// SSHConfig are OpenSSH configuration files, first match wins: the
	// default transport applies their HostName, Port, User, IdentityFile,
	// UserKnownHostsFile and ProxyJump; the system transport passes the
	// first to OpenSSH with -F when it is not ~/.ssh/config (SSHConfigGiven).
	SSHConfig      []string
	SSHConfigGiven bool
	// ConnectTimeout bounds TCP connect + handshake + authentication + shell.
	ConnectTimeout time.Duration
	// CommandTimeout bounds each show command.
	CommandTimeout time.Duration
	// ActiveTimeout bounds each active test (ping, the TCP test).
	ActiveTimeout time.Duration
	// HostTimeout bounds everything done on one host.
	HostTimeout time.Duration
	// NoActive skips the ping and TCP tests.
	NoActive bool
	// MaxCommandOutput and MaxHostOutput bound, in bytes, what one
	// command and a whole session may print: past them the host fails
	// with an OutputLimitError (defaults below; negative: no limit).
	MaxCommandOutput, MaxHostOutput int64
	// LegacyAlgorithms also offers the key exchanges, ciphers and MACs
	// that older NX-OS releases need and x/crypto (or OpenSSH) leaves out
	// by default: SHA-1 Diffie-Hellman groups, CBC ciphers, hmac-sha1-96.
	LegacyAlgorithms bool
	// Redact scrubs secrets from every command's output before it is kept.
	Redact func(string) string
	// Now is the workstation clock (time.Now when nil).
	Now func() time.Time
	// Debug, when set, is asked once per host for a writer that gets all
	// the device printed in the session (banner, prompts and output, as
	// read), to troubleshoot a login or a prompt. It is raw: the caller
	// redacts it. Close is called, if it has one, when the session ends.
	Debug func(Target) io.Writer
}

// errNoLogin is New's error when no password and no key could be had. The
// words after "password" are lower-case prose: stderr's redaction hides a
// value after it that is not ("password (SLCHECK_PASSWORD" was).
var errNoLogin = errors.New("no way to log in: no password given (SLCHECK_PASSWORD, or run slcheck on a terminal to be asked), no key (--identity, ssh-agent, ~/.ssh/id_*) and no ssh configuration that could name one")

// Defaults for the zero Options fields.
const (
	DefaultConnectTimeout = 15 * time.Second
	DefaultCommandTimeout = 30 * time.Second
	DefaultActiveTimeout  = 20 * time.Second
	DefaultHostTimeout    = 3 * time.Minute
	// A switch's whole running-config or log is a few MiB: these bound an
	// endless or hostile output long before it strains the workstation.
	DefaultMaxCommandOutput = 64 << 20
	DefaultMaxHostOutput    = 256 << 20
)

// Target is one switch to collect from.
type Target struct {
	Host string
	Port int
	// PortGiven says the user gave the port (HOST:PORT, --port): the
	// system transport passes it to OpenSSH only then, so an alias's Port
	// in ~/.ssh/config still applies.
	PortGiven bool
	// User is this switch's login user from an inventory (ansible_user,
	// Nornir's username), used when Options.Auth.User is empty; "" leaves
	// the choice to the ssh configuration, else the current user.
	User string
}

// String is host:port, with brackets for IPv6.
func (t Target) String() string { return net.JoinHostPort(t.Host, strconv.Itoa(t.Port)) }

// ParseTarget reads "host", "host:port", "[v6]:port" or a bare IPv6 address.
func ParseTarget(s string) (Target, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Target{}, errors.New("empty host")
	}
	if h, p, err := net.SplitHostPort(s); err == nil {
		port, err := strconv.Atoi(p)
		if err != nil || port < 1 || port > 65535 {
			return Target{}, fmt.Errorf("%q: bad port %q", s, p)
		}
		if !nxname.Host(h) {
			return Target{}, fmt.Errorf("%q: bad host name", s)
		}
		return Target{Host: h, Port: port, PortGiven: true}, nil
	}
	h := strings.Trim(s, "[]")
	if !nxname.Host(h) {
		return Target{}, fmt.Errorf("%q: bad host name", s)
	}
	return Target{Host: h, Port: 22}, nil
}

// Collector collects from many switches with one set of options; it is
// safe for concurrent use, one session per Collect call.
type Collector struct {
	opt      Options
	ssh      *ssh.ClientConfig
	hostKeys *hostKeyChecker
	config   *sshConfig
	sshBin   string
	keys     *keyring

	mu       sync.Mutex
	checkers map[string]*hostKeyChecker // by an ssh config's known_hosts files

	// textSize is the length of the last session's text, which the next
	// one reserves at once (session.record).
	textSize atomic.Int64
}

// New checks the options once for the whole fleet: known_hosts readable,
// identity decrypted, agent reachable, ssh binary present.
func New(opt Options) (*Collector, error) {
	if opt.ConnectTimeout <= 0 {
		opt.ConnectTimeout = DefaultConnectTimeout
	}
	if opt.CommandTimeout <= 0 {
		opt.CommandTimeout = DefaultCommandTimeout
	}
	if opt.ActiveTimeout <= 0 {
		opt.ActiveTimeout = DefaultActiveTimeout
	}
	if opt.HostTimeout <= 0 {
		opt.HostTimeout = DefaultHostTimeout
	}
	if opt.MaxCommandOutput == 0 {
		opt.MaxCommandOutput = DefaultMaxCommandOutput
	}
	if opt.MaxHostOutput == 0 {
		opt.MaxHostOutput = DefaultMaxHostOutput
	}
	if opt.Redact == nil {
		opt.Redact = func(s string) string { return s }
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	c := &Collector{opt: opt, keys: newKeyring(opt.Auth)}
	switch opt.Transport {
	case "", "default":
		hc, err := opt.HostKeys.checker()
		if err != nil {
			return nil, err
		}
		c.hostKeys = hc
		if c.config, err = loadSSHConfig(opt.SSHConfig); err != nil {
			return nil, err
		}
		if !c.canLogIn() {
			return nil, errNoLogin
		}
		// The host key callback is each dial's (dialer.config).
		c.ssh = &ssh.ClientConfig{User: opt.Auth.User, Timeout: opt.ConnectTimeout}
		if opt.LegacyAlgorithms {
			c.ssh.Config = legacyConfig()
		}
	case "system":
		bin := opt.SSHBin
		if bin == "" {
			bin = "ssh"
		}
		path, err := exec.LookPath(bin)
		if err != nil {
			return nil, fmt.Errorf("--transport system needs the OpenSSH client: %w", err)
		}
		c.sshBin = path
	default:
		return nil, fmt.Errorf("unknown transport %q: want default or system", opt.Transport)
	}
	return c, nil
}

// Close releases what New opened (the ssh-agent connection).
func (c *Collector) Close() { c.keys.close() }

// canLogIn says whether the default transport has anything to log in with
// at all: a password or a terminal to ask one on, an agent, a key file, or
// an ssh configuration that may name one for some host.
func (c *Collector) canLogIn() bool {
	a := c.opt.Auth
	if a.Password != "" || a.AskPassword != nil || a.AgentSocket != "" || a.IdentityFile != "" || c.config.mayNameIdentity() {
		return true
	}
	return slices.ContainsFunc(DefaultIdentityFiles(), func(p string) bool {
		_, err := os.Stat(p)
		return err == nil
	})
}

// checkerFor is the host key checker of an endpoint: the one of the
// options, or, when the options use the default known_hosts and the ssh
// configuration names other files for the host, one for those files.
func (c *Collector) checkerFor(files []string) (*hostKeyChecker, error) {
	if len(files) == 0 || !c.opt.HostKeys.Default || c.opt.HostKeys.Insecure {
		return c.hostKeys, nil
	}
	key := strings.Join(files, "\x00")
	c.mu.Lock()
	defer c.mu.Unlock()
	if hc := c.checkers[key]; hc != nil {
		return hc, nil
	}
	hc, err := HostKeys{Files: files}.checker()
	if err != nil {
		return nil, err
	}
	if c.checkers == nil {
		c.checkers = map[string]*hostKeyChecker{}
	}
	c.checkers[key] = hc
	return hc, nil
}

// user is the login user for t: --username, else the inventory's for t.
func (c *Collector) user(t Target) string {
	if c.opt.Auth.User != "" {
		return c.opt.Auth.User
	}
	return t.User
}

// dialer resolves a target through the ssh configuration.
func (c *Collector) dialer(t Target) (*dialer, error) {
	e, err := c.config.resolve(t.Host, t.Port, t.PortGiven, c.user(t), c.opt.Auth.IdentityFile)
	if err != nil {
		return nil, err
	}
	jumps, err := c.config.jumps(t.Host, c.opt.Auth.IdentityFile)
	if err != nil {
		return nil, err
	}
	return &dialer{jumps: jumps, target: e, base: c.ssh, keys: c.keys, hostKeys: c.checkerFor}, nil
}
