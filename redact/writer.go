package redact

import (
	"bytes"
	"io"
	"sync"
)

// Writer redacts everything written through it, line by line, before it
// reaches the underlying writer. A line is held until its newline arrives
// (a secret split across two writes is still seen whole); Close writes a
// final unterminated line.
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

// Write implements io.Writer. It reports len(p) written once the complete
// lines in p have been passed on.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	// The complete lines of one Write reach the underlying writer in one
	// write: a report rendered in one call is one system call, not one a
	// line.
	w.out = w.out[:0]
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			break
		}
		line := string(w.buf[:i])
		w.buf = w.buf[i+1:]
		w.out = append(w.out, w.st.Line(line)...)
		w.out = append(w.out, '\n')
	}
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
