package nxsim

import (
	"net"
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
	conn    net.Conn
	ch      ssh.Channel
	session int
	mode    string // "exec", "config", "telnet", "telnet-cmd"
	line    []byte
	lastCR  bool
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
	t := &term{d: d, conn: conn, ch: ch, session: id, mode: "exec"}
	t.write("\r\nCisco Nexus Operating System (NX-OS) Software (nxsim)\r\n" + t.d.cfg.Banner)
	t.prompt()
	buf := make([]byte, 4096)
	for {
		n, err := ch.Read(buf)
		if err != nil {
			return
		}
		if !t.input(buf[:n]) {
			return
		}
	}
}

func (t *term) write(s string) {
	t.ch.Write([]byte(s))
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
	// Echo as a terminal does, in order with what the lines print: the
	// bytes typed up to an Enter, then what running that line prints. One
	// packet per run of typed bytes, not one per byte.
	var echo []byte
	flush := func() {
		if len(echo) > 0 && !t.d.cfg.Faults.NoEcho {
			t.write(string(echo))
		}
		echo = echo[:0]
	}
	for _, c := range b {
		switch {
		case c == '\n' && t.lastCR:
			t.lastCR = false
		case c == '\r' || c == '\n':
			t.lastCR = c == '\r'
			echo = append(echo, "\r\n"...)
			flush()
			line := strings.Join(strings.Fields(string(t.line)), " ")
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
		time.Sleep(delay)
	}
	switch {
	case line == "exit" && mode == "exec":
		t.ch.SendRequest("exit-status", false, ssh.Marshal(struct{ Status uint32 }{0}))
		return false
	case line == "end" || line == "exit":
		t.mode = "exec"
	case strings.HasPrefix("configure terminal", line) && strings.HasPrefix(line, "conf"):
		t.write("Enter configuration commands, one per line. End with CNTL/Z.\r\n")
		t.mode = "config"
	case mode == "config":
		// A fake device keeps no configuration: accepted and recorded.
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
// interactive telnet session.
func (t *term) output(line, out string) bool {
	out = strings.ReplaceAll(strings.TrimRight(out, "\n"), "\n", "\r\n")
	if out != "" {
		out += "\r\n"
	}
	if t.d.cfg.Faults.DropOn == line {
		t.write(out[:len(out)/2])
		time.Sleep(20 * time.Millisecond)
		t.conn.Close()
		return false
	}
	if strings.HasPrefix(line, "telnet ") {
		if i := strings.Index(out, "Escape character is"); i >= 0 {
			end := strings.Index(out[i:], "\r\n")
			t.write(out[:i+end+2])
			t.mode = "telnet"
			return true
		}
	}
	t.write(out)
	t.prompt()
	return true
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
