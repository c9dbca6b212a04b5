package report

import "strings"

// Wrap breaks text into lines of at most width runes at spaces; a word
// longer than width (a URL) stays whole on its own line, and so does a
// command quoted in backticks, so it can be copied in one piece.
func Wrap(text string, width int) []string {
	words := tokens(text)
	var lines []string
	for _, r := range wrapRanges(words, width) {
		lines = append(lines, strings.Join(words[r[0]:r[1]], " "))
	}
	return lines
}

// tokens splits text at blanks, except inside a `backtick span`.
func tokens(text string) []string {
	var out []string
	open := false
	for _, f := range strings.Fields(text) {
		if open {
			out[len(out)-1] += " " + f
		} else {
			out = append(out, f)
		}
		if strings.Count(f, "`")%2 == 1 {
			open = !open
		}
	}
	return out
}

// wrapRanges groups words into lines of at most width runes, as index
// ranges [from, to) into words.
func wrapRanges(words []string, width int) [][2]int {
	var out [][2]int
	from, n := 0, 0
	for i, w := range words {
		l := len([]rune(w))
		if i > from && n+1+l > width {
			out = append(out, [2]int{from, i})
			from, n = i, l
			continue
		}
		if i > from {
			n++
		}
		n += l
	}
	if from < len(words) {
		out = append(out, [2]int{from, len(words)})
	}
	return out
}
