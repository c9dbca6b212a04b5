package parsers

import (
	"regexp"
	"strings"
	"time"

	"github.com/slcheck/slcheck/capture"
)

// Clock holds `show clock`.
type Clock struct {
	Time time.Time
	// Zone is the abbreviation printed, e.g. "UTC", "PST".
	Zone string
	// Source is "NTP", "PTP", "none" ... from the "Time source is X" line,
	// or "".
	Source capture.Fact[string]
	Ref    capture.Ref
	// ZoneKnown is false when slcheck does not know the zone's offset;
	// Time is then read as if the zone were UTC.
	ZoneKnown bool
}

// "Time source is NTP" (NX-OS, own line) or "Time source is NTP, 11:04:51.711
// PDT Fri Sep 1 2023" (IOS-XE, one line).
var timeSourceRE = regexp.MustCompile(`(?i)^\s*time\s+source\s+is\s+([^,\s]+)\s*,?\s*(.*)$`)

// ParseClock reads `show clock`: "14:22:11.123 UTC Thu Nov 26 2026", with
// or without a leading "*" or "." (time not authoritative), and an optional
// "Time source is X" line. It returns nil when no date is found.
func ParseClock(sec *capture.Section) *Clock {
	c := &Clock{}
	for _, l := range sec.Lines {
		text := l.Text
		if m := timeSourceRE.FindStringSubmatch(text); m != nil {
			c.Source = capture.Fact[string]{Value: m[1], Ref: sec.Ref(l)}
			text = m[2]
		}
		if !c.Time.IsZero() {
			continue
		}
		t, zone, ok := ParseDate(strings.TrimLeft(strings.TrimSpace(text), "*."))
		if !ok {
			continue
		}
		c.Time, c.Zone, c.Ref = t, zone, sec.Ref(l)
		c.ZoneKnown = ZoneKnown(t)
	}
	if c.Time.IsZero() {
		return nil
	}
	return c
}
