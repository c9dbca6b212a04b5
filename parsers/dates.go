package parsers

import (
	"strconv"
	"strings"
	"time"
)

// zoneOffsets maps the time-zone abbreviations NX-OS devices are commonly
// configured with (`clock timezone NAME H M`) to their UTC offset in
// minutes. The abbreviation is a free-form name on NX-OS, so an unknown one
// is kept as written with a zero offset and reported as unknown, never
// replaced by the zone of the machine running slcheck. IST is read as
// India Standard Time, the most common meaning on Cisco gear.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0,
	"BST": 60, "IST": 330, "WEST": 60, "CET": 60, "MET": 60, "CEST": 120, "MEST": 120,
	"EET": 120, "EEST": 180, "MSK": 180, "GST": 240, "PKT": 300,
	"SGT": 480, "HKT": 480, "AWST": 480, "JST": 540, "KST": 540,
	"ACST": 570, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
	"HST": -600, "AKST": -540, "AKDT": -480, "PST": -480, "PDT": -420,
	"MST": -420, "MDT": -360, "CST": -360, "CDT": -300, "EST": -300, "EDT": -240,
	"AST": -240, "ADT": -180, "BRT": -180, "ART": -180,
}

// ZoneOffset returns the UTC offset of a time-zone abbreviation and whether
// slcheck knows it.
func ZoneOffset(abbr string) (time.Duration, bool) {
	m, ok := zoneOffsets[strings.ToUpper(abbr)]
	return time.Duration(m) * time.Minute, ok
}

// ZoneKnown reports whether t carries a zone whose offset slcheck knows:
// false for times parsed with an unknown abbreviation or with none.
func ZoneKnown(t time.Time) bool {
	name, _ := t.Zone()
	_, ok := zoneOffsets[name]
	return ok
}

// zoneLocation builds the location for an abbreviation; an unknown one
// keeps its name at offset zero so that ZoneKnown can tell.
func zoneLocation(abbr string) *time.Location {
	abbr = strings.ToUpper(abbr)
	if abbr == "" {
		return time.FixedZone("", 0)
	}
	off, _ := ZoneOffset(abbr)
	return time.FixedZone(abbr, int(off/time.Second))
}

var months = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]bool{"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true}

// ParseDate reads the date forms NX-OS prints, in any order of their
// parts: "Jun 22 16:15:41 2022 UTC" (license), "14:22:11.123 UTC Thu Nov 26
// 2026" (show clock), "Wed Jun 22 16:16:28 2022" (!Time:), "2022 Jun 22
// 16:15:41" (logs), "Jun 22 16:13:53 2023 GMT" (certificates), "Sep 22 2023
// 09:38:07 UTC". A zone abbreviation, if any, is returned as written
// (upper-cased). A date without a zone is device local time and is returned
// in a nameless zone at offset zero (ZoneKnown reports false).
func ParseDate(s string) (t time.Time, zone string, ok bool) {
	var (
		year, day           = -1, -1
		month               time.Month
		hh, mm, ss, nsec    = -1, 0, 0, 0
		zoneSeen, extraSeen bool
	)
	for _, f := range strings.Fields(strings.TrimSpace(s)) {
		f = strings.TrimSuffix(f, ",")
		lf := strings.ToLower(f)
		switch {
		case len(lf) >= 3 && months[lf[:3]] != 0 && isMonthWord(lf):
			if month != 0 {
				return time.Time{}, "", false
			}
			month = months[lf[:3]]
		case len(lf) >= 3 && weekdays[lf[:3]] && isLetters(lf):
		case strings.Contains(f, ":"):
			if hh >= 0 {
				return time.Time{}, "", false
			}
			var good bool
			hh, mm, ss, nsec, good = parseClock(f)
			if !good {
				return time.Time{}, "", false
			}
		case isDigits(f):
			n, err := strconv.Atoi(f)
			if err != nil {
				return time.Time{}, "", false
			}
			switch {
			case len(f) == 4 && year < 0:
				year = n
			case len(f) <= 2 && day < 0 && n >= 1 && n <= 31:
				day = n
			default:
				return time.Time{}, "", false
			}
		case isLetters(f) && !zoneSeen && len(f) <= 5:
			zone = strings.ToUpper(f)
			zoneSeen = true
		default:
			extraSeen = true
		}
	}
	if extraSeen || year < 0 || day < 0 || month == 0 || hh < 0 {
		return time.Time{}, "", false
	}
	t = time.Date(year, month, day, hh, mm, ss, nsec, zoneLocation(zone))
	if t.Day() != day || t.Month() != month {
		return time.Time{}, "", false // Feb 30 and the like
	}
	return t, zone, true
}

func isMonthWord(s string) bool {
	if !isLetters(s) {
		return false
	}
	full := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for _, m := range full {
		if s == m || s == m[:3] {
			return true
		}
	}
	return s == "sept"
}

// parseClock reads "16:15:41", "14:22:11.123" or "16:15".
func parseClock(f string) (hh, mm, ss, nsec int, ok bool) {
	frac := ""
	if i := strings.IndexByte(f, '.'); i >= 0 {
		f, frac = f[:i], f[i+1:]
		if !isDigits(frac) || len(frac) > 9 {
			return 0, 0, 0, 0, false
		}
	}
	parts := strings.Split(f, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, 0, 0, false
	}
	vals := [3]int{}
	for i, p := range parts {
		if !isDigits(p) || len(p) > 2 {
			return 0, 0, 0, 0, false
		}
		vals[i], _ = strconv.Atoi(p)
	}
	if vals[0] > 23 || vals[1] > 59 || vals[2] > 60 {
		return 0, 0, 0, 0, false
	}
	if frac != "" {
		n, _ := strconv.Atoi((frac + "000000000")[:9])
		nsec = n
	}
	return vals[0], vals[1], vals[2], nsec, true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
