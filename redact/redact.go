// Package redact is slcheck's one output layer. Every byte slcheck prints
// or writes passes through it, whatever the writer: the reports in every
// format (text, JSON, Markdown, and any format added later), the one-line
// errors and the progress line on stderr, the --debug session log and the
// captures --save writes. Every byte slcheck did not write itself (a
// capture, a file name, what a switch sends) is taken as hostile, and each
// line gets two treatments:
//
//   - Redaction: secrets found in captured device text (password hashes,
//     keys, SNMP communities, ID tokens, private keys, passwords in URLs)
//     and, unless the user asks for them, contact details are replaced by a
//     marker, keeping the rest of the line so evidence stays readable. The
//     rules are one table (rules), each with the NX-OS configuration guide
//     that defines its keyword.
//   - Escaping: control characters, bidi controls and bytes that are not
//     UTF-8 become visible escapes such as \x1b, \x9b and \u202e (Escape),
//     so nothing reaches a terminal, an editor or a browser raw.
//
// The layer has three doors, used together:
//
//   - Writer wraps an output stream (stdout, stderr, a --debug log, a saved
//     capture): whatever a caller writes through it is redacted and
//     escaped, so no writer can bypass the layer.
//   - Value redacts and escapes, in place, every string of a document
//     before it is rendered. A renderer then builds its syntax (JSON
//     quoting, Markdown code spans and fences, colours) around text that is
//     already safe; a new renderer gets that without doing anything. What
//     is specific to one syntax stays with its renderer: report's Markdown
//     puts captured text only in code spans and fences longer than any
//     backtick run inside them, and escapes the rest.
//   - Text and Stream treat text held in memory, such as a collected
//     session before it is diagnosed and saved.
//
// The layer is idempotent: passing its output through it again changes
// nothing, so the doors may be stacked (a document's fields, then the
// writer it is printed through).
package redact

import (
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Marker replaces a secret; ContactMarker replaces a contact detail.
const (
	Marker        = "<redacted>"
	ContactMarker = "<redacted contact>"
)

// markerStem is what both markers start with: a value holding it has been
// redacted already.
const markerStem = "<redacted"

// Policy says what to redact. The zero value redacts secrets and contacts.
type Policy struct {
	// ShowContacts keeps Call Home and SNMP contact details (e-mail,
	// phone, street address, customer/site/contract IDs) in the output.
	ShowContacts bool
}

// rule finds secrets on one line: every submatch of re is a secret.
type rule struct {
	re *regexp.Regexp
	// hint is a lower-case literal every match on an ASCII line contains,
	// in some case: such lines without it skip the regexp, which keeps a
	// 500 000-line capture cheap to redact.
	hint string
	// contact marks personal data shown with --show-contacts.
	contact bool
	// keep lists values that are keywords, not secrets.
	keep map[string]bool
	hi   int // the hint's number among the distinct hints (see init)
}

func r(hint, pattern string, keep ...string) rule {
	k := map[string]bool{}
	for _, w := range keep {
		k[w] = true
	}
	return rule{hint: hint, re: regexp.MustCompile(`(?i)` + pattern), keep: k}
}

func contact(hint, pattern string) rule {
	ru := r(hint, pattern)
	ru.contact = true
	return ru
}

// value is a config argument: a quoted string or one word.
const value = `("[^"]*"|\S+)`

// cfgStart anchors a rule to a configuration line: the start of the line,
// or after "file:12: " or a JSON `"text": "` prefix. Prose that merely
// names the keyword ("add an email-contact line") is left alone.
const cfgStart = `(?:^|:\s+"?)\s*`

// typed is NX-OS's optional encryption type before a secret (0, 3, 5, 7...).
const typed = `(?:[0-9]\s+)?`

// rules in the order they apply; specific forms come before generic ones.
var rules = []rule{
	// Private key material written on one line (JSON-escaped newlines).
	r("private key", `-----BEGIN [A-Z ]*PRIVATE KEY-----\s*(\S.*?)\s*(?:-----END [A-Z ]*PRIVATE KEY-----|$)`),
	// Credentials in URLs: scheme://user:password@host.
	r("@", `\b[a-z][a-z0-9+.-]*://[^/\s:@"]+:([^@\s/"]+)@`),
	// username admin password 5 $5$...
	r("password", `\busername\s+\S+\s+password\s+`+typed+value),
	// Typed passwords anywhere (bgp neighbor "password 3 ..."), and a
	// config line that starts with "password".
	r("password", `\bpassword\s+[0-9]+\s+`+value),
	r("password", `^\s*password\s+`+typed+value),
	r("password", `\bproxy\s.*?\busername\s+\S+\s+password\s+`+typed+value),
	r("secret", `\bsecret\s+[0-9]+\s+`+value),
	r("password", `\brootDN\s.*?\bpassword\s+`+typed+value),
	// TACACS+ and RADIUS shared keys, global or per host.
	r("key", `\b(?:tacacs-server|radius-server|tacacs|radius)\b.*?\bkey\s+`+typed+value),
	// ntp authentication-key 1 md5 SECRET 7
	r("authentication-key", `\bntp\s+authentication-key\s+\d+\s+md5\s+`+value),
	// ip ospf authentication-key 3 SECRET; ip ospf message-digest-key 1 md5 3 SECRET
	r("authentication-key", `\bospf\s+authentication-key\s+`+typed+value),
	r("message-digest-key", `\bmessage-digest-key\s+\d+\s+md5\s+`+typed+value),
	// key chains and HSRP: key-string 7 SECRET; authentication text SECRET
	r("key-string", `\bkey-string\s+`+typed+value),
	r("authentication", `\bauthentication\s+text\s+`+value),
	r("pre-shared-key", `\bpre-shared-key\s+`+typed+value),
	r("ah-md5", `\bah-md5\s+`+typed+value),
	// Any other typed or quoted key: key 7 "SECRET", key 0 SECRET.
	// ("authentication-key 1 md5" is not one: the hyphen rules it out.)
	r("key", `(?:^|[^-\w])key\s+[0-9]\s+`+value),
	r("key", `(?:^|[^-\w])key\s+("[^"]*")`),
	// SNMP communities and v3 user keys.
	r("snmp-server", `\bsnmp-server\s+community\s+`+value),
	r("snmp-server", `\bsnmp-server\s+host\s+\S+\s+(?:(?:traps|informs)\s+)?version\s+(?:1|2c)\s+`+value),
	r("snmp-server", `\bsnmp-server\s+host\s+\S+\s+(?:traps|informs)\s+`+value, "version"),
	r("snmp-server", `\bsnmp-server\s+user\s+.*?\bauth\s+(?:md5|sha\S*)\s+`+value),
	r("snmp-server", `\bsnmp-server\s+user\s+.*?\bpriv\s+(?:(?:aes-128|3des|des)\s+)?`+value, "aes-128", "3des", "des"),
	// Smart Licensing ID tokens: license smart register|trust idtoken TOKEN.
	// Placeholders such as "<token>" in remedies are left as written.
	r("idtoken", `\bidtoken\s+("[^"]*"|[^\s<"]\S{7,})`),
	// Token-shaped strings anywhere: Cisco ID tokens carry an encoded
	// newline ("%0A") inside a long base64 run.
	r("%0a", `([A-Za-z0-9+/=_-]{8,}%0A[A-Za-z0-9%+/=_-]{8,})`),

	// Contact details (personal data), shown only with --show-contacts.
	contact("email-contact", cfgStart+`email-contact\s+(.+)`),
	contact("phone-contact", cfgStart+`phone-contact\s+(.+)`),
	contact("phone-contact", `\bphone-contact\s+(\+?[0-9]\S*)`),
	contact("streetaddress", cfgStart+`streetaddress\s+(.+)`),
	contact("-id", cfgStart+`(?:customer-id|site-id|contract-id)\s+(.+)`),
	contact("contact", `\bsnmp-server\s+contact\s+(.+)`),
	contact("@", `([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})`),
}

// Line redacts one line of text and escapes what a terminal would act on
// (Escape). It does not know whether the line sits inside a multi-line
// private key block; use Text or a Stream for that.
func (p Policy) Line(s string) string { return p.line(s, false) }

// line is Line; sgr keeps colour sequences (see escape).
func (p Policy) line(s string, sgr bool) string {
	if plain(s) {
		return s
	}
	return escape(p.redact(s), sgr)
}

// redact applies the rules to one line.
func (p Policy) redact(s string) string {
	// Rules share hints ("password", "key"): each is looked for once a
	// line, until a rule changes it. A line that is not ASCII goes through
	// every rule: (?i) matches the Kelvin sign as k and ſ as s, which a
	// lower-cased hint does not find.
	ascii, lower := isASCII(s), strings.ToLower(s)
	var looked, found uint64
	for _, ru := range rules {
		if ru.contact && p.ShowContacts {
			continue
		}
		bit := uint64(1) << ru.hi
		if ascii && looked&bit == 0 {
			looked |= bit
			if strings.Contains(lower, ru.hint) {
				found |= bit
			}
		}
		if ascii && found&bit == 0 {
			continue
		}
		if out := ru.apply(s); out != s {
			s, lower = out, strings.ToLower(out)
			ascii = isASCII(s)
			looked, found = 0, 0
		}
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// init numbers the distinct hints of rules (at most 63) into rule.hi,
// and finds their roots.
func init() {
	m := map[string]int{}
	hints := []string{"private key"} // beginKey's, lower-cased
	for i, ru := range rules {
		if _, ok := m[ru.hint]; !ok {
			m[ru.hint] = len(m)
			hints = append(hints, ru.hint)
		}
		rules[i].hi = m[ru.hint]
	}
	if len(m) > 63 {
		panic("redact: more than 63 distinct hints")
	}
	sort.Slice(hints, func(i, j int) bool { return len(hints[i]) < len(hints[j]) })
	for _, h := range hints {
		if !slices.ContainsFunc(roots, func(r string) bool { return strings.Contains(h, r) }) {
			roots = append(roots, h)
		}
	}
	indexRoots()
}

// roots are the fewest hints that every rule's hint, and the start of a
// private key block, contains: a line of ASCII holding none of them,
// whatever its case, is one no rule changes. Most lines of a report or a
// capture are such lines, and plain finds them in one pass over the line
// instead of a lower-cased copy and a search per hint.
var roots []string

// first and second index roots by their first and second bytes (bit k
// for roots[k], lower case); single marks the one-byte roots.
var first, second [256]uint64
var single [256]bool

func indexRoots() {
	for k, r := range roots {
		if len(r) == 1 {
			single[r[0]] = true
			continue
		}
		first[r[0]] |= 1 << k
		second[r[1]] |= 1 << k
	}
}

// plain reports whether Line leaves s as it is: s is ASCII without
// control characters and holds no root in any case. It looks at each byte
// once, comparing a root only where its first two bytes are.
func plain(s string) bool {
	var prev uint64 // roots whose first byte is s[i-1]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < 0x20 && c != '\t' || c == 0x7f {
			// strings.ToLower maps some non-ASCII letters to ASCII ones
			// (the Kelvin sign to k): the full path judges those lines,
			// and escapes them and those with control characters.
			return false
		}
		c = lowerASCII(c)
		if single[c] {
			return false
		}
		if m := prev & second[c]; m != 0 {
			for ; m != 0; m &= m - 1 {
				if hasPrefixFold(s[i-1:], roots[bits.TrailingZeros64(m)]) {
					return false
				}
			}
		}
		prev = first[c]
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFold reports whether s starts with the lower-case ASCII root r,
// in any case.
func hasPrefixFold(s, r string) bool {
	if len(s) < len(r) {
		return false
	}
	for i := 0; i < len(r); i++ {
		if lowerASCII(s[i]) != r[i] {
			return false
		}
	}
	return true
}

func (ru rule) apply(s string) string {
	locs := ru.re.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	marker := Marker
	if ru.contact {
		marker = ContactMarker
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		for g := 2; g+1 < len(loc); g += 2 {
			start, end := loc[g], loc[g+1]
			if start < 0 || start < last {
				continue
			}
			v := s[start:end]
			if strings.Contains(v, markerStem) || ru.keep[strings.ToLower(v)] || (ru.contact && (isCisco(v) || isSSHAlgorithm(v))) {
				continue
			}
			b.WriteString(s[last:start])
			if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
				b.WriteString(`"` + marker + `"`)
			} else {
				b.WriteString(marker)
			}
			last = end
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isCisco reports whether a contact is one of Cisco's own addresses (such
// as sch-smart-licensing@cisco.com in Cisco's reference configuration):
// not the customer's personal data.
func isCisco(v string) bool {
	return strings.HasSuffix(strings.ToLower(strings.Trim(v, `" `)), "@cisco.com")
}

// sshAlgorithmDomains are the domains SSH implementations name their own
// algorithms under (RFC 4251 section 6: name@domain), such as
// aes128-gcm@openssh.com or curve25519-sha256@libssh.org. slcheck prints
// such names when a switch and the workstation share no algorithm.
var sshAlgorithmDomains = []string{"openssh.com", "libssh.org", "lysator.liu.se"}

// isSSHAlgorithm reports whether an address-shaped value is an SSH
// algorithm name: at one of those domains, and named like an algorithm
// (a hyphen or a digit in it, or zlib), not like a person.
func isSSHAlgorithm(v string) bool {
	name, domain, _ := strings.Cut(strings.ToLower(v), "@")
	return slices.Contains(sshAlgorithmDomains, domain) &&
		(strings.ContainsAny(name, "-0123456789") || name == "zlib")
}

// Text redacts multi-line text, including the body of private key blocks.
func (p Policy) Text(s string) string {
	if s == "" {
		return s
	}
	return p.Stream().Text(s)
}

// Stream redacts consecutive lines, remembering whether they are inside a
// PEM private key block, whose body lines carry no keyword of their own.
type Stream struct {
	policy *Policy
	inKey  bool
	// sgr keeps the colour sequences of slcheck's own text report
	// (Writer.Color).
	sgr bool
}

// Stream starts redacting a sequence of lines.
func (p Policy) Stream() *Stream { return &Stream{policy: &p} }

var (
	beginKey = regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----`)
	endKey   = regexp.MustCompile(`-----END [A-Z ]*PRIVATE KEY-----`)
	// keyBody matches a PEM body line (base64) or a PEM header inside it.
	keyBody = regexp.MustCompile(`^\s*(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info):.*)\s*$`)
)

// Text redacts the next lines of the sequence, given as one string.
func (st *Stream) Text(s string) string {
	if !strings.Contains(s, "\n") {
		return st.Line(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = st.Line(l)
	}
	return strings.Join(lines, "\n")
}

// Line redacts and escapes the next line of the sequence.
func (st *Stream) Line(s string) string {
	if st.inKey {
		if endKey.MatchString(s) {
			st.inKey = false
			return escape(s, st.sgr)
		}
		if keyBody.MatchString(s) && !strings.Contains(s, markerStem) {
			return leadingSpace(s) + Marker
		}
		return st.policy.line(s, st.sgr)
	}
	if beginKey.MatchString(s) && !endKey.MatchString(s) {
		st.inKey = true
		return escape(s, st.sgr)
	}
	return st.policy.line(s, st.sgr)
}

func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}
