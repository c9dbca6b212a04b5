package capture

import (
	"bytes"
	"slices"
)

// A quiet scanner lets the reader pass over the lines of a kept section
// whose filter keeps few of them (a log of hundreds of MiB, of which a few
// lines are about licensing) without splitting them: it looks over whole
// buffers, as a SIMD kernel where the CPU has one, for anything that could
// make the splitter do more with a line than count it, and only the lines
// holding such a flag go through splitter.line. What it flags:
//
//   - a control byte other than '\n' and '\t' (a '\r' only when more
//     than '\r's follow it to the end of its line) or a byte from 0x7f
//     on: the cleaner would change the line;
//   - a line that starts with anything but a digit: a header, a banner,
//     or a line lineSign might read starts so (log lines start with their
//     year); an empty line is not flagged, as the line path drops it;
//   - the first four bytes, ASCII case ignored, of one of the filter's
//     needles (Options.Needles) or of the splitter's own: "/CPU" (an
//     IOS-XR node name, which lineSign looks for in a line that starts with
//     a digit) and "--More--" (a pager prompt the cleaner removes).
//
// A flag is a place to look, not a finding: the line holding it goes
// through the line path, which decides. So the lines passed over are
// exactly those the line path would have counted and dropped.
type quietScanner struct {
	t needleTable
	// needles are those the table was built from (a section of the same
	// command reuses it).
	needles []string
}

// maxNeedles is the most needles a quiet scanner looks for, its own two
// included.
const maxNeedles = 8

// needleTable holds each needle's first four bytes, folded (|0x20) and
// each repeated 32 times, the layout the AVX2 kernel compares with.
type needleTable struct {
	n int
	v [maxNeedles][4][32]byte
}

// ownNeedles are what the splitter itself may act on inside a line that
// starts with a digit.
var ownNeedles = []string{"/CPU", "--More--"}

// newQuietScanner returns a scanner for a filter whose kept lines each hold
// one of needles, or nil when they cannot be looked for this way (none,
// too many, or one shorter than four bytes).
func newQuietScanner(needles []string) *quietScanner {
	all := append(slices.Clip(ownNeedles), needles...)
	if len(needles) == 0 || len(all) > maxNeedles {
		return nil
	}
	q := &quietScanner{needles: needles}
	for _, nd := range all {
		if len(nd) < 4 {
			return nil
		}
		for j := range 4 {
			for k := range 32 {
				q.t.v[q.t.n][j][k] = nd[j] | 0x20
			}
		}
		q.t.n++
	}
	return q
}

// first returns the index of the first flag in b, or -1. b starts at the
// start of a line and ends with '\n'.
func (q *quietScanner) first(b []byte) int {
	if len(b) == 0 {
		return -1
	}
	i := 0 // b[0] starts a line: the byte before it ends one
	if !q.t.flagged(b, 0, '\n') {
		i = q.next(b, 1)
	}
	for i >= 0 && b[i] == '\r' && onlyCR(b[i:]) {
		// "\r\n": the cleaner drops the '\r's that end a line.
		i = q.next(b, i+bytes.IndexByte(b[i:], '\n'))
	}
	return i
}

// onlyCR reports whether b holds nothing but '\r's up to its first '\n'.
func onlyCR(b []byte) bool {
	for _, c := range b {
		if c != '\r' {
			return c == '\n'
		}
	}
	return false
}

// next returns the first flag in b at or after from (from ≥ 1), or -1:
// the kernel over as many 32-byte blocks as it can take, the rest here.
// The kernel compares only the first and fourth bytes of a needle, so
// what it finds is checked here.
func (q *quietScanner) next(b []byte, from int) int {
	for from < len(b) {
		i, ok := scanBlocks(b[from-1:], &q.t)
		i += from - 1
		if !ok {
			from = i
			break
		}
		if q.t.flagged(b, i, b[i-1]) {
			return i
		}
		from = i + 1
	}
	for i := from; i < len(b); i++ {
		if q.t.flagged(b, i, b[i-1]) {
			return i
		}
	}
	return -1
}

// flagged reports whether b[i] is flagged, prev being the byte before it:
// the definition the kernel follows for each position of a block (of a
// needle it compares the first and fourth bytes alone).
func (t *needleTable) flagged(b []byte, i int, prev byte) bool {
	c := b[i]
	if c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f {
		return true
	}
	if prev == '\n' && (c < '0' || c > '9') && c != '\n' {
		return true
	}
	if i+4 > len(b) {
		return false
	}
	w := b[i : i+4]
	for k := range t.n {
		if w[0]|0x20 == t.v[k][0][0] && w[1]|0x20 == t.v[k][1][0] && w[2]|0x20 == t.v[k][2][0] && w[3]|0x20 == t.v[k][3][0] {
			return true
		}
	}
	return false
}

// skipQuiet consumes the whole lines in which q finds no flag, so that the
// next call to next returns the first line that holds one (or the first
// that does not fit in the buffer). The bytes passed over are only
// counted for line numbers.
func (lr *lineReader) skipQuiet(q *quietScanner) {
	for {
		if lr.nlEnd <= lr.start {
			lr.nlEnd = lr.start + bytes.LastIndexByte(lr.buf[lr.start:lr.end], '\n') + 1
		}
		if lr.nlEnd > lr.start {
			lines := lr.buf[lr.start:lr.nlEnd]
			if i := q.first(lines); i >= 0 {
				ls := bytes.LastIndexByte(lines[:i], '\n') + 1
				lr.n += bytes.Count(lines[:ls], newline)
				lr.start += ls
				return
			}
			lr.n += bytes.Count(lines, newline)
			lr.start = lr.nlEnd
		}
		if lr.start == 0 && lr.end == len(lr.buf) || !lr.fill() {
			// A line longer than buf, or the end: next handles both.
			return
		}
	}
}
