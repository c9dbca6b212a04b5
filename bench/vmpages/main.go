// Command vmpages measures two costs of the machine it runs on that decide
// how a large fleet's run spends its CPU (bench/README.md, "Page faults
// and the report's write"):
//
//   - a page fault: the first touch of each 4 KiB page of fresh anonymous
//     memory (as a Go heap that grows takes them), per page;
//   - the write of a fleet's JSON report: -parts buffers of -size bytes,
//     freshly made, written to a new file under -dir one by one, then the
//     same bytes copied through one reused buffer of each -chunks size.
//
// Linux only (mmap). Usage: go run ./bench/vmpages [-parts 2000] [-size 33227]
package main

import (
	"crypto/rand"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	parts := flag.Int("parts", 2000, "buffers in the report")
	size := flag.Int("size", 33227, "bytes per buffer (a device's JSON part)")
	chunks := flag.String("chunks", "65536,262144,1048576,4194304", "reused buffer sizes to write through, bytes")
	dir := flag.String("dir", os.TempDir(), "where the files are written (and removed)")
	rounds := flag.Int("rounds", 3, "times each measure is taken")
	flag.Parse()

	const region = 64 << 20
	for range *rounds {
		b, err := syscall.Mmap(-1, 0, region, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
		if err != nil {
			fail(err)
		}
		t := time.Now()
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		first := time.Since(t)
		t = time.Now()
		for i := 0; i < len(b); i += 4096 {
			b[i] = 2
		}
		again := time.Since(t)
		syscall.Munmap(b)
		fmt.Printf("page faults: first touch of %d MiB %v = %.2f us per 4 KiB page (touching them again %v)\n",
			region>>20, first.Round(time.Millisecond), float64(first.Microseconds())/float64(region/4096), again.Round(time.Microsecond))
	}

	var sizes []int
	for _, s := range strings.Split(*chunks, ",") {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			fail(fmt.Errorf("-chunks: %q is not a size", s))
		}
		sizes = append(sizes, n)
	}
	for range *rounds {
		// Fresh buffers each round, as each fleet's parts are.
		bufs := make([][]byte, *parts)
		for i := range bufs {
			bufs[i] = make([]byte, *size)
			rand.Read(bufs[i])
		}
		d := write(*dir, func(f *os.File) {
			for _, p := range bufs {
				f.Write(p)
			}
		})
		fmt.Printf("report of %d x %d bytes: written part by part %v", *parts, *size, d.Round(time.Millisecond))
		for _, n := range sizes {
			buf := make([]byte, 0, n)
			d := write(*dir, func(f *os.File) {
				for _, p := range bufs {
					for len(p) > 0 {
						k := min(len(p), cap(buf)-len(buf))
						buf, p = append(buf, p[:k]...), p[k:]
						if len(buf) == cap(buf) {
							f.Write(buf)
							buf = buf[:0]
						}
					}
				}
				f.Write(buf)
			})
			fmt.Printf(", through %d KiB %v", n>>10, d.Round(time.Millisecond))
		}
		fmt.Println()
	}
}

// write times fill on a new file in dir, then removes it.
func write(dir string, fill func(*os.File)) time.Duration {
	f, err := os.CreateTemp(dir, "vmpages-*")
	if err != nil {
		fail(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	t := time.Now()
	fill(f)
	return time.Since(t)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "vmpages:", err)
	os.Exit(2)
}
