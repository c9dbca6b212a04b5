package cli

import (
	"maps"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/slcheck/slcheck/internal/nxsim"
)

// startOutputs starts a fake switch with the outputs of a bundled
// scenario, changed by edit.
func startOutputs(t *testing.T, scenario string, cfg nxsim.Config, edit func(map[string]string)) *nxsim.Device {
	t.Helper()
	sc, err := nxsim.BundledScenario(scenario)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Hostname, cfg.Outputs, cfg.Users = sc.Hostname, maps.Clone(sc.Outputs), map[string]string{"admin": sshPass}
	if edit != nil {
		edit(cfg.Outputs)
	}
	d, err := nxsim.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close(); assertDeviceReadOnly(t, d) })
	return d
}

// A switch whose output holds a line shaped like another switch's prompt
// with a command, followed by that command's output (here a banner
// quoting another switch's registered licence): live, the collector knows
// where each output ends and marks the line, so the run diagnoses one
// switch, as an unregistered one; the saved capture replays to the very
// same JSON.
func TestSSHPromptShapedOutputIsOutput(t *testing.T) {
	phantom := "banner motd ^\nOTHER-SW# show license status\nSmart Licensing is ENABLED\n\nRegistration:\n" +
		"  Status: REGISTERED\n  Initial Registration: SUCCEEDED on Mar 14 10:20:41 2023 UTC\n\n" +
		"License Authorization:\n  Status: AUTHORIZED on Mar 14 10:20:44 2023 UTC\n^"
	for _, tr := range []string{"default", "system"} {
		t.Run(tr, func(t *testing.T) {
			needTransport(t, tr)
			d := startOutputs(t, "source-interface", nxsim.Config{}, func(o map[string]string) {
				o["show running-config"] += "\n" + phantom
			})
			kh := trusting(t, d)
			dir := t.TempDir()
			env := map[string]string{"SLCHECK_PASSWORD": sshPass}
			live := runCLI(t, false, env, "", "ssh", "-u", "admin", "--transport", tr, "--known-hosts", kh,
				"--save", dir, "-o", "json", "--no-active", d.Addr())
			if live.code != ExitFindings {
				t.Fatalf("exit %d, want %d; stderr:\n%s", live.code, ExitFindings, live.err)
			}
			doc := decode(t, live.out)
			if len(doc.Devices) != 1 || len(doc.Errors) != 0 {
				t.Fatalf("devices %d, errors %+v", len(doc.Devices), doc.Errors)
			}
			if r := result(t, doc.Devices[0], "LIC002"); r.Status != "fail" {
				t.Errorf("LIC002 %s: the phantom switch's REGISTERED status was read as this one's", r.Status)
			}
			body, err := os.ReadFile(doc.Devices[0].Source)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(body), "\n"+`\OTHER-SW# show license status`+"\n") {
				t.Errorf("the saved capture does not mark the prompt-shaped line:\n%s", body)
			}
			replay := runCLI(t, false, nil, "", "file", "-o", "json", doc.Devices[0].Source)
			if replay.code != live.code {
				t.Errorf("replay exit %d, live %d", replay.code, live.code)
			}
			if !reflect.DeepEqual(decode(t, replay.out).Devices, doc.Devices) {
				t.Errorf("replay differs from live:\nlive   %s\nreplay %s", live.out, replay.out)
			}
		})
	}
}

// A switch answering with an endless line: the host fails with the
// limit, and --debug stays bounded (a line is cut at 64 KiB).
func TestSSHEndlessOutput(t *testing.T) {
	for _, tr := range []string{"default", "system"} {
		t.Run(tr, func(t *testing.T) {
			needTransport(t, tr)
			d := startOutputs(t, "healthy", nxsim.Config{Faults: nxsim.Faults{Endless: "show running-config"}}, nil)
			res := runCLI(t, false, map[string]string{"SLCHECK_PASSWORD": sshPass}, "", "ssh", "-u", "admin",
				"--transport", tr, "--known-hosts", trusting(t, d), "--max-command-output", "2", "--timeout", "60s", "--debug", d.Addr())
			if res.code != ExitCollection {
				t.Fatalf("exit %d, want %d\n%.2000s", res.code, ExitCollection, res.err)
			}
			if !strings.Contains(res.err, "output exceeds 2 MiB (--max-command-output) during `show running-config`") {
				t.Errorf("stderr lacks the limit:\n%.3000s", res.err)
			}
			if len(res.err) > 200<<10 {
				t.Errorf("--debug wrote %d bytes for one endless line", len(res.err))
			}
			if !strings.Contains(res.err, "the rest of this line is not shown") {
				t.Error("--debug does not say the line was cut")
			}
		})
	}
}

// An older switch's algorithm mismatch is worded with both sides' offers,
// whose names (aes128-gcm@openssh.com) pass the redaction layer intact.
func TestSSHAlgorithmMismatchNotRedacted(t *testing.T) {
	d := startOutputs(t, "healthy", nxsim.Config{Algorithms: &ssh.Config{Ciphers: []string{ssh.InsecureCipherAES128CBC}}}, nil)
	res := runCLI(t, false, map[string]string{"SLCHECK_PASSWORD": sshPass}, "", "ssh", "-u", "admin",
		"--known-hosts", trusting(t, d), d.Addr())
	if res.code != ExitCollection {
		t.Fatalf("exit %d, want %d\n%s", res.code, ExitCollection, res.err)
	}
	for _, want := range []string{"algorithm mismatch", "the switch offers aes128-cbc", "aes128-gcm@openssh.com", "--legacy-algorithms"} {
		if !strings.Contains(res.err, want) {
			t.Errorf("stderr lacks %q:\n%s", want, res.err)
		}
	}
	ok := runCLI(t, false, map[string]string{"SLCHECK_PASSWORD": sshPass}, "", "ssh", "-u", "admin",
		"--known-hosts", trusting(t, d), "--legacy-algorithms", "--no-active", d.Addr())
	if ok.code == ExitCollection || ok.code == ExitUsage {
		t.Errorf("with --legacy-algorithms: exit %d\n%s", ok.code, ok.err)
	}
}

// -p/--port gives the port of the hosts named without one; HOST:PORT
// still wins, and a bad port is a usage error.
func TestSSHPortFlag(t *testing.T) {
	d := startOutputs(t, "healthy", nxsim.Config{}, nil)
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	port := strconv.Itoa(d.Port())
	for _, args := range [][]string{{"-p", port, "127.0.0.1"}, {"--port", port, "127.0.0.1"}, {"-p", "1", d.Addr()}} {
		res := runCLI(t, false, env, "", append([]string{"ssh", "-u", "admin", "--known-hosts", trusting(t, d), "--no-active"}, args...)...)
		if res.code == ExitCollection || res.code == ExitUsage {
			t.Errorf("%v: exit %d\n%s", args, res.code, res.err)
		}
	}
	res := runCLI(t, false, env, "", "ssh", "-p", "70000", "127.0.0.1")
	if res.code != ExitUsage || !strings.Contains(res.err, "--port 70000") {
		t.Errorf("bad port: exit %d\n%s", res.code, res.err)
	}
}
