package report

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/slcheck/slcheck/checks"
)

// Markdown is read where it renders (a support case, an issue tracker, a
// browser), so text slcheck did not write must not become markup there.
// The output layer (package redact) has already escaped its control
// characters; the Markdown writer then puts such text only
//
//   - in a code span or a fence delimited by more backticks than the
//     longest run inside it (mdCode, mdFence), where nothing is markup, or
//   - escaped character by character (mdEscape), so that nothing in it
//     starts a link, an image, HTML, an entity, emphasis, a table cell, a
//     heading, a list, a mention, math or an autolink (a URL or an
//     e-mail address shows as code; only a URL slcheck cites links).
//
// Prose (messages, notes) mixes slcheck's words with captured values, and
// marks code with backticks (`show clock`). mdProse keeps those code spans
// and escapes the rest; a backtick inside a captured value may pair
// differently than meant, which changes what is shown as code but nothing
// more: every part is either a code span or escaped.

// mdEscape escapes text inside a line (a table cell, a heading, after a
// label): every character that can start Markdown or HTML syntax gets a
// backslash (CommonMark lets any ASCII punctuation be escaped).
func mdEscape(s string) string { return escapeMD(s, false, false) }

// escapeMD is mdEscape; in block text (a paragraph) what would start a
// block at the start of a line (a list item, a thematic break, a setext
// heading) is escaped too, after each newline and, with atStart, at the
// start of s.
func escapeMD(s string, block, atStart bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := atStart
	link, linkEnd := -1, -1 // a URL or e-mail address, written as code
	for i := 0; i < len(s); {
		if i == 0 || strings.IndexByte(wordEnds, s[i-1]) >= 0 {
			link, linkEnd = autolinkIn(s, i)
		}
		if i == link {
			if u := s[link:linkEnd]; citedURLs()[u] {
				b.WriteString("<" + u + ">")
			} else {
				b.WriteString(mdCode(u))
			}
			i, lineStart = linkEnd, false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			lineStart = block
			b.WriteByte('\n')
			i++
			continue
		case lineStart && (r == ' ' || r == '\t'):
			b.WriteRune(r)
			i += size
			continue
		case strings.ContainsRune("\\`*[]<>&|~#{}$", r):
			b.WriteByte('\\')
		case r == '_' && !(wordAt(s, i-1, true) && wordAt(s, i+1, false)):
			// An underscore inside a word (SMART_LIC) is never emphasis.
			b.WriteByte('\\')
		case r == '@' && !wordAt(s, i-1, true):
			// @name would mention a user; user@host would not.
			b.WriteByte('\\')
		case lineStart && strings.ContainsRune("-+=", r):
			// A list item, a thematic break or a setext heading line.
			b.WriteByte('\\')
		case lineStart && r >= '0' && r <= '9':
			// "1. " or "1) " starts an ordered list.
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			b.WriteString(s[i:j])
			if j < len(s) && (s[j] == '.' || s[j] == ')') {
				b.WriteByte('\\')
			}
			i, lineStart = j, false
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
		lineStart = false
	}
	return b.String()
}

// citedURLs is the set of URLs the checks cite in their references
// (Cisco documents, field notices, bugs): slcheck wrote them, so they
// link, wherever they show. Any other URL does not, even one that only
// starts like them.
var citedURLs = sync.OnceValue(func() map[string]bool {
	urls := map[string]bool{}
	for _, c := range checks.All() {
		for _, ref := range c.References {
			for _, w := range strings.Fields(ref) {
				if strings.HasPrefix(w, "https://") && !strings.ContainsAny(w, "<>`") {
					urls[strings.TrimRight(w, ".,;)")] = true
				}
			}
		}
	}
	return urls
})

// wordEnds end a word for autolinkIn: GFM links stop at white space, and
// a table cell or a backtick ends the text escapeMD can put in one code span.
const wordEnds = " \t\r\n|`"

// autolinkIn finds, in the word of s that starts at i, the part a GFM
// renderer could turn into a link (an extended autolink: a URL with a
// scheme, a host starting "www.", an e-mail address): [from, to), or -1,
// -1. It runs from where the first link would start to the end of the
// word, but the trailing punctuation GFM leaves out of a link too. A
// backslash escape does not stop every autolink (GitHub finds e-mail
// addresses in the text after escapes are resolved); a code span does,
// and shows the words unchanged.
func autolinkIn(s string, i int) (from, to int) {
	to = i
	for to < len(s) && strings.IndexByte(wordEnds, s[to]) < 0 {
		to++
	}
	for to > i && strings.IndexByte(`.,:;!?)]}>"'*_~`, s[to-1]) >= 0 {
		to--
	}
	if k := linkStart(s[i:to]); k >= 0 {
		return i + k, to
	}
	return -1, -1
}

// linkStart is where in w the first thing GFM links starts, or -1: a
// scheme before "://", "www.", the local part before "@", each with a
// letter or digit after it (and a dot in an e-mail domain). It errs on
// the side of a link: any scheme, any case.
func linkStart(w string) int {
	for k := range len(w) {
		switch {
		case strings.HasPrefix(w[k:], "://") && wordAt(w, k+3, false):
			return rewind(w, k, "+.-")
		case len(w) > k+4 && strings.EqualFold(w[k:k+4], "www.") && wordAt(w, k+4, false):
			return k
		case w[k] == '@' && wordAt(w, k-1, true) && strings.Contains(w[k+1:], "."):
			return rewind(w, k, "._+-")
		}
	}
	return -1
}

// rewind is the start of the run of letters, digits and bytes of extra
// that ends at w[k].
func rewind(w string, k int, extra string) int {
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(w[:k])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(extra, r) {
			break
		}
		k -= size
	}
	return k
}

// wordAt reports whether the character before (back) or at position i of
// s is a letter or a digit.
func wordAt(s string, i int, back bool) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	var r rune
	if back {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	} else {
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// longestRun is the length of the longest run of backticks in s.
func longestRun(s string) int {
	longest, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			n++
			longest = max(longest, n)
		} else {
			n = 0
		}
	}
	return longest
}

// mdCode is s as one inline code span, shown literally: delimited by one
// backtick more than the longest run inside it, padded with a space where
// s starts or ends with a backtick or a space (a code span drops one space
// from each end), on one line.
func mdCode(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	fence := strings.Repeat("`", longestRun(s)+1)
	if s == "" || s[0] == '`' || s[len(s)-1] == '`' || s[0] == ' ' && s[len(s)-1] == ' ' {
		s = " " + s + " "
	}
	return fence + s + fence
}

// mdFence is lines as a fenced code block, shown literally: the fence is
// longer than any run of backticks in the lines, so none of them closes
// it.
func mdFence(lines []string) string {
	n := 2
	for _, l := range lines {
		n = max(n, longestRun(l))
	}
	fence := strings.Repeat("`", n+1)
	return fence + "\n" + strings.Join(lines, "\n") + "\n" + fence
}

// mdProse writes prose that marks code with backticks: each code span
// (a run of backticks, then text, then a run of the same length) is
// written again with mdCode, the rest with mdEscape. So markers such as
// "<redacted>" and placeholders such as "<token>" show as written, in
// code or escaped, and no captured text renders as markup.
func mdProse(s string) string { return prose(s, true, false) }

// prose is mdProse for block text (a paragraph: block) or text inside a
// line; in a table cell (cell), a "|" inside a code span is escaped too,
// since GitHub's tables split cells before code spans.
func prose(s string, block, cell bool) string {
	var b strings.Builder
	from := 0 // start of the text not written yet
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		n := runAt(s, i)
		end := closingRun(s, i+n, n)
		if end < 0 {
			i += n // no closing run: literal backticks, escaped below
			continue
		}
		b.WriteString(escapeMD(s[from:i], block, block && from == 0))
		code := s[i+n : end]
		if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
			code = code[1 : len(code)-1]
		}
		code = mdCode(code)
		if cell {
			code = strings.ReplaceAll(code, "|", `\|`)
		}
		b.WriteString(code)
		i = end + n
		from = i
	}
	b.WriteString(escapeMD(s[from:], block, block && from == 0))
	return b.String()
}

// runAt is the length of the run of backticks at s[i].
func runAt(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] == '`' {
		n++
	}
	return n
}

// closingRun is the index of the next run of exactly n backticks in s
// from i, or -1.
func closingRun(s string, i, n int) int {
	for i < len(s) {
		m := runAt(s, i)
		if m == n {
			return i
		}
		i += max(m, 1)
	}
	return -1
}

// mdText is prose on one line: a heading.
func mdText(s string) string { return prose(strings.ReplaceAll(s, "\n", " "), false, false) }

// mdCell is prose in a table cell, on one line.
func mdCell(s string) string { return prose(strings.ReplaceAll(s, "\n", " "), false, true) }
