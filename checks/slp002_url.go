package checks

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "SLP002",
		Title:      "Usage reporting URL is HTTPS and known",
		Area:       AreaSLP,
		Severity:   Error,
		Applies:    SLP,
		When:       []Condition{slpURLShown},
		Needs:      []string{snapshot.CmdLicenseStatus, snapshot.CmdLicenseConfig},
		References: []string{refSLPGuide, refDoc222725},
		Explain: Explain{
			What: "The SLP transport URL of the licensing path (`URL:` or `Cslu address:` under `Transport:` in `show license status`, or `license smart url smart|cslu <url>`): its scheme, whether it names a host or an IP address, and whether it is Cisco's smart receiver, a CSLU or an on-prem server URL.",
			Why:  "For transport smart the URL must be HTTPS: Cisco's smart receiver is https://smartreceiver.cisco.com/licservice/license, and a bare IP address fails TLS validation because the certificate names a host (Cisco doc 222725). A CSLU is reached over plain HTTP on port 8182 by default, often by IP address (IOS-XE documentation): that is not an error for transport cslu. A typo stops every usage report.",
			Fix:  "Set the exact URL CSSM, the CSLU or the on-prem server gives, with its host name for HTTPS: `license smart url smart https://smartreceiver.cisco.com/licservice/license` for direct reporting.",
		},
		Run: runSLP002,
	})
}

// Paths of the servers SLP reports to besides Cisco's smart receiver:
// CSLU, and on-prem SSM (classic gateway path [V]; SLP path as CSSM gives it).
var slpServerPaths = []string{"/cslu/", "/transportgateway/services/devicerequesthandler", "/smarttransport"}

// slpURLShown is SLP002's Condition: skipped when there is no transport
// URL to judge, because the transport is off, the input does not tell, or
// the device shows none.
var slpURLShown = Condition{State: "the SLP transport is on and its URL is shown", skip: func(c *Check, s *snapshot.Snapshot) (Result, bool) {
	p := s.Path
	switch t := p.Transport; {
	case t == "off":
		return c.Skip("not applicable: the transport is off (see SLP001)"), true
	case p.URL == "" && !p.Evidence.URL.Known && len(p.Evidence.URL.Ask) > 0:
		return notChecked(c, s, p.Evidence.URL.Ask...), true
	case p.URL == "" && !p.Evidence.URL.Known:
		return notChecked(c, s, snapshot.CmdLicenseStatus, snapshot.CmdLicenseConfig), true
	case p.URL == "":
		return c.Skip("not judged: neither `show license status` nor the running-config shows a transport URL; check `license smart url`"), true
	}
	return Result{}, false
}}

func runSLP002(c *Check, s *snapshot.Snapshot) Result {
	p := s.Path
	raw, ref := p.URL, decidedBy(p.Evidence.URL)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return c.Fail(fmt.Sprintf("the transport URL %q cannot be read as a URL", raw), urlRemedy(p.Transport), ref)
	}
	host, path, scheme := strings.ToLower(u.Hostname()), strings.ToLower(u.Path), strings.ToLower(u.Scheme)
	// cslu: the transport says so, or (transport unknown) the URL's path.
	cslu := p.Transport == "cslu" || p.Transport == "" && strings.Contains(path, "/cslu/")
	ip := snapshot.IsIPHost(host)
	switch {
	case scheme != "https" && !cslu:
		msg := fmt.Sprintf("the transport URL %s is not HTTPS: transport %s sends its usage reports over HTTPS only, so they fail", raw, orNone(p.Transport))
		if ip {
			msg += fmt.Sprintf("; it also names the IP address %s, which fails the certificate name check once the URL is HTTPS (Cisco doc 222725): use the host name CSSM or the server gives", host)
		}
		return c.Fail(msg, urlRemedy(p.Transport), ref)
	case scheme == "https" && ip:
		return c.Fail(fmt.Sprintf("the transport URL %s names the IP address %s: the server's certificate names a host, so TLS validation fails (Cisco doc 222725); use the exact host name CSSM or the server gives", raw, host), urlRemedy(p.Transport), ref)
	case scheme != "http" && scheme != "https":
		return c.Fail(fmt.Sprintf("the transport URL %s has the scheme %q: want http:// (a CSLU) or https://", raw, u.Scheme), urlRemedy(p.Transport), ref)
	case p.Transport == "callhome":
		// Usage goes through Call Home's CiscoTAC-1 destination.
		if host == ciscoHost && u.Path == ciscoPath || strings.EqualFold(u.Path, onpremPath) {
			return c.Pass(fmt.Sprintf("transport callhome sends through CiscoTAC-1's destination %s, a known Call Home endpoint", raw), ref)
		}
		return c.Fail(fmt.Sprintf("transport callhome sends through CiscoTAC-1's destination %s, which is neither Cisco's Call Home endpoint (https://%s%s) nor an on-prem %s URL", raw, ciscoHost, ciscoPath, onpremPath),
			remedies.ReplaceURL("Point CiscoTAC-1 at Cisco's Call Home endpoint (or your on-prem server's).", ref.Text, remedies.CiscoURL, false, p.WithURL(remedies.CiscoURL)), ref)
	case host == "smartreceiver.cisco.com" && strings.TrimSuffix(path, "/") != "/licservice/license":
		return c.Fail(fmt.Sprintf("the transport URL %s has the smart receiver host but not its path /licservice/license", raw), urlRemedy("smart"), ref)
	case host == "smartreceiver.cisco.com":
		return c.Pass("the transport URL is Cisco's smart receiver over HTTPS", ref)
	case strings.HasSuffix(host, ".cisco.com"):
		return c.Fail(fmt.Sprintf("the transport URL %s is a Cisco host other than smartreceiver.cisco.com: SLP reports to %s", raw, smartReceiverURL), urlRemedy("smart"), ref)
	}
	return serverURL(c, p, u, ref)
}

// serverURL judges a transport URL that is not Cisco's: passed when its
// path is a CSLU's or an on-prem server's (slpServerPaths), else failed.
func serverURL(c *Check, p snapshot.Path, u *url.URL, ref capture.Ref) Result {
	path := strings.ToLower(u.Path)
	for _, known := range slpServerPaths {
		if !strings.Contains(path, known) {
			continue
		}
		if strings.EqualFold(u.Scheme, "http") {
			return c.Pass(fmt.Sprintf("the transport URL %s is a CSLU URL on port %d over plain HTTP, as Cisco's default CSLU URL is (http, port 8182, often an IP address; IOS-XE documentation): no TLS is involved", p.URL, p.Port), ref)
		}
		return c.Pass(fmt.Sprintf("the transport URL %s is an HTTPS CSLU or on-prem server URL naming host %s", p.URL, strings.ToLower(u.Hostname())), ref)
	}
	return c.Fail(fmt.Sprintf("the transport URL %s is neither Cisco's smart receiver nor a CSLU or on-prem server URL slcheck knows: check it against the URL CSSM or the server gives", p.URL), urlRemedy(p.Transport), ref)
}

func urlRemedy(transport string) *remedies.Remedy {
	r := &remedies.Remedy{Verify: []string{snapshot.CmdLicenseStatus}}
	if transport == "cslu" {
		r.Summary = "Set the CSLU or on-prem URL exactly as that server gives it."
		r.Notes = append(r.Notes, "In configuration mode: `license smart url cslu <URL from the CSLU or on-prem server>`; for an https:// URL use the host name its certificate names, not an IP address.")
		return r
	}
	r.Summary = "Report to Cisco's smart receiver over HTTPS."
	r.Config = remedies.Config("license smart url smart " + smartReceiverURL)
	r.Notes = append(r.Notes, "For an on-prem server, use the URL it gives instead, with its host name.")
	return r
}
