package checks

import (
	"fmt"
	"strconv"
	"strings"
)

// release is an NX-OS release number: 9.3(4) is {9, 3, 4}. Letters after
// the maintenance number ("9.3(6uu)", "7.0(3)I7(6)") do not take part in
// the comparisons slcheck makes.
type release struct{ major, minor, maint int }

// parseRelease reads "9.3(4)", "10.2(3)", "6.0(2)U6(1)", "8.0(1)".
func parseRelease(s string) (release, bool) {
	s = strings.TrimSpace(s)
	dot := strings.IndexByte(s, '.')
	open := strings.IndexByte(s, '(')
	if dot < 1 || open < dot+2 {
		return release{}, false
	}
	major, err1 := strconv.Atoi(s[:dot])
	minor, err2 := strconv.Atoi(s[dot+1 : open])
	rest := s[open+1:]
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	maint, err3 := strconv.Atoi(rest[:n])
	if err1 != nil || err2 != nil || err3 != nil {
		return release{}, false
	}
	return release{major, minor, maint}, true
}

// less reports whether r is an earlier release than o.
func (r release) less(o release) bool {
	if r.major != o.major {
		return r.major < o.major
	}
	if r.minor != o.minor {
		return r.minor < o.minor
	}
	return r.maint < o.maint
}

func (r release) String() string { return fmt.Sprintf("%d.%d(%d)", r.major, r.minor, r.maint) }
