package capture

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
)

// openStream opens an input's bytes: it decompresses gzip (found by its
// magic bytes, in a goroutine of its own) and bounds what is read (size,
// and a gzip's expansion). It refuses the compressed and archive formats
// it does not open here (a zip is refused with errZipArchive in its Err,
// for Each to open from the file). The caller calls the returned stop
// function, error or not: it ends the decompressing goroutine. *size is
// the line reader's buffer (see bufferSize): its buffers are no larger,
// and a gzip input sets it back to readBuffer. pooled lets an input held
// in memory be opened with a reader from peekPool, for a caller that
// peeks no more than its buffer (Read; an archive's outer stream keeps a
// buffer of the input's size, which decides how much of it is read ahead).
func openStream(name string, r io.Reader, opt Options, size *int, pooled bool) (*bufio.Reader, *limitReader, func(), error) {
	stop := func() {}
	fail := func(msg string, err error) (*bufio.Reader, *limitReader, func(), error) {
		return nil, nil, stop, &InputError{File: name, Msg: msg, Err: err}
	}
	raw := &countReader{r: r}
	// Only the magic bytes are peeked here. For an input held in memory
	// (a live session's log) the buffer is that small: the reads after it
	// go straight to raw (bufio passes a read larger than its buffer
	// through), so the text is not copied into one more buffer of its
	// size. A file or a stream keeps a full one: its read errors then
	// surface here, before the first line, as they always did.
	br := bufio.NewReaderSize(raw, min(64<<10, *size))
	if inMemory(r) {
		br = bufio.NewReaderSize(raw, 16)
	}
	head, err := br.Peek(6)
	if len(head) == 0 {
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, nil, stop, readError(name, 0, err)
		}
		return fail("empty file: expected captured NX-OS output", errNotText)
	}
	var src io.Reader = br
	compressed := false
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		// flate reads a byte at a time from a bufio.Reader: a large one
		// (br itself, unless it is the small one of an input in memory).
		p, err := newGzipPipe(bufio.NewReaderSize(br, min(64<<10, *size)))
		if err != nil {
			return fail("gzip header is corrupt: "+err.Error(), err)
		}
		src, stop, compressed = p, p.stop, true
		*size = readBuffer
	case isZip(head):
		return fail("a zip archive: slcheck reads plain text or gzip; extract the capture first", errZipArchive)
	default:
		if kind := archiveKind(head); kind != "" {
			return fail(kind+": slcheck reads plain text, gzip, zip or tar; extract the capture first", errNotText)
		}
	}
	lim := &limitReader{r: src, name: name, max: opt.MaxInputBytes, tooMuch: opt.tooMuch}
	if compressed {
		lim.compressed, lim.ratio = raw, opt.MaxGzipRatio
	}
	if pooled && inMemory(r) {
		in := peekPool.Get().(*bufio.Reader)
		in.Reset(lim)
		return in, lim, func() {
			stop()
			in.Reset(nil)
			peekPool.Put(in)
		}, nil
	}
	return bufio.NewReaderSize(lim, min(64<<10, *size)), lim, stop, nil
}

// peekPool holds the opened stream's reader of an input held in memory,
// which every host of a fleet is read from twice: a buffer as large as
// decodeText's peek (8 KiB); the line reader's reads past it go straight
// through.
var peekPool = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 8<<10) }}

// decodeText turns an opened stream into UTF-8 text: it decodes UTF-16
// (what Windows PowerShell writes), drops a UTF-8 byte order mark, turns
// old Mac line ends into newlines, and refuses what is not text.
func decodeText(name string, text *bufio.Reader) (io.Reader, error) {
	sample, err := text.Peek(8 << 10)
	if len(sample) == 0 {
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, readError(name, 0, err)
		}
		return nil, &InputError{File: name, Msg: "empty after decompression: expected captured NX-OS output", Err: errNotText}
	}
	switch {
	case bytes.HasPrefix(sample, []byte{0xef, 0xbb, 0xbf}):
		text.Discard(3)
		sample = sample[3:]
	case bytes.HasPrefix(sample, []byte{0xff, 0xfe}):
		text.Discard(2)
		return &utf16Reader{r: text}, nil
	case bytes.HasPrefix(sample, []byte{0xfe, 0xff}):
		text.Discard(2)
		return &utf16Reader{r: text, big: true}, nil
	}
	if big, ok := utf16WithoutBOM(sample); ok {
		return &utf16Reader{r: text, big: big}, nil
	}
	if looksBinary(sample) {
		return nil, &InputError{File: name, Line: firstBinaryLine(sample), Err: errNotText,
			Msg: "binary data, not a text capture (expected the text of a show tech-support or a terminal log)"}
	}
	if bytes.IndexByte(sample, '\n') < 0 && bytes.IndexByte(sample, '\r') >= 0 {
		return &crReader{r: text}, nil
	}
	return text, nil
}

// errNotText marks an InputError for an input that is not text (binary
// data, another compression, nothing at all): a member of an archive with
// it is skipped, not an error.
var errNotText = errors.New("not text")

// errZipArchive marks an InputError for a zip archive read as a stream.
var errZipArchive = errors.New("zip archive")

// isZip reports whether head starts a zip archive (a local file header, or
// the end record of an empty one).
func isZip(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06"))
}

// archiveKind names compressed or archive formats slcheck does not open.
func archiveKind(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("BZh")):
		return "bzip2-compressed"
	case bytes.HasPrefix(head, []byte{0xfd, '7', 'z', 'X', 'Z', 0}):
		return "xz-compressed"
	case bytes.HasPrefix(head, []byte{0x28, 0xb5, 0x2f, 0xfd}):
		return "zstd-compressed"
	case bytes.HasPrefix(head, []byte("7z\xbc\xaf\x27\x1c")):
		return "a 7-Zip archive"
	}
	return ""
}

// looksBinary reports whether a sample is not text: many control bytes
// (NUL included) or invalid UTF-8. A log with a few NUL bytes sprinkled in
// is still text: the cleaner drops them.
func looksBinary(sample []byte) bool {
	ctrl, bad := 0, 0
	for i := 0; i < len(sample); {
		if i+8 <= len(sample) && printable8(binary.LittleEndian.Uint64(sample[i:])) {
			i += 8 // eight printable ASCII bytes count for nothing
			continue
		}
		c := sample[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\b' && c != 0x1b || c == 0x7f {
				ctrl++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 && i+utf8.UTFMax <= len(sample) {
			bad++
		}
		i += size
	}
	return ctrl*10 > len(sample) || bad*5 > len(sample)
}

// printable8 reports whether the eight bytes of w are all printable
// ASCII, 0x20 to 0x7e: none has its high bit set, none is below 0x20 (a
// borrow into the high bit of w-0x20.. where w's is clear) and none is
// 0x7f (a carry into the high bit of w+0x01..).
func printable8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return w&highs == 0 && (w-0x20*ones)&^w&highs == 0 && (w+ones)&highs == 0
}

// firstBinaryLine is the line of the first control byte a text does not
// hold, for the error that points at it.
func firstBinaryLine(sample []byte) int {
	for i, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\b' && c != 0x1b || c == 0x7f {
			return 1 + bytes.Count(sample[:i], newline)
		}
	}
	return 1
}

// utf16WithoutBOM recognises UTF-16 text that lacks a byte order mark:
// ASCII characters with a zero byte beside each. It reports big-endian.
func utf16WithoutBOM(s []byte) (big, ok bool) {
	n := min(len(s), 512) &^ 1
	if n < 8 {
		return false, false
	}
	evenZero, oddZero := 0, 0
	for i := 0; i < n; i += 2 {
		if s[i] == 0 && s[i+1] != 0 {
			evenZero++
		}
		if s[i+1] == 0 && s[i] != 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case oddZero*10 >= pairs*9:
		return false, true
	case evenZero*10 >= pairs*9:
		return true, true
	}
	return false, false
}

// utf16Reader decodes UTF-16 to UTF-8.
type utf16Reader struct {
	r   io.Reader
	big bool
	in  [4096]byte
	k   int // bytes pending in in
	hi  rune
	out []byte
	buf []byte
	err error
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) == 0 {
		if u.err != nil {
			if u.hi != 0 {
				u.hi = 0
				u.out = utf8.AppendRune(u.buf[:0], utf8.RuneError)
				break
			}
			return 0, u.err
		}
		n, err := u.r.Read(u.in[u.k:])
		u.k += n
		u.err = err
		out := u.buf[:0]
		units := u.k / 2
		for i := 0; i < units; i++ {
			a, b := u.in[2*i], u.in[2*i+1]
			v := rune(b)<<8 | rune(a)
			if u.big {
				v = rune(a)<<8 | rune(b)
			}
			switch {
			case utf16.IsSurrogate(v) && v < 0xdc00:
				if u.hi != 0 {
					out = utf8.AppendRune(out, utf8.RuneError)
				}
				u.hi = v
				continue
			case u.hi != 0:
				r := utf16.DecodeRune(u.hi, v)
				u.hi = 0
				if r == utf8.RuneError {
					out = utf8.AppendRune(out, utf8.RuneError)
					r = v
				}
				out = utf8.AppendRune(out, r)
			default:
				out = utf8.AppendRune(out, v)
			}
		}
		copy(u.in[:], u.in[2*units:u.k])
		u.k -= 2 * units
		u.buf, u.out = out, out
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

// crReader turns carriage returns into newlines, for files saved with old
// Mac line ends (no newline at all).
type crReader struct{ r io.Reader }

func (c *crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// limitReader stops an input that is too large to be a capture, or a
// gzip stream that expands far more than text does (a decompression bomb).
type limitReader struct {
	r          io.Reader
	name       string
	n, max     int64
	compressed *countReader
	ratio      int64
	// tooMuch, when set, replaces the message of the size limit (an
	// archive's members share one limit).
	tooMuch string
}

// bombCheckAfter is how much a gzip stream may expand before its ratio is
// judged: small inputs of repetitive text may compress very well.
const bombCheckAfter = 256 << 20

func (l *limitReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.max > 0 && l.n > l.max {
		msg := l.tooMuch
		if msg == "" {
			msg = fmt.Sprintf("more than %d MiB of text: not a capture slcheck reads", l.max>>20)
		}
		return n, &InputError{File: l.name, Msg: msg}
	}
	if c := l.compressed; c != nil && l.ratio > 0 && l.n > bombCheckAfter && l.n > l.ratio*c.n {
		return n, &InputError{File: l.name, Msg: fmt.Sprintf("gzip data expands more than %d:1 (%d MiB from %d KiB): a decompression bomb, not a capture", l.ratio, l.n>>20, c.n>>10)}
	}
	return n, err
}

// gzipPipe decompresses in its own goroutine so that inflating and
// scanning run on two cores; chunks pass through a small ring of buffers,
// which bounds the memory it holds.
type gzipPipe struct {
	chunks chan gzChunk
	free   chan []byte
	done   chan struct{}
	held   []byte // the buffer cur points into, returned to free when read
	cur    []byte
	err    error
}

type gzChunk struct {
	b   []byte
	err error
}

const (
	gzChunkSize = 256 << 10
	gzChunks    = 4
)

func newGzipPipe(r io.Reader) (*gzipPipe, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	p := &gzipPipe{chunks: make(chan gzChunk, gzChunks), free: make(chan []byte, gzChunks+2),
		done: make(chan struct{})}
	for range gzChunks + 2 {
		p.free <- make([]byte, gzChunkSize)
	}
	go p.run(zr)
	return p, nil
}

func (p *gzipPipe) run(zr *gzip.Reader) {
	defer close(p.chunks)
	for {
		var buf []byte
		select {
		case buf = <-p.free:
		case <-p.done:
			return
		}
		n := 0
		var err error
		for n < len(buf) && err == nil {
			var k int
			k, err = zr.Read(buf[n:])
			n += k
		}
		select {
		case p.chunks <- gzChunk{b: buf[:n], err: err}:
		case <-p.done:
			return
		}
		if err != nil {
			return
		}
	}
}

func (p *gzipPipe) Read(b []byte) (int, error) {
	for len(p.cur) == 0 {
		if p.err != nil {
			return 0, p.err
		}
		if p.held != nil {
			p.free <- p.held[:cap(p.held)]
			p.held = nil
		}
		c, ok := <-p.chunks
		if !ok {
			return 0, io.EOF
		}
		p.held, p.cur = c.b, c.b
		if c.err != nil {
			p.err = c.err
		}
	}
	n := copy(b, p.cur)
	p.cur = p.cur[n:]
	return n, nil
}

// stop ends the decompressing goroutine; safe to call more than once.
func (p *gzipPipe) stop() {
	select {
	case <-p.done:
	default:
		close(p.done)
	}
}

// readError words a failure of the input stream for the person who gave
// it: a truncated or corrupt gzip, an I/O error, or a limit.
func readError(name string, line int, err error) error {
	var ie *InputError
	if errors.As(err, &ie) {
		if ie.Line == 0 {
			// A copy: the error may be an archive's, shared by its members.
			c := *ie
			c.Line = line
			return &c
		}
		return ie
	}
	msg := "cannot read: " + err.Error()
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		msg = "gzip data ends early: the file is truncated"
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		msg = "gzip data is corrupt: " + err.Error()
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat):
		// archive/zip enforces the sizes the directory declares.
		msg = "zip member is corrupt or larger than its directory says: " + err.Error()
	default:
		var ce flate.CorruptInputError
		if errors.As(err, &ce) {
			msg = "gzip data is corrupt: " + err.Error()
		}
	}
	return &InputError{File: name, Line: line, Msg: msg, Err: err}
}
