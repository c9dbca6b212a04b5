package parsers

import (
	"github.com/slcheck/slcheck/capture"
)

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
