package checks

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "CH002",
		Title:      "CiscoTAC-1 destination uses HTTPS",
		Area:       AreaCallhome,
		Severity:   Error,
		Applies:    Classic,
		Requires:   []Requirement{reqCallhomeConfig},
		When:       []Condition{callhomeConfigured, tacURLConfigured},
		Needs:      []string{snapshot.CmdCallhome},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "The scheme of the CiscoTAC-1 HTTP destination URL (`destination-profile CiscoTAC-1 [index N] http <url>`).",
			Why:  "Cisco's back end accepts HTTPS only: with an http:// URL registration fails with \"Failed to parse response data from SCH server\" (doc 217965, known problem 2).",
			Fix:  "Remove the http:// destination line and add the same destination with https://.",
		},
		Run: runCH002,
	})
}

func runCH002(c *Check, s *snapshot.Snapshot) Result {
	p := s.Path
	line := decidedBy(p.Evidence.URL)
	if !strings.HasPrefix(strings.ToLower(p.URL), "http://") {
		return c.Pass("the CiscoTAC-1 destination URL uses HTTPS", line)
	}
	fixed := "https://" + p.URL[len("http://"):]
	full, cut := completeURL(p.URL)
	if cut {
		fixed = full
	}
	return c.Fail(fmt.Sprintf("the CiscoTAC-1 destination URL is http:// (%s): Cisco accepts HTTPS only, and registration fails with \"Failed to parse response data from SCH server\"", p.URL),
		remedies.ReplaceURL("Replace the http:// destination with the same destination over HTTPS.", line.Text, fixed, cut, p.WithURL(fixed)),
		line)
}
