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
		ID:         "SLP002",
		Title:      "Usage reporting URL is HTTPS and known",
		Area:       "Smart Licensing Using Policy",
		Severity:   Error,
		Needs:      []string{cmdLicenseStatus, cmdLicenseConfig},
		References: []string{refSLPGuide, refDoc222725},
		Explain: Explain{
			What: "The SLP transport URL (`URL:` under `Transport:` in `show license status`, or `license smart url smart|cslu <url>`): its scheme, whether it names a host or an IP address, and whether it is Cisco's smart receiver, a CSLU or an on-prem server URL.",
			Why:  "Cisco's smart receiver is https://smartreceiver.cisco.com/licservice/license. A typo, http://, or a bare IP address (the certificate names a host, so TLS validation fails; Cisco doc 222725) stops every usage report.",
			Fix:  "Set the exact URL CSSM, the CSLU or the on-prem server gives, with its host name: `license smart url smart https://smartreceiver.cisco.com/licservice/license` for direct reporting.",
		},
		Run: runSLP002,
	})
}

// Paths of the servers SLP reports to besides Cisco's smart receiver:
// CSLU, and on-prem SSM (classic gateway path [V]; SLP path as CSSM gives it).
var slpServerPaths = []string{"/cslu/", "/transportgateway/services/devicerequesthandler", "/smarttransport"}

func runSLP002(c *Check, s *snapshot.Snapshot) Result {
	if r, skip := slpOnly(c, s); skip {
		return r
	}
	t, _, _ := slpTransport(s)
	if t == "off" {
		return c.Skip("not applicable: the transport is off (see SLP001)")
	}
	raw, ref := s.EndpointURL()
	raw = strings.TrimSpace(raw)
	if ref.IsZero() && s.License != nil {
		ref = s.License.Transport.Ref
	}
	if raw == "" {
		if _, _, known := slpTransport(s); !known {
			return notChecked(c, s, cmdLicenseStatus, cmdLicenseConfig)
		}
		return c.Skip("not judged: neither `show license status` nor the running-config shows a transport URL; check `license smart url`")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return c.Fail(fmt.Sprintf("the transport URL %q cannot be read as a URL", raw), urlRemedy(t), ref)
	}
	host := strings.ToLower(u.Hostname())
	path := strings.ToLower(u.Path)
	switch {
	case snapshot.IsIPHost(host):
		return c.Fail(fmt.Sprintf("the transport URL %s names the IP address %s: the server's certificate names a host, so TLS validation fails (Cisco doc 222725); use the exact host name CSSM or the server gives", raw, host), urlRemedy(t), ref)
	case u.Scheme != "https" && strings.Contains(path, "/cslu/"):
		return c.FailWith(Warning, fmt.Sprintf("the CSLU URL %s is not HTTPS: check with the CSLU documentation that this CSLU listens on plain HTTP", raw), urlRemedy(t), ref)
	case u.Scheme != "https":
		return c.Fail(fmt.Sprintf("the transport URL %s is not HTTPS: usage reports to it fail", raw), urlRemedy(t), ref)
	case host == "smartreceiver.cisco.com" && strings.TrimSuffix(path, "/") != "/licservice/license":
		return c.Fail(fmt.Sprintf("the transport URL %s has the smart receiver host but not its path /licservice/license", raw), urlRemedy("smart"), ref)
	case host == "smartreceiver.cisco.com":
		return c.Pass("the transport URL is Cisco's smart receiver over HTTPS", ref)
	case strings.HasSuffix(host, ".cisco.com"):
		return c.Fail(fmt.Sprintf("the transport URL %s is a Cisco host other than smartreceiver.cisco.com: SLP reports to %s", raw, smartReceiverURL), urlRemedy("smart"), ref)
	}
	for _, p := range slpServerPaths {
		if strings.Contains(path, p) {
			return c.Pass(fmt.Sprintf("the transport URL %s is an HTTPS CSLU or on-prem server URL naming host %s", raw, host), ref)
		}
	}
	return c.Fail(fmt.Sprintf("the transport URL %s is neither Cisco's smart receiver nor a CSLU or on-prem server URL slcheck knows: check it against the URL CSSM or the server gives", raw), urlRemedy(t), ref)
}

func urlRemedy(transport string) *remedies.Remedy {
	r := &remedies.Remedy{Verify: []string{cmdLicenseStatus}, Notes: []string{}}
	if transport == "cslu" {
		r.Summary = "Set the CSLU or on-prem URL exactly as that server gives it, with its host name."
		r.Config = []string{}
		r.Notes = append(r.Notes, "In configuration mode: `license smart url cslu <URL from the CSLU or on-prem server>`; use the host name its certificate names, not an IP address.")
		return r
	}
	r.Summary = "Report to Cisco's smart receiver over HTTPS."
	r.Config = []string{"configure terminal", "license smart url smart " + smartReceiverURL, "copy running-config startup-config"}
	r.Notes = append(r.Notes, "For an on-prem server, use the URL it gives instead, with its host name.")
	return r
}
