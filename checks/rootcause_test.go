package checks

import (
	"strings"
	"testing"
)

// A cause is never caused by one of its own consequences: the Causes graph
// has no cycle, and every cause named is a registered check.
func TestCausesAcyclic(t *testing.T) {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[string]int{}
	var visit func(id string, path []string)
	visit = func(id string, path []string) {
		switch state[id] {
		case onPath:
			t.Fatalf("cycle of causes: %s", strings.Join(append(path, id), " -> "))
		case done:
			return
		}
		state[id] = onPath
		c, ok := Lookup(id)
		if !ok {
			t.Fatalf("%s names the unknown cause %s", strings.Join(path, " -> "), id)
		}
		for _, cause := range c.Causes {
			visit(cause, append(path, id))
		}
		state[id] = done
	}
	for _, id := range Catalogue() {
		visit(id, nil)
	}
	// Every check a failure text points to exists.
	for _, f := range failureCauses {
		for _, id := range f.Checks {
			if _, ok := Lookup(id); !ok {
				t.Errorf("%v points to the unknown check %s", f.Texts, id)
			}
		}
	}
}

func TestLinkCauses(t *testing.T) {
	fail := func(id string, sev Severity, pointsTo ...string) Result {
		return Result{ID: id, Status: Fail, Severity: sev, pointsTo: pointsTo}
	}
	skip := func(id string) Result { return Result{ID: id, Status: Skipped} }
	dnsText := []string{"DNS001", "DNS002", "DNS003", "DNS004"}
	tests := []struct {
		name    string
		results []Result
		want    map[string]string // ID -> CausedBy; "" for a root cause
	}{
		{"http URL: one root cause, two consequences",
			[]Result{fail("LIC002", Warning), fail("LIC003", Error, "CH002"), fail("CH002", Error)},
			map[string]string{"LIC002": "CH002", "LIC003": "CH002", "CH002": ""}},
		{"the failure text picks DNS over a missing route",
			[]Result{fail("LIC003", Error, dnsText...), fail("LIC004", Error, dnsText...), fail("NET002", Error), fail("DNS001", Error), fail("DNS002", Error)},
			map[string]string{"LIC003": "DNS001", "LIC004": "DNS001", "NET002": "", "DNS001": "", "DNS002": ""}},
		{"without a telling text the most basic cause wins",
			[]Result{fail("LIC004", Error), fail("NET002", Error), fail("DNS001", Error)},
			map[string]string{"LIC004": "NET002"}},
		{"a pointed check that is not a declared cause is ignored",
			[]Result{fail("LIC003", Error, "SLP002"), fail("SLP002", Error), fail("NET001", Error)},
			map[string]string{"LIC003": "NET001"}},
		{"an unregistered switch is laid on its failed registration, then on its cause",
			[]Result{fail("LIC002", Warning), fail("LIC003", Error, "TLS002"), fail("TLS002", Warning), fail("NET002", Error)},
			map[string]string{"LIC002": "TLS002", "LIC003": "TLS002"}},
		{"failed registration alone is the root cause of being unregistered",
			[]Result{fail("LIC002", Warning), fail("LIC003", Error)},
			map[string]string{"LIC002": "LIC003", "LIC003": ""}},
		{"chains collapse to the most basic cause",
			[]Result{fail("LIC004", Error, "TLS001"), fail("TLS001", Warning), fail("TLS002", Warning)},
			map[string]string{"LIC004": "TLS002", "TLS001": "TLS002"}},
		{"an info failure is never a cause",
			[]Result{fail("SLP003", Warning), fail("SLP001", Info)},
			map[string]string{"SLP003": ""}},
		{"a skipped check is never a cause",
			[]Result{fail("DNS003", Error), skip("DNS001"), skip("DNS002")},
			map[string]string{"DNS003": ""}},
		{"a passing result is never a consequence",
			[]Result{{ID: "LIC003", Status: Pass}, fail("CH002", Error)},
			map[string]string{"LIC003": "", "CH002": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			linkCauses(tt.results)
			for _, r := range tt.results {
				if want, ok := tt.want[r.ID]; ok && r.CausedBy != want {
					t.Errorf("%s caused by %q, want %q", r.ID, r.CausedBy, want)
				}
			}
		})
	}
}

// The failure texts of domain §5 reach the result, so linking can use them.
func TestPointTo(t *testing.T) {
	c, _ := Lookup("LIC003")
	r := pointTo(c.Fail("x", nil), "Unable to resolve server hostname/domain name")
	if strings.Join(r.pointsTo, ",") != "DNS001,DNS002,DNS003,DNS004" {
		t.Errorf("points to %v", r.pointsTo)
	}
	if r := pointTo(c.Fail("x", nil), "something new"); r.pointsTo != nil {
		t.Errorf("unknown text points to %v", r.pointsTo)
	}
}

// End to end through the real parsers: one switch whose Call Home URL is
// http:// shows one root cause, CH002, with the failed registration and the
// evaluation mode under it, not three unrelated errors.
func TestHTTPURLHasOneRootCause(t *testing.T) {
	s := snapOf(t,
		"show version", "Software\n  NXOS: version 9.3(5)\nHardware\n  cisco Nexus9000 C9348GC-FXP Chassis\n  Device name: DC-DMZ",
		"show clock", "10:02:11.000 UTC Tue Mar 14 2023",
		"show running-config callhome", callhomeCfg("email-contact noc@example.com",
			"destination-profile CiscoTAC-1 transport-method http",
			"destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEService",
			"transport http use-vrf management", "enable"),
		"show license status", "Smart Licensing is ENABLED\n\nRegistration:\n  Status: UNREGISTERED - REGISTRATION FAILED\n"+
			"  Export-Controlled Functionality: NOT ALLOWED\n  Initial Registration: FAILED on Mar 14 09:57:31 2023 UTC\n"+
			"    Failure reason: Failed to parse response data from SCH server\n\nLicense Authorization:\n  Status: EVAL MODE\n"+
			"  Evaluation Period Remaining: 81 days, 2 hours, 5 minutes, 0 seconds\n")
	var roots, under []string
	for _, r := range Run(s) {
		switch {
		case r.Status != Fail:
		case r.CausedBy == "":
			roots = append(roots, r.ID)
		case r.CausedBy == "CH002":
			under = append(under, r.ID)
		default:
			t.Errorf("%s caused by %s", r.ID, r.CausedBy)
		}
	}
	if strings.Join(roots, ",") != "CH002" || strings.Join(under, ",") != "LIC002,LIC003" {
		t.Errorf("root causes %v, under CH002 %v; want CH002 with LIC002 and LIC003 under it", roots, under)
	}
}
