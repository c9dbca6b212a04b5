package lifecycle

import (
	"fmt"
	"strings"
)

// minWidth keeps room for the markers and the two end dates.
const minWidth = 24

// Timeline draws the events on one axis of width columns, then a line with
// the first and last dates, then a legend line per event:
//
//	R-----L-----------C--N------D---------------------E
//	2022-06-22                                2023-06-22
//	R  2022-06-22 16:15 UTC  initial registration (passed 40 days ago)
//
// Plain text; the renderers style it. It returns nil when there is no date
// to draw.
func (l *Lifecycle) Timeline(width int) []string {
	if l == nil || len(l.Events) == 0 {
		return nil
	}
	if width < minWidth {
		width = minWidth
	}
	cols := l.columns(width)
	axis := []byte(strings.Repeat("-", width))
	for i, e := range l.Events {
		axis[cols[i]] = markers[e.Kind]
	}
	lines := []string{string(axis)}
	first, last := l.Events[0].Time.Format("2006-01-02"), l.Events[len(l.Events)-1].Time.Format("2006-01-02")
	if len(l.Events) > 1 && first != last {
		lines = append(lines, first+strings.Repeat(" ", width-len(first)-len(last))+last)
	} else {
		lines = append(lines, first)
	}
	for _, e := range l.Events {
		line := fmt.Sprintf("%c  %s  %s", markers[e.Kind], FormatTime(e.Time), e.Label)
		switch {
		case e.Kind == KindCaptured && l.CapturedAtFrom != "":
			line += " (from " + l.CapturedAtFrom + ")"
		case e.Left != nil:
			line += " (" + e.Left.String() + ")"
		}
		lines = append(lines, line)
	}
	if !l.Judged {
		lines = append(lines, "capture time unknown: deadlines not judged (capture `show clock`)")
	}
	return lines
}

// columns places each event in proportion to its time between the first
// and the last, then moves markers that would share a column apart,
// keeping their order.
func (l *Lifecycle) columns(width int) []int {
	n := len(l.Events)
	cols := make([]int, n)
	start, end := l.Events[0].Time, l.Events[n-1].Time
	span := end.Sub(start)
	for i, e := range l.Events {
		if span > 0 {
			cols[i] = int(float64(e.Time.Sub(start)) / float64(span) * float64(width-1))
		}
		if i > 0 && cols[i] <= cols[i-1] {
			cols[i] = cols[i-1] + 1
		}
	}
	for i := n - 1; i >= 0; i-- {
		if limit := width - n + i; cols[i] > limit {
			cols[i] = limit
		}
	}
	return cols
}
