package parsers

import (
	"regexp"
	"strconv"
)

// Release is an NX-OS release number reduced to what ordering needs:
// "9.3(4)" is {9, 3, 4}; "7.0(3)I7(8)" is {7, 0, 3}; "9.3(7a)" is {9, 3, 7}.
type Release struct {
	Major, Minor, Maint int
}

var releaseRE = regexp.MustCompile(`^(\d+)\.(\d+)\((\d+)[a-zA-Z]*\)`)

// ParseRelease reads the leading "M.m(n)" of a release string.
func ParseRelease(s string) (Release, bool) {
	m := releaseRE.FindStringSubmatch(s)
	if m == nil {
		return Release{}, false
	}
	var r Release
	var err error
	if r.Major, err = strconv.Atoi(m[1]); err != nil {
		return Release{}, false
	}
	if r.Minor, err = strconv.Atoi(m[2]); err != nil {
		return Release{}, false
	}
	if r.Maint, err = strconv.Atoi(m[3]); err != nil {
		return Release{}, false
	}
	return r, true
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
