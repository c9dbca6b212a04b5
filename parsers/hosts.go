package parsers

import (
	"net"
	"regexp"
	"strings"

	"github.com/slcheck/slcheck/capture"
)

// HostEntry is one line of `show hosts`.
type HostEntry struct {
	Name  string
	Addrs []string
	Ref   capture.Ref
}

// Hosts is `show hosts`: the resolver's view (domain lookup, name servers
// per VRF, static entries).
type Hosts struct {
	// DomainLookup is read from the "DNS lookup enabled/disabled" line.
	DomainLookup capture.Fact[bool]
	NameServers  []NameServer
	Entries      []HostEntry
	Ref          capture.Ref
}

var (
	dnsLookupRE   = regexp.MustCompile(`(?i)^\s*dns\s+lookup\s+(enabled|disabled)`)
	nsAreRE       = regexp.MustCompile(`(?i)^\s*name\s+servers?\s+(?:are|is)\s+(.+)$`)
	nsTableRE     = regexp.MustCompile(`(?i)^\s*(\S+)\s+(\S+)\s+name\s*server\(?s?\)?\s+(.+?)\*?\s*$`)
	hostHeaderRE  = regexp.MustCompile(`(?i)^\s*host\s+address(es)?\s*$`)
	hostHeaderRE2 = regexp.MustCompile(`(?i)^\s*host\s+.*\baddress`)
)

// ParseHosts reads `show hosts`. Name servers from the VRF table carry
// VRF (the first column) and UseVRF (the second); the "Name servers are"
// line gives servers of the default VRF, 255.255.255.255 meaning none.
// It returns nil when nothing is recognised.
func ParseHosts(sec *capture.Section) *Hosts {
	h := &Hosts{Ref: sec.HeaderRef()}
	seen := false
	inHosts := false
	for _, l := range sec.Lines {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		ref := sec.Ref(l)
		c := lead(t) // each pattern is tried on the lines it may match
		switch {
		case starts(c, "d") && dnsLookupRE.MatchString(t):
			on := strings.EqualFold(dnsLookupRE.FindStringSubmatch(t)[1], "enabled")
			h.DomainLookup = capture.Fact[bool]{Value: on, Ref: ref}
			seen = true
		case starts(c, "n") && nsAreRE.MatchString(t):
			addrs := ipsIn(nsAreRE.FindStringSubmatch(t)[1])
			if len(addrs) > 0 {
				h.NameServers = append(h.NameServers, NameServer{Addrs: addrs, VRF: DefaultVRF, Ref: ref})
			}
			seen = true
		case containsLower(t, "name") && nsTableRE.MatchString(t):
			m := nsTableRE.FindStringSubmatch(t)
			if addrs := ipsIn(m[3]); len(addrs) > 0 {
				h.NameServers = append(h.NameServers, NameServer{Addrs: addrs, VRF: m[1], UseVRF: m[2], Ref: ref})
			}
			seen = true
		case starts(c, "h") && (hostHeaderRE.MatchString(t) || hostHeaderRE2.MatchString(t) && !strings.Contains(strings.ToLower(t), "lookup")):
			inHosts = true
			seen = true
		case inHosts:
			f := strings.Fields(t)
			if len(f) < 2 {
				continue
			}
			if addrs := ipsIn(strings.Join(f[1:], " ")); len(addrs) > 0 {
				h.Entries = append(h.Entries, HostEntry{Name: f[0], Addrs: addrs, Ref: ref})
			}
		}
	}
	if !seen {
		return nil
	}
	return h
}

// ipsIn returns the IP addresses among the words of s, skipping the
// 255.255.255.255 placeholder NX-OS prints when no server is set.
func ipsIn(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '*' || r == '\t' }) {
		if ip := net.ParseIP(w); ip != nil && w != "255.255.255.255" {
			out = append(out, w)
		}
	}
	return out
}
