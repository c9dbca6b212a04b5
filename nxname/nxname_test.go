package nxname

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
)

func TestNames(t *testing.T) {
	tests := []struct {
		check func(string) bool
		name  string
		good  []string
		bad   []string
	}{
		{Host, "Host",
			[]string{"tools.cisco.com", "smartreceiver.cisco.com", "ssm-onprem", "onprem_01.corp.example", "10.1.1.5", "2001:db8::1"},
			[]string{"", "tools.cisco.com;reload;", "tools.cisco.com reload", "a|b", "x>y", "fe80::1%eth0", "tools.cisco.com\u202e", "host\x1b]0;x\x07", "ａ.example"}},
		{Address, "Address", []string{"192.0.2.1", "2001:db8::53"}, []string{"192.0.2.1;reload", "dns.example", "192.0.2.300", ""}},
		{Prefix, "Prefix", []string{"192.0.2.0/24", "2001:db8::/64"}, []string{"192.0.2.0/24;reload", "192.0.2.0", ""}},
		{VRF, "VRF",
			[]string{"management", "default", "VRF-MGMT", "vpc_keepalive", "tenant.a", "red:1", "a234567890123456789012345678901b"},
			[]string{"", "mgmt;reload", "mgmt reload", "mgmt\u202e", "a2345678901234567890123456789012c", "x|y", "x>y"}},
		{Interface, "Interface",
			[]string{"mgmt0", "Ethernet1/1", "Eth1/49/2", "Ethernet1/1.100", "Vlan27", "loopback0", "port-channel10", "Po10", "Tunnel5", "nve1"},
			[]string{"", "Vlan27;reload", "mgmt0 vrf x", "Ethernet1/1\u202e", "1/1", "Vlan"}},
	}
	for _, tt := range tests {
		for _, s := range tt.good {
			if !tt.check(s) {
				t.Errorf("%s(%q) = false, want true", tt.name, s)
			}
		}
		for _, s := range tt.bad {
			if tt.check(s) {
				t.Errorf("%s(%q) = true, want false", tt.name, s)
			}
		}
	}
}

// The regular expressions VRF and Interface were, kept as the reference
// their hand-written code must agree with.
var (
	vrfRE   = regexp.MustCompile(`^[A-Za-z0-9_.:-]{1,32}$`)
	ifaceRE = regexp.MustCompile(`^[A-Za-z][A-Za-z-]{0,31} ?[0-9]+(?:/[0-9]+){0,3}(?:\.[0-9]+)?$`)
)

// nameEdges are the edges of the two expressions: lengths 32 and 33,
// every separator in and out of place, blanks, newlines, non-ASCII.
var nameEdges = []string{
	"", "a", "-", ":", "a234567890123456789012345678901b", "a2345678901234567890123456789012c",
	"mgmt\n", "mgmt0\n", "\nmgmt0", "Vlan 27", "Vlan  27", "Vlan27 ", " Vlan27", "Vlan-27", "-Vlan27", "Vlan--x1",
	"Eth1/1/1/1", "Eth1/1/1/1/1", "Eth1/1/1/1.5", "Eth1//1", "Eth1/", "Eth1.", "Eth1.2.3", "Eth.1", "Eth1/1.x",
	"abcdefghijklmnopqrstuvwxyzABCDEF1", "abcdefghijklmnopqrstuvwxyzABCDEFG1", "abcdefghijklmnopqrstuvwxyzABCDE 1",
	"é1", "Vlané1", "Vlan١", "mgmt0\x00", "mg mt0", "red:1", "tenant.a", "a_b", "a b", "ｍgmt0",
}

func TestNamesAsRegexps(t *testing.T) {
	var corpus []string
	corpus = append(corpus, nameEdges...)
	// Every word and line of the repository's captures (and of the shared
	// fixtures, where they are).
	for _, root := range []string{"../testdata", "../../shared/fixtures"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			corpus = append(corpus, strings.Fields(string(body))...)
			for _, line := range strings.Split(string(body), "\n") {
				corpus = append(corpus, strings.TrimSpace(line))
			}
			return nil
		})
	}
	if len(corpus) < 1000 {
		t.Fatalf("corpus of %d words: captures not found", len(corpus))
	}
	for _, s := range corpus {
		agree(t, s)
	}
}

func FuzzNamesAsRegexps(f *testing.F) {
	for _, s := range nameEdges {
		f.Add(s)
	}
	f.Fuzz(agree)
}

func agree(t *testing.T, s string) {
	if got, want := VRF(s), vrfRE.MatchString(s); got != want {
		t.Errorf("VRF(%q) = %v, the regular expression says %v", s, got, want)
	}
	if got, want := Interface(s), ifaceRE.MatchString(s); got != want {
		t.Errorf("Interface(%q) = %v, the regular expression says %v", s, got, want)
	}
}

// BenchmarkNames is VRF and Interface on the fake fleet's names, and the
// regular expressions they replace.
//
//	go test ./nxname -run '^$' -bench Names -benchmem
func BenchmarkNames(b *testing.B) {
	for _, bc := range []struct {
		name string
		is   func(string) bool
		s    string
	}{
		{"VRF", VRF, "management"}, {"VRF/regexp", vrfRE.MatchString, "management"},
		{"Interface", Interface, "Vlan27"}, {"Interface/regexp", ifaceRE.MatchString, "Vlan27"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if !bc.is(bc.s) {
					b.Fatal(bc.s)
				}
			}
		})
	}
}
