package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "DNS001",
		Title:      "DNS lookups are enabled",
		Area:       AreaDNS,
		Severity:   Error,
		Applies:    NXOS,
		Needs:      []string{snapshot.CmdDNSConfig},
		References: []string{refDoc217965, refCSCvv67469},
		Explain: Explain{
			What: "Whether the configuration holds `no ip domain-lookup` (or `show hosts` says lookups are off).",
			Why:  "With lookups off the switch cannot resolve tools.cisco.com (or the on-prem or proxy name), so no Smart Licensing message leaves.",
			Fix:  "Configure `ip domain-lookup`.",
		},
		Run: runDNS001,
	})
}

func runDNS001(c *Check, s *snapshot.Snapshot) Result {
	p := s.Path
	host := nextHost(p)
	if snapshot.IsIPHost(host) {
		return c.Skip(fmt.Sprintf("not applicable: licensing traffic goes to an address (%s), not a name", host))
	}
	if s.Config != nil && s.Config.DomainLookupOff != nil {
		return c.Fail("`no ip domain-lookup` is configured: the switch cannot resolve "+hostOr(host),
			remedies.DomainLookup(p), *s.Config.DomainLookupOff)
	}
	if h := s.Hosts; h != nil && h.DomainLookup.Said() {
		if !h.DomainLookup.Value {
			return c.Fail("`show hosts` says domain lookup is disabled: the switch cannot resolve "+hostOr(host),
				remedies.DomainLookup(p), h.DomainLookup.Ref)
		}
		return c.Pass("`show hosts` says domain lookup is enabled", h.DomainLookup.Ref)
	}
	if s.Config.Complete(parsers.TopicDNS) {
		if s.Config.DomainLookupOn != nil {
			return c.Pass("`ip domain-lookup` is configured", *s.Config.DomainLookupOn)
		}
		return c.Pass("no `no ip domain-lookup` in the configuration: lookups are on (the default)", configRef(s))
	}
	return notChecked(c, s, snapshot.CmdDNSConfig)
}
