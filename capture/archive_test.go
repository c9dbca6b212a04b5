package capture

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// member is one file of an archive a test builds.
type member struct {
	name, body string
	// kind is a tar type flag (tar.TypeReg when zero); for zip, a
	// symlink or a directory.
	kind byte
}

func zipOf(t testing.TB, ms ...member) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, m := range ms {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate}
		switch m.kind {
		case tar.TypeSymlink:
			h.SetMode(fs.ModeSymlink | 0o777)
		case tar.TypeDir:
			h.Name += "/"
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, m.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func tarOf(t testing.TB, ms ...member) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, m := range ms {
		h := &tar.Header{Name: m.name, Typeflag: m.kind, Mode: 0o644, Size: int64(len(m.body))}
		switch m.kind {
		case 0:
			h.Typeflag = tar.TypeReg
		case tar.TypeSymlink:
			h.Linkname, h.Size = m.body, 0
		case tar.TypeDir, tar.TypeChar:
			h.Size = 0
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Size > 0 {
			io.WriteString(tw, m.body)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// entries reads an input with Each and renders every entry on a line:
// the source, then the capture's shape, the skip reason or the error.
func entries(name string, r io.Reader, opt Options) (string, []Entry) {
	var b strings.Builder
	var all []Entry
	Each(name, r, opt, func(e Entry) {
		all = append(all, e)
		switch {
		case e.Capture != nil:
			fmt.Fprintf(&b, "%s: capture of %d devices\n", e.Source, len(e.Capture.Devices))
		case e.Skipped != "":
			fmt.Fprintf(&b, "%s: skipped: %s\n", e.Source, e.Skipped)
		default:
			fmt.Fprintf(&b, "%s: error: %v\n", e.Source, e.Err)
		}
	})
	return b.String(), all
}

const terminalLog = "N9K-2# show version\nCisco Nexus Operating System (NX-OS) Software\n NXOS: version 10.2(3)\nN9K-2# show license status\nSmart Licensing is ENABLED\nN9K-2# exit\n"

func pngBytes() string {
	rnd := rand.New(rand.NewPCG(3, 4))
	b := []byte("\x89PNG\r\n\x1a\n")
	for range 16 << 10 {
		b = append(b, byte(rnd.Uint32()))
	}
	return string(b)
}

// TestEachArchives reads archives of every kind and checks that each text
// member is read exactly as the same file on its own (sections, lines,
// hostnames), under the name archive!member, and that what is not a
// capture is skipped or named.
func TestEachArchives(t *testing.T) {
	files := []member{{name: "cases/sw1-show-tech.txt", body: showTech}, {name: "sw2.log", body: terminalLog}}
	nestedTgz := gz(string(tarOf(t, member{name: "inner.txt", body: terminalLog})))
	tests := []struct {
		name string
		in   []byte
		want string
		// same maps a member's source to the text Read must read alike.
		same map[string]string
	}{
		{name: "a.zip", in: zipOf(t, files...), want: "a.zip!cases/sw1-show-tech.txt: capture of 1 devices\na.zip!sw2.log: capture of 1 devices\n",
			same: map[string]string{"a.zip!cases/sw1-show-tech.txt": showTech, "a.zip!sw2.log": terminalLog}},
		{name: "a.tar", in: tarOf(t, files...), want: "a.tar!cases/sw1-show-tech.txt: capture of 1 devices\na.tar!sw2.log: capture of 1 devices\n",
			same: map[string]string{"a.tar!sw2.log": terminalLog}},
		{name: "a.tgz", in: []byte(gz(string(tarOf(t, files...)))), want: "a.tgz!cases/sw1-show-tech.txt: capture of 1 devices\na.tgz!sw2.log: capture of 1 devices\n",
			same: map[string]string{"a.tgz!cases/sw1-show-tech.txt": showTech}},
		{name: "named by content, not by name.txt", in: zipOf(t, files[1]), want: "named by content, not by name.txt!sw2.log: capture of 1 devices\n"},
		{name: "nested gz in a tar", in: tarOf(t, member{name: "sw1.txt.gz", body: gz(showTech)}, member{name: "sw2.tgz", body: nestedTgz}),
			want: "nested gz in a tar!sw1.txt.gz: capture of 1 devices\nnested gz in a tar!sw2.tgz!inner.txt: capture of 1 devices\n",
			same: map[string]string{"nested gz in a tar!sw1.txt.gz": showTech, "nested gz in a tar!sw2.tgz!inner.txt": terminalLog}},
		{name: "gz member in a zip", in: zipOf(t, member{name: "sw1.txt.gz", body: gz(showTech)}), want: "gz member in a zip!sw1.txt.gz: capture of 1 devices\n"},
		{name: "not text, links, devices, directories", in: tarOf(t,
			member{name: "docs", kind: tar.TypeDir},
			member{name: "docs/topology.png", body: pngBytes()},
			member{name: "empty.txt"},
			member{name: "current", body: "/etc/passwd", kind: tar.TypeSymlink},
			member{name: "tty", kind: tar.TypeChar},
			member{name: "notes.bz2", body: "BZh91AY&SY"},
			member{name: "sw2.log", body: terminalLog}),
			want: "not text, links, devices, directories!docs/topology.png: skipped: binary data, not a text capture (expected the text of a show tech-support or a terminal log)\n" +
				"not text, links, devices, directories!empty.txt: skipped: empty file: expected captured NX-OS output\n" +
				"not text, links, devices, directories!current: skipped: a link: not followed\n" +
				"not text, links, devices, directories!tty: skipped: a device or FIFO: not read\n" +
				"not text, links, devices, directories!notes.bz2: skipped: bzip2-compressed: slcheck reads plain text, gzip, zip or tar; extract the capture first\n" +
				"not text, links, devices, directories!sw2.log: capture of 1 devices\n"},
		{name: "zip with a link and a zip inside", in: zipOf(t, member{name: "d", kind: tar.TypeDir}, member{name: "link", body: "../../etc/shadow", kind: tar.TypeSymlink},
			member{name: "inner.zip", body: string(zipOf(t, files[1]))}, files[1]),
			want: "zip with a link and a zip inside!link: skipped: a link: not followed\n" +
				"zip with a link and a zip inside!inner.zip: skipped: a zip archive inside an archive: extract it and give the zip as a file\n" +
				"zip with a link and a zip inside!sw2.log: capture of 1 devices\n"},
		{name: "a member named ../../x", in: tarOf(t, member{name: "../../x", body: terminalLog}, member{name: "/etc/cron.d/x", body: terminalLog}),
			want: "a member named ../../x!../../x: capture of 1 devices\na member named ../../x!/etc/cron.d/x: capture of 1 devices\n"},
		{name: "a text member that is not a capture", in: zipOf(t, member{name: "notes.txt", body: "Dear TAC,\nplease help\n"}, files[1]),
			want: "a text member that is not a capture!notes.txt: error: a text member that is not a capture!notes.txt: " + noOutputMsg + "\n" +
				"a text member that is not a capture!sw2.log: capture of 1 devices\n"},
		{name: "only pictures", in: zipOf(t, member{name: "a.png", body: pngBytes()}),
			want: "only pictures!a.png: skipped: binary data, not a text capture (expected the text of a show tech-support or a terminal log)\n" +
				"only pictures: error: only pictures: no text in the archive (1 members skipped): expected show tech-support or terminal log files\n"},
		{name: "empty tar", in: tarOf(t), want: "empty tar: error: empty tar: an empty tar archive: it holds no file\n"},
		{name: "empty tgz", in: []byte(gz(string(tarOf(t)))), want: "empty tgz: error: empty tgz: an empty tar archive: it holds no file\n"},
		{name: "an empty tar in a tar", in: tarOf(t, member{name: "none.tar", body: string(tarOf(t))}, files[1]),
			want: "an empty tar in a tar!none.tar: skipped: an empty tar archive: it holds no file\nan empty tar in a tar!sw2.log: capture of 1 devices\n"},
		{name: "zeros past a tar record", in: make([]byte, 20<<10),
			want: "zeros past a tar record: error: zeros past a tar record:1: binary data, not a text capture (expected the text of a show tech-support or a terminal log)\n"},
		{name: "nested four deep", in: tarOf(t, member{name: "1.tar", body: string(tarOf(t, member{name: "2.tar", body: string(tarOf(t, member{name: "3.tar", body: string(tarOf(t, files[1]))}))}))}),
			want: "nested four deep!1.tar!2.tar!3.tar: skipped: an archive nested more than 3 deep: extract it first\n" +
				"nested four deep!1.tar!2.tar: error: nested four deep!1.tar!2.tar: no text in the archive (1 members skipped): expected show tech-support or terminal log files\n" +
				""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, all := entries(tt.name, bytes.NewReader(tt.in), Options{})
			if got != tt.want {
				t.Errorf("entries:\n%s\nwant:\n%s", got, tt.want)
			}
			for _, e := range all {
				want, ok := tt.same[e.Source]
				if !ok || e.Capture == nil {
					continue
				}
				alone, err := Read(e.Source, strings.NewReader(want), Options{})
				if err != nil {
					t.Fatal(err)
				}
				if texts(e.Capture) != texts(alone) || summary(e.Capture) != summary(alone) {
					t.Errorf("%s read from the archive:\n%s\nalone:\n%s", e.Source, texts(e.Capture), texts(alone))
				}
				for _, d := range e.Capture.Devices {
					for _, s := range d.Sections {
						if d.Source != e.Source || s.Source != e.Source {
							t.Errorf("device source %q, section source %q: want %q", d.Source, s.Source, e.Source)
						}
					}
				}
			}
		})
	}
}

// TestEachFileZipAndStdin: a zip is read from a file (random access); on a
// stream (standard input) it is refused with what to do. A tgz streams.
func TestEachFileZipAndStdin(t *testing.T) {
	dir := t.TempDir()
	z := filepath.Join(dir, "case.zip")
	os.WriteFile(z, zipOf(t, member{name: "sw2.log", body: terminalLog}), 0o644)
	var got []string
	EachFile(z, Options{}, func(e Entry) { got = append(got, fmt.Sprintf("%s %v %v", e.Source, e.Capture != nil, e.Err)) })
	if want := []string{z + "!sw2.log true <nil>"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("zip file: %q, want %q", got, want)
	}
	stream, _ := entries("-", io.MultiReader(bytes.NewReader(zipOf(t, member{name: "x", body: terminalLog}))), Options{})
	if want := "-: error: -: a zip archive on standard input: give it as a file (a zip is read from its directory at the end)\n"; stream != want {
		t.Errorf("zip stream: %q, want %q", stream, want)
	}
	tgz, _ := entries("-", io.MultiReader(strings.NewReader(gz(string(tarOf(t, member{name: "x", body: terminalLog}))))), Options{})
	if want := "-!x: capture of 1 devices\n"; tgz != want {
		t.Errorf("tgz stream: %q, want %q", tgz, want)
	}
	if _, err := Read("a.tar", bytes.NewReader(tarOf(t, member{name: "x", body: terminalLog})), Options{}); err == nil || !strings.Contains(err.Error(), "a tar archive") {
		t.Errorf("Read of a tar: %v, want it refused", err)
	}
}

// deflated is a raw deflate stream a test builds, and what a zip's
// directory declares of it.
type deflated struct {
	name string
	data []byte
	crc  uint32
	size uint64
}

// deflateOf deflates head then mib MiB of the byte fill: one compressed
// MiB repeated, so a test builds a 300 MiB member in milliseconds without
// ever holding it inflated.
func deflateOf(name, head string, fill byte, mib int) deflated {
	var out bytes.Buffer
	fw, _ := flate.NewWriter(&out, flate.BestCompression)
	io.WriteString(fw, head)
	fw.Flush() // ends on a byte boundary: blocks can follow
	var block bytes.Buffer
	fw, _ = flate.NewWriter(&block, flate.BestCompression)
	mb := bytes.Repeat([]byte{fill}, 1<<20)
	fw.Write(mb)
	fw.Flush() // refers to nothing before it: it can be repeated
	crc := crc32.ChecksumIEEE([]byte(head))
	for range mib {
		out.Write(block.Bytes())
		crc = crc32.Update(crc, crc32.IEEETable, mb)
	}
	out.Write([]byte{0x03, 0x00}) // a final empty block
	return deflated{name: name, data: out.Bytes(), crc: crc, size: uint64(len(head)) + uint64(mib)<<20}
}

// rawZip builds a zip of deflated members whose sizes the test declares,
// then of more.
func rawZip(t testing.TB, raw []deflated, more ...member) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, d := range raw {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: d.name, Method: zip.Deflate, CRC32: d.crc,
			CompressedSize64: uint64(len(d.data)), UncompressedSize64: d.size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(d.data)
	}
	for _, m := range more {
		w, _ := zw.Create(m.name)
		io.WriteString(w, m.body)
	}
	zw.Close()
	return b.Bytes()
}

// TestEachBounds: the bounds of a plain input hold for an archive as a
// whole: bombs, too many members, too much text, truncation and
// corruption stop it with an error naming it, in bounded memory.
func TestEachBounds(t *testing.T) {
	bomb := deflateOf("bomb.txt", "`show version`\n", '\n', 300)
	lying := deflateOf("lie.txt", "", '\n', 1)
	lying.size = 4096
	// A core file beside the show-tech: an ELF header, then zeros.
	core := deflateOf("core.1234", "\x7fELF\x02\x01\x01", 0, 300)
	// Blank lines in three members, and in a tar member of a zip.
	var texts []deflated
	for i := range 3 {
		texts = append(texts, deflateOf(fmt.Sprint("sw", i, ".txt"), "`show version`\n", '\n', 100))
	}
	var tarHdr bytes.Buffer
	tar.NewWriter(&tarHdr).WriteHeader(&tar.Header{Name: "sw1.txt", Typeflag: tar.TypeReg, Size: 300<<20 + 15})
	tarBomb := deflateOf("sw.tar", tarHdr.String()+"`show version`\n", '\n', 300)
	tgz := gz(string(tarOf(t, member{name: "sw1.txt", body: showTech}, member{name: "sw2.txt", body: terminalLog})))
	// A tar header announcing 4 GiB of blank lines, gzip-compressed, then
	// the blank lines.
	var hdr bytes.Buffer
	tar.NewWriter(&hdr).WriteHeader(&tar.Header{Name: "x", Typeflag: tar.TypeReg, Size: 4 << 30})
	tgzBomb := io.MultiReader(strings.NewReader(gz(hdr.String())), gzipBomb("`show version`\nok\n", '\n', 4096))
	many := make([]member, 12)
	for i := range many {
		many[i] = member{name: fmt.Sprint("sw", i), body: terminalLog}
	}
	plainTar := tarOf(t, member{name: "sw1.txt", body: showTech}, member{name: "sw2.txt", body: terminalLog})
	tests := []struct {
		name string
		in   io.Reader
		opt  Options
		want string
	}{
		{name: "zip bomb", in: bytes.NewReader(rawZip(t, []deflated{bomb})),
			want: "zip bomb: error: zip bomb: zip members expand more than 100:1 (256 MiB from 303 KiB): a decompression bomb, not a capture\n"},
		{name: "zip bomb of text in members", in: bytes.NewReader(rawZip(t, texts, member{name: "sw9.log", body: terminalLog})),
			want: "zip bomb of text in members!sw0.txt: capture of 1 devices\nzip bomb of text in members!sw1.txt: capture of 1 devices\n" +
				"zip bomb of text in members: error: zip bomb of text in members: zip members expand more than 100:1 (256 MiB from 304 KiB): a decompression bomb, not a capture\n"},
		{name: "a text bomb in a tar in a zip", in: bytes.NewReader(rawZip(t, []deflated{tarBomb}, member{name: "sw2.log", body: terminalLog})),
			want: "a text bomb in a tar in a zip: error: a text bomb in a tar in a zip: zip members expand more than 100:1 (256 MiB from 304 KiB): a decompression bomb, not a capture\n"},
		{name: "a tar in a zip", in: bytes.NewReader(zipOf(t, member{name: "sw.tar", body: string(tarOf(t, member{name: "sw1.txt", body: showTech}, member{name: "core.png", body: pngBytes()}))},
			member{name: "sw2.log", body: terminalLog})),
			want: "a tar in a zip!sw.tar!sw1.txt: capture of 1 devices\na tar in a zip!sw.tar!core.png: skipped: binary data, not a text capture (expected the text of a show tech-support or a terminal log)\n" +
				"a tar in a zip!sw2.log: capture of 1 devices\n"},
		{name: "a large binary member in a zip", in: bytes.NewReader(rawZip(t, []deflated{core}, member{name: "show-tech.txt", body: showTech})),
			want: "a large binary member in a zip!core.1234: skipped: binary data, not a text capture (expected the text of a show tech-support or a terminal log)\n" +
				"a large binary member in a zip!show-tech.txt: capture of 1 devices\n"},
		{name: "a binary member past the budget of a zip", in: bytes.NewReader(rawZip(t, []deflated{core}, member{name: "sw2.log", body: terminalLog})), opt: Options{MaxInputBytes: 3 * int64(len(terminalLog))},
			want: "a binary member past the budget of a zip!core.1234: skipped: binary data, not a text capture (expected the text of a show tech-support or a terminal log)\n" +
				"a binary member past the budget of a zip!sw2.log: capture of 1 devices\n"},
		{name: "zip member larger than declared", in: bytes.NewReader(rawZip(t, []deflated{lying}, member{name: "sw2.log", body: terminalLog})),
			want: "zip member larger than declared!lie.txt: error: zip member larger than declared!lie.txt: zip member is corrupt or larger than its directory says: zip: not a valid zip file\n" +
				"zip member larger than declared!sw2.log: capture of 1 devices\n"},
		{name: "tgz bomb", in: tgzBomb,
			want: "tgz bomb: error: tgz bomb: gzip data expands more than 100:1 (256 MiB from 320 KiB): a decompression bomb, not a capture\n"},
		{name: "too many tar members", in: bytes.NewReader(tarOf(t, many...)), opt: Options{MaxMembers: 10},
			want: strings.Repeat("", 0) + entriesOf("too many tar members!sw", 10) + "too many tar members: error: too many tar members: more than 10 members: not an archive of captures slcheck reads\n"},
		{name: "too many zip members", in: bytes.NewReader(zipOf(t, many...)), opt: Options{MaxMembers: 10},
			want: "too many zip members: error: too many zip members: more than 10 members: not an archive of captures slcheck reads\n"},
		{name: "zip directory past the member bound", in: bytes.NewReader(zipOf(t, append(many, make([]member, 40)...)...)), opt: Options{MaxMembers: 1},
			want: "zip directory past the member bound: error: zip directory past the member bound: more than 1 members: not an archive of captures slcheck reads\n"},
		{name: "too much text in a tar", in: bytes.NewReader(tarOf(t, many...)), opt: Options{MaxInputBytes: 3 * int64(len(terminalLog))},
			want: entriesOf("too much text in a tar!sw", 3) + "too much text in a tar: error: too much text in a tar!sw3: the archive holds more than 0 MiB of text: more than slcheck reads from one input\n"},
		{name: "a binary member past the budget", in: bytes.NewReader(tarOf(t, member{name: "core.bin", body: pngBytes()}, member{name: "sw2.log", body: terminalLog})), opt: Options{MaxInputBytes: 3 * int64(len(terminalLog))},
			want: "a binary member past the budget!core.bin: skipped: binary data, not a text capture (expected the text of a show tech-support or a terminal log)\na binary member past the budget!sw2.log: capture of 1 devices\n"},
		{name: "too much text in a zip", in: bytes.NewReader(zipOf(t, many...)), opt: Options{MaxInputBytes: 3 * int64(len(terminalLog))},
			want: entriesOf("too much text in a zip!sw", 3) + "too much text in a zip: error: too much text in a zip!sw3: the archive holds more than 0 MiB of text: more than slcheck reads from one input\n"},
		{name: "too much text in a nested gz", in: bytes.NewReader(tarOf(t, member{name: "a.gz", body: gz(showTech + showTech)})), opt: Options{MaxInputBytes: int64(len(showTech))},
			want: "too much text in a nested gz: error: too much text in a nested gz!a.gz:37: the archive holds more than 0 MiB of text: more than slcheck reads from one input\n"},
		{name: "truncated tar", in: bytes.NewReader(plainTar[:len(plainTar)-1500]),
			want: "truncated tar!sw1.txt: capture of 1 devices\ntruncated tar: error: truncated tar: tar archive ends early: the file is truncated\n"},
		{name: "truncated tgz", in: strings.NewReader(tgz[:len(tgz)-40]),
			want: "truncated tgz!sw1.txt: capture of 1 devices\ntruncated tgz: error: truncated tgz: tar archive ends early: the file is truncated\n"},
		{name: "corrupt zip", in: bytes.NewReader(append([]byte("PK\x03\x04"), make([]byte, 100)...)),
			want: "corrupt zip: error: corrupt zip: zip archive is truncated or corrupt: it has no valid directory at its end (zip: not a valid zip file)\n"},
		{name: "truncated zip", in: bytes.NewReader(zipOf(t, member{name: "sw1.txt", body: showTech})[:200]),
			want: "truncated zip: error: truncated zip: zip archive is truncated or corrupt: it has no valid directory at its end (zip: not a valid zip file)\n"},
		{name: "corrupt zip member", in: bytes.NewReader(rawZip(t, []deflated{{name: "bad.txt", data: []byte{0xff, 0xff, 0xff, 0xff}, size: 4096}}, member{name: "sw2.log", body: terminalLog})),
			want: "corrupt zip member!bad.txt: error: corrupt zip member!bad.txt: zip member is corrupt: flate: corrupt input before offset 1\n" +
				"corrupt zip member!sw2.log: capture of 1 devices\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			got, all := entries(tt.name, tt.in, tt.opt)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
			if got != tt.want {
				t.Errorf("entries:\n%s\nwant:\n%s", got, tt.want)
			}
			for _, e := range all {
				var ie *InputError
				if e.Err != nil && !errors.As(e.Err, &ie) {
					t.Errorf("%s: error %v (%T) is not an *InputError", e.Source, e.Err, e.Err)
				}
			}
		})
	}
}

// entriesOf is the lines of n captured members prefix0 ... prefixN-1.
func entriesOf(prefix string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s%d: capture of 1 devices\n", prefix, i)
	}
	return b.String()
}

// TestEachWritesNothing: reading an archive whose members are named like
// paths outside the working directory creates no file anywhere near it.
func TestEachWritesNothing(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "a", "b")
	os.MkdirAll(work, 0o755)
	t.Chdir(work)
	in := tarOf(t, member{name: "../../x", body: terminalLog}, member{name: "../../a/y", body: terminalLog})
	got, _ := entries("in.tar", bytes.NewReader(in), Options{})
	if want := "in.tar!../../x: capture of 1 devices\nin.tar!../../a/y: capture of 1 devices\n"; got != want {
		t.Errorf("entries %q, want %q", got, want)
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if p != dir && p != filepath.Join(dir, "a") && p != work {
			t.Errorf("%s was written", p)
		}
		return nil
	})
}

// FuzzEach: no input makes Each panic or report an entry that is neither
// a capture, a skip nor an *InputError, whatever an archive's headers say.
func FuzzEach(f *testing.F) {
	files := []member{{name: "sw1.txt", body: showTech}, {name: "sw2.log.gz", body: gz(terminalLog)}}
	for _, seed := range [][]byte{zipOf(f, files...), tarOf(f, files...), []byte(gz(string(tarOf(f, files...)))),
		tarOf(f, member{name: "in.tgz", body: gz(string(tarOf(f, files...)))}, member{name: "l", body: "x", kind: tar.TypeSymlink}),
		[]byte(showTech)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		watchdog := time.AfterFunc(hangAfter, func() { panic(fmt.Sprintf("Each hangs on %q", in[:min(len(in), 200)])) })
		defer watchdog.Stop()
		n := 0
		Each("fuzz", bytes.NewReader(in), Options{MaxMembers: 50}, func(e Entry) {
			n++
			var ie *InputError
			switch {
			case !strings.HasPrefix(e.Source, "fuzz"):
				t.Fatalf("entry named %q", e.Source)
			case e.Capture != nil && (e.Err != nil || e.Skipped != "" || len(e.Capture.Devices) == 0):
				t.Fatalf("%s: capture of %d devices with err %v, skipped %q", e.Source, len(e.Capture.Devices), e.Err, e.Skipped)
			case e.Capture == nil && e.Skipped == "" && !errors.As(e.Err, &ie):
				t.Fatalf("%s: error %v (%T) is not an *InputError", e.Source, e.Err, e.Err)
			}
		})
		if n == 0 {
			t.Fatal("no entry: an input must give a capture or an error")
		}
	})
}
