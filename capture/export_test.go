package capture

import "bytes"

// What the external tests (package capture_test, which may import parsers
// and snapshot, the users of Options.Needles) reach inside the package for.

// Summary is summary.
var Summary = summary

// ReadSized reads in as Read does with a line reader buffer of size bytes,
// with the quiet scanner or, when lineByLine is set, without it.
func ReadSized(name string, in []byte, size int, opt Options, lineByLine bool) (*Capture, error) {
	opt.lineByLine = lineByLine
	opt = opt.withDefaults()
	br, _, stop, err := openStream(name, bytes.NewReader(in), opt, &size, false)
	defer stop()
	if err != nil {
		return nil, err
	}
	return readText(name, br, size, opt)
}

// ReadBufferSize is the line reader's buffer for a file.
const ReadBufferSize = readBuffer

// OwnNeedles are the quiet scanner's own needles.
var OwnNeedles = ownNeedles

// HaveAVX2 reports whether the quiet scanner's AVX2 kernel runs here.
func HaveAVX2() bool { return haveAVX2 }

// QuietNext returns the first flag in b at or after from (from ≥ 1) as the
// quiet scanner finds it (the kernel where it runs) and as the Go rules
// (needleTable.flagged) define it, each -1 for none; ok is false when no
// scanner can be built from needles.
func QuietNext(needles []string, b []byte, from int) (scanner, rules int, ok bool) {
	q := newQuietScanner(needles)
	if q == nil {
		return -1, -1, false
	}
	rules = -1
	for i := from; i < len(b); i++ {
		if q.t.flagged(b, i, b[i-1]) {
			rules = i
			break
		}
	}
	return q.next(b, from), rules, true
}
