package collect

import (
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/user"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kevinburke/ssh_config"
	"golang.org/x/crypto/ssh"
)

// The default transport reads OpenSSH's configuration (~/.ssh/config, then
// /etc/ssh/ssh_config, or --ssh-config) for what `ssh HOST` would use:
// HostName, Port, User, IdentityFile, UserKnownHostsFile and ProxyJump
// (one hop or more). The system transport leaves all of it to OpenSSH.

// sshConfig is OpenSSH's configuration files, first match wins per keyword
// as in OpenSSH.
type sshConfig struct {
	files []*ssh_config.Config
}

// loadSSHConfig parses the files that exist; a file that does not parse is
// an error naming it.
func loadSSHConfig(paths []string) (*sshConfig, error) {
	c := &sshConfig{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("ssh config %s: %w", p, err)
		}
		f, err := ssh_config.DecodeBytes(b)
		if err != nil {
			return nil, sshConfigError(p, err)
		}
		c.files = append(c.files, f)
	}
	return c, nil
}

// libPosition is how ssh_config places an error: "(LINE, COLUMN): ".
var libPosition = regexp.MustCompile(`^\((\d+), \d+\): (?:ssh_config: )?`)

// sshConfigError names the file and line of what the parser refused, and
// the way out: OpenSSH reads what the library cannot (Match exec, user,
// canonical, final, ...).
func sshConfigError(path string, err error) error {
	msg, line := err.Error(), ""
	if m := libPosition.FindStringSubmatch(msg); m != nil {
		msg, line = msg[len(m[0]):], ":"+m[1]
	}
	return fmt.Errorf("ssh config %s%s: %s: the default transport cannot read this file; use --transport system (OpenSSH reads it), or give -F with a file it can read",
		path, line, strings.TrimSpace(msg))
}

func (c *sshConfig) get(alias, key string) string {
	for _, f := range c.files {
		if v, err := f.Get(alias, key); err == nil && v != "" {
			return v
		}
	}
	return ""
}

func (c *sshConfig) getAll(alias, key string) []string {
	var out []string
	for _, f := range c.files {
		if v, err := f.GetAll(alias, key); err == nil {
			out = append(out, v...)
		}
	}
	return out
}

// mayNameIdentity says whether the configuration names an IdentityFile for
// some host, or includes a file that may.
func (c *sshConfig) mayNameIdentity() bool {
	for _, f := range c.files {
		for _, h := range f.Hosts {
			for _, n := range h.Nodes {
				switch n := n.(type) {
				case *ssh_config.Include:
					return true
				case *ssh_config.KV:
					if strings.EqualFold(n.Key, "IdentityFile") {
						return true
					}
				}
			}
		}
	}
	return false
}

// endpoint is one SSH server on the way: a ProxyJump hop or the switch.
type endpoint struct {
	alias string // as named (an alias of the configuration, or a host)
	addr  string // host:port to dial and to look up in known_hosts
	user  string
	// identities are the identity files to offer, in OpenSSH's order:
	// --identity, the configuration's IdentityFiles, else OpenSSH's
	// defaults; identitiesOnly is IdentitiesOnly yes (no other agent key).
	identities     []string
	identitiesOnly bool
	known          []string // its UserKnownHostsFile, if the configuration names one
}

// resolve applies the configuration to a host as named: hostName and port
// from the command line (portGiven) win over the configuration's, and so
// does identity (--identity), offered before the configuration's files.
func (c *sshConfig) resolve(alias string, port int, portGiven bool, user, identity string) (endpoint, error) {
	e := endpoint{alias: alias, user: user}
	host := alias
	if h := c.get(alias, "HostName"); h != "" {
		host = strings.ReplaceAll(h, "%h", alias)
	}
	if !portGiven {
		port = 22
		if p := c.get(alias, "Port"); p != "" {
			n, err := strconv.Atoi(p)
			if err != nil || n < 1 || n > 65535 {
				return e, fmt.Errorf("ssh config: Host %s: bad Port %q", alias, p)
			}
			port = n
		}
	}
	e.addr = net.JoinHostPort(host, strconv.Itoa(port))
	if e.user == "" {
		e.user = c.get(alias, "User")
	}
	if e.user == "" {
		if u, err := currentUser(); err == nil {
			e.user = u
		}
	}
	tok := tokens{alias: alias, host: host, port: port, user: e.user}
	if identity != "" {
		e.identities = append(e.identities, identity)
	}
	files := c.getAll(alias, "IdentityFile")
	for _, f := range files {
		e.identities = append(e.identities, tok.expand(f))
	}
	if identity == "" && len(files) == 0 {
		e.identities = DefaultIdentityFiles()
	}
	e.identitiesOnly = strings.EqualFold(c.get(alias, "IdentitiesOnly"), "yes")
	for _, f := range c.getAll(alias, "UserKnownHostsFile") {
		for p := range strings.FieldsSeq(f) {
			e.known = append(e.known, tok.expand(p))
		}
	}
	return e, nil
}

// currentUser is the workstation user, OpenSSH's default.
var currentUser = func() (string, error) {
	u, err := user.Current()
	if err != nil {
		return "", err
	}
	return u.Username, nil
}

// tokens are the values of the % tokens of a path in OpenSSH's
// configuration (ssh_config(5), TOKENS).
type tokens struct {
	alias, host string
	port        int
	user        string // the remote user
}

// expand expands ~ and the %C, %d, %h, %i, %k, %L, %l, %n, %p, %r, %u and
// %% tokens of a path, as OpenSSH does for IdentityFile and
// UserKnownHostsFile.
func (t tokens) expand(p string) string {
	p = expandHome(p)
	home, _ := os.UserHomeDir()
	local, _ := currentUser()
	long, _ := os.Hostname()
	short, _, _ := strings.Cut(long, ".")
	port := strconv.Itoa(t.port)
	hash := sha1.Sum([]byte(long + t.host + port + t.user))
	r := strings.NewReplacer("%%", "%", "%C", hex.EncodeToString(hash[:]), "%d", home, "%h", t.host,
		"%i", strconv.Itoa(os.Getuid()), "%k", t.alias, "%L", short, "%l", long, "%n", t.alias,
		"%p", port, "%r", t.user, "%u", local)
	return r.Replace(p)
}

// jumps are the ProxyJump hops of alias, in the order they are dialled:
// "[user@]host[:port]" each, resolved through the configuration like any
// host. "none" is none. As OpenSSH (ssh -J A,B runs `ssh -W ... A` for
// the first hop), the first hop's own ProxyJump applies before it, so a
// bastion reached through another bastion works; the later hops' own
// ProxyJump do not. A chain that comes back to a host is an error.
func (c *sshConfig) jumps(alias, identity string) ([]endpoint, error) {
	return c.jumpChain(alias, identity, map[string]bool{strings.ToLower(alias): true})
}

func (c *sshConfig) jumpChain(alias, identity string, seen map[string]bool) ([]endpoint, error) {
	v := c.get(alias, "ProxyJump")
	if v == "" || strings.EqualFold(v, "none") {
		return nil, nil
	}
	var out []endpoint
	for hop := range strings.SplitSeq(v, ",") {
		hop = strings.TrimSpace(strings.TrimPrefix(hop, "ssh://"))
		u, h, ok := strings.Cut(hop, "@")
		if !ok {
			u, h = "", hop
		}
		port, given := 22, false
		if hh, p, err := net.SplitHostPort(h); err == nil {
			n, err := strconv.Atoi(p)
			if err != nil || n < 1 || n > 65535 {
				return nil, fmt.Errorf("ssh config: Host %s: bad ProxyJump %q", alias, hop)
			}
			h, port, given = hh, n, true
		}
		if h == "" {
			return nil, fmt.Errorf("ssh config: Host %s: bad ProxyJump %q", alias, hop)
		}
		e, err := c.resolve(h, port, given, u, identity)
		if err != nil {
			return nil, err
		}
		if len(out) == 0 {
			if seen[strings.ToLower(h)] {
				return nil, fmt.Errorf("ssh config: Host %s: ProxyJump %q leads back to %s", alias, v, h)
			}
			seen[strings.ToLower(h)] = true
			before, err := c.jumpChain(h, identity, seen)
			if err != nil {
				return nil, err
			}
			out = append(out, before...)
		}
		out = append(out, e)
	}
	return out, nil
}

// dialer connects to the switch, through its ProxyJump hops if any, within
// one deadline for every TCP connect, handshake and authentication.
type dialer struct {
	jumps    []endpoint
	target   endpoint
	base     *ssh.ClientConfig // algorithms, timeout
	keys     *keyring
	hostKeys func(files []string) (*hostKeyChecker, error)
}

// dial returns the switch's SSH connection; close ends it and the hops.
func (d *dialer) dial(deadline time.Duration) (ssh.Conn, <-chan ssh.NewChannel, <-chan *ssh.Request, func(), error) {
	start := time.Now()
	var clients []*ssh.Client
	closeAll := func() {
		for i := len(clients) - 1; i >= 0; i-- {
			clients[i].Close()
		}
	}
	var conn net.Conn
	var clk *clock
	if len(d.jumps) > 0 {
		var stop func()
		clk, stop = hopClock(deadline, func() {
			if conn != nil {
				conn.Close()
			}
			closeAll()
		})
		defer stop()
	}
	hops := append(append([]endpoint{}, d.jumps...), d.target)
	for i, e := range hops {
		var err error
		if i == 0 {
			conn, err = net.DialTimeout("tcp", e.addr, deadline)
			if err == nil && clk == nil {
				direct := conn
				clk = newClock(deadline-time.Since(start), func(end time.Time) { direct.SetDeadline(end) })
			}
		} else {
			conn, err = clients[i-1].Dial("tcp", e.addr)
		}
		if err != nil {
			closeAll()
			return nil, nil, nil, nil, hopError(e, i < len(hops)-1, err)
		}
		cfg, l, err := d.config(e, clk.pause)
		if err != nil {
			conn.Close()
			closeAll()
			return nil, nil, nil, nil, err
		}
		c, chans, reqs, err := ssh.NewClientConn(conn, e.addr, cfg)
		if err != nil {
			conn.Close()
			closeAll()
			return nil, nil, nil, nil, hopError(e, i < len(hops)-1, l.explain(err))
		}
		if i == 0 {
			conn.SetDeadline(time.Time{})
		}
		if i == len(hops)-1 {
			return c, chans, reqs, closeAll, nil
		}
		clients = append(clients, ssh.NewClient(c, chans, reqs))
	}
	panic("unreachable")
}

// hopClock bounds a dial through jump hosts, whose connections have no
// deadline of their own: at the deadline, closeAll closes what is open.
// The clock moves the deadline (a password being typed pauses it); stop
// ends the timer.
func hopClock(deadline time.Duration, closeAll func()) (clk *clock, stop func()) {
	var mu sync.Mutex
	timer := time.AfterFunc(deadline, func() {
		mu.Lock()
		defer mu.Unlock()
		closeAll()
	})
	clk = newClock(deadline, func(end time.Time) {
		if end.IsZero() {
			timer.Stop()
		} else {
			timer.Reset(time.Until(end))
		}
	})
	return clk, func() { timer.Stop() }
}

// config is the client configuration for one endpoint: its user, its
// login (keys, then password), its known_hosts.
func (d *dialer) config(e endpoint, pause func() func()) (*ssh.ClientConfig, *login, error) {
	cfg := *d.base
	cfg.User = e.user
	l := &login{r: d.keys, e: e, pause: pause}
	l.config(&cfg)
	hc, err := d.hostKeys(e.known)
	if err != nil {
		return nil, nil, err
	}
	known := hc.lookup(e.addr)
	cfg.HostKeyCallback = known.callback
	cfg.HostKeyAlgorithms = known.algorithms()
	return &cfg, l, nil
}

// clock is one dial's deadline. It stops while the user is asked for a
// password or a passphrase: a person typing is not a slow switch.
type clock struct {
	mu     sync.Mutex
	end    time.Time
	left   time.Duration // what was left when it stopped
	paused int
	arm    func(end time.Time) // the zero time disarms
}

func newClock(d time.Duration, arm func(time.Time)) *clock {
	c := &clock{end: time.Now().Add(d), arm: arm}
	arm(c.end)
	return c
}

// pause stops the clock until the returned resume is called.
func (c *clock) pause() func() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.paused == 0 {
		c.left = time.Until(c.end)
		c.arm(time.Time{})
	}
	c.paused++
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.paused--; c.paused == 0 {
			c.end = time.Now().Add(c.left)
			c.arm(c.end)
		}
	}
}

// hopError says which ProxyJump hop failed, keeping the cause for
// classify.
func hopError(e endpoint, jump bool, err error) error {
	var hk *HostKeyError
	if errors.As(err, &hk) {
		hk.Jump = jump
		return err
	}
	if !jump {
		return err
	}
	return &jumpError{alias: e.alias, addr: e.addr, err: err}
}

// jumpError is a failure at a ProxyJump host rather than at the switch:
// classify words the cause and names the host.
type jumpError struct {
	alias, addr string
	err         error
}

func (e *jumpError) Error() string {
	return fmt.Sprintf("%s: %v", e.where(), e.err)
}

func (e *jumpError) Unwrap() error { return e.err }

func (e *jumpError) where() string {
	return fmt.Sprintf("at ProxyJump host %s (%s)", e.alias, e.addr)
}
