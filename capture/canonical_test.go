package capture

import (
	"strings"
	"testing"
	"unsafe"
)

func TestCanonical(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"show running-config callhome", "show running-config callhome"},
		{"sh run callhome", "show running-config callhome"},
		{"sh runn callhome", "show running-config callhome"},
		{"SH RUN CALLHOME", "show running-config callhome"},
		{"show  run   callhome ", "show running-config callhome"},
		{"sh lic stat", "show license status"},
		{"sh lic sum", "show license summary"},
		{"sh lic usa", "show license usage"},
		{"sh ver", "show version"},
		{"sh cl", "show clock"},
		{"sh ip ro vr management", "show ip route vrf management"},
		{"show ip route vrf MGMT-Out", "show ip route vrf MGMT-Out"},
		{"sh ip ro vrf log", "show ip route vrf log"}, // a VRF named like a keyword stays
		{"sh ho", "show hosts"},
		{"sh hostn", "show hostname"},
		{"sh switchn", "show switchname"},
		{"sh log", "show logging"},
		{"sh log logf", "show logging logfile"},
		{"show accounting log", "show accounting log"},
		{"sh cry ca certs", "show crypto ca certificates"},
		{"sh crypto ca trust", "show crypto ca trustpoints"},
		{"sh callh", "show callhome"},
		{"sh tech", "show tech-support"},
		{"show tech-support details", "show tech-support details"},
		{"sh inv", "show inventory"},
		{"sh ip int br", "show ip interface brief"},
		{"sh int mgmt0", "show interface mgmt0"},
		{"sh int Ethernet1/1", "show interface Ethernet1/1"},
		{"show run | i name-server", "show running-config | include name-server"},
		{"show run | inc name-server", "show running-config | include name-server"},
		{"show run|i name-server", "show running-config | include name-server"},
		{"sh run | sec callhome", "show running-config | section callhome"},
		{"sh run | egrep \"name-server|domain\"", `show running-config | egrep "name-server|domain"`},
		{"sh run | grep 'a  b'", "show running-config | grep 'a  b'"},
		{"sh run | i Name-Server   x", "show running-config | include Name-Server x"},
		{"sh run | ex ^!", "show running-config | exclude ^!"},
		{"show running-config callhome | no-more", "show running-config callhome"},
		{"sh log logf | i LICMGR | last 20", "show logging logfile | include LICMGR | last 20"},
		{"ping tools.cisco.com vrf management", "ping tools.cisco.com vrf management"},
		{"ping Tools.Cisco.com vrf Management count 5", "ping Tools.Cisco.com vrf Management count 5"},
		{"telnet tools.cisco.com 443 vrf management", "telnet tools.cisco.com 443 vrf management"},
		{"do sh run callhome", "show running-config callhome"},
		{"conf t", "configure t"},
		{"show license tech support", "show license tech support"},
		{"show call-home", "show call-home"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Canonical(tt.typed); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// TestCanonicalIdempotent: a canonical command stays as it is, so a
// show-tech header (already full) and an SSH command agree.
func TestCanonicalIdempotent(t *testing.T) {
	for _, c := range []string{"show running-config callhome", "show license status", "show ip route vrf management",
		"show logging logfile | include LICMGR", "show crypto ca certificates", "show tech-support details"} {
		if got := Canonical(Canonical(c)); got != c {
			t.Errorf("Canonical(Canonical(%q)) = %q", c, got)
		}
	}
}

// TestAbbreviationsUnambiguous checks that no abbreviation slcheck accepts
// expands to two keywords of the same table.
func TestAbbreviationsUnambiguous(t *testing.T) {
	for name, table := range map[string][]keyword{"first": firstWords, "words": words, "pipe": pipeWords} {
		for _, k := range table {
			for l := k.min; l <= len(k.full); l++ {
				ab := k.full[:l]
				for _, o := range table {
					if o.full != k.full && l >= o.min && strings.HasPrefix(o.full, ab) {
						t.Errorf("%s: %q abbreviates both %q and %q", name, ab, k.full, o.full)
					}
				}
			}
		}
	}
}

func TestSplitPipes(t *testing.T) {
	tests := []struct {
		cmd  string
		want []string
	}{
		{"show version", []string{"show version"}},
		{"show run | i name-server", []string{"show run ", " i name-server"}},
		{"show run|i x|last 2", []string{"show run", "i x", "last 2"}},
		// Unquoted, NX-OS reads the second '|' as another filter [U].
		{"show run | i domain-lookup|name-server", []string{"show run ", " i domain-lookup", "name-server"}},
		{`show run | i "domain-lookup|name-server|vrf context"`, []string{"show run ", ` i "domain-lookup|name-server|vrf context"`}},
		{`show run | i 'a|b' | last 3`, []string{"show run ", ` i 'a|b' `, " last 3"}},
		{`show run | i "unterminated|quote`, []string{"show run ", ` i "unterminated|quote`}},
	}
	for _, tt := range tests {
		got := SplitPipes(tt.cmd)
		if strings.Join(got, "¦") != strings.Join(tt.want, "¦") {
			t.Errorf("SplitPipes(%q) = %q, want %q", tt.cmd, got, tt.want)
		}
	}
}

// TestCanonicalCache: an answer Canonical cached is the one it computes,
// and stays so when the buffer the command was typed in is overwritten
// (the reader passes views of its buffer).
func TestCanonicalCache(t *testing.T) {
	buf := []byte("sh run callhome")
	typed := unsafe.String(&buf[0], len(buf))
	first := Canonical(typed)
	if want := canonical("sh run callhome"); first != want {
		t.Fatalf("Canonical(%q) = %q, want %q", typed, first, want)
	}
	copy(buf, "sh ver | no-mor")
	if got, want := Canonical(typed), canonical("sh ver | no-mor"); got != want {
		t.Errorf("after the buffer changed: Canonical(%q) = %q, want %q", typed, got, want)
	}
	if got := Canonical("sh run callhome"); got != first {
		t.Errorf("Canonical(sh run callhome) = %q from the cache, want %q", got, first)
	}
}
