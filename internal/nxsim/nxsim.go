// Package nxsim is a fake Cisco NX-OS switch reached over real SSH on
// loopback: it answers show commands with canned text (a scenario capture),
// echoes every byte as a terminal does, and can be told to misbehave the way
// real devices and networks do. slcheck's SSH tests and `slcheck demo` run
// against it; it never listens on anything but loopback.
package nxsim

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/ssh"
)

// Config describes one fake device.
type Config struct {
	// Addr to listen on; "" means 127.0.0.1:0. Only loopback is accepted.
	Addr string
	// Hostname is shown in the prompt ("switch" when empty).
	Hostname string
	// Users maps user name to password, accepted by password and
	// keyboard-interactive authentication.
	Users map[string]string
	// KeyboardInteractiveOnly refuses the "password" method, as NX-OS does
	// behind some AAA servers.
	KeyboardInteractiveOnly bool
	// PasswordOnly refuses keyboard-interactive: OpenSSH then asks
	// "user@host's password:".
	PasswordOnly bool
	// AuthorizedKeys are accepted for public key authentication, any user.
	AuthorizedKeys []ssh.PublicKey
	// HostKey signs the handshake; nil generates a fresh ed25519 key.
	// HostKeys are more keys the device holds (a switch may have ed25519,
	// ecdsa and rsa keys): the client's preference picks one.
	HostKey  ssh.Signer
	HostKeys []ssh.Signer
	// Algorithms, when set, are the only key exchanges, ciphers and MACs
	// offered (an older release's); the host key algorithms follow from
	// the host keys (ssh.NewSignerWithAlgorithms narrows an RSA key).
	Algorithms *ssh.Config
	// PreLogin is sent before authentication (SSH_MSG_USERAUTH_BANNER,
	// which OpenSSH prints on the terminal); MOTD is printed after login
	// and Banner, before the first prompt, one line at a time.
	PreLogin, MOTD string
	// Forward accepts direct-tcpip channels to loopback addresses: the
	// device is then a ProxyJump bastion.
	Forward bool
	// Outputs maps a command (whitespace collapsed, as typed) to its output.
	// Commands not found are answered as NX-OS does for an unknown command.
	// ping and telnet commands fall back to an output for the same target
	// (see lookup), so a scenario's `ping HOST vrf V` answers
	// `ping HOST vrf V count 2` too.
	Outputs map[string]string
	// Banner is sent after the login line and before the first prompt,
	// byte for byte (a login banner, an MOTD, a hostile switch's escape
	// sequences).
	Banner string
	Faults Faults
}

// Faults make the device misbehave.
type Faults struct {
	// StallAfterTCP accepts the TCP connection and never speaks SSH.
	StallAfterTCP bool
	// NoEcho stops echoing typed bytes.
	NoEcho bool
	// Prompt replaces the prompt (e.g. "switch% ", which matches no NX-OS
	// prompt pattern).
	Prompt string
	// Delay is added before every command's output; Delays per command.
	Delay  time.Duration
	Delays map[string]time.Duration
	// DropOn drops the connection in the middle of this command's output.
	DropOn string
	// Denied commands answer "% Permission denied for the role" (an RBAC
	// role that may not run them).
	Denied map[string]bool
	// PageLength pages every output with `--More--` every PageLength
	// lines until `terminal length 0` is accepted; TerminalLength is
	// "refuse" (an invalid command) or "ignore" (accepted, no effect).
	// PageErase is what the pager writes to erase its mark on a key
	// ("\r\x1b[K" when empty).
	PageLength     int
	TerminalLength string
	PageErase      string
	// Echo shows another line than the one typed (typed in one piece):
	// Enter then runs the shown one.
	Echo map[string]string
	// Endless answers this command with an endless line, in chunks of 32
	// KiB EndlessPace apart (0: as fast as the client reads).
	Endless     string
	EndlessPace time.Duration
	// ModeAfter leaves exec mode after this command's output: the prompt
	// becomes the configuration one.
	ModeAfter string
}

// Received is one thing the device received in a session: a line typed at
// a prompt (Mode "exec", "config" or "telnet"), or a control key.
type Received struct {
	Session int
	Mode    string
	Text    string
}

// Device is a running fake switch.
type Device struct {
	cfg     Config
	sshCfg  *ssh.ServerConfig
	ln      net.Listener
	hostKey ssh.Signer

	mu       sync.Mutex
	failed   int // failed authentication attempts
	received []Received
	forwards []string // "host:port" of each direct-tcpip channel opened
	sessions int
	conns    map[net.Conn]bool
	closed   bool
	wg       sync.WaitGroup
}

// Start listens on loopback and serves until Close.
func Start(cfg Config) (*Device, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	host, _, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("nxsim: refusing to listen on %s: loopback only", cfg.Addr)
	}
	if cfg.Hostname == "" {
		cfg.Hostname = "switch"
	}
	d := &Device{cfg: cfg, conns: map[net.Conn]bool{}, hostKey: cfg.HostKey}
	if d.hostKey == nil {
		if d.hostKey, err = NewHostKey(); err != nil {
			return nil, err
		}
	}
	d.sshCfg = d.serverConfig()
	d.ln, err = listen(cfg.Addr)
	if err != nil {
		return nil, err
	}
	d.wg.Add(1)
	go d.accept()
	return d, nil
}

// listen listens on addr with plain TCP and no keepalive, as a switch's
// SSH server: Go's listeners are otherwise Multipath TCP where the kernel
// has it (a client's plain TCP then falls back, at a cost per connection)
// and set keepalive on each connection they accept, four system calls for
// probes that a session on loopback never sends (BenchmarkConnect).
func listen(addr string) (net.Listener, error) {
	lc := net.ListenConfig{KeepAlive: -1}
	lc.SetMultipathTCP(false)
	return lc.Listen(context.Background(), "tcp", addr)
}

// NewHostKey makes an ed25519 host key, for devices that must share one.
func NewHostKey() (ssh.Signer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return ssh.NewSignerFromKey(priv)
}

// Addr is the address the device listens on.
func (d *Device) Addr() string { return d.ln.Addr().String() }

// Port is the TCP port the device listens on.
func (d *Device) Port() int { return d.ln.Addr().(*net.TCPAddr).Port }

// HostKey is the device's public host key.
func (d *Device) HostKey() ssh.PublicKey { return d.hostKey.PublicKey() }

// FailedLogins counts the password and keyboard-interactive answers that
// were refused: what a switch's AAA server would count.
func (d *Device) FailedLogins() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.failed
}

func (d *Device) loginFailed() error {
	d.mu.Lock()
	d.failed++
	d.mu.Unlock()
	return errors.New("bad password")
}

// Received returns everything received so far, in order.
func (d *Device) Received() []Received {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Received(nil), d.received...)
}

// Forwards lists the "host:port" each ProxyJump channel through the device
// went to, in order: a test sees which bastions a connection crossed.
func (d *Device) Forwards() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.forwards...)
}

// Violations returns what the device received that a read-only client
// must never send: any line in configuration mode, an exec line allowed
// refuses, and in a telnet session anything but the keys that close it
// (^], "quit" at telnet>, ^C). Tests and the demo assert it is empty.
func (d *Device) Violations(allowed func(cmd string) bool) []Received {
	var out []Received
	for _, r := range d.Received() {
		ok := false
		switch r.Mode {
		case "exec":
			ok = allowed(r.Text)
		case "telnet":
			ok = r.Text == "^]" || r.Text == "quit" || r.Text == "^C"
		}
		if !ok {
			out = append(out, r)
		}
	}
	return out
}

// Close stops listening, drops every connection and waits for the
// device's goroutines to end.
func (d *Device) Close() error {
	d.mu.Lock()
	d.closed = true
	for c := range d.conns {
		c.Close()
	}
	d.mu.Unlock()
	err := d.ln.Close()
	d.wg.Wait()
	return err
}

func (d *Device) serverConfig() *ssh.ServerConfig {
	c := &ssh.ServerConfig{
		PasswordCallback: func(m ssh.ConnMetadata, pw []byte) (*ssh.Permissions, error) {
			if want, ok := d.cfg.Users[m.User()]; ok && want == string(pw) {
				return nil, nil
			}
			return nil, d.loginFailed()
		},
		KeyboardInteractiveCallback: func(m ssh.ConnMetadata, ch ssh.KeyboardInteractiveChallenge) (*ssh.Permissions, error) {
			ans, err := ch("", "", []string{"Password: "}, []bool{false})
			if err != nil {
				return nil, err
			}
			if want, ok := d.cfg.Users[m.User()]; ok && len(ans) == 1 && ans[0] == want {
				return nil, nil
			}
			return nil, d.loginFailed()
		},
		PublicKeyCallback: func(_ ssh.ConnMetadata, k ssh.PublicKey) (*ssh.Permissions, error) {
			for _, a := range d.cfg.AuthorizedKeys {
				if string(a.Marshal()) == string(k.Marshal()) {
					return nil, nil
				}
			}
			return nil, errors.New("unknown key")
		},
	}
	if d.cfg.KeyboardInteractiveOnly {
		c.PasswordCallback = nil
	}
	if d.cfg.PasswordOnly {
		c.KeyboardInteractiveCallback = nil
	}
	if d.cfg.Algorithms != nil {
		c.Config = *d.cfg.Algorithms
	}
	if d.cfg.PreLogin != "" {
		c.BannerCallback = func(ssh.ConnMetadata) string { return d.cfg.PreLogin }
	}
	c.AddHostKey(d.hostKey)
	for _, k := range d.cfg.HostKeys {
		c.AddHostKey(k)
	}
	return c
}

func (d *Device) track(c net.Conn, add bool) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if add {
		if d.closed {
			return false
		}
		d.conns[c] = true
	} else {
		delete(d.conns, c)
	}
	return true
}

func (d *Device) accept() {
	defer d.wg.Done()
	for {
		c, err := d.ln.Accept()
		if err != nil {
			return
		}
		if !d.track(c, true) {
			c.Close()
			return
		}
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			defer d.track(c, false)
			defer c.Close()
			d.serveConn(c)
		}()
	}
}

func (d *Device) serveConn(c net.Conn) {
	if d.cfg.Faults.StallAfterTCP {
		// Read and discard until the client gives up or Close drops us.
		buf := make([]byte, 512)
		for {
			if _, err := c.Read(buf); err != nil {
				return
			}
		}
	}
	_, chans, reqs, err := ssh.NewServerConn(bufferedConn{c, bufio.NewReaderSize(c, 512)}, d.sshCfg)
	if err != nil {
		return
	}
	go ssh.DiscardRequests(reqs)
	for nc := range chans {
		if nc.ChannelType() == "direct-tcpip" && d.cfg.Forward {
			go d.forward(nc)
			continue
		}
		if nc.ChannelType() != "session" {
			nc.Reject(ssh.UnknownChannelType, "only sessions")
			continue
		}
		ch, creqs, err := nc.Accept()
		if err != nil {
			return
		}
		d.mu.Lock()
		d.sessions++
		id := d.sessions
		d.mu.Unlock()
		d.serveSession(c, id, ch, creqs)
	}
}

// bufferedConn reads a connection through a buffer: x/crypto reads the
// client's version line a byte at a time, a system call each, before it
// buffers the connection itself (whose reads of 4 KiB then go past this
// buffer once it is empty).
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c bufferedConn) Read(p []byte) (int, error) { return c.r.Read(p) }

func (d *Device) record(session int, mode, text string) {
	d.mu.Lock()
	d.received = append(d.received, Received{Session: session, Mode: mode, Text: text})
	d.mu.Unlock()
}

// include answers `BASE | include PATTERN` as NX-OS does, from any output
// of BASE (whole, or already filtered by another include): the lines that
// match the regular expression.
func (d *Device) include(base, pat string) (string, bool) {
	re, err := regexp.Compile(pat)
	if err != nil {
		re = regexp.MustCompile(regexp.QuoteMeta(pat))
	}
	out, found := d.cfg.Outputs[base]
	if !found {
		for k, o := range d.cfg.Outputs {
			if kb, _, _ := strings.Cut(k, " | "); kb == base && (!found || k < base) {
				out, found, base = o, true, k
			}
		}
	}
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if re.MatchString(l) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n"), found
}

// lookup finds the output of a command. ping and telnet fall back to an
// output for the same verb and target host, because slcheck adds options
// (count, vrf) a scenario's operator may not have typed. Of several (a
// capture that pinged the host from two VRFs), the one whose command
// shares the most leading words with cmd is the answer, then the least
// command: the same one every time, whatever the map's order.
func (d *Device) lookup(cmd string) (string, bool) {
	if out, ok := d.cfg.Outputs[cmd]; ok {
		return out, true
	}
	if base, pat, ok := strings.Cut(cmd, " | include "); ok {
		return d.include(base, pat)
	}
	f := strings.Fields(cmd)
	if len(f) < 2 || (f[0] != "ping" && f[0] != "telnet") {
		return "", false
	}
	best, shared := "", 0
	for k := range d.cfg.Outputs {
		kf := strings.Fields(k)
		if len(kf) < 2 || kf[0] != f[0] || kf[1] != f[1] {
			continue
		}
		n := 2
		for n < len(kf) && n < len(f) && kf[n] == f[n] {
			n++
		}
		if n > shared || n == shared && k < best {
			best, shared = k, n
		}
	}
	if shared == 0 {
		return "", false
	}
	return d.cfg.Outputs[best], true
}

// forward serves a direct-tcpip channel (ssh -J, x/crypto's Dial through
// a client) to a loopback address only.
func (d *Device) forward(nc ssh.NewChannel) {
	var req struct {
		Host       string
		Port       uint32
		OriginHost string
		OriginPort uint32
	}
	if err := ssh.Unmarshal(nc.ExtraData(), &req); err != nil {
		nc.Reject(ssh.ConnectionFailed, "bad request")
		return
	}
	if ip := net.ParseIP(req.Host); ip == nil || !ip.IsLoopback() {
		nc.Reject(ssh.Prohibited, "loopback only")
		return
	}
	addr := net.JoinHostPort(req.Host, strconv.Itoa(int(req.Port)))
	d.mu.Lock()
	d.forwards = append(d.forwards, addr)
	d.mu.Unlock()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		nc.Reject(ssh.ConnectionFailed, err.Error())
		return
	}
	ch, reqs, err := nc.Accept()
	if err != nil {
		c.Close()
		return
	}
	go ssh.DiscardRequests(reqs)
	go func() { io.Copy(ch, c); ch.CloseWrite() }()
	io.Copy(c, ch)
	c.Close()
	ch.Close()
}
