package capture

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/klauspost/compress/flate"
)

// Archives: customers send show-techs zipped or tarred, several switches
// in one archive, sometimes a .gz inside a .tar. Each reads them member by
// member, as streams: nothing is written to disk, a member's name is only
// a name (never a path to open), and the bounds of a plain input hold for
// the whole archive.

// Entry is one capture read by Each: the whole input, or one member of an
// archive.
type Entry struct {
	// Source names the capture: the input's name, or "archive!member"
	// ("cases.tar!sw1.tgz!show-tech.txt" for a member of a nested archive).
	Source string
	// Capture is the capture read; nil when Err or Skipped is set.
	Capture *Capture
	// Err says why the input or member could not be read (an
	// *InputError naming the file and, where it applies, the line). When
	// the archive itself cannot be read further, Source is the archive's.
	Err error
	// Skipped says why a member was not read: not text (binary, empty,
	// another compression), a link or a device, encrypted. The rest of the
	// archive is still read.
	Skipped string
}

// maxNesting is how many archives deep Each reads (a .tgz inside a .tar
// is two); deeper ones are skipped.
const maxNesting = 3

// EachFile is Each on a file; "-" is standard input.
func EachFile(path string, opt Options, fn func(Entry)) {
	if path == "-" {
		Each("-", os.Stdin, opt, fn)
		return
	}
	f, err := openFile(path, opt)
	if err != nil {
		fn(Entry{Source: opt.name(path), Err: err})
		return
	}
	defer f.Close()
	Each(opt.name(path), f, opt, fn)
}

// Each reads one input, detected by content, and calls fn for every
// capture in it, in order: a capture file (text or gzip, as Read reads it)
// is one; a zip, tar or gzip-compressed tar gives one per regular member,
// read exactly as the same file extracted would be (a gzip member is
// decompressed, a tar member read as an archive of its own). Members that
// are not text, links and devices are skipped (an Entry with Skipped);
// directories are passed over.
//
// Bounds: the members' text shares Options.MaxInputBytes (a member that
// is not text is skipped after its first block, whatever its size); an
// archive holds at most Options.MaxMembers members (nested ones
// included); a gzip stream is judged as Read judges one, and so are a
// zip's members together: once they have inflated past 256 MiB, more
// than Options.MaxGzipRatio times the zip's size stops the zip (each
// member is also held to the size the directory declares, by
// archive/zip). A zip is read from its directory at its end, so it needs
// r to be an io.ReaderAt with a size (an *os.File, a bytes.Reader): a zip
// on standard input or inside another archive is refused.
func Each(name string, r io.Reader, opt Options, fn func(Entry)) {
	a := &archives{opt: opt.withDefaults(), fn: fn}
	a.left = a.opt.MaxInputBytes
	if err := a.input(name, r, 0); err != nil {
		fn(Entry{Source: name, Err: err})
	}
}

// archives is the state of one Each: what is left of the bounds.
type archives struct {
	opt Options
	fn  func(Entry)
	// left is the text the members may still expand to.
	left int64
	// members counts the members seen, nested ones included.
	members int
	// fatal is set when a bound of the whole input is passed: nothing
	// after it is read, and it is the input's error.
	fatal error
}

// input reads one input or member at the given depth of nesting (0 for
// the input itself): a capture is passed to fn; an archive is read member
// by member. The error is this input's: not text (errNotText), unreadable,
// or a bound of the whole archive passed (a.stopped then says so).
func (a *archives) input(name string, r io.Reader, depth int) error {
	if a.left <= 0 {
		a.fatal = &InputError{File: name, Msg: a.budget()}
		return a.fatal
	}
	opt := a.opt
	opt.MaxInputBytes = a.left
	if depth > 0 {
		opt.tooMuch = a.budget()
	}
	size := bufferSize(r)
	in, lim, stop, err := openStream(name, r, opt, &size, false)
	defer stop()
	switch {
	case errors.Is(err, errZipArchive):
		return a.zip(name, r, depth)
	case err != nil:
		return err
	case isEmptyTar(in):
		return &InputError{File: name, Err: errNotText, Msg: "an empty tar archive: it holds no file"}
	case isTar(in):
		if depth >= maxNesting {
			return &InputError{File: name, Err: errNotText, Msg: fmt.Sprintf("an archive nested more than %d deep: extract it first", maxNesting)}
		}
		return a.tar(name, in, depth)
	}
	if head, _ := in.Peek(4); lim.compressed != nil && isZip(head) {
		return &InputError{File: name, Err: errNotText, Msg: "a zip archive inside gzip: decompress it and give the zip as a file"}
	}
	c, err := readText(name, in, size, opt)
	// Only text counts against the budget: a member that is not text (a
	// core file beside the show-tech) is skipped after its first block.
	if !errors.Is(err, errNotText) {
		if a.left -= lim.n; a.left < 0 {
			a.fatal = err
		}
	}
	if err != nil {
		return err
	}
	a.fn(Entry{Source: name, Capture: c})
	return nil
}

// budget is the error of members past MaxInputBytes.
func (a *archives) budget() string {
	return fmt.Sprintf("the archive holds more than %d MiB of text: more than slcheck reads from one input", a.opt.MaxInputBytes>>20)
}

// count counts n more members of the archive name; past MaxMembers it
// sets a.fatal.
func (a *archives) count(name string, n int) error {
	if a.members += n; a.members > a.opt.MaxMembers {
		a.fatal = &InputError{File: name, Msg: fmt.Sprintf("more than %d members: not an archive of captures slcheck reads", a.opt.MaxMembers)}
	}
	return a.fatal
}

// member reports what reading one member gave: nothing more for a
// capture (fn had it), a skip for what is not text, else its error. It
// says whether the member was text.
func (a *archives) member(name string, err error) bool {
	var ie *InputError
	switch {
	case err == nil:
	case errors.Is(err, errNotText) && errors.As(err, &ie):
		a.fn(Entry{Source: name, Skipped: ie.Msg})
		return false
	default:
		a.fn(Entry{Source: name, Err: err})
	}
	return true
}

// noCapture is the error of an archive none of whose members is text: a
// run over it must not pass in silence.
func noCapture(name string, skipped int) error {
	return &InputError{File: name, Msg: fmt.Sprintf("no text in the archive (%d members skipped): expected show tech-support or terminal log files", skipped)}
}

// tar reads a tar archive (already decompressed) member by member.
func (a *archives) tar(name string, in io.Reader, depth int) error {
	tr := tar.NewReader(in)
	text, skipped := 0, 0
	// pending is the error of the member read last: it is reported only
	// once the next header is read, because when the archive's own stream
	// broke (truncated, corrupt gzip, a bomb) the member's error is only
	// its consequence.
	var pending error
	var pendingName string
	for {
		h, err := tr.Next()
		if err != nil && !errors.Is(err, io.EOF) {
			return archiveError(name, "tar", err)
		}
		if pendingName != "" && a.member(pendingName, pending) {
			text++
		}
		pendingName, pending = "", nil
		if err != nil {
			break
		}
		if err := a.count(name, 1); err != nil {
			return err
		}
		if h.Typeflag == tar.TypeDir {
			continue
		}
		member := name + "!" + a.opt.name(h.Name)
		var why string
		switch h.Typeflag {
		case tar.TypeReg:
		case tar.TypeSymlink, tar.TypeLink:
			why = "a link: not followed"
		case tar.TypeChar, tar.TypeBlock, tar.TypeFifo:
			why = "a device or FIFO: not read"
		default:
			why = fmt.Sprintf("not a regular file (tar type %q): not read", h.Typeflag)
		}
		if why != "" {
			a.fn(Entry{Source: member, Skipped: why})
			skipped++
			continue
		}
		pendingName, pending = member, a.input(member, tr, depth+1)
		switch {
		case a.fatal != nil:
			return a.fatal
		case pending == nil:
			pendingName = ""
			text++
		case errors.Is(pending, errNotText):
			skipped++
		}
	}
	if text == 0 {
		return noCapture(name, skipped)
	}
	return nil
}

// zip reads a zip archive member by member, from r's directory.
func (a *archives) zip(name string, r io.Reader, depth int) error {
	zr, size, err := a.zipDirectory(name, r, depth)
	if err != nil {
		return err
	}
	// What the members inflate to is judged as a gzip input is, against
	// the zip's size: members not text stop after their first block, so
	// in effect only text (and nested archives, read through) counts.
	inflated := &zipInflated{name: name, size: size, ratio: a.opt.MaxGzipRatio}
	text, skipped := 0, 0
	for _, f := range zr.File {
		if f.Mode().IsDir() {
			continue
		}
		member := name + "!" + a.opt.name(f.Name)
		if why := zipSkip(f); why != "" {
			a.fn(Entry{Source: member, Skipped: why})
			skipped++
			continue
		}
		err := a.zipMember(member, f, inflated, depth)
		if inflated.err != nil {
			a.fatal = inflated.err
		}
		if a.fatal != nil {
			return a.fatal
		}
		if a.member(member, err) {
			text++
		} else {
			skipped++
		}
	}
	if text == 0 {
		return noCapture(name, skipped)
	}
	return nil
}

// zipDirectory reads the directory at the end of the zip r (of the given
// nesting depth) and counts its members; the error says why the zip is
// not read at all.
func (a *archives) zipDirectory(name string, r io.Reader, depth int) (*zip.Reader, int64, error) {
	ra, size, ok := readerAt(r)
	switch {
	case depth > 0:
		return nil, 0, &InputError{File: name, Err: errNotText, Msg: "a zip archive inside an archive: extract it and give the zip as a file"}
	case !ok:
		return nil, 0, &InputError{File: name, Msg: "a zip archive on standard input: give it as a file (a zip is read from its directory at the end)"}
	}
	// The directory is read into memory: it is bounded by what
	// MaxMembers members take, names and comments included.
	dir := &boundedReaderAt{r: ra, left: int64(a.opt.MaxMembers)<<10 + 64<<10}
	zr, err := zip.NewReader(dir, size)
	dir.left = -1
	switch {
	case errors.Is(err, errDirectoryTooLarge):
		return nil, 0, a.count(name, a.opt.MaxMembers+1)
	case errors.Is(err, zip.ErrFormat):
		return nil, 0, &InputError{File: name, Msg: "zip archive is truncated or corrupt: it has no valid directory at its end (" + err.Error() + ")", Err: err}
	case err != nil && !errors.Is(err, zip.ErrInsecurePath):
		// An insecure path is only a name here: nothing is extracted.
		return nil, 0, &InputError{File: name, Msg: "zip archive is corrupt: " + err.Error(), Err: err}
	}
	if err := a.count(name, len(zr.File)); err != nil {
		return nil, 0, err
	}
	return zr, size, nil
}

// zipSkip says why the zip member f is not read, or "" when it is.
func zipSkip(f *zip.File) string {
	mode := f.Mode()
	switch {
	case mode&fs.ModeSymlink != 0:
		return "a link: not followed"
	case !mode.IsRegular():
		return "a device, FIFO or socket: not read"
	case f.Flags&1 != 0:
		return "encrypted: extract it with its password first"
	case f.Method != zip.Store && f.Method != zip.Deflate:
		return fmt.Sprintf("compressed with zip method %d, which slcheck does not read: extract it first", f.Method)
	}
	return ""
}

// zipMember reads the member f as an input one level deeper, its
// inflated bytes counted in inflated.
func (a *archives) zipMember(member string, f *zip.File, inflated *zipInflated, depth int) error {
	rc, err := f.Open()
	if err != nil {
		return &InputError{File: member, Msg: "zip member is corrupt: " + err.Error(), Err: err}
	}
	defer rc.Close()
	return a.input(member, &zipMemberReader{r: rc, name: member, inflated: inflated}, depth+1)
}

// zipMemberReader reads a member's inflated data, wording its failures as
// a zip member's (not as the gzip's that Read words by default).
type zipMemberReader struct {
	r        io.Reader
	name     string
	inflated *zipInflated
}

// zipInflated counts what the members of one zip inflate to: once past
// bombCheckAfter, more than ratio times the zip's size is a decompression
// bomb (err), and no member of it is inflated further.
type zipInflated struct {
	name    string
	n, size int64
	ratio   int64
	err     error
}

func (z *zipMemberReader) Read(p []byte) (int, error) {
	b := z.inflated
	if b.err != nil {
		return 0, b.err
	}
	n, err := z.r.Read(p)
	if b.n += int64(n); b.n > bombCheckAfter && b.n > b.ratio*b.size {
		b.err = &InputError{File: b.name, Msg: fmt.Sprintf("zip members expand more than %d:1 (%d MiB from %d KiB): a decompression bomb, not a capture", b.ratio, b.n>>20, b.size>>10)}
		return n, b.err
	}
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = &InputError{File: z.name, Msg: "zip member ends early: the archive is truncated", Err: err}
	case errors.As(err, &ce):
		err = &InputError{File: z.name, Msg: "zip member is corrupt: " + err.Error(), Err: err}
	}
	return n, err
}

// readerAt gives random access to r when it has it: a file, or an input
// held in memory.
func readerAt(r io.Reader) (io.ReaderAt, int64, bool) {
	ra, ok := r.(io.ReaderAt)
	if !ok {
		return nil, 0, false
	}
	switch v := r.(type) {
	case *os.File:
		st, err := v.Stat()
		if err != nil || !st.Mode().IsRegular() {
			return nil, 0, false
		}
		return ra, st.Size(), true
	case interface{ Size() int64 }:
		return ra, v.Size(), true
	}
	return nil, 0, false
}

// errDirectoryTooLarge stops the reading of a zip directory larger than
// MaxMembers members take.
var errDirectoryTooLarge = errors.New("zip directory too large")

// boundedReaderAt fails once more than left bytes have been read through
// it; left < 0 lifts the bound.
type boundedReaderAt struct {
	r    io.ReaderAt
	left int64
}

func (b *boundedReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if b.left >= 0 {
		if int64(len(p)) > b.left {
			return 0, errDirectoryTooLarge
		}
		b.left -= int64(len(p))
	}
	return b.r.ReadAt(p, off)
}

// isEmptyTar reports whether the stream is a tar archive without members:
// the zero blocks that end every tar and nothing else, at most one
// record of GNU tar (10 KiB), as tar writes for an empty list of files.
// A longer stream of zeros stays binary data (a gzip bomb of zeros).
func isEmptyTar(in *bufio.Reader) bool {
	h, err := in.Peek(20*512 + 1)
	if !errors.Is(err, io.EOF) || len(h) < 1024 || len(h)%512 != 0 {
		return false
	}
	return !slices.ContainsFunc(h, func(b byte) bool { return b != 0 })
}

// isTar reports whether the stream starts with a tar header: a 512-byte
// block whose checksum field matches its bytes (every tar format has it;
// text does not).
func isTar(in *bufio.Reader) bool {
	h, _ := in.Peek(512)
	return isTarHeader(h)
}

// isTarHeader reports whether h, an input's first bytes, starts with a tar
// header (isTar).
func isTarHeader(h []byte) bool {
	if len(h) < 512 {
		return false
	}
	h = h[:512]
	want, err := strconv.ParseInt(strings.Trim(string(h[148:156]), " \x00"), 8, 64)
	if err != nil {
		return false
	}
	var unsigned, signed int64
	for i, c := range h {
		if i >= 148 && i < 156 {
			c = ' '
		}
		unsigned += int64(c)
		signed += int64(int8(c))
	}
	return want == unsigned || want == signed
}

// archiveError words the failure of an archive's own stream.
func archiveError(name, kind string, err error) error {
	var ie *InputError
	switch {
	case errors.As(err, &ie):
		return ie
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &InputError{File: name, Msg: kind + " archive ends early: the file is truncated", Err: err}
	case errors.Is(err, tar.ErrHeader):
		return &InputError{File: name, Msg: kind + " archive is corrupt: " + err.Error(), Err: err}
	}
	return readError(name, 0, err)
}
