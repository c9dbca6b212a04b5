package report

import (
	"strings"
	"testing"
)

// TestWriteSummaryWidth: the fleet summary fits the width it is given:
// a root cause too long for its column wraps under the column, every
// root cause goes on indented lines of its own when the other columns
// leave it less than 20, and width 0 keeps each row on one line (stderr,
// beside JSON).
func TestWriteSummaryWidth(t *testing.T) {
	long := SummaryRow{"DC-DMZ", "9.3(5)", "classic", "UNREGISTERED - REGISTRATION FAILED / EVAL MODE", "CH002 the CiscoTAC-1 destination URL is http://"}
	short := SummaryRow{"leaf-102", "9.3(10)", "classic", "-", "CH004 the CiscoTAC-1 destination names its host by IP address"}
	healthy := SummaryRow{"N9K-LAB-07", "10.3(6)", "slp", "-", "-"}
	for _, tt := range []struct {
		name  string
		rows  []SummaryRow
		width int
		want  string
	}{
		{"one line each at width 0", []SummaryRow{short, healthy}, 0,
			"HOST        RELEASE  MODE     STATE  ROOT CAUSE\n" +
				"leaf-102    9.3(10)  classic  -      CH004 the CiscoTAC-1 destination names its host by IP address\n" +
				"N9K-LAB-07  10.3(6)  slp      -      -\n"},
		{"fits", []SummaryRow{short, healthy}, 120,
			"HOST        RELEASE  MODE     STATE  ROOT CAUSE\n" +
				"leaf-102    9.3(10)  classic  -      CH004 the CiscoTAC-1 destination names its host by IP address\n" +
				"N9K-LAB-07  10.3(6)  slp      -      -\n"},
		{"wraps under its column", []SummaryRow{short, healthy}, 80,
			"HOST        RELEASE  MODE     STATE  ROOT CAUSE\n" +
				"leaf-102    9.3(10)  classic  -      CH004 the CiscoTAC-1 destination names its\n" +
				"                                     host by IP address\n" +
				"N9K-LAB-07  10.3(6)  slp      -      -\n"},
		{"below the row when the column is narrow", []SummaryRow{long, healthy}, 80,
			"HOST        RELEASE  MODE     STATE\n" +
				"    ROOT CAUSE\n" +
				"DC-DMZ      9.3(5)   classic  UNREGISTERED - REGISTRATION FAILED / EVAL MODE\n" +
				"    CH002 the CiscoTAC-1 destination URL is http://\n" +
				"N9K-LAB-07  10.3(6)  slp      -\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := WriteSummary(&b, tt.rows, tt.width); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tt.want)
			}
			for _, l := range strings.Split(b.String(), "\n") {
				if tt.width > 0 && len([]rune(l)) > tt.width {
					t.Errorf("a line of %d columns, past %d: %q", len([]rune(l)), tt.width, l)
				}
			}
		})
	}
}
