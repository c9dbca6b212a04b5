package capture

import "golang.org/x/sys/cpu"

// haveAVX2 selects the AVX2 kernel (quiet_amd64.s).
var haveAVX2 = cpu.X86.HasAVX2

// scanAVX2 looks at the positions 1, 2, ... of b, 32 at a time, while a
// whole block and the three bytes after it are in b, by the rules of
// needleTable.flagged, except that a needle matches on its first and
// fourth bytes alone: half the compares, for a few positions flagged that
// the rules do not flag (quietScanner.next checks each). It returns the
// first position flagged and true, or the first position it did not look
// at and false.
//
//go:noescape
func scanAVX2(b []byte, t *needleTable) (i int, ok bool)

// scanBlocks is scanAVX2 where the CPU has AVX2; elsewhere it looks at
// nothing and returns (1, false).
func scanBlocks(b []byte, t *needleTable) (int, bool) {
	if haveAVX2 {
		return scanAVX2(b, t)
	}
	return 1, false
}
