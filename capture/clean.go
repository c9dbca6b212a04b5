package capture

import (
	"bytes"
	"regexp"
	"unicode/utf8"
)

// cleaner turns one raw line of a terminal log into the text a person saw:
// ANSI escapes removed, backspaces and carriage returns applied as a
// terminal would, NUL and other control bytes dropped, pager prompts and
// trailing blanks removed, and the time stamp a terminal program's log
// puts before every line (stampREs). Its buffers are reused from line to
// line; one cleaner reads one input.
type cleaner struct {
	runes []rune
	out   []byte
	fix   []byte
	// stamp is the stamp every line of this input starts with (nil: none),
	// looked for on its first non-blank line (looked is then set).
	stamp  *regexp.Regexp
	looked bool
}

var more = []byte("--More--")

// clean returns the cleaned line; it may alias raw or the cleaner's
// buffer, valid until the next call. It never writes to raw.
func (c *cleaner) clean(raw []byte) []byte {
	line := raw
	for len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1] // "\r\n" ends: common enough for a fast path
	}
	if hasControl(line) {
		line = c.emulate(line)
	}
	if i := bytes.Index(line, more); i >= 0 {
		line = c.dropMore(line, i)
	}
	if !utf8.Valid(line) {
		line = c.latin1(line)
	}
	line = bytes.TrimRight(line, " \t")
	if !c.looked && len(line) > 0 && !bytes.HasPrefix(line, puttyBanner) {
		c.looked = true
		// Every stamp starts with '[' or a digit: a line that does not
		// runs no regexp (OutputLine cleans each collected line afresh).
		for _, re := range stampREs[:stampStart(line[0])] {
			if re.Match(line) {
				c.stamp = re
				break
			}
		}
	}
	if c.stamp != nil {
		if m := c.stamp.FindIndex(line); m != nil {
			line = line[m[1]:]
		}
	}
	return line
}

// puttyBanner starts the line PuTTY writes atop a log ("=~=~=~= PuTTY log
// 2024.03.01 10:11:12 =~=~=~="): the first line of a session comes after it.
var puttyBanner = []byte("=~=~=~=")

// stampREs are the time stamps terminal programs put before each line of a
// log, with the one blank after them: in brackets with a time of day
// ("[2024-03-01 10:11:12] ", Tera Term's "[Fri Mar 01 10:11:12.345 2024] ",
// SecureCRT's "[03/01/2024 10:11:12 AM] ") or an ISO 8601 date and time
// ("2024-03-01T10:11:12.345Z "). A stamp is removed only from an input
// whose first line carries one, so an output line that starts with a date
// (NX-OS log lines start "2024 Mar  1 ...") is never cut.
var stampREs = []*regexp.Regexp{
	regexp.MustCompile(`^\[[^\]]{0,40}\b\d{1,2}:\d{2}:\d{2}\b[^\]]{0,20}\](?:[ \t]|$)`),
	regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?(?:[ \t]|$)`),
}

// stampStart is how many of stampREs may match a line that starts with b:
// all when b is '[' or a digit, else none.
func stampStart(b byte) int {
	if b == '[' || b >= '0' && b <= '9' {
		return len(stampREs)
	}
	return 0
}

// latin1 keeps bytes that are not UTF-8 as the Latin-1 characters they
// most likely were (a capture saved by an old terminal program), so the
// text stays valid UTF-8 for every renderer.
func (c *cleaner) latin1(line []byte) []byte {
	out := c.fix[:0]
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && size == 1 {
			r = rune(line[i])
		}
		out = utf8.AppendRune(out, r)
		i += size
	}
	c.fix = out
	return out
}

func hasControl(b []byte) bool {
	for _, x := range b {
		if x < 0x20 && x != '\t' || x == 0x7f {
			return true
		}
	}
	return false
}

// emulate replays the line on a one-line terminal: printable runes
// overwrite at the cursor, '\r' returns to column 0, a backspace at the end
// of the text erases the last rune (what "\b \b" and a pager's erase
// amount to) and elsewhere moves left, and CSI K erases to the right.
func (c *cleaner) emulate(raw []byte) []byte {
	line := c.runes[:0]
	cur := 0
	put := func(r rune) {
		if cur < len(line) {
			line[cur] = r
		} else {
			line = append(line, r)
		}
		cur++
	}
	for i := 0; i < len(raw); {
		b := raw[i]
		switch {
		case b == 0x1b:
			i = c.escape(raw, i, &line, &cur)
			continue
		case b == '\b':
			if cur == len(line) && cur > 0 {
				line = line[:cur-1]
				cur--
			} else if cur > 0 {
				cur--
			}
		case b == '\r':
			cur = 0
		case b == '\t':
			put('\t')
		case b < 0x20 || b == 0x7f: // NUL and other controls: dropped
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				r = rune(b) // keep stray bytes (Latin-1) rather than lose them
			}
			put(r)
			i += size
			continue
		}
		i++
	}
	c.runes = line
	c.out = c.out[:0]
	for _, r := range line {
		c.out = utf8.AppendRune(c.out, r)
	}
	return c.out
}

// escape consumes the escape sequence at raw[i] and returns the index after
// it, applying the few that change the visible line.
func (c *cleaner) escape(raw []byte, i int, line *[]rune, cur *int) int {
	i++
	if i >= len(raw) {
		return i
	}
	switch raw[i] {
	case '[': // CSI: parameters, intermediates, one final byte
		i++
		n, hasN := 0, false
		for i < len(raw) && raw[i] >= 0x20 && raw[i] <= 0x3f {
			if d := raw[i]; d >= '0' && d <= '9' {
				n = min(n*10+int(d-'0'), 1<<16)
				hasN = true
			}
			i++
		}
		if i >= len(raw) {
			return i
		}
		if !hasN {
			n = 0
		}
		switch raw[i] {
		case 'K':
			if n == 0 && *cur < len(*line) {
				*line = (*line)[:*cur]
			}
		case 'D':
			*cur = max(*cur-max(n, 1), 0)
		case 'C':
			*cur = min(*cur+max(n, 1), len(*line))
		case 'G':
			*cur = min(max(n-1, 0), len(*line))
		}
		return i + 1
	case ']': // OSC: up to BEL or ESC '\'
		for i++; i < len(raw); i++ {
			if raw[i] == 0x07 {
				return i + 1
			}
			if raw[i] == 0x1b && i+1 < len(raw) && raw[i+1] == '\\' {
				return i + 2
			}
		}
		return i
	case '(', ')': // character set designation: one more byte
		return min(i+2, len(raw))
	}
	return i + 1
}

// dropMore removes pager prompts left in the line with the blanks that
// follow them (and precede them at the start of the line).
func (c *cleaner) dropMore(line []byte, i int) []byte {
	var out []byte
	for i >= 0 {
		head := line[:i]
		if len(bytes.TrimLeft(head, " ")) == 0 && len(out) == 0 {
			head = nil
		}
		out = append(out, head...)
		line = bytes.TrimLeft(line[i+len(more):], " ")
		i = bytes.Index(line, more)
	}
	return append(out, line...)
}
