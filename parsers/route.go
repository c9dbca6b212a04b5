package parsers

import (
	"github.com/slcheck/slcheck/capture"
)

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
