package checks

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "CH004",
		Title:      "CiscoTAC-1 destination is a known endpoint",
		Area:       AreaCallhome,
		Severity:   Warning,
		Applies:    Classic,
		Requires:   []Requirement{reqCallhomeConfig},
		When:       []Condition{callhomeConfigured, tacURLConfigured},
		Needs:      []string{snapshot.CmdCallhome},
		References: []string{refDoc217965, refDoc222725},
		Explain: Explain{
			What: "Whether the CiscoTAC-1 URL is Cisco's endpoint (https://tools.cisco.com/its/service/oddce/services/DDCEService) or an on-prem Smart Software Manager (/Transportgateway/services/DeviceRequestHandler), complete, and names its host by name.",
			Why:  "A typo or a truncated path gets no answer from Cisco; a host given by IP address does not match the server certificate's name, so TLS fails.",
			Fix:  "Use the exact URL: Cisco's for direct or proxy access, or the on-prem server's FQDN as its certificate names it.",
		},
		Run: runCH004,
	})
}

// Endpoint paths of classic Smart Licensing (doc 217965 methods 1 and 3).
const (
	ciscoPath  = "/its/service/oddce/services/DDCEService"
	onpremPath = "/Transportgateway/services/DeviceRequestHandler"
	ciscoHost  = "tools.cisco.com"
)

// completeURL returns the HTTPS URL whose known endpoint path the URL's
// path strictly begins, on the same host, and whether there is one: the
// URL looks cut, as when a terminal cut the line (the seed shows
// ".../DDCEServi").
func completeURL(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return "", false
	}
	p := strings.ToLower(u.Path)
	for _, k := range []string{ciscoPath, onpremPath} {
		if len(p) > 1 && p != strings.ToLower(k) && strings.HasPrefix(strings.ToLower(k), p) {
			return "https://" + u.Host + k, true
		}
	}
	return "", false
}

func runCH004(c *Check, s *snapshot.Snapshot) Result {
	p := s.Path
	d := decidedBy(p.Evidence.URL)
	raw := p.URL
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return c.Fail(fmt.Sprintf("the CiscoTAC-1 destination %q is not a URL slcheck can read (want https://host/path)", raw),
			remedies.ReplaceURL("Replace the destination with Cisco's endpoint URL (or your on-prem server's).", d.Text, remedies.CiscoURL, false, p.WithURL(remedies.CiscoURL)),
			d)
	}
	host := strings.ToLower(u.Hostname())
	if snapshot.IsIPHost(host) {
		return c.Fail(fmt.Sprintf("the CiscoTAC-1 destination names its host by IP address (%s): the server certificate names a host, so TLS validation is likely to fail", host),
			remedies.ByName(d.Text, u.EscapedPath(), p),
			d)
	}
	if full, cut := completeURL(raw); cut {
		rem := remedies.ReplaceURL("Replace the truncated destination with the full URL.", d.Text, full, true, p.WithURL(full))
		if u.Scheme == "http" {
			// CH002 fails on the same line and its fix writes the full
			// https:// URL: one paste mends both.
			rem = remedies.NoURL("The CH002 fix replaces this line with the full https:// URL: apply it, nothing more to paste.", nil, "", p.WithURL(full))
		}
		return c.Fail(fmt.Sprintf("the CiscoTAC-1 destination path %q is cut short (the full path is %q): either the capture's terminal cut the line or the switch holds a truncated URL; check `"+snapshot.CmdCallhome+"` on the switch", u.Path, full[len("https://")+len(u.Host):]),
			rem, d)
	}
	switch {
	case strings.EqualFold(u.Path, onpremPath):
		return c.Pass(fmt.Sprintf("the destination is an on-prem Smart Software Manager URL on %s", host), d)
	case u.Path == ciscoPath && host == ciscoHost:
		return c.Pass("the destination is Cisco's Smart Licensing endpoint", d)
	case host == ciscoHost:
		return c.Fail(fmt.Sprintf("the CiscoTAC-1 destination path %q is not Cisco's endpoint path %s (typo?)", u.Path, ciscoPath),
			remedies.ReplaceURL("Use Cisco's endpoint URL.", d.Text, "https://"+ciscoHost+ciscoPath, false, p.WithURL("https://"+ciscoHost+ciscoPath)),
			d)
	}
	return c.Fail(fmt.Sprintf("the CiscoTAC-1 destination %s is neither Cisco's endpoint (https://%s%s) nor an on-prem /Transportgateway/services/DeviceRequestHandler URL", raw, ciscoHost, ciscoPath),
		remedies.NoURL("Point CiscoTAC-1 at Cisco's endpoint or at your on-prem server's DeviceRequestHandler URL.", []string{
			"Cisco cloud (direct or through a proxy): `destination-profile CiscoTAC-1 http " + remedies.CiscoURL + "`.",
			"SSM On-Prem: `destination-profile CiscoTAC-1 http https://<on-prem FQDN>/Transportgateway/services/DeviceRequestHandler`.",
		}, d.Text, p),
		d)
}
