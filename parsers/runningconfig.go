package parsers

import (
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
	Time    time.Time
	TimeRef capture.Ref

	Hostname    string
	HostnameRef capture.Ref

	Callhome *Callhome

	// DomainLookupOff is the "no ip domain-lookup" line, if present.
	DomainLookupOff *capture.Ref
	NameServers     []NameServer
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
	Version    string
	VersionRef capture.Ref
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
	Enabled      bool
	EnableRef    capture.Ref
	EmailContact string
	EmailRef     capture.Ref
	// Profiles by name ("CiscoTAC-1", "full_txt", ...).
	Profiles map[string]*DestinationProfile
	// VRF from "transport http use-vrf X"; "" means the default VRF.
	VRF    string
	VRFRef capture.Ref
	Proxy  Proxy
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
	// TransportMethods: "http", "email".
	TransportMethods []string
	TransportRefs    []capture.Ref
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
	Server    string
	Port      int
	ServerRef capture.Ref
	Enabled   bool
	EnableRef capture.Ref
}

// NameServer is `ip name-server A [B ...] [use-vrf V]`, global or under
// `vrf context V` (then VRF is V and InContext is set).
type NameServer struct {
	Addrs     []string
	VRF       string
	InContext bool
	Ref       capture.Ref
}

// VRF is a `vrf context` block.
type VRF struct {
	Name         string
	Ref          capture.Ref
	NameServers  []NameServer
	StaticRoutes []StaticRoute
}

// StaticRoute is `ip route PREFIX NEXTHOP` inside a VRF context.
type StaticRoute struct {
	Prefix  string
	NextHop string
	Ref     capture.Ref
}

// Interface is an `interface X` block, as far as slcheck needs it.
type Interface struct {
	Name    string
	Ref     capture.Ref
	VRF     string // from "vrf member"; mgmt0 defaults to "management"
	VRFRef  capture.Ref
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
	Transport    string // smart, cslu, callhome, off, or ""
	TransportRef capture.Ref
	URLSmart     string
	URLSmartRef  capture.Ref
	URLCSLU      string
	URLCSLURef   capture.Ref
	VRF          string
	VRFRef       capture.Ref
	ProxyURL     string
	ProxyRef     capture.Ref
}
