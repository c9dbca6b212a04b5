package parsers

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/slcheck/slcheck/capture"
)

// seedRoots are every testdata tree of the repo: the parsers' own
// extracts, the real fixtures, the scenario captures and the fake device's
// scenarios.
var seedRoots = []string{"testdata", "../capture/testdata", "../checks/testdata", "../testdata", "../internal/nxsim/scenarios"}

// seedCorpus adds every file under the repo's testdata, each section that
// capture finds in it (the text a parser really gets), and the given
// snippets to a fuzz corpus.
func seedCorpus(f *testing.F, snippets ...string) {
	texts, err := seedTexts()
	if err != nil {
		f.Fatal(err)
	}
	for _, text := range texts {
		f.Add(text)
	}
	for _, s := range snippets {
		f.Add(s)
	}
}

// seedTexts reads the seed files once per test binary.
var seedTexts = sync.OnceValues(func() ([]string, error) {
	var out []string
	for _, root := range seedRoots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.Contains(p, "fuzz") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, string(b))
			c, err := capture.Read(p, bytes.NewReader(b), capture.Options{})
			if err != nil {
				return nil // not a capture (README, golden JSON): the whole file is seed enough
			}
			for _, dev := range c.Devices {
				for _, sec := range dev.Sections {
					lines := make([]string, len(sec.Lines))
					for i, l := range sec.Lines {
						lines[i] = l.Text
					}
					out = append(out, sec.Command+"\n"+strings.Join(lines, "\n"))
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
})

// checkRefs fails unless every capture.Ref reachable from v points at a
// line of sec holding exactly that text, or is the section header.
func checkRefs(t *testing.T, sec *capture.Section, v any) {
	t.Helper()
	byLine := map[int]string{}
	for _, l := range sec.Lines {
		byLine[l.N] = l.Text
	}
	var walk func(reflect.Value)
	walk = func(rv reflect.Value) {
		switch rv.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !rv.IsNil() {
				walk(rv.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < rv.Len(); i++ {
				walk(rv.Index(i))
			}
		case reflect.Map:
			for _, k := range rv.MapKeys() {
				walk(rv.MapIndex(k))
			}
		case reflect.Struct:
			if r, ok := rv.Interface().(capture.Ref); ok {
				if r.IsZero() || r == sec.HeaderRef() {
					return
				}
				if text, ok := byLine[r.Line]; !ok || text != r.Text || r.Source != sec.Source {
					t.Fatalf("ref %v %q does not match the input", r, r.Text)
				}
				return
			}
			for i := 0; i < rv.NumField(); i++ {
				if rv.Type().Field(i).IsExported() {
					walk(rv.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(v))
}

// fuzzSection turns fuzz input into a section the way capture does: lines
// split on "\n" with any "\r" already stripped.
func fuzzSection(cmd, text string) *capture.Section {
	return section(cmd, cmd, strings.ReplaceAll(text, "\r", ""))
}

// fuzzParser fuzzes parse on outputs of cmd, seeded with the testdata
// and seeds: every Ref of what it returns points at a line of its
// section, and check, when given, holds what else it promises.
func fuzzParser[T any](f *testing.F, cmd string, parse func(*capture.Section) T, check func(*testing.T, T), seeds ...string) {
	seedCorpus(f, seeds...)
	f.Fuzz(func(t *testing.T, text string) {
		sec := fuzzSection(cmd, text)
		v := parse(sec)
		checkRefs(t, sec, v)
		if check != nil {
			check(t, v)
		}
	})
}

func FuzzParseVersion(f *testing.F) {
	fuzzParser(f, "show version", ParseVersion, func(t *testing.T, v *Version) {
		if v != nil && v.Release.Value != "" {
			v.AtLeast("9.3(3)")
		}
	}, " NXOS: version 9.3(6uu)I9(1uu) [build 9.3(6)]\n cisco Nexus 3064 Chassis\n")
}

func FuzzParseClock(f *testing.F) {
	fuzzParser(f, "show clock", ParseClock, func(t *testing.T, c *Clock) {
		if c != nil && c.Time.IsZero() {
			t.Fatal("clock without time")
		}
	}, "14:22:11.123 UTC Thu Nov 26 2026\nTime source is NTP\n", "Time source is NTP, 11:04:51.711 PDT Fri Sep 1 2023")
}

func FuzzParseRunningConfig(f *testing.F) {
	seedCorpus(f, fullConfig)
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.SplitN(text, "\n", 2)
		cmd := "show running-config" + strings.TrimPrefix(lines[0], "show running-config")
		sec := fuzzSection(cmd, text)
		c := ParseRunningConfig(sec)
		checkRefs(t, sec, c)
		for _, topic := range c.Covers {
			if topic != TopicAll && topicLines[topic] == nil {
				t.Fatalf("unknown topic %q", topic)
			}
		}
		c.Callhome.TACURL()
	})
}

func FuzzParseLicense(f *testing.F) {
	fuzzParser(f, "show license status", ParseLicense, nil,
		"Smart Licensing is ENABLED\nRegistration:\n  Status: UNREGISTERED - REGISTRATION FAILED\n  Initial Registration: FAILED on Nov 20 09:00:00 2026 UTC\n    Failure reason: x\n")
}

func FuzzParseRoutes(f *testing.F) {
	fuzzParser(f, "show ip route vrf management", ParseRoutes, func(t *testing.T, rt *RouteTable) {
		if rt != nil && rt.VRF == "" {
			t.Fatal("table without VRF")
		}
	}, "IP Route Table for VRF \"management\"\n0.0.0.0/0, ubest/mbest: 1/0\n    *via 10.0.0.1, [1/0], 3w2d, static\n")
}

func FuzzParsePingTelnet(f *testing.F) {
	seedCorpus(f, "% Invalid host/interface tools.cisco.com\n", "telnet: Unable to connect to remote host: Connection refused\n")
	f.Fuzz(func(t *testing.T, text string) {
		sec := fuzzSection("ping tools.cisco.com vrf management", text)
		p := ParsePing(sec)
		checkRefs(t, sec, p)
		if p != nil && (p.Received > p.Sent && !p.Stats || p.Loss < 0) {
			t.Fatalf("inconsistent ping %+v", p)
		}
		tsec := fuzzSection("telnet tools.cisco.com 443 vrf management", text)
		tt := ParseTCPTest(tsec)
		checkRefs(t, tsec, tt)
		if tt != nil && tt.Connected && tt.Error != "" {
			t.Fatalf("connected with error %+v", tt)
		}
	})
}

func FuzzParseHosts(f *testing.F) {
	fuzzParser(f, "show hosts", ParseHosts, nil,
		"DNS lookup enabled\nmanagement   management   name server(s) 192.0.2.53\nHost   Address\nx 192.0.2.1\n")
}

func FuzzParseLogging(f *testing.F) {
	fuzzParser(f, "show logging logfile", ParseLogging, nil,
		"2022 Jun 22 16:15:41 switch %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x\n", "2022 Jun 22 16:15:41 DC %$ VDC-1 %$ %CALLHOME-2-EVENT: y\n")
}

func FuzzParseTrustStore(f *testing.F) {
	fuzzParser(f, "show crypto ca certificates", ParseTrustStore, func(t *testing.T, ts *TrustStore) {
		if ts != nil {
			for _, c := range ts.Certificates {
				CommonName(c.Subject)
			}
		}
	}, "Trustpoint: CiscoTAC\nsubject= /CN=QuoVadis Root CA 2\nnotAfter=Nov 24 18:23:33 2031 GMT\n")
}

var timeOfDay = regexp.MustCompile(`\b\d{1,2}:\d\d:\d\d\b`)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"Jun 22 16:15:41 2022 UTC", "14:22:11.123 UTC Thu Nov 26 2026", "2022 Jun 22 16:15:41", "Feb 29 00:00:00 2024 IST"} {
		f.Add(s)
	}
	// Every testdata line with a time of day, and what follows its last
	// colon-space (how license and certificate lines carry dates).
	texts, err := seedTexts()
	if err != nil {
		f.Fatal(err)
	}
	seen := map[string]bool{}
	for _, text := range texts {
		for _, l := range strings.Split(text, "\n") {
			if !timeOfDay.MatchString(l) {
				continue
			}
			for _, s := range []string{l, l[strings.LastIndex(l, ": ")+1:]} {
				if s = strings.TrimSpace(s); !seen[s] {
					seen[s] = true
					f.Add(s)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, zone, ok := ParseDate(s)
		if ok && (tm.IsZero() || len(zone) > 5) {
			t.Fatalf("ParseDate(%q) = %v %q", s, tm, zone)
		}
	})
}
