package checks

import "testing"

func TestParseRelease(t *testing.T) {
	tests := []struct {
		in   string
		want release
		ok   bool
	}{
		{"9.3(4)", release{9, 3, 4}, true},
		{"10.2(3)", release{10, 2, 3}, true},
		{"9.3(6uu)", release{9, 3, 6}, true},
		{"6.0(2)U6(1)", release{6, 0, 2}, true},
		{" 8.0(1) ", release{8, 0, 1}, true},
		{"", release{}, false},
		{"9.3", release{}, false},
		{"x.3(4)", release{}, false},
		{"9.3()", release{}, false},
	}
	for _, tt := range tests {
		got, ok := parseRelease(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseRelease(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestReleaseLess(t *testing.T) {
	tests := []struct {
		a, b release
		want bool
	}{
		{release{9, 3, 2}, release{9, 3, 3}, true},
		{release{9, 3, 3}, release{9, 3, 3}, false},
		{release{9, 3, 15}, release{9, 3, 3}, false},
		{release{7, 0, 3}, release{9, 3, 3}, true},
		{release{10, 1, 2}, release{10, 2, 1}, true},
		{release{10, 3, 1}, release{10, 2, 9}, false},
	}
	for _, tt := range tests {
		if got := tt.a.less(tt.b); got != tt.want {
			t.Errorf("%v.less(%v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
