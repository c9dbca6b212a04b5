package capture

import (
	"bytes"
	"strings"
	"unsafe"
)

// backtickHeader recognises a show tech-support command header:
// "`show version`", maybe with blanks inside the backticks.
func backtickHeader(t []byte) (string, bool) {
	t = bytes.TrimSpace(t)
	if len(t) < 3 || t[0] != '`' || t[len(t)-1] != '`' {
		return "", false
	}
	cmd := bytes.TrimSpace(t[1 : len(t)-1])
	if len(cmd) == 0 || bytes.IndexByte(cmd, '`') >= 0 || !isLetter(cmd[0]) {
		return "", false
	}
	return string(cmd), true
}

// techBanner recognises the line some show tech-support variants print
// first: "---- show tech-support details ----".
func techBanner(t []byte) bool {
	t = bytes.TrimSpace(t)
	if !bytes.HasPrefix(t, []byte("---")) || !bytes.HasSuffix(t, []byte("---")) {
		return false
	}
	inner := bytes.TrimSpace(bytes.Trim(t, "-"))
	return bytes.HasPrefix(bytes.ToLower(inner), []byte("show tech"))
}

// prompt is a command line of a terminal log: "N9K-1(config)# sh run".
type prompt struct {
	host   string
	config bool
	// noSpace is set for "host#command", IOS-XE's spelling; NX-OS prints
	// a blank after the '#'.
	noSpace bool
	cmd     string
}

// parsePrompt recognises "host# cmd", "host(config-xx)# cmd", "host#cmd"
// and a bare "host#". Outside config mode the command must start with an
// exec command (show, ping, ...), so an output line like "Port# Name" is
// not taken for a prompt.
func parsePrompt(t []byte) (prompt, bool) {
	i := 0
	for i < len(t) && i <= 64 && isHostChar(t[i]) {
		i++
	}
	if i == 0 || i > 63 || !isLetter(t[0]) && !isDigit(t[0]) {
		return prompt{}, false
	}
	host := t[:i]
	var p prompt
	rest := t[i:]
	if len(rest) > 0 && rest[0] == '(' {
		j := bytes.IndexByte(rest, ')')
		if j < 0 || !bytes.HasPrefix(rest[1:j], []byte("config")) || !isModeName(rest[1:j]) {
			return prompt{}, false
		}
		p.config = true
		rest = rest[j+1:]
	}
	if len(rest) == 0 || rest[0] != '#' {
		return prompt{}, false
	}
	rest = rest[1:]
	p.noSpace = len(rest) > 0 && rest[0] != ' '
	rest = bytes.TrimSpace(rest)
	if len(rest) > 0 && !p.config {
		verb, _, _ := bytes.Cut(rest, []byte(" "))
		if _, ok := expand(string(verb), firstWords); !ok {
			return prompt{}, false
		}
	}
	p.host, p.cmd = string(host), string(rest)
	return p, true
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isHostChar(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '.'
}
func isModeName(b []byte) bool {
	for _, c := range b {
		if !isLetter(c) && !isDigit(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// pasteHeader recognises, in a paste without prompts or show-tech headers,
// the start of one command's output. An echoed command line ("show ip
// route vrf management") gives echo=true and the typed text; otherwise the
// command is known from the output's first line, which belongs to the
// output.
func pasteHeader(t []byte) (cmd, typed string, ok bool) {
	b := bytes.TrimSpace(t)
	if len(b) == 0 || !pasteStart[b[0]] {
		return "", "", false // most lines: one table lookup, no allocation
	}
	// Look without a copy: every answer below is a new string or a
	// constant, never a part of s, which the next line overwrites.
	s := unsafe.String(unsafe.SliceData(b), len(b))
	switch {
	case isDigit(s[0]) || s[0] == '*':
		switch {
		case isClockLine(s):
			return "show clock", "", true
		case isLogLine(s):
			return "show logging logfile", "", true
		}
	case len(s) < 200 && (hasPrefixFold(s, "show ") || hasPrefixFold(s, "sh ")):
		return Canonical(s), strings.Clone(s), true
	case strings.HasPrefix(s, "Smart Licensing is ENABLED"), strings.HasPrefix(s, "Smart Licensing is DISABLED"):
		return "show license status", "", true
	case strings.HasPrefix(s, "Cisco Nexus Operating System"):
		return "show version", "", true
	case strings.HasPrefix(s, "!Command: "):
		if c := Canonical(strings.TrimPrefix(s, "!Command: ")); c != "" {
			return c, "", true
		}
	case strings.HasPrefix(s, `IP Route Table for VRF "`):
		vrf, _, _ := strings.Cut(strings.TrimPrefix(s, `IP Route Table for VRF "`), `"`)
		if vrf != "" {
			return "show ip route vrf " + vrf, "", true
		}
	case strings.HasPrefix(s, "PING "):
		if f := strings.Fields(s); len(f) >= 3 && strings.HasPrefix(f[2], "(") {
			return "ping " + f[1], "", true
		}
	case strings.HasPrefix(s, "Current call home settings:"):
		return "show call-home", "", true
	case strings.HasPrefix(s, `NAME: "Chassis"`):
		return "show inventory", "", true
	case isLicenseUsageHeader(s):
		return "show license usage", "", true
	case strings.HasPrefix(s, "Time source is ") && !strings.Contains(s, ","):
		// NX-OS prints the clock on the next line; IOS-XE's "Time source
		// is NTP, 11:04:51 ..." is a foreign signal instead.
		return "show clock", "", true
	case strings.HasPrefix(s, "Trustpoint: "):
		return "show crypto ca certificates", "", true
	case strings.HasPrefix(s, "trustpoint: ") && strings.Contains(s, "; key-pair"):
		return "show crypto ca trustpoints", "", true
	}
	return "", "", false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// pasteStart holds the first bytes of the lines pasteHeader recognises.
var pasteStart = func() (t [256]bool) {
	for _, c := range "sSCc!IPNFTt*0123456789" {
		t[c] = true
	}
	return t
}()

// sameOutput says whether a recognised header line for cmd belongs to the
// section of cur, so it must not start a new one: an echoed command
// followed by its output's first line, or a line that repeats inside one
// output (one per log message, one "Trustpoint:" per trustpoint, the clock
// after "Time source is").
func sameOutput(cur, cmd string, curBody int) bool {
	if cmd == cur && curBody == 0 {
		return true
	}
	family, ok := repeatingHeaders[cmd]
	return ok && (cur == family || strings.HasPrefix(cur, family+" "))
}

// sharedWithIOS are the commands recognised by content whose output looks
// the same on IOS and IOS-XE (a clock line, syslog lines, certificates): a
// paste of nothing else is not taken for NX-OS output.
var sharedWithIOS = map[string]bool{
	"show clock": true, "show logging logfile": true,
	"show crypto ca certificates": true, "show crypto ca trustpoints": true,
}

// repeatingHeaders maps the commands whose recognised line repeats inside
// one output to the command family a section must belong to.
var repeatingHeaders = map[string]string{
	"show clock":                  "show clock",
	"show logging logfile":        "show logging",
	"show crypto ca certificates": "show crypto ca",
	"show crypto ca trustpoints":  "show crypto ca",
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

// signal says how strongly a line shows IOS-XE rather than NX-OS.
type signal int

const (
	noSignal signal = iota
	// weakSignal: blocks the IOS-XE Smart Agent prints that NX-OS under
	// Smart Licensing Using Policy may print too; recorded only beside a
	// strong signal.
	weakSignal
	// strongSignal: output NX-OS never prints.
	strongSignal
	// bannerSignal: "Smart Licensing Status", strong if a '=' underline
	// follows.
	bannerSignal
)

// foreignSignal classifies one output line.
func foreignSignal(t []byte) signal {
	s := bytes.TrimSpace(t)
	switch {
	case bytes.HasPrefix(s, []byte("Current call home settings:")),
		bytes.HasPrefix(s, []byte("Load for five secs:")),
		isIOSTimeSource(s):
		return strongSignal
	case string(s) == "Smart Licensing Status":
		return bannerSignal
	case string(s) == "Utility:", string(s) == "Data Privacy:", string(s) == "Export Authorization Key:":
		return weakSignal
	}
	return noSignal
}

// isIOSTimeSource recognises IOS-XE's exec header "Time source is NTP,
// 11:04:51.711 PDT Fri Sep 1 2023"; NX-OS's `show clock` puts the time on
// a line of its own.
func isIOSTimeSource(s []byte) bool {
	rest, ok := bytes.CutPrefix(s, []byte("Time source is "))
	if !ok {
		return false
	}
	_, after, ok := bytes.Cut(rest, []byte(", "))
	return ok && len(after) > 2 && isDigit(after[0]) && (after[1] == ':' || len(after) > 2 && after[2] == ':')
}

// isUnderline is a line of '=' under a title.
func isUnderline(t []byte) bool {
	s := bytes.TrimSpace(t)
	return len(s) >= 5 && len(bytes.Trim(s, "=")) == 0
}

// foreignCommand reports IOS-XE command spellings: `show call-home`
// (NX-OS: show callhome) and `show license tech support` (NX-OS:
// show license tech-support).
func foreignCommand(canonical string) bool {
	return canonical == "show call-home" || strings.HasPrefix(canonical, "show call-home ") ||
		strings.HasPrefix(strings.ToLower(canonical), "show license tech support")
}
