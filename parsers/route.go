package parsers

import (
	"net"
	"regexp"
	"strings"

	"github.com/slcheck/slcheck/capture"
)

// Route is one prefix of `show ip route vrf V`.
type Route struct {
	Prefix string // "0.0.0.0/0"
	// Via holds one entry per next hop, as printed before the
	// "[pref/metric]": "10.1.1.1", "192.168.12.135, mgmt0", "Null0".
	Via []string
	Ref capture.Ref
	// Protocols are the route sources of the next hops ("static",
	// "direct", "local", "ospf-1" ...), in the order of Via.
	Protocols []string
}

// RouteTable is `show ip route vrf V`.
type RouteTable struct {
	VRF    string
	Routes []Route
	Ref    capture.Ref
	// Error is a message such as "% VRF foo not found" printed instead of
	// a table.
	Error capture.Fact[string]
	// Query is the address or prefix looked up by `show ip route ADDR vrf
	// V`; "" for the whole table. A lookup shows only the covering route.
	Query string
}

var (
	routeTableRE  = regexp.MustCompile(`(?i)^\s*ip\s+route\s+table\s+for\s+(?:vrf|context)\s+"?([^"\s]+)"?`)
	routePrefixRE = regexp.MustCompile(`^\s*([0-9a-fA-F.:]+/\d+)\s*,`)
	routeViaRE    = regexp.MustCompile(`(?i)^\s*\*?via\s+(.*?)\s*(?:,\s*)?\[[^\]]*\](.*)$`)
	routeVRFArgRE = regexp.MustCompile(`(?i)\bvrf\s+(\S+)`)
)

// ParseRoutes reads `show ip route [vrf V]`. The VRF comes from the
// "IP Route Table for VRF" line, else the command, else "default". It
// returns nil when the text holds neither a table nor an error message.
func ParseRoutes(sec *capture.Section) *RouteTable {
	rt := &RouteTable{}
	cmd := commandText(sec)
	if m := routeVRFArgRE.FindStringSubmatch(cmd); m != nil {
		rt.VRF = m[1]
	}
	rt.Query = routeQuery(cmd)
	seen := false
	var cur *Route
	var m []string // the submatches of the pattern of the case taken
	for _, l := range sec.Lines {
		t := strings.TrimSpace(l.Text)
		c := lead(t) // each pattern is tried on the lines it may match
		switch {
		case t == "":
		case starts(c, "i") && submatch(&m, routeTableRE, t):
			rt.VRF = m[1]
			rt.Ref = sec.Ref(l)
			seen = true
		case starts(c, "0123456789abcdef.:") && submatch(&m, routePrefixRE, t):
			p := m[1]
			if _, _, err := net.ParseCIDR(p); err != nil {
				cur = nil
				continue
			}
			rt.Routes = append(rt.Routes, Route{Prefix: p, Ref: sec.Ref(l)})
			cur = &rt.Routes[len(rt.Routes)-1]
			seen = true
		case cur != nil && starts(c, "*v") && submatch(&m, routeViaRE, t):
			cur.Via = append(cur.Via, strings.TrimSuffix(strings.TrimSpace(m[1]), ","))
			cur.Protocols = append(cur.Protocols, lastField(m[2]))
		case strings.HasPrefix(t, "%") || strings.Contains(strings.ToLower(t), "not found") ||
			strings.Contains(strings.ToLower(t), "does not exist"):
			if !rt.Error.Said() {
				rt.Error = capture.Fact[string]{Value: t, Ref: sec.Ref(l)}
				seen = true
			}
		}
	}
	if !seen {
		return nil
	}
	if rt.VRF == "" {
		rt.VRF = DefaultVRF
	}
	if rt.Ref.IsZero() {
		rt.Ref = sec.HeaderRef()
	}
	return rt
}

// submatch sets *m to re's submatches in s and reports whether re matched:
// a case of a switch that matches a pattern has its submatches without
// running it twice.
func submatch(m *[]string, re *regexp.Regexp, s string) bool {
	*m = re.FindStringSubmatch(s)
	return *m != nil
}

// lastField returns the last comma-separated field of a via line's tail
// (", 05:12:12, direct" gives "direct").
func lastField(s string) string {
	f := strings.Split(s, ",")
	return strings.TrimSpace(f[len(f)-1])
}

// commandText is the command as typed, else the canonical one.
func commandText(sec *capture.Section) string {
	if sec.Typed != "" {
		return sec.Typed
	}
	return sec.Command
}

// routeQuery returns the address or prefix argument of `show ip route`,
// if any.
func routeQuery(cmd string) string {
	f := strings.Fields(cmd)
	for i := 0; i < len(f); i++ {
		if strings.EqualFold(f[i], "vrf") {
			i++
			continue
		}
		w := strings.Split(f[i], "/")[0]
		if net.ParseIP(w) != nil {
			return f[i]
		}
	}
	return ""
}
