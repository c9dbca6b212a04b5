package report

// indentJSON appends to dst the JSON src, as compact as encoding/json
// writes it (no space outside strings but a final newline), indented as
// json.Indent(dst, src, prefix, indent) would: each element on a line of
// its own, prefix and depth times indent before it, ": " after a key,
// empty objects and arrays as {} and []. encoding/json's own indenting
// steps its validating scanner through every byte, again after encoding:
// it was three tenths of encoding a device's part of a fleet's report.
// Bytes inside strings are copied as they are, in runs.
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	open := false // after { or [: the indent waits for a non-empty body
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			dst = newline(dst, prefix, indent, depth)
		}
		switch c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = newline(dst, prefix, indent, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				dst = newline(dst, prefix, indent, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func newline(dst []byte, prefix, indent string, depth int) []byte {
	dst = append(dst, '\n')
	dst = append(dst, prefix...)
	for range depth {
		dst = append(dst, indent...)
	}
	return dst
}
