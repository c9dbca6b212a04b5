package snapshot

import (
	"slices"
	"sort"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

// The commands slcheck names, in their canonical spelling
// (capture.Canonical): what a capture's sections are keyed by, what checks
// ask to run, what remedies verify with and what slcheck ssh types.
// Abbreviations ("sh run callhome") reach these through capture.Canonical,
// which expands every keyword; a VRF, host or filter pattern stays as typed.
const (
	CmdVersion       = "show version"
	CmdClock         = "show clock"
	CmdRunningConfig = "show running-config"
	CmdCallhome      = "show running-config callhome"
	CmdLicenseStatus = "show license status"
	// CmdLicenseUsage lists the licences IN USE: under SLP, no ACK is a
	// fault only with one.
	CmdLicenseUsage = "show license usage"
	CmdHosts        = "show hosts"
	CmdCertificates = "show crypto ca certificates"
	CmdLogging      = "show logging logfile"
	// The log lines are fetched with two plain-word includes rather than
	// one regular expression, because every NX-OS release accepts
	// `| include WORD` and the quoting of alternations in a pipe is not
	// uniform across releases. SMART_LIC catches both %SMART_LIC-... and
	// %LICMGR-3-LOG_SMART_LIC_...; CALLHOME catches %CALLHOME-... .
	CmdLogSmartLic = CmdLogging + " | include SMART_LIC"
	CmdLogCallhome = CmdLogging + " | include CALLHOME"

	// The running-config filters that are complete for a topic
	// (parsers.ConfigCoverage), much smaller than the whole configuration.
	CmdLicenseConfig = CmdRunningConfig + " | include license"
	CmdHTTPSource    = CmdRunningConfig + " | include source-interface"
	CmdNTPConfig     = CmdRunningConfig + " | include ntp"
	// CmdDNSConfig captures every line the DNS checks read. NX-OS takes
	// the include pattern as one word: quoted because "vrf context" has a
	// space.
	CmdDNSConfig = CmdRunningConfig + ` | include "domain-lookup|name-server|vrf context"`
	// CmdLicenseDefaults shows the `license smart` lines with their
	// defaults: the one place left that may name the VRF of SLP when
	// neither the status nor the configuration does.
	CmdLicenseDefaults = "show running-config all | include license"
)

// Collected are the commands slcheck ssh runs on every switch, in order;
// the route, ping and TCP tests of the licensing path follow once these
// outputs have told the path (Path.RouteCommand, PingCommand, TCPCommand).
// `show license all` is not among them: no check reads anything from it
// that `show license status` lacks, and on a live switch its copy of the
// status would compete with the status section as evidence.
var Collected = []string{
	CmdVersion, CmdClock, CmdRunningConfig, CmdLicenseStatus, CmdLicenseUsage,
	CmdHosts, CmdLogSmartLic, CmdLogCallhome, CmdCertificates,
}

// A family is the parser that reads the output of a set of commands, known
// by their leading words.
type family struct {
	// name keys Snapshot.Filtered; "" for commands slcheck does not read.
	name string
	// words are the leading words of its commands, lower case; exact
	// means the command is those words and no more.
	words []string
	exact bool
	// read parses a section of the family into the snapshot being built.
	read func(*builder, *capture.Section)
	// samples are the lines its checks may need to see (parsers.Sample*):
	// a filter that keeps them all is as good as none.
	samples []string
	// keep returns the filter of the lines Select keeps, nil for all.
	keep func() func(line string) bool
	// needles are strings of which every line keep's filter keeps holds
	// one, ASCII case ignored (capture.Options.Needles).
	needles []string
	// active commands send packets from the switch (the ping and TCP
	// tests); slcheck ssh --no-active skips them.
	active bool
}

// families are matched in order, the first whose words start the command.
var families = []family{
	{name: "version", words: []string{CmdVersion}, exact: true, read: (*builder).version, samples: parsers.SampleVersionLines},
	{name: "clock", words: []string{CmdClock}, read: (*builder).clock},
	{name: "config", words: []string{CmdRunningConfig}, read: (*builder).config},
	{words: []string{"show license host-id", "show license udi"}},
	{name: "license", words: []string{"show license"}, read: (*builder).license, samples: parsers.SampleLicenseLines},
	{name: "route", words: []string{"show ip route"}, read: (*builder).route, samples: parsers.SampleRouteLines},
	{name: "hosts", words: []string{CmdHosts}, read: (*builder).hosts, samples: parsers.SampleHostsLines},
	{name: "logging", words: []string{"show logging"}, read: (*builder).logging, samples: parsers.SampleLogLines,
		keep: func() func(string) bool { return parsers.IsLicensingLogLine }, needles: parsers.LicensingLogNeedles},
	{name: "crypto", words: []string{"show crypto ca certificates", "show crypto ca trustpoints"}, read: (*builder).crypto, samples: parsers.SampleCryptoLines},
	{name: "ping", words: []string{"ping"}, read: (*builder).ping, active: true},
	{name: "telnet", words: []string{"telnet"}, read: (*builder).telnet, active: true},
	{name: "name", words: []string{"show switchname", "show hostname"}, read: (*builder).name},
	{name: "tech", words: []string{"show tech-support"}, read: (*builder).tech, keep: techHeader},
}

// techHeaderLines is how many lines of a show tech-support header section
// are kept: enough for its date.
const techHeaderLines = 20

func techHeader() func(string) bool {
	n := 0
	return func(string) bool {
		n++
		return n <= techHeaderLines
	}
}

// familyOf returns the family of a canonical command, the zero family when
// slcheck does not read it.
func familyOf(cmd string) family {
	base, _, _ := strings.Cut(cmd, "|")
	f := strings.Fields(strings.ToLower(base))
	for i, fam := range families {
		for _, ws := range familyWords[i] {
			if len(f) >= len(ws) && slices.Equal(f[:len(ws)], ws) && (!fam.exact || len(f) == len(ws)) {
				return fam
			}
		}
	}
	return family{}
}

// familyWords are the words of each family's commands, split once:
// familyOf runs for every section and every lookup of one.
var familyWords = func() [][][]string {
	out := make([][][]string, len(families))
	for i, fam := range families {
		for _, w := range fam.words {
			out[i] = append(out[i], strings.Fields(w))
		}
	}
	return out
}()

// kind returns the parser family of a canonical command, "" when slcheck
// does not read it.
func kind(cmd string) string { return familyOf(cmd).name }

// Active reports whether cmd sends packets from the switch: the ping and
// TCP tests of the licensing path.
func Active(cmd string) bool { return familyOf(cmd).active }

// sessionOrder ranks commands by prefix, the order to run them in one
// session: the terminal settings, what identifies the device and its time,
// then the licence state, the configuration, the path tests, trust and
// logs, and the telnet test last: once it connects, whatever is pasted
// after it goes to the remote port. Commands no prefix matches come just
// before the telnet test.
var sessionOrder = []string{
	"terminal length",
	"terminal width",
	CmdVersion,
	CmdClock,
	CmdLicenseStatus,
	"show license",
	CmdCallhome,
	CmdRunningConfig + " |",
	CmdRunningConfig,
	"show ip route",
	CmdHosts,
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
