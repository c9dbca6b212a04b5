package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/remedies"
)

// TestTextWraps: prose (messages, skip reasons, fixes, notes, references)
// wraps to the width under its column; evidence, config and verify lines
// and commands in backticks never break, so they can be pasted as they are.
func TestTextWraps(t *testing.T) {
	const width = 60
	long := strings.Repeat("word ", 30)
	config := "  no destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEService"
	evidence := "  destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEService"
	cmd := "`show running-config | include \"domain-lookup|name-server|vrf context\"`"
	doc := &Document{Devices: []Device{{Hostname: "sw1", CapturedAt: "2023-03-14T10:02:11Z", Results: []checks.Result{
		{ID: "DNS001", Title: "DNS lookups are enabled", Status: checks.Skipped, Reason: "not checked: run " + cmd},
		{ID: "CH002", Title: "CiscoTAC-1 destination uses HTTPS", Status: checks.Fail, Severity: checks.Error,
			Message:    long,
			Evidence:   []capture.Ref{{Command: "show running-config callhome", Source: "c.txt", Line: 35, Text: evidence}},
			Remedy:     &remedies.Remedy{Summary: long, Config: []string{"configure terminal", "callhome", config, "end"}, Verify: []string{"telnet tools.cisco.com 443 vrf management"}, Notes: []string{long}},
			References: []string{long}},
	}}}}
	var b bytes.Buffer
	if err := Render(&b, doc, Options{Format: Text, Width: width, Full: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, whole := range []string{config, "35: " + evidence, cmd, "telnet tools.cisco.com 443 vrf management"} {
		if !strings.Contains(out, whole) {
			t.Errorf("%q was broken or lost:\n%s", whole, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if len(l) > width && !strings.Contains(l, "DDCEService") && !strings.Contains(l, strings.Trim(cmd, "`")) {
			t.Errorf("line of %d columns, wider than %d: %q", len(l), width, l)
		}
	}
	if !strings.Contains(out, "\n"+strings.Repeat(" ", titleColumn)+cmd+"\n") {
		t.Errorf("the skip reason does not continue under the title column:\n%s", out)
	}
	if !strings.Contains(out, "\n        word") {
		t.Errorf("a note does not continue aligned after its label:\n%s", out)
	}
}
