package parsers

import (
	"strings"
)

// ifPrefixes maps the lower-case prefixes NX-OS accepts for interface names
// to their canonical spelling, longest first so "ethernet" wins over "e".
var ifPrefixes = []struct{ prefix, canon string }{
	{"ethernet", "Ethernet"}, {"eth", "Ethernet"}, {"et", "Ethernet"}, {"e", "Ethernet"},
	{"port-channel", "port-channel"}, {"portchannel", "port-channel"}, {"po", "port-channel"},
	{"loopback", "loopback"}, {"lo", "loopback"},
	{"vlan", "Vlan"}, {"vl", "Vlan"},
	{"mgmt", "mgmt"},
	{"tunnel", "Tunnel"}, {"tu", "Tunnel"},
	{"nve", "nve"},
}

// CanonicalInterface spells an interface name the way NX-OS prints it in
// running-config: "eth1/1" and "Eth 1/1" become "Ethernet1/1", "vlan27" and
// "Vlan 27" become "Vlan27", "MGMT0" becomes "mgmt0". Unknown names are
// returned trimmed, spaces removed.
func CanonicalInterface(name string) string {
	n := strings.Join(strings.Fields(name), "")
	ln := strings.ToLower(n)
	for _, p := range ifPrefixes {
		if strings.HasPrefix(ln, p.prefix) && len(ln) > len(p.prefix) && isDigitByte(ln[len(p.prefix)]) {
			return p.canon + n[len(p.prefix):]
		}
	}
	return n
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
