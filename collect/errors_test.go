package collect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scrapli/scrapligo/util"
	"github.com/slcheck/slcheck/redact"
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
		kind     FailureKind
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
			// slcheck's own advice holds no secret: stderr's redaction
			// must leave it whole.
			if got := (redact.Policy{}).Line(f.Msg); got != f.Msg {
				t.Errorf("redacted as\n%s\nwant\n%s", got, f.Msg)
			}
		})
	}
}

// New's error without a password or a key reaches stderr through its
// redaction whole: it names where a password comes from, not one.
func TestNoLoginNotRedacted(t *testing.T) {
	if msg, got := errNoLogin.Error(), (redact.Policy{}).Line(errNoLogin.Error()); got != msg {
		t.Errorf("redacted as\n%s\nwant\n%s", got, msg)
	}
}

// OpenSSH's ConnectTimeout over a switch that accepts TCP and sends no
// banner is a timeout whether scrapligo was still at connect or already
// waiting at login when ssh gave up (which one depends on the machine's
// load: TestCollectFaults/system/stall_after_TCP); the same words printed
// by the switch, not OpenSSH, decide nothing.
func TestClassifyBannerTimeout(t *testing.T) {
	const said = "Connection timed out during banner exchange\nConnection to 127.0.0.1 port 2222 timed out"
	tests := []struct {
		name, step, log, sshLog string
		kind                    FailureKind
	}{
		{"at connect", "connect", "", said, KindTimeout},
		{"at login", "login", "", said, KindTimeout},
		{"switch's words at login", "login", "Connection timed out during banner exchange", "", KindDropped},
		{"at a command", "show version", "", said, KindDropped},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := classify(io.EOF, tc.step, tc.log, tc.sshLog, false, time.Second, time.Minute, Target{Host: "sw1", Port: 2222})
			if f.Kind != tc.kind {
				t.Errorf("kind %s (%s), want %s", f.Kind, f.Msg, tc.kind)
			}
		})
	}
}

// A failure at a ProxyJump host keeps its kind and says which host it was,
// not the switch; a refused connection names the address dialled (an
// alias's HostName and Port, not the name reported); OpenSSH's terminal
// line for a hop (its own ssh writes there, not in the -E log) is quoted
// with the log.
func TestClassifyJumpHost(t *testing.T) {
	tg := Target{Host: "sw1", Port: 22}
	hop := endpoint{alias: "bastion", addr: "127.0.0.1:2200"}
	tests := []struct {
		name, log, sshLog string
		err               error
		kind              FailureKind
		want              string
	}{
		{"refused", "", "", hopError(hop, true, &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}), KindRefused, "at ProxyJump host bastion (127.0.0.1:2200): connection refused"},
		{"refused at the alias's address", "", "", &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 2222}, Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)},
			KindRefused, "connection refused at 127.0.0.1:2222: nothing listens"},
		{"auth", "", "", hopError(hop, true, errors.New("ssh: handshake failed: ssh: unable to authenticate, attempted methods [none password]")), KindAuth, "at ProxyJump host bastion (127.0.0.1:2200): authentication failed"},
		{"timeout", "", "", hopError(hop, true, context.DeadlineExceeded), KindTimeout, "at ProxyJump host bastion (127.0.0.1:2200): timed out"},
		{"the switch itself", "", "", hopError(hop, false, errors.New("ssh: handshake failed: ssh: unable to authenticate")), KindAuth, "authentication failed"},
		{"OpenSSH's hop line", "ssh: connect to host 127.0.0.1 port 2200: Connection refused\r\n", "kex_exchange_identification: Connection closed by remote host",
			util.ErrConnectionError, KindRefused, "OpenSSH said: ssh: connect to host 127.0.0.1 port 2200: Connection refused kex_exchange_identification"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := classify(tc.err, "connect", tc.log, tc.sshLog, false, time.Second, time.Minute, tg)
			if f.Kind != tc.kind || !strings.Contains(f.Msg, tc.want) {
				t.Errorf("%s: %s, want %s: %s", f.Kind, f.Msg, tc.kind, tc.want)
			}
			if tc.name == "the switch itself" && strings.Contains(f.Msg, "ProxyJump") {
				t.Errorf("the switch's own failure names a bastion: %s", f.Msg)
			}
		})
	}
}
