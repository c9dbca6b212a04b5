package parsers

import (
	"strconv"
	"strings"
)

// Release is an NX-OS release number reduced to what ordering needs:
// "9.3(4)" is {9, 3, 4}; "7.0(3)I7(8)" is {7, 0, 3}; "9.3(7a)" is {9, 3, 7}.
type Release struct {
	Major, Minor, Maint int
}

// ParseRelease reads the leading "M.m(n)" of a release string: digits, a
// dot, digits, "(", digits, letters, ")". Scanned by hand, not with a
// regular expression: the checks ask a snapshot's licensing mode, and so
// this, dozens of times per device.
func ParseRelease(s string) (Release, bool) {
	var r Release
	var ok bool
	if r.Major, s, ok = number(s); !ok || !strings.HasPrefix(s, ".") {
		return Release{}, false
	}
	if r.Minor, s, ok = number(s[1:]); !ok || !strings.HasPrefix(s, "(") {
		return Release{}, false
	}
	if r.Maint, s, ok = number(s[1:]); !ok {
		return Release{}, false
	}
	s = strings.TrimLeftFunc(s, func(c rune) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' })
	if !strings.HasPrefix(s, ")") {
		return Release{}, false
	}
	return r, true
}

// number reads the decimal digits s starts with (at least one, within an
// int) and returns what follows them.
func number(s string) (int, string, bool) {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(s[:i])
	return n, s[i:], err == nil
}

// Compare returns -1, 0 or +1 as r is older than, the same as, or newer
// than o.
func (r Release) Compare(o Release) int {
	for _, d := range [][2]int{{r.Major, o.Major}, {r.Minor, o.Minor}, {r.Maint, o.Maint}} {
		if d[0] < d[1] {
			return -1
		}
		if d[0] > d[1] {
			return 1
		}
	}
	return 0
}

// AtLeast reports whether the release of v is min or newer; known is false
// when either release cannot be read.
func (v *Version) AtLeast(min string) (atLeast, known bool) {
	if v == nil {
		return false, false
	}
	r, ok := ParseRelease(v.Release.Value)
	m, ok2 := ParseRelease(min)
	if !ok || !ok2 {
		return false, false
	}
	return r.Compare(m) >= 0, true
}
