package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "NET004",
		Title:      "HTTP proxy is fully configured or absent",
		Area:       AreaNetwork,
		Severity:   Error,
		Applies:    Classic,
		Requires:   []Requirement{reqCallhomeConfig},
		When:       []Condition{callhomeConfigured},
		Needs:      []string{snapshot.CmdCallhome},
		References: []string{refDoc217965},
		Explain: Explain{
			What: "Whether `transport http proxy server` and `transport http proxy enable` under callhome come together.",
			Why:  "A proxy server without `enable` is ignored, so the switch tries to reach Cisco directly; `enable` without a server leaves Call Home with no proxy to send through. Either way messages fail where a proxy is required (doc 217965, method 2).",
			Fix:  "Add the missing half, or remove the proxy lines if the switch reaches Cisco directly.",
		},
		Run: runNET004,
	})
}

func runNET004(c *Check, s *snapshot.Snapshot) Result {
	ch := s.Config.Callhome
	px := ch.Proxy
	switch {
	case px.Server.Value == "" && !px.Enabled.Value:
		return c.Pass("no HTTP proxy is configured: Call Home connects directly", ch.Ref)
	case px.Server.Value != "" && px.Enabled.Value:
		return c.Pass(fmt.Sprintf("the HTTP proxy %s is configured and enabled", px.Server.Value), px.Server.Ref, px.Enabled.Ref)
	case px.Server.Value != "":
		return c.Fail(fmt.Sprintf("the HTTP proxy server %s is configured but `transport http proxy enable` is missing: Call Home ignores the proxy and tries to connect directly", px.Server.Value),
			remedies.ProxyEnable(s.Path), px.Server.Ref)
	}
	return c.Fail("`transport http proxy enable` is set but no `transport http proxy server` is configured: Call Home has no proxy to send through",
		remedies.ProxyServer(px.Enabled.Ref.Text, s.Path), px.Enabled.Ref)
}
