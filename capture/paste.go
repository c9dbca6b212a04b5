package capture

import (
	"bytes"
	"strings"
	"unsafe"
)

// PastedConfig is the command slcheck gives configuration lines pasted
// without the `show running-config` command or `!Command:` header that
// would say what they are (a `callhome` block, `vrf context management`
// and its routes, `interface mgmt0`): a fragment, complete only for the
// blocks it holds whole (parsers.ConfigCoverage), never a whole config.
const PastedConfig = "show running-config (fragment)"

// header is a line that, in a paste without prompts or show-tech headers,
// shows whose output follows.
type header struct {
	// cmd is the canonical command; typed the echoed command line, or ""
	// when the command is known from the line, which belongs to its
	// output.
	cmd, typed string
	// family is set for a line from inside an output: it continues a
	// section whose command is family or starts with family+" ", unless
	// key is already set and was seen in that section (a second `show
	// version` pasted after the first starts again at its banner).
	family, key string
	// shared: IOS or IOS-XE prints this output alike (a clock, syslog
	// lines, certificates, common configuration lines), so it does not
	// make the input NX-OS output on its own.
	shared bool
}

// Families of the commands whose outputs pasteHeader recognises inside.
const (
	famVersion = "show version"
	famConfig  = "show running-config"
	famLicense = "show license"
	famHosts   = "show hosts"
	famClock   = "show clock"
	famLogging = "show logging"
	famCrypto  = "show crypto ca"
)

// pasteHeader recognises, in a paste without prompts or show-tech headers,
// a line that shows which command's output it belongs to: an echoed
// command ("show ip route vrf management"), or a line only that command
// prints (domain file sections 1, 6, 6b and 7). Lines it does not
// recognise cost one table lookup and no allocation.
func pasteHeader(t []byte) (header, bool) {
	b := bytes.TrimSpace(t)
	if len(b) == 0 || !pasteStart[b[0]] {
		return header{}, false
	}
	// Look without a copy: every answer below is a new string or a
	// constant, never a part of s, which the next line overwrites.
	s := unsafe.String(unsafe.SliceData(b), len(b))
	atColumn0 := t[0] != ' ' && t[0] != '\t'
	if h, ok := startHeader(s, atColumn0); ok {
		return h, true
	}
	if h, ok := hostsLine(s); ok {
		return h, true
	}
	if h, ok := versionLine(s); ok {
		return h, true
	}
	if atColumn0 {
		return configLine(s)
	}
	if isCallhomeBody(s) {
		// A callhome block copied without its `callhome` line.
		return header{cmd: PastedConfig, family: famConfig}, true
	}
	return header{}, false
}

// startHeader recognises a line by how it starts: an echoed command, or a
// line that only one command prints. s is trimmed; atColumn0 is whether
// it starts the line.
func startHeader(s string, atColumn0 bool) (header, bool) {
	switch {
	case isDigit(s[0]) || s[0] == '*':
		switch {
		case isClockLine(s):
			return header{cmd: "show clock", family: famClock, shared: true}, true
		case isLogLine(s):
			return header{cmd: "show logging logfile", family: famLogging, shared: true}, true
		}
	case len(s) < 200 && (hasPrefixFold(s, "show ") || hasPrefixFold(s, "sh ")):
		return header{cmd: Canonical(s), typed: strings.Clone(s)}, true
	case strings.HasPrefix(s, "Smart Licensing is ENABLED"), strings.HasPrefix(s, "Smart Licensing is DISABLED"):
		return header{cmd: "show license status", family: famLicense, key: "enabled"}, true
	case atColumn0 && (s == "License Authorization:" || strings.HasPrefix(s, "License Authorization: ")):
		// SLP `show license usage` starts here; a classic status pasted
		// from its middle too. splitter.rename tells them apart.
		return header{cmd: "show license status", family: famLicense, key: "authorization"}, true
	case atColumn0 && s == "License Usage:":
		// SLP `show license summary` is only this table [V, domain §6].
		return header{cmd: "show license summary", family: famLicense, key: "usage"}, true
	case atColumn0 && strings.EqualFold(s, "Smart Licensing Using Policy:"):
		return header{cmd: "show license status", family: famLicense, key: "slp"}, true
	case atColumn0 && isLicenseUsageHeader(s):
		return header{cmd: "show license usage", family: famLicense, key: "usage-table"}, true
	case strings.HasPrefix(s, "!Command: "):
		if c := Canonical(strings.TrimPrefix(s, "!Command: ")); c != "" {
			return header{cmd: c}, true
		}
	case atColumn0 && strings.HasPrefix(s, "!RANCID-CONTENT-TYPE: cisco-nx"):
		// RANCID keeps the whole running-config of an NX-OS switch.
		return header{cmd: "show running-config"}, true
	case strings.HasPrefix(s, `IP Route Table for VRF "`):
		vrf, _, _ := strings.Cut(strings.TrimPrefix(s, `IP Route Table for VRF "`), `"`)
		if vrf != "" {
			return header{cmd: "show ip route vrf " + vrf}, true
		}
	case strings.HasPrefix(s, "PING "):
		if f := strings.Fields(s); len(f) >= 3 && strings.HasPrefix(f[2], "(") {
			return header{cmd: "ping " + f[1]}, true
		}
	case strings.HasPrefix(s, "Current call home settings:"):
		return header{cmd: "show call-home"}, true
	case strings.HasPrefix(s, `NAME: "Chassis"`):
		return header{cmd: "show inventory", shared: !strings.Contains(s, "Nexus") && !strings.Contains(s, "MDS")}, true
	case strings.HasPrefix(s, "Time source is ") && !strings.Contains(s, ","):
		// NX-OS prints the clock on the next line; IOS-XE's "Time source
		// is NTP, 11:04:51 ..." is a foreign signal instead.
		return header{cmd: "show clock", family: famClock, shared: true}, true
	case strings.HasPrefix(s, "Trustpoint: "):
		return header{cmd: "show crypto ca certificates", family: famCrypto, shared: true}, true
	case strings.HasPrefix(s, "trustpoint: ") && strings.Contains(s, "; key-pair"):
		return header{cmd: "show crypto ca trustpoints", family: famCrypto, shared: true}, true
	}
	return header{}, false
}

// isCallhomeBody recognises the indented lines of an NX-OS callhome block
// that no other output prints: its CiscoTAC-1 destination and its HTTP
// transport [seed, domain §2].
func isCallhomeBody(s string) bool {
	return strings.HasPrefix(s, "destination-profile ") || strings.HasPrefix(s, "transport http use-vrf ") ||
		strings.HasPrefix(s, "transport http proxy ")
}

// hostsLine recognises the lines of NX-OS `show hosts` [V: napalm NX-OS
// test data; domain §6b].
func hostsLine(s string) (header, bool) {
	switch {
	case s == "DNS lookup enabled", s == "DNS lookup disabled":
		return header{cmd: "show hosts", family: famHosts, key: "lookup"}, true
	case strings.HasPrefix(s, "Default domain for vrf:"), strings.HasPrefix(s, "Domain list for vrf:"),
		strings.HasPrefix(s, "Name servers are "), s == "Name/address lookup uses domain service":
		return header{cmd: "show hosts", family: famHosts}, true
	}
	return header{}, false
}

// versionLine recognises NX-OS `show version` lines from below its banner,
// for a paste that starts after it [V: ntc-templates, domain §1 and §6b]:
// the TAC and Documents lines, the BIOS, kickstart, system and NXOS
// release lines, the chassis line (ACI mode's `cisco N9K-C9396PX
// ("supervisor")` included) and the device name. Each appears once in one
// output.
func versionLine(s string) (header, bool) {
	h := header{cmd: "show version", family: famVersion}
	switch {
	case strings.HasPrefix(s, "Cisco Nexus Operating System"):
		h.key = "banner"
	case strings.HasPrefix(s, "TAC support: http://www.cisco.com/tac"):
		h.key = "tac"
	case strings.HasPrefix(s, "Documents: http://www.cisco.com/en/US/products/ps9372/"):
		h.key = "documents"
	case strings.HasPrefix(s, "Device name:"):
		h.key = "device"
	case isChassisLine(s):
		h.key = "chassis"
	default:
		label, rest, ok := strings.Cut(s, ":")
		if !ok || !strings.HasPrefix(strings.TrimLeft(rest, " "), "version ") {
			return header{}, false
		}
		switch label {
		case "BIOS", "NXOS", "kickstart", "system":
			h.key = label
		default:
			return header{}, false
		}
	}
	return h, true
}

// isChassisLine recognises the hardware line of NX-OS `show version`:
// "cisco Nexus9000 C93180YC-FX3 Chassis", "cisco Nexus 3064 Chassis",
// "cisco MDS 9148S ... Chassis", and ACI mode's "cisco N9K-C9396PX
// ("supervisor")".
func isChassisLine(s string) bool {
	rest, ok := strings.CutPrefix(s, "cisco ")
	if !ok {
		return false
	}
	switch {
	case strings.HasPrefix(rest, "Nexus"), strings.HasPrefix(rest, "MDS "):
		return containsFold(rest, "chassis")
	case len(rest) > 4 && rest[0] == 'N' && isDigit(rest[1]) && rest[2] == 'K' && rest[3] == '-':
		return true
	}
	return false
}

// configLine recognises a configuration line at column 0, pasted without
// the command that printed it: the top-level lines of the topics slcheck
// reads (Call Home, DNS, VRFs, interfaces, the HTTP source interface,
// licence, NTP, the host name) and the NX-OS config header. Lines IOS
// writes the same way are shared; splitter.body still finds a later
// NX-OS-only line in them (isNXOSLine).
func configLine(s string) (header, bool) {
	h := header{cmd: PastedConfig, family: famConfig}
	switch {
	case s == "callhome", strings.HasPrefix(s, "vrf context "), strings.HasPrefix(s, "switchname "),
		strings.HasPrefix(s, "feature "), isNXOSConfigVersion(s),
		strings.HasPrefix(s, "!Time: "), strings.HasPrefix(s, "!Running configuration last done at:"):
		return h, true
	case strings.HasPrefix(s, "interface "), strings.HasPrefix(s, "ip name-server "),
		s == "ip domain-lookup", s == "no ip domain-lookup", strings.HasPrefix(s, "ip domain-name "),
		strings.HasPrefix(s, "ip route "), strings.HasPrefix(s, "ip http source-interface "),
		strings.HasPrefix(s, "hostname "), strings.HasPrefix(s, "license smart "),
		strings.HasPrefix(s, "ntp server "):
		h.shared = true
		return h, true
	}
	return header{}, false
}

// isNXOSConfigVersion recognises the release line of an NX-OS config
// header, "version 9.3(10) Bios:version 07.69" or "version 6.2(14)": the
// release has parentheses, IOS's ("version 15.2") has none.
func isNXOSConfigVersion(s string) bool {
	rest, ok := strings.CutPrefix(s, "version ")
	if !ok || rest == "" || !isDigit(rest[0]) {
		return false
	}
	rel, _, _ := strings.Cut(rest, " ")
	return strings.Contains(rel, "(") && strings.HasSuffix(rel, ")")
}

// containsFold is strings.Contains ignoring ASCII case, without
// allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// pasteStart holds the first bytes of the lines pasteHeader recognises.
var pasteStart = func() (t [256]bool) {
	for _, c := range "sSCcDdNTtkBvihlnfLPIF!*0123456789" {
		t[c] = true
	}
	return t
}()

// continues says whether a recognised line h belongs to the current
// section (command cur, body non-blank lines so far, keys the keys seen in
// it), so it must not start a new one: an echoed command followed by its
// output's first line, or a line from inside an output of cur's family.
func continues(h header, cur string, body int, keys []string) bool {
	if h.cmd == cur && body == 0 {
		return true
	}
	if h.family == "" || cur != h.family && !strings.HasPrefix(cur, h.family+" ") {
		return false
	}
	return h.key == "" || !containsString(keys, h.key)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// usageOnly recognises lines that `show license usage` prints and `show
// license status` does not: a package block "(LAN_ENTERPRISE_SERVICES_PKG):"
// and its "Enforcement Type:" [V: NX-OS 10.x, domain §6].
func usageOnly(t []byte) bool {
	s := bytes.TrimSpace(t)
	return len(s) > 3 && s[0] == '(' && bytes.HasSuffix(s, []byte("):")) ||
		bytes.HasPrefix(s, []byte("Enforcement Type:"))
}

// isClockLine recognises NX-OS `show clock` output, "16:00:03.512 UTC Fri
// Jul 01 2022" (a leading '*' when the time is not authoritative), without
// allocating: a paste reader asks this of every line starting with a digit.
func isClockLine(s string) bool {
	s = strings.TrimPrefix(s, "*")
	rest, ok := skipTime(s)
	if !ok {
		return false
	}
	// zone, weekday, month, day, year
	f := [5]string{}
	for i := range f {
		rest = strings.TrimLeft(rest, " ")
		end := strings.IndexByte(rest, ' ')
		if end < 0 {
			end = len(rest)
		}
		f[i], rest = rest[:end], rest[end:]
	}
	return strings.TrimSpace(rest) == "" && isWord(f[0], 1, 6) && isWord(f[1], 3, 3) && isWord(f[2], 3, 3) &&
		isNumber(f[3], 1, 2) && isNumber(f[4], 4, 4)
}

// isLogLine recognises an NX-OS log line, "2022 Jun 22 16:15:41 switch
// %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: ...": year, month, day, time, then
// a %FACILITY-SEVERITY-MNEMONIC.
func isLogLine(s string) bool {
	if len(s) < 21 || !isNumber(s[:4], 4, 4) || s[4] != ' ' || !isWord(s[5:8], 3, 3) {
		return false
	}
	rest := strings.TrimLeft(s[8:], " ")
	end := strings.IndexByte(rest, ' ')
	if end < 0 || !isNumber(rest[:end], 1, 2) {
		return false
	}
	rest, ok := skipTime(rest[end+1:])
	if !ok {
		return false
	}
	i := strings.IndexByte(rest, '%')
	return i >= 0 && isFacility(rest[i+1:])
}

// skipTime consumes "hh:mm:ss" with optional fraction and returns the rest.
func skipTime(s string) (string, bool) {
	end := strings.IndexByte(s, ' ')
	if end < 0 {
		end = len(s)
	}
	t := s[:end]
	if dot := strings.IndexByte(t, '.'); dot >= 0 {
		if !isNumber(t[dot+1:], 1, 9) {
			return "", false
		}
		t = t[:dot]
	}
	h, ms, ok1 := strings.Cut(t, ":")
	m, sec, ok2 := strings.Cut(ms, ":")
	if !ok1 || !ok2 || !isNumber(h, 1, 2) || !isNumber(m, 2, 2) || !isNumber(sec, 2, 2) {
		return "", false
	}
	return s[end:], true
}

// isFacility recognises "LICMGR-3-LOG_SMART_LIC_COMM_FAILED" at the start
// of s: upper-case words, a severity digit between dashes.
func isFacility(s string) bool {
	i := 0
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || isDigit(s[i]) || s[i] == '_') {
		i++
	}
	return i > 0 && len(s) > i+3 && s[i] == '-' && isDigit(s[i+1]) && s[i+2] == '-' && s[i+3] >= 'A' && s[i+3] <= 'Z'
}

func isWord(s string, lo, hi int) bool   { return runOf(s, lo, hi, isLetter) }
func isNumber(s string, lo, hi int) bool { return runOf(s, lo, hi, isDigit) }

// runOf says whether s is lo to hi bytes, each accepted by ok.
func runOf(s string, lo, hi int, ok func(byte) bool) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

// isLicenseUsageHeader recognises the table header of traditional
// `show license usage`: "Feature  Ins  Lic   Status Expiry Date Comments".
func isLicenseUsageHeader(s string) bool {
	for _, w := range [...]string{"Feature", "Ins", "Lic", "Status"} {
		rest, ok := strings.CutPrefix(strings.TrimLeft(s, " \t"), w)
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return false
		}
		s = rest
	}
	return true
}
