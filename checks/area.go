package checks

import (
	"strings"
)

// Area is the part of the checklist a check belongs to, as the catalogue
// (docs/checks.md) and `slcheck checks` group them.
type Area string

// The areas, in catalogue order: what the switch is, its license state,
// Call Home, the network path, name resolution, trust, SLP, then the log
// and the clock.
const (
	AreaPlatform Area = "Platform and mode"
	AreaLicense  Area = "License and registration state"
	AreaCallhome Area = "Call Home"
	AreaNetwork  Area = "Network path"
	AreaDNS      Area = "DNS"
	AreaTrust    Area = "Trust"
	AreaSLP      Area = "Smart Licensing Using Policy"
	AreaLogsTime Area = "Logs and time"
)

// areas lists each area in catalogue order with the ID prefixes of its
// checks, in the order they are listed within it.
var areas = []struct {
	area     Area
	prefixes []string
}{
	{AreaPlatform, []string{"PLT"}},
	{AreaLicense, []string{"LIC"}},
	{AreaCallhome, []string{"CH"}},
	{AreaNetwork, []string{"NET"}},
	{AreaDNS, []string{"DNS"}},
	{AreaTrust, []string{"TLS"}},
	{AreaSLP, []string{"SLP"}},
	{AreaLogsTime, []string{"LOG", "CLK"}},
}

// idPrefix is the letters of an ID: "CH" for CH002.
func idPrefix(id string) string { return strings.TrimRight(id, "0123456789") }

// rank places a check in the catalogue: its area, then its ID's prefix
// within the area (LOG before CLK); ok is false when the area is not one
// of the list or does not hold the ID's prefix.
func rank(c *Check) (area, prefix int, ok bool) {
	for i, a := range areas {
		if a.area != c.Area {
			continue
		}
		for j, p := range a.prefixes {
			if p == idPrefix(c.ID) {
				return i, j, true
			}
		}
		return i, 0, false
	}
	return len(areas), 0, false
}

// before orders checks by area, then by ID: prefix as the area lists it,
// then number (all IDs have three digits).
func before(a, b *Check) bool {
	aa, ap, _ := rank(a)
	ba, bp, _ := rank(b)
	if aa != ba {
		return aa < ba
	}
	if ap != bp {
		return ap < bp
	}
	return a.ID < b.ID
}
