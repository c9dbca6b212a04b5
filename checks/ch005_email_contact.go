package checks

import (
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "CH005",
		Title:      "Call Home has an email contact",
		Area:       AreaCallhome,
		Severity:   Warning,
		Applies:    Classic,
		Requires:   []Requirement{reqCallhomeConfig},
		When:       []Condition{callhomeConfigured},
		Needs:      []string{snapshot.CmdCallhome},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "Whether the callhome configuration holds `email-contact`.",
			Why:  "Cisco's reference Call Home configuration (doc 217965) has a contact address; on some releases Call Home cannot be enabled without one.",
			Fix:  "Add `email-contact <address>` under callhome.",
		},
		Run: runCH005,
	})
}

func runCH005(c *Check, s *snapshot.Snapshot) Result {
	ch := s.Config.Callhome
	if ch.EmailContact.Value == "" {
		return c.Fail("callhome has no `email-contact`", remedies.EmailContact(), ch.Ref)
	}
	return c.Pass("callhome has an email contact", ch.EmailContact.Ref)
}
