package parsers

import (
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
	DomainLookup *bool
	NameServers  []NameServer
	Entries      []HostEntry
	Ref          capture.Ref
}
