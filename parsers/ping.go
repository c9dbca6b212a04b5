package parsers

import (
	"regexp"
	"strconv"
	"strings"

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
	// TimedOut counts "Request N timed out" lines.
	TimedOut int
	// Stats is set when the "packets transmitted" summary was printed;
	// otherwise Sent and Received are counted from the reply lines.
	Stats bool
}

// TCPTest is the output of `telnet HOST PORT [vrf V]` (or a similar test).
type TCPTest struct {
	Target     string
	Port       int
	VRF        string
	Connected  bool
	Unresolved bool
	Error      string // "Connection refused", "timed out", ...
	Ref        capture.Ref
}

var (
	pingHeadRE  = regexp.MustCompile(`(?i)^\s*PING\s+(\S+)\s+\(([^)]+)\)`)
	pingReplyRE = regexp.MustCompile(`(?i)^\s*\d+\s+bytes\s+from\s+`)
	pingTmoRE   = regexp.MustCompile(`(?i)^\s*request\s+\d+\s+timed\s+out`)
	pingStatsRE = regexp.MustCompile(`(?i)^\s*(\d+)\s+packets\s+transmitted,\s*(\d+)\s+packets\s+received,\s*([\d.]+)%\s+packet\s+loss`)
	pingTitleRE = regexp.MustCompile(`(?i)^\s*---\s+(\S+)\s+ping\s+statistics\s+---`)
	// Name-resolution failures of ping and telnet.
	unresolvedRE = regexp.MustCompile(`(?i)invalid\s+host|unknown\s+host|could\s+not\s+resolve|name\s+or\s+service\s+not\s+known|host\s+name\s+lookup\s+failure|unable\s+to\s+resolve|bad\s+address`)
	connectedRE  = regexp.MustCompile(`(?i)^\s*connected\s+to\s+`)
	// tcpErrorREs name why a connection failed, most specific first.
	tcpErrorREs = []*regexp.Regexp{
		regexp.MustCompile(`(?i)connection\s+refused|connection\s+timed\s+out|no\s+route\s+to\s+host|network\s+is\s+unreachable|host\s+is\s+unreachable|connection\s+reset`),
		regexp.MustCompile(`(?i)timed\s+out|unable\s+to\s+connect.*|connection\s+closed\s+by\s+foreign\s+host`),
	}
)

// digits are the leads of a line that starts with a number (starts).
const digits = "0123456789"

// mayBeUnresolved and mayBeTCPError are cheap gates before the regexps:
// a line without one of these words cannot match them.
func mayBeUnresolved(t string) bool {
	l := strings.ToLower(t)
	return strings.Contains(l, "host") || strings.Contains(l, "resolve") ||
		strings.Contains(l, "not known") || strings.Contains(l, "bad address")
}

func mayBeTCPError(t string) bool {
	l := strings.ToLower(t)
	return strings.Contains(l, "connect") || strings.Contains(l, "timed") || strings.Contains(l, "unreachable") ||
		strings.Contains(l, "route to host") || strings.Contains(l, "refused") || strings.Contains(l, "reset")
}

// ParsePing reads the output of `ping`. Target and VRF come from the typed
// command when the section has one (VRF "default" when it names none),
// else from the output (VRF ""). It returns nil when nothing is recognised.
func ParsePing(sec *capture.Section) *Ping {
	p := &Ping{Ref: sec.HeaderRef()}
	p.Target, _, p.VRF = commandArgs(sec, "ping")
	seen := false
	replies := 0
	for _, l := range sec.Lines {
		t := l.Text
		c := lead(t) // each anchored pattern is tried on the lines it may match
		switch {
		case starts(c, "p") && pingHeadRE.MatchString(t):
			m := pingHeadRE.FindStringSubmatch(t)
			if p.Target == "" {
				p.Target = m[1]
			}
			p.Address = m[2]
			seen = true
		case starts(c, digits) && pingReplyRE.MatchString(t):
			replies++
			seen = true
		case starts(c, "r") && pingTmoRE.MatchString(t):
			p.TimedOut++
			seen = true
		case starts(c, digits) && pingStatsRE.MatchString(t):
			m := pingStatsRE.FindStringSubmatch(t)
			p.Sent, _ = strconv.Atoi(m[1])
			p.Received, _ = strconv.Atoi(m[2])
			p.Loss, _ = strconv.ParseFloat(m[3], 64)
			p.Stats = true
			p.Ref = sec.Ref(l)
			seen = true
		case starts(c, "-") && pingTitleRE.MatchString(t):
			if p.Target == "" {
				p.Target = pingTitleRE.FindStringSubmatch(t)[1]
			}
		case mayBeUnresolved(t) && unresolvedRE.MatchString(t):
			p.Unresolved = true
			p.Ref = sec.Ref(l)
			seen = true
		}
	}
	if !seen {
		return nil
	}
	if !p.Stats && !p.Unresolved {
		p.Sent, p.Received = replies+p.TimedOut, replies
		if p.Sent > 0 {
			p.Loss = 100 * float64(p.Sent-p.Received) / float64(p.Sent)
		}
	}
	return p
}

// ParseTCPTest reads the output of `telnet HOST PORT [vrf V]`. It returns
// nil when the output shows neither a connection nor an error.
func ParseTCPTest(sec *capture.Section) *TCPTest {
	tt := &TCPTest{Ref: sec.HeaderRef(), Port: 23}
	var port string
	tt.Target, port, tt.VRF = commandArgs(sec, "telnet")
	if n, err := strconv.Atoi(port); err == nil && n > 0 && n < 65536 {
		tt.Port = n
	}
	seen := false
	for _, l := range sec.Lines {
		t := l.Text
		switch {
		case starts(lead(t), "c") && connectedRE.MatchString(t):
			tt.Connected, tt.Error, tt.Unresolved = true, "", false
			tt.Ref = sec.Ref(l)
			seen = true
		case tt.Connected:
			// After "Connected to", a closed connection is the user's ^C.
		case mayBeUnresolved(t) && unresolvedRE.MatchString(t):
			tt.Unresolved = true
			tt.Error = strings.TrimSpace(t)
			tt.Ref = sec.Ref(l)
			seen = true
		case mayBeTCPError(t):
			for _, re := range tcpErrorREs {
				if e := re.FindString(t); e != "" {
					tt.Error, tt.Ref, seen = e, sec.Ref(l), true
					break
				}
			}
		}
	}
	if !seen {
		return nil
	}
	return tt
}

// commandArgs reads the target, the second positional argument (telnet's
// port) and the VRF from a typed `ping`/`telnet` command. vrf is "default"
// when a target was typed without a VRF, "" when no target was typed or
// the command was only recognised from its output (a paste): the output
// does not say which VRF the test ran in.
func commandArgs(sec *capture.Section, verb string) (target, second, vrf string) {
	f := strings.Fields(commandText(sec))
	if len(f) == 0 || !strings.EqualFold(f[0], verb) {
		return "", "", ""
	}
	if sec.Typed != "" {
		vrf = DefaultVRF
	}
	var pos []string
	for i := 1; i < len(f); i++ {
		w := strings.ToLower(f[i])
		switch w {
		case "vrf", "use-vrf":
			if i+1 < len(f) {
				vrf = f[i+1]
			}
			i++
		case "count", "source", "source-interface", "packet-size", "timeout", "interval", "df-bit":
			if w != "df-bit" {
				i++
			}
		default:
			pos = append(pos, f[i])
		}
	}
	if len(pos) == 0 {
		return "", "", ""
	}
	target = pos[0]
	if len(pos) > 1 {
		second = pos[1]
	}
	return target, second, vrf
}
