// Package lifecycle says where a device stands in the Smart Licensing
// lifecycle (docs/smart-licensing.md §3 and §6): its state, the
// dates it printed, the days left to each deadline judged against the
// capture time (never the clock of the machine running slcheck), what the
// device will do next by itself, and a small plain-text timeline.
package lifecycle

import (
	"fmt"
	"time"

	"github.com/slcheck/slcheck/parsers"
)

// Delta is the time from the capture to an event, in whole days and the
// hours beyond them; Passed is set when the event is before the capture.
type Delta struct {
	Days   int  `json:"days"`
	Hours  int  `json:"hours"`
	Passed bool `json:"passed"`
}

// Until measures from capture time `from` to event time `to`. Both carry
// their own zones, so a deadline printed in UTC and a capture time in PDT
// compare correctly.
func Until(from, to time.Time) Delta {
	d := to.Sub(from)
	passed := d < 0
	if passed {
		d = -d
	}
	return Delta{Days: int(d / (24 * time.Hour)), Hours: int(d % (24 * time.Hour) / time.Hour), Passed: passed}
}

// DeltaOf expresses a span (an evaluation period left) as a future Delta.
func DeltaOf(d time.Duration) Delta {
	return Delta{Days: int(d / (24 * time.Hour)), Hours: int(d % (24 * time.Hour) / time.Hour)}
}

// Within reports whether the event is still ahead and no more than days
// away.
func (d Delta) Within(days int) bool { return !d.Passed && d.Days < days }

// String says the delta in words: "in 75 days", "in 5 hours", "passed 3
// days ago", "passed less than an hour ago".
func (d Delta) String() string {
	var amount string
	switch {
	case d.Days > 0:
		amount = plural(d.Days, "day")
	case d.Hours > 0:
		amount = plural(d.Hours, "hour")
	default:
		amount = "less than an hour"
	}
	if d.Passed {
		return "passed " + amount + " ago"
	}
	return "in " + amount
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// FormatTime prints a device time in its own zone, as the operator will
// find it in the capture: "2022-09-20 16:12 UTC". A time printed without a
// zone, or with one slcheck does not know, was read as UTC: say so, since a
// device clock in another zone shifts every deadline by its offset.
func FormatTime(t time.Time) string {
	s := t.Format("2006-01-02 15:04")
	switch name, _ := t.Zone(); {
	case parsers.ZoneKnown(t):
		return s + " " + name
	case name == "":
		return s + " (no zone printed; read as UTC)"
	default:
		return s + " " + name + " (zone unknown to slcheck; read as UTC)"
	}
}
