package checks

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

// Every catalogue ID has a complete check, and a device gets exactly one
// result per ID, in catalogue order, even from an empty snapshot.
func TestRegistryCoversCatalogue(t *testing.T) {
	if err := Validate(); err != nil {
		t.Fatal(err)
	}
	res := Run(&snapshot.Snapshot{Commands: map[string]bool{}})
	catalogue := Catalogue()
	if len(res) != len(catalogue) {
		t.Fatalf("%d results for %d catalogue IDs", len(res), len(catalogue))
	}
	for i, r := range res {
		if r.ID != catalogue[i] {
			t.Errorf("result %d is %s, want %s", i, r.ID, catalogue[i])
		}
		if r.Status == Pass {
			t.Errorf("%s passes on an empty snapshot: %s", r.ID, r.Message)
		}
		if r.Status == Skipped && r.Reason == "" {
			t.Errorf("%s is skipped without a reason", r.ID)
		}
	}
}

// Judge skips each check where its Applies says it does not apply, with the
// standard reason, and reports it not checked when its first Requires fact
// is missing: no check repeats the guard.
func TestJudgeFollowsMetadata(t *testing.T) {
	foreign := &snapshot.Snapshot{Commands: map[string]bool{}, Software: capture.SoftwareIOSXE,
		Foreign: []capture.Ref{{Source: "t.txt", Line: 1, Text: "Building configuration..."}}}
	slp := slpSnap(slpLic(), nil, slpAt())
	classic := lsnap(seedLic(), time.Time{})
	empty := &snapshot.Snapshot{Commands: map[string]bool{}}
	for _, c := range All() {
		t.Run(c.ID, func(t *testing.T) {
			if c.Applies != AnyInput {
				want(t, c.Judge(foreign), Skipped, "not applicable: IOS-XE output, not NX-OS (see PLT003)")
			}
			switch c.Applies {
			case Classic:
				want(t, c.Judge(slp), Skipped, "not applicable: NX-OS 10.3(6) runs Smart Licensing Using Policy")
			case SLP:
				want(t, c.Judge(classic), Skipped, "not applicable: NX-OS 9.3(4) runs classic Smart Licensing")
			}
			if len(c.Requires) > 0 && c.Applies != SLP {
				req := c.Requires[0]
				want(t, c.Judge(empty), Skipped, "not checked: run `"+req.Commands[0]+"`")
			}
		})
	}
}

// Judge skips every check whose When lists a condition, on a device where
// that condition does not hold, with the condition's reason: no Run repeats
// the guard.
func TestJudgeFollowsWhen(t *testing.T) {
	unregistered := &parsers.License{Registration: parsers.RegistrationState{
		Status: capture.Fact[string]{Value: "UNREGISTERED", Ref: lref(snapshot.CmdLicenseStatus, 4, "Status: UNREGISTERED")}}}
	odd := withLic(func(l *parsers.License) {
		l.Registration.Status.Value, l.Authorization.Status.Value = "HALF-REGISTERED", "PONDERING"
	})
	at := lutc(2022, 8, 1, 0, 0)
	cases := []struct {
		name   string
		cond   Condition
		s      *snapshot.Snapshot
		reason string
	}{
		{"license enabled", licenseEnabled, lsnap(withLic(func(l *parsers.License) {
			l.Enabled = capture.Fact[bool]{Ref: lref(snapshot.CmdLicenseStatus, 1, "Smart Licensing is DISABLED")}
		}), at), "not applicable: Smart Licensing is disabled (see LIC001)"},
		{"license status known", licenseStatusKnown, lsnap(odd, at), "not judged: slcheck does not recognise the status"},
		{"device registered", deviceRegistered, lsnap(unregistered, at), "not applicable: the device is not registered (UNREGISTERED; see LIC002)"},
		{"callhome configured", callhomeConfigured, snapOf(t, snapshot.CmdCallhome, "!Command: show running-config callhome\nversion 9.3(4)\n"), "not applicable: the switch has no callhome configuration (see CH001)"},
		{"TAC URL configured", tacURLConfigured, snapOf(t, snapshot.CmdCallhome, callhomeCfg("email-contact a@example.com")), "not applicable: CiscoTAC-1 has no HTTP destination URL (see CH003)"},
		{"SLP transport known", slpTransportKnown, slpSnap(nil, nil, slpAt()), "not checked: run `show license status` and `show running-config | include license`"},
		{"DNS probed", dnsProbed, &snapshot.Snapshot{Path: mgmtPath}, "not run: add --probe (or --probe dns)"},
		{"TLS probed", tlsProbed, &snapshot.Snapshot{Path: mgmtPath, Probes: &snapshot.Probes{TLSRan: true}}, "not run: the TLS probe did not connect"},
		{"SLP URL shown", slpURLShown, slpSnap(editSLP(func(l *parsers.License) { l.Transport.Type = "Transport Off" }), nil, slpAt()), "not applicable: the transport is off (see SLP001)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			for _, c := range All() {
				if !slices.ContainsFunc(c.When, func(w Condition) bool { return w.State == tc.cond.State }) {
					continue
				}
				n++
				want(t, c.Judge(tc.s), Skipped, tc.reason)
			}
			if n == 0 {
				t.Errorf("no check lists the condition")
			}
		})
	}
}

// The catalogue order comes from the metadata alone (area, then ID) and is
// the contract's: a check registered in any order lands in its place.
func TestCatalogueOrderFromMetadata(t *testing.T) {
	contract := []string{
		"PLT001", "PLT002", "PLT003",
		"LIC001", "LIC002", "LIC003", "LIC004", "LIC005", "LIC006", "LIC007",
		"CH001", "CH002", "CH003", "CH004", "CH005",
		"NET001", "NET002", "NET003", "NET004",
		"DNS001", "DNS002", "DNS003", "DNS004",
		"TLS001", "TLS002", "TLS003",
		"SLP001", "SLP002", "SLP003", "SLP004",
		"LOG001", "CLK001",
	}
	// The contract's IDs keep their order; a new check may land anywhere
	// its metadata places it.
	var kept []string
	for _, id := range Catalogue() {
		if slices.Contains(contract, id) {
			kept = append(kept, id)
		}
	}
	if !slices.Equal(kept, contract) {
		t.Fatalf("catalogue order of the contract's IDs\n got %v\nwant %v", kept, contract)
	}
	all := All()
	if !slices.IsSortedFunc(all, func(a, b *Check) int {
		if before(a, b) {
			return -1
		}
		return 1
	}) {
		t.Error("All is not sorted by area, then ID")
	}
	// Registering in reverse (or any) order gives the same catalogue.
	saved := registry
	defer func() { registry = saved }()
	registry = nil
	for _, c := range slices.Backward(all) {
		register(c)
	}
	if got := Catalogue(); !slices.Equal(got, idsOf(all)) {
		t.Errorf("reverse registration gives %v", got)
	}
	// A check whose area does not hold its prefix is refused.
	registry = []*Check{{ID: "LIC099", Area: AreaDNS, Title: "t", Severity: Info, Applies: NXOS,
		References: []string{"r"}, Explain: Explain{What: "w", Why: "y", Fix: "f"}, Run: runPLT003}}
	if err := Validate(); err == nil || !strings.Contains(err.Error(), `area "DNS" is not one of checks.areas or does not list the prefix LIC`) {
		t.Errorf("Validate: %v", err)
	}
}

func idsOf(cs []*Check) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}
