package capture

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unsafe"
)

// Software names what printed an input, as the JSON contract spells it
// (docs/contract.md, `software`).
const (
	SoftwareNXOS    = "nxos"
	SoftwareACI     = "nxos-aci" // a Nexus 9000 in ACI mode
	SoftwareIOS     = "ios"
	SoftwareIOSXE   = "ios-xe"
	SoftwareIOSXR   = "ios-xr"
	SoftwareASA     = "asa"
	SoftwareUnknown = "unknown"
)

// trust orders what a line says about the software that printed it.
type trust int

const (
	// trustWeak: a block the IOS-XE Smart Agent prints that NX-OS under
	// Smart Licensing Using Policy may print too (its NX-OS labels are
	// [U]): counted beside a stronger sign, or in a classic Smart
	// Licensing layout, which on NX-OS has none of them (doc 217965).
	trustWeak trust = iota + 1
	// trustPrompt: a prompt's shape or name (IOS-XE and NX-OS prompts
	// look alike, so content is judged first).
	trustPrompt
	// trustAlike: what IOS-XE shows and NX-OS may show too: the "Smart
	// Licensing Status" banner of `show license all` (NX-OS's is [U]), an
	// IOS-XE command typed at an NX-OS prompt (`show call-home`, which
	// NX-OS refuses). Beside a line only NX-OS prints it is NX-OS's own;
	// alone it names the software as trustFamily does.
	trustAlike
	// trustFamily: output of IOS or IOS-XE that does not say which.
	trustFamily
	// trustExact: a line that names the software or its release.
	trustExact
)

// sign is a line that shows which software printed the input.
type sign struct {
	software string
	trust    trust
	ref      Ref
}

// layout marks lines that tell the layout of a licence output.
type layout int

const (
	noLayout      layout = iota
	bannerLayout         // "Smart Licensing Status": IOS-XE when underlined
	classicLayout        // "Registration:": classic Smart Licensing
	slpLayout            // "Smart Licensing Using Policy:"
)

// lineSign classifies one output line: the software it shows and how
// surely, or trust 0; and, inside a licence output, the layout it marks.
func lineSign(t []byte, inLicense bool) (string, trust, layout) {
	s := bytes.TrimSpace(t)
	if len(s) == 0 {
		return "", 0, noLayout
	}
	col0 := t[0] != ' ' && t[0] != '\t'
	if sw, tr := firstByteSign(s, col0); tr != 0 {
		return sw, tr, noLayout
	}
	if xrNodePrefix(s) > 0 {
		return SoftwareIOSXR, trustExact, noLayout
	}
	if inLicense {
		return licenseSign(s, col0)
	}
	return "", 0, noLayout
}

// firstByteSign is the software a trimmed line s names by its start, or
// trust 0. Lines are tested by their first byte first, as it runs on
// every line; col0 is whether s starts the line.
func firstByteSign(s []byte, col0 bool) (string, trust) {
	switch s[0] {
	case 'C':
		return ciscoSign(s)
	case 'I':
		if hasPrefix(s, "IOS (tm) ") {
			return SoftwareIOS, trustExact
		}
	case 'A':
		if col0 && hasPrefix(s, "ASA Version ") {
			return SoftwareASA, trustExact
		}
	case ':':
		if string(s) == ": Saved" {
			return SoftwareASA, trustExact
		}
	case '!':
		switch {
		case hasPrefix(s, "!! IOS XR Configuration"), hasPrefix(s, "!RANCID-CONTENT-TYPE: cisco-xr"):
			return SoftwareIOSXR, trustExact
		case string(s) == "!RANCID-CONTENT-TYPE: cisco":
			return SoftwareIOSXE, trustFamily
		}
	case 'B':
		if hasPrefix(s, "Building configuration...") {
			return SoftwareIOSXE, trustFamily
		}
	case 'b':
		if string(s) == "boot-start-marker" || string(s) == "boot-end-marker" {
			return SoftwareIOSXE, trustFamily
		}
	case 'c':
		switch {
		case col0 && (string(s) == "call-home" || hasPrefix(s, "call-home ")):
			return SoftwareIOSXE, trustFamily
		case isACIChassis(s):
			return SoftwareACI, trustExact
		}
	case 'v':
		if col0 {
			if sw := iosConfigVersion(s); sw != "" {
				return sw, trustExact
			}
		}
	case 'L':
		switch {
		case hasPrefix(s, "Load for five secs:"):
			return SoftwareIOSXE, trustFamily
		case hasPrefix(s, "Licensed features for this platform:"):
			return SoftwareASA, trustExact // ASA show version, show license all
		}
	case 'T':
		if isIOSTimeSource(s) {
			return SoftwareIOSXE, trustFamily
		}
	case 'k', 's', 'N':
		if isACIRelease(s) {
			return SoftwareACI, trustExact
		}
	}
	return "", 0
}

// ciscoSign reads the lines that start with 'C': the version banners of
// IOS, IOS-XE, IOS-XR and ASA, and IOS-XE's configuration and call-home
// headers.
func ciscoSign(s []byte) (string, trust) {
	switch {
	case hasPrefix(s, "Cisco IOS XE Software"), hasPrefix(s, "Cisco IOS-XE software"):
		return SoftwareIOSXE, trustExact
	case hasPrefix(s, "Cisco IOS XR Software"):
		return SoftwareIOSXR, trustExact
	case hasPrefix(s, "Cisco IOS Software"):
		return iosOrXE(s), trustExact
	case hasPrefix(s, "Cisco Adaptive Security Appliance Software Version"):
		return SoftwareASA, trustExact
	case hasPrefix(s, "Current configuration :"), hasPrefix(s, "Current call home settings:"):
		return SoftwareIOSXE, trustFamily
	}
	return "", 0
}

// licenseSign reads a line inside a licence output: an IOS-XE licence
// name, or, at column 0 (col0), a header that marks the layout or opens a
// block of the IOS-XE Smart Agent (trustWeak).
func licenseSign(s []byte, col0 bool) (string, trust, layout) {
	if iosLicenseName(s) {
		return SoftwareIOSXE, trustFamily, noLayout
	}
	if !col0 {
		return "", 0, noLayout
	}
	if bytes.EqualFold(s, slpHeader) {
		return "", 0, slpLayout
	}
	switch string(s) {
	case "Smart Licensing Status":
		return "", 0, bannerLayout
	case "Registration:":
		return "", 0, classicLayout
	case "Utility:", "Data Privacy:", "Export Authorization Key:", "Transport:":
		return SoftwareIOSXE, trustWeak, noLayout
	}
	return "", 0, noLayout
}

// slpHeader opens the Using Policy block of a licence output; NX-OS is
// said to spell it "Smart Licensing using Policy:" [U], so case is ignored.
var slpHeader = []byte("Smart Licensing Using Policy:")

func hasPrefix(s []byte, p string) bool { return len(s) >= len(p) && string(s[:len(p)]) == p }

// iosLicenseName recognises a licence that IOS-XE names in lower case
// ("network-advantage", "dna-essentials") where a licence output names
// one: a usage block "network-advantage (C9300-48 Network Advantage):", a
// summary row "network-advantage  (C9300-48 Network Advan...)  1 IN USE",
// "License: network-advantage", "Feature Name: dna-advantage" [V:
// genieparser C9407R show license tech support]. NX-OS names its packages
// in upper case, "(LAN_ENTERPRISE_SERVICES_PKG):", "NXOS_ADVANTAGE_XF" [V:
// ntc-templates NX-OS show license usage].
func iosLicenseName(s []byte) bool {
	for _, label := range [...]string{"License: ", "Feature Name: "} {
		if rest, ok := bytes.CutPrefix(s, []byte(label)); ok {
			return isLowerLicence(bytes.TrimSpace(rest))
		}
	}
	name, rest, ok := bytes.Cut(s, []byte(" "))
	return ok && isLowerLicence(name) && bytes.HasPrefix(bytes.TrimLeft(rest, " \t"), []byte("("))
}

// isLowerLicence: a lower-case licence name, letters, digits and hyphens
// with at least one hyphen, starting with a letter.
func isLowerLicence(s []byte) bool {
	return len(s) >= 5 && s[0] >= 'a' && s[0] <= 'z' && bytes.IndexByte(s, '-') > 0 &&
		runOf(string(s), 1, len(s), func(c byte) bool { return c >= 'a' && c <= 'z' || isDigit(c) || c == '-' })
}

// iosOrXE reads "Cisco IOS Software, ... Version 15.2(4)M7": IOS-XE when
// the line says IOS-XE, IOSXE (CAT9K_IOSXE) or a release from 16 on.
func iosOrXE(s []byte) string {
	if bytes.Contains(s, []byte("IOS-XE")) || bytes.Contains(s, []byte("IOSXE")) || bytes.Contains(s, []byte("IOS XE")) {
		return SoftwareIOSXE
	}
	if m := releaseRE.FindSubmatch(s); m != nil && major(string(m[1])) >= 16 {
		return SoftwareIOSXE
	}
	return SoftwareIOS
}

// iosConfigVersion reads the release line of an IOS or IOS-XE config,
// "version 15.2" (IOS) or "version 17.3" (IOS-XE from 16): two numbers,
// no parentheses (NX-OS writes "version 9.3(10) Bios:...").
func iosConfigVersion(s []byte) string {
	rest, ok := bytes.CutPrefix(s, []byte("version "))
	if !ok {
		return ""
	}
	a, b, ok := bytes.Cut(rest, []byte("."))
	if !ok || !isNumber(string(a), 1, 2) || !isNumber(string(b), 1, 2) {
		return ""
	}
	if major(string(a)) >= 16 {
		return SoftwareIOSXE
	}
	return SoftwareIOS
}

// major is the first number of a release, 0 when there is none.
func major(release string) int {
	i := 0
	for i < len(release) && isDigit(release[i]) {
		i++
	}
	n, _ := strconv.Atoi(release[:i])
	return n
}

// isACIChassis recognises the hardware line of a Nexus 9000 in ACI mode,
// "cisco N9K-C9396PX ("supervisor")": the model's part number and no
// "Chassis", which standalone NX-OS always prints [V: ntc-templates ACI
// sample; domain §6b].
func isACIChassis(s []byte) bool {
	rest, ok := bytes.CutPrefix(s, []byte("cisco N9K-"))
	return ok && len(rest) > 0 && !bytes.Contains(bytes.ToLower(rest), []byte("chassis"))
}

// isACIRelease recognises a release line of ACI mode: a kickstart, system
// or NXOS version from 11 to 16 (ACI's 11.x to 16.x; standalone NX-OS
// went from 10.x on its own numbering [domain §6b]), or an aci-n9000
// image.
func isACIRelease(s []byte) bool {
	if bytes.Contains(s, []byte("image file is:")) {
		return bytes.Contains(s, []byte("aci-n9000"))
	}
	label, rest, ok := bytes.Cut(s, []byte(":"))
	if !ok {
		return false
	}
	switch string(label) {
	case "kickstart", "system", "NXOS":
	default:
		return false
	}
	rest, ok = bytes.CutPrefix(bytes.TrimLeft(rest, " "), []byte("version "))
	m := major(strings.TrimSpace(string(rest)))
	return ok && m >= 11 && m <= 16
}

// releaseRE finds a release after "Version": "Version 17.03.04",
// "Version 9.8(2)", "Version 15.2(4)M7,".
var releaseRE = regexp.MustCompile(`(?i)\bversion\s+(\d+[.\d]*(?:\([^)\s]*\)[\w.]*)?)`)

// signRelease reads the release a sign line names, "" when it names none:
// "Cisco IOS XE Software, Version 17.03.04", "version 15.2", "ASA Version
// 9.8(2)", "!! IOS XR Configuration 7.3.2".
func signRelease(text string) string {
	if rest, ok := strings.CutPrefix(strings.TrimSpace(text), "!! IOS XR Configuration "); ok {
		return strings.Fields(rest + " ")[0]
	}
	if m := releaseRE.FindStringSubmatch(text); m != nil {
		return strings.TrimRight(m[1], ".,")
	}
	return ""
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

// isNXOSLine recognises a line only NX-OS prints (domain §1, §6, §6b, §7):
// the show version banner and release lines, `show hosts` lines, the
// route table title, a Unix-style ping, the config header and its
// NX-OS-only words (callhome, vrf context, vrf member, use-vrf, a CIDR
// static route, mgmt0) and the package blocks of `show license usage`. It decides `software` when no
// other software shows.
func isNXOSLine(t []byte) bool {
	s := bytes.TrimSpace(t)
	if len(s) == 0 || !nxosStart[s[0]] {
		return false
	}
	// Look without a copy: nothing below keeps v.
	v := unsafe.String(unsafe.SliceData(s), len(s))
	if _, ok := versionLine(v); ok {
		return true
	}
	if _, ok := hostsLine(v); ok {
		return true
	}
	col0 := t[0] != ' ' && t[0] != '\t'
	switch {
	case strings.HasPrefix(v, `IP Route Table for VRF "`), strings.HasPrefix(v, "!Command: "),
		strings.HasPrefix(v, "!Time: "), strings.HasPrefix(v, "!Running configuration last done at:"),
		strings.HasPrefix(v, "!RANCID-CONTENT-TYPE: cisco-nx"),
		strings.HasPrefix(v, "vrf member "), strings.Contains(v, " use-vrf "):
		return true
	case strings.HasPrefix(v, "PING "):
		f := strings.Fields(v)
		return len(f) >= 3 && strings.HasPrefix(f[2], "(")
	case strings.HasPrefix(v, `NAME: "Chassis"`):
		return strings.Contains(v, "Nexus") || strings.Contains(v, "MDS")
	case v[0] == '(' && strings.HasSuffix(v, "):"):
		return isPackageName(v[1 : len(v)-2])
	case isNXOSPackage(firstField(v)):
		// A row of a licence table: "LAN_ENTERPRISE_SERVICES_PKG  (LAN
		// license for Nexus 9300-XF)  1 IN USE".
		return true
	case col0:
		return v == "callhome" || v == "interface mgmt0" || strings.HasPrefix(v, "vrf context ") ||
			strings.HasPrefix(v, "switchname ") || strings.HasPrefix(v, "feature ") ||
			isNXOSConfigVersion(v) || isCIDRRoute(v) || isLicenseUsageHeader(v)
	}
	return false
}

// nxosStart holds the first bytes of the lines isNXOSLine recognises.
var nxosStart = func() (t [256]bool) {
	for _, c := range "kscdvifnt!(" {
		t[c] = true
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true // show version, show hosts and route lines; package names
	}
	return t
}()

// isPackageName recognises an NX-OS licence package, "LAN_ENTERPRISE_SERVICES_PKG",
// "NXOS_ADVANTAGE_XF": upper case, digits and underscores, with one.
func isPackageName(s string) bool {
	return len(s) > 3 && strings.Contains(s, "_") && runOf(s, 1, len(s), func(c byte) bool {
		return c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '-'
	})
}

// isNXOSPackage recognises the name of an NX-OS licence package in a
// table row: "LAN_ENTERPRISE_SERVICES_PKG", "NXOS_ADVANTAGE_XF"; IOS-XE
// names its licences in lower case ("network-advantage").
func isNXOSPackage(f string) bool {
	return isPackageName(f) && (strings.HasSuffix(f, "_PKG") || strings.HasPrefix(f, "NXOS_"))
}

// firstField is s up to its first blank.
func firstField(s string) string {
	f, _, _ := strings.Cut(s, " ")
	return f
}

// isCIDRRoute recognises an NX-OS static route, "ip route 0.0.0.0/0
// 10.0.0.1": IOS writes the mask apart ("ip route 0.0.0.0 0.0.0.0 ...").
func isCIDRRoute(s string) bool {
	rest, ok := strings.CutPrefix(s, "ip route ")
	if !ok {
		return false
	}
	prefix, _, _ := strings.Cut(rest, " ")
	return strings.Contains(prefix, "/")
}

// namesNXOS recognises, among the lines isNXOSLine accepts, those that
// name NX-OS or its release as a line naming other software does (trust
// exact): the `show version` banner, its NXOS, kickstart and system
// release lines and its chassis line (domain §1, §6b), the release line
// of an NX-OS config header ("version 9.3(10) Bios:version 07.69") and a
// RANCID cisco-nx header. ACI mode prints the banner too; its chassis or
// release line is an exact sign of its own, which decide prefers.
func namesNXOS(t []byte) bool {
	s := string(bytes.TrimSpace(t))
	if h, ok := versionLine(s); ok {
		switch h.key {
		case "banner", "NXOS", "kickstart", "system":
			return true
		case "chassis":
			return !isACIChassis([]byte(s))
		}
		return false
	}
	if rest, ok := strings.CutPrefix(s, "version "); ok && isNXOSConfigVersion(s) {
		return strings.Contains(rest, " Bios:")
	}
	return strings.HasPrefix(s, "!RANCID-CONTENT-TYPE: cisco-nx")
}

// decide names the software of one device from its signs, in a fixed
// order of trust: a line naming the software (the most specific if they
// differ: IOS-XE's show version also has a "Cisco IOS Software" line);
// else NX-OS when a line names it (named: namesNXOS), and then output of
// the IOS family that NX-OS never prints is another device's (mixed),
// what NX-OS may show alike its own; else output of the IOS family, named
// by an ASA prompt if there is one, IOS-XE otherwise; else a line only
// NX-OS prints; else what IOS-XE shows and NX-OS may show alike (named as
// family output is); else a prompt's shape or name; else unknown. foreign lists
// every sign of another software, first line first, when the software is
// not NX-OS.
func decide(signs []sign, nxos, named Ref) (software string, ref Ref, foreign, mixed []Ref) {
	best := -1
	for i, sg := range signs {
		if best < 0 || betterSign(sg, signs[best]) {
			best = i
		}
	}
	switch {
	case !named.IsZero() && best >= 0 && (signs[best].trust == trustFamily || signs[best].trust == trustAlike):
		for _, sg := range signs {
			if sg.trust == trustFamily {
				mixed = append(mixed, sg.ref)
			}
		}
		slices.SortStableFunc(mixed, func(a, b Ref) int { return a.Line - b.Line })
		return SoftwareNXOS, named, nil, mixed
	case best >= 0 && signs[best].trust >= trustFamily,
		nxos.IsZero() && best >= 0 && signs[best].trust == trustAlike:
		software, ref = signs[best].software, signs[best].ref
		if signs[best].trust < trustExact {
			// IOS-XE and ASA print these alike: an ASA prompt names it.
			for _, sg := range signs {
				if sg.trust == trustPrompt && sg.software == SoftwareASA {
					software, ref = sg.software, sg.ref
					break
				}
			}
		}
	case !nxos.IsZero():
		return SoftwareNXOS, nxos, nil, nil
	case best >= 0 && signs[best].trust == trustPrompt:
		software, ref = signs[best].software, signs[best].ref
	default:
		// No sign, or weak ones alone: blocks NX-OS may print too.
		return SoftwareUnknown, Ref{}, nil, nil
	}
	for _, sg := range signs {
		foreign = append(foreign, sg.ref)
	}
	slices.SortStableFunc(foreign, func(a, b Ref) int { return a.Line - b.Line })
	return software, ref, foreign, nil
}

// betterSign says whether a decides over b: more trust, then a specific
// software over plain IOS, then the earlier line.
func betterSign(a, b sign) bool {
	if a.trust != b.trust {
		return a.trust > b.trust
	}
	if a.trust == trustExact && (a.software == SoftwareIOS) != (b.software == SoftwareIOS) {
		return b.software == SoftwareIOS
	}
	return false
}

// SoftwareName spells a Software* value for people: "IOS-XE", "NX-OS in
// ACI mode".
func SoftwareName(software string) string {
	switch software {
	case SoftwareNXOS:
		return "NX-OS"
	case SoftwareACI:
		return "NX-OS in ACI mode"
	case SoftwareIOS:
		return "IOS"
	case SoftwareIOSXE:
		return "IOS-XE"
	case SoftwareIOSXR:
		return "IOS-XR"
	case SoftwareASA:
		return "ASA"
	}
	return "unknown software"
}
