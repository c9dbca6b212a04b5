package probe

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/probe/probetest"
)

const identrust = "IdenTrust Commercial Root CA 1"

func TestTLSChain(t *testing.T) {
	expiry := time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)
	good := probetest.NewChain(t, identrust, expiry, "tools.cisco.com")
	wrongName := probetest.NewChain(t, identrust, expiry, "other.example.net")
	ipLeaf := probetest.NewChain(t, identrust, expiry, "127.0.0.1")
	stranger := probetest.NewChain(t, "Some Other Root", expiry, "tools.cisco.com")
	goodAddr := probetest.StartTLS(t, good)

	tests := []struct {
		name         string
		url          string
		chain        *probetest.Chain
		roots        *probetest.Chain // whose root the workstation trusts
		wantNameOK   bool
		wantVerified bool
		wantRoot     string
		wantRootSHA1 bool
	}{
		{name: "verified, names match", url: ciscoURL, chain: good, roots: good,
			wantNameOK: true, wantVerified: true, wantRoot: identrust, wantRootSHA1: true},
		{name: "name mismatch", url: ciscoURL, chain: wrongName, roots: wrongName,
			wantVerified: true, wantRoot: identrust, wantRootSHA1: true},
		{name: "root unknown to the workstation: named by the issuer", url: ciscoURL, chain: good, roots: stranger,
			wantNameOK: true, wantRoot: identrust},
		{name: "URL names an IP the leaf lists", url: "https://127.0.0.1/its/service/oddce/services/DDCEService",
			chain: ipLeaf, roots: ipLeaf, wantNameOK: true, wantVerified: true, wantRoot: identrust, wantRootSHA1: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := goodAddr
			if tt.chain != good {
				addr = probetest.StartTLS(t, tt.chain)
			}
			r := &redirect{}
			o := Options{TLS: true, ConnectTo: addr, Roots: tt.roots.Roots, Timeout: time.Second, Dial: r.Dial}
			p := Run(context.Background(), device(tt.url, "management"), o)
			res := p.TLS
			if res == nil || res.Err != "" {
				t.Fatalf("no TLS result: %+v (note %q)", res, p.TLSNote)
			}
			if r.count() != 1 || r.dials[0] != "tcp "+addr {
				t.Errorf("dials %v, want one to %s", r.dials, addr)
			}
			if res.ConnectTo != addr || !strings.HasSuffix(res.Addr, ":443") {
				t.Errorf("addr %q connect-to %q", res.Addr, res.ConnectTo)
			}
			if res.NameOK != tt.wantNameOK || (res.NameErr == "") != tt.wantNameOK {
				t.Errorf("NameOK %v (%q), want %v", res.NameOK, res.NameErr, tt.wantNameOK)
			}
			if res.Verified != tt.wantVerified || (res.VerifyErr == "") != tt.wantVerified {
				t.Errorf("Verified %v (%q), want %v", res.Verified, res.VerifyErr, tt.wantVerified)
			}
			if res.Root != tt.wantRoot {
				t.Errorf("root %q, want %q", res.Root, tt.wantRoot)
			}
			sum := sha1.Sum(tt.chain.Root.Raw)
			wantSHA := ""
			if tt.wantRootSHA1 {
				wantSHA = strings.ToUpper(hex.EncodeToString(sum[:]))
			}
			if res.RootSHA1 != wantSHA {
				t.Errorf("root SHA-1 %q, want %q", res.RootSHA1, wantSHA)
			}
			if len(res.Chain) != 2 || !res.Chain[0].NotAfter.Equal(expiry) || !strings.Contains(res.Chain[1].Issuer, identrust) {
				t.Errorf("chain %+v", res.Chain)
			}
		})
	}
}

func TestTLSThroughProxy(t *testing.T) {
	chain := probetest.NewChain(t, identrust, time.Now().AddDate(1, 0, 0), "tools.cisco.com")
	backend := probetest.StartTLS(t, chain)
	proxy := probetest.StartProxy(t, backend)
	u, _ := url.Parse(proxy.URL)
	u.User = url.UserPassword("ops", "s3cret")
	p := Run(context.Background(), device(ciscoURL, "management"), Options{TLS: true, Proxy: u, Roots: chain.Roots, Timeout: time.Second})
	res := p.TLS
	if res == nil || res.Err != "" || !res.Verified || !res.NameOK {
		t.Fatalf("through the proxy: %+v", res)
	}
	if got := proxy.Targets(); len(got) != 1 || got[0] != "tools.cisco.com:443" {
		t.Errorf("CONNECT targets %v, want the URL's host", got)
	}
	if got := proxy.Auth(); len(got) != 1 || !strings.HasPrefix(got[0], "Basic ") {
		t.Errorf("proxy auth %v", got)
	}
	if strings.Contains(res.Via, "s3cret") {
		t.Errorf("the proxy password reached the result: %q", res.Via)
	}
}

func TestTLSFailures(t *testing.T) {
	refusing := probetest.StartProxy(t, "")
	refusingURL, _ := url.Parse(refusing.URL)
	tests := []struct {
		name     string
		url      string
		o        Options
		wantErr  string
		wantNote string
	}{
		{name: "proxy refuses", url: ciscoURL, o: Options{Proxy: refusingURL}, wantErr: "502"},
		{name: "https proxy unsupported", url: ciscoURL, o: Options{Proxy: &url.URL{Scheme: "https", Host: "127.0.0.1:1"}}, wantErr: "only http://"},
		{name: "nothing listens", url: ciscoURL, o: Options{ConnectTo: "127.0.0.1:1"}, wantErr: "refused"},
		{name: "not TLS", url: ciscoURL, o: Options{ConnectTo: refusingURL.Host}, wantErr: "handshake"},
		{name: "http URL", url: "http://tools.cisco.com/its/service/oddce/services/DDCEService", wantNote: "does not apply"},
		{name: "no URL", url: "", wantNote: "has no CiscoTAC-1 HTTP destination"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.TLS, tt.o.Timeout = true, time.Second
			s := device(tt.url, "")
			if tt.url == "" {
				s.Config.Callhome.Profiles = nil
			}
			p := Run(context.Background(), s, tt.o)
			if tt.wantNote != "" {
				if p.TLS != nil || !strings.Contains(p.TLSNote, tt.wantNote) {
					t.Errorf("note %q result %+v, want note %q", p.TLSNote, p.TLS, tt.wantNote)
				}
				return
			}
			if p.TLS == nil || !strings.Contains(p.TLS.Err, tt.wantErr) {
				t.Errorf("result %+v, want error %q", p.TLS, tt.wantErr)
			}
		})
	}
}

// The URL's own port is the one probed; --connect-to only changes where
// the socket goes.
func TestTLSURLPort(t *testing.T) {
	chain := probetest.NewChain(t, identrust, time.Now().AddDate(1, 0, 0), "onprem.example.net")
	addr := probetest.StartTLS(t, chain)
	p := Run(context.Background(), device("https://onprem.example.net:8443/Transportgateway/services/DeviceRequestHandler", ""),
		Options{TLS: true, ConnectTo: addr, Roots: chain.Roots, Timeout: time.Second})
	if res := p.TLS; res == nil || res.Addr != "onprem.example.net:8443" || !res.NameOK || !res.Verified {
		t.Errorf("result %+v", res)
	}
}
