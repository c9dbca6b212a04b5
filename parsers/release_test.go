package parsers

import (
	"regexp"
	"strconv"
	"testing"
)

// releaseByPattern is ParseRelease as the regular expression it replaced
// reads a release.
func releaseByPattern(s string) (Release, bool) {
	m := regexp.MustCompile(`^(\d+)\.(\d+)\((\d+)[a-zA-Z]*\)`).FindStringSubmatch(s)
	if m == nil {
		return Release{}, false
	}
	var r Release
	var err [3]error
	r.Major, err[0] = strconv.Atoi(m[1])
	r.Minor, err[1] = strconv.Atoi(m[2])
	r.Maint, err[2] = strconv.Atoi(m[3])
	if err[0] != nil || err[1] != nil || err[2] != nil {
		return Release{}, false
	}
	return r, true
}

func TestParseRelease(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Release
		ok   bool
	}{
		{"9.3(4)", Release{9, 3, 4}, true},
		{"7.0(3)I7(8)", Release{7, 0, 3}, true},
		{"9.3(7a)", Release{9, 3, 7}, true},
		{"10.2(1)F", Release{10, 2, 1}, true},
		{"10.4(3)", Release{10, 4, 3}, true},
		{"8.4(2b)", Release{8, 4, 2}, true},
		{"9.3(7a1)", Release{}, false},
		{"9.3", Release{}, false},
		{"9.(3)", Release{}, false},
		{".3(3)", Release{}, false},
		{"9.3()", Release{}, false},
		{" 9.3(4)", Release{}, false},
		{"9.3(4", Release{}, false},
		{"v9.3(4)", Release{}, false},
		{"99999999999999999999.3(4)", Release{}, false},
		{"", Release{}, false},
	} {
		got, ok := ParseRelease(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseRelease(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if pg, pok := releaseByPattern(tc.in); pg != got || pok != ok {
			t.Errorf("ParseRelease(%q) = %v, %v; the pattern reads %v, %v", tc.in, got, ok, pg, pok)
		}
	}
}

func FuzzParseRelease(f *testing.F) {
	for _, s := range []string{"9.3(4)", "7.0(3)I7(8)", "9.3(7a)", "1.2(3ſ)", "1.2(3K)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseRelease(s)
		if want, wok := releaseByPattern(s); got != want || ok != wok {
			t.Errorf("ParseRelease(%q) = %v, %v; the pattern reads %v, %v", s, got, ok, want, wok)
		}
	})
}
