package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
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
		for _, text := range []string{c.Explain.What, c.Explain.Why, c.Explain.Fix, appliesSentence(c)} {
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
			n = strings.NewReplacer(placeholderVRF, "management", placeholderHost, "tools.cisco.com", placeholderPort, "443").Replace(n)
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

	r = runCLI(t, false, nil, "", "commands", "--vrf", "default", "--host", "cslu.example.net", "--port", "8182")
	for _, want := range []string{"ping cslu.example.net vrf default", "show ip route vrf default", "telnet cslu.example.net 8182 vrf default"} {
		if !strings.Contains(r.out, want+"\n") {
			t.Errorf("--vrf/--host: %q missing in\n%s", want, r.out)
		}
	}
	for _, bad := range [][]string{{"--vrf", "a b"}, {"--host", "x;reload"}, {"--port", "0"}, {"--port", "70000"}} {
		if r := runCLI(t, false, nil, "", append([]string{"commands"}, bad...)...); r.code != ExitUsage {
			t.Errorf("%q: exit %d", bad, r.code)
		}
	}
}

// Given a capture, the block's route, ping and telnet tests follow the
// switch's licensing path: its VRF, and the host and port it connects to.
// When the capture does not tell the VRF, the block asks what would and
// holds no test in a guessed VRF.
func TestCommandsFromCapture(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	const nxos103 = "sw1# show version\nCisco Nexus Operating System (NX-OS) Software\n  NXOS: version 10.3(6) [Maintenance Release]\n  cisco Nexus9000 C93108TC-EX chassis\n"
	tests := []struct {
		name, capture string
		tests         []string // the route, ping and telnet lines, in order
		also, errHas  string
	}{
		{"classic through a proxy", "sw1# show running-config callhome\ncallhome\n  destination-profile CiscoTAC-1 index 1 http https://tools.cisco.com/its/service/oddce/services/DDCEService\n  transport http use-vrf blue\n  transport http proxy server proxy.example.com port 3128\n  transport http proxy enable\n  enable\nsw1# ",
			[]string{"show ip route vrf blue", "ping proxy.example.com vrf blue", "telnet proxy.example.com 3128 vrf blue"}, "", ""},
		{"SLP CSLU on 8182, VRF from the status", nxos103 + "sw1# show running-config | include license\nlicense smart transport cslu\nlicense smart url cslu http://cslu.example.net:8182/cslu/v1/pi\n" +
			"sw1# show license status\nSmart Licensing Using Policy:\n  Status: ENABLED\nTransport:\n  Type: cslu\n  Cslu address: http://cslu.example.net:8182/cslu/v1/pi\n  Proxy:\n    Not Configured\n  VRF: management\nsw1# ",
			[]string{"show ip route vrf management", "ping cslu.example.net vrf management", "telnet cslu.example.net 8182 vrf management"}, "", ""},
		{"SLP, no VRF anywhere", nxos103 + "sw1# show running-config | include license\nlicense smart transport smart\nlicense smart url smart https://smartreceiver.cisco.com/licservice/license\n" +
			"sw1# show license status\nSmart Licensing Using Policy:\n  Status: ENABLED\nTransport:\n  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  VRF:\n    Not Supported\nsw1# ",
			nil, "show running-config all | include license", "does not tell the whole licensing path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, false, nil, "", "commands", write(strings.ReplaceAll(tt.name, " ", "_")+".log", tt.capture))
			if r.code != ExitOK {
				t.Fatalf("exit %d: %s", r.code, r.err)
			}
			var got []string
			lines := strings.Split(strings.TrimSuffix(r.out, "\n"), "\n")
			for _, l := range lines {
				if strings.HasPrefix(l, "show ip route") || strings.HasPrefix(l, "ping ") || strings.HasPrefix(l, "telnet ") {
					got = append(got, l)
				}
				if strings.ContainsAny(l, "<>") {
					t.Errorf("line %q is not paste-ready", l)
				}
			}
			if !slices.Equal(got, tt.tests) {
				t.Errorf("tests %q, want %q", got, tt.tests)
			}
			if tt.also != "" && !slices.Contains(lines, tt.also) {
				t.Errorf("the block lacks %q:\n%s", tt.also, r.out)
			}
			if !strings.Contains(r.err, tt.errHas) || (tt.errHas == "") != (r.err == "") {
				t.Errorf("stderr %q, want %q", r.err, tt.errHas)
			}
		})
	}
	if r := runCLI(t, false, nil, "", "commands", "--vrf", "blue", write("x.log", "sw1# show clock\n10:00:00.000 UTC Tue Mar 14 2023\n")); r.code != ExitUsage || !strings.Contains(r.err, "not both") {
		t.Errorf("capture and --vrf: exit %d %q", r.code, r.err)
	}
	if r := runCLI(t, false, nil, "", "commands", filepath.Join(dir, "missing.log")); r.code != ExitUsage || !strings.Contains(r.err, "missing.log") {
		t.Errorf("missing capture: exit %d %q", r.code, r.err)
	}
	two := runCLI(t, false, nil, "", "commands", "../../testdata/showoutputs/two-devices/capture.txt")
	if two.code != ExitOK || strings.Count(two.out, "terminal length 0\n") != 2 || !strings.Contains(two.out, "# leaf-102 (") ||
		!strings.Contains(two.out, "telnet 10.1.1.1 443 vrf default\n") || !strings.Contains(two.out, "telnet tools.cisco.com 443 vrf management\n") {
		t.Errorf("two devices: exit %d, stdout %q, stderr %q", two.code, two.out, two.err)
	}
}

// explain says when a check applies and what it needs, from its metadata.
func TestExplainSaysWhenACheckApplies(t *testing.T) {
	for _, tt := range []struct{ id, want string }{
		{"PLT003", "Applies to any input."},
		{"CH001", "Applies to classic Smart Licensing on standalone NX-OS (also when the input does not show the licensing mode); elsewhere it is skipped. Not checked without the callhome configuration."},
		{"SLP001", "Applies to Smart Licensing Using Policy on standalone NX-OS (10.2(1)F and later, MDS 9.2(2) and later); elsewhere it is skipped. Judged only when the SLP transport is known (from `show license status` or the license configuration); otherwise skipped with the reason."},
		{"LIC005", "Applies to classic Smart Licensing on standalone NX-OS (also when the input does not show the licensing mode); elsewhere it is skipped. Not checked without the license status. Judged only when Smart Licensing is enabled and the device is registered; otherwise skipped with the reason."},
		{"CH002", "Applies to classic Smart Licensing on standalone NX-OS (also when the input does not show the licensing mode); elsewhere it is skipped. Not checked without the callhome configuration. Judged only when the switch has a callhome configuration, and CiscoTAC-1 has an HTTP destination URL; otherwise skipped with the reason."},
		{"NET002", "Applies to standalone NX-OS, one device; elsewhere it is skipped."},
	} {
		r := runCLI(t, false, nil, "", "explain", tt.id)
		if flat := strings.Join(strings.Fields(r.out), " "); !strings.Contains(flat, tt.want) {
			t.Errorf("explain %s lacks %q:\n%s", tt.id, tt.want, r.out)
		}
		md := runCLI(t, false, nil, "", "explain", tt.id, "-o", "markdown")
		if !strings.Contains(md.out, "\n"+tt.want+"\n") {
			t.Errorf("explain %s -o markdown lacks %q", tt.id, tt.want)
		}
	}
}
