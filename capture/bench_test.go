package capture_test

import (
	"bytes"
	"compress/gzip"
	"sync"
	"testing"

	"github.com/slcheck/slcheck/bench/showtech"
	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

// benchInput is a 64 MiB synthetic show-tech and its gzip, made once.
var benchInput = sync.OnceValues(func() ([]byte, []byte) {
	var plain, packed bytes.Buffer
	showtech.Write(&plain, 64<<20, 1)
	w := gzip.NewWriter(&packed)
	w.Write(plain.Bytes())
	w.Close()
	return plain.Bytes(), packed.Bytes()
})

// BenchmarkRead reads the show-tech as `slcheck file` does (with
// snapshot.Select); MB/s is of the uncompressed text.
func BenchmarkRead(b *testing.B) {
	plain, packed := benchInput()
	for _, bc := range []struct {
		name string
		in   []byte
	}{{"plain", plain}, {"gzip", packed}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(plain)))
			b.ReportAllocs()
			for b.Loop() {
				c, err := capture.Read("bench", bytes.NewReader(bc.in), capture.Options{Select: snapshot.Select})
				if err != nil || len(c.Devices) != 1 {
					b.Fatalf("read: %v", err)
				}
			}
		})
	}
}
