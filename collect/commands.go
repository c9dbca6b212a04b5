package collect

import (
	"strings"

	"github.com/slcheck/slcheck/nxname"
	"github.com/slcheck/slcheck/snapshot"
)

// pathCommands are the commands that test the device's licensing path
// (snapshot.Path): the routing table of its VRF, doc 217965's ping bounded
// to two packets so a black-holed path costs seconds, not a minute, and
// its TCP test to the next hop's port. NX-OS has no other read-only exec
// command that opens a TCP connection to a given port from a given VRF;
// the session is closed at once through the telnet escape. A command is
// "" when the path lacks what it needs, or when a VRF or host taken from
// the device is not safe to put on a command line.
func pathCommands(p snapshot.Path) (route, ping, tcp string) {
	host, _ := p.Next()
	if !nxname.VRF(p.VRF) {
		return "", "", ""
	}
	route = p.RouteCommand()
	if !nxname.Host(host) {
		return route, "", ""
	}
	if ping = p.PingCommand(); ping != "" {
		ping += " count 2"
	}
	return route, ping, p.TCPCommand()
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
