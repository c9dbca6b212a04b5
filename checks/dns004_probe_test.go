package checks

import (
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/snapshot"
)

func dnsAns(server, typ, outcome string, addrs ...string) snapshot.DNSAnswer {
	return snapshot.DNSAnswer{Server: server, Name: "tools.cisco.com", Type: typ, Outcome: outcome,
		Addrs: addrs, Latency: 12 * time.Millisecond}
}

// mgmtPath is Call Home direct to Cisco from VRF management; proxyPath
// the same through a proxy.
var (
	mgmtPath  = snapshot.Path{Mode: snapshot.ModeClassic, Transport: "callhome", URL: "https://tools.cisco.com/its/service/oddce/services/DDCEService", Host: "tools.cisco.com", Port: 443, Kind: snapshot.KindCisco, VRF: "management"}
	proxyPath = func() snapshot.Path { p := mgmtPath; p.ProxyHost, p.ProxyPort = "proxy.example.com", 3128; return p }()
)

func TestDNS004(t *testing.T) {
	cfgLine := capture.Ref{Source: "cap.txt", Line: 9, Text: "ip name-server 10.0.0.1 10.0.0.2 use-vrf management"}
	probes := func(answers ...snapshot.DNSAnswer) *snapshot.Probes {
		return &snapshot.Probes{DNSRan: true, DNSServerRefs: []capture.Ref{cfgLine}, DNS: answers}
	}
	tests := []struct {
		name    string
		probes  *snapshot.Probes
		foreign bool
		status  Status
		want    []string // substrings of message or reason
	}{
		{name: "no --probe", status: Skipped, want: []string{"not run: add --probe"}},
		{name: "only TLS probed", probes: &snapshot.Probes{TLSRan: true}, status: Skipped, want: []string{"--probe dns"}},
		{name: "probe could not ask", probes: &snapshot.Probes{DNSRan: true, DNSNote: "not checked: the device has no name server for VRF management (see DNS002)"},
			status: Skipped, want: []string{"see DNS002"}},
		{name: "not NX-OS", probes: probes(dnsAns("10.0.0.1:53", "A", "no answer")), foreign: true, status: Skipped, want: []string{"PLT003"}},
		{name: "all answer (AAAA may be empty)", probes: probes(
			dnsAns("10.0.0.1:53", "A", "answered", "72.163.4.38"), dnsAns("10.0.0.1:53", "AAAA", "no address"),
			dnsAns("10.0.0.2:53", "A", "answered", "72.163.4.38"), dnsAns("10.0.0.2:53", "AAAA", "answered", "2001:420::1")),
			status: Pass, want: []string{"Seen from this workstation, not from the switch", "name servers of VRF management answered", "10.0.0.1:53 (A 72.163.4.38 in 12ms, AAAA no address)"}},
		{name: "one silent: CSCvv67469", probes: probes(
			dnsAns("10.0.0.1:53", "A", "answered", "72.163.4.38"), dnsAns("10.0.0.1:53", "AAAA", "no address"),
			dnsAns("10.0.0.2:53", "A", "no answer"), dnsAns("10.0.0.2:53", "AAAA", "no answer")),
			status: Fail, want: []string{"1 of 2 failed", "10.0.0.2:53 (A no answer, AAAA no answer)", "CSCvv67469", "answered: 10.0.0.1:53"}},
		{name: "SERVFAIL is not the hang", probes: probes(
			dnsAns("10.0.0.1:53", "A", "SERVFAIL"), dnsAns("10.0.0.1:53", "AAAA", "SERVFAIL")),
			status: Fail, want: []string{"1 of 1 failed", "A SERVFAIL"}},
		{name: "NXDOMAIN", probes: probes(dnsAns("10.0.0.1:53", "A", "NXDOMAIN"), dnsAns("10.0.0.1:53", "AAAA", "NXDOMAIN")),
			status: Fail, want: []string{"A NXDOMAIN"}},
		{name: "no address at all", probes: probes(dnsAns("10.0.0.1:53", "A", "no address"), dnsAns("10.0.0.1:53", "AAAA", "no address")),
			status: Fail, want: []string{"A no address"}},
		{name: "--dns-server", probes: &snapshot.Probes{DNSRan: true, DNSOverride: true,
			DNS: []snapshot.DNSAnswer{dnsAns("127.0.0.1:5353", "A", "REFUSED")}},
			status: Fail, want: []string{"--dns-server name servers (not the switch's)", "A REFUSED"}},
	}
	c, _ := Lookup("DNS004")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &snapshot.Snapshot{Probes: tt.probes, Path: mgmtPath}
			if tt.foreign {
				s.Foreign = []capture.Ref{{Source: "x", Line: 1, Text: "show call-home"}}
			}
			r := c.Judge(s)
			wantSays(t, r, tt.status, tt.want)
			if r.Status == Skipped {
				return
			}
			if tt.probes.DNSOverride == (r.Evidence[0] == cfgLine) {
				t.Errorf("first evidence %+v: the config line should lead unless --dns-server replaced it", r.Evidence[0])
			}
			for _, e := range r.Evidence[len(tt.probes.DNSServerRefs):] {
				if e.Source != probeSource || !strings.HasPrefix(e.Command, "dig @") {
					t.Errorf("probe evidence %+v does not say it was seen from the workstation", e)
				}
			}
			if r.Status == Fail && (r.Remedy == nil || len(r.Remedy.Verify) == 0 ||
				!strings.Contains(strings.Join(r.Remedy.Verify, "\n"), "ping tools.cisco.com vrf management")) {
				t.Errorf("remedy %+v", r.Remedy)
			}
		})
	}
}

// Behind a proxy the switch does not resolve the endpoint itself: the
// failure says so.
func TestDNS004BehindProxy(t *testing.T) {
	c, _ := Lookup("DNS004")
	s := &snapshot.Snapshot{Path: proxyPath,
		Probes: &snapshot.Probes{DNSRan: true, DNS: []snapshot.DNSAnswer{dnsAns("10.0.0.1:53", "A", "no answer")}}}
	r := c.Judge(s)
	if r.Status != Fail || !strings.Contains(r.Message, "through a proxy, which resolves the endpoint itself") {
		t.Errorf("%s %q", r.Status, r.Message)
	}
}

func TestDigServer(t *testing.T) {
	for in, want := range map[string]string{
		"10.0.0.1:53":      "@10.0.0.1",
		"127.0.0.1:5353":   "@127.0.0.1 -p 5353",
		"[2001:db8::1]:53": "@2001:db8::1",
		"not-an-addr":      "@not-an-addr",
	} {
		if got := digServer(in); got != want {
			t.Errorf("digServer(%q) = %q, want %q", in, got, want)
		}
	}
}
