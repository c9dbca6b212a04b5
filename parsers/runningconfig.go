package parsers

import (
	"net"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/slcheck/slcheck/capture"
)

// RunningConfig is what one `show running-config` (whole, a feature such
// as `callhome`, or an `| include`/`| section` fragment) says. Fragments
// are merged by snapshot.Build; Covers says what each one can vouch for.
type RunningConfig struct {
	// Covers lists the topics for which this text is complete, so an
	// absent line means "not configured": "all" for a whole config,
	// "callhome" for `show running-config callhome`, "dns" for
	// `| include name-server|domain`, ...
	Covers []string
	// Time is the "!Time:" stamp, the capture time of the config.
	Time capture.Fact[time.Time]

	Hostname capture.Fact[string]

	Callhome *Callhome

	// DomainLookupOff is the "no ip domain-lookup" line, if present.
	DomainLookupOff *capture.Ref
	// NameServers holds every `ip name-server` line, global and under
	// vrf contexts (InContext); the latter are also in VRFs[v].NameServers.
	NameServers []NameServer
	// VRFs by name, from "vrf context X" blocks.
	VRFs map[string]*VRF
	// Interfaces by canonical name ("mgmt0", "Vlan27", "Ethernet1/1").
	Interfaces map[string]*Interface
	// HTTPSource is "ip http source-interface IF [vrf V]".
	HTTPSource *SourceInterface
	// License is the `license smart ...` configuration (SLP).
	License *LicenseConfig
	// NTPServers are "ntp server ..." lines.
	NTPServers []capture.Ref

	// DomainLookupOn is an explicit "ip domain-lookup" line, if present
	// (it is the default, so running-config usually omits it).
	DomainLookupOn *capture.Ref
	// Version is the "version 9.3(4) Bios:..." line of the config header.
	Version capture.Fact[string]
}

// Topics a running-config text can be complete for (RunningConfig.Covers).
const (
	TopicAll       = "all"       // whole `show running-config`
	TopicCallhome  = "callhome"  // the callhome block
	TopicDNS       = "dns"       // ip domain-lookup, ip name-server (global and per VRF)
	TopicVRF       = "vrf"       // vrf context blocks and their static routes
	TopicInterface = "interface" // interface blocks (vrf member)
	TopicHTTP      = "http"      // ip http source-interface
	TopicLicense   = "license"   // license smart ...
	TopicNTP       = "ntp"       // ntp server ...
	TopicHostname  = "hostname"  // hostname / switchname
)

// Complete reports whether the config text is complete for topic, so that
// a missing line means "not configured" rather than "not captured".
func (c *RunningConfig) Complete(topic string) bool {
	if c == nil {
		return false
	}
	for _, t := range c.Covers {
		if t == TopicAll || t == topic {
			return true
		}
	}
	return false
}

// Callhome is the `callhome` block.
type Callhome struct {
	Ref          capture.Ref
	Enabled      capture.Fact[bool]
	EmailContact capture.Fact[string]
	// Profiles by name ("CiscoTAC-1", "full_txt", ...).
	Profiles map[string]*DestinationProfile
	// VRF from "transport http use-vrf X"; "" means the default VRF.
	VRF   capture.Fact[string]
	Proxy Proxy
}

// TACProfile is the name of the destination profile Smart Licensing uses.
const TACProfile = "CiscoTAC-1"

// Profile returns the destination profile of that name (case-insensitive),
// or nil.
func (c *Callhome) Profile(name string) *DestinationProfile {
	if c == nil {
		return nil
	}
	if p := c.Profiles[name]; p != nil {
		return p
	}
	for n, p := range c.Profiles {
		if strings.EqualFold(n, name) {
			return p
		}
	}
	return nil
}

// TACURL returns the HTTP destination URL of CiscoTAC-1 (the one with the
// lowest index when there are several), or nil.
func (c *Callhome) TACURL() *DestinationURL {
	p := c.Profile(TACProfile)
	if p == nil || len(p.URLs) == 0 {
		return nil
	}
	best := &p.URLs[0]
	for i := range p.URLs {
		if p.URLs[i].Index < best.Index {
			best = &p.URLs[i]
		}
	}
	return best
}

// DestinationProfile is one `destination-profile NAME ...` set of lines.
type DestinationProfile struct {
	Name string
	// TransportMethods: "http", "email", each with its line.
	TransportMethods []capture.Fact[string]
	URLs             []DestinationURL
}

// DestinationURL is `destination-profile P [index N] http URL`.
type DestinationURL struct {
	Index int // 0 when the line has no index
	URL   string
	Ref   capture.Ref
}

// Proxy is the Call Home HTTP proxy configuration.
type Proxy struct {
	// Server is the host as written; Port is read from the same line.
	Server  capture.Fact[string]
	Port    int
	Enabled capture.Fact[bool]
}

// NameServer is `ip name-server A [B ...] [use-vrf V]`, global or under
// `vrf context V` (then VRF is V and InContext is set). A global line
// without use-vrf has VRF "default".
type NameServer struct {
	Addrs     []string
	VRF       string
	InContext bool
	Ref       capture.Ref
	// UseVRF is the use-vrf argument as written, "" when absent.
	UseVRF string
}

// DefaultVRF is the name slcheck gives the default VRF.
const DefaultVRF = "default"

// NameServersFor returns the name server lines that serve lookups in vrf:
// global lines with `use-vrf vrf` (or without use-vrf, for the default
// VRF) and the lines under `vrf context vrf`.
func (c *RunningConfig) NameServersFor(vrf string) []NameServer {
	if c == nil {
		return nil
	}
	var out []NameServer
	for _, ns := range c.NameServers {
		if ns.VRF == vrf {
			out = append(out, ns)
		}
	}
	return out
}

// VRF is a `vrf context` block; static routes outside any context are kept
// in a VRF named "default" whose Ref is zero.
type VRF struct {
	Name         string
	Ref          capture.Ref
	NameServers  []NameServer
	StaticRoutes []StaticRoute
}

// StaticRoute is `ip route PREFIX NEXTHOP` inside a VRF context (or at
// top level, for the default VRF). NextHop is what follows the prefix, up
// to keywords such as `name` or `tag`: "10.0.0.1", "mgmt0 10.0.0.1", "Null0".
type StaticRoute struct {
	Prefix  string
	NextHop string
	Ref     capture.Ref
}

// Interface is an `interface X` block, as far as slcheck needs it.
type Interface struct {
	Name string
	Ref  capture.Ref
	// VRF is from "vrf member"; mgmt0 defaults to "management", read from
	// its interface line.
	VRF     capture.Fact[string]
	Address string
}

// SourceInterface is `ip http source-interface IF [vrf V]`.
type SourceInterface struct {
	Interface string
	VRF       string
	Ref       capture.Ref
}

// LicenseConfig is the `license smart ...` configuration of SLP releases.
type LicenseConfig struct {
	Transport capture.Fact[string] // smart, cslu, callhome, off, or ""
	URLSmart  capture.Fact[string]
	URLCSLU   capture.Fact[string]
	VRF       capture.Fact[string]
	ProxyURL  capture.Fact[string]
}

var (
	destURLRE   = regexp.MustCompile(`(?i)^destination-profile\s+(\S+)\s+(?:index\s+(\d+)\s+)?http\s+(\S+)`)
	destMethRE  = regexp.MustCompile(`(?i)^destination-profile\s+(\S+)\s+transport-method\s+(\S+)`)
	useVRFRE    = regexp.MustCompile(`(?i)^transport\s+http\s+use-vrf\s+(\S+)`)
	proxySrvRE  = regexp.MustCompile(`(?i)^transport\s+http\s+proxy\s+server\s+(\S+)(?:\s+port\s+(\d+))?`)
	proxyOnRE   = regexp.MustCompile(`(?i)^transport\s+http\s+proxy\s+enable\b`)
	httpSrcRE   = regexp.MustCompile(`(?i)^ip\s+http\s+source-interface\s+(.+?)(?:\s+vrf\s+(\S+))?$`)
	nameSrvRE   = regexp.MustCompile(`(?i)^ip\s+name-server\s+(.+)$`)
	ipRouteRE   = regexp.MustCompile(`(?i)^ip\s+route\s+(\S+)(?:\s+(\d+\.\d+\.\d+\.\d+))?\s+(.+)$`)
	hostnameRE  = regexp.MustCompile(`(?i)^(?:hostname|switchname)\s+(\S+)`)
	configVerRE = regexp.MustCompile(`(?i)^version\s+(\S+)`)
	timeStampRE = regexp.MustCompile(`(?i)^!\s*time\s*:\s*(.+)$`)
	licTransRE  = regexp.MustCompile(`(?i)^license\s+smart\s+transport\s+(\S+)`)
	licURLRE    = regexp.MustCompile(`(?i)^license\s+smart\s+url\s+(?:(smart|cslu)\s+)?(\S+)`)
	licVRFRE    = regexp.MustCompile(`(?i)^license\s+smart\s+(?:\S+\s+)*?(?:use-)?vrf\s+(\S+)`)
	licProxyRE  = regexp.MustCompile(`(?i)^license\s+smart\s+proxy\s+(.+)$`)
	vrfMemberRE = regexp.MustCompile(`(?i)^vrf\s+member\s+(\S+)`)
	ipAddrRE    = regexp.MustCompile(`(?i)^ip\s+address\s+(\S+)`)
)

// callhomeWords start the lines of a callhome block. Some copies of real
// output (the seed document's among them) lost their indentation, so a
// line starting with one of these stays inside the block.
var callhomeWords = []string{"email-contact", "phone-contact", "streetaddress", "destination-profile",
	"transport", "enable", "no enable", "contract-id", "customer-id", "site-id", "switch-priority",
	"periodic-inventory", "duplicate-message", "alert-group", "distribute", "commit", "source-interface"}

// ParseRunningConfig reads `show running-config`, whole or in part. Covers
// is set from the command (see ConfigCoverage). It never returns nil.
func ParseRunningConfig(sec *capture.Section) *RunningConfig {
	r := &configReader{c: &RunningConfig{
		Covers:     ConfigCoverage(sec.Command),
		VRFs:       map[string]*VRF{},
		Interfaces: map[string]*Interface{},
	}}
	c := r.c
	first := true
	for _, l := range sec.Lines {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		if first && sec.Command == capture.PastedConfig && l.Text != t && hasWordPrefix(t, callhomeWords) {
			// The body of a callhome block pasted without its header:
			// its lines are facts, but the block is not whole (Covers).
			r.block = "callhome"
			c.Callhome = &Callhome{Ref: sec.Ref(l), Profiles: map[string]*DestinationProfile{}}
		}
		first = false
		r.line(l.Text, t, sec.Ref(l))
	}
	if _, ok := c.VRFs[DefaultVRF]; ok && len(c.VRFs) == 1 && len(c.VRFs[DefaultVRF].StaticRoutes) == 0 {
		delete(c.VRFs, DefaultVRF)
	}
	if sec.Command == capture.PastedConfig && c.Callhome != nil && strings.TrimSpace(c.Callhome.Ref.Text) == "callhome" {
		// Lines pasted without their command vouch only for the blocks
		// they hold whole: a callhome block runs from its header to the
		// next line at column 0.
		c.Covers = []string{TopicCallhome}
	}
	return c
}

// configReader reads a configuration line by line: the block a line is in
// is the last top-level line that opened one.
type configReader struct {
	c     *RunningConfig
	block string // "callhome", "vrf", "interface", "other" or ""
	vrf   *VRF
	ifc   *Interface
}

// line reads one non-blank line; t is raw trimmed.
func (r *configReader) line(raw, t string, ref capture.Ref) {
	c := r.c
	if strings.HasPrefix(t, "!") {
		if m := timeStampRE.FindStringSubmatch(t); m != nil && c.Time.Value.IsZero() {
			if tm, _, ok := ParseDate(m[1]); ok {
				c.Time = capture.Fact[time.Time]{Value: tm, Ref: ref}
			}
		}
		return
	}
	indented := raw[0] == ' ' || raw[0] == '\t'
	if !indented && !(r.block == "callhome" && hasWordPrefix(t, callhomeWords)) &&
		!(r.block == "interface" && hasWordPrefix(t, []string{"vrf member", "ip address"})) {
		r.block, r.vrf, r.ifc = "", nil, nil
	}
	switch r.block {
	case "callhome":
		c.parseCallhomeLine(t, ref)
		return
	case "vrf":
		c.parseVRFLine(r.vrf, t, ref)
		return
	case "interface":
		parseInterfaceLine(r.ifc, t, ref)
		return
	case "other":
		return
	}
	lt := strings.ToLower(t)
	for _, k := range topLines {
		if (k.line != "" && lt == k.line) || (k.prefix != "" && strings.HasPrefix(lt, k.prefix)) ||
			(k.re != nil && starts(lead(t), k.letters) && k.re.MatchString(t)) {
			if k.read(r, t, ref) {
				return
			}
		}
	}
	// Any other top-level line may open a block (router, line, role ...)
	// whose indented lines are not ours.
	r.block = "other"
}

// topLine is one kind of top-level configuration line: a line equal to
// line (lower case), starting with prefix (lower case) or matching re,
// which is tried only on lines whose lead is one of letters. read takes
// it, or returns false to leave it to the next kind (or to "other").
type topLine struct {
	line, prefix string
	re           *regexp.Regexp
	letters      string
	read         func(r *configReader, t string, ref capture.Ref) bool
}

// topLines are the top-level lines slcheck reads, tried in order.
var topLines = []topLine{
	{line: "callhome", read: openCallhome},
	{line: "call home", read: openCallhome},
	{prefix: "vrf context ", read: func(r *configReader, t string, ref capture.Ref) bool {
		r.block, r.vrf = "vrf", r.c.vrf(strings.TrimSpace(t[len("vrf context "):]))
		r.vrf.Ref = ref
		return true
	}},
	{prefix: "interface ", read: func(r *configReader, t string, ref capture.Ref) bool {
		name := CanonicalInterface(t[len("interface "):])
		r.block, r.ifc = "interface", r.c.Interfaces[name]
		if r.ifc == nil {
			r.ifc = &Interface{Name: name, Ref: ref}
			if strings.HasPrefix(name, "mgmt") {
				r.ifc.VRF = capture.Fact[string]{Value: "management", Ref: ref}
			}
			r.c.Interfaces[name] = r.ifc
		}
		return true
	}},
	{line: "no ip domain-lookup", read: func(r *configReader, _ string, ref capture.Ref) bool {
		r.c.DomainLookupOff = &ref
		return true
	}},
	{line: "ip domain-lookup", read: func(r *configReader, _ string, ref capture.Ref) bool {
		r.c.DomainLookupOn = &ref
		return true
	}},
	{prefix: "ip name-server ", read: func(r *configReader, t string, ref capture.Ref) bool {
		r.c.addNameServer(nil, t, ref)
		return true
	}},
	{prefix: "ip route ", read: func(r *configReader, t string, ref capture.Ref) bool {
		r.c.addRoute(r.c.vrf(DefaultVRF), t, ref)
		return true
	}},
	{prefix: "ip http source-interface ", read: func(r *configReader, t string, ref capture.Ref) bool {
		if m := httpSrcRE.FindStringSubmatch(t); m != nil {
			r.c.HTTPSource = &SourceInterface{Interface: CanonicalInterface(m[1]), VRF: m[2], Ref: ref}
		}
		return true
	}},
	{prefix: "license smart ", read: func(r *configReader, t string, ref capture.Ref) bool {
		r.c.parseLicenseLine(t, ref)
		return true
	}},
	{prefix: "ntp server ", read: func(r *configReader, _ string, ref capture.Ref) bool {
		r.c.NTPServers = append(r.c.NTPServers, ref)
		return true
	}},
	{re: hostnameRE, letters: "hs", read: func(r *configReader, t string, ref capture.Ref) bool {
		if r.c.Hostname.Value == "" {
			r.c.Hostname = capture.Fact[string]{Value: hostnameRE.FindStringSubmatch(t)[1], Ref: ref}
		}
		return true
	}},
	// A second version line opens nothing of ours.
	{re: configVerRE, letters: "v", read: func(r *configReader, t string, ref capture.Ref) bool {
		if r.c.Version.Value != "" {
			return false
		}
		r.c.Version = capture.Fact[string]{Value: configVerRE.FindStringSubmatch(t)[1], Ref: ref}
		return true
	}},
}

func openCallhome(r *configReader, _ string, ref capture.Ref) bool {
	r.block = "callhome"
	if r.c.Callhome == nil {
		r.c.Callhome = &Callhome{Ref: ref, Profiles: map[string]*DestinationProfile{}}
	}
	return true
}

// hasWordPrefix reports whether t starts with one of words (case-insensitive)
// followed by a space or the end of the line.
func hasWordPrefix(t string, words []string) bool {
	lt := strings.ToLower(t)
	for _, w := range words {
		if lt == w || strings.HasPrefix(lt, w+" ") {
			return true
		}
	}
	return false
}

func (c *RunningConfig) vrf(name string) *VRF {
	v := c.VRFs[name]
	if v == nil {
		v = &VRF{Name: name}
		c.VRFs[name] = v
	}
	return v
}

func (c *RunningConfig) parseCallhomeLine(t string, ref capture.Ref) {
	ch := c.Callhome
	lt := strings.ToLower(t)
	switch {
	case lt == "enable":
		ch.Enabled = capture.Fact[bool]{Value: true, Ref: ref}
	case lt == "no enable":
		ch.Enabled = capture.Fact[bool]{Value: false, Ref: ref}
	case strings.HasPrefix(lt, "email-contact "):
		ch.EmailContact = capture.Fact[string]{Value: strings.TrimSpace(t[len("email-contact "):]), Ref: ref}
	case destURLRE.MatchString(t):
		m := destURLRE.FindStringSubmatch(t)
		idx, _ := strconv.Atoi(m[2])
		p := ch.profile(m[1])
		p.URLs = append(p.URLs, DestinationURL{Index: idx, URL: m[3], Ref: ref})
	case destMethRE.MatchString(t):
		m := destMethRE.FindStringSubmatch(t)
		p := ch.profile(m[1])
		p.TransportMethods = append(p.TransportMethods, capture.Fact[string]{Value: strings.ToLower(m[2]), Ref: ref})
	case useVRFRE.MatchString(t):
		ch.VRF = capture.Fact[string]{Value: useVRFRE.FindStringSubmatch(t)[1], Ref: ref}
	case proxySrvRE.MatchString(t):
		m := proxySrvRE.FindStringSubmatch(t)
		ch.Proxy.Server = capture.Fact[string]{Value: m[1], Ref: ref}
		ch.Proxy.Port, _ = strconv.Atoi(m[2])
	case proxyOnRE.MatchString(t):
		ch.Proxy.Enabled = capture.Fact[bool]{Value: true, Ref: ref}
	}
}

func (c *Callhome) profile(name string) *DestinationProfile {
	if p := c.Profile(name); p != nil {
		return p
	}
	p := &DestinationProfile{Name: name}
	c.Profiles[name] = p
	return p
}

func (c *RunningConfig) parseVRFLine(v *VRF, t string, ref capture.Ref) {
	lt := strings.ToLower(t)
	switch {
	case strings.HasPrefix(lt, "ip name-server "):
		c.addNameServer(v, t, ref)
	case strings.HasPrefix(lt, "ip route "):
		c.addRoute(v, t, ref)
	}
}

// addNameServer records `ip name-server A [B ...] [use-vrf V]`, globally
// (v nil) or under vrf context v.
func (c *RunningConfig) addNameServer(v *VRF, t string, ref capture.Ref) {
	m := nameSrvRE.FindStringSubmatch(t)
	if m == nil {
		return
	}
	ns := NameServer{Ref: ref, VRF: DefaultVRF}
	f := strings.Fields(m[1])
	for i := 0; i < len(f); i++ {
		if strings.EqualFold(f[i], "use-vrf") || strings.EqualFold(f[i], "vrf") {
			if i+1 < len(f) {
				ns.UseVRF = f[i+1]
			}
			break
		}
		ns.Addrs = append(ns.Addrs, f[i])
	}
	switch {
	case v != nil:
		ns.VRF, ns.InContext = v.Name, true
		v.NameServers = append(v.NameServers, ns)
	case ns.UseVRF != "":
		ns.VRF = ns.UseVRF
	}
	c.NameServers = append(c.NameServers, ns)
}

// routeStop ends the next-hop part of an `ip route` line.
var routeStop = map[string]bool{"name": true, "tag": true, "track": true, "vrf": true}

func (c *RunningConfig) addRoute(v *VRF, t string, ref capture.Ref) {
	m := ipRouteRE.FindStringSubmatch(t)
	if m == nil {
		return
	}
	prefix := m[1]
	if m[2] != "" { // "0.0.0.0 0.0.0.0" mask form
		if l, ok := maskLen(m[2]); ok {
			prefix += "/" + strconv.Itoa(l)
		}
	}
	var hop []string
	for _, f := range strings.Fields(m[3]) {
		if routeStop[strings.ToLower(f)] || (len(hop) > 0 && isDigits(f)) {
			break
		}
		if len(hop) == 0 && !strings.ContainsAny(f, ".:") {
			f = CanonicalInterface(f)
		}
		hop = append(hop, f)
	}
	v.StaticRoutes = append(v.StaticRoutes, StaticRoute{Prefix: prefix, NextHop: strings.Join(hop, " "), Ref: ref})
}

// maskLen turns a dotted mask into a prefix length.
func maskLen(mask string) (int, bool) {
	ip := net.ParseIP(mask).To4()
	if ip == nil {
		return 0, false
	}
	ones, bits := net.IPMask(ip).Size()
	if bits == 0 {
		return 0, false
	}
	return ones, true
}

func parseInterfaceLine(ifc *Interface, t string, ref capture.Ref) {
	if m := vrfMemberRE.FindStringSubmatch(t); m != nil {
		ifc.VRF = capture.Fact[string]{Value: m[1], Ref: ref}
	} else if m := ipAddrRE.FindStringSubmatch(t); m != nil && ifc.Address == "" {
		ifc.Address = m[1]
	}
}

func (c *RunningConfig) parseLicenseLine(t string, ref capture.Ref) {
	if c.License == nil {
		c.License = &LicenseConfig{}
	}
	lc := c.License
	switch {
	case licTransRE.MatchString(t):
		lc.Transport = capture.Fact[string]{Value: strings.ToLower(licTransRE.FindStringSubmatch(t)[1]), Ref: ref}
	case licURLRE.MatchString(t):
		m := licURLRE.FindStringSubmatch(t)
		if strings.EqualFold(m[1], "cslu") {
			lc.URLCSLU = capture.Fact[string]{Value: m[2], Ref: ref}
		} else {
			lc.URLSmart = capture.Fact[string]{Value: m[2], Ref: ref}
		}
	case licProxyRE.MatchString(t):
		lc.ProxyURL = capture.Fact[string]{Value: licProxyRE.FindStringSubmatch(t)[1], Ref: ref}
	}
	// The VRF may close any of these lines (`license smart transport smart
	// vrf management`) or stand alone: its NX-OS spelling is unconfirmed
	// (domain §6), so every plausible place is read.
	if m := licVRFRE.FindStringSubmatch(t); m != nil {
		lc.VRF = capture.Fact[string]{Value: m[1], Ref: ref}
	}
}
