package collect

import (
	"fmt"
	"net/netip"
	"strings"
)

// Commands are the show commands run on every switch, in order. `show
// license all` is not among them: no check reads anything from it that
// `show license status` lacks, and on a live switch its copy of the status
// would compete with the status section as evidence. The log lines are
// fetched with two plain-word includes rather than one regular expression,
// because every NX-OS release accepts `| include WORD` and the quoting of
// alternations in a pipe is not uniform across releases.
// SMART_LIC catches both %SMART_LIC-... and %LICMGR-3-LOG_SMART_LIC_...;
// CALLHOME catches %CALLHOME-... .
var Commands = []string{
	"show version",
	"show clock",
	"show running-config",
	"show license status",
	// show ip route vrf <vrf> is added once the Call Home VRF is known.
	"show hosts",
	"show logging logfile | include SMART_LIC",
	"show logging logfile | include CALLHOME",
	"show crypto ca certificates",
}

// RouteCommand is the routing table of the VRF Call Home uses; the empty
// VRF is the default one.
func RouteCommand(vrf string) string {
	return "show ip route vrf " + vrfName(vrf)
}

// PingCommand is the reachability test of Cisco document 217965, bounded to
// two packets so a black-holed path costs seconds, not a minute.
func PingCommand(host, vrf string) string {
	return fmt.Sprintf("ping %s vrf %s count 2", host, vrfName(vrf))
}

// TCPCommand is the TCP 443 test of Cisco document 217965. NX-OS has no
// other read-only exec command that opens a TCP connection to a given port
// from a given VRF; the session is closed at once through the telnet escape.
func TCPCommand(host, vrf string) string {
	return fmt.Sprintf("telnet %s 443 vrf %s", host, vrfName(vrf))
}

func vrfName(vrf string) string {
	if vrf == "" {
		return "default"
	}
	return vrf
}

// readOnly lists the prefixes of everything slcheck may type at the exec
// prompt: show commands, the terminal settings of the session, the two
// active tests, and exit. Anything else (configure, license register,
// copy, write, reload, clear, ...) is refused before it is sent.
var readOnly = []string{"show ", "terminal length ", "terminal width ", "ping ", "telnet "}

// readOnlyPipes are the output filters a read-only command may use; the
// others write a file on the switch ("| redirect", "| tee") or send the
// output away ("| email").
var readOnlyPipes = map[string]bool{"include": true, "exclude": true, "section": true, "begin": true,
	"grep": true, "egrep": true, "count": true, "last": true, "head": true, "no-more": true}

// Allowed reports whether cmd is a read-only command slcheck may send.
func Allowed(cmd string) bool {
	c := strings.Join(strings.Fields(cmd), " ")
	if c != cmd || c == "" || strings.ContainsAny(c, ">;") {
		// ">" would redirect output into a file on the switch.
		return false
	}
	if c == "exit" {
		return true
	}
	if _, pipes, ok := strings.Cut(c, "|"); ok {
		for _, pipe := range strings.Split(pipes, "|") {
			if f := strings.Fields(pipe); len(f) == 0 || !readOnlyPipes[f[0]] {
				return false
			}
		}
	}
	for _, p := range readOnly {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return false
}

// hostOK reports whether an endpoint host taken from the device's
// configuration is safe to put on a command line: a DNS name or an
// address, nothing that could smuggle another command.
func hostOK(h string) bool {
	if h == "" || len(h) > 253 {
		return false
	}
	if strings.Contains(h, ":") {
		// Only an IPv6 address holds colons (anything else would be sent
		// to a resolver as a name), and without a zone, which may hold any
		// character.
		a, err := netip.ParseAddr(h)
		return err == nil && a.Zone() == ""
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
