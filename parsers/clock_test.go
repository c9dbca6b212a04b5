package parsers

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		want  time.Time // UTC instant
		zone  string
		known bool
		ok    bool
	}{
		{"Jun 22 16:15:41 2022 UTC", utc(2022, 6, 22, 16, 15, 41), "UTC", true, true},
		{"14:22:11.123 UTC Thu Nov 26 2026", utc(2026, 11, 26, 14, 22, 11).Add(123 * time.Millisecond), "UTC", true, true},
		{"Wed Jun 22 16:16:28 2022", utc(2022, 6, 22, 16, 16, 28), "", false, true},
		{"2022 Jun 22 16:15:41", utc(2022, 6, 22, 16, 15, 41), "", false, true},
		{"Aug 30 19:03:00 2023 PDT", utc(2023, 8, 31, 2, 3, 0), "PDT", true, true},
		{"Sep 22 2023 09:38:07 CET", utc(2023, 9, 22, 8, 38, 7), "CET", true, true},
		{"Jan 1 05:30:00 2024 IST", utc(2024, 1, 1, 0, 0, 0), "IST", true, true},
		{"Jan 16 18:12:23 2034 GMT", utc(2034, 1, 16, 18, 12, 23), "GMT", true, true},
		{"Jun 22 16:15:41 2022 XYZT", utc(2022, 6, 22, 16, 15, 41), "XYZT", false, true},
		{"Feb 30 10:00:00 2022 UTC", time.Time{}, "", false, false},
		{"Jun 22 25:00:00 2022 UTC", time.Time{}, "", false, false},
		{"None", time.Time{}, "", false, false},
		{"<none>", time.Time{}, "", false, false},
		{"SUCCEEDED on Jun 22 16:15:41 2022 UTC", time.Time{}, "", false, false},
		{"", time.Time{}, "", false, false},
	}
	for _, tt := range tests {
		got, zone, ok := ParseDate(tt.in)
		if ok != tt.ok {
			t.Errorf("%q: ok = %v", tt.in, ok)
			continue
		}
		if !ok {
			continue
		}
		if !got.Equal(tt.want) || zone != tt.zone || ZoneKnown(got) != tt.known {
			t.Errorf("%q: got %v %q known=%v, want %v %q known=%v", tt.in, got.UTC(), zone, ZoneKnown(got), tt.want, tt.zone, tt.known)
		}
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		name, text string
		want       time.Time
		zone       string
		known      bool
		source     string
		line       int
	}{
		{"nxos", "14:22:11.123 UTC Thu Nov 26 2026\n", utc(2026, 11, 26, 14, 22, 11).Add(123 * time.Millisecond), "UTC", true, "", 1},
		{"nxos ntp", "14:22:11.123 UTC Thu Nov 26 2026\nTime source is NTP\n", utc(2026, 11, 26, 14, 22, 11).Add(123 * time.Millisecond), "UTC", true, "NTP", 1},
		{"source first", "Time source is NTP\n*08:00:00.000 PST Mon Jan 5 2026\n", utc(2026, 1, 5, 16, 0, 0), "PST", true, "NTP", 2},
		{"iosxe one line", "Time source is NTP, 11:04:51.711 PDT Fri Sep 1 2023\n", utc(2023, 9, 1, 18, 4, 51).Add(711 * time.Millisecond), "PDT", true, "NTP", 1},
		{"unknown zone", "  10:00:00.000 FOO Thu Nov 26 2026  \n", utc(2026, 11, 26, 10, 0, 0), "FOO", false, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseClock(section("show clock", "show clock", tt.text))
			if c == nil {
				t.Fatal("nil")
			}
			if !c.Time.Equal(tt.want) || c.Zone != tt.zone || c.ZoneKnown != tt.known || c.Source.Value != tt.source || c.Ref.Line != tt.line {
				t.Errorf("got %v %q known=%v src=%q line=%d", c.Time.UTC(), c.Zone, c.ZoneKnown, c.Source.Value, c.Ref.Line)
			}
		})
	}
	if c := ParseClock(section("show clock", "", "% Invalid command\n")); c != nil {
		t.Errorf("invalid command: got %+v", c)
	}
}
