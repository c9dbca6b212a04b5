package diagnose_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/probe"
	"github.com/slcheck/slcheck/probe/probetest"
	"github.com/slcheck/slcheck/report"
	"github.com/slcheck/slcheck/snapshot"
)

const probeCapture = "../testdata/probe/capture.txt"

// probeDevice reads the probe capture, with extra text appended (a
// trust store), as one device.
func probeDevice(t *testing.T, extra string) *capture.Device {
	t.Helper()
	b, err := os.ReadFile(probeCapture)
	if err != nil {
		t.Fatal(err)
	}
	c, err := capture.Read(probeCapture, strings.NewReader(string(b)+extra), capture.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Devices) != 1 {
		t.Fatalf("%d devices", len(c.Devices))
	}
	return c.Devices[0]
}

// trustStore renders `show crypto ca certificates` listing one root.
func trustStore(cn, serial string) string {
	return fmt.Sprintf(`
N9K-LAB# show crypto ca certificates
Trustpoint: CISCO_LICENSING
CA certificate 0:
subject= /C=US/O=slcheck test/CN=%s
issuer= /C=US/O=slcheck test/CN=%s
serial=%s
notBefore=Jan 16 18:12:23 2014 GMT
notAfter=Jan 16 18:12:23 2034 GMT
purposes: sslserver sslclient
`, cn, cn, serial)
}

func result(t *testing.T, d report.Device, id string) checks.Result {
	t.Helper()
	for _, r := range d.Results {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no result for %s", id)
	return checks.Result{}
}

// countingDial counts every socket the probes ask for.
type countingDial struct{ n atomic.Int64 }

func (c *countingDial) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	c.n.Add(1)
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

// Without a probe asked for, nothing is sent and the probe checks say how
// to run them. The capture names real-looking servers and tools.cisco.com:
// any dial to them would also trip the probe package's test guard.
func TestNoProbeNoPacket(t *testing.T) {
	dev := probeDevice(t, "")
	var dial countingDial
	for name, d := range map[string]report.Device{
		"Device":     diagnose.Device(dev),
		"DeviceWith": diagnose.DeviceWith(context.Background(), dev, diagnose.Options{Probe: probe.Options{Dial: dial.Dial}}),
	} {
		for _, id := range []string{"DNS004", "TLS003"} {
			r := result(t, d, id)
			if r.Status != checks.Skipped || !strings.HasPrefix(r.Reason, "not run: add --probe") {
				t.Errorf("%s %s: %s %q", name, id, r.Status, r.Reason)
			}
		}
	}
	if dial.n.Load() != 0 {
		t.Errorf("%d sockets opened without --probe", dial.n.Load())
	}
}

// Input that is not one NX-OS device is not probed even when probes are
// asked for: its checks are skipped anyway (PLT003).
func TestForeignInputNotProbed(t *testing.T) {
	for name, s := range map[string]*snapshot.Snapshot{
		"not NX-OS":     {Foreign: []capture.Ref{{Source: "x.txt", Line: 1, Text: "c1000v# show call-home"}}},
		"mixed devices": {Mixed: []capture.Ref{{Source: "x.txt", Line: 9, Text: "other-switch# show version"}}},
	} {
		s.Config = probeDevConfig(t)
		var dial countingDial
		diagnose.Probe(context.Background(), s, diagnose.Options{Probe: probe.Options{DNS: true, TLS: true,
			DNSServers: []string{"127.0.0.1:1"}, ConnectTo: "127.0.0.1:1", Dial: dial.Dial}})
		if s.Probes != nil || dial.n.Load() != 0 {
			t.Errorf("%s: probes %+v, %d sockets opened", name, s.Probes, dial.n.Load())
		}
	}
}

// probeDevConfig is the running-config of the probe capture.
func probeDevConfig(t *testing.T) *parsers.RunningConfig {
	cfg := snapshot.Build(probeDevice(t, "")).Config
	if cfg == nil || cfg.Callhome.TACURL() == nil {
		t.Fatal("the probe capture's callhome config was not parsed")
	}
	return cfg
}

func TestProbesEndToEnd(t *testing.T) {
	records := map[string][]string{"tools.cisco.com": {"72.163.4.38"}}
	answering := probetest.StartDNS(t, probetest.Answer, records)
	truncating := probetest.StartDNS(t, probetest.Truncate, records)
	silent := probetest.StartDNS(t, probetest.Silent, nil)
	servfail := probetest.StartDNS(t, probetest.ServFail, nil)

	expiry := time.Now().AddDate(1, 0, 0)
	chain := probetest.NewChain(t, "Test Root CA", expiry, "tools.cisco.com")
	wrongName := probetest.NewChain(t, "Test Root CA", expiry, "smartreceiver.example.net")
	good := probetest.StartTLS(t, chain)
	mismatch := probetest.StartTLS(t, wrongName)
	rootSerial := fmt.Sprintf("%X", chain.Root.SerialNumber)

	tests := []struct {
		name      string
		extra     string
		o         probe.Options
		dnsStatus checks.Status
		dnsWant   []string
		tlsStatus checks.Status
		tlsWant   []string
	}{
		{name: "all well",
			extra: trustStore("Test Root CA", rootSerial),
			o: probe.Options{DNS: true, TLS: true, DNSServers: []string{answering.Addr, truncating.Addr},
				ConnectTo: good, Roots: chain.Roots},
			dnsStatus: checks.Pass, dnsWant: []string{"answered for tools.cisco.com", "72.163.4.38"},
			tlsStatus: checks.Pass, tlsWant: []string{"ends in Test Root CA", "the switch lists"}},
		{name: "silent and failing servers, root the switch lacks",
			extra: trustStore("IdenTrust Commercial Root CA 1", "0A0142800000014523C844B500000002"),
			o: probe.Options{DNS: true, TLS: true, DNSServers: []string{answering.Addr, silent.Addr, servfail.Addr},
				ConnectTo: good, Roots: chain.Roots},
			dnsStatus: checks.Fail, dnsWant: []string{"2 of 3 failed", "CSCvv67469", "A SERVFAIL"},
			tlsStatus: checks.Fail, tlsWant: []string{"ends in Test Root CA", "does not list"}},
		{name: "certificate names another host, TLS probe only",
			o:         probe.Options{TLS: true, ConnectTo: mismatch, Roots: wrongName.Roots},
			dnsStatus: checks.Skipped, dnsWant: []string{"--probe dns"},
			tlsStatus: checks.Fail, tlsWant: []string{"does not name tools.cisco.com"}},
		{name: "trust store not captured",
			o:         probe.Options{TLS: true, ConnectTo: good, Roots: chain.Roots},
			dnsStatus: checks.Skipped,
			tlsStatus: checks.Skipped, tlsWant: []string{"not checked: run `show crypto ca certificates`"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.Timeout = 700 * time.Millisecond // a silent server costs two of these
			d := diagnose.DeviceWith(context.Background(), probeDevice(t, tt.extra), diagnose.Options{Probe: tt.o})
			for _, c := range []struct {
				id     string
				status checks.Status
				want   []string
			}{{"DNS004", tt.dnsStatus, tt.dnsWant}, {"TLS003", tt.tlsStatus, tt.tlsWant}} {
				r := result(t, d, c.id)
				if r.Status != c.status {
					t.Errorf("%s: %s (%s%s), want %s", c.id, r.Status, r.Message, r.Reason, c.status)
					continue
				}
				for _, w := range c.want {
					if !strings.Contains(r.Message+r.Reason, w) {
						t.Errorf("%s: %q lacks %q", c.id, r.Message+r.Reason, w)
					}
				}
				if r.Status == checks.Skipped {
					continue
				}
				if !strings.Contains(r.Message, "Seen from this workstation, not from the switch") {
					t.Errorf("%s: message does not say where it was seen from: %q", c.id, r.Message)
				}
				fromProbe := 0
				for _, e := range r.Evidence {
					if strings.Contains(e.Source, "from this workstation, not from the switch") {
						fromProbe++
					}
				}
				if fromProbe == 0 {
					t.Errorf("%s: no evidence says it was seen from the workstation: %+v", c.id, r.Evidence)
				}
			}
		})
	}
}
