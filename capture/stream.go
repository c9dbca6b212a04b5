package capture

import (
	"bytes"
	"strings"
	"unsafe"
)

// Stream reads a text that grows by whole lines, as the log of a session
// slcheck ssh collects does, so that a text read mid-way (to learn the
// licensing path) is not read again whole at the end: Read returns what
// capture.Read returns for the text, with the default Options, while
// splitting only the lines added since its last call. The lines go
// through the same splitter as Read's, numbered on from the last; a text
// that Read would not take as plain lines (see plain) is read by Read.
type Stream struct {
	name string
	s    *splitter
	// parts are the texts added, in order; n counts their lines.
	parts []string
	n     int
	// split is set while every part was split as Read splits the whole
	// text: parts of whole lines, none longer than the smallest buffer
	// of Read's line reader, and no error.
	split bool
}

// NewStream returns a Stream for a text named name (as Read's name).
func NewStream(name string) *Stream {
	return &Stream{name: name, s: newSplitter(name, Options{}.withDefaults()), split: true}
}

// Name is the name the text is read under.
func (st *Stream) Name() string { return st.name }

// Add reads part, the text's continuation: lines, each ending in '\n'.
func (st *Stream) Add(part string) {
	st.parts = append(st.parts, part)
	if !st.split || part == "" {
		return
	}
	if part[len(part)-1] != '\n' {
		st.split = false
		return
	}
	// A view of the string, not a copy: the splitter only reads the
	// lines it is given (as OutputLine's cleaner does), and copies what it
	// keeps, since the line reader's buffer is written over.
	buf := unsafe.Slice(unsafe.StringData(part), len(part))
	for len(buf) > 0 {
		i := bytes.IndexByte(buf, '\n')
		raw := buf[:i]
		buf = buf[i+1:]
		if i+1 > minLineBuffer {
			// Read's line reader would take it as longer than its buffer.
			st.split = false
			return
		}
		st.n++
		if st.s.skipping && !hasMark(raw, st.s.prompted) {
			continue // lineReader.skip passes over it
		}
		if err := st.s.line(raw, false, st.n); err != nil {
			st.split = false
			return
		}
	}
}

// hasMark reports whether a line holds what lineReader.skip stops at: a
// '`', or a '#' when prompts is set.
func hasMark(line []byte, prompts bool) bool {
	return bytes.IndexByte(line, '`') >= 0 || prompts && bytes.IndexByte(line, '#') >= 0
}

// minLineBuffer is the smallest buffer Read's line reader has
// (bufferSize): a line that fits in it with its '\n' is never split as a
// long one, whatever the buffer.
const minLineBuffer = 16 << 10

// Read returns capture.Read(st.Name(), text, Options{}); text is what was
// added, joined. The devices it returns are the Stream's own: they change
// as lines are added.
func (st *Stream) Read(text string) (*Capture, error) {
	if st.split && st.joins(text) && plain(text) {
		return st.s.finish()
	}
	return Read(st.name, strings.NewReader(text), Options{})
}

// joins reports whether text is the parts added, joined.
func (st *Stream) joins(text string) bool {
	for _, p := range st.parts {
		if !strings.HasPrefix(text, p) {
			return false
		}
		text = text[len(p):]
	}
	return text == ""
}

// plain reports whether Read passes text, held in memory, to its line
// reader as it is: not empty, within the input limit, neither compressed
// nor an archive (openStream, isTar), and UTF-8 text without a byte order
// mark that has newlines (decodeText reads the same first 8 KiB).
func plain(text string) bool {
	if text == "" || int64(len(text)) > DefaultMaxInputBytes {
		return false
	}
	// Read only: a view of the text, not a copy.
	head := unsafe.Slice(unsafe.StringData(text), min(len(text), 8<<10))
	if _, utf16 := utf16WithoutBOM(head); utf16 || isTarHeader(head) || isZip(head) || archiveKind(head) != "" ||
		bytes.HasPrefix(head, []byte{0x1f, 0x8b}) || bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}) ||
		bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) || looksBinary(head) {
		return false
	}
	return bytes.IndexByte(head, '\n') >= 0
}
