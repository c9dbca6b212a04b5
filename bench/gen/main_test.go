package main

import (
	"testing"

	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"10M", 10 << 20, true}, {"1G", 1 << 30, true}, {"64K", 64 << 10, true}, {"123", 123, true},
		{"", 0, false}, {"1T", 0, false}, {"-1M", 0, false},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("parseSize(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
