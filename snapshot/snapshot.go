// Package snapshot gathers everything known about one device: the facts
// parsed from its captured sections, the capture time and where it came
// from, and the results of live probes. Checks read a Snapshot and nothing
// else.
package snapshot

import (
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

// Snapshot is one device as slcheck knows it.
type Snapshot struct {
	Source   string
	Hostname string
	Format   string

	// Commands lists the canonical commands captured, for "not checked:
	// run `<command>`" decisions.
	Commands map[string]bool
	// Filtered holds, per parser family of a command ("logging", "license",
	// "version", "route", "hosts", "crypto"), the filter of its output
	// ("| include ACL", "last 100") when no output of the family was
	// captured whole or through a filter that provably keeps what the
	// checks read (parsers.FilterKeeps): an absent line there proves
	// nothing. ConfigFilter is the first filter of a running-config,
	// whose completeness RunningConfig.Covers says per topic. FilterOf
	// reads both.
	Filtered     map[string]string
	ConfigFilter string

	Version *parsers.Version
	Clock   *parsers.Clock
	// Config merges every running-config section; nil when none was captured.
	Config  *parsers.RunningConfig
	License *parsers.License
	// Routes by VRF name ("default" for the default VRF).
	Routes   map[string]*parsers.RouteTable
	Pings    []parsers.Ping
	TCPTests []parsers.TCPTest
	Hosts    *parsers.Hosts
	// LogsCaptured is set when a log section was captured, even if no
	// line in it was about licensing.
	LogsCaptured bool
	Logs         []parsers.LogEvent
	Trust        *parsers.TrustStore

	// CapturedAt is the time deadlines are judged against and the line it
	// came from; its Value is zero when the capture does not say.
	CapturedAt capture.Fact[time.Time]

	// Path is how licensing messages leave the device, decided once by
	// Build (PathOf): every consumer reads the VRF, URL, proxy and
	// transport here.
	Path Path

	// Software names what printed the input (capture.Software*), and
	// SoftwareRef the line that decided it; SoftwareRelease is the release
	// of software other than NX-OS.
	Software        string
	SoftwareRef     capture.Ref
	SoftwareRelease capture.Fact[string]
	// Foreign holds lines that show the input is not standalone NX-OS.
	Foreign []capture.Ref
	// Alike holds, for input whose software nothing names, lines of blocks
	// IOS-XE prints and NX-OS may print alike (capture.Device.Alike).
	Alike []capture.Ref
	// Mixed holds lines showing that sections from more than one device
	// were read as one: another device's name or serial, or output of
	// other software beside NX-OS's (capture.Device.Mixed).
	Mixed []capture.Ref

	// Probes holds what the workstation saw (opt-in live probes).
	Probes *Probes
	// Collection is set for a session slcheck ssh collected, live or
	// saved (device clock vs workstation).
	Collection *Collection
}

// Has reports whether a command was captured.
func (s *Snapshot) Has(cmd string) bool { return s.Commands[cmd] }

// FilterOf returns the filter that narrowed the only output captured of
// cmd's parser family ("| include ACL"), "" when an output of it was
// captured whole or not at all. For a running-config command it is the
// first running-config filter, meaningful where the config is not
// Complete for the topic a check needs.
func (s *Snapshot) FilterOf(cmd string) string {
	if kind(cmd) == "config" {
		return s.ConfigFilter
	}
	return s.Filtered[kind(cmd)]
}

// Probes are the results of live probes run from the workstation.
type Probes struct {
	// DNSRan / TLSRan say whether each kind ran at all.
	DNSRan bool
	DNS    []DNSAnswer
	TLSRan bool
	TLS    *TLSResult

	// The probes asked about the host of the device's Path, and the name
	// servers of its VRF.
	// DNSOverride is set when the servers came from --dns-server rather
	// than the device's configuration; DNSServerRefs are the config lines
	// that name the servers otherwise.
	DNSOverride   bool
	DNSServerRefs []capture.Ref
	// DNSNote and TLSNote say why a probe that was asked for could not
	// ask anything (no endpoint host, no name server for the VRF, an
	// http:// URL); "" when it did.
	DNSNote string
	TLSNote string
}

// DNSAnswer is one name server's answer for one name and record type.
type DNSAnswer struct {
	Server  string
	Name    string
	Type    string // "A", "AAAA"
	Outcome string // one of the DNS outcomes below
	Addrs   []string
	Latency time.Duration
	Err     string
}

// DNS outcomes, as DNSAnswer.Outcome spells them.
const (
	DNSAnswered  = "answered"
	DNSNoAddress = "no address" // NOERROR without an A/AAAA record
	DNSNXDomain  = "NXDOMAIN"
	DNSServFail  = "SERVFAIL"
	DNSRefused   = "REFUSED"
	DNSNoAnswer  = "no answer" // timeout or error, after the retry
)

// TLSResult is what a TLS handshake to the endpoint showed.
type TLSResult struct {
	Host     string
	Addr     string
	Via      string // proxy URL, if any
	Chain    []CertInfo
	Root     string // subject CN of the last certificate (or the root it chains to)
	NameOK   bool
	Err      string
	Verified bool

	// URL is the endpoint URL probed; ConnectTo the address actually
	// dialled when --connect-to redirected it.
	URL       string
	ConnectTo string
	// VerifyErr says why the chain did not verify against the
	// workstation's roots (or --ca-file).
	VerifyErr string
	// RootSHA1 and RootSerial identify the root certificate when the
	// workstation saw it (verified, or sent by the server); "" otherwise.
	RootSHA1   string
	RootSerial string
	// NameErr says why the leaf does not match the URL host.
	NameErr string
}

// CertInfo describes one certificate of a chain.
type CertInfo struct {
	Subject  string
	Issuer   string
	Serial   string
	NotAfter time.Time
	SHA1     string
}

// Collection describes a live SSH collection, read from the header line
// `slcheck ssh` writes first in the session log (and so in a saved
// capture, which replays it).
type Collection struct {
	Host string
	// WorkstationTime is the workstation clock when `show clock` ran.
	WorkstationTime time.Time
	// Ref is the header line WorkstationTime was read from.
	Ref capture.Ref
}
