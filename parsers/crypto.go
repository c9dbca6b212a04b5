package parsers

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/slcheck/slcheck/capture"
)

// Certificate is one certificate of `show crypto ca certificates`.
type Certificate struct {
	Trustpoint string
	Subject    string
	Issuer     string
	Serial     string
	// NotAfter is the end of validity, read from the "notAfter=" line;
	// its Value is zero when the date could not be read.
	NotAfter capture.Fact[time.Time]
	Ref      capture.Ref
	// NotBefore is the start of validity; zero when not printed.
	NotBefore time.Time
	// SHA1 is the "SHA1 Fingerprint=" value, upper-case hex without
	// colons; "" when not printed.
	SHA1 string
}

// TrustStore is `show crypto ca certificates` / `show crypto ca trustpoints`.
type TrustStore struct {
	Trustpoints  []string
	Certificates []Certificate
	Ref          capture.Ref
}

var (
	trustpointRE = regexp.MustCompile(`(?i)^\s*trustpoint\s*:\s*([^;\s]+)`)
	certFieldRE  = regexp.MustCompile(`(?i)^\s*(subject|issuer|serial|serial number|notbefore|notafter|sha1 fingerprint)\s*[=:]\s*(.*?)\s*$`)
)

// ParseTrustStore reads `show crypto ca certificates` and `show crypto ca
// trustpoints`: "Trustpoint: NAME" lines, then per certificate
// "subject=", "issuer=", "serial=", "notBefore=", "notAfter=" and "SHA1
// Fingerprint=" lines. A "subject=" line starts a new certificate. It
// returns nil when nothing is recognised.
func ParseTrustStore(sec *capture.Section) *TrustStore {
	ts := &TrustStore{Ref: sec.HeaderRef()}
	tp := ""
	seen := false
	var cur *Certificate
	for _, l := range sec.Lines {
		c := lead(l.Text) // each pattern is tried on the lines it may match
		if m := find(c, "t", trustpointRE, l.Text); m != nil {
			tp = m[1]
			if !slices.Contains(ts.Trustpoints, tp) {
				ts.Trustpoints = append(ts.Trustpoints, tp)
			}
			cur = nil
			seen = true
			continue
		}
		field, val, ok := certField(c, l.Text)
		if !ok {
			continue
		}
		if field == "subject" || cur == nil {
			ts.Certificates = append(ts.Certificates, Certificate{Trustpoint: tp, Ref: sec.Ref(l)})
			cur = &ts.Certificates[len(ts.Certificates)-1]
			seen = true
		}
		switch field {
		case "subject":
			cur.Subject = val
		case "issuer":
			cur.Issuer = val
		case "serial", "serial number":
			cur.Serial = strings.ToUpper(strings.ReplaceAll(val, ":", ""))
		case "notbefore":
			cur.NotBefore, _, _ = ParseDate(val)
		case "notafter":
			t, _, _ := ParseDate(val)
			cur.NotAfter = capture.Fact[time.Time]{Value: t, Ref: sec.Ref(l)}
		case "sha1 fingerprint":
			cur.SHA1 = strings.ToUpper(strings.ReplaceAll(val, ":", ""))
		}
	}
	if !seen {
		return nil
	}
	return ts
}

// certFields are certFieldRE's keys, in its order.
var certFields = []string{"subject", "issuer", "serial", "serial number", "notbefore", "notafter", "sha1 fingerprint"}

// certField is find(c, "sin", certFieldRE, s), the key in lower case and
// the value, without the pattern's backtracking on the lines of ASCII
// without a newline it is given (the others go to the pattern: (?i) takes
// ſ for s, and "." stops at a newline).
func certField(c byte, s string) (key, val string, ok bool) {
	if !starts(c, "sin") {
		return "", "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\n' {
			if m := certFieldRE.FindStringSubmatch(s); m != nil {
				return strings.ToLower(m[1]), m[2], true
			}
			return "", "", false
		}
	}
	s = strings.TrimLeft(s, reSpace)
	for _, k := range certFields {
		if len(s) < len(k) || !strings.EqualFold(s[:len(k)], k) {
			continue
		}
		// \s*[=:]\s*(.*?)\s*$
		if rest := strings.TrimLeft(s[len(k):], reSpace); rest != "" && (rest[0] == '=' || rest[0] == ':') {
			return k, strings.Trim(rest[1:], reSpace), true
		}
	}
	return "", "", false
}

// CommonName returns the CN of a subject or issuer written as
// "/C=US/O=IdenTrust/CN=IdenTrust Commercial Root CA 1" or
// "C = US, O = IdenTrust, CN = IdenTrust Commercial Root CA 1"; "" if none.
func CommonName(dn string) string {
	for _, part := range strings.FieldsFunc(dn, func(r rune) bool { return r == '/' || r == ',' }) {
		k, v, ok := strings.Cut(part, "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "CN") {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
