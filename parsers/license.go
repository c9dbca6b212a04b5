package parsers

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/slcheck/slcheck/capture"
)

// License holds `show license status` / `show license summary` /
// `show license all`, classic or SLP layout.
type License struct {
	// Enabled is read from the "Smart Licensing is ..." line; unsaid when
	// the output has none.
	Enabled capture.Fact[bool]
	// SLP is set when the output is Smart Licensing Using Policy's: its
	// "Smart Licensing Using Policy:", "Usage Reporting:" or "Trust Code
	// Installed:" blocks, or "Status: Not Applicable" under "License
	// Authorization:" (`show license usage` and `show license all`; a
	// classic device prints an authorization state there [V, domain §6]).
	// Its Ref is the first line that showed it.
	SLP capture.Fact[bool]

	Registration  RegistrationState
	Authorization AuthorizationState
	Evaluation    *Evaluation

	// SLP fields.
	Transport SLPTransport
	// TrustCodeInstalled is unsaid when no "Trust Code Installed" line
	// could be read.
	TrustCodeInstalled capture.Fact[bool]
	Usage              UsageReporting
	// InUse are the lines of the licences shown IN USE: `Status: IN USE`
	// in a `(PACKAGE_NAME):` block of `show license usage` [V: NX-OS 10.x
	// output], or a row of the `License Usage:` table of `show license
	// summary` ending in IN USE. UsageListed is the first line of a
	// licence listing (the output of `show license usage`, a package
	// block, the table): with it, no InUse line means no licence in use.
	InUse       []capture.Ref
	UsageListed capture.Ref

	// Unknown lines with a "Status:"-like shape that were not understood,
	// kept so the report can show them rather than drop them.
	Unrecognised []capture.Ref
}

// StatusWords is the device's own status as it prints it, registration
// then authorization: "REGISTERED / AUTHORIZED", or "no status printed".
func (l *License) StatusWords() string {
	var parts []string
	for _, p := range []string{l.Registration.Status.Value, l.Authorization.Status.Value} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "no status printed"
	}
	return strings.Join(parts, " / ")
}

// Attempt is a line such as "Last Communication Attempt: FAILED on <date>",
// with the indented "Failure reason:" that may follow.
type Attempt struct {
	Result string // SUCCEEDED, FAILED, PENDING, None, ...
	Time   time.Time
	Reason capture.Fact[string]
	Ref    capture.Ref
}

// Timed is a labelled date such as "Registration Expires: <date>".
type Timed struct {
	Time time.Time
	Ref  capture.Ref
}

// RegistrationState is the "Registration:" block.
type RegistrationState struct {
	// Status is REGISTERED, UNREGISTERED, "UNREGISTERED - REGISTRATION
	// FAILED", ...; StatusTime the date on its line.
	Status         capture.Fact[string]
	StatusTime     time.Time
	SmartAccount   string
	VirtualAccount string
	Initial        *Attempt
	LastRenewal    *Attempt
	NextRenewal    *Timed
	Expires        *Timed
}

// AuthorizationState is the "License Authorization:" block.
type AuthorizationState struct {
	// Status is AUTHORIZED, "OUT OF COMPLIANCE", "AUTHORIZATION EXPIRED",
	// EVAL MODE, ...; StatusTime the date on its line.
	Status            capture.Fact[string]
	StatusTime        time.Time
	LastCommunication *Attempt
	NextCommunication *Timed
	Deadline          *Timed
}

// Evaluation is "Evaluation Period Remaining: 46 days, 7 hours, ...".
type Evaluation struct {
	Remaining time.Duration
	Expired   bool
	Ref       capture.Ref
}

// SLPTransport is the "Transport:" block of the SLP layout. The NX-OS
// spelling of its labels is unconfirmed (domain file, section 6): each
// field takes every label the Smart Agent is known to print on IOS-XE
// (the fixture show_license_tech_support/IOSXE-contrast__...: `Type:`,
// `URL:`, `Proxy:` with `Address:`/`Port:`) and the likely variants.
type SLPTransport struct {
	Type string // Smart, cslu, Callhome, Off, "Transport Off" ...
	// URL is the smart transport URL (`URL:`, `Smart URL:`); CSLU the
	// CSLU or on-prem address (`Cslu address:`, `CSLU URL:`).
	URL  capture.Fact[string]
	CSLU capture.Fact[string]
	// Proxy is "host", "host:port" or a URL; "" when none. A port on a
	// line of its own is added to the value; the Ref stays the host's.
	Proxy capture.Fact[string]
	VRF   capture.Fact[string]
	Ref   capture.Ref // the "Type:" line, else the block header
}

// UsageReporting is the "Usage Reporting:" block of the SLP layout.
type UsageReporting struct {
	LastACK      *Timed // nil when "<none>"
	LastACKNone  bool   // "Last ACK received: <none>"
	NextDeadline *Timed
	NextPush     *Timed
	Ref          capture.Ref
}

// Known values of the classic Smart Agent's status lines; any other value
// is kept as written and its line added to License.Unrecognised.
var (
	registrationStates = map[string]bool{
		"REGISTERED": true, "UNREGISTERED": true, "UNREGISTERED - REGISTRATION FAILED": true,
		"REGISTRATION FAILED": true, "REGISTERING": true, "REGISTRATION PENDING": true,
		"EVAL MODE": true, "EVAL EXPIRED": true, "UNIDENTIFIED": true,
	}
	authorizationStates = map[string]bool{
		"AUTHORIZED": true, "OUT OF COMPLIANCE": true, "AUTHORIZATION EXPIRED": true,
		"EVAL MODE": true, "EVAL EXPIRED": true, "NO LICENSES IN USE": true,
		"NOT AUTHORIZED": true, "AUTHORIZATION PENDING": true,
	}
)

var (
	licEnabledRE = regexp.MustCompile(`(?i)^\s*smart\s+licensing\s+is\s+(\S+)`)
	onDateRE     = regexp.MustCompile(`(?i)^(.*?)\s+on\s+(.+)$`)
	durationRE   = regexp.MustCompile(`(?i)(\d+)\s*(day|hour|hr|minute|min|second|sec)`)
)

// licBlocks are the top-level block headers of the license outputs.
var licBlocks = map[string]string{
	"registration":                 "registration",
	"license authorization":        "authorization",
	"transport":                    "transport",
	"usage reporting":              "usage",
	"smart licensing using policy": "slp",
	"trust code installed":         "trust",
}

// ParseLicense reads `show license status`, `show license summary` and
// `show license all` (and the status part of `show license tech support`),
// in the classic Smart Agent layout or the Using Policy layout. Keywords
// match case-insensitively at any indentation. It returns nil when the text
// holds nothing it knows.
func ParseLicense(sec *capture.Section) *License {
	p := licenseParser{lic: &License{}, sec: sec}
	for _, l := range sec.Lines {
		p.line(l)
	}
	lic := p.lic
	if f := strings.Fields(strings.ToLower(sec.Command)); len(f) >= 3 && f[2] == "usage" && lic.UsageListed.IsZero() && len(sec.Lines) > 0 {
		lic.UsageListed = sec.Ref(sec.Lines[0])
	}
	unsaid := !lic.Enabled.Said() && !lic.Registration.Status.Said() && !lic.Authorization.Status.Said()
	if !p.usageTable.IsZero() && !lic.SLP.Value && unsaid {
		// A `License Usage:` table alone is Smart Licensing Using
		// Policy's `show license summary` on NX-OS; the classic one
		// prints the state above it [V: Nexus 3550-T SLP guide, domain §6].
		lic.SLP = capture.Fact[bool]{Value: true, Ref: p.usageTable}
	}
	if unsaid && !lic.SLP.Value && lic.Transport.Type == "" && lic.Evaluation == nil && len(lic.Unrecognised) == 0 {
		return nil
	}
	return lic
}

type licenseParser struct {
	lic   *License
	sec   *capture.Section
	block string // a licBlocks value, "other" or ""
	sub   string // sub-header inside the block, lower case ("proxy")
	// subIndent is the indentation of the sub-header; a line indented no
	// deeper ends the sub-block.
	subIndent int
	last      *Attempt
	// usageTable is the "License Usage:" line of a summary, if any.
	usageTable capture.Ref
}

func (p *licenseParser) line(l capture.Line) {
	t := strings.TrimSpace(l.Text)
	if t == "" {
		return
	}
	ref := p.sec.Ref(l)
	if strings.Trim(t, "=-") == "" {
		p.block, p.sub, p.last = "other", "", nil // a title underline: a new part begins
		return
	}
	// (?i) takes ſ (U+017F) for s: a line starting with another byte
	// than s, S or one of a multi-byte character is not "Smart
	// Licensing is".
	if c := t[0]; c|0x20 == 's' || c >= utf8.RuneSelf {
		if m := licEnabledRE.FindStringSubmatch(t); m != nil {
			p.enabled(m[1], ref)
			return
		}
	}
	indent := len(l.Text) - len(strings.TrimLeft(l.Text, " \t"))
	if p.sub != "" && indent <= p.subIndent {
		p.sub = ""
	}
	if p.usageRow(t, ref) {
		return
	}
	if name, ok := licHeader(t); ok {
		p.header(strings.ToLower(strings.Join(strings.Fields(name), " ")), indent, ref)
		return
	}
	name, val, ok := licKeyValue(t)
	if !ok {
		p.plain(t, ref)
		return
	}
	key := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if read := anyBlockKeys[key]; read != nil && read(p, val, ref, indent > 0) {
		return
	}
	p.blockKey(key, val, t, ref)
}

// licHeader reads a "Name:" line, t trimmed (strings.TrimSpace): the name,
// without the spaces before the colon, when the line holds nothing after
// its one colon.
func licHeader(t string) (string, bool) {
	name, ok := strings.CutSuffix(t, ":")
	if !ok || name == "" || strings.Contains(name, ":") {
		return "", false
	}
	return strings.TrimRight(name, reSpace), true
}

// licKeyValue splits a "Key: value" line, t trimmed, at its first colon:
// the key and the value without the spaces around them. The key must not
// be empty; the value, empty or not, must be one line.
func licKeyValue(t string) (key, val string, ok bool) {
	key, val, found := strings.Cut(t, ":")
	if !found || key == "" {
		return "", "", false
	}
	val = strings.Trim(val, reSpace)
	if strings.Contains(val, "\n") {
		return "", "", false
	}
	return strings.TrimRight(key, reSpace), val, true
}

// enabled reads "Smart Licensing is ENABLED" (v is the word after "is").
func (p *licenseParser) enabled(v string, ref capture.Ref) {
	switch v = strings.ToUpper(strings.TrimRight(v, ".")); v {
	case "ENABLED", "DISABLED":
		p.lic.Enabled = capture.Fact[bool]{Value: v == "ENABLED", Ref: ref}
	default:
		p.lic.Unrecognised = append(p.lic.Unrecognised, ref)
	}
	p.block, p.sub = "", ""
}

// header reads a "Name:" line (name in lower case, single-spaced): it
// opens a block, a licence's block, or a sub-block of the current block.
func (p *licenseParser) header(name string, indent int, ref capture.Ref) {
	indented := indent > 0
	if strings.HasPrefix(name, "(") && strings.HasSuffix(name, ")") && !indented {
		// "(LAN_ENTERPRISE_SERVICES_PKG):" opens a licence's block.
		p.block, p.sub, p.last = "package", "", nil
		if p.lic.UsageListed.IsZero() {
			p.lic.UsageListed = ref
		}
		return
	}
	if b, ok := licBlocks[name]; ok && (!indented || p.block != "other") {
		p.enter(b, ref)
		return
	}
	if name == "license usage" && !indented && p.usageTable.IsZero() {
		p.usageTable = ref
		if p.lic.UsageListed.IsZero() {
			p.lic.UsageListed = ref
		}
	}
	if indented && p.block != "" {
		p.sub, p.subIndent = name, indent
	} else {
		p.block, p.sub, p.last = "other", "", nil
	}
}

// anyBlockKeys read the "Key: value" lines (key in lower case) that mean
// the same in any block; read reports false when it leaves the line to
// the block it sits in.
var anyBlockKeys = map[string]func(p *licenseParser, val string, ref capture.Ref, indented bool) bool{
	"evaluation period remaining": func(p *licenseParser, val string, ref capture.Ref, _ bool) bool {
		p.lic.Evaluation = &Evaluation{Remaining: parseRemaining(val), Ref: ref}
		return true
	},
	"failure reason": func(p *licenseParser, val string, ref capture.Ref, _ bool) bool {
		if p.last == nil {
			return false
		}
		p.last.Reason = capture.Fact[string]{Value: val, Ref: ref}
		return true
	},
	"trust code installed": func(p *licenseParser, val string, ref capture.Ref, _ bool) bool {
		p.enter("trust", ref)
		p.trust(val, ref)
		return true
	},
	"transport": func(p *licenseParser, val string, ref capture.Ref, indented bool) bool {
		if indented || !p.lic.Transport.Ref.IsZero() {
			return false
		}
		// "Transport: Smart": the block with its type on its own line,
		// as the Smart Agent prints it in its "Other Info" (IOS-XE
		// fixture; NX-OS spellings are unconfirmed, domain §6). A later
		// one (that Other Info after the status) adds nothing.
		p.enter("transport", ref)
		p.transport("type", val, ref)
		return true
	},
}

// blockKey reads a "Key: value" line (t whole) by the block it sits in.
func (p *licenseParser) blockKey(key, val, t string, ref capture.Ref) {
	switch p.block {
	case "registration":
		p.registration(key, val, ref)
	case "authorization":
		p.authorization(key, val, ref)
	case "transport":
		p.transport(key, val, ref)
	case "usage":
		p.usage(key, val, ref)
	case "trust":
		p.trust(t, ref)
	case "package":
		if key == "status" && normState(val) == "IN USE" {
			p.lic.InUse = append(p.lic.InUse, ref)
		}
	case "":
		if key == "status" {
			p.lic.Unrecognised = append(p.lic.Unrecognised, ref)
		}
	}
}

// usageRow records a row of the `License Usage:` table of an SLP `show
// license summary` ("<name>  (<tag>)  1 IN USE"), which has no colon, and
// reports whether t was one.
func (p *licenseParser) usageRow(t string, ref capture.Ref) bool {
	if p.usageTable.IsZero() || strings.Contains(t, ":") {
		return false
	}
	up := strings.ToUpper(t)
	if !strings.HasSuffix(up, " IN USE") || strings.HasSuffix(up, "NOT IN USE") {
		return false
	}
	p.lic.InUse = append(p.lic.InUse, ref)
	return true
}

// plain handles a line that is neither a header nor "key: value", e.g.
// "INSTALLED on <date>" under "Trust Code Installed:".
func (p *licenseParser) plain(t string, ref capture.Ref) {
	switch {
	case p.block == "trust":
		p.trust(t, ref)
	case p.block == "transport" && p.sub == "vrf" && !isNoneValue(t):
		// The value under its label: "VRF:" then "    management".
		p.lic.Transport.VRF = capture.Fact[string]{Value: t, Ref: ref}
	case p.block == "transport" && p.sub == "proxy" && !isNoneValue(t) && p.lic.Transport.Proxy.Value == "":
		// "Proxy:" then "    proxy.example.com" (or "Not Configured").
		p.lic.Transport.Proxy = capture.Fact[string]{Value: t, Ref: ref}
	}
}

func (p *licenseParser) enter(block string, ref capture.Ref) {
	p.block, p.sub, p.last = block, "", nil
	lic := p.lic
	switch block {
	case "slp", "usage":
		p.slp(ref)
		if block == "usage" && lic.Usage.Ref.IsZero() {
			lic.Usage.Ref = ref
		}
	case "transport":
		if lic.Transport.Ref.IsZero() {
			lic.Transport.Ref = ref
		}
	case "trust":
		p.slp(ref)
	}
}

// slp records that the output is in the Using Policy layout.
func (p *licenseParser) slp(ref capture.Ref) {
	if !p.lic.SLP.Value {
		p.lic.SLP = capture.Fact[bool]{Value: true, Ref: ref}
	}
}

// state splits "AUTHORIZED on Jun 22 16:15:44 2022 UTC" into the
// upper-case state and its date.
func state(val string) (string, time.Time) {
	if m := onDateRE.FindStringSubmatch(val); m != nil {
		if t, _, ok := ParseDate(m[2]); ok {
			return normState(m[1]), t
		}
	}
	return normState(val), time.Time{}
}

func normState(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), " "))
}

func attempt(val string, ref capture.Ref) *Attempt {
	st, t := state(val)
	return &Attempt{Result: st, Time: t, Ref: ref}
}

// timed reads a labelled date; nil for "None", "<none>" and the like.
func timed(val string, ref capture.Ref) *Timed {
	t, _, ok := ParseDate(val)
	if !ok {
		return nil
	}
	return &Timed{Time: t, Ref: ref}
}

func (p *licenseParser) registration(key, val string, ref capture.Ref) {
	r := &p.lic.Registration
	switch key {
	case "status":
		r.Status.Value, r.StatusTime = p.status(val, ref, registrationStates)
		r.Status.Ref = ref
	case "smart account":
		r.SmartAccount = val
	case "virtual account":
		r.VirtualAccount = val
	case "initial registration":
		r.Initial = attempt(val, ref)
		p.last = r.Initial
	case "last renewal attempt":
		r.LastRenewal = attempt(val, ref)
		p.last = r.LastRenewal
	case "next renewal attempt":
		r.NextRenewal = timed(val, ref)
	case "registration expires":
		r.Expires = timed(val, ref)
	}
}

func (p *licenseParser) authorization(key, val string, ref capture.Ref) {
	a := &p.lic.Authorization
	switch key {
	case "status":
		if normState(val) == "NOT APPLICABLE" {
			p.slp(ref)
			return
		}
		a.Status.Value, a.StatusTime = p.status(val, ref, authorizationStates)
		a.Status.Ref = ref
	case "last communication attempt":
		a.LastCommunication = attempt(val, ref)
		p.last = a.LastCommunication
	case "next communication attempt":
		a.NextCommunication = timed(val, ref)
	case "communication deadline":
		a.Deadline = timed(val, ref)
	}
}

// status reads a registration or authorization status, noting one that
// is not among the known states and an expired evaluation.
func (p *licenseParser) status(val string, ref capture.Ref, known map[string]bool) (string, time.Time) {
	st, t := state(val)
	if !known[st] {
		p.lic.Unrecognised = append(p.lic.Unrecognised, ref)
	}
	if st == "EVAL EXPIRED" {
		p.evalExpired(ref)
	}
	return st, t
}

func (p *licenseParser) evalExpired(ref capture.Ref) {
	if p.lic.Evaluation == nil {
		p.lic.Evaluation = &Evaluation{Ref: ref}
	}
	p.lic.Evaluation.Expired = true
}

func (p *licenseParser) transport(key, val string, ref capture.Ref) {
	tr := &p.lic.Transport
	if p.sub == "proxy" {
		switch key {
		case "http", "https":
			// A URL on the line under "Proxy:", split at its colon.
			if tr.Proxy.Value == "" {
				tr.Proxy = capture.Fact[string]{Value: strings.TrimSpace(ref.Text), Ref: ref}
			}
		case "address", "host", "server", "url":
			if !isNoneValue(val) {
				tr.Proxy = capture.Fact[string]{Value: val, Ref: ref}
			}
		case "port":
			if tr.Proxy.Value != "" && !isNoneValue(val) {
				tr.Proxy.Value += ":" + val
			}
		}
		return
	}
	// "<empty>", "<none>" and the like leave a field empty.
	if isNoneValue(val) {
		if key == "type" {
			tr.Ref = ref
		}
		return
	}
	switch key {
	case "type":
		tr.Type, tr.Ref = val, ref
	case "url", "smart url", "smart transport url":
		tr.URL = capture.Fact[string]{Value: val, Ref: ref}
	case "cslu address", "cslu url", "cslu":
		tr.CSLU = capture.Fact[string]{Value: val, Ref: ref}
	case "proxy":
		tr.Proxy = capture.Fact[string]{Value: val, Ref: ref}
	case "vrf":
		tr.VRF = capture.Fact[string]{Value: val, Ref: ref}
	}
}

func (p *licenseParser) usage(key, val string, ref capture.Ref) {
	u := &p.lic.Usage
	switch key {
	case "last ack received":
		u.LastACK = timed(val, ref)
		u.LastACKNone = u.LastACK == nil && isNoneValue(val)
	case "next ack deadline":
		u.NextDeadline = timed(val, ref)
	case "next report push":
		u.NextPush = timed(val, ref)
	}
}

// trust reads what follows "Trust Code Installed": "<none>", a date,
// "INSTALLED on <date>", "NOT INSTALLED", "True"/"False".
func (p *licenseParser) trust(val string, ref capture.Ref) {
	v := strings.ToUpper(strings.TrimSpace(val))
	var installed bool
	switch {
	case v == "":
		return
	case isNoneValue(v), strings.Contains(v, "NOT INSTALLED"), v == "FALSE", v == "NO":
		installed = false
	case strings.Contains(v, "INSTALLED"), v == "TRUE", v == "YES":
		installed = true
	default:
		if _, _, ok := ParseDate(val); !ok {
			return
		}
		installed = true
	}
	// On HA systems each member has a line: installed only if all are.
	if tc := p.lic.TrustCodeInstalled; tc.Said() && !tc.Value {
		installed = false
	}
	p.lic.TrustCodeInstalled = capture.Fact[bool]{Value: installed, Ref: ref}
}

func isNoneValue(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "<none>", "none", "<empty>", "not configured", "not supported", "n/a":
		return true
	}
	return false
}

// parseRemaining reads "46 days, 7 hours, 17 minutes, 24 seconds" (or the
// short "89 days, 23 hr, 59 min").
func parseRemaining(s string) time.Duration {
	var d time.Duration
	unit := map[string]time.Duration{"day": 24 * time.Hour, "hour": time.Hour, "hr": time.Hour,
		"minute": time.Minute, "min": time.Minute, "second": time.Second, "sec": time.Second}
	for _, m := range durationRE.FindAllStringSubmatch(s, -1) {
		n, err := strconv.Atoi(m[1])
		if err != nil || n > 1e6 {
			continue
		}
		d += time.Duration(n) * unit[strings.ToLower(m[2])]
	}
	return d
}
