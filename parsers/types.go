package parsers

import (
	"time"

	"github.com/slcheck/slcheck/capture"
)

// Version holds what `show version` says.
type Version struct {
	// NXOS is set when the "Cisco Nexus Operating System" banner was seen.
	NXOS bool
	// Release is the normalised release, e.g. "9.3(4)", "10.2(3)"; for odd
	// forms such as "9.3(6uu)I9(1uu) [build 9.3(6)]" it is the build.
	Release    string
	ReleaseRaw string
	ReleaseRef capture.Ref
	// Train is the bracketed suffix such as "Feature Release", if any.
	Train string
	// Chassis is the hardware line, e.g. "Nexus9000 C93180YC-FX3".
	Chassis    string
	ChassisRef capture.Ref
	// Family is "N9K", "N3K", "N7K", "N5K", "N6K", "MDS" or "" when unknown.
	Family string
	// Model is the chassis model as written, e.g. "C93180YC-FX3", "C3064PQ".
	Model      string
	DeviceName string
	Image      string
}

// Clock holds `show clock`.
type Clock struct {
	Time time.Time
	// Zone is the abbreviation printed, e.g. "UTC", "PST".
	Zone string
	// Source is "NTP", "PTP", "none" ... from "Time source is X", or "".
	Source string
	Ref    capture.Ref
}

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

// License holds `show license status` / `show license summary` /
// `show license all`, classic or SLP layout.
type License struct {
	Ref capture.Ref // the "Smart Licensing is ..." line
	// Enabled is nil when the output did not say.
	Enabled *bool
	// SLP is set when the "Smart Licensing Using Policy" layout was seen.
	SLP bool

	Registration  RegistrationState
	Authorization AuthorizationState
	Evaluation    *Evaluation

	// SLP fields.
	Transport          SLPTransport
	TrustCodeInstalled *bool
	TrustCodeRef       capture.Ref
	Usage              UsageReporting

	// Unknown lines with a "Status:"-like shape that were not understood,
	// kept so the report can show them rather than drop them.
	Unrecognised []capture.Ref
}

// Attempt is a line such as "Last Communication Attempt: FAILED on <date>",
// with the indented "Failure reason:" that may follow.
type Attempt struct {
	Result    string // SUCCEEDED, FAILED, PENDING, None, ...
	Time      time.Time
	Reason    string
	Ref       capture.Ref
	ReasonRef capture.Ref
}

// Timed is a labelled date such as "Registration Expires: <date>".
type Timed struct {
	Time time.Time
	Ref  capture.Ref
}

// RegistrationState is the "Registration:" block.
type RegistrationState struct {
	Status         string // REGISTERED, UNREGISTERED, "UNREGISTERED - REGISTRATION FAILED", ...
	StatusTime     time.Time
	StatusRef      capture.Ref
	SmartAccount   string
	VirtualAccount string
	Initial        *Attempt
	LastRenewal    *Attempt
	NextRenewal    *Timed
	Expires        *Timed
}

// AuthorizationState is the "License Authorization:" block.
type AuthorizationState struct {
	Status            string // AUTHORIZED, "OUT OF COMPLIANCE", "AUTHORIZATION EXPIRED", EVAL MODE, ...
	StatusTime        time.Time
	StatusRef         capture.Ref
	LastCommunication *Attempt
	NextCommunication *Timed
	Deadline          *Timed
}

// Evaluation is "Evaluation Period Remaining: 46 days, 7 hours, ...".
type Evaluation struct {
	Remaining time.Duration
	Expired   bool
	Ref       capture.Ref
}

// SLPTransport is the "Transport:" block of the SLP layout.
type SLPTransport struct {
	Type  string // Smart, cslu, callhome, Off ...
	URL   string
	Proxy string
	VRF   string
	Ref   capture.Ref
}

// UsageReporting is the "Usage Reporting:" block of the SLP layout.
type UsageReporting struct {
	LastACK      *Timed // nil when "<none>"
	LastACKNone  bool   // "Last ACK received: <none>"
	NextDeadline *Timed
	NextPush     *Timed
	Ref          capture.Ref
}

// Route is one prefix of `show ip route vrf V`.
type Route struct {
	Prefix string // "0.0.0.0/0"
	Via    []string
	Ref    capture.Ref
}

// RouteTable is `show ip route vrf V`.
type RouteTable struct {
	VRF    string
	Routes []Route
	Ref    capture.Ref
}

// Ping is the output of `ping HOST [vrf V]`.
type Ping struct {
	Target     string // as typed
	Address    string // resolved address, if printed
	VRF        string
	Sent       int
	Received   int
	Loss       float64
	Unresolved bool // "% Invalid host/interface", unknown host
	Ref        capture.Ref
}

// TCPTest is the output of `telnet HOST 443 [vrf V]` (or a similar test).
type TCPTest struct {
	Target     string
	Port       int
	VRF        string
	Connected  bool
	Unresolved bool
	Error      string // "Connection refused", "timed out", ...
	Ref        capture.Ref
}

// HostEntry is one line of `show hosts`.
type HostEntry struct {
	Name  string
	Addrs []string
	Ref   capture.Ref
}

// Hosts is `show hosts`: the resolver's view (domain lookup, name servers
// per VRF, static entries).
type Hosts struct {
	DomainLookup *bool
	NameServers  []NameServer
	Entries      []HostEntry
	Ref          capture.Ref
}

// LogEvent is a log line about Smart Licensing or Call Home.
type LogEvent struct {
	Time     time.Time // zero when the line has no parsable date
	Facility string    // "LICMGR-3-LOG_SMART_LIC_COMM_FAILED", "CALLHOME-...".
	Message  string
	Ref      capture.Ref
}

// Certificate is one certificate of `show crypto ca certificates`.
type Certificate struct {
	Trustpoint string
	Subject    string
	Issuer     string
	Serial     string
	NotAfter   time.Time
	Ref        capture.Ref
}

// TrustStore is `show crypto ca certificates` / `show crypto ca trustpoints`.
type TrustStore struct {
	Trustpoints  []string
	Certificates []Certificate
	Ref          capture.Ref
}
