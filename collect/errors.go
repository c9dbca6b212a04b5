package collect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/scrapli/scrapligo/util"
	"golang.org/x/crypto/ssh"
)

// FailureKind is a kind of host failure; each has its own remedy for the
// operator.
type FailureKind string

// The kinds of host failure.
const (
	KindRefused     FailureKind = "refused"     // nothing listens on the SSH port
	KindUnreachable FailureKind = "unreachable" // no route, name does not resolve
	KindAuth        FailureKind = "auth"        // credentials rejected
	KindHostKey     FailureKind = "host-key"    // unknown or changed host key
	KindTimeout     FailureKind = "timeout"     // connect, login or a command took too long
	KindPrompt      FailureKind = "prompt"      // logged in, but no NX-OS prompt appeared
	KindDropped     FailureKind = "dropped"     // the session ended in the middle
	KindInternal    FailureKind = "internal"    // slcheck refused to send a command
	// KindAlgorithm: the switch and slcheck share no key exchange,
	// cipher, MAC or host key algorithm.
	KindAlgorithm FailureKind = "algorithm-mismatch"
	// KindOutputLimit: a command or the session printed more than its
	// limit.
	KindOutputLimit FailureKind = "output-limit"
	// KindExecMode: the switch left exec mode (its prompt or echo).
	KindExecMode FailureKind = "exec-mode"
)

var errNotReadOnly = errors.New("not a read-only command")

// Failure is why a host could not be collected.
type Failure struct {
	Kind FailureKind
	// Step is what was being done: "connect", "login", or the command.
	Step string
	Msg  string
	Err  error
}

func (f *Failure) Error() string { return f.Msg }
func (f *Failure) Unwrap() error { return f.Err }

// classify turns what scrapligo, x/crypto or OpenSSH said into a Failure.
// step is "connect" until the transport is open, "login" until the prompt
// was seen, then the command; log is the tail of what the device (or
// OpenSSH's terminal) printed, sshLog what the system transport's OpenSSH
// logged (its own account of a failure; "" for the default transport).
// The rules are tried in order: the first that knows the failure words it.
func classify(err error, step, log, sshLog string, hostDeadline bool, stepTimeout, hostTimeout time.Duration, t Target) *Failure {
	var given *Failure
	if errors.As(err, &given) {
		return given
	}
	c := &failureCause{err: err, step: step, hostDeadline: hostDeadline, stepTimeout: stepTimeout, hostTimeout: hostTimeout, t: t}
	c.said = sshSaid(sshLog)
	if l := sshTerminalLine(log); sshLog != "" && l != "" && !strings.Contains(c.said, l) {
		// A ProxyJump hop's ssh writes on the terminal, not in the log.
		c.said = strings.TrimSpace(l + " " + c.said)
	}
	if c.said != "" {
		log = c.said + "\n" + log
	}
	c.log, c.low = log, strings.ToLower(log)
	f := &Failure{Step: step, Err: err}
	for _, rule := range []func(*failureCause, *Failure) bool{(*failureCause).typed, (*failureCause).network, (*failureCause).ended} {
		if rule(c, f) {
			break
		}
	}
	var jump *jumpError
	if errors.As(err, &jump) && f.Kind != KindHostKey && !strings.Contains(f.Msg, jump.where()) {
		// The words above are the switch's; the fault is a bastion's.
		f.Msg = jump.where() + ": " + f.Msg
	}
	return f
}

// failureCause is what classify knows of a failure: the error, the step,
// the log with what OpenSSH said (said) first, and low, the log in lower
// case.
type failureCause struct {
	err                      error
	step, log, low, said     string
	hostDeadline             bool
	stepTimeout, hostTimeout time.Duration
	t                        Target
}

// typed words the errors slcheck and x/crypto name by type, an algorithm
// mismatch OpenSSH logged, and the host's deadline.
func (c *failureCause) typed(f *Failure) bool {
	var hk *HostKeyError
	var alg *ssh.AlgorithmNegotiationError
	var lim *OutputLimitError
	var mode *ModeError
	switch {
	case errors.As(c.err, &hk):
		f.Kind, f.Msg = KindHostKey, hk.Error()
	case errors.Is(c.err, errNotReadOnly):
		f.Kind, f.Msg = KindInternal, c.err.Error()
	case errors.As(c.err, &lim):
		f.Kind, f.Msg = KindOutputLimit, fmt.Sprintf("%s during %s: the switch was left at once", lim, stepName(c.step))
	case errors.As(c.err, &mode):
		f.Kind, f.Msg = KindExecMode, mode.Error()
	case errors.As(c.err, &alg):
		f.Kind, f.Msg = KindAlgorithm, mismatchMessage(alg.What, alg.RequestedAlgorithms, alg.SupportedAlgorithms, false)
	case sshMismatch.MatchString(c.log):
		m := sshMismatch.FindStringSubmatch(c.log)
		f.Kind, f.Msg = KindAlgorithm, mismatchMessage(m[1], strings.Split(m[2], ","), nil, false)
	case c.hostDeadline:
		f.Kind, f.Msg = KindTimeout, fmt.Sprintf("the host's overall deadline (%s) passed during %s", c.hostTimeout, stepName(c.step))
	default:
		return false
	}
	return true
}

// network words what the network, OpenSSH or the switch refused: the
// name, the port, the route, the host key, the credentials.
func (c *failureCause) network(f *Failure) bool {
	var dns *net.DNSError
	low, said := c.low, c.said
	switch {
	case errors.As(c.err, &dns) || strings.Contains(low, "could not resolve hostname"):
		f.Kind, f.Msg = KindUnreachable, "the host name does not resolve: "+firstLine(c.err, c.log)
	case errors.Is(c.err, syscall.ECONNREFUSED) || strings.Contains(low, "connection refused"):
		f.Kind, f.Msg = KindRefused, "connection refused"+dialled(c.err)+": nothing listens on that SSH port (is `feature ssh` on, is the port right?)"+openSSHSaid(said)
	case errors.Is(c.err, syscall.EHOSTUNREACH) || errors.Is(c.err, syscall.ENETUNREACH) || strings.Contains(low, "no route to host") || strings.Contains(low, "network is unreachable"):
		f.Kind, f.Msg = KindUnreachable, "host unreachable: "+firstLine(c.err, c.log)+openSSHSaid(said)
	case strings.Contains(low, "host key verification failed") || strings.Contains(low, "remote host identification has changed") ||
		strings.Contains(low, "revoked host key"):
		f.Kind, f.Msg = KindHostKey, "OpenSSH refused the host key: "+sshLines(c.log)+
			fmt.Sprintf(" `ssh-keyscan -p %d %s | ssh-keygen -lf -` shows its fingerprint: compare it with `show ssh key` on the switch console, then add the key to known_hosts; --insecure-ignore-host-key skips the check. Nothing was sent to the switch.", c.t.Port, c.t.Host)
	case strings.Contains(c.err.Error(), "unable to authenticate") || errors.Is(c.err, util.ErrAuthError) ||
		((c.step == "login" || c.step == "connect") && strings.Contains(low, "permission denied")):
		f.Kind, f.Msg = KindAuth, "authentication failed for this user: check the user name, the password from SLCHECK_PASSWORD or the prompt, the key, and the switch's AAA set-up"
		if _, why, ok := strings.Cut(c.err.Error(), util.ErrAuthError.Error()+": "); ok {
			f.Msg += "; " + why
		}
		f.Msg += openSSHSaid(said)
	default:
		return false
	}
	return true
}

// ended words a step that timed out or a session that ended, and last
// whatever else failed.
func (c *failureCause) ended(f *Failure) bool {
	var ne net.Error
	step, timeout := c.step, c.stepTimeout.String()
	switch {
	case errors.As(c.err, &ne) && ne.Timeout(), errors.Is(c.err, context.DeadlineExceeded),
		step == "connect" && strings.Contains(c.low, "timed out"),
		// OpenSSH's own ConnectTimeout, when it fires after the transport
		// is open (a busy machine starts ssh before the banner is due).
		step == "login" && strings.Contains(c.said, "timed out during banner exchange"):
		f.Kind, f.Msg = KindTimeout, fmt.Sprintf("timed out during %s after %s (the host accepts TCP but did not complete SSH set-up in time)", stepName(step), timeout)
	case errors.Is(c.err, util.ErrTimeoutError) && (step == "login" || step == "connect"):
		f.Step = "login"
		f.Kind, f.Msg = KindTimeout, fmt.Sprintf("login did not complete within %s: %v", timeout, c.err)
		f.Msg += openSSHSaid(c.said)
	case errors.Is(c.err, util.ErrTimeoutError):
		f.Kind, f.Msg = KindTimeout, fmt.Sprintf("`%s` did not complete within %s (raise --timeout for slow devices)", step, timeout)
	case errors.Is(c.err, io.EOF) || errors.Is(c.err, util.ErrConnectionError) || errors.Is(c.err, net.ErrClosed):
		switch {
		case c.said != "":
			f.Kind, f.Msg = KindDropped, "the connection closed during "+stepName(step)+"; OpenSSH said: "+c.said
		case step == "connect" || step == "login":
			f.Kind, f.Msg = KindDropped, "the connection closed during "+stepName(step)+": "+firstLine(c.err, c.log)
		default:
			f.Kind, f.Msg = KindDropped, fmt.Sprintf("the session dropped during `%s`", step)
		}
	default:
		f.Kind, f.Msg = KindDropped, fmt.Sprintf("%s failed: %v", stepName(step), c.err)
	}
	return true
}

func stepName(step string) string {
	switch step {
	case "connect", "login":
		return step
	}
	return "`" + step + "`"
}

// sshLines keeps OpenSSH's own diagnostic lines (fingerprints included).
func sshLines(log string) string {
	var keep []string
	for _, l := range strings.Split(log, "\n") {
		l = strings.TrimSpace(l)
		if strings.Contains(l, "SHA256:") || strings.Contains(strings.ToLower(l), "host key") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, " ")
}

func firstLine(err error, log string) string {
	if l := sshTerminalLine(log); l != "" {
		return l
	}
	return err.Error()
}

// sshTerminalLine is the first of OpenSSH's "ssh: ..." lines in log.
func sshTerminalLine(log string) string {
	for l := range strings.SplitSeq(log, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(strings.ToLower(l), "ssh:") {
			return l
		}
	}
	return ""
}

// dialled names the address a refused connection went to, " at
// HOST:PORT": an alias's HostName and Port come from the ssh
// configuration, not from the name the host is reported under.
func dialled(err error) string {
	var op *net.OpError
	if errors.As(err, &op) && op.Addr != nil {
		return " at " + op.Addr.String()
	}
	return ""
}

// openSSHSaid quotes OpenSSH's account (said) after slcheck's words, which
// name the switch: through ProxyJump, OpenSSH's lines tell which host
// failed.
func openSSHSaid(said string) string {
	if said == "" {
		return ""
	}
	return "; OpenSSH said: " + said
}

// sshSaidLines is how many of OpenSSH's last messages are quoted.
const sshSaidLines = 3

// sshSaid is OpenSSH's own account of a failure: the last messages of its
// log that are not debug lines ("Permission denied (publickey,password).",
// "Unable to negotiate with ...").
func sshSaid(log string) string {
	var keep []string
	for l := range strings.SplitSeq(log, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "debug") || strings.HasPrefix(l, "Authenticated to ") ||
			strings.HasPrefix(l, "Transferred: ") || strings.HasPrefix(l, "Bytes per second") {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep[max(0, len(keep)-sshSaidLines):], " ")
}
