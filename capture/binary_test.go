package capture

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// looksBinaryByByte is looksBinary without the eight-byte step: the
// reference it must agree with.
func looksBinaryByByte(sample []byte) bool {
	ctrl, bad := 0, 0
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\b' && c != 0x1b || c == 0x7f {
				ctrl++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 && i+utf8.UTFMax <= len(sample) {
			bad++
		}
		i += size
	}
	return ctrl*10 > len(sample) || bad*5 > len(sample)
}

// looksBinary decides as a byte-by-byte reading does, on samples of
// printable text with control bytes, DEL, UTF-8 and invalid bytes at
// every density and offset.
func TestLooksBinaryByByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	specials := []string{"\x00", "\x1f", "\x7f", "\n", "\t", "\x1b", "\x80", "\xff", "é", "\xe2\x82", "€", "\x20", "\x7e"}
	binaries := 0
	for range 20000 {
		n := rng.IntN(200)
		density := rng.IntN(8)
		b := make([]byte, 0, n)
		for len(b) < n {
			if rng.IntN(8) < density {
				b = append(b, specials[rng.IntN(len(specials))]...)
			} else {
				b = append(b, byte(0x20+rng.IntN(0x5f)))
			}
		}
		got, want := looksBinary(b), looksBinaryByByte(b)
		if got != want {
			t.Fatalf("looksBinary(%q) = %v, byte by byte %v", b, got, want)
		}
		if got {
			binaries++
		}
	}
	if binaries < 1000 || binaries > 19000 {
		t.Errorf("%d of 20000 samples binary: want both kinds", binaries)
	}
	for w := range uint64(1 << 16) {
		// Every pair of bytes, at each end of a word of printable bytes.
		for _, word := range []uint64{w | 0x4141414141410000, w<<48 | 0x0000414141414141} {
			ok := true
			for k := range 8 {
				if c := byte(word >> (8 * k)); c < 0x20 || c > 0x7e {
					ok = false
				}
			}
			if printable8(word) != ok {
				t.Fatalf("printable8(%#x) = %v", word, !ok)
			}
		}
	}
}
