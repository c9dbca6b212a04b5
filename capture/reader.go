package capture

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Options tunes a read. The zero value keeps everything, within the
// default limits.
type Options struct {
	// Select says, for a canonical command, whether to keep its section
	// and, if filter is non-nil, which of its lines. Sections not kept
	// cost no memory, which is how a 1 GiB show-tech stays small. filter
	// gets a string that is only valid during the call: it must not keep
	// it (it may return true, and the reader keeps a copy).
	// nil keeps everything.
	Select func(cmd string) (keep bool, filter func(line string) bool)

	// Needles, when set, gives for a command whose section Select keeps
	// with a filter up to six strings of four bytes or more such that
	// every line the filter keeps holds one of them, ASCII case ignored
	// (nil: none can be given). The reader then passes over the other
	// lines of the section without splitting them (quiet.go), which is
	// what makes a log of hundreds of MiB cheap to read; what it finds is
	// the same.
	Needles func(cmd string) []string

	// MaxLineBytes caps a kept line; the rest is dropped and Line.Cut set.
	MaxLineBytes int
	// MaxSectionLines and MaxSectionBytes cap one section; past them the
	// section is marked Truncated and keeps its first lines.
	MaxSectionLines int
	MaxSectionBytes int
	// MaxKeptBytes caps all the text kept from one input (sections past
	// it are Truncated).
	MaxKeptBytes int64
	// MaxSections caps the sections kept from one input; past it the read
	// fails: no capture has that many commands.
	MaxSections int
	// MaxDevices caps the devices found in one input; past it the read
	// fails: each device gets a whole diagnosis, and a file of thousands
	// of one-line prompts would make megabytes of report per input byte.
	MaxDevices int
	// MaxInputBytes caps the text read (after decompression); the members
	// of an archive share it.
	MaxInputBytes int64
	// MaxMembers caps the members of one archive (nested archives
	// included); past it the read of the archive fails.
	MaxMembers int
	// MaxGzipRatio is the largest expansion a gzip input (or a zip
	// archive) may show once it has expanded past 256 MiB; text rarely
	// passes 20:1, zeros pass 1000:1.
	MaxGzipRatio int64

	// Name, when set, gives the name an input file or an archive member
	// is shown by in refs and errors, from its path or member name:
	// slcheck escapes a newline or a control character in it
	// (redact.Escape), so that a name cannot forge a line of the report or
	// of stderr.
	Name func(string) string

	// tooMuch replaces the message of MaxInputBytes (an archive's member).
	tooMuch string
	// lineByLine turns the quiet scanner off (tests compare both paths).
	lineByLine bool
}

// name is how the input or member named s is shown.
func (o Options) name(s string) string {
	if o.Name == nil {
		return s
	}
	return o.Name(s)
}

// Defaults of Options' limits: a full show tech-support has 520 000 to
// 600 000 lines, of which slcheck keeps a few thousand.
const (
	DefaultMaxLineBytes    = 64 << 10
	DefaultMaxSectionLines = 200_000
	DefaultMaxSectionBytes = 16 << 20
	DefaultMaxKeptBytes    = 48 << 20
	DefaultMaxSections     = 200_000
	DefaultMaxDevices      = 1000
	DefaultMaxInputBytes   = 16 << 30
	DefaultMaxGzipRatio    = 100
	DefaultMaxMembers      = 10_000
)

func (o Options) withDefaults() Options {
	setDefault(&o.MaxLineBytes, DefaultMaxLineBytes)
	setDefault(&o.MaxSectionLines, DefaultMaxSectionLines)
	setDefault(&o.MaxSectionBytes, DefaultMaxSectionBytes)
	setDefault(&o.MaxSections, DefaultMaxSections)
	setDefault(&o.MaxDevices, DefaultMaxDevices)
	setDefault(&o.MaxMembers, DefaultMaxMembers)
	setDefault(&o.MaxKeptBytes, DefaultMaxKeptBytes)
	setDefault(&o.MaxInputBytes, DefaultMaxInputBytes)
	setDefault(&o.MaxGzipRatio, DefaultMaxGzipRatio)
	return o
}

// setDefault sets a bound left at zero (or below) to its default d.
func setDefault[T int | int64](v *T, d T) {
	if *v <= 0 {
		*v = d
	}
}

// readBuffer is the line reader's buffer: large reads, and the longest
// line it sees whole before deciding it is binary.
const readBuffer = 1 << 20

// bufferSize is the line reader's buffer for r: readBuffer, or less for
// an input held in memory (a live session's log, a few KiB) whose whole
// text fits in less, so that diagnosing a fleet does not allocate and
// clear 1 MiB per host. The text may be up to 1.5 times the bytes (UTF-16
// to UTF-8); openStream sets readBuffer back for a gzip input.
func bufferSize(r io.Reader) int {
	if l, ok := r.(lener); ok {
		return min(readBuffer, max(16<<10, l.Len()+l.Len()/2+4<<10))
	}
	return readBuffer
}

// lener is an input held in memory (strings.Reader, bytes.Reader,
// bytes.Buffer): Len is what is left of it.
type lener interface{ Len() int }

// inMemory reports whether r is held in memory: its reads cannot fail.
func inMemory(r io.Reader) bool {
	_, ok := r.(lener)
	return ok
}

// ReadFile reads one input; "-" is standard input.
func ReadFile(path string, opt Options) (*Capture, error) {
	if path == "-" {
		return Read("-", os.Stdin, opt)
	}
	f, err := openFile(path, opt)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(opt.name(path), f, opt)
}

// openFile opens an input file, with the errors a person understands.
func openFile(path string, opt Options) (*os.File, error) {
	name := opt.name(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, &InputError{File: name, Msg: OpenProblem(err), Err: err}
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, &InputError{File: name, Msg: "is a directory: give the capture files in it"}
	}
	return f, nil
}

// Read splits one input into devices and sections. It streams: memory
// stays bounded by Options whatever the input's size. An archive is refused
// (Each reads one).
func Read(name string, r io.Reader, opt Options) (*Capture, error) {
	opt = opt.withDefaults()
	size := bufferSize(r)
	in, _, stop, err := openStream(name, r, opt, &size, true)
	defer stop()
	if err != nil {
		return nil, err
	}
	if isTar(in) {
		return nil, &InputError{File: name, Msg: "a tar archive: slcheck file reads its members"}
	}
	return readText(name, in, size, opt)
}

// readText splits an opened stream (openStream) into devices and sections.
func readText(name string, in *bufio.Reader, size int, opt Options) (*Capture, error) {
	src, err := decodeText(name, in)
	if err != nil {
		return nil, err
	}
	s := newSplitter(name, opt)
	lr := newLineReader(src, size, opt.MaxLineBytes)
	defer lr.release()
	lr.binary = looksBinary
	for {
		if s.skipping {
			lr.skip(s.prompted)
		} else if q := s.quietScanner(); q != nil {
			lr.skipQuiet(q)
		}
		raw, cut, ok := lr.next()
		if !ok {
			break
		}
		if err := s.line(raw, cut, lr.n); err != nil {
			return nil, err
		}
	}
	switch {
	case lr.errBinary:
		return nil, &InputError{File: name, Line: lr.n + 1,
			Msg: fmt.Sprintf("binary data (a line of more than %d KiB that is not text): not a text capture", readBuffer>>10)}
	case lr.err != nil:
		return nil, readError(name, lr.n+1, lr.err)
	}
	return s.finish()
}

// OpenProblem words why os.Open failed, without the path (the error that
// carries it names the file): "no such file", "permission denied: cannot
// read it", else "cannot open: " and the system's reason. Captures,
// inventories and reports share it, so every file slcheck reads is refused
// in the same words.
func OpenProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: cannot read it"
	}
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		err = pe.Err
	}
	return "cannot open: " + err.Error()
}
