package collect

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/user"
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
			return nil, fmt.Errorf("ssh config %s:%w", p, err)
		}
		c.files = append(c.files, f)
	}
	return c, nil
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

// endpoint is one SSH server on the way: a ProxyJump hop or the switch.
type endpoint struct {
	alias string // as named (an alias of the configuration, or a host)
	addr  string // host:port to dial and to look up in known_hosts
	user  string
	keys  []ssh.Signer // the IdentityFiles of its configuration
	known []string     // its UserKnownHostsFile, if the configuration names one
}

// resolve applies the configuration to a host as named: hostName and port
// from the command line (portGiven) win over the configuration's.
func (c *sshConfig) resolve(alias string, port int, portGiven bool, user string) (endpoint, error) {
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
	for _, f := range c.getAll(alias, "IdentityFile") {
		path := expandTokens(f, alias, host, e.user)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		s, err := LoadIdentity(path, "")
		if err != nil {
			// An encrypted key is left to the agent, which holds it
			// decrypted if the user logs in with it.
			continue
		}
		e.keys = append(e.keys, s)
	}
	for _, f := range c.getAll(alias, "UserKnownHostsFile") {
		for p := range strings.FieldsSeq(f) {
			e.known = append(e.known, expandTokens(p, alias, host, e.user))
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

// expandTokens expands ~ and the %d, %h, %n, %r, %u and %% tokens of a
// path in OpenSSH's configuration.
func expandTokens(p, alias, host, remoteUser string) string {
	p = expandHome(p)
	home, _ := os.UserHomeDir()
	local, _ := currentUser()
	r := strings.NewReplacer("%%", "%", "%d", home, "%h", host, "%n", alias, "%r", remoteUser, "%u", local)
	return r.Replace(p)
}

// jumps are the ProxyJump hops of alias, in order: "[user@]host[:port]"
// each, resolved through the configuration like any host. "none" is none.
func (c *sshConfig) jumps(alias string) ([]endpoint, error) {
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
		e, err := c.resolve(h, port, given, u)
		if err != nil {
			return nil, err
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
	base     *ssh.ClientConfig // auth methods, algorithms, timeout
	hostKeys func(files []string) (*hostKeyChecker, error)
}

// dial returns the switch's SSH connection; close ends it and the hops.
func (d *dialer) dial(deadline time.Duration) (ssh.Conn, <-chan ssh.NewChannel, <-chan *ssh.Request, func(), error) {
	var clients []*ssh.Client
	closeAll := func() {
		for i := len(clients) - 1; i >= 0; i-- {
			clients[i].Close()
		}
	}
	var conn net.Conn
	if len(d.jumps) > 0 {
		// Through a hop, the connection has no deadline of its own.
		var mu sync.Mutex
		timer := time.AfterFunc(deadline, func() {
			mu.Lock()
			defer mu.Unlock()
			if conn != nil {
				conn.Close()
			}
			closeAll()
		})
		defer timer.Stop()
	}
	hops := append(append([]endpoint{}, d.jumps...), d.target)
	for i, e := range hops {
		var err error
		if i == 0 {
			conn, err = net.DialTimeout("tcp", e.addr, deadline)
			if err == nil {
				conn.SetDeadline(time.Now().Add(deadline))
			}
		} else {
			conn, err = clients[i-1].Dial("tcp", e.addr)
		}
		if err != nil {
			closeAll()
			return nil, nil, nil, nil, hopError(e, i < len(hops)-1, err)
		}
		cfg, err := d.config(e)
		if err != nil {
			conn.Close()
			closeAll()
			return nil, nil, nil, nil, err
		}
		c, chans, reqs, err := ssh.NewClientConn(conn, e.addr, cfg)
		if err != nil {
			conn.Close()
			closeAll()
			return nil, nil, nil, nil, hopError(e, i < len(hops)-1, err)
		}
		if i == len(hops)-1 {
			if i == 0 {
				conn.SetDeadline(time.Time{})
			}
			return c, chans, reqs, closeAll, nil
		}
		if i == 0 {
			conn.SetDeadline(time.Time{})
		}
		clients = append(clients, ssh.NewClient(c, chans, reqs))
	}
	panic("unreachable")
}

// config is the client configuration for one endpoint: its user, its
// configuration's keys before the shared methods, its known_hosts.
func (d *dialer) config(e endpoint) (*ssh.ClientConfig, error) {
	cfg := *d.base
	cfg.User = e.user
	if len(e.keys) > 0 {
		cfg.Auth = append([]ssh.AuthMethod{ssh.PublicKeys(e.keys...)}, d.base.Auth...)
	}
	hc, err := d.hostKeys(e.known)
	if err != nil {
		return nil, err
	}
	cfg.HostKeyCallback = hc.callback
	cfg.HostKeyAlgorithms = hc.algorithms(e.addr)
	return &cfg, nil
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
	return fmt.Errorf("ProxyJump host %s (%s): %w", e.alias, e.addr, err)
}
