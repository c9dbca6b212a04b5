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

// prefixer writes each line it gets (redact.Writer passes whole lines) as
// one prefixed line, without the carriage returns of a terminal session.
type prefixer struct {
	w      io.Writer
	prefix []byte
}

func (p *prefixer) Write(b []byte) (int, error) {
	line := bytes.TrimRight(b, "\r\n")
	out := append(append(append(make([]byte, 0, len(p.prefix)+len(line)+1), p.prefix...), line...), '\n')
	if _, err := p.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}
