package collect

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/scrapli/scrapligo/driver/generic"
	"github.com/scrapli/scrapligo/driver/options"
	"github.com/scrapli/scrapligo/transport"
	"github.com/scrapli/scrapligo/util"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

// Result is what was collected from one host.
type Result struct {
	Target Target
	// Hostname is the prompt's name ("" if the prompt was never seen).
	Hostname string
	// Text is the session as a terminal log, redacted: the capture that
	// is diagnosed and, with --save, written. Its first line is the
	// capture.CollectedHeader with WorkstationTime (zero if `show clock`
	// did not run).
	Text string
	// Log is Text as read while it was collected, for the diagnosis to
	// read on from (snapshot.Log; nil when it was not read).
	Log *snapshot.Log
	// Skipped lists commands the device refused (role, release), which
	// the checks then report as not checked.
	Skipped []Skipped
	// Failure is set when the host could not be collected.
	Failure *Failure
	// Notes say how the collection went where it matters to the
	// operator (a pager that had to be turned).
	Notes []string
	// WorkstationTime is the workstation clock when `show clock` ran.
	WorkstationTime time.Time
	Elapsed         time.Duration
}

// Skipped is one command whose output is missing from the capture.
type Skipped struct {
	Command string
	Reason  string
}

// refusals mark output that is the device refusing a command rather than
// answering it. "% Invalid host/interface" (a name that does not resolve)
// is an answer, evidence for DNS003, and is not listed.
var refusals = []string{"% Permission denied", "% Invalid command", "% Invalid input",
	"% Incomplete command", "% Ambiguous command", "Permission denied"}

// The prompts of scrapligo's cisco_nxos definition
// (assets/platforms/cisco_nxos.yaml in scrapligo v1.4.3; a test holds
// these copies to it).
const (
	privExecName    = "privilege-exec"
	privExecPattern = `(?im)^[\w.\-]{1,63}#\s?$`
	execPattern     = `(?im)^[\w.\-]{1,63}>\s?$`
	configPattern   = `(?im)^[\w.\-]{1,63}\(config[\+\w.\-@/:]{0,32}\)#\s?$`
	tclshPattern    = `(?im)(^[\w.\-@/:]{1,63}\-tcl#\s?$)|(^[\w.\-@/:]{1,63}\(config\-tcl\)#\s?$)|(^>\s?$)`
)

// privExec is NX-OS's privilege-exec prompt; the account must land
// there, since slcheck never types enable or configure.
var privExec = regexp.MustCompile(privExecPattern)

// loginPrompt matches a prompt after login: any of the definition's
// levels, so an account that lands elsewhere than `name#` is told where.
var loginPrompt = regexp.MustCompile(strings.Join([]string{execPattern, privExecPattern, configPattern, tclshPattern}, "|"))

var (
	// readDelay is how often slcheck polls scrapligo's queue where
	// nothing signals new bytes: at login, and after a failed read.
	readDelay = time.Millisecond
	readSize  = 64 << 10
	// telnetStepTimeout bounds each key of the telnet escape.
	telnetStepTimeout = 5 * time.Second
	escapeLine        = regexp.MustCompile(`(?m)^Escape character is`)
	telnetPrompt      = regexp.MustCompile(`(?m)^telnet>\s?$`)
	// otherModeTail is what follows a switch's name in its prompt in
	// another mode than privilege-exec: configuration, Tcl, exec.
	otherModeTail = regexp.MustCompile(`^(?:\(config[\+\w.\-@/:]{0,32}\)#|-tcl#|>)\s?$`)
	promptLine    = regexp.MustCompile(`(?m)^[\w.\-]{1,63}[#>]\s?$`)
)

// session is one host's collection.
type session struct {
	c      *Collector
	t      Target
	ctx    context.Context
	d      *generic.Driver
	g      *guard
	log    *tail
	debug  io.Writer // Options.Debug's writer for this host, or nil
	res    *Result
	sys    *systemTransport // the system transport, or nil
	prompt string
	// text is the log (logText): a header of headerLen bytes, as of
	// WorkstationTime headerAt, then what record wrote.
	text      strings.Builder
	headerLen int
	headerAt  time.Time
	// read is the log read so far (snapshot), of which added bytes.
	read  *snapshot.Log
	added int
	step  string
	clean bool // the prompt is back: "exit" may be typed on close
	paged bool // the switch paged an output (`--More--`)
	// finished ends the watchdog.
	finished chan struct{}
	// arrived holds a wake-up when scrapligo queued bytes or a read
	// failed (session.wait).
	arrived arrivals
}

// arrivals wakes a session waiting for bytes. It is also a writer of the
// channel log, where scrapligo's read loop writes what it just queued.
type arrivals chan struct{}

func (a arrivals) wake() {
	select {
	case a <- struct{}{}:
	default:
	}
}

func (a arrivals) Write(b []byte) (int, error) {
	a.wake()
	return len(b), nil
}

// Collect runs the whole collection on one host within the host timeout.
// It never returns an error: a failed host is a Result with Failure set.
func (c *Collector) Collect(ctx context.Context, t Target) *Result {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, c.opt.HostTimeout)
	defer cancel()
	s := &session{c: c, t: t, ctx: ctx, log: &tail{}, res: &Result{Target: t}, step: "connect",
		finished: make(chan struct{}), arrived: make(arrivals, 1)}
	if err := s.run(); err != nil {
		if lim := s.g.overLimit(); lim != nil {
			err = lim
		}
		sshLog := ""
		if s.sys != nil {
			sshLog = s.sys.Log()
		}
		s.res.Failure = classify(err, s.step, s.log.String(), sshLog, ctx.Err() != nil, s.budget(s.step), c.opt.HostTimeout, t)
		if f := s.res.Failure; f.Kind == KindTimeout && s.g != nil && s.g.commandBytes() >= 1<<20 {
			// Not slow: still printing when the time was up.
			f.Msg = fmt.Sprintf("`%s` printed %s in %s without its prompt coming back (an endless output? --max-command-output bounds it)",
				s.step, mib(s.g.commandBytes()), s.budget(s.step))
		}
		if f := s.res.Failure; s.sys != nil && !errors.As(f.Err, new(*HostKeyError)) {
			switch f.Kind {
			case KindHostKey:
				// OpenSSH names no key it does not know, except in its
				// debug lines.
				if hk := c.systemHostKey(t, sshLog); hk != nil {
					f.Msg, f.Err = hk.Error(), hk
				}
			case KindAlgorithm:
				f.Msg += c.systemOffers(t)
			}
		}
	}
	if s.paged && len(s.res.Notes) == 0 {
		s.res.Notes = append(s.res.Notes, "the switch paged its output although `terminal length 0` was accepted: the pages were turned with the space key")
	}
	s.finishLog()
	if c, ok := s.debug.(io.Closer); ok {
		c.Close()
	}
	s.res.Elapsed = time.Since(start)
	return s.res
}

func (s *session) run() error {
	if err := s.open(); err != nil {
		return err
	}
	defer s.close()
	for _, cmd := range snapshot.Collected {
		if err := s.show(cmd); err != nil {
			return err
		}
	}
	// The licensing path decides the tests. When the outputs so far do not
	// tell its URL, VRF or proxy, the commands that would are run first
	// (the defaults of `license smart` on an SLP switch that names no VRF).
	snap := s.snapshot()
	asked := false
	for _, cmd := range snap.Path.Ask() {
		if !snap.Has(cmd) && Allowed(cmd) {
			if err := s.show(cmd); err != nil {
				return err
			}
			asked = true
		}
	}
	if asked {
		snap = s.snapshot()
	}
	route, ping, tcp := pathCommands(snap.Path)
	if route != "" {
		if err := s.show(route); err != nil {
			return err
		}
	}
	if s.c.opt.NoActive {
		return nil
	}
	if ping != "" {
		if err := s.active(ping, false); err != nil {
			return err
		}
	}
	if tcp != "" {
		return s.active(tcp, true)
	}
	return nil
}

// budget is the time a step may take, before the host deadline applies.
func (s *session) budget(step string) time.Duration {
	d := s.c.opt.CommandTimeout
	switch {
	case step == "connect" || step == "login":
		d = s.c.opt.ConnectTimeout
	case snapshot.Active(step):
		d = s.c.opt.ActiveTimeout
	}
	return d
}

// timeoutFor is the budget of one step, never past the host deadline.
func (s *session) timeoutFor(step string) time.Duration {
	d := s.budget(step)
	if dl, ok := s.ctx.Deadline(); ok && time.Until(dl) < d {
		d = time.Until(dl)
	}
	return max(d, time.Millisecond)
}

// open connects, logs in, checks that the account lands in privilege
// exec, and types the session settings.
func (s *session) open() error {
	impl, err := s.transport()
	if err != nil {
		return err
	}
	opt := s.c.opt
	s.g = &guard{Implementation: impl, maxCommand: opt.MaxCommandOutput, maxHost: opt.MaxHostOutput,
		wake: s.arrived.wake}
	// s.arrived first: a debug writer that fails must not keep the
	// session from waking.
	chlog := io.MultiWriter(s.arrived, s.log)
	if opt.Debug != nil {
		s.debug = opt.Debug(s.t)
		chlog = io.MultiWriter(s.arrived, s.log, s.debug)
	}
	if s.d, err = generic.NewDriver(s.t.Host, s.driverOptions(chlog)...); err != nil {
		return err
	}
	go s.watchdog()
	if err := s.d.Channel.Open(); err != nil {
		return err
	}
	if err := s.login(); err != nil {
		s.d.Channel.Close()
		return err
	}
	if err := s.settings(); err != nil {
		s.d.Channel.Close()
		return err
	}
	return nil
}

// transport is the in-process SSH client, or the system's ssh (s.sys)
// when the Collector has no SSH configuration of its own.
func (s *session) transport() (transport.Implementation, error) {
	if s.c.ssh != nil {
		dl, err := s.c.dialer(s.t)
		if err != nil {
			return nil, err
		}
		return &sshTransport{dialer: dl, deadline: s.timeoutFor("connect")}, nil
	}
	args := s.c.systemArgs()
	if s.c.opt.Auth.IdentityFile != "" {
		args = append(args, "-i", s.c.opt.Auth.IdentityFile)
	}
	s.sys = &systemTransport{bin: s.c.sshBin, args: args}
	if s.t.PortGiven {
		s.sys.port = s.t.Port
	}
	return s.sys, nil
}

// driverOptions configure scrapligo's driver over the guard, with the
// channel log written to chlog.
func (s *session) driverOptions(chlog io.Writer) []util.Option {
	return []util.Option{
		options.WithPort(s.t.Port),
		options.WithAuthUsername(s.c.user(s.t)),
		options.WithCustomTransport(s.g),
		// slcheck logs in itself (login.go), for both transports.
		options.WithAuthBypass(),
		options.WithChannelLog(chlog),
		// scrapligo's ReadDelay (250 us by default) paces its polling
		// reads (ReadUntil*, its own login), which slcheck does not use:
		// it reads the queue when the channel log says bytes came (wait,
		// exchange.go). What is left is the sleep of scrapligo's read loop
		// after each transport read, a timer per SSH packet, for nothing:
		// both transports' Read blocks until bytes come. Hence 0.
		options.WithReadDelay(0),
		// Reads of 8 KiB (scrapligo's default) with a 1 ms sleep after
		// each made a switch's endless output arrive at 3 MB/s, past
		// --timeout before the output limit.
		options.WithTransportReadSize(readSize),
		// slcheck types its own session settings through the guard, and
		// only "exit" on close. The generic driver, not the network one:
		// slcheck never changes privilege level (no acquire-priv, so never
		// enable or configure) and matches its prompts itself, and the
		// network driver compiled every level's pattern for every host.
		options.WithOnClose(s.onClose),
	}
}

// login waits for the first prompt (after the system ssh's own login, if
// that is the transport) and takes it as this switch's, which must be a
// privilege-exec prompt.
func (s *session) login() error {
	s.step = "login"
	ctx, cancel := context.WithTimeout(s.ctx, s.timeoutFor("login"))
	defer cancel()
	var seen []byte
	if s.sys != nil {
		var err error
		if seen, err = s.systemLogin(ctx, s.sys); err != nil {
			return err
		}
	}
	prompt, err := s.confirmPrompt(ctx, seen)
	if err != nil {
		return err
	}
	if !privExec.MatchString(prompt) {
		s.prompt = prompt
		return &Failure{Kind: KindPrompt, Step: "login", Msg: "the account lands at `" + prompt +
			"`, not a privilege-exec prompt (`name#`); slcheck never types enable: give the user a role that lands in exec mode (e.g. network-operator)"}
	}
	s.adoptPrompt(prompt)
	return nil
}

// adoptPrompt makes prompt (`name#`) the one that ends a command. From
// here on the prompt is this switch's own (atPrompt), or telnet's after ^]
// (closeTelnet). A line of output that merely looks like a prompt (a
// banner's "ACCESS#") neither ends a command early nor vanishes from its
// output.
func (s *session) adoptPrompt(prompt string) {
	s.prompt = prompt
	host := strings.TrimSuffix(prompt, "#")
	s.res.Hostname = host
	s.clean = true
}

// settings types the session settings: wide lines, and no pager (when
// the switch refuses, command turns the pages and the result says so).
func (s *session) settings() error {
	s.g.set(true, false)
	for _, cmd := range []string{"terminal width 511", "terminal length 0"} {
		s.step = cmd
		out, _, err := s.command(cmd, s.timeoutFor(cmd), nil)
		if err != nil {
			return err
		}
		if r := refused(out); r != "" && cmd == "terminal length 0" {
			s.res.Notes = append(s.res.Notes, "`terminal length 0` was refused ("+r+"): outputs were paged through with the space key")
		}
	}
	return nil
}

// The prompts of this switch, matched as whole lines with plain string
// comparisons: a regular expression of the switch's name, compiled for
// every host, was a thirtieth of a fleet's CPU.

// atPrompt reports whether line is this switch's exec prompt (once login
// confirmed it), alone on its line: the pattern `^PROMPT\s?$`.
func (s *session) atPrompt(line []byte) bool {
	return s.res.Hostname != "" && isPrompt(line, s.prompt)
}

// inOtherMode reports whether line is this switch's prompt in another mode
// (configuration, Tcl, exec), once login confirmed its exec prompt:
// `^NAME(?:\(config...\)#|-tcl#|>)\s?$`.
func (s *session) inOtherMode(line []byte) bool {
	h := s.res.Hostname
	return h != "" && len(line) > len(h) && string(line[:len(h)]) == h && otherModeTail.Match(line[len(h):])
}

// isPrompt reports whether line is p with at most one blank after it
// (`\s` of a regular expression: space, tab, newline, form feed, CR).
func isPrompt(line []byte, p string) bool {
	if len(line) < len(p) || string(line[:len(p)]) != p {
		return false
	}
	switch rest := line[len(p):]; len(rest) {
	case 0:
		return true
	case 1:
		return strings.IndexByte(" \t\n\f\r", rest[0]) >= 0
	}
	return false
}

// watchdog closes the transport when the host's deadline passes, which
// makes whatever scrapligo is waiting for return at once.
func (s *session) watchdog() {
	select {
	case <-s.ctx.Done():
		s.g.Implementation.Close()
	case <-s.finished:
	}
}

// onClose types "exit" when the prompt is back, then closes the transport
// itself: scrapligo's read loop, blocked in a read, then ends at once
// (scrapligo's Close waits ReadDelay*ReadDelay/1000 for it, no time at all
// with ReadDelay 0, before it closes the transport again).
func (s *session) onClose(d *generic.Driver) error {
	var err error
	if s.clean {
		err = d.Channel.WriteAndReturn([]byte("exit"), false)
	}
	s.g.Implementation.Close()
	return err
}

func (s *session) close() {
	s.d.Close()
	close(s.finished)
}

// show runs one show command and appends its output to the log, or
// records it as skipped when the device refuses it.
func (s *session) show(cmd string) error {
	s.step = cmd
	out, _, err := s.command(cmd, s.timeoutFor(cmd), nil)
	if err != nil {
		s.clean = false
		return err
	}
	if cmd == snapshot.CmdClock && refused(out) == "" {
		s.res.WorkstationTime = s.c.opt.Now()
	}
	s.record(cmd, out)
	return nil
}

func (s *session) record(cmd, out string) {
	if reason := refused(out); reason != "" {
		s.res.Skipped = append(s.res.Skipped, Skipped{Command: cmd, Reason: reason})
		return
	}
	s.header()
	s.text.WriteString(s.prompt)
	s.text.WriteByte(' ')
	s.text.WriteString(cmd)
	s.text.WriteByte('\n')
	if out = strings.TrimRight(out, "\n"); out != "" {
		// This output ends where the prompt came back: a line of it that
		// looks like a prompt (another switch's, a banner's) is marked as
		// output, so the capture holds this one switch, live and saved.
		for l := range strings.SplitSeq(s.c.opt.Redact(out), "\n") {
			s.text.WriteString(capture.OutputLine(l))
			s.text.WriteByte('\n')
		}
	}
}

// textReserve bounds what a session reserves for its text: a fleet's
// workers each hold one while they collect.
const textReserve = 256 << 10

// header starts the text with the capture.CollectedHeader as of the
// WorkstationTime, or rewrites it when `show clock` has since set it.
// The text is reserved an eighth longer than the last session's (at most
// textReserve): the switches of a fleet print about as much, and the
// text is then neither copied again and again as it doubles, nor copied
// whole to be read (logText).
func (s *session) header() {
	if s.headerLen > 0 && s.headerAt.Equal(s.res.WorkstationTime) {
		return
	}
	h := capture.CollectedHeader(s.t.String(), s.res.WorkstationTime) + "\n"
	body := s.text.String()[s.headerLen:]
	s.text.Reset()
	last := s.c.textSize.Load()
	s.text.Grow(max(int(min(last+last/8, textReserve)), len(h)+len(body)))
	s.text.WriteString(h)
	s.text.WriteString(body)
	s.headerLen, s.headerAt = len(h), s.res.WorkstationTime
}

// refused returns the device's refusal if out is one.
func refused(out string) string {
	// The first three lines: the output need not be split whole.
	rest := strings.TrimSpace(out)
	for range 3 {
		l, after, more := strings.Cut(rest, "\n")
		l = strings.TrimSpace(l)
		for _, r := range refusals {
			if strings.HasPrefix(l, r) {
				return l
			}
		}
		if !more {
			break
		}
		rest = after
	}
	return ""
}

// snapshot reads what was collected so far the way `slcheck file` will
// read the whole session, to find the licensing path for the remaining
// commands. The lines are read once: the diagnosis reads the whole
// session from where this read stopped (Result.Log).
func (s *session) snapshot() *snapshot.Snapshot {
	text := s.logText()
	if s.read == nil {
		s.read = snapshot.NewLog(s.t.String())
	}
	s.read.Add(text[s.added:])
	s.added = len(text)
	c, err := s.read.Read(text)
	if err != nil || len(c.Devices) == 0 {
		return &snapshot.Snapshot{}
	}
	return s.read.Build(c.Devices[0])
}

// finishLog sets the Result's Text and, when the log was read mid-run,
// its Log, read to the end.
func (s *session) finishLog() {
	s.res.Text = s.logText()
	if n := len(s.res.Text); s.text.Cap()-n > n/4 {
		// Not what a fleet keeps until its report: the reserve was for a
		// longer text, or the text doubled past it.
		s.res.Text = strings.Clone(s.res.Text)
	}
	s.c.textSize.Store(int64(len(s.res.Text)))
	if s.read != nil {
		s.read.Add(s.res.Text[s.added:])
		s.res.Log = s.read
	}
}

// logText is the session's log so far (Result.Text): the
// capture.CollectedHeader first, so that capture.Read finds it, live or
// saved, and reads the marked output lines (record) as output. It shares
// the text's bytes, which record only appends to.
func (s *session) logText() string {
	s.header()
	return s.text.String()
}

// active runs one active test. A test that times out or cannot be closed
// costs only its own section: it is recorded as skipped and the session
// is not used again.
func (s *session) active(cmd string, tcp bool) error {
	if !s.clean {
		return nil
	}
	s.step = cmd
	timeout := s.timeoutFor(cmd)
	var interim *regexp.Regexp
	if tcp {
		interim = escapeLine
	}
	out, connected, err := s.command(cmd, timeout, interim)
	if err != nil {
		s.clean = false
		reason := "no answer within " + timeout.String()
		var me *ModeError
		if errors.As(err, &me) || s.g.overLimit() != nil {
			// Not a slow test: the session is not usable.
			return err
		}
		s.res.Skipped = append(s.res.Skipped, Skipped{Command: cmd, Reason: reason})
		return nil
	}
	if connected {
		closing, ok := s.closeTelnet(timeout)
		out += "\n" + closing
		s.clean = ok
	}
	s.record(cmd, out)
	return nil
}

// closeTelnet ends a connected telnet test: ^] then "quit" at the
// telnet> prompt; ^C if no telnet> prompt comes. It returns what the
// device printed, without prompts, and whether the switch prompt is back.
func (s *session) closeTelnet(timeout time.Duration) (string, bool) {
	ch := s.d.Channel
	s.g.set(true, true)
	defer s.g.set(true, false)
	var seen []byte
	// send types keys and reads until a prompt (the switch's or telnet>).
	send := func(keys []byte, ret bool) bool {
		if ch.Write(keys, false) != nil || (ret && ch.WriteReturn() != nil) {
			return false
		}
		ctx, cancel := context.WithTimeout(s.ctx, min(timeout, telnetStepTimeout))
		defer cancel()
		b, err := s.untilPrompt(ctx)
		seen = append(seen, b...)
		return err == nil
	}
	ok := send([]byte{0x1d}, false)
	if ok && telnetPrompt.Match(seen) {
		ok = send([]byte("quit"), true)
	}
	if !ok || !privExec.MatchString(lastNonEmpty(seen)) {
		ok = send([]byte{0x03}, false)
	}
	ok = ok && privExec.MatchString(lastNonEmpty(seen))
	out := promptLine.ReplaceAllString(string(seen), "")
	out = strings.ReplaceAll(out, "\x1d", "")
	return strings.Trim(out, "\n"), ok
}

// untilPrompt reads until a line of what it read is this switch's exec
// prompt or telnet's (`telnet>`), and returns all it read; nothing on an
// error.
func (s *session) untilPrompt(ctx context.Context) ([]byte, error) {
	var rb []byte
	from := 0 // where the first line not yet checked whole starts
	for {
		b, err := s.next(ctx)
		if err != nil {
			return nil, err
		}
		rb = append(rb, b...)
		for {
			line, rest := rb[from:], -1
			if i := bytes.IndexByte(line, '\n'); i >= 0 {
				line, rest = line[:i], from+i+1
			}
			if s.atPrompt(line) || isPrompt(line, "telnet>") {
				return rb, nil
			}
			if rest < 0 {
				break
			}
			from = rest
		}
	}
}

func lastNonEmpty(b []byte) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n "), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func seconds(d time.Duration) string {
	return strconv.Itoa(int(max(d, time.Second).Seconds()))
}
