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
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Marker replaces a secret; ContactMarker replaces a contact detail.
const (
	Marker        = "<redacted>"
	ContactMarker = "<redacted contact>"
)

// redacted reports whether a value is a marker, bare or quoted, as
// Markdown escapes it (\<redacted\>) or not, and followed by nothing but
// the punctuation a report joins lines with ("; ") or the end of a
// Markdown table cell: a rule that finds it again leaves it, so redaction
// is idempotent, over a rendered report too. A value that merely holds or
// starts with a marker is redacted like any other.
func redacted(v string) bool {
	switch mdAngles.Replace(strings.TrimRight(v, ` \|;,.`)) {
	case Marker, ContactMarker, `"` + Marker + `"`, `"` + ContactMarker + `"`:
		return true
	}
	return false
}

// mdAngles undoes the Markdown escaping of angle brackets.
var mdAngles = strings.NewReplacer(`\<`, "<", `\>`, ">")

// Policy says what to redact. The zero value redacts secrets and contacts.
type Policy struct {
	// ShowContacts keeps Call Home and SNMP contact details (e-mail,
	// phone, street address, customer/site/contract IDs, the SNMP contact
	// and location) in the output.
	ShowContacts bool
}

// Line redacts one line of text and escapes what a terminal would act on
// (Escape). It does not know whether the line sits inside a multi-line
// private key block; use Text or a Stream for that.
func (p Policy) Line(s string) string { return p.line(s, false) }

// line is Line; sgr keeps colour sequences (see escape).
func (p Policy) line(s string, sgr bool) string {
	if plain(s) || clean.has(p, sgr, s) {
		return s
	}
	r := p.redact(s)
	out := escape(r, sgr)
	if out != r {
		// An escape it wrote may start a keyword's part, as one written
		// before ("\xdcstreetaddress X"): redacted again, as it would be
		// when passed through the layer again, so Line is idempotent.
		out = p.redact(out)
	}
	if out == s {
		clean.add(p, sgr, s)
	}
	return out
}

// clean remembers lines that line leaves as they are although plain could
// not tell, because they name a keyword: a report's titles and remedies
// ("register idtoken <ID-token-from-CSSM>", "has an email contact") recur
// in every device of a fleet, twice (the device's strings, then its JSON),
// and each costs the regexps of several rules. Only lines without a secret
// are kept, so nothing redaction hides stays in memory for it; the set is
// emptied when full, so a capture of many such lines costs one insertion a
// line and bounded memory.
var clean = cleanLines{m: map[cleanKey]struct{}{}}

// cleanMax bounds the lines clean holds, cleanLineMax their length in
// bytes: a longer line is not kept.
const cleanMax, cleanLineMax = 4096, 512

type cleanKey struct {
	policy Policy
	sgr    bool
	line   string
}

type cleanLines struct {
	mu sync.Mutex
	m  map[cleanKey]struct{}
}

func (c *cleanLines) has(p Policy, sgr bool, s string) bool {
	if len(s) > cleanLineMax {
		return false
	}
	c.mu.Lock()
	_, ok := c.m[cleanKey{p, sgr, s}]
	c.mu.Unlock()
	return ok
}

func (c *cleanLines) add(p Policy, sgr bool, s string) {
	if len(s) > cleanLineMax {
		return
	}
	// A copy: s may share the memory of a whole capture.
	k := cleanKey{p, sgr, strings.Clone(s)}
	c.mu.Lock()
	if len(c.m) >= cleanMax {
		clear(c.m)
	}
	c.m[k] = struct{}{}
	c.mu.Unlock()
}

// redact applies the rules to one line, then to each part of it between
// escapes (escaped): text escaped before it reached the layer (a file
// name, an error quoting a device line) may hold a keyword right after
// "\x0a", where \b and ^ do not see where it starts.
func (p Policy) redact(s string) string { return betweenEscapes(s, p.apply) }

// betweenEscapes is redact with the rules applied by apply.
func betweenEscapes(s string, apply func(string) string) string {
	s = apply(s)
	if !strings.Contains(s, `\`) {
		return s
	}
	locs := escaped.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		b.WriteString(apply(s[last:l[0]]))
		b.WriteString(s[l[0]:l[1]])
		last = l[1]
	}
	b.WriteString(apply(s[last:]))
	return b.String()
}

// escaped is an escape Escape writes (\x1b, \u202e, \U000e0001) or one of
// Go's quoting (\n, \t).
var escaped = regexp.MustCompile(`\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[abfnrtv])`)

// apply applies the rules to s.
func (p Policy) apply(s string) string {
	if plain(s) {
		return s
	}
	// Rules share hints ("password", "key"): each is looked for once a
	// line, until a rule changes it. A line that is not ASCII goes through
	// every rule: (?i) matches the Kelvin sign as k and ſ as s, which a
	// lower-cased hint does not find.
	ascii, lower := isASCII(s), strings.ToLower(s)
	read := readAs(s)
	var looked, found uint64
	for i := range rules {
		ru := &rules[i] // a rule is too large to copy for each line
		if ru.Contact && p.ShowContacts {
			continue
		}
		bit := uint64(1) << ru.hi
		if ascii && looked&bit == 0 {
			looked |= bit
			if strings.Contains(lower, ru.hint) {
				found |= bit
			}
		}
		if ascii && (found&bit == 0 || ru.also != "" && !strings.Contains(lower, ru.also)) {
			continue
		}
		if out := ru.apply(s, read); out != s {
			s, lower = out, strings.ToLower(out)
			ascii, read = isASCII(s), readAs(s)
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
		rules[i].re = regexp.MustCompile(`(?i)` + anySpace(ru.pattern))
	}
	if len(m) > 63 {
		panic("redact: more than 63 distinct hints")
	}
	for _, h := range hints {
		if h[0] == ' ' || h[0] == '\t' {
			panic("redact: a hint starts with a blank (unchangedLine passes over them)")
		}
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

// fold is a byte in lower case, or 0 for a byte plain never passes: not
// ASCII (strings.ToLower maps some non-ASCII letters to ASCII ones, the
// Kelvin sign to k, so the full path judges those lines), a control
// character other than tab, DEL (escaped), and NUL itself.
var fold [256]byte

func indexRoots() {
	for b := 0; b < 256; b++ {
		c := byte(b)
		if c < 0x80 && (c >= 0x20 && c != 0x7f || c == '\t') {
			fold[c] = lowerASCII(c)
		}
	}
	for k, r := range roots {
		if len(r) == 1 {
			single[r[0]] = true
			continue
		}
		first[r[0]] |= 1 << k
		second[r[1]] |= 1 << k
	}
	indexLook()
}

// plain reports whether Line leaves s as it is: s is ASCII without
// control characters and holds no root in any case. It looks at each byte
// once, in one table (look) for the byte and the one before it, and
// compares a root only where its first two bytes are.
func plain[T string | []byte](s T) bool {
	prev := 0 // s[i-1]; 0, which starts no root, before the first byte
	for i := 0; i < len(s); i++ {
		c := int(s[i])
		if k := prev<<8 | c; look[k>>6]&(1<<(k&63)) != 0 {
			f := fold[c]
			if f == 0 || single[f] {
				return false
			}
			for m := first[fold[prev]] & second[f]; m != 0; m &= m - 1 {
				if hasPrefixFold(s[i-1:], roots[bits.TrailingZeros64(m)]) {
					return false
				}
			}
		}
		prev = c
	}
	return true
}

// look marks, by a byte and the one before it (before<<8 | byte), where
// plain must look closer: the byte is one it never passes (fold 0), a
// one-byte root, or the two start a root, in any case.
var look [1 << 16 / 64]uint64

func indexLook() {
	for b := 0; b < 256; b++ {
		for c := 0; c < 256; c++ {
			if f := fold[c]; f == 0 || single[f] || first[fold[b]]&second[f] != 0 {
				k := b<<8 | c
				look[k>>6] |= 1 << (k & 63)
			}
		}
	}
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFold reports whether s starts with the lower-case ASCII root r,
// in any case.
func hasPrefixFold[T string | []byte](s T, r string) bool {
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

// apply hides the secrets ru finds in s, read as read (readAs(s)): the
// pattern runs on read.text, and each value is cut from s at the place
// read.at maps it to.
func (ru *rule) apply(s string, read reading) string {
	locs := ru.re.FindAllStringSubmatchIndex(read.text, -1)
	if locs == nil {
		return s
	}
	marker := Marker
	if ru.Contact {
		marker = ContactMarker
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		for g := 2; g+1 < len(loc); g += 2 {
			if loc[g] < 0 {
				continue
			}
			start, end := read.pos(loc[g]), read.pos(loc[g+1])
			if start < last {
				continue
			}
			if end == len(s) {
				end = start + len(jsonValue(s[start:end]))
			}
			v := s[start:end]
			if redacted(v) || ru.keeps(v) || (ru.Contact && (isCisco(v) || isSSHAlgorithm(v))) {
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

// reading is a line as the rules read it (readAs): the patterns run on
// text, and at maps each byte offset of text, and its end, to the line's
// (nil when they are the same).
type reading struct {
	text string
	at   []int
}

// pos is the offset in the line of text's byte i (or of its end).
func (r reading) pos(i int) int {
	if r.at == nil {
		return i
	}
	return r.at[i]
}

// readAs is s as the rules read it, so that a line quoted or pasted in
// another form is redacted as the line it stands for:
//
//   - an escape that stands for a blank (Go's and JSON's \t, \v, \f, \x20,
//     \u00a0 and the other Unicode spaces; not a line's end), as a message quoting
//     a device line with %q writes them or as a capture may hold them, is
//     read as blanks of its length, which \s matches. The backslashes before
//     it count as part of it: each level of quoting doubles them (a capture's
//     literal \x20 quoted with %q is \\x20, a %q message in JSON \\t), and
//     reading one too many as a blank can only hide more;
//   - the Kelvin sign (U+212A) and the long s (U+017F), which Unicode case
//     folding, and so (?i), takes for k and s, are read as k and s: RE2's
//     \b knows only ASCII letters, and "\bkey" did not match "\u212aey".
func readAs(s string) reading {
	var b []byte // s with the blanks, made at the first one
	for i := 0; i < len(s); {
		j := i + strings.IndexByte(s[i:], '\\')
		if j < i {
			break
		}
		k := j
		for k < len(s) && s[k] == '\\' {
			k++
		}
		n := blankEscape(s[k-1:])
		if n == 0 {
			i = k
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for m := j; m < k-1+n; m++ {
			b[m] = ' '
		}
		i = k - 1 + n
	}
	text := s
	if b != nil {
		text = string(b)
	}
	if isASCII(s) || !strings.Contains(s, kelvin) && !strings.Contains(s, longS) {
		return reading{text: text}
	}
	out := make([]byte, 0, len(text))
	at := make([]int, 0, len(text)+1)
	for i := 0; i < len(text); {
		switch {
		case strings.HasPrefix(text[i:], kelvin):
			out, at = append(out, 'k'), append(at, i)
			i += len(kelvin)
		case strings.HasPrefix(text[i:], longS):
			out, at = append(out, 's'), append(at, i)
			i += len(longS)
		default:
			out, at = append(out, text[i]), append(at, i)
			i++
		}
	}
	return reading{text: string(out), at: append(at, len(text))}
}

// lineEnd reports whether r ends a line: quoted in a line, it starts a
// part of its own (betweenEscapes), as it would in the text it quotes.
func lineEnd(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// The two letters outside ASCII that fold to ASCII ones (k and s).
const kelvin, longS = "\u212a", "\u017f"

// blankEscape is the length of the escape e starts with (a backslash) when
// it stands for a blank (unicode.IsSpace, or a Unicode space separator,
// but not a line's end), or 0.
func blankEscape(e string) int {
	if len(e) < 2 {
		return 0
	}
	digits := 0
	switch e[1] {
	case 't', 'v', 'f':
		return 2
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return 0
	}
	if len(e) < 2+digits {
		return 0
	}
	v, err := strconv.ParseUint(e[2:2+digits], 16, 32)
	if err != nil {
		return 0
	}
	if r := rune(v); (unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)) && !lineEnd(r) {
		return 2 + digits
	}
	return 0
}

// jsonValue is a value that ends its line without the quote, and comma,
// that close it as a JSON string (`"text": "  password 7 S3cret",`): one
// word, as a rule takes it, runs to the end of the line. Replacing the
// quote too would break the JSON, and a marker followed by it would not be
// seen as one. A quoted value, or one that is all quote, stays whole.
func jsonValue(v string) string {
	u := strings.TrimSuffix(v, ",")
	if t, ok := strings.CutSuffix(u, `"`); ok && t != "" && t[0] != '"' {
		return t
	}
	return v
}

// isCisco reports whether a contact is one of Cisco's own addresses (such
// as sch-smart-licensing@cisco.com in Cisco's reference configuration):
// not the customer's personal data.
func isCisco(v string) bool {
	return strings.HasSuffix(strings.ToLower(strings.Trim(v, `\" `)), "@cisco.com")
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
// block whose secrets carry no keyword of their own: a PEM private key
// block, or the SNMP community table.
type Stream struct {
	policy *Policy
	block  blockState
	// sgr keeps the colour sequences of slcheck's own text report
	// (Writer.Color).
	sgr bool
}

// blockState is where a Stream stands in such a block: the zero value is
// outside one.
//
// In a PEM private key block (RFC 7468), a body is base64 lines of one
// width (64 characters as RFC 7468 writes them; any of 16 or more is
// taken, a body joined on one line too) and a shorter or padded last line,
// after optional headers (Proc-Type, DEK-Info) and a blank line. The first
// line that is not shaped so ends the block (a one-word configuration line
// such as "callhome" is too short to start a body), as does the END line
// or the end of the text: a cut or unterminated block cannot hide the
// lines after it.
//
// In the SNMP community table (communityHead), each row starts with a
// community; the first line not shaped as a row ends the table.
type blockState struct {
	in    bool
	width int  // the first body line's length; 0 before it
	last  bool // the short last line was seen: only END may follow
	// community: in the SNMP community table.
	community bool
}

// Stream starts redacting a sequence of lines.
func (p Policy) Stream() *Stream { return &Stream{policy: &p} }

var (
	beginKey = regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----`)
	endKey   = regexp.MustCompile(`-----END [A-Z ]*PRIVATE KEY-----`)
	// pemLine is a line of base64; pemHeader a PEM header (RFC 1421).
	pemLine   = regexp.MustCompile(`^[A-Za-z0-9+/]+={0,2}$`)
	pemHeader = regexp.MustCompile(`^(?:Proc-Type|DEK-Info):`)
	// communityHead heads the table of communities that show snmp and
	// show snmp community print (System Management Configuration Guide,
	// Configuring SNMP: "Community  Group / Access  context  acl_filter";
	// the older "Community  Access" too, not verified on a capture).
	communityHead = regexp.MustCompile(`^\s*Community\s+(?:Group\s*/\s*)?Access\b`)
	// communityRow is a row of it: the community, two or more spaces, the
	// group and the other columns. A prompt and a command ("sw# show x")
	// have one space, so they end the table.
	communityRow = regexp.MustCompile(`^(\s*)(\S+)(\s{2,}\S.*)$`)
)

// Text redacts the next lines of the sequence, given as one string. The
// lines Line leaves as they are, usually all of them, are passed over in
// place: the text is copied only from the first line Line changes, and
// returned as it is when none is (a fleet's sessions pass every command's
// output through it).
func (st *Stream) Text(s string) string {
	var b strings.Builder
	changed := false
	for rest := s; ; {
		line, after, more := strings.Cut(rest, "\n")
		out := st.Line(line)
		if !changed && out != line {
			changed = true
			b.Grow(len(s) + len(s)/16)
			b.WriteString(s[:len(s)-len(rest)])
		}
		if changed {
			b.WriteString(out)
			if more {
				b.WriteByte('\n')
			}
		}
		if !more {
			break
		}
		rest = after
	}
	if !changed {
		return s
	}
	return b.String()
}

// unchanged reports whether Line would return line as it is and leave the
// stream where it is (outside any block), without converting it to a
// string: a plain line that starts no block (unchangedLine). Most lines of
// a report are.
func (st *Stream) unchanged(line []byte) bool {
	return st.block == (blockState{}) && unchangedLine(line)
}

// unchangedLine reports whether Line, outside any block, returns s as it
// is and stays outside: s is plain and cannot head the SNMP community
// table (communityHead, which starts with "Community"). A plain line
// cannot start a private key either: beginKey's "PRIVATE KEY" holds a root.
//
// plain looks only past the blanks and tabs s starts with (a quarter of
// the bytes of an indented JSON report): they are bytes plain passes, and
// no root starts with one (init), so plain of s is plain of the rest.
func unchangedLine[T string | []byte](s T) bool {
	blanks := 0
	for blanks < len(s) && (s[blanks] == ' ' || s[blanks] == '\t') {
		blanks++
	}
	i := blanks
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return !hasPrefix(s[i:], "Community") && plain(s[blanks:])
}

func hasPrefix[T string | []byte](s T, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if s[i] != prefix[i] {
			return false
		}
	}
	return true
}

// Line redacts and escapes the next line of the sequence.
func (st *Stream) Line(s string) string {
	if st.block == (blockState{}) && unchangedLine(s) {
		return s // unchanged, without looking for a block's start
	}
	return st.line(s)
}

// line is Line for a line that may change it or the stream's state.
func (st *Stream) line(s string) string {
	if st.block.in {
		if out, ok := st.keyLine(s); ok {
			return out
		}
		st.block = blockState{}
	}
	if st.block.community {
		if m := communityRow.FindStringSubmatch(s); m != nil {
			if strings.Trim(m[2], "-") == "" || redacted(m[2]) {
				return st.policy.line(s, st.sgr) // the dashes under the header
			}
			return m[1] + Marker + st.policy.line(m[3], st.sgr)
		}
		st.block = blockState{}
	}
	if strings.Contains(s, "-----BEGIN ") && beginKey.MatchString(s) && !endKey.MatchString(s) {
		st.block.in = true
		return escape(s, st.sgr)
	}
	if strings.Contains(s, "Access") && communityHead.MatchString(s) {
		st.block.community = true
	}
	return st.policy.line(s, st.sgr)
}

// keyLine handles a line inside a private key block: the line to print,
// or false when the line is not part of the block.
func (st *Stream) keyLine(s string) (string, bool) {
	if endKey.MatchString(s) {
		st.block = blockState{}
		return escape(s, st.sgr), true
	}
	t := strings.TrimSpace(s)
	k := &st.block
	switch {
	case k.width == 0 && pemHeader.MatchString(t):
		return leadingSpace(s) + Marker, true
	case k.width == 0 && t == "":
		return escape(s, st.sgr), true
	case !pemLine.MatchString(t) || k.last:
		return "", false
	case k.width == 0 && len(t) >= 16:
		k.width = len(t)
	case k.width > 0 && len(t) == k.width:
	case k.width > 0 && len(t) < k.width:
		k.last = true
	default:
		return "", false
	}
	k.last = k.last || strings.HasSuffix(t, "=")
	return leadingSpace(s) + Marker, true
}

func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}
