package collect

import (
	"maps"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/internal/sshdtest"
)

// A switch that refuses or ignores `terminal length 0` and pages with
// --More--: slcheck turns the pages with a space and keeps each output
// whole, indentation included, with no pager mark, whatever the pager
// writes to erase its mark; it says so in a note.
func TestPaging(t *testing.T) {
	out := maps.Clone(outputs)
	var cfg []string
	for i := range 40 {
		cfg = append(cfg, "interface Ethernet1/"+string(rune('0'+i%10)), "  description uplink-"+strings.Repeat("x", i%7), "  no shutdown")
	}
	out["show running-config"] = outputs["show running-config"] + "\n" + strings.Join(cfg, "\n")
	erases := map[string]string{
		"cr-el":      "\r\x1b[K",
		"cr-blanks":  "\r" + strings.Repeat(" ", 10) + "\r",
		"backspaces": strings.Repeat("\b", 8) + strings.Repeat(" ", 8) + strings.Repeat("\b", 8),
	}
	for _, tr := range transports(t) {
		for _, tl := range []string{"refuse", "ignore"} {
			for name, erase := range erases {
				t.Run("nxsim/"+tr+"/"+tl+"/"+name, func(t *testing.T) {
					d := start(t, nxsim.Config{Outputs: out,
						Faults: nxsim.Faults{PageLength: 7, TerminalLength: tl, PageErase: erase}})
					res := collectOne(t, d, testOptions(t, d, tr))
					if res.Failure != nil {
						t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
					}
					assertPaged(t, res, out)
				})
			}
		}
	}
	t.Run("openssh-server/system", func(t *testing.T) {
		s := sshdtest.Start(t, sshdtest.Config{Device: nxsim.Config{Outputs: out,
			Faults: nxsim.Faults{PageLength: 7, TerminalLength: "refuse"}}})
		res := collectFrom(t, sshdOptions(t, s), sshdTarget(s))
		if res.Failure != nil {
			t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
		}
		assertPaged(t, res, out)
	})
}

func assertPaged(t *testing.T, res *Result, out map[string]string) {
	t.Helper()
	for _, cmd := range []string{"show running-config", "show version", "show ip route vrf management"} {
		if got := section(t, res.Text, cmd); got != out[cmd] {
			t.Errorf("%s read back as\n%q\nwant\n%q", cmd, got, out[cmd])
		}
	}
	if strings.Contains(res.Text, "More") {
		t.Errorf("a pager mark is left in the capture")
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "space") {
		t.Errorf("notes %q, want one about paging", res.Notes)
	}
}
