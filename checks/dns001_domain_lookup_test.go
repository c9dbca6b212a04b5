package checks

import (
	"testing"

	"github.com/slcheck/slcheck/snapshot"
)

// TestDNS001 judges domain lookup from `show hosts` and the configuration,
// citing the line that says it.
func TestDNS001(t *testing.T) {
	callhome := callhomeCfg(tacHTTPS, "transport http use-vrf management")
	hosts := func(lookup string) string {
		return lookup + "\nDefault domain for vrf:default is not configured\nName/address lookup uses domain service\nName servers are 192.0.2.53 (VRF management)"
	}
	for _, tc := range []struct {
		name     string
		s        *snapshot.Snapshot
		st       Status
		says     string
		evidence string
	}{
		{"show hosts: lookup disabled", snapOf(t, snapshot.CmdCallhome, callhome, snapshot.CmdHosts, hosts("DNS lookup disabled")),
			Fail, "`show hosts` says domain lookup is disabled", "DNS lookup disabled"},
		{"show hosts: lookup enabled", snapOf(t, snapshot.CmdCallhome, callhome, snapshot.CmdHosts, hosts("DNS lookup enabled")),
			Pass, "`show hosts` says domain lookup is enabled", "DNS lookup enabled"},
		{"config: no ip domain-lookup", snapOf(t, snapshot.CmdCallhome, callhome, snapshot.CmdDNSConfig, "no ip domain-lookup"),
			Fail, "`no ip domain-lookup` is configured", "no ip domain-lookup"},
		{"neither captured", snapOf(t, snapshot.CmdCallhome, callhome),
			Skipped, "not checked: run `" + snapshot.CmdDNSConfig + "`", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, "DNS001", tc.s)
			wantSays(t, r, tc.st, []string{tc.says})
			if tc.evidence != "" && (len(r.Evidence) == 0 || r.Evidence[0].Text != tc.evidence) {
				t.Errorf("evidence %+v, want the line %q", r.Evidence, tc.evidence)
			}
		})
	}
}
