package parsers

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// lead is the first byte of s after the spaces \s matches in a pattern,
// in lower case: a pattern anchored as `^\s*word` can match s only when
// lead is word's first letter, or utf8.RuneSelf, which lead returns for a
// multi-byte character, since (?i) takes some of them for an ASCII letter
// (the Kelvin sign for k, ſ for s). It returns 0 for a blank s.
func lead(s string) byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case strings.IndexByte(reSpace, c) >= 0:
		case c >= utf8.RuneSelf:
			return utf8.RuneSelf
		default:
			return lowerASCII(c)
		}
	}
	return 0
}

// reSpace are the bytes \s matches in a regular expression (RE2).
const reSpace = " \t\n\f\r"

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// find is re.FindStringSubmatch(s) for a pattern anchored at the start of
// s (after spaces) whose first letter is one of letters, lower case; c is
// lead(s). Lines that start otherwise are not given to the pattern.
func find(c byte, letters string, re *regexp.Regexp, s string) []string {
	if !starts(c, letters) {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// starts reports whether a line whose lead is c may start with one of
// letters (lower case).
func starts(c byte, letters string) bool {
	return c == utf8.RuneSelf || c != 0 && strings.IndexByte(letters, c) >= 0
}

// containsLower is strings.Contains(strings.ToLower(s), sub) for a
// lower-case ASCII sub, without a lower-cased copy of an ASCII s.
func containsLower(s, sub string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Contains(strings.ToLower(s), sub)
		}
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if lowerASCII(s[i]) == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
