package checks

import (
	"slices"
	"sort"
	"strings"
)

// sessionOrder ranks commands by prefix, the order to run them in one
// session: the terminal settings, what identifies the device and its time,
// then the licence state, the configuration, the path tests, trust and
// logs, and the telnet test last: once it connects, whatever is pasted
// after it goes to the remote port. Commands no prefix matches come just
// before the telnet test.
var sessionOrder = []string{
	"terminal length",
	"terminal width",
	"show version",
	"show clock",
	"show license status",
	"show license",
	"show running-config callhome",
	"show running-config |",
	"show running-config",
	"show ip route",
	"show hosts",
	"ping",
	"show crypto",
	"show logging",
	"", // any other command
	"telnet",
}

func sessionRank(cmd string) int {
	for i, p := range sessionOrder {
		if p != "" && strings.HasPrefix(cmd, p) {
			return i
		}
	}
	return slices.Index(sessionOrder, "")
}

// SortSession sorts commands, in place, into the order to paste them into
// one switch session (the telnet test last); commands of one rank keep
// their order.
func SortSession(cmds []string) {
	sort.SliceStable(cmds, func(i, j int) bool { return sessionRank(cmds[i]) < sessionRank(cmds[j]) })
}
