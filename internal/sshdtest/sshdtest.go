// Package sshdtest runs a real OpenSSH server (/usr/sbin/sshd) on
// loopback whose login shell answers like NX-OS (nxsim's shell), so that
// the system transport is tested against OpenSSH on both ends: its
// algorithm negotiation, banners, host keys and certificates, messages and
// ProxyJump. Each connection the test's listener accepts gets its own
// `sshd -i` (inetd mode), so no port is ever raced for, and its shell
// runs with the server's directory as HOME, so the start-up files of the
// account running the tests never run before it. Tests that use it
// call Main first in their TestMain, which turns the test binary into the
// shell when sshd starts it.
package sshdtest

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/term"

	"github.com/slcheck/slcheck/internal/nxsim"
)

// SSHD is the OpenSSH server the tests run; CI installs it
// (openssh-server in .ci/run).
const SSHD = "/usr/sbin/sshd"

// shellArg marks the test binary's run as the login shell.
const shellArg = "sshdtest-nxos-shell"

// Main runs the NX-OS shell and exits when sshd started the test binary as
// its ForceCommand; otherwise it returns at once. Call it first in
// TestMain.
func Main() {
	if len(os.Args) != 3 || os.Args[1] != shellArg {
		return
	}
	b, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var cfg nxsim.Config
	if err := json.Unmarshal(b, &cfg); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if home, dir := os.Getenv("HOME"), filepath.Dir(os.Args[2]); home != dir {
		// sshd ran us through the account's login shell with the
		// account's HOME: its start-up files (~/.bashrc) ran first, and
		// they may wait on what other logins hold.
		fmt.Fprintf(os.Stderr, "sshdtest: the shell runs with HOME=%s, not %s: the account's start-up files ran before it\n", home, dir)
		os.Exit(2)
	}
	if term.IsTerminal(0) {
		// The shell echoes and ends its lines itself, as NX-OS does.
		if st, err := term.MakeRaw(0); err == nil {
			defer term.Restore(0, st)
		}
	}
	nxsim.Shell(cfg, os.Stdin, os.Stdout)
	os.Exit(0)
}

// Config is one server.
type Config struct {
	// Device is what the shell answers: Hostname, Outputs, MOTD, Faults
	// (users, keys and algorithms are sshd's, below).
	Device nxsim.Config
	// HostKeyTypes are the host keys to make: "ed25519" (the default),
	// "ecdsa", "rsa".
	HostKeyTypes []string
	// CA, when set, signs a host certificate for each host key, valid for
	// the principal 127.0.0.1.
	CA ssh.Signer
	// Password enables password authentication (no account has a password
	// the tests know: it is for refusals); keys are always accepted.
	Password bool
	// Banner is shown before authentication.
	Banner string
	// AuthorizedKeys are accepted besides the server's own client key
	// (Server.Identity).
	AuthorizedKeys []ssh.PublicKey
	// Options are more sshd_config lines ("Ciphers aes128-cbc", ...).
	Options []string
}

// Server is a running sshd.
type Server struct {
	// Addr is 127.0.0.1:port; Port the port.
	Addr string
	Port int
	// User is the account to log in as (the one running the tests), with
	// the private key in Identity.
	User     string
	Identity string
	// HostKeys are the server's public host keys, in HostKeyTypes order.
	HostKeys []ssh.PublicKey
	// Log is sshd's own log file.
	Log string

	ln  net.Listener
	dir string
	wg  sync.WaitGroup
	mu  sync.Mutex
	cmd map[*exec.Cmd]bool
}

// Start runs sshd for one test, or skips the test where sshd is missing or
// cannot run here, saying why.
func Start(t testing.TB, cfg Config) *Server {
	t.Helper()
	if _, err := os.Stat(SSHD); err != nil {
		t.Skipf("no %s (install openssh-server): the system transport is not tested against OpenSSH's server", SSHD)
	}
	if os.Geteuid() == 0 {
		// sshd run by root wants its privilege separation directory,
		// which the package's service would create at boot.
		if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
			t.Skipf("sshd needs /run/sshd: %v", err)
		}
	}
	dir := t.TempDir()
	s := &Server{dir: dir, cmd: map[*exec.Cmd]bool{}, Log: filepath.Join(dir, "sshd.log")}
	u, err := user.Current()
	if err != nil {
		t.Skipf("no current user to log in as: %v", err)
	}
	s.User = u.Username
	lines := []string{
		"AuthorizedKeysFile " + filepath.Join(dir, "authorized_keys"),
		"StrictModes no", "UsePAM no", "PrintMotd no", "PrintLastLog no", "PidFile none",
		"KbdInteractiveAuthentication no", "AllowTcpForwarding yes", "PermitUserEnvironment no",
		"PasswordAuthentication " + map[bool]string{true: "yes", false: "no"}[cfg.Password],
		// sshd starts ForceCommand through the account's login shell,
		// which reads its start-up files from HOME: the account's
		// ~/.bashrc may take tens of seconds, or wait on a lock other
		// logins hold (pyenv's rehash). This directory has none.
		"SetEnv HOME=" + dir, "PermitUserRC no",
	}
	types := cfg.HostKeyTypes
	if len(types) == 0 {
		types = []string{"ed25519"}
	}
	for _, kt := range types {
		signer, path := WriteKey(t, dir, "host_"+kt, kt)
		s.HostKeys = append(s.HostKeys, signer.PublicKey())
		lines = append(lines, "HostKey "+path)
		if cfg.CA != nil {
			cert := &ssh.Certificate{Key: signer.PublicKey(), CertType: ssh.HostCert, KeyId: "nxsim " + kt,
				ValidPrincipals: []string{"127.0.0.1"}, ValidBefore: ssh.CertTimeInfinity}
			if err := cert.SignCert(rand.Reader, cfg.CA); err != nil {
				t.Fatal(err)
			}
			certPath := path + "-cert.pub"
			write(t, certPath, ssh.MarshalAuthorizedKey(cert))
			lines = append(lines, "HostCertificate "+certPath)
		}
	}
	client, ident := WriteKey(t, dir, "id_client", "ed25519")
	s.Identity = ident
	authorized := ssh.MarshalAuthorizedKey(client.PublicKey())
	for _, k := range cfg.AuthorizedKeys {
		authorized = append(authorized, ssh.MarshalAuthorizedKey(k)...)
	}
	write(t, filepath.Join(dir, "authorized_keys"), authorized)
	if cfg.Banner != "" {
		write(t, filepath.Join(dir, "banner"), []byte(cfg.Banner))
		lines = append(lines, "Banner "+filepath.Join(dir, "banner"))
	}
	dev, err := json.Marshal(cfg.Device)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "device.json"), dev)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	lines = append(lines, cfg.Options...)
	lines = append(lines, fmt.Sprintf("ForceCommand %s %s %s", exe, shellArg, filepath.Join(dir, "device.json")))
	conf := filepath.Join(dir, "sshd_config")
	write(t, conf, []byte(strings.Join(lines, "\n")+"\n"))
	if out, err := exec.Command(SSHD, "-t", "-f", conf).CombinedOutput(); err != nil {
		t.Skipf("sshd cannot run here: %v: %s", err, out)
	}
	if s.ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	s.Addr = s.ln.Addr().String()
	s.Port = s.ln.Addr().(*net.TCPAddr).Port
	s.wg.Add(1)
	go s.accept(conf)
	t.Cleanup(func() {
		s.Close()
		if t.Failed() {
			b, _ := os.ReadFile(s.Log)
			t.Logf("sshd's log:\n%s", b)
		}
	})
	return s
}

// accept gives each connection its own sshd in inetd mode.
func (s *Server) accept(conf string) {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		f, err := c.(*net.TCPConn).File()
		c.Close()
		if err != nil {
			continue
		}
		cmd := exec.Command(SSHD, "-i", "-f", conf, "-E", s.Log)
		cmd.Stdin, cmd.Stdout = f, f
		if err := cmd.Start(); err != nil {
			f.Close()
			continue
		}
		s.mu.Lock()
		s.cmd[cmd] = true
		s.mu.Unlock()
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			cmd.Wait()
			f.Close()
			s.mu.Lock()
			delete(s.cmd, cmd)
			s.mu.Unlock()
		}()
	}
}

// Close stops listening and ends the sshd processes it started.
func (s *Server) Close() {
	s.ln.Close()
	s.mu.Lock()
	for c := range s.cmd {
		c.Process.Kill()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// KnownHostsLine is the known_hosts line trusting key at the server.
func (s *Server) KnownHostsLine(key ssh.PublicKey) string {
	return fmt.Sprintf("[127.0.0.1]:%d %s", s.Port, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(key))))
}

// NewKey makes a private key of type kt ("ed25519", "ecdsa" P-256 or
// "rsa" 2048-bit) and its signer, for tests that need a key of their own.
func NewKey(t testing.TB, kt string) (priv any, signer ssh.Signer) {
	t.Helper()
	var err error
	switch kt {
	case "ed25519":
		_, priv, err = ed25519.GenerateKey(rand.Reader)
	case "ecdsa":
		priv, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case "rsa":
		priv, err = rsa.GenerateKey(rand.Reader, 2048)
	default:
		t.Fatalf("unknown key type %q", kt)
	}
	if err != nil {
		t.Fatal(err)
	}
	if signer, err = ssh.NewSignerFromKey(priv); err != nil {
		t.Fatal(err)
	}
	return priv, signer
}

// WriteKey makes a private key of type kt (as NewKey) and writes it in
// OpenSSH's format, unencrypted, to dir/name.
func WriteKey(t testing.TB, dir, name, kt string) (ssh.Signer, string) {
	t.Helper()
	priv, signer := NewKey(t, kt)
	blk, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	write(t, path, pem.EncodeToMemory(blk))
	return signer, path
}

func write(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
