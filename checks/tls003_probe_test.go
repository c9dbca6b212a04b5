package checks

import (
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestTLS003(t *testing.T) {
	exp := time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)
	chain := []snapshot.CertInfo{
		{Subject: "CN=tools.cisco.com,O=Cisco Systems Inc.", Issuer: "CN=HydrantID Server CA O1,O=IdenTrust", Serial: "AB", NotAfter: exp},
		{Subject: "CN=HydrantID Server CA O1,O=IdenTrust", Issuer: "CN=IdenTrust Commercial Root CA 1,O=IdenTrust,C=US", Serial: "CD", NotAfter: exp},
	}
	good := func() *snapshot.TLSResult {
		return &snapshot.TLSResult{Host: "tools.cisco.com", Addr: "tools.cisco.com:443", Chain: chain,
			Root: idenTrustRoot, NameOK: true, Verified: true, RootSHA1: idenTrustSHA1, RootSerial: idenTrustSerial}
	}
	ident := parsers.Certificate{Trustpoint: "CISCO", Subject: "/C=US/O=IdenTrust/CN=IdenTrust Commercial Root CA 1",
		Serial: "0a0142800000014523c844b500000002", Ref: capture.Ref{Source: "cap.txt", Line: 40, Text: "subject= /C=US/O=IdenTrust/CN=IdenTrust Commercial Root CA 1"}}
	quo := parsers.Certificate{Trustpoint: "OLD", Subject: "/C=BM/O=QuoVadis Limited/CN=QuoVadis Root CA 2",
		Ref: capture.Ref{Source: "cap.txt", Line: 50, Text: "subject= /C=BM/O=QuoVadis Limited/CN=QuoVadis Root CA 2"}}
	interOnly := parsers.Certificate{Subject: "/O=IdenTrust/CN=HydrantID Server CA O1", Serial: "cd",
		Ref: capture.Ref{Source: "cap.txt", Line: 60, Text: "subject= /O=IdenTrust/CN=HydrantID Server CA O1"}}
	store := func(certs ...parsers.Certificate) *parsers.TrustStore {
		return &parsers.TrustStore{Certificates: certs, Ref: capture.Ref{Source: "cap.txt", Line: 30, Text: "show crypto ca certificates"}}
	}

	tests := []struct {
		name   string
		probes *snapshot.Probes
		trust  *parsers.TrustStore
		status Status
		want   []string
	}{
		{name: "no --probe", status: Skipped, want: []string{"not run: add --probe"}},
		{name: "only DNS probed", probes: &snapshot.Probes{DNSRan: true}, status: Skipped, want: []string{"--probe tls"}},
		{name: "http URL", probes: &snapshot.Probes{TLSRan: true, TLSNote: "does not apply: the destination URL is http://"}, status: Skipped, want: []string{"http://"}},
		{name: "workstation could not connect", probes: &snapshot.Probes{TLSRan: true, TLS: &snapshot.TLSResult{Host: "tools.cisco.com", Addr: "tools.cisco.com:443", Err: "dial tcp: i/o timeout"}},
			status: Skipped, want: []string{"not checked: this workstation could not complete TLS", "i/o timeout", "--proxy"}},
		{name: "root listed by the switch", probes: &snapshot.Probes{TLSRan: true, TLS: good()}, trust: store(quo, ident),
			status: Pass, want: []string{"Seen from this workstation, not from the switch", "ends in IdenTrust Commercial Root CA 1", "expires 2030-06-01", "switch lists /C=US/O=IdenTrust"}},
		{name: "root missing: QuoVadis only", probes: &snapshot.Probes{TLSRan: true, TLS: good()}, trust: store(quo),
			status: Fail, want: []string{"does not list (1 certificates)", "On some releases"}},
		{name: "switch lists the intermediate", probes: &snapshot.Probes{TLSRan: true, TLS: good()}, trust: store(interOnly),
			status: Pass, want: []string{"HydrantID Server CA O1"}},
		{name: "trust store not captured", probes: &snapshot.Probes{TLSRan: true, TLS: good()},
			status: Skipped, want: []string{"not checked: run `show crypto ca certificates`", "IdenTrust Commercial Root CA 1"}},
		{name: "name mismatch fails without the trust store", probes: &snapshot.Probes{TLSRan: true, TLS: func() *snapshot.TLSResult {
			r := good()
			r.Host, r.NameOK, r.NameErr = "72.163.4.38", false, "x509: certificate is not valid for any names"
			return r
		}()}, status: Fail, want: []string{"does not name 72.163.4.38", "not valid for any names"}},
		{name: "name-alike root, other fingerprint (TLS inspection)", probes: &snapshot.Probes{TLSRan: true, TLS: func() *snapshot.TLSResult {
			r := good()
			r.RootSHA1, r.RootSerial = "0000000000000000000000000000000000000001", "1001"
			return r
		}()}, trust: store(ident), status: Fail, want: []string{"is not IdenTrust's", "another certificate with that name", "does not list"}},
		{name: "server still on QuoVadis, switch lists it", probes: &snapshot.Probes{TLSRan: true, TLS: func() *snapshot.TLSResult {
			r := good()
			r.Root, r.RootSHA1, r.RootSerial = quoVadisRoot, "", ""
			return r
		}()}, trust: store(quo), status: Pass, want: []string{"ends in QuoVadis Root CA 2", "moved away from (FN72115)"}},
		{name: "inspection root the switch lacks", probes: &snapshot.Probes{TLSRan: true, TLS: func() *snapshot.TLSResult {
			r := good()
			r.Root, r.RootSHA1, r.RootSerial, r.Verified, r.VerifyErr = "Corp Inspection CA", "", "", false, "x509: certificate signed by unknown authority"
			r.Chain = []snapshot.CertInfo{chain[0]}
			return r
		}()}, trust: store(ident, quo), status: Fail, want: []string{"ends in Corp Inspection CA", "not verified here"}},
	}
	// The switch's own proxy is suggested when the workstation could not connect.
	c, _ := Lookup("TLS003")
	behindProxy := &snapshot.Snapshot{Path: proxyPath,
		Probes: &snapshot.Probes{TLSRan: true, TLS: &snapshot.TLSResult{Host: "tools.cisco.com", Addr: "tools.cisco.com:443", Err: "i/o timeout"}}}
	if r := c.Judge(behindProxy); !strings.Contains(r.Reason, "add --proxy http://proxy.example.com:3128") {
		t.Errorf("reason %q does not suggest the switch's proxy", r.Reason)
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Judge(&snapshot.Snapshot{Probes: tt.probes, Trust: tt.trust, Path: mgmtPath})
			wantSays(t, r, tt.status, tt.want)
			if r.Status == Skipped {
				return
			}
			probeRefs := 0
			for _, e := range r.Evidence {
				if e.Source == probeSource {
					probeRefs++
					if !strings.HasPrefix(e.Command, "openssl s_client -connect ") {
						t.Errorf("evidence command %q", e.Command)
					}
				}
			}
			if probeRefs != len(tt.probes.TLS.Chain)+1 {
				t.Errorf("%d probe evidence lines, want one per certificate and the root", probeRefs)
			}
			if r.Status == Fail && (r.Remedy == nil || r.Remedy.Summary == "") {
				t.Errorf("fail without remedy")
			}
		})
	}
	// The inspection cases name the re-signing in their remedy.
	for _, tt := range tests {
		if !strings.Contains(tt.name, "inspection") {
			continue
		}
		r := c.Judge(&snapshot.Snapshot{Probes: tt.probes, Trust: tt.trust})
		if !strings.Contains(strings.Join(r.Remedy.Notes, " "), "re-signs TLS") {
			t.Errorf("%s: remedy notes %q", tt.name, r.Remedy.Notes)
		}
	}
}

func TestSameSerialAndCommonName(t *testing.T) {
	if !sameSerial("0a:01:42:80", "A014280") || sameSerial("", "") || sameSerial("AB", "ABC") {
		t.Error("sameSerial")
	}
	for dn, want := range map[string]string{
		"CN=IdenTrust Commercial Root CA 1,O=IdenTrust,C=US": "IdenTrust Commercial Root CA 1",
		"O=IdenTrust, CN=x": "x",
		"O=NoCN":            "O=NoCN",
	} {
		if got := commonName(dn); got != want {
			t.Errorf("commonName(%q) = %q, want %q", dn, got, want)
		}
	}
}
