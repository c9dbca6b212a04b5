package parsers

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
)

// ParsePing and ParseTCPTest try each anchored pattern only on the lines
// whose lead may start it (lead, starts); parsePingBefore and
// parseTCPTestBefore are the two as they were before, trying every
// pattern on every line, kept as the reference they must agree with.

// pingEdges are lines at the gates' edges: each pattern's line with other
// leads, cases, blanks before it, and the characters (?i) folds into ASCII.
var pingEdges = []string{
	"PING tools.cisco.com (72.163.4.38): 56 data bytes", "  ping x (1.2.3.4)", "\tPING x (y)", "ṔING x (y)",
	"64 bytes from 72.163.4.38: icmp_seq=0 ttl=239 time=68.432 ms", " 64 BYTES FROM x", "x64 bytes from y",
	"Request 0 timed out", "  request 12 TIMED OUT", "Rеquest 0 timed out",
	"2 packets transmitted, 2 packets received, 0.00% packet loss", "2 packets transmitted, 0 packets received, 100.00% packet loss",
	"--- tools.cisco.com ping statistics ---", " --- x PING STATISTICS ---", "-- x ping statistics ---",
	"% Invalid host/interface tools.cisco.com", "ping: unknown host x", "Trying 72.163.4.38...",
	"Connected to tools.cisco.com.", "  CONNECTED TO x", "Connection refused", "telnet: Unable to connect to remote host: Connection timed out",
	"Connection closed by foreign host.", "No route to host", "", " ", "\f", "\r",
	"ſomething", "K", "\u212a", "-", "0", "9 bytes from",
}

func TestPingAsBefore(t *testing.T) {
	texts := []string{strings.Join(pingEdges, "\n")}
	for _, l := range pingEdges {
		texts = append(texts, l)
		// After a title without a head line, the title names the target.
		texts = append(texts, l+"\n2 packets transmitted, 2 packets received, 0.00% packet loss")
	}
	// Every file of the repository's testdata trees (the shared fixtures
	// among them) and each section capture finds in it, read as the
	// output of a ping and of a telnet.
	seeds, err := seedTexts()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, seeds...)
	if len(texts) < 100 {
		t.Fatalf("%d texts: captures not found", len(texts))
	}
	pings := 0
	for _, text := range texts {
		if pingAsBefore(t, text) {
			pings++
		}
	}
	if pings < 10 {
		t.Errorf("only %d texts read as a ping: the comparison proves little", pings)
	}
}

func FuzzPingAsBefore(f *testing.F) {
	seedCorpus(f, append([]string{strings.Join(pingEdges, "\n")}, pingEdges...)...)
	f.Fuzz(func(t *testing.T, text string) { pingAsBefore(t, text) })
}

// pingAsBefore compares both parsers with their reference on text, typed
// and not, and reports whether the ping parser found a ping in it.
func pingAsBefore(t *testing.T, text string) bool {
	found := false
	for _, typed := range []string{"", "ping tools.cisco.com vrf management"} {
		sec := section("ping", typed, text)
		got, want := ParsePing(sec), parsePingBefore(sec)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParsePing of %.200q (typed %q) = %+v, before %+v", text, typed, got, want)
		}
		found = found || got != nil
		sec = section("telnet", strings.Replace(typed, "ping", "telnet", 1), text)
		if got, want := ParseTCPTest(sec), parseTCPTestBefore(sec); !reflect.DeepEqual(got, want) {
			t.Errorf("ParseTCPTest of %.200q (typed %q) = %+v, before %+v", text, typed, got, want)
		}
	}
	return found
}

// parsePingBefore is ParsePing before its gates.
func parsePingBefore(sec *capture.Section) *Ping {
	p := &Ping{Ref: sec.HeaderRef()}
	p.Target, _, p.VRF = commandArgs(sec, "ping")
	seen := false
	replies := 0
	for _, l := range sec.Lines {
		t := l.Text
		switch {
		case pingHeadRE.MatchString(t):
			m := pingHeadRE.FindStringSubmatch(t)
			if p.Target == "" {
				p.Target = m[1]
			}
			p.Address = m[2]
			seen = true
		case pingReplyRE.MatchString(t):
			replies++
			seen = true
		case pingTmoRE.MatchString(t):
			p.TimedOut++
			seen = true
		case pingStatsRE.MatchString(t):
			m := pingStatsRE.FindStringSubmatch(t)
			p.Sent, _ = strconv.Atoi(m[1])
			p.Received, _ = strconv.Atoi(m[2])
			p.Loss, _ = strconv.ParseFloat(m[3], 64)
			p.Stats = true
			p.Ref = sec.Ref(l)
			seen = true
		case pingTitleRE.MatchString(t):
			if p.Target == "" {
				p.Target = pingTitleRE.FindStringSubmatch(t)[1]
			}
		case mayBeUnresolved(t) && unresolvedRE.MatchString(t):
			p.Unresolved = true
			p.Ref = sec.Ref(l)
			seen = true
		}
	}
	if !seen {
		return nil
	}
	if !p.Stats && !p.Unresolved {
		p.Sent, p.Received = replies+p.TimedOut, replies
		if p.Sent > 0 {
			p.Loss = 100 * float64(p.Sent-p.Received) / float64(p.Sent)
		}
	}
	return p
}

// parseTCPTestBefore is ParseTCPTest before its gate.
func parseTCPTestBefore(sec *capture.Section) *TCPTest {
	tt := &TCPTest{Ref: sec.HeaderRef(), Port: 23}
	var port string
	tt.Target, port, tt.VRF = commandArgs(sec, "telnet")
	if n, err := strconv.Atoi(port); err == nil && n > 0 && n < 65536 {
		tt.Port = n
	}
	seen := false
	for _, l := range sec.Lines {
		t := l.Text
		switch {
		case connectedRE.MatchString(t):
			tt.Connected, tt.Error, tt.Unresolved = true, "", false
			tt.Ref = sec.Ref(l)
			seen = true
		case tt.Connected:
			// After "Connected to", a closed connection is the user's ^C.
		case mayBeUnresolved(t) && unresolvedRE.MatchString(t):
			tt.Unresolved = true
			tt.Error = strings.TrimSpace(t)
			tt.Ref = sec.Ref(l)
			seen = true
		case mayBeTCPError(t):
			for _, re := range tcpErrorREs {
				if e := re.FindString(t); e != "" {
					tt.Error, tt.Ref, seen = e, sec.Ref(l), true
					break
				}
			}
		}
	}
	if !seen {
		return nil
	}
	return tt
}
