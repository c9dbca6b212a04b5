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
		return redact.NewWriter(&prefixer{w: st.Err, prefix: []byte("debug " + t.String() + ": ")}, st.Redact)
	}
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
