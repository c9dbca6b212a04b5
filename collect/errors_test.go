package collect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/scrapli/scrapligo/util"
	"golang.org/x/crypto/ssh"
)

// classify on errors the loopback tests cannot provoke without sending a
// packet elsewhere (DNS, unreachable networks), and on the system
// transport's bare errors whose only account is OpenSSH's output.
func TestClassify(t *testing.T) {
	opErr := func(err error) error {
		return &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", err)}
	}
	tg := Target{Host: "sw1", Port: 22}
	tests := []struct {
		name     string
		err      error
		step     string
		log      string
		deadline bool
		kind     string
	}{
		{"name does not resolve", &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "sw1"}}, "connect", "", false, KindUnreachable},
		{"OpenSSH cannot resolve", fmt.Errorf("%w", util.ErrConnectionError), "connect", "ssh: Could not resolve hostname sw1: Name or service not known", false, KindUnreachable},
		{"no route", opErr(syscall.EHOSTUNREACH), "connect", "", false, KindUnreachable},
		{"network unreachable", opErr(syscall.ENETUNREACH), "connect", "", false, KindUnreachable},
		{"refused", opErr(syscall.ECONNREFUSED), "connect", "", false, KindRefused},
		{"OpenSSH refused", util.ErrConnectionError, "connect", "ssh: connect to host sw1 port 22: Connection refused", false, KindRefused},
		{"OpenSSH host key", util.ErrConnectionError, "connect", "Host key verification failed.", false, KindHostKey},
		{"auth", errors.New("ssh: handshake failed: ssh: unable to authenticate, attempted methods [none password]"), "connect", "", false, KindAuth},
		{"OpenSSH auth", util.ErrAuthError, "login", "", false, KindAuth},
		{"connect timeout", context.DeadlineExceeded, "connect", "", false, KindTimeout},
		{"host deadline wins", io.EOF, "show version", "", true, KindTimeout},
		{"command timeout", util.ErrTimeoutError, "show version", "", false, KindTimeout},
		{"login question", fmt.Errorf("%w: OpenSSH asked %q", util.ErrTimeoutError, "Verification code:"), "login", "", false, KindTimeout},
		{"no prompt", &Failure{Kind: KindPrompt, Step: "login", Msg: "no prompt"}, "login", "switch% ", false, KindPrompt},
		{"OpenSSH mismatch", util.ErrConnectionError, "connect", "Unable to negotiate with 127.0.0.1 port 2222: no matching cipher found. Their offer: aes128-cbc,3des-cbc", false, KindAlgorithm},
		{"OpenSSH permission denied", util.ErrConnectionError, "connect", "admin@127.0.0.1: Permission denied (password).", false, KindAuth},
		{"x/crypto mismatch", &ssh.AlgorithmNegotiationError{What: "client to server cipher", RequestedAlgorithms: []string{"aes128-cbc"}, SupportedAlgorithms: []string{"aes128-gcm@openssh.com"}}, "connect", "", false, KindAlgorithm},
		{"output limit", &OutputLimitError{Limit: 64 << 20}, "show version", "", false, KindOutputLimit},
		{"exec mode", &ModeError{Cmd: "show version", Prompt: "n9k(config)#"}, "show version", "", false, KindExecMode},
		{"dropped", io.EOF, "show running-config", "", false, KindDropped},
		{"refused to send", fmt.Errorf("%w: refused to send %q", errNotReadOnly, "conf t"), "show version", "", false, KindInternal},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := classify(tc.err, tc.step, tc.log, "", tc.deadline, time.Second, time.Minute, tg)
			if f.Kind != tc.kind {
				t.Errorf("kind %s (%s), want %s", f.Kind, f.Msg, tc.kind)
			}
			if f.Msg == "" || !errors.Is(f, tc.err) {
				t.Errorf("message %q, unwraps to the cause: %v", f.Msg, errors.Is(f, tc.err))
			}
		})
	}
}
