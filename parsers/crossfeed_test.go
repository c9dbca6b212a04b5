package parsers

import (
	"path/filepath"
	"testing"

	"github.com/slcheck/slcheck/capture"
)

// TestEveryParserOnEveryFixture feeds every real output, IOS-XE contrast
// files included, to every parser: none may panic, and every fact must
// quote a line of its input.
func TestEveryParserOnEveryFixture(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) < 10 {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	parsers := map[string]func(sec *capture.Section) any{
		"show version":                 func(s *capture.Section) any { return ParseVersion(s) },
		"show clock":                   func(s *capture.Section) any { return ParseClock(s) },
		"show running-config":          func(s *capture.Section) any { return ParseRunningConfig(s) },
		"show license status":          func(s *capture.Section) any { return ParseLicense(s) },
		"show ip route vrf management": func(s *capture.Section) any { return ParseRoutes(s) },
		"ping tools.cisco.com":         func(s *capture.Section) any { return ParsePing(s) },
		"telnet tools.cisco.com 443":   func(s *capture.Section) any { return ParseTCPTest(s) },
		"show hosts":                   func(s *capture.Section) any { return ParseHosts(s) },
		"show logging logfile":         func(s *capture.Section) any { return ParseLogging(s) },
		"show crypto ca certificates":  func(s *capture.Section) any { return ParseTrustStore(s) },
	}
	for _, f := range files {
		for cmd, parse := range parsers {
			sec := fixture(t, filepath.Base(f), cmd, cmd)
			checkRefs(t, sec, parse(sec))
		}
	}
	// The IOS-XE contrast status must not pass for an NX-OS show version.
	if v := ParseVersion(fixture(t, "IOSXE-contrast__genieparser__c1000v_classic_registered_callhome.txt", "show version", "")); v != nil {
		t.Errorf("IOS-XE license output read as a version: %+v", v)
	}
}
