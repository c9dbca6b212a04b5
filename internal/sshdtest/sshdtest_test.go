package sshdtest

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
	"github.com/slcheck/slcheck/internal/nxsim"
)

func TestMain(m *testing.M) {
	Main()
	os.Exit(m.Run())
}

// The NX-OS shell starts without the start-up files of the account that
// runs the tests: sshd runs it through the account's login shell, and a
// ~/.bashrc that waits (pyenv's rehash lock, shared by every login on the
// machine) kept the prompt away for tens of seconds whenever other tests
// logged in at the same time. Main refuses to run with the account's HOME,
// so this fails at once, not after a timeout, if sshd_config stops
// setting HOME to the server's directory.
func TestShellStartsWithoutAccountStartupFiles(t *testing.T) {
	s := Start(t, Config{Device: nxsim.Config{Hostname: "sw1"}})
	key, err := os.ReadFile(s.Identity)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.ParsePrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ssh.Dial("tcp", s.Addr, &ssh.ClientConfig{User: s.User, Auth: []ssh.AuthMethod{ssh.PublicKeys(signer)},
		HostKeyCallback: ssh.FixedHostKey(s.HostKeys[0]), Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 24, 80, ssh.TerminalModes{ssh.ECHO: 1}); err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	// Until the prompt, or until the session ends (Main refused to run).
	var got []byte
	buf := make([]byte, 4096)
	for !bytes.Contains(got, []byte("sw1# ")) {
		n, err := out.Read(buf)
		got = append(got, buf[:n]...)
		if err != nil {
			t.Fatalf("the session ended before the prompt (%v); the shell printed:\n%s", err, got)
		}
	}
	if strings.Contains(string(got), "sshdtest:") {
		t.Errorf("the shell complained:\n%s", got)
	}
}
