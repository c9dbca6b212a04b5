#include "textflag.h"

// func scanAVX2(b []byte, t *needleTable) (i int, ok bool)
//
// For each position p of a 32-byte block (b[p-1] the byte before it) it
// ORs three masks, the three rules of needleTable.flagged, C loosened:
//   A: b[p] < 0x20 (signed: also from 0x80 on) and not '\n' or '\t', or 0x7f
//   B: b[p-1] == '\n' and b[p] neither a digit nor '\n'
//   C: b[p]|0x20 and b[p+3]|0x20 equal to a needle's first and fourth
//      folded bytes (the caller checks the two between)
TEXT ·scanAVX2(SB), NOSPLIT, $0-41
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), DX
	MOVQ t+24(FP), R8
	MOVQ 0(R8), R9         // needles
	LEAQ 8(R8), R8         // their table
	MOVQ $1, AX            // p

	MOVL $0x20, BX
	MOVQ BX, X15
	VPBROADCASTB X15, Y15  // 0x20
	MOVL $0x0a, BX
	MOVQ BX, X14
	VPBROADCASTB X14, Y14  // '\n'
	MOVL $0x09, BX
	MOVQ BX, X13
	VPBROADCASTB X13, Y13  // '\t'
	MOVL $0x7f, BX
	MOVQ BX, X12
	VPBROADCASTB X12, Y12  // 0x7f
	MOVL $0x2f, BX
	MOVQ BX, X11
	VPBROADCASTB X11, Y11  // '0'-1
	MOVL $0x3a, BX
	MOVQ BX, X10
	VPBROADCASTB X10, Y10  // '9'+1

loop:
	LEAQ 35(AX), BX        // the block and 3 bytes after it must be in b
	CMPQ BX, DX
	JA   done
	VMOVDQU (SI)(AX*1), Y0    // b[p]
	VMOVDQU -1(SI)(AX*1), Y1  // b[p-1]

	// A
	VPCMPGTB Y0, Y15, Y6   // 0x20 > b[p]
	VPCMPEQB Y0, Y14, Y7   // b[p] == '\n'
	VPCMPEQB Y0, Y13, Y8   // b[p] == '\t'
	VPOR     Y7, Y8, Y8
	VPANDN   Y6, Y8, Y6
	VPCMPEQB Y0, Y12, Y8   // b[p] == 0x7f
	VPOR     Y8, Y6, Y6

	// B
	VPCMPEQB Y1, Y14, Y8   // b[p-1] == '\n'
	VPCMPGTB Y11, Y0, Y9   // b[p] > '0'-1
	VPCMPGTB Y0, Y10, Y1   // '9'+1 > b[p]
	VPAND    Y1, Y9, Y9    // a digit
	VPOR     Y7, Y9, Y9    // or '\n'
	VPANDN   Y8, Y9, Y8
	VPOR     Y8, Y6, Y6

	// C, the first and fourth bytes only (t holds at least one needle)
	VPOR    Y15, Y0, Y0
	VMOVDQU 3(SI)(AX*1), Y3
	VPOR    Y15, Y3, Y3
	MOVQ    R8, R10
	MOVQ    R9, CX
needle:
	VPCMPEQB (R10), Y0, Y7
	VPCMPEQB 96(R10), Y3, Y8
	VPAND    Y8, Y7, Y7
	VPOR     Y7, Y6, Y6
	ADDQ     $128, R10
	DECQ     CX
	JNZ      needle

	VPMOVMSKB Y6, BX
	TESTL     BX, BX
	JNZ       found
	ADDQ      $32, AX
	JMP       loop

found:
	BSFL  BX, BX
	ADDQ  BX, AX
	MOVQ  AX, i+32(FP)
	MOVB  $1, ok+40(FP)
	VZEROUPPER
	RET

done:
	MOVQ AX, i+32(FP)
	MOVB $0, ok+40(FP)
	VZEROUPPER
	RET
