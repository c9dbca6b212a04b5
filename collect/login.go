package collect

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/scrapli/scrapligo/util"
)

// Logging in is done by slcheck, not by scrapligo's in-channel
// authentication: that one takes the first prompt-shaped line for the
// prompt (a pre-login banner's "ACCESS#" had slcheck type `terminal width
// 511` into OpenSSH's password prompt), never sees OpenSSH's reasons (they
// go to a log file, -E) and waits out its timeout at a question it cannot
// answer. Nothing but the password, the key's passphrase and bare Enters is
// typed before the prompt is confirmed.

var (
	// passwordPrompt and passphrasePrompt are OpenSSH's questions on the
	// terminal: "(admin@sw1) Password: ", "admin@sw1's password: ",
	// "Enter passphrase for key '/home/u/.ssh/id': ".
	passwordPrompt   = regexp.MustCompile(`(?i)password:\s*$`)
	passphrasePrompt = regexp.MustCompile(`(?i)passphrase for key .*:\s*$`)
	// hostKeyQuestion is OpenSSH asking to trust an unknown key, which
	// happens (StrictHostKeyChecking=yes is given for the switch only) for
	// a ProxyJump bastion.
	hostKeyQuestion = regexp.MustCompile(`Are you sure you want to continue connecting`)
	// questionHost and questionKey read the host and key of that question.
	questionHost = regexp.MustCompile(`The authenticity of host '([^' ]+)(?: \(([^)]*)\))?' can't be established`)
	questionKey  = regexp.MustCompile(`(\S+) key fingerprint is (SHA256:\S+?)\.?\s*$`)
)

// confirmPrompt finds the switch's prompt after login. A line of the
// banner or the message of the day may look like a prompt (`ACCESS#`,
// `core-01>`), so slcheck presses Enter once and takes a prompt only when
// what was printed ends with it and holds it at least twice on lines of
// their own: the prompt the switch printed at login, and the one the
// Enter brought back. (A switch reading the Enter while it still prints
// may put both on one line.) got is what was read of the login already.
func (s *session) confirmPrompt(ctx context.Context, got []byte) (string, error) {
	if err := s.d.Channel.WriteReturn(); err != nil {
		return "", err
	}
	for {
		if p := settledPrompt(got); p != "" {
			return p, nil
		}
		b, err := s.next(ctx)
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				return "", &Failure{Kind: KindPrompt, Step: "login", Err: err,
					Msg: fmt.Sprintf("logged in, but no NX-OS prompt (`name# `) appeared within %s; the device printed: %q",
						s.budget("login"), lastPrinted(got))}
			}
			return "", err
		}
		got = append(got, b...)
	}
}

// settledPrompt is the prompt b ends with once it holds that prompt on
// lines of its own at least twice, else "".
func settledPrompt(b []byte) string {
	last := strings.Fields(string(lastLineOf(b)))
	if len(last) == 0 || !loginPrompt.MatchString(last[0]) {
		return ""
	}
	p, n := last[0], 0
	for l := range strings.SplitSeq(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) == 0 || slices.ContainsFunc(f, func(w string) bool { return w != p }) {
			continue
		}
		n += len(f)
	}
	if n < 2 || slices.ContainsFunc(last, func(w string) bool { return w != p }) {
		return ""
	}
	return p
}

// lastPrinted is the last non-blank line of b.
func lastPrinted(b []byte) string {
	lines := strings.Split(strings.TrimRight(string(b), " \n"), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// systemLogin follows OpenSSH until it has authenticated: it answers each
// password question (`user@host's password:`) and the passphrase question
// once (the same question again means the answer was refused: slcheck
// does not try again, so a run costs the switch's AAA one failed attempt
// at most; another host's question is a ProxyJump host's, which the
// default transport offers the password too), stops at a host key question,
// and ends when OpenSSH logs that it authenticated or exits. It returns
// what the terminal showed after the last answer: the switch's banner and
// first prompt may come before OpenSSH's log says it logged in.
func (s *session) systemLogin(ctx context.Context, st *systemTransport) ([]byte, error) {
	opt := s.c.opt
	var seen []byte
	typedPassword, typedPassphrase := map[string]bool{}, false
	for {
		if st.authenticated() {
			return seen, nil
		}
		last := bytes.TrimLeft(lastLineOf(seen), " ")
		switch {
		case hostKeyQuestion.Match(seen):
			return nil, questionError(string(seen))
		case passphrasePrompt.Match(last):
			if opt.Auth.Passphrase == "" {
				return nil, fmt.Errorf("%w: OpenSSH asked for a key's passphrase and none was given (set SLCHECK_PASSPHRASE)", util.ErrAuthError)
			}
			if typedPassphrase {
				return nil, fmt.Errorf("%w: OpenSSH asked again for the key's passphrase", util.ErrAuthError)
			}
			typedPassphrase, seen = true, nil
			if err := s.typeSecret(opt.Auth.Passphrase); err != nil {
				return nil, err
			}
		case passwordPrompt.Match(last):
			if opt.Auth.Password == "" {
				return nil, fmt.Errorf("%w: OpenSSH asked for a password and none was given (set SLCHECK_PASSWORD)", util.ErrAuthError)
			}
			q := string(bytes.TrimSpace(last))
			if typedPassword[q] {
				return nil, fmt.Errorf("%w: OpenSSH asked again %q", util.ErrAuthError, q)
			}
			typedPassword[q], seen = true, nil
			if err := s.typeSecret(opt.Auth.Password); err != nil {
				return nil, err
			}
		}
		b, err := s.nextOrLog(ctx, st)
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) && len(bytes.TrimSpace(last)) > 0 {
				return nil, fmt.Errorf("%w: OpenSSH asked %q, which slcheck cannot answer", util.ErrTimeoutError, string(bytes.TrimSpace(last)))
			}
			return nil, err
		}
		seen = append(seen, b...)
	}
}

// nextOrLog waits for the next bytes on OpenSSH's terminal, or for OpenSSH
// to log that it authenticated (it prints nothing on the terminal then).
func (s *session) nextOrLog(ctx context.Context, st *systemTransport) ([]byte, error) {
	for {
		b, err := s.d.Channel.Read()
		if err != nil || len(b) > 0 {
			return b, err
		}
		if st.authenticated() {
			return nil, nil
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		time.Sleep(readDelay)
	}
}

// typeSecret types a password or passphrase and Enter; scrapligo's own
// log shows it as "redacted".
func (s *session) typeSecret(secret string) error {
	if err := s.d.Channel.Write([]byte(secret), true); err != nil {
		return err
	}
	return s.d.Channel.WriteReturn()
}

// questionError is the host key failure of OpenSSH's question about an
// unknown key (a ProxyJump bastion's): its host and fingerprint.
func questionError(q string) *HostKeyError {
	hk := &HostKeyError{Jump: true}
	if m := questionHost.FindStringSubmatch(q); m != nil {
		hk.Addr = m[1]
	}
	for l := range strings.SplitSeq(q, "\n") {
		if m := questionKey.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			hk.KeyType, hk.Fingerprint = m[1], m[2]
		}
	}
	return hk
}
