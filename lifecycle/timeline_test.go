package lifecycle

import (
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

func TestTimelineSeed(t *testing.T) {
	l := Compute(snap(seedLicense(), utc(time.August, 1, 16, 0, 2022)))
	lines := l.Timeline(60)
	if len(lines) != 2+len(l.Events) {
		t.Fatalf("%d lines, want axis + dates + %d legend lines:\n%s", len(lines), len(l.Events), strings.Join(lines, "\n"))
	}
	axis := lines[0]
	if len(axis) != 60 {
		t.Errorf("axis is %d columns, want 60: %q", len(axis), axis)
	}
	// Markers in time order, the first at the left edge and the last at the right.
	var order []byte
	for i := 0; i < len(axis); i++ {
		if axis[i] != '-' {
			order = append(order, axis[i])
		}
	}
	if string(order) != "RLNCDWE" {
		t.Errorf("markers %q, want RLNCDWE in %q", order, axis)
	}
	if axis[0] != 'R' || axis[59] != 'E' {
		t.Errorf("axis ends %q", axis)
	}
	// The capture (Aug 1) sits about 40/365 of the way along.
	if c := strings.IndexByte(axis, 'C'); c < 5 || c > 9 {
		t.Errorf("capture marker at column %d of %q", c, axis)
	}
	if lines[1] != "2022-06-22"+strings.Repeat(" ", 40)+"2023-06-22" {
		t.Errorf("dates line %q", lines[1])
	}
	legend := strings.Join(lines[2:], "\n")
	for _, want := range []string{
		"R  2022-06-22 16:15 UTC  initial registration (passed 39 days ago)",
		"C  2022-08-01 16:00 UTC  capture (from `show clock`, tech.txt:3)",
		"D  2022-09-20 16:12 UTC  communication deadline (in 50 days)",
		"E  2023-06-22 16:13 UTC  registration expires (in 325 days)",
	} {
		if !strings.Contains(legend, want) {
			t.Errorf("legend lacks %q:\n%s", want, legend)
		}
	}
}

func TestTimelineEdges(t *testing.T) {
	if (*Lifecycle)(nil).Timeline(40) != nil {
		t.Error("nil lifecycle draws a timeline")
	}
	if lines := Compute(snap(&parsers.License{Registration: parsers.RegistrationState{Status: capture.Fact[string]{Value: "UNREGISTERED"}}}, time.Time{})).Timeline(40); lines != nil {
		t.Errorf("no dates, got %q", lines)
	}
	// Registration, last success and authorization at the same minute must
	// still show three distinct markers; a tiny width is widened.
	l := Compute(snap(seedLicense(), time.Time{}))
	lines := l.Timeline(5)
	if len(lines[0]) != minWidth {
		t.Errorf("width %d, want %d", len(lines[0]), minWidth)
	}
	if n := strings.Count(lines[0], "-"); n != minWidth-len(l.Events) {
		t.Errorf("axis %q hides a marker", lines[0])
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, "deadlines not judged (capture `show clock`)") {
		t.Errorf("last line %q", last)
	}
}

func TestTimelineCrowdedEnd(t *testing.T) {
	// Everything at the same instant: markers pack from the left, in order.
	at := utc(time.May, 5, 5, 5, 2024)
	lic := seedLicense()
	lic.Registration.Initial.Time = at
	lic.Authorization.StatusTime = at
	lic.Authorization.LastCommunication.Time = at
	lic.Authorization.NextCommunication.Time = at
	lic.Registration.NextRenewal.Time = at
	lic.Authorization.Deadline.Time = at
	lic.Registration.Expires.Time = at
	lines := Compute(snap(lic, at)).Timeline(30)
	head, rest := lines[0][:8], lines[0][8:]
	for _, m := range "CRLNWDE" {
		if !strings.ContainsRune(head, m) {
			t.Errorf("axis %q lacks marker %c at its start", lines[0], m)
		}
	}
	if strings.Trim(rest, "-") != "" {
		t.Errorf("axis %q has markers past the packed start", lines[0])
	}
	if lines[1] != "2024-05-05" {
		t.Errorf("one date expected, got %q", lines[1])
	}
}
