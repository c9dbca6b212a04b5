package cli

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/redact"
)

// capturedSecrets finds, in a capture, the words the redaction layer
// removes and that appear nowhere in the redacted capture: any of them in
// an output can only have come from a secret or a contact.
func capturedSecrets(raw string) []string {
	raw = strings.ReplaceAll(raw, "\r\n", "\n") // as the capture reader reads it
	red := redact.Policy{}.Text(raw)
	orig, done := strings.Split(raw, "\n"), strings.Split(red, "\n")
	var out []string
	seen := map[string]bool{}
	for i := range orig {
		if orig[i] == done[i] {
			continue
		}
		kept := map[string]bool{}
		for _, w := range strings.Fields(done[i]) {
			kept[w] = true
		}
		for _, w := range strings.Fields(orig[i]) {
			w = strings.Trim(w, `"'`)
			if len(w) >= 6 && !kept[w] && !seen[w] && !strings.Contains(red, w) {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// Every scenario through the command line in every format: no word the
// redaction layer removes from its capture reaches stdout or stderr.
func TestNoCaptureSecretInAnyOutput(t *testing.T) {
	captures, err := filepath.Glob("../../testdata/showoutputs/*/capture.txt")
	if err != nil || len(captures) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	total := 0
	for _, p := range captures {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		secrets := capturedSecrets(string(raw))
		total += len(secrets)
		for _, format := range []string{"text", "json", "markdown"} {
			r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", format, p)
			for _, s := range secrets {
				if strings.Contains(r.out, s) || strings.Contains(r.err, s) {
					t.Errorf("%s -o %s: %q reached the output", filepath.Base(filepath.Dir(p)), format, s)
				}
			}
		}
	}
	// The secrets scenario alone plants dozens: an empty list would make
	// this test pass for nothing.
	t.Logf("%d secret words in %d scenarios", total, len(captures))
	if total < 30 {
		t.Errorf("only %d secret words found in all the scenarios", total)
	}
}

// An unterminated private key block in the running-config hides only the
// key's own lines: live over SSH the callhome block after it is read, as
// `slcheck file` reads it from the raw log (CH002 finds the http:// URL
// both ways), and the key body reaches no output.
func TestUnterminatedKeyLiveAndFile(t *testing.T) {
	sc, err := nxsim.BundledScenario("healthy")
	if err != nil {
		t.Fatal(err)
	}
	const body1 = "MIIEowIBAAKCAQEAsecretbody1secretbody1secretbody1secretbody1abcd"
	const body2 = "c2Vjb25kIGxpbmUgb2YgdGhlIGtleSBib2R5IHNoYXBlZCBhcyBQRU0gd291bGQ"
	outputs := maps.Clone(sc.Outputs)
	run := strings.Replace(outputs["show running-config"], "https://tools.cisco.com", "http://tools.cisco.com", 1)
	run = strings.Replace(run, "\ncallhome\n", "\n-----BEGIN RSA PRIVATE KEY-----\n"+body1+"\n"+body2+"\ncallhome\n", 1)
	if !strings.Contains(run, body2+"\ncallhome\n") || !strings.Contains(run, "http://tools.cisco.com") {
		t.Fatal("the scenario's running-config changed shape")
	}
	outputs["show running-config"] = run
	d := startFakeOutputs(t, sc.Hostname, outputs)
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	live := runCLI(t, false, env, "", "ssh", "-u", "admin", "--known-hosts", trusting(t, d), "-o", "json", d.Addr())
	log := filepath.Join(t.TempDir(), "raw.log")
	raw := sc.Hostname + "# show version\n" + outputs["show version"] + "\n" + sc.Hostname + "# show running-config\n" + run + "\n"
	if err := os.WriteFile(log, []byte(raw), 0o600); err != nil {
		t.Fatal(err)
	}
	file := runCLI(t, false, nil, "", "file", "-o", "json", log)
	for name, r := range map[string]runResult{"ssh": live, "file": file} {
		doc := decode(t, r.out)
		if len(doc.Devices) != 1 {
			t.Fatalf("%s: %d devices\n%s", name, len(doc.Devices), r.err)
		}
		ch002 := result(t, doc.Devices[0], "CH002")
		if ch002.Status != checks.Fail || !strings.Contains(ch002.Message, "http://tools.cisco.com") {
			t.Errorf("%s: CH002 %s: %s", name, ch002.Status, ch002.Message)
		}
		for _, s := range []string{body1, body2} {
			if strings.Contains(r.out, s) || strings.Contains(r.err, s) {
				t.Errorf("%s: the key body reached the output", name)
			}
		}
	}
	assertDeviceReadOnly(t, d)
}

// The SNMP contact and location (a location can be a street address) are
// contacts: live over SSH, --save and --debug hide them as the report does,
// and --show-contacts shows them in all three.
func TestSNMPContactAndLocationSavedAndLogged(t *testing.T) {
	sc, err := nxsim.BundledScenario("healthy")
	if err != nil {
		t.Fatal(err)
	}
	const contact, location = "Jane Roe x5555", "Bldg 7, 12 Elm Road, Springfield"
	outputs := maps.Clone(sc.Outputs)
	run := strings.Replace(outputs["show running-config"], "\ncallhome\n",
		"\nsnmp-server contact "+contact+"\nsnmp-server location "+location+"\ncallhome\n", 1)
	if !strings.Contains(run, location) {
		t.Fatal("the scenario's running-config changed shape")
	}
	outputs["show running-config"] = run
	d := startFakeOutputs(t, sc.Hostname, outputs)
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	for _, show := range []bool{false, true} {
		dir := t.TempDir()
		args := []string{"ssh", "-u", "admin", "--known-hosts", trusting(t, d), "--no-active", "--no-fail", "--debug", "--save", dir, "-o", "json"}
		if show {
			args = append(args, "--show-contacts")
		}
		r := runCLI(t, false, env, "", append(args, d.Addr())...)
		if r.code != ExitOK {
			t.Fatalf("exit %d\n%s", r.code, r.err)
		}
		saved, err := os.ReadFile(filepath.Join(dir, saveName(mustTarget(t, d.Addr()))))
		if err != nil {
			t.Fatal(err)
		}
		for name, out := range map[string]string{"--save": string(saved), "--debug": r.err, "report": r.out} {
			for _, s := range []string{contact, location} {
				if !show && strings.Contains(out, s) {
					t.Errorf("%s holds %q", name, s)
				}
				if show && name != "report" && !strings.Contains(out, s) {
					t.Errorf("--show-contacts: %s lacks %q", name, s)
				}
			}
		}
		if !show && !strings.Contains(string(saved), "snmp-server location "+redact.ContactMarker) {
			t.Errorf("--save: no marker for the location:\n%s", saved)
		}
	}
	assertDeviceReadOnly(t, d)
}

// startFakeOutputs starts a fake switch answering with outputs.
func startFakeOutputs(t *testing.T, hostname string, outputs map[string]string) *nxsim.Device {
	t.Helper()
	d, err := nxsim.Start(nxsim.Config{Hostname: hostname, Outputs: outputs, Users: map[string]string{"admin": sshPass}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}
