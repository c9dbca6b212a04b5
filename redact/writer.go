package redact

import (
	"bytes"
	"io"
	"sync"
)

// Writer redacts and escapes (Escape) everything written through it, line
// by line, before it reaches the underlying writer. A line is held until
// its newline arrives (a secret split across two writes is still seen
// whole); Close writes a final unterminated line.
type Writer struct {
	mu  sync.Mutex
	w   io.Writer
	st  *Stream
	buf []byte
	out []byte // redacted lines of the current Write
}

// NewWriter returns a Writer that redacts with p into w.
func (p Policy) NewWriter(w io.Writer) *Writer {
	return &Writer{w: w, st: p.Stream()}
}

// NewWriter returns a Writer that redacts into w, reading the policy at
// every line through pol, so a flag parsed after the writer was made (such
// as --show-contacts) still applies.
func NewWriter(w io.Writer, pol *Policy) *Writer {
	return &Writer{w: w, st: &Stream{policy: pol}}
}

// Redacts reports whether w redacts with policy p (at this moment, for a
// Writer that reads its policy through a pointer): a renderer writing into
// such a Writer needs no redacting writer of its own, every line it prints
// is redacted here.
func (w *Writer) Redacts(p Policy) bool {
	return *w.st.policy == p
}

// Color makes w keep colour sequences (ESC [ ... m), the only control
// bytes slcheck's coloured text report writes, until Color(false); every
// other control byte is still escaped. The report's own text was escaped
// before it was coloured (Value), so only slcheck's colours pass raw.
func (w *Writer) Color(on bool) {
	w.mu.Lock()
	w.st.sgr = on
	w.mu.Unlock()
}

// Overwrite shows s, redacted and escaped, over the line the cursor is on
// (a carriage return, then s, no newline): the progress line of a run on
// a terminal. The carriage return is the only control byte written raw.
func (w *Writer) Overwrite(s string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	_, err := io.WriteString(w.w, "\r"+w.st.policy.Line(s))
	return err
}

// Write implements io.Writer. It reports len(p) written once the complete
// lines in p have been passed on.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	// The complete lines of one Write reach the underlying writer in one
	// write: a report rendered in one call is one system call, not one a
	// line.
	w.out, w.buf = redactLines(w.st, w.buf, w.out[:0])
	if len(w.buf) == 0 {
		w.buf = nil
	}
	if len(w.out) > 0 {
		_, err := w.w.Write(w.out)
		if cap(w.out) > 1<<20 {
			w.out = nil // a large report's buffer is not kept
		}
		if err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// Close writes the last line if it had no newline. It does not close the
// underlying writer.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.buf) == 0 {
		return nil
	}
	line := string(w.buf)
	w.buf = nil
	_, err := io.WriteString(w.w, w.st.Line(line))
	return err
}

// Redacted is text of complete lines redacted ahead of time, as a Writer
// with the same policy would redact it starting at a line boundary outside
// a block (a private key, the SNMP community table): a fleet's worker redacts its device's part of the
// report while the other hosts are still being collected, and the Writer
// it is finally printed through passes it on without redacting it again
// (WriteRedacted). Only this package makes one, so every byte it holds has
// been through the redaction layer.
type Redacted struct {
	raw, out []byte
	policy   Policy
	block    blockState // the stream's state after the last line
}

// Redacted redacts text, which should end with a newline, line by line
// with a fresh Stream. It keeps text, as given (WriteRedacted falls back
// to it when the Writer is not in the state it was redacted for): the
// caller gives it up and must not change it afterwards. When redaction
// changed nothing, which is usual for text made of values already
// redacted, text is the redacted text too, not copied: a fleet's report
// holds thousands of them until it is written.
func (p Policy) Redacted(text []byte) *Redacted {
	st := p.Stream()
	// text[:n] is whole lines redaction leaves as they are; the text is
	// copied line by line only from the first line it changes.
	n, changed, found := 0, "", false
	for {
		i := bytes.IndexByte(text[n:], '\n')
		if i < 0 {
			break
		}
		line := text[n : n+i]
		if !st.unchanged(line) {
			if out := st.Line(string(line)); out != string(line) {
				changed, found = out, true
				break
			}
		}
		n += i + 1
	}
	if !found && n == len(text) {
		return &Redacted{raw: text, out: text, policy: p, block: st.block}
	}
	out := append(make([]byte, 0, len(text)+len(text)/16), text[:n]...)
	rest := text[n:]
	if found {
		out = append(append(out, changed...), '\n')
		rest = rest[bytes.IndexByte(rest, '\n')+1:]
	}
	out, rest = redactLines(st, rest, out)
	if len(rest) > 0 {
		out = append(out, st.Line(string(rest))...)
	}
	raw := text
	if bytes.Equal(out, text) {
		raw = out
	}
	return &Redacted{raw: raw, out: out, policy: p, block: st.block}
}

// RedactedWith reports whether r was redacted with p.
func (r *Redacted) RedactedWith(p Policy) bool { return r != nil && r.policy == p }

// redactLines appends the redacted complete lines of buf to out and returns
// out and what follows the last newline.
func redactLines(st *Stream, buf, out []byte) ([]byte, []byte) {
	for {
		i := bytes.IndexByte(buf, '\n')
		if i < 0 {
			return out, buf
		}
		line := buf[:i]
		buf = buf[i+1:]
		if st.unchanged(line) {
			out = append(out, line...)
		} else {
			out = append(out, st.Line(string(line))...)
		}
		out = append(out, '\n')
	}
}

// WriteRedacted writes r. When w redacts with r's policy (at this moment),
// holds no partial line, is not inside a block (a private key, the SNMP
// community table), does not keep colours and r ends with a newline, r's
// redacted bytes are passed on as they are: the bytes Write would have
// produced from r's text. Otherwise r's text goes through Write.
func (w *Writer) WriteRedacted(r *Redacted) (int, error) {
	w.mu.Lock()
	if len(w.buf) > 0 || w.st.block != (blockState{}) || w.st.sgr || *w.st.policy != r.policy ||
		len(r.raw) == 0 || r.raw[len(r.raw)-1] != '\n' {
		w.mu.Unlock()
		return w.Write(r.raw)
	}
	defer w.mu.Unlock()
	if _, err := w.w.Write(r.out); err != nil {
		return 0, err
	}
	w.st.block = r.block
	return len(r.raw), nil
}
