package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/probe/probetest"
	"github.com/slcheck/slcheck/report"
)

// probeCapture names 192.0.2.53 and tools.cisco.com: tests aim the probes
// at loopback with --dns-server and --connect-to, and the probe package's
// test guard panics on any other address.
const probeCapture = "../../testdata/probe/capture.txt"

func runJSON(t *testing.T, args ...string) (int, report.Document, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(append([]string{"file", "-o", "json", probeCapture}, args...),
		Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	var doc report.Document
	if out.Len() > 0 {
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatalf("json: %v\n%s", err, out.String())
		}
	}
	return code, doc, errb.String()
}

func probeResults(t *testing.T, doc report.Document) map[string]checks.Result {
	t.Helper()
	if len(doc.Devices) != 1 {
		t.Fatalf("%d devices", len(doc.Devices))
	}
	out := map[string]checks.Result{}
	for _, r := range doc.Devices[0].Results {
		if r.ID == "DNS004" || r.ID == "TLS003" {
			out[r.ID] = r
		}
	}
	return out
}

func TestFileProbes(t *testing.T) {
	records := map[string][]string{"tools.cisco.com": {"72.163.4.38"}}
	dnsOK := probetest.StartDNS(t, probetest.Answer, records)
	dnsSilent := probetest.StartDNS(t, probetest.Silent, nil)
	chain := probetest.NewChain(t, "Test Root CA", time.Now().AddDate(1, 0, 0), "tools.cisco.com")
	tlsAddr := probetest.StartTLS(t, chain)
	caFile := chain.WriteRootPEM(t)
	proxy := probetest.StartProxy(t, tlsAddr)

	tests := []struct {
		name       string
		args       []string
		dns, tls   checks.Status
		dnsHas     string
		tlsHas     string
		proxyAsked bool
	}{
		{name: "no --probe: skipped, nothing sent", args: nil,
			dns: checks.Skipped, dnsHas: "not run: add --probe", tls: checks.Skipped, tlsHas: "not run: add --probe"},
		{name: "--probe dns", args: []string{"--probe", "dns", "--dns-server", dnsOK.Addr},
			dns: checks.Pass, dnsHas: "72.163.4.38", tls: checks.Skipped, tlsHas: "--probe tls"},
		{name: "--probe=dns, a silent server", args: []string{"--probe=dns", "--dns-server", dnsOK.Addr, "--dns-server", dnsSilent.Addr, "--probe-timeout", "700ms"},
			dns: checks.Fail, dnsHas: "CSCvv67469", tls: checks.Skipped},
		{name: "--probe tls at --connect-to", args: []string{"--probe", "tls", "--connect-to", tlsAddr, "--ca-file", caFile},
			dns: checks.Skipped, dnsHas: "--probe dns",
			// the capture has no trust store: the root cannot be compared
			tls: checks.Skipped, tlsHas: "not checked: run `show crypto ca certificates`"},
		{name: "bare --probe through a proxy", args: []string{"--probe", "--dns-server", dnsOK.Addr, "--proxy", proxy.URL, "--ca-file", caFile},
			dns: checks.Pass, tls: checks.Skipped, tlsHas: "Test Root CA", proxyAsked: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(proxy.Targets())
			_, doc, stderr := runJSON(t, tt.args...)
			res := probeResults(t, doc)
			for id, want := range map[string]struct {
				status checks.Status
				has    string
			}{"DNS004": {tt.dns, tt.dnsHas}, "TLS003": {tt.tls, tt.tlsHas}} {
				r := res[id]
				if r.Status != want.status || !strings.Contains(r.Message+r.Reason, want.has) {
					t.Errorf("%s: %s %q, want %s with %q (stderr %s)", id, r.Status, r.Message+r.Reason, want.status, want.has, stderr)
				}
			}
			if asked := len(proxy.Targets()) > before; asked != tt.proxyAsked {
				t.Errorf("proxy asked: %v, want %v", asked, tt.proxyAsked)
			}
		})
	}
	if got := proxy.Targets(); len(got) != 1 || got[0] != "tools.cisco.com:443" {
		t.Errorf("CONNECT targets %v, want the URL's host once", got)
	}
}

func TestProbeFlagErrors(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "not.pem")
	os.WriteFile(notPEM, []byte("hello"), 0o600)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--dns-server", "127.0.0.1"}, "--dns-server needs --probe"},
		{[]string{"--probe", "tls", "--dns-server", "127.0.0.1"}, "--dns-server needs --probe"},
		{[]string{"--connect-to", "127.0.0.1:443"}, "need --probe or --probe tls"},
		{[]string{"--probe=dns", "--ca-file", notPEM}, "need --probe or --probe tls"},
		{[]string{"--probe=smtp"}, `--probe "smtp"`},
		{[]string{"--probe", "--dns-server", "dns.example.net"}, "want an IP address"},
		{[]string{"--probe", "--connect-to", "127.0.0.1"}, "--connect-to"},
		{[]string{"--probe", "--proxy", "https://user:hunter2@127.0.0.1:3128"}, "want http://"},
		// Not a URL with a host: url.Parse takes "u" for the scheme.
		{[]string{"--probe", "--proxy", "u:hunter2@127.0.0.1:3128"}, `--proxy "<redacted>@127.0.0.1:3128"`},
		{[]string{"--probe", "--proxy", "hunter2@127.0.0.1:3128"}, "want http://"},
		{[]string{"--probe", "--proxy", "http://u:hunter2@"}, "want http://"},
		{[]string{"--proxy", "u:hunter2@127.0.0.1:3128"}, "need --probe or --probe tls"},
		{[]string{"--probe", "--ca-file", notPEM}, "no PEM certificate"},
		{[]string{"--probe", "--ca-file", filepath.Join(dir, "missing.pem")}, "--ca-file"},
		{[]string{"--probe", "--probe-timeout", "0s"}, "--probe-timeout"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := runJSON(t, tt.args...)
			if code != ExitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, ExitUsage, tt.want)
			}
			if strings.Contains(stderr, "hunter2") {
				t.Errorf("the proxy password reached stderr: %q", stderr)
			}
		})
	}
}

func TestNormalizeProbeArgs(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"file", "x.txt", "--probe", "dns"}, []string{"file", "x.txt", "--probe=dns"}},
		{[]string{"file", "--probe", "dns,tls", "x.txt"}, []string{"file", "--probe=dns,tls", "x.txt"}},
		{[]string{"file", "--probe", "x.txt"}, []string{"file", "--probe", "x.txt"}},
		{[]string{"ssh", "--probe=all", "dns"}, []string{"ssh", "--probe=all", "dns"}},
		{[]string{"file", "--", "--probe", "dns"}, []string{"file", "--", "--probe", "dns"}},
		{[]string{"file", "x.txt", "--probe"}, []string{"file", "x.txt", "--probe"}},
	}
	for _, tt := range tests {
		if got := normalizeProbeArgs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("normalizeProbeArgs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// `slcheck ssh` takes the same flags and probes each collected switch.
func TestSSHProbes(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy")
	dnsOK := probetest.StartDNS(t, probetest.Answer, map[string][]string{"tools.cisco.com": {"72.163.4.38"}})
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	base := []string{"ssh", "-u", "admin", "--known-hosts", kh, "-o", "json"}
	for _, tt := range []struct {
		args   []string
		status checks.Status
		has    string
	}{
		{nil, checks.Skipped, "not run: add --probe"},
		{[]string{"--probe", "dns", "--dns-server", dnsOK.Addr}, checks.Pass, "72.163.4.38"},
	} {
		res := runCLI(t, false, env, "", append(append(append([]string{}, base...), tt.args...), addrs...)...)
		doc := decode(t, res.out)
		r := probeResults(t, doc)["DNS004"]
		if r.Status != tt.status || !strings.Contains(r.Message+r.Reason, tt.has) {
			t.Errorf("%v: DNS004 %s %q, want %s with %q (stderr %s)", tt.args, r.Status, r.Message+r.Reason, tt.status, tt.has, res.err)
		}
	}
	if dnsOK.UDPQueries() != 2 {
		t.Errorf("the name server got %d questions, want A and AAAA once", dnsOK.UDPQueries())
	}
}

// A fleet sharing name servers is probed once per run, not once per
// switch: the memo of the run makes the answering server see each
// question once, and the silent one costs one timeout for all.
func TestSSHFleetProbesShared(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy", "healthy", "healthy", "source-interface")
	dnsOK := probetest.StartDNS(t, probetest.Answer, map[string][]string{"tools.cisco.com": {"72.163.4.38"}})
	silent := probetest.StartDNS(t, probetest.Silent, nil)
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	args := append([]string{"ssh", "-u", "admin", "--known-hosts", kh, "-o", "json", "--no-active", "--concurrency", "4",
		"--probe", "dns", "--dns-server", dnsOK.Addr, "--dns-server", silent.Addr, "--probe-timeout", "300ms"}, addrs...)
	res := runCLI(t, false, env, "", args...)
	doc := decode(t, res.out)
	if len(doc.Devices) != len(addrs) {
		t.Fatalf("%d devices, want %d; stderr:\n%s", len(doc.Devices), len(addrs), res.err)
	}
	for _, dev := range doc.Devices {
		r := result(t, dev, "DNS004")
		if r.Status != checks.Fail || !strings.Contains(r.Message, silent.Addr) {
			t.Errorf("%s: DNS004 %s %q, want a failure naming the silent server", dev.Source, r.Status, r.Message)
		}
	}
	if dnsOK.UDPQueries() != 2 {
		t.Errorf("the answering server got %d questions for %d switches, want A and AAAA once", dnsOK.UDPQueries(), len(addrs))
	}
	if n := silent.UDPQueries(); n != 4 {
		t.Errorf("the silent server got %d questions, want A and AAAA, each retried once", n)
	}
}
