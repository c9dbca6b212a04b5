package capture

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// repeatReader yields b over and over, n bytes in all, without holding
// them: big hostile inputs are made on the fly, never written to the repo.
type repeatReader struct {
	b   []byte
	off int
	n   int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.n {
		p = p[:r.n]
	}
	k := 0
	for k < len(p) {
		c := copy(p[k:], r.b[r.off:])
		k += c
		r.off = (r.off + c) % len(r.b)
	}
	r.n -= int64(k)
	return k, nil
}

// failReader returns some data, then an error.
type failReader struct {
	data string
	err  error
}

func (f *failReader) Read(p []byte) (int, error) {
	if f.data == "" {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

// gzipBomb is n MiB of fill, gzip-compressed once per MiB-block member and
// repeated, so the test builds it in milliseconds.
func gzipBomb(prefix string, fill byte, mib int) io.Reader {
	block := gz(strings.Repeat(string(fill), 1<<20))
	return io.MultiReader(strings.NewReader(gz(prefix)), &repeatReader{b: []byte(block), n: int64(len(block) * mib)})
}

func manySections(n int) string {
	var b strings.Builder
	b.WriteString("`show switchname`\nbig\n")
	for i := range n {
		b.WriteString("`show system internal thing ")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString("`\nsome output\n")
	}
	return b.String()
}

func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	locked := filepath.Join(dir, "locked.txt")
	os.WriteFile(locked, []byte(showTech), 0o000)
	rnd := rand.New(rand.NewPCG(1, 2))
	binary := make([]byte, 64<<10)
	for i := range binary {
		binary[i] = byte(rnd.Uint32())
	}
	whole := gz(showTech + strings.Repeat("`show interface`\nEthernet1/1 is up\n", 2000))
	corrupt := []byte(whole)
	for i := len(corrupt) / 2; i < len(corrupt)/2+64; i++ {
		corrupt[i] ^= 0x55
	}

	tests := []struct {
		name string
		path string    // read with ReadFile when set
		in   io.Reader // else read this
		// want is a substring of the error; "" means the read succeeds.
		want     string
		wantLine int
		// sections is the number of sections a successful read keeps.
		sections int
		root     bool // skip when running as root
	}{
		{name: "missing file", path: filepath.Join(dir, "nope.txt"), want: "no such file"},
		{name: "directory", path: dir, want: "is a directory"},
		{name: "no read permission", path: locked, want: "permission denied", root: true},
		{name: "read error", in: &failReader{data: "`show version`\nx\n", err: syscall.EACCES}, want: "cannot read: permission denied", wantLine: 3},
		{name: "empty file", path: empty, want: "empty file"},
		{name: "binary data", in: bytes.NewReader(binary), want: "binary data"},
		{name: "zip archive", in: strings.NewReader("PK\x03\x04rest"), want: "zip archive"},
		{name: "200 MiB without a newline", in: &repeatReader{b: bytes.Repeat([]byte("ABCDEFGH"), 512), n: 200 << 20}, want: "no NX-OS output found"},
		{name: "English prose", in: strings.NewReader("Dear TAC,\nmy switch cannot register.\n"), want: "expected a show tech-support, a terminal log with `switch# show ...` prompts"},
		{name: "NUL bytes sprinkled", in: strings.NewReader(strings.ReplaceAll(showTech, "o", "o\x00")), sections: 5},
		{name: "truncated gzip", in: strings.NewReader(whole[:len(whole)/2]), want: "gzip data ends early"},
		{name: "corrupt gzip", in: bytes.NewReader(corrupt), want: "gzip data is corrupt"},
		{name: "corrupt gzip header", in: strings.NewReader("\x1f\x8b\x09junk"), want: "gzip header is corrupt"},
		{name: "gzip bomb of zeros", in: gzipBomb("", 0, 4096), want: "binary data"},
		{name: "gzip bomb of zeros after text", in: gzipBomb("`show version`\nok\n", 0, 4096), want: "binary data", wantLine: 3},
		{name: "gzip bomb of blank lines", in: gzipBomb("`show version`\nok\n", '\n', 4096), want: "decompression bomb"},
		{name: "show-tech with 100 000 sections", in: strings.NewReader(manySections(100_000)), sections: 100_001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.root && os.Geteuid() == 0 {
				t.Skip("root reads any file; the read error case covers the path")
			}
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			var c *Capture
			var err error
			if tt.path != "" {
				c, err = ReadFile(tt.path, Options{})
			} else {
				c, err = Read("hostile.txt", tt.in, Options{})
			}
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
			if tt.want == "" {
				if err != nil {
					t.Fatalf("err = %v, want success", err)
				}
				n := 0
				for _, d := range c.Devices {
					n += len(d.Sections)
				}
				if n != tt.sections {
					t.Errorf("sections = %d, want %d", n, tt.sections)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v (%T), want *InputError", err, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line containing %q", msg, tt.want)
			}
			file := tt.path
			if file == "" {
				file = "hostile.txt"
			}
			if ie.File != file || !strings.HasPrefix(msg, file) {
				t.Errorf("error %q does not name %s first", msg, file)
			}
			if tt.wantLine != 0 && ie.Line != tt.wantLine {
				t.Errorf("line = %d, want %d", ie.Line, tt.wantLine)
			}
		})
	}
}

// TestBoundedMemory reads a 200 MiB line and a 100 000-section show-tech
// and checks that the live heap afterwards is small: the reader holds
// buffers, not input.
func TestBoundedMemory(t *testing.T) {
	sel := func(cmd string) (bool, func(string) bool) { return cmd == "show switchname", nil }
	for name, in := range map[string]func() io.Reader{
		"long line": func() io.Reader {
			return io.MultiReader(strings.NewReader("`show switchname`\nsw\n"), &repeatReader{b: bytes.Repeat([]byte("x"), 4096), n: 200 << 20})
		},
		"many sections": func() io.Reader { return strings.NewReader(manySections(100_000)) },
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		c, err := Read(name, in(), Options{Select: sel})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 4<<20 {
			t.Errorf("%s: live heap grew by %d KiB", name, grew>>10)
		}
		if got := c.Devices[0].Hostname; got != "sw" && got != "big" {
			t.Errorf("%s: hostname %q", name, got)
		}
	}
}

func TestTooManySections(t *testing.T) {
	_, err := Read("x.txt", strings.NewReader(manySections(50)), Options{MaxSections: 10})
	var ie *InputError
	if !errors.As(err, &ie) || ie.Line != 21 || !strings.Contains(err.Error(), "more than 10 command sections") {
		t.Errorf("err = %v, want more than 10 sections at line 21", err)
	}
}

func TestGzipStopsItsGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	for range 20 {
		Read("bomb.gz", gzipBomb("`show version`\nok\n", 0, 64), Options{})
	}
	time.Sleep(50 * time.Millisecond)
	if after := runtime.NumGoroutine(); after > before+1 {
		t.Errorf("goroutines: %d before, %d after", before, after)
	}
}

// Thousands of one-line prompts are thousands of devices, each a whole
// diagnosis: past Options.MaxDevices the read fails, naming where the
// first device too many starts.
func TestTooManyDevices(t *testing.T) {
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "sw%d# show version\n NXOS: version 9.3(5)\n", i)
	}
	for _, tt := range []struct {
		max  int
		want string // "" means success
	}{
		{12, ""},
		{11, "x.log:23: more than 11 devices in one input: give each switch's capture as a file of its own"},
	} {
		c, err := Read("x.log", strings.NewReader(b.String()), Options{MaxDevices: tt.max})
		switch {
		case tt.want == "" && (err != nil || len(c.Devices) != 12):
			t.Errorf("max %d: %v", tt.max, err)
		case tt.want != "" && (err == nil || err.Error() != tt.want):
			t.Errorf("max %d: err = %v, want %q", tt.max, err, tt.want)
		}
	}
}
