package capture_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"sync"
	"testing"

	"github.com/slcheck/slcheck/bench/showtech"
	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

// benchInputs are 64 MiB synthetic show-techs of both kinds (config:
// showtech.Write; logs: showtech.WriteLogHeavy) and their gzip, made once.
var benchInputs = sync.OnceValue(func() map[string][2][]byte {
	in := map[string][2][]byte{}
	for kind, write := range map[string]func(io.Writer, int64, uint64) error{
		"config": showtech.Write, "logs": showtech.WriteLogHeavy} {
		var plain, packed bytes.Buffer
		write(&plain, 64<<20, 1)
		w := gzip.NewWriter(&packed)
		w.Write(plain.Bytes())
		w.Close()
		in[kind] = [2][]byte{plain.Bytes(), packed.Bytes()}
	}
	return in
})

// BenchmarkRead reads each show-tech as `slcheck file` does (with
// snapshot.Select and snapshot.Needles); MB/s is of the uncompressed text.
func BenchmarkRead(b *testing.B) {
	for _, kind := range []string{"config", "logs"} {
		in := benchInputs()[kind]
		for i, form := range []string{"plain", "gzip"} {
			b.Run(kind+"/"+form, func(b *testing.B) {
				b.SetBytes(int64(len(in[0])))
				b.ReportAllocs()
				for b.Loop() {
					c, err := capture.Read("bench", bytes.NewReader(in[i]), capture.Options{Select: snapshot.Select, Needles: snapshot.Needles})
					if err != nil || len(c.Devices) != 1 {
						b.Fatalf("read: %v", err)
					}
				}
			})
		}
	}
}
