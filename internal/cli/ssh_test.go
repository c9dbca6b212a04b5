package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/report"
)

const sshPass = "Tr0ub4dor-and-3"

// fakeFleet starts one fake switch per bundled scenario name and returns
// their addresses and a known_hosts file for them.
func fakeFleet(t *testing.T, names ...string) ([]string, string) {
	t.Helper()
	var addrs, known []string
	for _, n := range names {
		sc, err := nxsim.BundledScenario(n)
		if err != nil {
			t.Fatal(err)
		}
		d, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: sc.Outputs,
			Users: map[string]string{"admin": sshPass}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		addrs = append(addrs, d.Addr())
		known = append(known, collect.KnownHostsLine(d.Addr(), d.HostKey()))
	}
	kh := filepath.Join(t.TempDir(), "known_hosts")
	if err := os.WriteFile(kh, []byte(strings.Join(known, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return addrs, kh
}

func decode(t *testing.T, s string) report.Document {
	t.Helper()
	var doc report.Document
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	return doc
}

// A saved capture replays through `slcheck file` to the very same
// diagnosis as the live collection.
func TestSSHSaveReplaysIdentically(t *testing.T) {
	addrs, kh := fakeFleet(t, "source-interface", "healthy")
	dir := t.TempDir()
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	live := runCLI(t, false, env, "", append([]string{"ssh", "-u", "admin", "--known-hosts", kh,
		"--save", dir, "-o", "json"}, addrs...)...)
	if live.code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", live.code, ExitFindings, live.err)
	}
	liveDoc := decode(t, live.out)
	if len(liveDoc.Devices) != 2 || len(liveDoc.Errors) != 0 {
		t.Fatalf("devices %d, errors %v", len(liveDoc.Devices), liveDoc.Errors)
	}
	var saved []string
	for _, d := range liveDoc.Devices {
		saved = append(saved, d.Source)
		body, err := os.ReadFile(d.Source)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{sshPass, "s3cr3tC0mmunity", "Qw3rTy9uIoP1aSdFgHjKlZxCvBnM0", "abc@example.com"} {
			if strings.Contains(string(body), secret) {
				t.Errorf("%s holds %q", d.Source, secret)
			}
		}
	}
	replay := runCLI(t, false, nil, "", append([]string{"file", "-o", "json"}, saved...)...)
	if replay.code != live.code {
		t.Errorf("replay exit %d, live %d", replay.code, live.code)
	}
	if !reflect.DeepEqual(decode(t, replay.out).Devices, liveDoc.Devices) {
		t.Errorf("replay differs from live:\nlive   %s\nreplay %s", live.out, replay.out)
	}
	for _, s := range []string{live.out, live.err} {
		if strings.Contains(s, sshPass) {
			t.Error("password in the output")
		}
	}
}

func TestSSHFleetReportsFailedHosts(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy", "source-interface")
	inv := filepath.Join(t.TempDir(), "inventory.txt")
	body := "# lab switches\n" + addrs[0] + "\n\n" + addrs[1] + "  # the broken one\n"
	if err := os.WriteFile(inv, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	res := runCLI(t, false, env, "", "ssh", "-u", "admin", "--known-hosts", kh, "--inventory", inv,
		"--concurrency", "2", "127.0.0.1:1")
	if res.code != ExitCollection {
		t.Fatalf("exit %d, want %d\n%s", res.code, ExitCollection, res.err)
	}
	if !strings.Contains(res.err, "127.0.0.1:1") || !strings.Contains(res.err, "connection refused") {
		t.Errorf("stderr lacks the failed host and reason:\n%s", res.err)
	}
	for _, want := range []string{"HOST", "ROOT CAUSE", "DC-CORE (" + addrs[0] + ")", "REGISTERED, AUTHORIZED",
		"DC-DMZ (" + addrs[1] + ")", "NET001", "127.0.0.1:1", "not collected: refused"} {
		if !strings.Contains(res.out, want) {
			t.Errorf("fleet summary lacks %q:\n%s", want, res.out)
		}
	}
	js := runCLI(t, false, env, "", "ssh", "-u", "admin", "--known-hosts", kh, "-o", "json", "127.0.0.1:1", addrs[0])
	doc := decode(t, js.out)
	if len(doc.Devices) != 1 || len(doc.Errors) != 1 || doc.Errors[0].Kind != "collection" || doc.Errors[0].Source != "127.0.0.1:1" {
		t.Errorf("devices %d, errors %+v", len(doc.Devices), doc.Errors)
	}
}

func TestSSHUsageErrors(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "inv.txt")
	os.WriteFile(inv, []byte("sw1\nsw2:22\nsw3 extra words\n"), 0o600)
	env := map[string]string{"SLCHECK_PASSWORD": "x"}
	tests := []struct {
		name   string
		args   []string
		errHas string
	}{
		{"no host", []string{"ssh"}, "no host"},
		{"bad inventory line", []string{"ssh", "--inventory", inv}, "inv.txt:3:"},
		{"missing inventory", []string{"ssh", "--inventory", filepath.Join(dir, "none")}, "--inventory"},
		{"bad port", []string{"ssh", "sw1:99999"}, "bad port"},
		{"option-like host", []string{"ssh", "--", "-oProxyCommand=touch"}, "bad host"},
		{"password flag does not exist", []string{"ssh", "--password", "x", "sw1"}, "unknown flag"},
		{"bad transport", []string{"ssh", "--transport", "telnet", "sw1"}, "--transport"},
		{"bad concurrency", []string{"ssh", "--concurrency", "0", "sw1"}, "--concurrency"},
		{"missing known hosts", []string{"ssh", "--known-hosts", filepath.Join(dir, "none"), "sw1"}, "--known-hosts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, false, env, "", tc.args...)
			if r.code != ExitUsage || !strings.Contains(r.err, tc.errHas) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.err, ExitUsage, tc.errHas)
			}
		})
	}
}

func TestDemo(t *testing.T) {
	r := runCLI(t, false, nil, "", "demo", "--no-fail")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s", r.code, r.err)
	}
	for _, want := range []string{"DC-DMZ", "DC-CORE", "NET001", "ROOT CAUSE"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}
