package capture

import "testing"

// The first capture that said a setting wins, even when what it said is
// the zero value (`no enable` beside a later `enable`).
func TestFactOr(t *testing.T) {
	on := Fact[bool]{Value: true, Ref: Ref{Source: "b.txt", Line: 9, Text: "enable"}}
	off := Fact[bool]{Value: false, Ref: Ref{Source: "a.txt", Line: 3, Text: "no enable"}}
	unset := Fact[bool]{}
	for _, tt := range []struct {
		name string
		a, b Fact[bool]
		want Fact[bool]
	}{
		{"a said it", off, on, off},
		{"only b said it", unset, on, on},
		{"neither", unset, unset, unset},
		{"a said it, b did not", on, unset, on},
	} {
		if got := tt.a.Or(tt.b); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
