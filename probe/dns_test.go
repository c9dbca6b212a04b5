package probe

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/probe/probetest"
	"github.com/slcheck/slcheck/snapshot"
)

var ciscoRecords = map[string][]string{"tools.cisco.com": {"72.163.4.38", "2001:420:1101:1::a"}}

func TestDNSOutcomes(t *testing.T) {
	tests := []struct {
		mode      probetest.DNSMode
		records   map[string][]string
		want      string
		wantAddrs map[string]string // by type
		wantTCP   bool
	}{
		{mode: probetest.Answer, records: ciscoRecords, want: snapshot.DNSAnswered,
			wantAddrs: map[string]string{"A": "72.163.4.38", "AAAA": "2001:420:1101:1::a"}},
		{mode: probetest.Truncate, records: ciscoRecords, want: snapshot.DNSAnswered, wantTCP: true,
			wantAddrs: map[string]string{"A": "72.163.4.38", "AAAA": "2001:420:1101:1::a"}},
		{mode: probetest.Answer, records: nil, want: snapshot.DNSNoAddress},
		{mode: probetest.ServFail, want: snapshot.DNSServFail},
		{mode: probetest.NXDomain, want: snapshot.DNSNXDomain},
		{mode: probetest.Refused, want: snapshot.DNSRefused},
		{mode: probetest.Silent, want: snapshot.DNSNoAnswer},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			srv := probetest.StartDNS(t, tt.mode, tt.records)
			// Answers need a generous deadline on a loaded machine; the
			// silent server costs two of them.
			timeout := 2 * time.Second
			if tt.mode == probetest.Silent {
				timeout = 300 * time.Millisecond
			}
			o := Options{DNS: true, DNSServers: []string{srv.Addr}, Timeout: timeout}
			p := Run(context.Background(), device(ciscoURL, "management"), o)
			if p == nil || !p.DNSRan || p.DNSNote != "" {
				t.Fatalf("probe did not ask: %+v", p)
			}
			if !p.DNSOverride {
				t.Error("the --dns-server servers are not marked as an override")
			}
			if len(p.DNS) != 2 {
				t.Fatalf("want an A and an AAAA answer, got %+v", p.DNS)
			}
			for _, a := range p.DNS {
				if a.Server != srv.Addr || a.Name != "tools.cisco.com" {
					t.Errorf("answer names %q %q", a.Server, a.Name)
				}
				if a.Outcome != tt.want {
					t.Errorf("%s: outcome %q (err %q), want %q", a.Type, a.Outcome, a.Err, tt.want)
				}
				if got := strings.Join(a.Addrs, ","); got != tt.wantAddrs[a.Type] {
					t.Errorf("%s: addrs %q, want %q", a.Type, got, tt.wantAddrs[a.Type])
				}
				if tt.want == snapshot.DNSNoAnswer && a.Err == "" {
					t.Errorf("%s: no answer without an error", a.Type)
				}
			}
			if tt.wantTCP != (srv.TCPQueries() > 0) {
				t.Errorf("TCP queries %d, want TCP %v", srv.TCPQueries(), tt.wantTCP)
			}
			if tt.mode == probetest.Silent && srv.UDPQueries() != 4 {
				t.Errorf("silent server got %d questions, want 4 (A and AAAA, each tried twice)", srv.UDPQueries())
			}
		})
	}
}

// The servers come from the device's config for the Call Home VRF only;
// 127.0.0.x addresses let the test redirect port 53 to its own servers.
func TestDNSConfiguredServers(t *testing.T) {
	good := probetest.StartDNS(t, probetest.Answer, ciscoRecords)
	bad := probetest.StartDNS(t, probetest.ServFail, nil)
	other := probetest.StartDNS(t, probetest.Answer, ciscoRecords)
	ref := func(n int, text string) capture.Ref { return capture.Ref{Source: "cap.txt", Line: n, Text: text} }
	s := device(ciscoURL, "management",
		parsers.NameServer{Addrs: []string{"127.0.0.2", "127.0.0.3"}, VRF: "management", Ref: ref(10, "ip name-server 127.0.0.2 127.0.0.3 use-vrf management")},
		parsers.NameServer{Addrs: []string{"127.0.0.4"}, Ref: ref(11, "ip name-server 127.0.0.4")},
	)
	r := &redirect{routes: map[string]string{"127.0.0.2:53": good.Addr, "127.0.0.3:53": bad.Addr, "127.0.0.4:53": other.Addr}}
	p := Run(context.Background(), s, Options{DNS: true, Timeout: 2 * time.Second, Dial: r.Dial})
	got := map[string]string{}
	for _, a := range p.DNS {
		got[a.Server+" "+a.Type] = a.Outcome
	}
	want := map[string]string{
		"127.0.0.2:53 A": snapshot.DNSAnswered, "127.0.0.2:53 AAAA": snapshot.DNSAnswered,
		"127.0.0.3:53 A": snapshot.DNSServFail, "127.0.0.3:53 AAAA": snapshot.DNSServFail,
	}
	if len(got) != len(want) {
		t.Errorf("answers %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	if other.UDPQueries() != 0 {
		t.Errorf("the default VRF's server was asked %d times", other.UDPQueries())
	}
	if p.DNSOverride || len(p.DNSServerRefs) != 1 || p.DNSServerRefs[0].Line != 10 {
		t.Errorf("server refs %+v (override %v), want line 10 once", p.DNSServerRefs, p.DNSOverride)
	}
}

func TestNameServersFor(t *testing.T) {
	global := parsers.NameServer{Addrs: []string{"10.0.0.1"}}
	mgmt := parsers.NameServer{Addrs: []string{"10.0.0.2", "2001:db8::2"}, VRF: "management"}
	ctxVRF := map[string]*parsers.VRF{"management": {Name: "management",
		NameServers: []parsers.NameServer{{Addrs: []string{"10.0.0.3", "10.0.0.2"}}}}}
	tests := []struct {
		name     string
		cfg      *parsers.RunningConfig
		hosts    *parsers.Hosts
		vrf      string
		want     string
		wantNote string
	}{
		{name: "default VRF takes lines without use-vrf", vrf: "default",
			cfg:  &parsers.RunningConfig{NameServers: []parsers.NameServer{global, mgmt}},
			want: "10.0.0.1:53"},
		{name: "use-vrf and vrf context, deduplicated", vrf: "management",
			cfg:  &parsers.RunningConfig{NameServers: []parsers.NameServer{global, mgmt}, VRFs: ctxVRF},
			want: "10.0.0.2:53 [2001:db8::2]:53 10.0.0.3:53"},
		{name: "none for the VRF in a whole config", vrf: "management",
			cfg:      &parsers.RunningConfig{Covers: []string{parsers.TopicAll}, NameServers: []parsers.NameServer{global}},
			wantNote: "no name server for VRF management"},
		{name: "config not captured", vrf: "management",
			wantNote: "run `show running-config`"},
		{name: "show hosts stands in", vrf: "management",
			hosts: &parsers.Hosts{NameServers: []parsers.NameServer{mgmt}},
			want:  "10.0.0.2:53 [2001:db8::2]:53"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			servers, note := nameServersFor(&snapshot.Snapshot{Config: tt.cfg, Hosts: tt.hosts}, tt.vrf)
			var got []string
			for _, s := range servers {
				got = append(got, s.addr)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("servers %q, want %q", got, tt.want)
			}
			if !strings.Contains(note, tt.wantNote) || (tt.wantNote == "") != (note == "") {
				t.Errorf("note %q, want it to contain %q", note, tt.wantNote)
			}
		})
	}
}

func TestDNSNotes(t *testing.T) {
	tests := []struct {
		name string
		s    *snapshot.Snapshot
		want string
	}{
		{"no config", withPath(&snapshot.Snapshot{}), "run `show running-config callhome`"},
		{"SLP VRF unknown", withPath(&snapshot.Snapshot{Version: &parsers.Version{Family: "N9K", Release: capture.Fact[string]{Value: "10.3(6)"}}, Config: &parsers.RunningConfig{Covers: []string{parsers.TopicAll},
			License: &parsers.LicenseConfig{Transport: capture.Fact[string]{Value: "smart"}, URLSmart: capture.Fact[string]{Value: "https://smartreceiver.cisco.com/licservice/license"}}}}),
			"the VRF licensing traffic uses is unknown, so are its name servers: run `show license status`"},
		{"URL names an IP", device("https://72.163.4.38/its/service/oddce/services/DDCEService", ""), "does not apply"},
		{"URL without host", device("https:///its/service", ""), "names no host"},
		{"no name server", device(ciscoURL, "management"), "no name server for VRF management"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &redirect{}
			p := Run(context.Background(), tt.s, Options{DNS: true, Dial: r.Dial})
			if !strings.Contains(p.DNSNote, tt.want) || len(p.DNS) != 0 {
				t.Errorf("note %q (answers %d), want %q", p.DNSNote, len(p.DNS), tt.want)
			}
			if r.count() != 0 {
				t.Errorf("%d sockets opened, want none", r.count())
			}
		})
	}
}

// Every server silent, several of them: the step still ends within its
// budget because all questions run at once, each with a deadline.
func TestDNSBoundedWhenAllSilent(t *testing.T) {
	var servers []string
	for range 6 {
		servers = append(servers, probetest.StartDNS(t, probetest.Silent, nil).Addr)
	}
	o := Options{DNS: true, DNSServers: servers, Timeout: 200 * time.Millisecond}
	start := time.Now()
	p := Run(context.Background(), device(ciscoURL, "management"), o)
	elapsed := time.Since(start)
	if elapsed > o.Budget()+time.Second {
		t.Errorf("probe step took %v, budget %v", elapsed, o.Budget())
	}
	if len(p.DNS) != 12 {
		t.Fatalf("%d answers, want 12", len(p.DNS))
	}
	for _, a := range p.DNS {
		if a.Outcome != snapshot.DNSNoAnswer {
			t.Errorf("%s %s: %q", a.Server, a.Type, a.Outcome)
		}
	}
}

// Every server silent, the TLS endpoint included (it accepts TCP and never
// speaks): the whole step still ends within its budget, each probe with
// its own "no answer".
func TestRunBoundedWhenEverythingSilent(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, silent, until the test ends
		}
	}()
	silent := probetest.StartDNS(t, probetest.Silent, nil)
	o := Options{DNS: true, TLS: true, DNSServers: []string{silent.Addr}, ConnectTo: ln.Addr().String(),
		Timeout: 300 * time.Millisecond}
	start := time.Now()
	p := Run(context.Background(), device(ciscoURL, "management"), o)
	if elapsed := time.Since(start); elapsed > o.Budget()+500*time.Millisecond {
		t.Errorf("probe step took %v, budget %v", elapsed, o.Budget())
	}
	if p.TLS == nil || !strings.Contains(p.TLS.Err, "timeout") {
		t.Errorf("TLS %+v, want a handshake timeout", p.TLS)
	}
	for _, a := range p.DNS {
		if a.Outcome != snapshot.DNSNoAnswer {
			t.Errorf("%s %s: %q", a.Server, a.Type, a.Outcome)
		}
	}
}
