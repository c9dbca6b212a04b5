package capture

import (
	"bytes"
	"regexp"
	"strings"
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
	// software is set when the prompt's shape or name shows software
	// other than NX-OS: IOS-XR's node prefix ("RP/0/RP0/CPU0:router1#"),
	// an ASA context or failover suffix ("fw1/pri/act#") or an ASA's
	// default name ("ciscoasa#", "asa#") [domain §6b].
	software string
}

// parsePrompt recognises "host# cmd", "host(config-xx)# cmd", "host#cmd"
// and a bare "host#", and IOS-XR's and ASA's forms of them. Outside config
// mode the command must start with an exec command (show, ping, ...), so
// an output line like "Port# Name" is not taken for a prompt.
func parsePrompt(t []byte) (prompt, bool) {
	var p prompt
	if n := xrNodePrefix(t); n > 0 {
		p.software = SoftwareIOSXR
		t = t[n:]
	}
	i := 0
	for i < len(t) && i <= 64 && isHostChar(t[i]) {
		i++
	}
	if i == 0 || i > 63 || !isLetter(t[0]) && !isDigit(t[0]) {
		return prompt{}, false
	}
	host := t[:i]
	rest := t[i:]
	if p.software == "" && len(rest) > 1 && rest[0] == '/' {
		// ASA: "ciscoasa/admin#", "fw1/pri/act#": each part a name
		// ("Eth1/1#" is an interface in output).
		j := 0
		for j < len(rest) && j <= 40 && rest[j] == '/' {
			if j+1 >= len(rest) || !isLetter(rest[j+1]) {
				return prompt{}, false
			}
			j++
			for j < len(rest) && isHostChar(rest[j]) {
				j++
			}
		}
		rest = rest[j:]
		p.software = SoftwareASA
	}
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
	if p.software == "" && (strings.EqualFold(p.host, "ciscoasa") || strings.EqualFold(p.host, "asa")) {
		p.software = SoftwareASA
	}
	return p, true
}

// xrNodeRE is an IOS-XR node name, before its prompts ("RP/0/RP0/CPU0:
// router1#") and its log messages: "RP/0/RP0/CPU0:", "RP/0/RSP0/CPU0:",
// "LC/0/1/CPU0:", "0/RP0/CPU0:".
var xrNodeRE = regexp.MustCompile(`^(?:(?:RP|LC)/)?\d+/[A-Za-z]*\d+/CPU\d+:`)

// xrNodePrefix returns the length of an IOS-XR node name starting t, 0
// when there is none. Most lines are refused by their first bytes.
func xrNodePrefix(t []byte) int {
	if len(t) < 9 || t[0] != 'R' && t[0] != 'L' && !isDigit(t[0]) || !bytes.Contains(t[:min(len(t), 24)], []byte("/CPU")) {
		return 0
	}
	if loc := xrNodeRE.FindIndex(t); loc != nil {
		return loc[1]
	}
	return 0
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
