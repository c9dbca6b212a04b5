package collect

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/scrapli/scrapligo/util"
)

// What slcheck reads between typing a command and getting the prompt back.
// scrapligo's SendCommand waits for any character-wise likeness of the
// echo, then for a prompt anywhere in the last kilobyte, with no bound on
// what it holds: slcheck types and reads itself, on scrapligo's channel,
// so that it knows where each output begins and ends, never presses Enter
// after an echo that is not what it typed, turns a pager's pages, and
// stops at once when the switch leaves exec mode.

// pagerMark is NX-OS's pager prompt, at the end of what was read when the
// switch waits for a key (`terminal length 0` refused or ignored).
var pagerMark = []byte("--More--")

// ModeError is a switch that left exec mode, or echoed something else than
// what was typed: slcheck sent nothing more.
type ModeError struct {
	Cmd string
	// Prompt is the prompt the switch showed instead of its exec one;
	// Echo what it echoed instead of Cmd.
	Prompt, Echo string
}

func (e *ModeError) Error() string {
	if e.Prompt != "" {
		return fmt.Sprintf("the switch left exec mode: after `%s` its prompt became `%s`; nothing more was sent", e.Cmd, e.Prompt)
	}
	return fmt.Sprintf("the switch left exec mode: it echoed %q for `%s`, not what was typed; Enter was not pressed and nothing more was sent", e.Echo, e.Cmd)
}

// next waits for the next bytes the channel read, until ctx ends.
func (s *session) next(ctx context.Context) ([]byte, error) {
	for {
		b, err := s.d.Channel.Read()
		if err != nil {
			if lim := s.g.overLimit(); lim != nil {
				return nil, lim
			}
			return nil, err
		}
		if len(b) > 0 {
			return b, nil
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s.wait(ctx)
	}
}

// wait returns when the channel may have something new to read: bytes
// queued (scrapligo writes them to the channel log right after queueing
// them, which wakes s.arrived), a read error, or the end of ctx. A fleet
// waits mostly on slow switches: polling the queue every ReadDelay, as
// scrapligo's own reads do, cost 200 sessions 200 000 wake-ups a second.
// Once the transport failed, scrapligo hands the error over without a
// signal (its error channel, the end of its read loop): the queue is
// polled again until it does.
func (s *session) wait(ctx context.Context) {
	if s.g.readFailed() {
		time.Sleep(readDelay)
		return
	}
	select {
	case <-s.arrived:
	case <-ctx.Done():
	}
}

// timedOut turns the end of a step's context into scrapligo's timeout
// error, which classify words for the step.
func timedOut(err error, what string) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: %s", util.ErrTimeoutError, what)
	}
	return err
}

// lastLineOf is what follows the last newline of b.
func lastLineOf(b []byte) []byte {
	return b[bytes.LastIndexByte(b, '\n')+1:]
}

// command types cmd at the exec prompt, checks its echo, presses Enter and
// returns what the switch printed before its prompt came back: each line
// with its trailing blanks removed, without the echo and the prompt, pager
// marks removed. interim, when set, also ends the output (the telnet
// test's "Escape character is" line); hit says it did.
func (s *session) command(cmd string, timeout time.Duration, interim *regexp.Regexp) (out string, hit bool, err error) {
	ctx, cancel := context.WithTimeout(s.ctx, timeout)
	defer cancel()
	if err := s.d.Channel.Write([]byte(cmd), false); err != nil {
		return "", false, err
	}
	rest, err := s.echo(ctx, cmd)
	if err != nil {
		return "", false, err
	}
	if err := s.d.Channel.WriteReturn(); err != nil {
		return "", false, err
	}
	buf := rest
	// line is where the last line of buf starts: only what a read adds is
	// searched, so an endless line costs no more than its bytes.
	line := bytes.LastIndexByte(buf, '\n') + 1
	// fresh is where the lines that the last read completed or began
	// start, for interim (a line of a long line's end is not one).
	fresh := 0
	for {
		last := buf[line:]
		switch {
		case s.atPrompt(last):
			return cleanOutput(buf[:line]), false, nil
		case interim != nil && interim.Match(buf[fresh:]):
			return cleanOutput(buf), true, nil
		case bytes.HasSuffix(bytes.TrimRight(last, " "), pagerMark):
			// Turn the page; the mark goes, and the guard strips the
			// pager's erase from what comes next.
			buf = buf[:line]
			if err := s.d.Channel.Write([]byte(pageKey), false); err != nil {
				return "", false, err
			}
			s.paged = true
		case s.inOtherMode(last):
			s.clean = false
			return "", false, &ModeError{Cmd: cmd, Prompt: strings.TrimSpace(string(last))}
		}
		b, err := s.next(ctx)
		if err != nil {
			return "", false, timedOut(err, "channel timeout sending input to device")
		}
		fresh = line
		if len(buf)-line > 4096 {
			// Inside a long line: a line that matters starts after it.
			fresh = len(buf)
		}
		if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
			line = len(buf) + i + 1
		}
		buf = append(buf, b...)
	}
}

// echo reads the switch's echo of cmd and returns what followed it. It
// skips the prompts that extra Enters of the login left, and fails at
// once, without Enter, when the echo is not cmd.
func (s *session) echo(ctx context.Context, cmd string) ([]byte, error) {
	var buf []byte
	for {
		for {
			t := bytes.TrimLeft(buf, "\n ")
			if p, ok := bytes.CutPrefix(t, []byte(s.prompt)); ok {
				t = bytes.TrimLeft(p, " ")
			}
			if len(t) == len(buf) {
				break
			}
			buf = t
		}
		switch {
		case len(buf) >= len(cmd) && string(buf[:len(cmd)]) == cmd:
			return buf[len(cmd):], nil
		case len(buf) > 0 && !strings.HasPrefix(cmd, string(buf)) && !strings.HasPrefix(s.prompt, string(buf)):
			if s.inOtherMode(lastLineOf(buf)) {
				s.clean = false
				return nil, &ModeError{Cmd: cmd, Prompt: strings.TrimSpace(string(lastLineOf(buf)))}
			}
			s.clean = false
			return nil, &ModeError{Cmd: cmd, Echo: string(buf[:min(len(buf), len(cmd)+20)])}
		}
		b, err := s.next(ctx)
		if err != nil {
			if len(buf) == 0 && errors.Is(err, context.DeadlineExceeded) {
				return nil, fmt.Errorf("%w: the switch did not echo `%s`", util.ErrTimeoutError, cmd)
			}
			return nil, timedOut(err, "channel timeout sending input to device")
		}
		buf = append(buf, b...)
	}
}

// cleanOutput is an output as slcheck keeps it: without the Enter's echo,
// trailing blanks removed from each line, no blank lines at either end.
func cleanOutput(b []byte) string {
	var out strings.Builder
	out.Grow(len(b))
	for i, l := 0, b; ; i++ {
		line, rest, more := bytes.Cut(l, []byte{'\n'})
		if i > 0 {
			out.WriteByte('\n')
		}
		out.Write(bytes.TrimRight(line, " "))
		if !more {
			break
		}
		l = rest
	}
	return strings.Trim(out.String(), "\n")
}
