package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

func TestNET003(t *testing.T) {
	ch := callhomeCfg(tacHTTPS, "transport http use-vrf management", "enable")
	okPing := "PING tools.cisco.com (72.163.4.38): 56 data bytes\n64 bytes from 72.163.4.38: icmp_seq=0 ttl=232 time=237.581 ms\n\n--- tools.cisco.com ping statistics ---\n1 packets transmitted, 1 packets received, 0.00% packet loss"
	lostPing := "PING tools.cisco.com (72.163.4.38): 56 data bytes\nRequest 0 timed out\nRequest 1 timed out\n\n--- tools.cisco.com ping statistics ---\n2 packets transmitted, 0 packets received, 100.00% packet loss"
	connected := "Trying 72.163.4.38...\nConnected to tools.cisco.com.\nEscape character is '^]'."
	refused := "Trying 72.163.4.38...\ntelnet: Unable to connect to remote host: Connection timed out"
	cases := []struct {
		name   string
		pairs  []string
		status Status
		reason string
	}{
		{"telnet connects", []string{"telnet tools.cisco.com 443 vrf management", connected}, Pass, ""},
		{"ping answers, telnet fails", []string{"ping tools.cisco.com vrf management", okPing, "telnet tools.cisco.com 443 vrf management", refused}, Fail, ""},
		{"ping lost, telnet connects", []string{"ping tools.cisco.com vrf management", lostPing, "telnet tools.cisco.com 443 vrf management", connected}, Pass, ""},
		{"ping lost", []string{"ping tools.cisco.com vrf management", lostPing}, Fail, ""},
		{"tests in another VRF", []string{"ping tools.cisco.com vrf default", okPing}, Skipped, "not checked: the captured tests toward tools.cisco.com ran in another VRF"},
		{"unresolved", []string{"ping tools.cisco.com vrf management", "% Invalid host/interface tools.cisco.com"}, Skipped, "not checked: the test could not resolve"},
		{"no test", nil, Skipped, "not checked: run `ping tools.cisco.com vrf management`"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pairs := append([]string{"show running-config callhome", ch}, tc.pairs...)
			want(t, run(t, "NET003", snapOf(t, pairs...)), tc.status, tc.reason)
		})
	}
}

// TestPastedTestsProveNoVRF: a ping or telnet pasted without its command
// line does not say which VRF it ran in, so NET003 and DNS003 ask for the
// test in the Call Home VRF instead of judging it, whichever VRF that is.
func TestPastedTestsProveNoVRF(t *testing.T) {
	ping := "PING tools.cisco.com (72.163.4.38): 56 data bytes\n64 bytes from 72.163.4.38: icmp_seq=0 ttl=232 time=237.581 ms\n"
	for _, vrf := range []string{"management", "default"} {
		paste := callhomeCfg(tacHTTPS, "transport http use-vrf "+vrf, "enable") + "\n" + ping
		c, err := capture.Read("paste.txt", strings.NewReader(paste), capture.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s := snapshot.Build(c.Devices[0])
		want(t, run(t, "NET003", s), Skipped, "not checked: the captured tests toward tools.cisco.com were pasted without their command line")
		want(t, run(t, "DNS003", s), Skipped, "not checked: the captured tests of tools.cisco.com were pasted without their command line")
	}
}

// NET003's note when ping answers and TCP does not: a switch already
// sending through a proxy is not told to look for a proxy to use.
func TestNET003NoteThroughProxy(t *testing.T) {
	okPing := "PING %[1]s (192.0.2.8): 56 data bytes\n64 bytes from 192.0.2.8: icmp_seq=0 ttl=62 time=1.2 ms\n\n--- %[1]s ping statistics ---\n1 packets transmitted, 1 packets received, 0.00% packet loss"
	refused := "Trying 192.0.2.8...\ntelnet: Unable to connect to remote host: Connection refused"
	cases := []struct {
		name, host, port string
		config           []string
		want, never      string
	}{
		{"direct", "tools.cisco.com", "443", nil, "or a proxy that must be used", "listens"},
		{"through a proxy", "proxy.example.com", "3128", []string{"transport http proxy server proxy.example.com port 3128", "transport http proxy enable"},
			"check that the proxy proxy.example.com listens on that port", "a proxy that must be used"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ch := callhomeCfg(append([]string{tacHTTPS, "transport http use-vrf management", "enable"}, tc.config...)...)
			r := run(t, "NET003", snapOf(t, "show running-config callhome", ch,
				"ping "+tc.host+" vrf management", fmt.Sprintf(okPing, tc.host),
				"telnet "+tc.host+" "+tc.port+" vrf management", refused))
			want(t, r, Fail, "TCP "+tc.port+" to "+tc.host+" did not connect")
			notes := strings.Join(r.Remedy.Notes, " ")
			if !strings.Contains(notes, tc.want) || strings.Contains(notes, tc.never) {
				t.Errorf("notes %q: want %q, never %q", notes, tc.want, tc.never)
			}
		})
	}
}
