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
		Area:       "Call Home",
		Severity:   Error,
		Needs:      []string{cmdRunCallhome},
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
	if r, skip := classicOnly(c, s); skip {
		return r
	}
	ch, r, ok := callhomeBlock(c, s)
	if !ok {
		return r
	}
	u := ch.TACURL()
	if u == nil {
		return c.Skip("not applicable: CiscoTAC-1 has no HTTP destination URL (see CH003)")
	}
	if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(u.URL)), "http://") {
		return c.Pass("the CiscoTAC-1 destination URL uses HTTPS", u.Ref)
	}
	fixed := "https://" + strings.TrimSpace(u.URL)[len("http://"):]
	full, cut := completeURL(u.URL)
	if cut {
		fixed = full
	}
	return c.Fail(fmt.Sprintf("the CiscoTAC-1 destination URL is http:// (%s): Cisco accepts HTTPS only, and registration fails with \"Failed to parse response data from SCH server\"", u.URL),
		remedies.ReplaceURL("Replace the http:// destination with the same destination over HTTPS.", u.Ref.Text, fixed, cut, path(s)),
		u.Ref)
}
