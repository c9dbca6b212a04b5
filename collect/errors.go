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
)

// Kinds of host failure; each has its own remedy for the operator.
const (
	KindRefused     = "refused"     // nothing listens on the SSH port
	KindUnreachable = "unreachable" // no route, name does not resolve
	KindAuth        = "auth"        // credentials rejected
	KindHostKey     = "host-key"    // unknown or changed host key
	KindTimeout     = "timeout"     // connect, login or a command took too long
	KindPrompt      = "prompt"      // logged in, but no NX-OS prompt appeared
	KindDropped     = "dropped"     // the session ended in the middle
	KindInternal    = "internal"    // slcheck refused to send a command
)

var errNotReadOnly = errors.New("not a read-only command")

// Failure is why a host could not be collected.
type Failure struct {
	Kind string
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
// OpenSSH) printed, the only account of a system transport failure.
func classify(err error, step, log string, hostDeadline bool, stepTimeout, hostTimeout time.Duration, t Target) *Failure {
	f := &Failure{Step: step, Err: err}
	timeout := stepTimeout.String()
	var hk *HostKeyError
	var dns *net.DNSError
	var ne net.Error
	low := strings.ToLower(log)
	switch {
	case errors.As(err, &hk):
		f.Kind, f.Msg = KindHostKey, hk.Error()
	case errors.Is(err, errNotReadOnly):
		f.Kind, f.Msg = KindInternal, err.Error()
	case hostDeadline:
		f.Kind, f.Msg = KindTimeout, fmt.Sprintf("the host's overall deadline (%s) passed during %s", hostTimeout, stepName(step))
	case errors.As(err, &dns) || strings.Contains(low, "could not resolve hostname"):
		f.Kind, f.Msg = KindUnreachable, "the host name does not resolve: "+firstLine(err, log)
	case errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(low, "connection refused"):
		f.Kind, f.Msg = KindRefused, "connection refused: nothing listens on that SSH port (is `feature ssh` on, is the port right?)"
	case errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH) || strings.Contains(low, "no route to host") || strings.Contains(low, "network is unreachable"):
		f.Kind, f.Msg = KindUnreachable, "host unreachable: "+firstLine(err, log)
	case strings.Contains(low, "host key verification failed") || strings.Contains(low, "remote host identification has changed"):
		f.Kind, f.Msg = KindHostKey, "OpenSSH refused the host key: "+sshLines(log)+
			fmt.Sprintf(" `ssh-keyscan -p %d %s | ssh-keygen -lf -` shows its fingerprint: compare it with `show ssh key` on the switch console, then add the key to known_hosts; --insecure-ignore-host-key skips the check. Nothing was sent to the switch.", t.Port, t.Host)
	case strings.Contains(err.Error(), "unable to authenticate") || errors.Is(err, util.ErrAuthError) ||
		(step == "login" && strings.Contains(low, "permission denied")):
		f.Kind, f.Msg = KindAuth, "authentication failed for this user: check the user name, the password (SLCHECK_PASSWORD or the prompt), the key, and the switch's AAA set-up"
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded),
		step == "connect" && strings.Contains(low, "timed out"):
		f.Kind, f.Msg = KindTimeout, fmt.Sprintf("timed out during %s after %s (the host accepts TCP but did not complete SSH set-up in time)", stepName(step), timeout)
	case errors.Is(err, util.ErrTimeoutError) && (step == "login" || step == "connect" && strings.TrimSpace(log) != ""):
		// OpenSSH logs in inside the channel: output but no prompt means
		// the login worked and the prompt is not an NX-OS one.
		f.Step = "login"
		f.Kind, f.Msg = KindPrompt, fmt.Sprintf("logged in, but no NX-OS prompt (`name# `) appeared within %s; the device printed: %q", timeout, lastLine(log))
	case errors.Is(err, util.ErrTimeoutError):
		f.Kind, f.Msg = KindTimeout, fmt.Sprintf("`%s` did not complete within %s (raise --timeout for slow devices)", step, timeout)
	case errors.Is(err, io.EOF) || errors.Is(err, util.ErrConnectionError) || errors.Is(err, net.ErrClosed):
		if step == "connect" || step == "login" {
			f.Kind, f.Msg = KindDropped, "the connection closed during "+stepName(step)+": "+firstLine(err, log)
		} else {
			f.Kind, f.Msg = KindDropped, fmt.Sprintf("the session dropped during `%s`", step)
		}
	default:
		f.Kind, f.Msg = KindDropped, fmt.Sprintf("%s failed: %v", stepName(step), err)
	}
	return f
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
	for _, l := range strings.Split(log, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(strings.ToLower(l), "ssh:") {
			return l
		}
	}
	return err.Error()
}

func lastLine(log string) string {
	lines := strings.Split(strings.TrimRight(log, " \n"), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
