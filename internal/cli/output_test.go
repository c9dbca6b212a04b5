package cli

import "testing"

func TestReportWidth(t *testing.T) {
	tests := []struct {
		tty   bool
		width int
		want  int
	}{
		{false, 200, 0}, // a pipe or a file: the renderer's 80, whatever the window
		{true, 0, 0},    // a terminal that does not say its size
		{true, 100, 100},
		{true, 40, 60},
		{true, 300, 120},
	}
	for _, tt := range tests {
		if got := reportWidth(Streams{IsTerminal: tt.tty, Width: tt.width}); got != tt.want {
			t.Errorf("reportWidth(tty=%v, %d) = %d, want %d", tt.tty, tt.width, got, tt.want)
		}
	}
}
