package nxsim

import (
	"io"
	"net"
	"os"
	"slices"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"
)

const (
	ctrlC       = 0x03
	ctrlRightSq = 0x1d // ^], the telnet escape character
)

// term is one interactive shell: it echoes, assembles lines and runs them.
type term struct {
	d       *Device
	w       io.Writer
	exit    func() // the session ends cleanly ("exit")
	drop    func() // the connection is cut (the DropOn fault)
	session int
	mode    string // "exec", "config", "telnet", "telnet-cmd", "more"
	line    []byte
	lastCR  bool
	// length is the terminal length: 0 (no pager) once `terminal length
	// 0` is accepted, else Faults.PageLength.
	length int
	// pending is what the pager holds back until a key.
	pending []string
	// out is what was written since the last flush; echo the typed bytes
	// input is echoing (both reused from chunk to chunk).
	out, echo []byte
}

func (d *Device) serveSession(conn net.Conn, id int, ch ssh.Channel, reqs <-chan *ssh.Request) {
	defer ch.Close()
	shell := make(chan struct{})
	go func() {
		for r := range reqs {
			switch r.Type {
			case "pty-req", "env", "window-change":
				r.Reply(true, nil)
			case "shell":
				r.Reply(true, nil)
				close(shell)
			default:
				r.Reply(false, nil)
			}
		}
	}()
	select {
	case <-shell:
	case <-time.After(10 * time.Second):
		return
	}
	t := &term{d: d, w: ch, session: id,
		exit: func() { ch.SendRequest("exit-status", false, ssh.Marshal(struct{ Status uint32 }{0})) },
		drop: func() { conn.Close() }}
	t.serve(ch)
}

// serve runs the shell until the input ends or the session does.
func (t *term) serve(in io.Reader) {
	t.mode, t.length = "exec", t.d.cfg.Faults.PageLength
	t.write("\r\nCisco Nexus Operating System (NX-OS) Software (nxsim)\r\n" + t.d.cfg.Banner)
	if m := t.d.cfg.MOTD; m != "" {
		// Line by line, as a slow switch may send it: a prompt-shaped
		// line of it then arrives in a read of its own.
		for l := range strings.SplitSeq(strings.TrimRight(m, "\n"), "\n") {
			t.write(l + "\r\n")
			t.flush()
			time.Sleep(time.Millisecond)
		}
	}
	t.prompt()
	t.flush()
	buf := make([]byte, 4096)
	for {
		n, err := in.Read(buf)
		if err != nil {
			return
		}
		more := t.input(buf[:n])
		t.flush()
		if !more {
			return
		}
	}
}

// Shell runs the device's exec shell on a terminal's input and output, for
// a real sshd to run as the login shell (see sshdtest): the terminal must
// be in raw mode, the shell echoes. It returns when the input ends or the
// session exits; a DropOn fault ends the process.
func Shell(cfg Config, in io.Reader, out io.Writer) {
	if cfg.Hostname == "" {
		cfg.Hostname = "switch"
	}
	d := &Device{cfg: cfg}
	t := &term{d: d, w: out, session: 1, exit: func() {}, drop: func() { os.Exit(1) }}
	t.serve(in)
}

// write queues s for the next flush. A terminal's output goes out in one
// write (one SSH packet) per chunk of input, or before the device waits:
// the echo of Enter at once, a command's output and the next prompt
// together after the delay.
func (t *term) write(s string) {
	t.out = append(t.out, s...)
}

// flush writes what was queued.
func (t *term) flush() {
	if len(t.out) > 0 {
		t.w.Write(t.out)
		t.out = t.out[:0]
	}
}

func (t *term) prompt() {
	f := t.d.cfg.Faults
	switch {
	case f.Prompt != "":
		t.write(f.Prompt)
	case t.mode == "config":
		t.write(t.d.cfg.Hostname + "(config)# ")
	default:
		t.write(t.d.cfg.Hostname + "# ")
	}
}

// input handles one chunk of typed bytes; false ends the session.
func (t *term) input(b []byte) bool {
	if t.mode == "telnet" {
		return t.telnetKey(b)
	}
	if t.mode == "more" {
		return t.moreKey(b)
	}
	// Echo as a terminal does, in order with what the lines print: the
	// bytes typed up to an Enter, then what running that line prints. One
	// packet per run of typed bytes, not one per byte.
	echo := t.echo[:0]
	flush := func() {
		if shown, ok := t.d.cfg.Faults.Echo[string(t.line)]; ok && len(echo) == len(t.line) {
			echo = append(echo[:0], shown...)
		}
		if !t.d.cfg.Faults.NoEcho {
			t.out = append(t.out, echo...)
		}
		echo = echo[:0]
	}
	defer func() { t.echo = echo }()
	for _, c := range b {
		switch {
		case c == '\n' && t.lastCR:
			t.lastCR = false
		case c == '\r' || c == '\n':
			t.lastCR = c == '\r'
			echo = append(echo, "\r\n"...)
			flush()
			line := command(t.line)
			t.line = t.line[:0]
			if !t.run(line) {
				return false
			}
		default:
			t.lastCR = false
			t.line = append(t.line, c)
			echo = append(echo, c)
		}
	}
	flush()
	return true
}

// command is a typed line as the shell runs it: its words joined by one
// space. Most lines (slcheck's) are so already and cost one copy.
func command(typed []byte) string {
	s := string(typed)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < ' ' || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			// A byte strings.Fields may split at (or a non-ASCII one,
			// which it decodes), or a space that is not one between two
			// words.
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// run executes one typed line; false ends the session.
func (t *term) run(line string) bool {
	mode := t.mode
	if mode == "telnet-cmd" {
		t.d.record(t.session, "telnet", line)
		t.write("Connection closed.\r\n")
		t.mode = "exec"
		t.prompt()
		return true
	}
	if line == "" {
		t.prompt()
		return true
	}
	t.d.record(t.session, mode, line)
	f := t.d.cfg.Faults
	if delay := f.Delay + f.Delays[line]; delay > 0 {
		t.flush()
		time.Sleep(delay)
	}
	if e, ok := f.Echo[line]; ok {
		// The switch shows another line than the one typed; Enter runs
		// what it shows.
		line = e
	}
	switch {
	case line == "exit" && mode == "exec":
		t.flush()
		t.exit()
		return false
	case line == "end" || line == "exit":
		t.mode = "exec"
	case strings.HasPrefix("configure terminal", line) && strings.HasPrefix(line, "conf"):
		t.write("Enter configuration commands, one per line. End with CNTL/Z.\r\n")
		t.mode = "config"
	case mode == "config":
		// A fake device keeps no configuration: accepted and recorded.
	case line == "terminal length 0" && f.TerminalLength == "refuse":
		t.write("% Invalid command at '^' marker.\r\n")
	case line == "terminal length 0" && f.TerminalLength != "ignore":
		t.length = 0
	case strings.HasPrefix(line, "terminal "):
	case f.Denied[line]:
		t.write("% Permission denied for the role\r\n")
	default:
		out, ok := t.d.lookup(line)
		if !ok {
			t.write(strings.Repeat(" ", len(t.d.cfg.Hostname)+2+len(line)/2) + "^\r\n")
			t.write("% Invalid command at '^' marker.\r\n")
			break
		}
		return t.output(line, out)
	}
	t.prompt()
	return true
}

// output writes a command's output, handling the drop fault and the
// interactive telnet session. The output is made CRLF as it is queued
// (appendCRLF), the prompt after it: one write.
func (t *term) output(line, out string) bool {
	f := t.d.cfg.Faults
	switch {
	case f.DropOn == line:
		out = crlf(out)
		t.write(out[:len(out)/2])
		t.flush()
		time.Sleep(20 * time.Millisecond)
		t.drop()
		return false
	case f.Endless == line:
		// An endless line, until the client gives up.
		chunk := strings.Repeat("A", 32<<10)
		t.flush()
		for {
			if _, err := t.w.Write([]byte(chunk)); err != nil {
				return false
			}
			time.Sleep(f.EndlessPace)
		}
	case f.ModeAfter == line:
		t.out = appendCRLF(t.out, out)
		t.mode = "config"
	case t.length > 0:
		t.pending = strings.SplitAfter(crlf(out), "\r\n")
		t.page()
		return true
	case strings.HasPrefix(line, "telnet "):
		if i := strings.Index(out, "Escape character is"); i >= 0 {
			// Up to the end of that line; the far end's prompt never
			// comes.
			if end := strings.IndexByte(out[i:], '\n'); end >= 0 {
				out = out[:i+end]
			}
			t.out = appendCRLF(t.out, out)
			t.mode = "telnet"
			return true
		}
		fallthrough
	default:
		t.out = appendCRLF(t.out, out)
	}
	t.prompt()
	return true
}

// crlf is out as a terminal prints it: each line ended by "\r\n", the
// trailing newlines dropped, "" for no output.
func crlf(out string) string {
	return string(appendCRLF(nil, out))
}

// appendCRLF appends crlf(out) to b.
func appendCRLF(b []byte, out string) []byte {
	out = strings.TrimRight(out, "\n")
	if out == "" {
		return b
	}
	b = slices.Grow(b, len(out)+strings.Count(out, "\n")+2)
	for l := range strings.SplitSeq(out, "\n") {
		b = append(b, l...)
		b = append(b, "\r\n"...)
	}
	return b
}

// telnetKey handles bytes typed while connected through telnet: ^] opens
// the telnet> command prompt, ^C makes the far end hang up (as in the
// Cisco document's example), anything else goes to the far end unanswered.
func (t *term) telnetKey(b []byte) bool {
	for i, c := range b {
		switch c {
		case ctrlRightSq:
			t.d.record(t.session, "telnet", "^]")
			t.write("\r\ntelnet> ")
			t.mode = "telnet-cmd"
			if rest := b[i+1:]; len(rest) > 0 {
				return t.input(rest)
			}
			return true
		case ctrlC:
			t.d.record(t.session, "telnet", "^C")
			t.write("Connection closed by foreign host.\r\n")
			t.mode = "exec"
			t.prompt()
			return true
		}
	}
	return true
}

// pagerMark is NX-OS's pager prompt, in reverse video.
const pagerMark = "\x1b[7m--More--\x1b[27m"

// page writes the next page of a held output, then the pager's mark, or
// the prompt once the output is done.
func (t *term) page() {
	n := min(t.length-1, len(t.pending))
	t.write(strings.Join(t.pending[:n], ""))
	t.pending = t.pending[n:]
	if len(t.pending) == 0 || len(t.pending) == 1 && t.pending[0] == "" {
		t.pending, t.mode = nil, "exec"
		t.prompt()
		return
	}
	t.mode = "more"
	t.write(pagerMark)
}

// moreKey turns the page on a space (after erasing the mark as
// Faults.PageErase says), shows one line more on Enter, and quits on q.
func (t *term) moreKey(b []byte) bool {
	erase := t.d.cfg.Faults.PageErase
	if erase == "" {
		erase = "\r\x1b[K"
	}
	for i, c := range b {
		switch c {
		case ' ':
			t.write(erase)
			t.page()
		case 'q':
			t.write(erase)
			t.pending, t.mode = nil, "exec"
			t.prompt()
		default:
			t.d.record(t.session, "more", string(c))
		}
		if t.mode != "more" {
			if rest := b[i+1:]; len(rest) > 0 {
				return t.input(rest)
			}
			return true
		}
	}
	return true
}
