package collect

import (
	"regexp"
	"testing"
)

// atPrompt, inOtherMode and the telnet> check of untilPrompt compare
// strings where slcheck compiled a pattern of the switch's name for every
// host; they must match the same lines as those patterns did.
func TestPromptChecksMatchPatterns(t *testing.T) {
	hosts := []string{"n9k-01", "DC-DMZ", "sw.1", "a_b", "x"}
	tails := []string{"", "#", "# ", "#  ", "#\t", "#\r", "#\f", "#\v", "#x", ">", "> ", ">>", "(config)#",
		"(config)# ", "(config-callhome)#", "(config-if)#x", "(config+a.b-c@d/e:f)# ", "(config" + string(make([]byte, 40)) + ")#",
		"(configure)#", "-tcl#", "-tcl# ", "-tcl", "(config-tcl)#", "%", "#\n", " #", "1#"}
	for _, h := range hosts {
		own := regexp.MustCompile(`^` + regexp.QuoteMeta(h+"#") + `\s?$`)
		other := regexp.MustCompile(`^` + regexp.QuoteMeta(h) + `(?:\(config[\+\w.\-@/:]{0,32}\)#|-tcl#|>)\s?$`)
		s := &session{prompt: h + "#", res: &Result{Hostname: h}}
		for _, pre := range []string{"", h, "x", h[:1]} {
			for _, tail := range tails {
				line := []byte(pre + tail)
				if got, want := s.atPrompt(line), own.Match(line); got != want {
					t.Errorf("atPrompt(%q) with prompt %q = %v, the pattern says %v", line, s.prompt, got, want)
				}
				if got, want := s.inOtherMode(line), other.Match(line); got != want {
					t.Errorf("inOtherMode(%q) with host %q = %v, the pattern says %v", line, h, got, want)
				}
			}
		}
	}
	telnet := regexp.MustCompile(`^telnet>\s?$`)
	for _, line := range []string{"telnet>", "telnet> ", "telnet>  ", "telnet>x", "telnet", " telnet>", "telnet>\t"} {
		if got, want := isPrompt([]byte(line), "telnet>"), telnet.MatchString(line); got != want {
			t.Errorf("isPrompt(%q, telnet>) = %v, the pattern says %v", line, got, want)
		}
	}
	// Before login confirmed a prompt, nothing is one.
	s := &session{res: &Result{}}
	if s.atPrompt([]byte("#")) || s.inOtherMode([]byte(">")) {
		t.Error("a prompt matched before login")
	}
}
