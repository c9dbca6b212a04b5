package capture

import (
	"bytes"
	"errors"
	"io"
	"sync"
)

// lineReader splits a stream into lines with large reads and
// bytes.IndexByte, and can skip whole lines that cannot start a section
// without looking at them one by one: that is what makes a 1 GiB
// show-tech, whose sections are mostly not selected, cheap to read.
type lineReader struct {
	r   io.Reader
	buf []byte
	// buf[start:end] is data not yet returned.
	start, end int
	eof        bool
	err        error
	// n is the number of lines returned or skipped so far.
	n int
	// max caps the bytes kept of one line; long assembles a line that
	// does not fit in buf, up to max.
	max  int
	long []byte
	// binary is called with a sample of a line longer than buf, so a run
	// of binary data (a gzip bomb of zeros) stops the read early.
	binary func(sample []byte) bool
	// errBinary is set when binary said yes.
	errBinary bool

	tick, hash finder
	// nlEnd is one past the last '\n' in buf[:end] (start or less: not
	// known, or none): skipQuiet's end of whole lines, kept until fill
	// changes buf.
	nlEnd int
}

// finder caches where the next occurrence of one byte is in buf, so a
// search for '`' is not repeated over the same bytes after every '#'.
type finder struct {
	c byte
	// pos is the index of c in buf, or -1 when there is none in
	// buf[:upto].
	pos, upto int
}

func (f *finder) next(buf []byte, start, end int) int {
	if f.pos >= start {
		return f.pos
	}
	from := start
	if f.pos < 0 && f.upto > from {
		from = f.upto
	}
	if i := bytes.IndexByte(buf[from:end], f.c); i >= 0 {
		f.pos = from + i
		return f.pos
	}
	f.pos, f.upto = -1, end
	return -1
}

// shift follows buf's contents moving d bytes to the left.
func (f *finder) shift(d int) {
	switch {
	case f.pos >= d:
		f.pos -= d
	case f.pos >= 0: // already consumed: search again
		f.pos, f.upto = -1, 0
	default:
		f.upto = max(f.upto-d, 0)
	}
}

func newLineReader(r io.Reader, size, maxLine int) *lineReader {
	buf := []byte(nil)
	if size <= pooledBuffer {
		buf = (*bufferPool.Get().(*[]byte))[:size]
	} else {
		buf = make([]byte, size)
	}
	return &lineReader{r: r, buf: buf, max: maxLine,
		tick: finder{c: '`', pos: -1}, hash: finder{c: '#', pos: -1}}
}

// pooledBuffer is the largest buffer a line reader takes from bufferPool:
// an input held in memory (bufferSize), such as the session log every
// host of a fleet is read from twice. What Read keeps of a line is a
// copy, so the buffer is free once the read ends.
const pooledBuffer = 64 << 10

var bufferPool = sync.Pool{New: func() any {
	b := make([]byte, pooledBuffer)
	return &b
}}

// release returns the buffer to bufferPool; lr is not used again.
func (lr *lineReader) release() {
	if cap(lr.buf) == pooledBuffer {
		b := lr.buf[:pooledBuffer]
		bufferPool.Put(&b)
	}
	lr.buf = nil
}

// fill moves unread data to the front of buf and reads more. It reports
// whether new data arrived.
func (lr *lineReader) fill() bool {
	if lr.eof || lr.err != nil {
		return false
	}
	lr.nlEnd = 0
	if lr.start > 0 {
		copy(lr.buf, lr.buf[lr.start:lr.end])
		lr.tick.shift(lr.start)
		lr.hash.shift(lr.start)
		lr.end -= lr.start
		lr.start = 0
	}
	for lr.end < len(lr.buf) {
		k, err := lr.r.Read(lr.buf[lr.end:])
		lr.end += k
		if err != nil {
			if errors.Is(err, io.EOF) {
				lr.eof = true
			} else {
				lr.err = err
			}
			return k > 0
		}
		if k > 0 {
			return true
		}
	}
	return false
}

// next returns the next line without its newline, capped at max bytes
// (cut says the line was longer), or ok=false at the end of input or on a
// read error. The slice is valid until the next call.
func (lr *lineReader) next() (line []byte, cut, ok bool) {
	lr.long = lr.long[:0]
	longLine := false
	for {
		if i := bytes.IndexByte(lr.buf[lr.start:lr.end], '\n'); i >= 0 {
			line = lr.buf[lr.start : lr.start+i]
			lr.start += i + 1
			return lr.take(line, longLine)
		}
		if lr.start == 0 && lr.end == len(lr.buf) {
			// One line fills the buffer: keep its start, drop the rest.
			if !longLine && lr.binary != nil && lr.binary(lr.buf) {
				lr.errBinary = true
				return nil, false, false
			}
			longLine = true
			lr.appendLong(lr.buf[:lr.end])
			lr.start = lr.end
		}
		if !lr.fill() {
			if lr.err != nil || lr.start == lr.end && !longLine {
				return nil, false, false
			}
			line = lr.buf[lr.start:lr.end]
			lr.start = lr.end
			return lr.take(line, longLine)
		}
	}
}

// take counts a line whose end next found and returns it as next does:
// the kept start of a line longer than the buffer, or line capped at max.
func (lr *lineReader) take(line []byte, longLine bool) ([]byte, bool, bool) {
	lr.n++
	if longLine {
		return lr.appendLong(line), true, true
	}
	if len(line) > lr.max {
		return line[:lr.max], true, true
	}
	return line, false, true
}

func (lr *lineReader) appendLong(b []byte) []byte {
	if room := lr.max - len(lr.long); room > 0 {
		lr.long = append(lr.long, b[:min(room, len(b))]...)
	}
	return lr.long
}

// skip consumes whole lines that hold neither '`' nor, when prompts is
// set, '#', so that the next call to next returns the first line that
// does. A header line always holds one of them; the bytes in between are
// only counted for line numbers.
func (lr *lineReader) skip(prompts bool) {
	for {
		p := lr.tick.next(lr.buf, lr.start, lr.end)
		if prompts {
			if h := lr.hash.next(lr.buf, lr.start, lr.end); h >= 0 && (p < 0 || h < p) {
				p = h
			}
		}
		data := lr.buf[lr.start:lr.end]
		if p >= 0 {
			ls := bytes.LastIndexByte(data[:p-lr.start], '\n') + 1
			lr.n += bytes.Count(data[:ls], newline)
			lr.start += ls
			return
		}
		if last := bytes.LastIndexByte(data, '\n'); last >= 0 {
			lr.n += bytes.Count(data[:last+1], newline)
			lr.start += last + 1
		}
		if lr.start == 0 && lr.end == len(lr.buf) {
			// A line longer than buf with no marker in its first part:
			// let next handle it (it keeps the start and drops the rest).
			return
		}
		if !lr.fill() {
			return
		}
	}
}

var newline = []byte{'\n'}
