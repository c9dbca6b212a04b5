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

// Write implements io.Writer. It reports len(p) written once the complete
// lines in p have been passed on.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			break
		}
		line := string(w.buf[:i])
		w.buf = w.buf[i+1:]
		if _, err := io.WriteString(w.w, w.st.Line(line)+"\n"); err != nil {
			return 0, err
		}
	}
	if len(w.buf) == 0 {
		w.buf = nil
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
