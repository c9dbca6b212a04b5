package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/checks"
)

func TestChecksListsTheWholeCatalogueInOrder(t *testing.T) {
	if err := checks.Validate(); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, false, nil, "", "checks")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	pos := -1
	for _, id := range checks.Catalogue() {
		i := strings.Index(r.out, "  "+id+" ")
		if i < 0 {
			t.Errorf("%s missing from `slcheck checks`", id)
			continue
		}
		if i < pos {
			t.Errorf("%s out of catalogue order", id)
		}
		pos = i
	}

	r = runCLI(t, false, nil, "", "checks", "--output", "json")
	var entries []catalogEntry
	if err := json.Unmarshal([]byte(r.out), &entries); err != nil {
		t.Fatalf("checks --output json: %v\n%s", err, r.out)
	}
	cat := checks.Catalogue()
	if len(entries) != len(cat) {
		t.Fatalf("%d entries, want %d", len(entries), len(cat))
	}
	for i, e := range entries {
		if e.ID != cat[i] || !e.Implemented || e.Title == "" || e.Severity == "" || len(e.Needs) == 0 {
			t.Errorf("entry %d: %+v", i, e)
		}
	}
	if r := runCLI(t, false, nil, "", "checks", "--output", "yaml"); r.code != ExitUsage {
		t.Errorf("--output yaml: exit %d", r.code)
	}
}

// Every catalogue ID has its explanation, from the same metadata the
// checks use, whatever the case of the ID typed.
func TestExplainEveryCatalogueID(t *testing.T) {
	for _, id := range checks.Catalogue() {
		c, ok := checks.Lookup(id)
		if !ok {
			t.Errorf("%s is in the catalogue but not registered", id)
			continue
		}
		r := runCLI(t, false, nil, "", "explain", strings.ToLower(id))
		if r.code != ExitOK {
			t.Errorf("explain %s: exit %d: %s", id, r.code, r.err)
			continue
		}
		want := []string{id + "  " + c.Title, "What it looks at", "Why it matters", "How to fix it", "References",
			string(c.Severity)}
		want = append(want, c.Needs...)
		want = append(want, c.References...)
		for _, w := range want {
			if !strings.Contains(r.out, w) {
				t.Errorf("explain %s lacks %q", id, w)
			}
		}
		// The explanation text itself, word for word (wrapping only moves spaces).
		flat := strings.Join(strings.Fields(r.out), " ")
		for _, text := range []string{c.Explain.What, c.Explain.Why, c.Explain.Fix} {
			if !strings.Contains(flat, strings.Join(strings.Fields(text), " ")) {
				t.Errorf("explain %s lacks %q", id, text)
			}
		}
	}
}

func TestExplainUnknownID(t *testing.T) {
	for _, args := range [][]string{{"explain", "XYZ999"}, {"explain"}, {"explain", "LIC001", "XYZ999"}} {
		r := runCLI(t, false, nil, "", args...)
		if r.code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, r.code, ExitUsage)
		}
		if r.out != "" {
			t.Errorf("%v printed %q on stdout", args, r.out)
		}
	}
	if r := runCLI(t, false, nil, "", "explain", "XYZ999"); !strings.Contains(r.err, `unknown check "XYZ999"`) {
		t.Errorf("stderr %q", r.err)
	}
}

func TestCommandsBlock(t *testing.T) {
	r := runCLI(t, false, nil, "", "commands")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	lines := strings.Split(strings.TrimSuffix(r.out, "\n"), "\n")
	if lines[0] != "terminal length 0" || lines[1] != "terminal width 511" {
		t.Errorf("first lines %q", lines[:2])
	}
	// Once telnet connects, what is pasted after it goes to the remote port.
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "telnet ") {
		t.Errorf("last line %q, want the telnet test", last)
	}
	seen := map[string]int{}
	for i, l := range lines {
		if _, dup := seen[l]; dup {
			t.Errorf("%q twice", l)
		}
		seen[l] = i
		if strings.ContainsAny(l, "<>") || strings.TrimSpace(l) != l || l == "" {
			t.Errorf("line %q is not paste-ready", l)
		}
	}
	for _, c := range checks.All() {
		for _, n := range c.Needs {
			n = strings.NewReplacer(placeholderVRF, "management", placeholderHost, "tools.cisco.com").Replace(n)
			if _, ok := seen[n]; !ok {
				t.Errorf("%s needs %q, missing from the block", c.ID, n)
			}
		}
	}
	order := []string{"show version", "show clock", "show license status", "show running-config callhome",
		"ping tools.cisco.com vrf management", "telnet tools.cisco.com 443 vrf management"}
	for i := 1; i < len(order); i++ {
		a, okA := seen[order[i-1]]
		b, okB := seen[order[i]]
		if !okA || !okB || a > b {
			t.Errorf("%q (%d, %v) should come before %q (%d, %v)", order[i-1], a, okA, order[i], b, okB)
		}
	}

	r = runCLI(t, false, nil, "", "commands", "--vrf", "default", "--host", "smartreceiver.cisco.com")
	for _, want := range []string{"ping smartreceiver.cisco.com vrf default", "show ip route vrf default"} {
		if !strings.Contains(r.out, want+"\n") {
			t.Errorf("--vrf/--host: %q missing in\n%s", want, r.out)
		}
	}
	if r := runCLI(t, false, nil, "", "commands", "--vrf", "a b"); r.code != ExitUsage {
		t.Errorf("--vrf with a space: exit %d", r.code)
	}
}
