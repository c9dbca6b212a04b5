package parsers

import (
	"github.com/slcheck/slcheck/capture"
	"time"
)

// Clock holds `show clock`.
type Clock struct {
	Time time.Time
	// Zone is the abbreviation printed, e.g. "UTC", "PST".
	Zone string
	// Source is "NTP", "PTP", "none" ... from "Time source is X", or "".
	Source string
	Ref    capture.Ref
	// ZoneKnown is false when slcheck does not know the zone's offset;
	// Time is then read as if the zone were UTC.
	ZoneKnown bool
	// SourceRef is the "Time source is X" line.
	SourceRef capture.Ref
}
