package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape returns s with every character that a terminal, an editor or a
// browser would act on, or that hides or reorders the text around it,
// replaced by a visible escape, so what the user sees is what the bytes
// say:
//
//   - C0 controls other than tab, DEL, C1 controls (U+0080 to U+009F) and
//     bytes that are not UTF-8 become \xHH (ESC is \x1b, the 8-bit CSI
//     0x9b or U+009B is \x9b);
//   - the other Unicode control and format characters (categories Cc and
//     Cf: the bidi controls U+202A to U+202E and U+2066 to U+2069, the
//     marks U+200E, U+200F and U+061C, zero-width characters, tag
//     characters) and the line and paragraph separators U+2028 and U+2029
//     become \uHHHH (\U00HHHHHH above U+FFFF).
//
// Tabs and every printable character are kept; a backslash is kept as it
// is, so an escape is for reading, not for decoding back. s without such a
// character is returned as it is, without allocating.
func Escape(s string) string { return escape(s, false) }

// escape is Escape; with sgr, the colour sequences slcheck's text report
// writes (ESC [ digits and semicolons m) are kept.
func escape(s string, sgr bool) string {
	i := unsafeAt(s, sgr)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c != 0x7f || c == '\t':
				b.WriteByte(c)
			case c == 0x1b && sgr && sgrLen(s[i:]) > 0:
				n := sgrLen(s[i:])
				b.WriteString(s[i : i+n])
				i += n
				continue
			default:
				writeHex(&b, `\x`, uint32(c), 2)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			writeHex(&b, `\x`, uint32(c), 2)
		case r <= 0x9f:
			writeHex(&b, `\x`, uint32(r), 2) // C1
		case hidden(r) && r > 0xffff:
			writeHex(&b, `\U`, uint32(r), 8)
		case hidden(r):
			writeHex(&b, `\u`, uint32(r), 4)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeAt is the index of the first byte of s that escape changes, or -1.
func unsafeAt(s string, sgr bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' || c == 0x7f {
				if c == 0x1b && sgr {
					if n := sgrLen(s[i:]); n > 0 {
						i += n
						continue
					}
				}
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r <= 0x9f || hidden(r) {
			return i
		}
		i += size
	}
	return -1
}

// hidden reports whether r is a control, format or separator character
// that a terminal or a renderer acts on instead of showing.
func hidden(r rune) bool {
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp)
}

// sgrLen is the length of the colour sequence (SGR: ESC [ params m) s
// starts with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9', c == ';':
		default:
			return 0
		}
	}
	return 0
}

const hexDigits = "0123456789abcdef"

func writeHex(b *strings.Builder, prefix string, v uint32, digits int) {
	b.WriteString(prefix)
	for k := digits - 1; k >= 0; k-- {
		b.WriteByte(hexDigits[v>>(4*k)&0xf])
	}
}
