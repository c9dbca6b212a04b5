package checks

import (
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "CH003",
		Title:      "CiscoTAC-1 has an HTTP transport and destination",
		Area:       AreaCallhome,
		Severity:   Error,
		Applies:    Classic,
		Requires:   []Requirement{reqCallhomeConfig},
		When:       []Condition{callhomeConfigured},
		Needs:      []string{snapshot.CmdCallhome},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "Whether the CiscoTAC-1 profile holds `transport-method http` and an `http <url>` destination.",
			Why:  "Smart Licensing messages leave through CiscoTAC-1 over HTTP(S): without the method or the URL nothing is sent.",
			Fix:  "Add `destination-profile CiscoTAC-1 transport-method http` and `destination-profile CiscoTAC-1 http <url>` under callhome.",
		},
		Run: runCH003,
	})
}

func runCH003(c *Check, s *snapshot.Snapshot) Result {
	ch := s.Config.Callhome
	prof := ch.Profile("CiscoTAC-1")
	hasMethod, hasURL := false, false
	var ev []capture.Ref
	if prof != nil {
		for _, m := range prof.TransportMethods {
			if strings.EqualFold(m.Value, "http") {
				hasMethod = true
				ev = append(ev, m.Ref)
			}
		}
		if p := s.Path; p.URL != "" {
			hasURL = true
			ev = append(ev, decidedBy(p.Evidence.URL))
		}
	}
	if hasMethod && hasURL {
		return c.Pass("CiscoTAC-1 has `transport-method http` and an HTTP destination URL", ev...)
	}
	var missing []string
	if !hasMethod {
		missing = append(missing, "`transport-method http`")
	}
	if !hasURL {
		missing = append(missing, "an HTTP destination URL")
	}
	return c.Fail("CiscoTAC-1 lacks "+strings.Join(missing, " and ")+", so Smart Licensing messages have no way out",
		remedies.AddTransport(!hasMethod, !hasURL, s.Path), append(ev, ch.Ref)...)
}
