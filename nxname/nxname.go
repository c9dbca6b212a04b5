// Package nxname says whether a value taken from a capture is a valid
// NX-OS name of its kind: a host name or address, a VRF, an interface. A
// value is checked before it goes into a command line that slcheck types
// on a switch or prints for the user to paste, so that a hostile or
// mangled capture (a URL host "tools.cisco.com;reload;", a VRF
// "mgmt;reload") cannot put a second command on that line.
//
// The checks accept what the configuration guides allow, a little more
// where real configurations are known to hold more (an underscore in a
// host name), and never a blank, a control character, ";", "|", ">" or
// any other character outside the kind's set.
package nxname

import "net/netip"

// Host reports whether h is a DNS name (letters, digits, "-", "_" and
// dots, at most 253 characters: RFC 1123 names, with the underscore some
// internal names carry) or an IPv4 or IPv6 address without a zone (a zone
// may hold any character).
func Host(h string) bool {
	if h == "" || len(h) > 253 {
		return false
	}
	if a, err := netip.ParseAddr(h); err == nil {
		return a.Zone() == ""
	}
	for _, r := range h {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r == '.', r == '-', r == '_':
		default:
			return false
		}
	}
	return true
}

// Address reports whether s is an IPv4 or IPv6 address without a zone.
func Address(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Zone() == ""
}

// Prefix reports whether s is an IPv4 or IPv6 prefix (192.0.2.0/24).
func Prefix(s string) bool {
	_, err := netip.ParsePrefix(s)
	return err == nil
}

// VRF reports whether s is a VRF name: "vrf context NAME", where NAME is
// "any case-sensitive alphanumeric string up to 32 characters" (Cisco
// Nexus 9000 Series NX-OS Unicast Routing Configuration Guide, Configuring
// Layer 3 Virtual Routing and Forwarding); real configurations also use
// "-", "_", "." and ":". It is the regular expression
// ^[A-Za-z0-9_.:-]{1,32}$ written out: the checks ask it of a device's
// VRF many times (TestNamesAsRegexps holds the two equal).
func VRF(s string) bool {
	if len(s) < 1 || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !alnum(c) && c != '_' && c != '.' && c != ':' && c != '-' {
			return false
		}
	}
	return true
}

// Interface reports whether s is an interface name as NX-OS prints it: a
// type (Ethernet, Eth, mgmt, Vlan, loopback, port-channel, Po, Tunnel,
// nve, ...) and its number: slot/port, slot/port/breakout, a subinterface
// after a dot (Cisco Nexus 9000 Series NX-OS Interfaces Configuration
// Guide). It is the regular expression
// ^[A-Za-z][A-Za-z-]{0,31} ?[0-9]+(?:/[0-9]+){0,3}(?:\.[0-9]+)?$ written
// out, as VRF is.
func Interface(s string) bool {
	// The type: a letter, then at most 31 letters and dashes.
	i := 0
	for i < len(s) && (letter(s[i]) || i > 0 && s[i] == '-') {
		i++
	}
	if i == 0 || i > 32 {
		return false
	}
	if i < len(s) && s[i] == ' ' {
		i++
	}
	// The number, at most 3 more after slashes, and a subinterface.
	for n := 0; n < 4; n++ {
		if n > 0 {
			if i == len(s) || s[i] != '/' {
				break
			}
			i++
		}
		if i = digits(s, i); i < 0 {
			return false
		}
	}
	if i < len(s) && s[i] == '.' {
		if i = digits(s, i+1); i < 0 {
			return false
		}
	}
	return i == len(s)
}

// digits returns the index after the run of digits s[i:] starts with, -1
// when it does not start with one.
func digits(s string, i int) int {
	j := i
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

func letter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func alnum(c byte) bool { return letter(c) || '0' <= c && c <= '9' }
