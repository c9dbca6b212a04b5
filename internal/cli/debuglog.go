package cli

import (
	"bytes"
	"io"

	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/redact"
)

// debugLog gives `slcheck ssh --debug` one writer per switch: its session
// is redacted on its own (a private key block spans lines, and the sessions
// of a fleet interleave), then each line goes to stderr, itself redacted,
// prefixed with the switch so a fleet's sessions can be told apart.
func debugLog(st Streams) func(collect.Target) io.Writer {
	return func(t collect.Target) io.Writer {
		return &lineCap{w: redact.NewWriter(&prefixer{w: st.Err, prefix: []byte("debug " + t.String() + ": ")}, st.Redact)}
	}
}

// debugLineMax bounds a line of --debug: the redacting writer holds a
// line until its end, and a hostile switch's endless line has none.
const debugLineMax = 64 << 10

// debugCut ends a line cut at debugLineMax.
const debugCut = " [slcheck: the rest of this line is not shown]\n"

// lineCap passes lines of at most debugLineMax bytes and drops the rest
// of a longer one, saying so.
type lineCap struct {
	w    io.Writer
	n    int  // bytes of the current line passed
	drop bool // the current line was cut
}

func (c *lineCap) Write(b []byte) (int, error) {
	var out []byte
	for rest := b; len(rest) > 0; {
		i := bytes.IndexByte(rest, '\n')
		line := rest
		if i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		switch {
		case c.drop:
		case c.n+len(line) > debugLineMax && (i < 0 || c.n+len(line)-1 > debugLineMax):
			out = append(append(out, line[:debugLineMax-c.n]...), debugCut...)
			c.drop = true
		default:
			out = append(out, line...)
			c.n += len(line)
		}
		if i >= 0 {
			c.n, c.drop = 0, false
		}
	}
	if _, err := c.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Close ends the switch's log (collect closes it when the session ends).
func (c *lineCap) Close() error {
	if cl, ok := c.w.(io.Closer); ok {
		return cl.Close()
	}
	return nil
}

// prefixer writes each line it gets (redact.Writer passes whole lines,
// several at once) as one prefixed line, without the carriage returns of
// a terminal session.
type prefixer struct {
	w      io.Writer
	prefix []byte
}

func (p *prefixer) Write(b []byte) (int, error) {
	var out []byte
	for rest := b; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		out = append(append(append(out, p.prefix...), bytes.TrimRight(line, "\r")...), '\n')
	}
	if _, err := p.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}
