package cli

import (
	"bufio"
	"io"
	"sync"
)

// stdoutBuffer is the size of the buffer stdout is written through. A
// fleet's JSON report is thousands of parts made in as many buffers, and
// on the VM of bench/README.md ("Page faults and the report's write",
// bench/vmpages) the kernel reads
// a freshly made page about ten times slower than one it has read before:
// 66 MB written part by part took ~150 ms, through one reused buffer of
// 256 KiB ~20 ms (64 KiB ~30 ms, 4 MiB ~50 ms).
const stdoutBuffer = 256 << 10

// bufferedStdout is stdout behind a buffer, safe for concurrent use:
// stdout's redact.Writer writes into it and stderr's flushes it.
type bufferedStdout struct {
	mu   sync.Mutex
	b    *bufio.Writer
	told bool // a Write has returned the buffer's write error
	held bool // stderr's writes do not flush it (hold)
}

func newBufferedStdout(w io.Writer) *bufferedStdout {
	return &bufferedStdout{b: bufio.NewWriterSize(w, stdoutBuffer)}
}

func (s *bufferedStdout) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.b.Write(p)
	s.told = s.told || err != nil
	return n, err
}

// hold keeps stderr's writes from flushing stdout (on) until released
// (off), while a fleet's JSON report is written as its hosts are done:
// what slcheck prints on stderr meanwhile (a host's notes, the fleet's
// summary, --debug) then reaches stderr before the report, as when the
// report was written at the end, instead of splitting the document where
// both streams share a file (2>&1), or of being lost when the reader of
// stdout left early (| head: the flush's write kills slcheck with
// SIGPIPE). A report larger than the buffer still reaches stdout as the
// buffer fills. Stdout is never a terminal then (newFleetReport).
func (s *bufferedStdout) hold(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.held = on
}

// flushUnlessHeld writes what the buffer holds, unless stdout is held;
// its error is the first write error on stdout, kept until then.
func (s *bufferedStdout) flushUnlessHeld() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held {
		return nil
	}
	return s.b.Flush()
}

// untold writes what the buffer holds and returns the first write error
// on stdout when no Write has returned it (it happened in a flush).
func (s *bufferedStdout) untold() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.b.Flush(); err != nil && !s.told {
		return err
	}
	return nil
}

// stderrAfter is stderr for a buffered stdout: each write first flushes
// stdout (unless held), so that a terminal both streams share shows them
// in the order slcheck wrote them (the report, then the errors after it).
type stderrAfter struct {
	out *bufferedStdout
	w   io.Writer
}

func (e stderrAfter) Write(p []byte) (int, error) {
	// A write error on stdout is kept by the buffer and reported by Run.
	_ = e.out.flushUnlessHeld()
	return e.w.Write(p)
}
