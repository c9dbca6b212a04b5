package parsers

import (
	"regexp"
	"strings"
	"testing"
)

// The patterns licHeader, licKeyValue and the first-byte test before
// licEnabledRE replaced: their results must stay the patterns'.
var (
	licHeaderPattern  = regexp.MustCompile(`^\s*([^:]+?)\s*:\s*$`)
	licKVPattern      = regexp.MustCompile(`^\s*([^:]+?)\s*:\s*(.*?)\s*$`)
	licEnabledPattern = regexp.MustCompile(`(?i)^\s*smart\s+licensing\s+is\s+(\S+)`)
)

// sameAsLicPatterns reports, for a license line trimmed as
// licenseParser.line trims it, where the byte code and the patterns differ.
func sameAsLicPatterns(t *testing.T, line string) {
	t.Helper()
	s := strings.TrimSpace(line)
	if s == "" {
		return
	}
	name, ok := licHeader(s)
	if m := licHeaderPattern.FindStringSubmatch(s); (m != nil) != ok || ok && m[1] != name {
		t.Errorf("licHeader(%q) = %q, %v; the pattern gives %q", s, name, ok, m)
	}
	key, val, ok := licKeyValue(s)
	if m := licKVPattern.FindStringSubmatch(s); (m != nil) != ok || ok && (m[1] != key || m[2] != val) {
		t.Errorf("licKeyValue(%q) = %q, %q, %v; the pattern gives %q", s, key, val, ok, m)
	}
	if c := s[0]; c|0x20 != 's' && c < 0x80 && licEnabledPattern.MatchString(s) {
		t.Errorf("%q: the first-byte test skips a line the pattern matches", s)
	}
}

func TestLicenseLineSplit(t *testing.T) {
	for _, s := range []string{
		"Registration:", "  Status: REGISTERED", "Status:REGISTERED", "Status :  REGISTERED  ",
		"Export-Controlled Functionality: Not Allowed", "Initial Registration: SUCCEEDED on Jun 22 16:15:44 2022 UTC",
		"(LAN_ENTERPRISE_SERVICES_PKG):", "License Usage:", ":", "::", ":value", "a:b:", "a:b:c", "a :",
		"a\t:\tb\t", "a: b\nc", "a:\n b", "a\n: b", "a:\r\n", "key: value\x0b", "\xff: \xfe", "ä: ö",
		"Smart Licensing is ENABLED", "smart licensing is disabled", "ſmart Licensing is ENABLED",
		"SMART LICENSING IS ENABLED.", "Smart Licensing Using Policy:", "  Status: ENABLED", "Trust Code Installed: <none>",
		"Next Registration Attempt: Mar 14 10:12:31 2023 UTC", "---------", "Feature  Ins  Lic   Status Expiry Date Comments",
	} {
		sameAsLicPatterns(t, s)
	}
}

func FuzzLicenseLineSplit(f *testing.F) {
	for _, s := range []string{"Registration:", "  Status: REGISTERED", "a:b:", "a: b\nc", "ſmart Licensing is ENABLED", "\xff: \xfe"} {
		f.Add(s)
	}
	f.Fuzz(sameAsLicPatterns)
}
