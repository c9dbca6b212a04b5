package parsers

import (
	"fmt"
	"testing"
)

func TestFilter(t *testing.T) {
	tests := []struct{ cmd, want string }{
		{"show logging logfile", ""},
		{"show logging logfile | include ACL", "| include ACL"},
		{"show logging logfile | grep SMART_LIC | last 10", "| grep SMART_LIC | last 10"},
		{"show logging last 100", "last 100"},
		{"show license status | no-more", ""},
		{`show running-config | include "name-server|domain-lookup"`, `| include "name-server|domain-lookup"`},
	}
	for _, tt := range tests {
		if got := Filter(tt.cmd); got != tt.want {
			t.Errorf("Filter(%q) = %q, want %q", tt.cmd, got, tt.want)
		}
	}
}

// TestFilterKeeps: an include-like filter proves the lines it keeps; an
// exclude, begin, last, head, count, an inverted or counting grep never do.
func TestFilterKeeps(t *testing.T) {
	tests := []struct {
		cmd     string
		samples []string
		want    bool
	}{
		{"show logging logfile", SampleLogLines, true},
		{"show logging logfile | include SMART_LIC", SampleLogLines, true},
		{"show logging logfile | i SMART_LIC", SampleLogLines, true},
		{"show logging logfile | grep SMART_LIC", SampleLogLines, true},
		{"show logging logfile | grep ignore-case smart_lic", SampleLogLines, true},
		{"show logging logfile | egrep next 2 SMART_LIC", SampleLogLines, true},
		{`show logging logfile | egrep "LICMGR|SMART_LIC"`, SampleLogLines, true},
		{"show logging logfile | section SMART_LIC", SampleLogLines, true},
		{"show logging logfile | include ACL", SampleLogLines, false},
		{"show logging logfile | include LICMGR", SampleLogLines, false},
		{"show logging logfile | include CALLHOME", SampleLogLines, false},
		{"show logging logfile | grep invert-match ACL", SampleLogLines, false},
		{"show logging logfile | grep -v ACL", SampleLogLines, false},
		{"show logging logfile | grep count SMART_LIC", SampleLogLines, false},
		{"show logging logfile | exclude ACL", SampleLogLines, false},
		{"show logging logfile | include SMART_LIC | last 5", SampleLogLines, false},
		{"show logging logfile | head lines 20", SampleLogLines, false},
		{"show logging logfile | begin 2024", SampleLogLines, false},
		{"show license status | include Status", SampleLicenseLines, false},
		{"show license status | include .", SampleLicenseLines, true},
		{"show version | include NXOS", SampleVersionLines, false},
		{"show ip route vrf management | include 0.0.0.0", SampleRouteLines, false},
		{"show crypto ca certificates | include CN=", SampleCryptoLines, false},
		{"show license status | no-more", SampleLicenseLines, true},
		{"show logging last 100", SampleLogLines, false},
	}
	for round := range 2 { // the second from the stages remembered (pipes)
		for _, tt := range tests {
			if got := FilterKeeps(tt.cmd, tt.samples); got != tt.want {
				t.Errorf("round %d: FilterKeeps(%q) = %v, want %v", round, tt.cmd, got, tt.want)
			}
		}
	}
}

// TestStagesBounded: the remembered stages are the ones read, and no more
// than pipesMax commands are kept.
func TestStagesBounded(t *testing.T) {
	for i := range pipesMax + 10 {
		cmd := fmt.Sprintf("show logging logfile | include LIC%d", i)
		st, ok := stages(cmd)
		if !ok || len(st) != 1 || st[0].re.String() != fmt.Sprintf("LIC%d", i) {
			t.Fatalf("stages(%q) = %v, %v", cmd, st, ok)
		}
	}
	pipes.mu.Lock()
	n := len(pipes.m)
	pipes.mu.Unlock()
	if n == 0 || n > pipesMax {
		t.Errorf("%d commands kept, want 1 to %d", n, pipesMax)
	}
}
