package lifecycle

import (
	"testing"
	"time"
)

func TestUntil(t *testing.T) {
	pdt := time.FixedZone("PDT", -7*3600)
	cest := time.FixedZone("CEST", 2*3600)
	capture := time.Date(2022, 9, 20, 11, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		from time.Time
		to   time.Time
		want Delta
		text string
	}{
		{"deadline later today", capture, time.Date(2022, 9, 20, 16, 12, 55, 0, time.UTC), Delta{0, 5, false}, "in 5 hours"},
		{"deadline at capture time", capture, capture, Delta{0, 0, false}, "in less than an hour"},
		{"passed an hour ago", capture, capture.Add(-90 * time.Minute), Delta{0, 1, true}, "passed 1 hour ago"},
		{"passed three days ago", capture, capture.Add(-3*24*time.Hour - time.Minute), Delta{3, 0, true}, "passed 3 days ago"},
		{"far away", capture, time.Date(2023, 8, 31, 11, 0, 0, 0, time.UTC), Delta{345, 0, false}, "in 345 days"},
		{"one day", capture, capture.Add(25 * time.Hour), Delta{1, 1, false}, "in 1 day"},
		// 09:00 PDT is 16:00 UTC: a deadline at 16:12 UTC is 12 minutes away, not 7 hours.
		{"capture in PDT, deadline in UTC", time.Date(2022, 9, 20, 9, 0, 0, 0, pdt), time.Date(2022, 9, 20, 16, 12, 0, 0, time.UTC), Delta{0, 0, false}, "in less than an hour"},
		// 01:00 CEST on the 21st is 23:00 UTC on the 20th: the deadline passed 6 hours before.
		{"capture in CEST after a UTC deadline", time.Date(2022, 9, 21, 1, 0, 0, 0, cest), time.Date(2022, 9, 20, 16, 30, 0, 0, time.UTC), Delta{0, 6, true}, "passed 6 hours ago"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Until(tt.from, tt.to)
			if got != tt.want {
				t.Fatalf("Until = %+v, want %+v", got, tt.want)
			}
			if got.String() != tt.text {
				t.Errorf("String = %q, want %q", got.String(), tt.text)
			}
		})
	}
}

func TestWithin(t *testing.T) {
	tests := []struct {
		d    Delta
		days int
		want bool
	}{
		{Delta{Days: 29, Hours: 23}, 30, true},
		{Delta{Days: 30}, 30, false},
		{Delta{Days: 0, Hours: 2}, 30, true},
		{Delta{Days: 1, Passed: true}, 30, false},
	}
	for _, tt := range tests {
		if got := tt.d.Within(tt.days); got != tt.want {
			t.Errorf("%+v.Within(%d) = %v, want %v", tt.d, tt.days, got, tt.want)
		}
	}
}

func TestFormatTimeKeepsTheDeviceZone(t *testing.T) {
	tests := []struct {
		zone *time.Location
		want string
	}{
		{time.FixedZone("PDT", -7*3600), "2023-08-30 19:03 PDT"},
		{time.UTC, "2023-08-30 19:03 UTC"},
		// `!Time:` prints no zone; a `clock timezone` name is free-form.
		{time.FixedZone("", 0), "2023-08-30 19:03 (no zone printed; read as UTC)"},
		{time.FixedZone("LAB", 0), "2023-08-30 19:03 LAB (zone unknown to slcheck; read as UTC)"},
	}
	for _, tt := range tests {
		if got := FormatTime(time.Date(2023, 8, 30, 19, 3, 0, 0, tt.zone)); got != tt.want {
			t.Errorf("FormatTime = %q, want %q", got, tt.want)
		}
	}
}

func TestDeltaOf(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want Delta
		text string
	}{
		{46*24*time.Hour + 7*time.Hour + 17*time.Minute + 24*time.Second, Delta{46, 7, false}, "in 46 days"},
		{3 * time.Hour, Delta{0, 3, false}, "in 3 hours"},
		{0, Delta{}, "in less than an hour"},
	}
	for _, tt := range tests {
		got := DeltaOf(tt.d)
		if got != tt.want || got.String() != tt.text {
			t.Errorf("DeltaOf(%v) = %+v %q, want %+v %q", tt.d, got, got.String(), tt.want, tt.text)
		}
	}
}
