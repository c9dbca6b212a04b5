package snapshot

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/nxname"
	"github.com/slcheck/slcheck/parsers"
)

// Path is how one device's licensing messages leave it: by which
// transport, to which URL (host, port, kind of server), from which VRF and
// source interface, and through which proxy. Build decides it once, from
// the configuration and `show license status`; each field's Decision names
// the lines that decided it, or the commands that would tell when nothing
// did. The checks, `slcheck ssh`'s route, ping and TCP tests, the probes,
// the remedies, `slcheck commands` and the report header read these facts
// here and nowhere else (path_only_test.go holds every consumer to it).
type Path struct {
	// Mode is the licensing mode the path was decided for (Snapshot.Mode).
	Mode Mode `json:"mode"`
	// Transport is how messages leave: "callhome" for classic Smart
	// Licensing; under SLP the `license smart transport` keyword ("smart",
	// "cslu", "callhome", "off"), or "" when none is configured or known.
	Transport string `json:"transport"`
	// URL is the destination as configured; "" when none or unknown.
	URL string `json:"url"`
	// Host is the URL's host, lower case; Port the port the URL names,
	// else 443 for https and 80 for http; 0 when unknown.
	Host string `json:"host"`
	Port int    `json:"port"`
	// Kind says what serves the URL: KindCisco, KindOnPrem, KindCSLU or
	// KindUnknown.
	Kind string `json:"kind"`
	// VRF the messages leave from ("default" for the default VRF); "" when
	// the input does not say (Evidence.VRF.Ask names what would).
	VRF string `json:"vrf"`
	// SourceInterface is the HTTP source interface; "" when none is set or
	// it is not known (Evidence.SourceInterface says which).
	SourceInterface string `json:"source_interface"`
	// ProxyHost and ProxyPort are the HTTP proxy the messages go through;
	// "" when none. ProxyPort is 0 when the configuration names no port.
	ProxyHost string `json:"proxy_host"`
	ProxyPort int    `json:"proxy_port"`

	Evidence PathEvidence `json:"evidence"`
}

// Kinds of licensing server (Path.Kind).
const (
	KindCisco   = "cisco"   // tools.cisco.com or smartreceiver.cisco.com
	KindOnPrem  = "on-prem" // another host: an SSM On-Prem, over Call Home or smart transport
	KindCSLU    = "cslu"    // SLP transport cslu: a CSLU, or an SSM On-Prem in CSLU mode
	KindUnknown = "unknown"
)

// PathEvidence says how each field of a Path was decided.
type PathEvidence struct {
	Transport       Decision `json:"transport"`
	URL             Decision `json:"url"`
	VRF             Decision `json:"vrf"`
	SourceInterface Decision `json:"source_interface"`
	Proxy           Decision `json:"proxy"`
}

// Decision is how one field of a Path was decided.
type Decision struct {
	// Known is false when the input does not say; the field is then "".
	Known bool `json:"known"`
	// Lines are the lines that decided the field (none for a value that
	// follows from an absent line, or for an unknown one).
	Lines []capture.Ref `json:"lines"`
	// Rule says in words how the value follows from the lines.
	Rule string `json:"rule"`
	// Ask lists, for an unknown field, the commands whose output would
	// tell; it may be empty when nothing slcheck knows of would.
	Ask []string `json:"ask"`
}

// known and unknown build Decisions.
func known(rule string, lines ...capture.Ref) Decision {
	d := Decision{Known: true, Rule: rule, Lines: []capture.Ref{}, Ask: []string{}}
	for _, l := range lines {
		if !l.IsZero() {
			d.Lines = append(d.Lines, l)
		}
	}
	return d
}

func unknown(rule string, ask ...string) Decision {
	return Decision{Rule: rule, Lines: []capture.Ref{}, Ask: append([]string{}, ask...)}
}

// PathOf decides the licensing path of a snapshot. Build stores it in
// Snapshot.Path; call it again only on a snapshot built by hand.
func PathOf(s *Snapshot) Path {
	p := Path{Mode: s.Mode()}
	if p.Mode == ModeSLP {
		slpTransportOf(s, &p)
	} else {
		p.Transport = "callhome"
		p.Evidence.Transport = known("classic Smart Licensing sends over Call Home (profile CiscoTAC-1)")
	}
	switch p.Transport {
	case "callhome":
		callhomePath(s, &p)
	case "off":
		none := "transport off: the switch sends nothing"
		p.Evidence.URL, p.Evidence.VRF = known(none), known(none)
		p.Evidence.Proxy, p.Evidence.SourceInterface = known(none), known(none)
	default:
		slpPath(s, &p)
	}
	return p.WithURL(p.URL)
}

// kindOf says what serves a URL under a transport: a host named by
// address is told by the URL's path (Cisco's endpoint paths, or an
// on-prem server's), a host name by whether it is Cisco's.
func kindOf(transport, rawURL, host string) string {
	switch {
	case transport == "cslu":
		return KindCSLU
	case host == "":
		return KindUnknown
	case ciscoHosts[host]:
		return KindCisco
	case !IsIPHost(host):
		return KindOnPrem
	}
	u, _ := parseURL(rawURL)
	path := ""
	if u != nil {
		path = strings.ToLower(strings.TrimSuffix(u.Path, "/"))
	}
	switch path {
	case "/its/service/oddce/services/ddceservice", "/licservice/license":
		return KindCisco
	case "/transportgateway/services/devicerequesthandler", "/smarttransport":
		return KindOnPrem
	}
	return KindUnknown
}

// slpTransportOf reads the SLP transport: `Type:` under `Transport:` in
// `show license status` (what the switch runs), else `license smart
// transport` in the configuration.
func slpTransportOf(s *Snapshot, p *Path) {
	if l := s.License; l != nil && strings.TrimSpace(l.Transport.Type) != "" {
		p.Transport = transportKeyword(l.Transport.Type)
		p.Evidence.Transport = known("`Type:` under `Transport:` in `show license status`", l.Transport.Ref)
		return
	}
	if lc := licenseConfig(s); lc != nil && lc.Transport.Value != "" {
		p.Transport = transportKeyword(lc.Transport.Value)
		p.Evidence.Transport = known("`license smart transport` in the running-config", lc.Transport.Ref)
		return
	}
	if s.Config.Complete(parsers.TopicLicense) {
		p.Evidence.Transport = known("no `license smart transport` line in the running-config")
		return
	}
	p.Evidence.Transport = unknown("neither `show license status` nor the `license smart` configuration was captured", CmdLicenseStatus, CmdLicenseConfig)
}

// transportKeyword turns a transport as printed ("Smart", "Transport Off",
// "Callhome", "CSLU") or configured into the configuration keyword; an
// unrecognised value is kept, lower case.
func transportKeyword(t string) string {
	t = strings.ToLower(strings.Join(strings.Fields(t), " "))
	t = strings.TrimPrefix(t, "transport ")
	switch {
	case strings.Contains(t, "cslu"):
		return "cslu"
	case strings.Contains(t, "smart"):
		return "smart"
	case strings.Contains(t, "call"):
		return "callhome"
	case t == "off" || t == "none" || t == "disabled":
		return "off"
	}
	return t
}

func licenseConfig(s *Snapshot) *parsers.LicenseConfig {
	if s.Config == nil {
		return nil
	}
	return s.Config.License
}

// callhomePath decides the path of Call Home: classic Smart Licensing, and
// SLP over transport callhome. The four settings are the callhome block's
// and the global HTTP source interface (doc 217965).
func callhomePath(s *Snapshot, p *Path) {
	c := s.Config
	var ch *parsers.Callhome
	if c != nil {
		ch = c.Callhome
	}
	whole := c.Complete(parsers.TopicCallhome)
	why := "no callhome configuration"
	if ch != nil {
		why = "the callhome block has no CiscoTAC-1 HTTP destination"
	}

	switch d := ch.TACURL(); {
	case d != nil && strings.TrimSpace(d.URL) != "":
		p.URL = strings.TrimSpace(d.URL)
		p.Evidence.URL = known("the CiscoTAC-1 HTTP destination (the lowest index)", d.Ref)
	case whole:
		p.Evidence.URL = known(why)
	default:
		p.Evidence.URL = unknown("the callhome configuration was not captured", CmdCallhome)
	}

	switch {
	case ch != nil && ch.VRF.Value != "":
		p.VRF = ch.VRF.Value
		p.Evidence.VRF = known("`transport http use-vrf` under callhome", ch.VRF.Ref)
	case whole:
		// Doc 217965: without use-vrf, Call Home uses the default VRF.
		p.VRF = DefaultVRF
		ref := capture.Ref{}
		if ch != nil {
			ref = ch.Ref
		}
		p.Evidence.VRF = known("no `transport http use-vrf` under callhome: Call Home uses the default VRF (doc 217965)", ref)
	default:
		p.Evidence.VRF = unknown("the callhome configuration was not captured", CmdCallhome)
	}

	callhomeProxy(ch, whole, p)

	switch {
	case c != nil && c.HTTPSource != nil:
		p.SourceInterface = c.HTTPSource.Interface
		p.Evidence.SourceInterface = known("`ip http source-interface`", c.HTTPSource.Ref)
	case c.Complete(parsers.TopicHTTP):
		p.Evidence.SourceInterface = known("no `ip http source-interface`: the switch picks the source address by its routes")
	default:
		p.Evidence.SourceInterface = unknown("the `ip http source-interface` line was not captured", CmdHTTPSource)
	}
}

// callhomeProxy reads the proxy of callhome block ch (nil when there is
// none; whole when the callhome configuration was captured whole): Call
// Home sends through it only when it is both named and enabled.
func callhomeProxy(ch *parsers.Callhome, whole bool, p *Path) {
	switch {
	case ch != nil && ch.Proxy.Server.Value != "" && ch.Proxy.Enabled.Value:
		p.ProxyHost, p.ProxyPort = proxyHostPort(ch.Proxy.Server.Value)
		if ch.Proxy.Port > 0 {
			p.ProxyPort = ch.Proxy.Port
		}
		p.Evidence.Proxy = known("`transport http proxy server` and `transport http proxy enable` under callhome", ch.Proxy.Server.Ref, ch.Proxy.Enabled.Ref)
	case ch != nil && ch.Proxy.Server.Value != "":
		p.Evidence.Proxy = known("`transport http proxy server` without `transport http proxy enable`: Call Home ignores the proxy (NET004)", ch.Proxy.Server.Ref)
	case ch != nil && ch.Proxy.Enabled.Value:
		p.Evidence.Proxy = known("`transport http proxy enable` without a `transport http proxy server`: there is no proxy to send through (NET004)", ch.Proxy.Enabled.Ref)
	case whole:
		p.Evidence.Proxy = known("no `transport http proxy` line under callhome")
	default:
		p.Evidence.Proxy = unknown("the callhome configuration was not captured", CmdCallhome)
	}
}

// slpPath decides the path of SLP transports smart and cslu. How NX-OS SLP
// picks its VRF, and the NX-OS spelling of the status labels, are
// unconfirmed (domain file, section 6): every plausible form is read, the
// switch's own status first, and a VRF nothing names stays unknown rather
// than assumed default.
func slpPath(s *Snapshot, p *Path) {
	src := slpSources{s: s, lc: licenseConfig(s), configWhole: s.Config.Complete(parsers.TopicLicense)}
	if l := s.License; l != nil && l.SLP.Value {
		src.tr, src.statusSeen = l.Transport, true
	}
	if src.lc == nil {
		src.lc = &parsers.LicenseConfig{}
	}
	src.url(p)
	src.vrf(p)
	src.proxy(p)
	p.Evidence.SourceInterface = unknown("how NX-OS SLP picks its source interface is unconfirmed (domain file, section 6)")
}

// slpSources are what an SLP path is read from: the Transport block of
// `show license status` (statusSeen when it was captured) and the
// `license smart` configuration (configWhole when the running-config's
// licensing lines were captured whole).
type slpSources struct {
	s           *Snapshot
	tr          parsers.SLPTransport
	statusSeen  bool
	lc          *parsers.LicenseConfig
	configWhole bool
}

// ask names the SLP sources not captured yet.
func (src *slpSources) ask() []string {
	return askMissing(src.s, src.statusSeen, src.configWhole)
}

// url: the status's field for the transport, then the other one (a
// release may print the CSLU address as `URL:`), then the config.
func (src *slpSources) url(p *Path) {
	tr, lc := src.tr, src.lc
	status := []capture.Fact[string]{tr.URL, tr.CSLU}
	config := []struct {
		url  capture.Fact[string]
		what string
	}{{lc.URLSmart, "`license smart url smart`"}, {lc.URLCSLU, "`license smart url cslu`"}}
	if p.Transport == "cslu" {
		status[0], status[1] = status[1], status[0]
		config[0], config[1] = config[1], config[0]
	}
	switch {
	case status[0].Value != "":
		p.URL = status[0].Value
		p.Evidence.URL = known("the transport URL in `show license status`", status[0].Ref)
	case status[1].Value != "":
		p.URL = status[1].Value
		p.Evidence.URL = known("the transport URL in `show license status`", status[1].Ref)
	case config[0].url.Value != "":
		p.URL = config[0].url.Value
		p.Evidence.URL = known(config[0].what+" in the running-config", config[0].url.Ref)
	case config[1].url.Value != "" && p.Transport == "":
		p.URL = config[1].url.Value
		p.Evidence.URL = known(config[1].what+" in the running-config", config[1].url.Ref)
	case src.configWhole:
		p.Evidence.URL = known("no `license smart url` for transport " + orNone(p.Transport) + " in the running-config")
	default:
		p.Evidence.URL = unknown("neither `show license status` nor the `license smart` configuration names the URL", src.ask()...)
	}
	p.URL = strings.TrimSpace(p.URL)
}

// vrf: the status's, then the config's; none is assumed.
func (src *slpSources) vrf(p *Path) {
	switch {
	case src.tr.VRF.Value != "":
		p.VRF = src.tr.VRF.Value
		p.Evidence.VRF = known("`VRF:` under `Transport:` in `show license status`", src.tr.VRF.Ref)
	case src.lc.VRF.Value != "":
		p.VRF = src.lc.VRF.Value
		p.Evidence.VRF = known("the `license smart ... vrf` line of the running-config (its NX-OS spelling is unconfirmed)", src.lc.VRF.Ref)
	case src.statusSeen && src.configWhole && src.s.Has(CmdLicenseDefaults):
		p.Evidence.VRF = unknown("neither `show license status`, the running-config nor its defaults name the VRF SLP reports from, and how NX-OS picks it is unconfirmed: check the NX-OS SLP guide for your release")
	default:
		ask := src.ask()
		if len(ask) == 0 {
			ask = []string{CmdLicenseDefaults}
		}
		p.Evidence.VRF = unknown("nothing captured names the VRF SLP reports from (how NX-OS picks it without a VRF line is unconfirmed, so slcheck does not assume the default VRF)", ask...)
	}
}

// proxy: the status's, then the config's; a status or config captured
// whole that names none says there is none.
func (src *slpSources) proxy(p *Path) {
	switch {
	case src.tr.Proxy.Value != "":
		p.ProxyHost, p.ProxyPort = proxyHostPort(src.tr.Proxy.Value)
		p.Evidence.Proxy = known("the proxy in `show license status`", src.tr.Proxy.Ref)
	case src.lc.ProxyURL.Value != "":
		p.ProxyHost, p.ProxyPort = proxyHostPort(src.lc.ProxyURL.Value)
		p.Evidence.Proxy = known("`license smart proxy` in the running-config", src.lc.ProxyURL.Ref)
	case src.statusSeen && !src.tr.Ref.IsZero():
		p.Evidence.Proxy = known("no proxy under `Transport:` in `show license status`")
	case src.configWhole:
		p.Evidence.Proxy = known("no `license smart proxy` line in the running-config")
	default:
		p.Evidence.Proxy = unknown("neither `show license status` nor the `license smart` configuration was captured", src.ask()...)
	}
}

// askMissing names the SLP sources not captured yet.
func askMissing(s *Snapshot, statusSeen, configWhole bool) []string {
	var ask []string
	if !statusSeen {
		ask = append(ask, CmdLicenseStatus)
	}
	if !configWhole {
		ask = append(ask, CmdLicenseConfig)
	}
	return ask
}

func orNone(t string) string {
	if t == "" {
		return "(none configured)"
	}
	return t
}

// proxyHostPort splits a proxy as NX-OS accepts or prints it: a name or
// address, "host:port", a URL (which may carry credentials, dropped here),
// or the `address H port P` words of `license smart proxy`.
func proxyHostPort(raw string) (string, int) {
	f := strings.Fields(raw)
	host, port := "", 0
	for i := 0; i < len(f); i++ {
		switch w := strings.ToLower(f[i]); {
		case (w == "address" || w == "host" || w == "server" || w == "url") && i+1 < len(f):
			i++
			host, port = splitHostPort(f[i], port)
		case w == "port" && i+1 < len(f):
			i++
			if n, err := strconv.Atoi(f[i]); err == nil {
				port = n
			}
		case host == "":
			host, port = splitHostPort(f[i], port)
		}
	}
	return strings.ToLower(host), port
}

// splitHostPort reads "host", "host:port", "[v6]:port" or a URL; port is
// kept when the text names none.
func splitHostPort(t string, port int) (string, int) {
	if strings.Contains(t, "://") {
		if u, err := url.Parse(t); err == nil && u.Hostname() != "" {
			if n, err := strconv.Atoi(u.Port()); err == nil {
				port = n
			}
			return u.Hostname(), port
		}
	}
	if h, ps, err := net.SplitHostPort(t); err == nil {
		if n, err := strconv.Atoi(ps); err == nil {
			port = n
		}
		return h, port
	}
	return strings.Trim(t, "[]"), port
}

// urlPort is the port a URL names, else the scheme's (443 for https, 80
// for http); 0 when neither says.
func urlPort(raw string) int {
	u, ok := parseURL(raw)
	if !ok {
		return 0
	}
	if n, err := strconv.Atoi(u.Port()); err == nil {
		return n
	}
	switch u.Scheme {
	case "https":
		return 443
	case "http":
		return 80
	}
	return 0
}

// parseURL reads a URL as written in a config, tolerating a missing
// scheme (then Scheme is ""); ok is false when it names no host.
func parseURL(raw string) (*url.URL, bool) {
	raw = strings.TrimSpace(raw)
	if !strings.Contains(raw, "://") {
		raw = "//" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return nil, false
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u, true
}

// WithURL is the path as it will be once the switch sends to rawURL
// instead: the URL, host, port and kind follow it, the rest stays. A
// remedy that changes the URL verifies the path it leads to.
func (p Path) WithURL(rawURL string) Path {
	p.URL = strings.TrimSpace(rawURL)
	p.Host, p.Port = URLHost(p.URL), urlPort(p.URL)
	p.Kind = kindOf(p.Transport, p.URL, p.Host)
	return p
}

// Next is where the switch opens its TCP connection: the proxy when one is
// used, else the URL's host and port. port is 0 when unknown.
func (p Path) Next() (host string, port int) {
	if p.ProxyHost != "" {
		return p.ProxyHost, p.ProxyPort
	}
	return p.Host, p.Port
}

// RouteCommand is the routing table of the path's VRF; "" when the VRF is
// unknown.
func (p Path) RouteCommand() string {
	if p.VRF == "" {
		return ""
	}
	return "show ip route vrf " + CommandVRF(p.VRF)
}

// PingCommand is doc 217965's ping toward the next hop from the path's
// VRF; "" when either is unknown.
func (p Path) PingCommand() string {
	host, _ := p.Next()
	if host == "" || p.VRF == "" {
		return ""
	}
	return fmt.Sprintf("ping %s vrf %s", CommandHost(host), CommandVRF(p.VRF))
}

// TCPCommand is doc 217965's TCP test (telnet) toward the next hop on its
// port from the path's VRF; "" when any of them is unknown.
func (p Path) TCPCommand() string {
	host, port := p.Next()
	if host == "" || port <= 0 || port > 65535 || p.VRF == "" {
		return ""
	}
	return fmt.Sprintf("telnet %s %d vrf %s", CommandHost(host), port, CommandVRF(p.VRF))
}

// CommandVRF and CommandHost are a VRF and a host as a command line may
// hold them: a value from the device that is not a valid NX-OS name (a VRF
// "mgmt;reload") becomes a placeholder (<vrf>, <host>), so no command built
// with them, to type or to paste, can carry a second one.
func CommandVRF(v string) string {
	if !nxname.VRF(v) {
		return "<vrf>"
	}
	return v
}

func CommandHost(h string) string {
	if !nxname.Host(h) {
		return "<host>"
	}
	return h
}

// Reach returns the ping and the TCP test of the path, those that can be
// built.
func (p Path) Reach() []string {
	var out []string
	for _, c := range []string{p.PingCommand(), p.TCPCommand()} {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// Ask lists, once each, the commands that would tell the unknown fields
// that the route, ping and TCP tests need: the URL, the VRF and the proxy.
func (p Path) Ask() []string {
	var out []string
	for _, d := range []Decision{p.Evidence.URL, p.Evidence.VRF, p.Evidence.Proxy} {
		if d.Known {
			continue
		}
		for _, c := range d.Ask {
			if !contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Endpoint is the URL's scheme, host and port
// ("https://tools.cisco.com:443"); "" when the URL is unknown or names no
// host.
func (p Path) Endpoint() string {
	u, ok := parseURL(p.URL)
	if !ok {
		return ""
	}
	hp := p.Host
	if p.Port > 0 {
		hp = net.JoinHostPort(p.Host, strconv.Itoa(p.Port))
	}
	if u.Scheme == "" {
		return hp
	}
	return u.Scheme + "://" + hp
}

// String is the path in one line, as the report header prints it:
// "https://smartreceiver.cisco.com:443 via VRF management, source mgmt0,
// no proxy". What is unknown is said so, with the commands that would tell.
func (p Path) String() string {
	if p.Transport == "off" {
		return "none: the SLP transport is off"
	}
	dest, destUnknown := p.destinationPart()
	vrf, vrfUnknown := " via VRF "+p.VRF, (*Decision)(nil)
	if p.VRF == "" {
		vrf, vrfUnknown = " via VRF unknown", &p.Evidence.VRF
	}
	parts := []string{dest + vrf}
	source, sourceUnknown := p.sourcePart()
	if source != "" {
		parts = append(parts, source)
	}
	proxy, proxyUnknown := p.proxyPart()
	parts = append(parts, proxy)
	var ask []string
	for _, d := range []*Decision{destUnknown, vrfUnknown, sourceUnknown, proxyUnknown} {
		if d == nil {
			continue
		}
		for _, c := range d.Ask {
			if !contains(ask, c) {
				ask = append(ask, c)
			}
		}
	}
	out := strings.Join(parts, ", ")
	if len(ask) > 0 {
		out += " (run `" + strings.Join(ask, "` and `") + "`)"
	}
	return out
}

// The parts of String: each says what the path shows, and gives the
// Decision whose commands would tell when it is unknown (else nil).

func (p Path) destinationPart() (string, *Decision) {
	switch e := p.Endpoint(); {
	case e != "":
		switch p.Kind {
		case KindCSLU:
			e += " (CSLU)"
		case KindOnPrem:
			e += " (on-prem)"
		}
		return e, nil
	case p.URL != "":
		return fmt.Sprintf("%q (no host)", p.URL), nil
	case p.Evidence.URL.Known:
		return "no destination URL", nil
	}
	return "destination unknown", &p.Evidence.URL
}

// sourcePart is "" when the path's kind has no source interface to say.
func (p Path) sourcePart() (string, *Decision) {
	switch {
	case p.SourceInterface != "":
		return "source " + p.SourceInterface, nil
	case p.Evidence.SourceInterface.Known:
		return "no source interface set", nil
	case len(p.Evidence.SourceInterface.Ask) > 0:
		return "source interface unknown", &p.Evidence.SourceInterface
	}
	return "", nil
}

func (p Path) proxyPart() (string, *Decision) {
	switch {
	case p.ProxyHost != "" && p.ProxyPort > 0:
		return "proxy " + net.JoinHostPort(p.ProxyHost, strconv.Itoa(p.ProxyPort)), nil
	case p.ProxyHost != "":
		return "proxy " + p.ProxyHost + " (no port configured)", nil
	case p.Evidence.Proxy.Known && len(p.Evidence.Proxy.Lines) > 0:
		// Proxy lines that do not make a proxy (NET004).
		return "no proxy in use (see NET004)", nil
	case p.Evidence.Proxy.Known:
		return "no proxy", nil
	}
	return "proxy unknown", &p.Evidence.Proxy
}
