package capture_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
)

// streamInputs are texts of every shape Read takes: the repository's
// captures and fixtures, collected sessions, and what is read only by
// Read (no newline at the end, a line longer than a buffer, a byte order
// mark, CR line ends, binary, UTF-16, a prompt-less paste).
func streamInputs(t testing.TB) map[string]string {
	t.Helper()
	in := map[string]string{}
	for _, root := range []string{"testdata", "../testdata", "../collect/testdata", "../diagnose/testdata"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
				return err
			}
			b, err := os.ReadFile(path)
			in[path] = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	session := capture.CollectedHeader("sw1:22", time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)) + "\n" +
		"sw1# show version\nCisco Nexus Operating System (NX-OS) Software\n  NXOS: version 9.3(10)\n" +
		"sw1# show license status\n\\sw2# show license status\nSmart Licensing Using Policy:\n  Status: ENABLED\n" +
		"sw1# show running-config callhome\n`show version`\ncallhome\n  transport http use-vrf management\n" +
		"sw1# ping 10.1.1.1 vrf management\nPING 10.1.1.1 (10.1.1.1): 56 data bytes\n"
	in["session"] = session
	in["session, no end of line"] = strings.TrimSuffix(session, "\n")
	in["session, long line"] = session + "sw1# show clock\n" + strings.Repeat("x", 20<<10) + "\n"
	in["session with BOM"] = "\xef\xbb\xbf" + session
	in["CR line ends"] = strings.ReplaceAll(session, "\n", "\r")
	in["binary"] = session + strings.Repeat("\x00\x01\x02", 3000)
	in["UTF-16"] = "s\x00w\x001\x00#\x00 \x00s\x00h\x00 \x00v\x00e\x00r\x00\n\x00"
	in["two switches"] = session + "sw9# show version\n  NXOS: version 10.2(3)\n"
	in["no NX-OS"] = "hello\nworld\n"
	return in
}

// readOnly are the inputs of streamInputs a Stream leaves to Read, with
// those whose last line has no newline.
var readOnly = map[string]bool{"session, no end of line": true, "session, long line": true, "session with BOM": true,
	"CR line ends": true, "binary": true, "UTF-16": true}

// A Stream's read of a text added in parts is capture.Read's of the whole
// text, error included, wherever the text is cut between lines, and after
// reads of each part: every input, cut after every line of its first 60
// and at 40 more places, read at each cut.
func TestStreamReadsAsRead(t *testing.T) {
	compared, streamed := 0, 0
	for name, text := range streamInputs(t) {
		want, werr := capture.Read(name, strings.NewReader(text), capture.Options{})
		var ends []int // the end of each line
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				ends = append(ends, i+1)
			}
		}
		cuts := ends[:min(len(ends), 60)]
		for k := 1; k <= 40 && len(ends) > 60; k++ {
			cuts = append(cuts, ends[60+(len(ends)-61)*k/40])
		}
		for _, read := range []bool{false, true} {
			st := capture.NewStream(name)
			at := 0
			for _, cut := range append(cuts, len(text)) {
				if cut <= at {
					continue
				}
				st.Add(text[at:cut])
				at = cut
				if read {
					// A read mid-way leaves the Stream as it was.
					st.Read(text[:cut]) //nolint:errcheck
				}
			}
			got, gerr := st.Read(text)
			if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
				t.Errorf("%s (reads mid-way %v): Read: %v, Stream: %v", name, read, werr, gerr)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (reads mid-way %v): Stream's capture differs from Read's", name, read)
			}
			compared++
			// The Stream's own devices, the same at each read, unless
			// the text is one only Read reads.
			if werr != nil {
				continue
			}
			again, _ := st.Read(text)
			own := got.Devices[0] == again.Devices[0]
			if byRead := readOnly[name] || !strings.HasSuffix(text, "\n"); own == byRead {
				t.Errorf("%s: read by the Stream itself %v, want %v", name, own, !byRead)
			}
			if own {
				streamed++
			}
		}
	}
	if compared < 300 || streamed < 200 {
		t.Errorf("compared %d texts, %d read by the Stream itself; want every input", compared, streamed)
	}
}

// A Stream given another text than the parts it read reads that text.
func TestStreamReadsAnotherText(t *testing.T) {
	st := capture.NewStream("s")
	st.Add("sw1# show version\n  NXOS: version 9.3(10)\n")
	other := "sw1# show version\n  NXOS: version 10.2(3)\n"
	want, _ := capture.Read("s", strings.NewReader(other), capture.Options{})
	if got, err := st.Read(other); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Read(other) = %+v, %v; want capture.Read's", got, err)
	}
}

// FuzzStream: a Stream given any text in two parts reads what Read reads,
// error included, with a read after the first part or not. Seeds: the
// inputs of TestStreamReadsAsRead, cut in their middle.
func FuzzStream(f *testing.F) {
	for _, text := range streamInputs(f) {
		if len(text) < 64<<10 {
			f.Add(text, uint16(len(text)/2), true)
		}
	}
	f.Fuzz(func(t *testing.T, text string, at uint16, mid bool) {
		want, werr := capture.Read("in", strings.NewReader(text), capture.Options{})
		cut := strings.LastIndexByte(text[:min(int(at), len(text))], '\n') + 1
		st := capture.NewStream("in")
		st.Add(text[:cut])
		if mid {
			st.Read(text[:cut]) //nolint:errcheck
		}
		st.Add(text[cut:])
		got, gerr := st.Read(text)
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Fatalf("Read: %v, Stream: %v", werr, gerr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Stream's capture differs from Read's")
		}
	})
}
