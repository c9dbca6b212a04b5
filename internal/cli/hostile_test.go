package cli

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/slcheck/slcheck/bench/showtech"
)

// Hostile inputs through the command line, as a user meets them: each gets
// one line on stderr naming the file (and line where it applies), exit 2,
// bounded memory, and no panic. Inputs too big to keep are made on the fly
// and fed through a named pipe, so the error still names a file.

// countingReader counts what the program took from a generated input.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// repeated yields b over and over, n bytes in all, without holding them.
func repeated(b []byte, n int64) io.Reader {
	return io.LimitReader(&cycle{b: b}, n)
}

type cycle struct {
	b   []byte
	off int
}

func (c *cycle) Read(p []byte) (int, error) {
	for k := 0; k < len(p); {
		n := copy(p[k:], c.b[c.off:])
		k += n
		c.off = (c.off + n) % len(c.b)
	}
	return len(p), nil
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// gzipBomb is mib MiB of fill after prefix, as concatenated gzip members
// of 1 MiB each (gzip -d reads them as one stream): about 1 KiB per MiB.
func gzipBomb(prefix string, fill byte, mib int64) (io.Reader, int64) {
	head, block := gzipped(prefix), gzipped(strings.Repeat(string(fill), 1<<20))
	size := int64(len(head)) + int64(len(block))*mib
	return io.MultiReader(bytes.NewReader(head), repeated(block, int64(len(block))*mib)), size
}

// fifo makes a named pipe in dir and writes the generated input into it
// from a goroutine; the returned reader counts what was consumed.
func fifo(t *testing.T, dir, name string, in io.Reader) (string, *countingReader) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	cr := &countingReader{r: in}
	done := make(chan struct{})
	go func() {
		defer close(done)
		w, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		io.Copy(w, cr) // ends with EPIPE when slcheck stops reading early
		w.Close()
	}()
	t.Cleanup(func() {
		// Unblock a writer whose reader never opened the pipe.
		if r, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			r.Close()
		}
		<-done
	})
	return p, cr
}

// sprinkleNUL puts a NUL byte after every "o", as some terminal loggers do.
func sprinkleNUL(s string) []byte { return []byte(strings.ReplaceAll(s, "o", "o\x00")) }

// utf16BOM is s as Windows PowerShell's `>` writes it: UTF-16LE with a BOM.
func utf16BOM(s string) []byte { return append([]byte{0xff, 0xfe}, utf16LE(s)...) }

// utf16LE is s in UTF-16LE without a BOM (BMP only: captures are ASCII).
func utf16LE(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// utf16BEBOM is s in UTF-16BE with a BOM (Out-File -Encoding BigEndianUnicode).
func utf16BEBOM(s string) []byte {
	out := []byte{0xfe, 0xff}
	for _, r := range s {
		out = append(out, byte(r>>8), byte(r))
	}
	return out
}

func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	seedText, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(7, 7))
	noise := make([]byte, 256<<10)
	for i := range noise {
		noise[i] = byte(rnd.Uint32())
	}
	whole := gzipped(string(seedText) + strings.Repeat("`show interface`\nEthernet1/1 is up\n", 4000))
	corrupt := bytes.Clone(whole)
	for i := len(corrupt) / 2; i < len(corrupt)/2+64; i++ {
		corrupt[i] ^= 0x55
	}
	bombZeros, bombZerosSize := gzipBomb("", 0, 4096)
	bombBlank, bombBlankSize := gzipBomb("`show version`\nok\n", '\n', 4096)

	tests := []struct {
		name string
		path func() (string, *countingReader)
		// err matches what the one stderr line says after
		// "slcheck: <path>", ":<line>" included where it applies (gzip
		// errors name the line of text reached).
		err string
		// total is the size of a generated input: slcheck must stop
		// before taking all of it.
		total int64
	}{
		{name: "missing file", path: func() (string, *countingReader) { return filepath.Join(dir, "nope.txt"), nil },
			err: ": no such file"},
		{name: "directory", path: func() (string, *countingReader) { return dir, nil },
			err: ": is a directory"},
		{name: "empty file", path: func() (string, *countingReader) { return write("empty.txt", nil), nil },
			err: ": empty file"},
		{name: "binary data", path: func() (string, *countingReader) { return write("noise.bin", noise), nil },
			err: ":1: binary data"},
		{name: "20 000 devices", path: func() (string, *countingReader) {
			var b strings.Builder
			for i := range 20_000 {
				fmt.Fprintf(&b, "sw%d# show version\n NXOS: version 9.3(5)\n", i)
			}
			return write("fleet.log", []byte(b.String())), nil
		}, err: `:2001: more than 1000 devices in one input: give each switch's capture as a file of its own$`},
		{name: "200 MiB without a newline", path: func() (string, *countingReader) {
			return fifo(t, dir, "oneline.txt", repeated([]byte("ABCDEFGH"), 200<<20))
		}, err: ": no NX-OS output found"},
		{name: "truncated gzip", path: func() (string, *countingReader) { return write("cut.txt.gz", whole[:len(whole)/2]), nil },
			err: `:\d+: gzip data ends early: the file is truncated$`},
		{name: "corrupt gzip", path: func() (string, *countingReader) { return write("corrupt.txt.gz", corrupt), nil },
			err: `:\d+: gzip data is corrupt: gzip: invalid checksum$`},
		{name: "gzip bomb of zeros", path: func() (string, *countingReader) { return fifo(t, dir, "zeros.gz", bombZeros) },
			err: ":1: binary data", total: bombZerosSize},
		{name: "gzip bomb of blank lines", path: func() (string, *countingReader) { return fifo(t, dir, "blank.gz", bombBlank) },
			err: `:\d+: gzip data expands more than 100:1 .*: a decompression bomb, not a capture$`, total: bombBlankSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, consumed := tt.path()
			alloc := allocated(func() {
				r := runCLI(t, false, nil, "", "file", "-o", "json", path)
				if r.code != ExitUsage {
					t.Errorf("exit %d, want %d", r.code, ExitUsage)
				}
				want := "^slcheck: " + regexp.QuoteMeta(path) + tt.err
				if !regexp.MustCompile(want).MatchString(strings.TrimSuffix(r.err, "\n")) || strings.Count(r.err, "\n") != 1 {
					t.Errorf("stderr %q: want one line matching %q", r.err, want)
				}
				doc := decode(t, r.out)
				if len(doc.Errors) != 1 || doc.Errors[0].Source != path || len(doc.Devices) != 0 {
					t.Errorf("JSON errors %+v, %d devices: want the one input error", doc.Errors, len(doc.Devices))
				}
			})
			if alloc > 64<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
			t.Logf("allocated %d KiB", alloc>>10)
			if tt.total > 0 {
				if n := consumed.n.Load(); n >= tt.total {
					t.Errorf("read all %d bytes of the bomb: did not stop early", tt.total)
				} else {
					t.Logf("read %d of the bomb's %d bytes", n, tt.total)
				}
			}
		})
	}
}

// allocated is what f allocated on the heap, all goroutines together.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Dirty but readable captures are decoded and give the clean capture's
// diagnosis, only the file name differing.
func TestDirtyFilesDiagnosedLikeClean(t *testing.T) {
	seedText, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	clean := runCLI(t, false, nil, "", "file", "-o", "json", seed)
	if clean.code != ExitFindings {
		t.Fatalf("seed: exit %d: %s", clean.code, clean.err)
	}
	dir := t.TempDir()
	for name, b := range map[string][]byte{
		"nul-sprinkled.log":     sprinkleNUL(string(seedText)),
		"powershell-utf16.txt":  utf16BOM(string(seedText)),
		"powershell-utf16.gz":   gzipped(string(utf16BOM(string(seedText)))),
		"utf16be-bom.txt":       utf16BEBOM(string(seedText)),
		"utf16le-no-bom.txt":    utf16LE(string(seedText)),
		"utf8-bom.txt":          append([]byte("\xef\xbb\xbf"), seedText...),
		"crlf-and-nul.log":      sprinkleNUL(strings.ReplaceAll(string(seedText), "\n", "\r\n")),
		"utf16-crlf-bom-gz.txt": gzipped(string(utf16BOM(strings.ReplaceAll(string(seedText), "\n", "\r\n")))),
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			r := runCLI(t, false, nil, "", "file", "-o", "json", p)
			if r.code != clean.code || r.err != "" {
				t.Errorf("exit %d, stderr %q; want %d and nothing", r.code, r.err, clean.code)
			}
			if got := strings.ReplaceAll(r.out, p, seed); got != clean.out {
				t.Errorf("diagnosis differs from the clean capture's:\n%s", firstDiff(clean.out, got))
			}
		})
	}
}

// firstDiff shows the first line where two reports part.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

// manySections is the licensing show-tech of bench/showtech followed by
// n sections of a command slcheck does not read.
func manySections(t testing.TB, n int) (small, big []byte) {
	var b bytes.Buffer
	if err := showtech.Write(&b, 0, 1); err != nil {
		t.Fatal(err)
	}
	small = bytes.Clone(b.Bytes())
	for i := range n {
		fmt.Fprintf(&b, "`show system internal sysmgr service pid %d`\nService \"x\" (%d) is running\n", i, i)
	}
	return small, b.Bytes()
}

// A show-tech with 100 000 sections gets the same diagnosis as one with
// the licensing sections alone. Time and memory: BenchmarkManySections.
func TestManySections(t *testing.T) {
	small, big := manySections(t, 100_000)
	dir := t.TempDir()
	sp, bp := filepath.Join(dir, "small.txt"), filepath.Join(dir, "big.txt")
	os.WriteFile(sp, small, 0o644)
	os.WriteFile(bp, big, 0o644)
	want := runCLI(t, false, nil, "", "file", "-o", "json", sp)
	got := runCLI(t, false, nil, "", "file", "-o", "json", bp)
	if got.code != want.code || got.err != "" || strings.ReplaceAll(got.out, bp, sp) != want.out {
		t.Errorf("exit %d (want %d), stderr %q, diagnosis:\n%s", got.code, want.code, got.err, firstDiff(want.out, strings.ReplaceAll(got.out, bp, sp)))
	}
}

// BenchmarkManySections measures `slcheck file -o json` on a show-tech of
// 100 000 sections (about 7 MiB); B/op bounds the memory it takes.
func BenchmarkManySections(b *testing.B) {
	_, big := manySections(b, 100_000)
	b.SetBytes(int64(len(big)))
	b.ReportAllocs()
	for b.Loop() {
		if code := Run([]string{"file", "-o", "json", "--no-fail", "-"},
			Streams{In: bytes.NewReader(big), Out: io.Discard, Err: io.Discard}); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// childEnv marks a test binary re-run as another user by
// TestNoReadPermission: it runs slcheck with the arguments in it.
const childEnv = "SLCHECK_TEST_RUN_AS_CHILD"

// A file slcheck may not read. Root reads every file, so as root the test
// binary runs itself again as nobody to meet a real EACCES.
func TestNoReadPermission(t *testing.T) {
	if args := os.Getenv(childEnv); args != "" {
		var out, errb bytes.Buffer
		code := Run(strings.Split(args, "\x1f"), Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
		fmt.Printf("exit=%d\n%s", code, errb.String())
		return
	}
	dir, err := os.MkdirTemp("", "slcheck-perm")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	locked := filepath.Join(dir, "locked.txt")
	if err := os.WriteFile(locked, []byte("`show version`\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	var code int
	var stderr string
	if os.Geteuid() != 0 {
		r := runCLI(t, false, nil, "", "file", locked)
		code, stderr = r.code, r.err
	} else {
		code, stderr = runAsNobody(t, dir, "file", locked)
	}
	want := "slcheck: " + locked + ": permission denied: cannot read it\n"
	if code != ExitUsage || stderr != want {
		t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, ExitUsage, want)
	}
}

// runAsNobody copies the test binary into dir and runs slcheck there as
// uid/gid 65534, returning its exit code and stderr.
func runAsNobody(t *testing.T, dir string, args ...string) (int, string) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "cli.test")
	if err := os.WriteFile(exe, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestNoReadPermission$")
	cmd.Env = []string{childEnv + "=" + strings.Join(args, "\x1f")}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("cannot run as nobody here: %v", err)
	}
	head, rest, _ := strings.Cut(string(out), "\n")
	code, err := strconv.Atoi(strings.TrimPrefix(head, "exit="))
	if err != nil {
		t.Fatalf("child printed %q", out)
	}
	// The child's test framework prints PASS last.
	return code, strings.TrimSuffix(rest, "PASS\n")
}

// Hostile inventories of `slcheck ssh`: one line naming the file, exit 2,
// and no connection attempted (there is no switch to reach).
func TestHostileInventory(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	tests := []struct {
		name string
		path func() string
		err  string // regexp of the stderr line after "slcheck: "; FILE is the path
	}{
		{"missing", func() string { return filepath.Join(dir, "none.txt") }, `--inventory FILE: no such file`},
		{"directory", func() string { return dir }, `FILE: is a directory, not an inventory`},
		{"empty", func() string { return write("empty.txt", "") }, `FILE: no hosts in the inventory`},
		{"binary", func() string { return write("noise.txt", "sw1\n\x7fELF\x02\x01\x01\x00\n") }, `FILE:2: ".*": bad host name`},
		{"200 MiB without a newline", func() string {
			p, _ := fifo(t, dir, "oneline.txt", repeated([]byte("sw1"), 200<<20))
			return p
		}, `FILE:1: a line of more than 64 KiB: not a list of hosts`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path()
			r := runCLI(t, false, map[string]string{"SLCHECK_PASSWORD": "x"}, "", "ssh", "--inventory", path)
			want := "^slcheck: " + strings.ReplaceAll(tt.err, "FILE", regexp.QuoteMeta(path)) + "$"
			if r.code != ExitUsage || strings.Count(r.err, "\n") != 1 || !regexp.MustCompile(want).MatchString(strings.TrimSuffix(r.err, "\n")) {
				t.Errorf("exit %d, stderr %q; want %d and one line matching %q", r.code, r.err, ExitUsage, want)
			}
		})
	}
}
