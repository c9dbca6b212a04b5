package cli

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/internal/nxsim"
)

// rawControl finds a character that must never reach a terminal raw: a
// control or format character other than newline and tab, or a byte that
// is not UTF-8; with sgr, colour sequences are allowed.
func rawControl(s string, sgr bool) (string, bool) {
	if sgr {
		s = regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(s, "")
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r != '\n' && r != '\t' && unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
			return s[max(i-30, 0):min(i+30, len(s))], true
		}
		i += size
	}
	return "", false
}

// A capture whose values hold terminal controls, the 8-bit CSI (a raw
// 0x9b byte, which the Latin-1 fallback turns into U+009B) and a bidi
// override, in the URL, the VRF and the failure reason.
const hostileCapture = "n9k# show version\n" +
	"Cisco Nexus Operating System (NX-OS) Software\n NXOS: version 9.3(5)\n" +
	"  cisco Nexus9000 C9348GC-FXP Chassis\n  Device name: n9k\n" +
	"n9k# show running-config\n!Command: show running-config\n!Time: Tue Mar 14 10:02:11 2023\n" +
	"version 9.3(5)\nhostname n9k\ncallhome\n  email-contact x@example.com\n" +
	"  destination-profile CiscoTAC-1 transport-method http\n" +
	"  destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com\x9b2J/its/\u202eservice\n" +
	"  transport http use-vrf mgmt\u202e;reload\n  enable\n" +
	"n9k# show license status\nSmart Licensing is ENABLED\n\nRegistration:\n" +
	"  Status: UNREGISTERED - REGISTRATION FAILED\n" +
	"  Initial Registration: FAILED on Mar 14 09:57:31 2023 UTC\n" +
	"    Failure reason: \u009b2J\u2066 bad\n"

// Every format, coloured or not, from a hostile capture: controls are shown
// as escapes on stdout and stderr, never raw.
func TestHostileCaptureEscaped(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cap.txt")
	if err := os.WriteFile(path, []byte(hostileCapture), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json", "markdown"} {
		for _, color := range []string{"never", "always"} {
			r := runCLI(t, false, nil, "", "file", "--no-fail", "--color", color, "-o", format, path)
			if r.code != ExitOK {
				t.Fatalf("%s: exit %d\n%s", format, r.code, r.err)
			}
			for what, s := range map[string]string{"stdout": r.out, "stderr": r.err} {
				if at, bad := rawControl(s, color == "always" && format == "text"); bad {
					t.Errorf("-o %s --color %s: raw control on %s: %q", format, color, what, at)
				}
			}
			for _, want := range []string{`\x9b2J`, `\u202e`} {
				if !strings.Contains(strings.ReplaceAll(r.out, `\\`, `\`), want) {
					t.Errorf("-o %s: %s not shown", format, want)
				}
			}
		}
	}
}

// A file name is printed on stdout and stderr: one that sets the terminal
// title, or writes the clipboard, is shown escaped.
func TestHostileFileName(t *testing.T) {
	dir := t.TempDir()
	title := filepath.Join(dir, "x\x1b]0;PWNED\a.txt")
	if err := os.WriteFile(title, []byte(hostileCapture), 0o600); err != nil {
		t.Fatal(err)
	}
	clip := filepath.Join(dir, "y\x1b]52;c;cm0gLXJmIH4K\a.txt") // missing
	for _, format := range []string{"text", "json", "markdown"} {
		r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", format, title, clip)
		if r.code != ExitUsage {
			t.Fatalf("exit %d, want %d\n%s", r.code, ExitUsage, r.err)
		}
		for what, s := range map[string]string{"stdout": r.out, "stderr": r.err} {
			if at, bad := rawControl(s, false); bad {
				t.Errorf("-o %s: raw control on %s: %q", format, what, at)
			}
		}
		if !strings.Contains(r.err, `y\x1b]52;c;cm0gLXJmIH4K\x07.txt: no such file`) {
			t.Errorf("-o %s: stderr does not name the missing file escaped:\n%s", format, r.err)
		}
		if !strings.Contains(strings.ReplaceAll(r.out, `\\`, `\`), `x\x1b]0;PWNED\x07.txt`) {
			t.Errorf("-o %s: stdout does not name the file escaped:\n%s", format, r.out)
		}
	}
}

// oscSurvivor is what a hostile switch sends so that a one-pass ANSI strip
// (scrapligo's) leaves a live sequence: ESC, then ESC]0;x BEL, which the
// strip removes, then ]0;PWNED BEL, now preceded by the first ESC.
const oscSurvivor = "\x1b\x1b]0;x\x07]0;PWNED\x07"

// A switch that sends terminal controls in its banner, in a command's
// output and as its prompt: stderr (the one-line error), --debug, the
// report and the --save capture show them escaped, never raw.
func TestSSHHostileBanner(t *testing.T) {
	sc, err := nxsim.BundledScenario("healthy")
	if err != nil {
		t.Fatal(err)
	}
	outputs := maps.Clone(sc.Outputs)
	outputs["show version"] = oscSurvivor + "\n\u009b2J \u202eevil\n" + outputs["show version"]
	good, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: outputs,
		Users: map[string]string{"admin": sshPass}, Banner: oscSurvivor + "\r\n"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { good.Close() })
	bad, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Outputs: outputs,
		Users: map[string]string{"admin": sshPass}, Banner: oscSurvivor + "\r\n",
		Faults: nxsim.Faults{Prompt: oscSurvivor}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bad.Close() })
	kh := filepath.Join(t.TempDir(), "known_hosts")
	known := collect.KnownHostsLine(good.Addr(), good.HostKey()) + "\n" + collect.KnownHostsLine(bad.Addr(), bad.HostKey()) + "\n"
	if err := os.WriteFile(kh, []byte(known), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, transport := range []string{"default", "system"} {
		t.Run(transport, func(t *testing.T) {
			needTransport(t, transport)
			dir := t.TempDir()
			env := map[string]string{"SLCHECK_PASSWORD": sshPass}
			r := runCLI(t, false, env, "", "ssh", "-u", "admin", "--known-hosts", kh, "--transport", transport,
				"-o", "text", "--debug", "--save", dir, "--connect-timeout", "3s", "--no-fail", good.Addr(), bad.Addr())
			if r.code != ExitCollection {
				t.Fatalf("exit %d, want %d:\n%s", r.code, ExitCollection, r.err)
			}
			saved, err := os.ReadFile(filepath.Join(dir, saveName(mustTarget(t, good.Addr()))))
			if err != nil {
				t.Fatal(err)
			}
			for what, s := range map[string]string{"stdout": r.out, "stderr": r.err, "saved capture": string(saved)} {
				if at, bad := rawControl(s, false); bad {
					t.Errorf("raw control in %s: %q", what, at)
				}
			}
			if !strings.Contains(r.err, `\x1b]0;PWNED\x07`) {
				t.Errorf("--debug does not show the banner escaped:\n%s", r.err)
			}
			if !strings.Contains(string(saved), `\x1b]0;PWNED\x07`) || !strings.Contains(string(saved), `\u202eevil`) {
				t.Errorf("the saved capture lacks the escaped output:\n%s", saved)
			}
			if !regexp.MustCompile(`(?m)^slcheck: ` + regexp.QuoteMeta(bad.Addr()) + `: .*PWNED.*$`).MatchString(r.err) {
				t.Errorf("no one-line error for the switch whose prompt is hostile:\n%s", r.err)
			}
		})
	}
	assertDeviceReadOnly(t, good)
	assertDeviceReadOnly(t, bad)
}

func mustTarget(t *testing.T, addr string) collect.Target {
	t.Helper()
	tg, err := collect.ParseTarget(addr)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// A file name holding a newline (a file from a customer's archive) cannot
// forge a line on stderr or in the report: each error stays one line and
// the name shows the newline escaped.
func TestFileNameNewline(t *testing.T) {
	dir := t.TempDir()
	found := filepath.Join(dir, "sw1.txt\nslcheck: all checks passed")
	if err := os.WriteFile(found, []byte(hostileCapture), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "gone.txt\nFAKE")
	for _, format := range []string{"text", "json", "markdown"} {
		r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", format, found, missing)
		if r.code != ExitUsage {
			t.Fatalf("exit %d\n%s", r.code, r.err)
		}
		if lines := strings.Split(strings.TrimSuffix(r.err, "\n"), "\n"); len(lines) != 1 ||
			!strings.HasSuffix(lines[0], `gone.txt\x0aFAKE: no such file`) {
			t.Errorf("-o %s: stderr is not one line naming the file:\n%s", format, r.err)
		}
		if regexp.MustCompile(`(?m)^(slcheck: all checks passed|FAKE)`).MatchString(r.out) {
			t.Errorf("-o %s: a file name forged a line of the report:\n%s", format, r.out)
		}
		if !strings.Contains(strings.ReplaceAll(r.out, `\\`, `\`), `sw1.txt\x0aslcheck: all checks passed`) {
			t.Errorf("-o %s: the report does not name the file escaped:\n%s", format, r.out)
		}
	}
}

// A secret in a file name right after a newline is hidden too, though the
// name is escaped (\x0a) before the output layer redacts it.
func TestFileNameNewlineSecret(t *testing.T) {
	dir := t.TempDir()
	found := filepath.Join(dir, "sw1\npassword 7 S3cretInName.txt")
	if err := os.WriteFile(found, []byte(hostileCapture), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "gone\nsnmp-server community S3cretGone")
	for _, format := range []string{"text", "json", "markdown", "openmetrics"} {
		r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", format, found, missing)
		if strings.Contains(r.out+r.err, "S3cret") {
			t.Errorf("-o %s: a secret in a file name shows:\n%s\n%s", format, r.out, r.err)
		}
		// The name ends with its secret: the JSON string keeps its quote.
		if format == "json" && !json.Valid([]byte(r.out)) {
			t.Errorf("-o json: not valid JSON:\n%s", r.out)
		}
	}
}

// stdin can be read once: `slcheck file - -` says so for the second.
func TestStdinTwice(t *testing.T) {
	in, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, false, nil, string(in), "file", "--no-fail", "-", "-")
	if r.code != ExitUsage || strings.TrimSpace(r.err) != "slcheck: -: stdin is given more than once: it can be read only once" {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.err)
	}
	if !strings.Contains(r.out, "DC-DMZ") {
		t.Errorf("the first stdin was not diagnosed:\n%s", r.out)
	}
}

// An archive member's name is a file name from the customer too: shown
// escaped, on one line.
func TestArchiveMemberNameEscaped(t *testing.T) {
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	name := "sw1\x1b]0;PWNED\x07\nslcheck: FAKE.txt"
	tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(hostileCapture)), Typeflag: tar.TypeReg})
	tw.Write([]byte(hostileCapture))
	tw.Close()
	path := filepath.Join(t.TempDir(), "captures.tar")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json", "markdown"} {
		r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", format, path)
		for what, s := range map[string]string{"stdout": r.out, "stderr": r.err} {
			if at, bad := rawControl(s, false); bad {
				t.Errorf("-o %s: raw control on %s: %q", format, what, at)
			}
			if regexp.MustCompile(`(?m)^slcheck: FAKE`).MatchString(s) {
				t.Errorf("-o %s: the member name forged a line on %s", format, what)
			}
		}
		if !strings.Contains(strings.ReplaceAll(r.out, `\\`, `\`), `captures.tar!sw1\x1b]0;PWNED\x07\x0aslcheck: FAKE.txt`) {
			t.Errorf("-o %s: the member is not named escaped:\n%s", format, r.out)
		}
	}
}

// Values from a hostile capture (a URL host "tools.cisco.com\x9b2J", a VRF
// "mgmt\u202e;reload") never reach a paste-ready line: the remedies'
// config and verify lines and `slcheck commands --missing` show a
// placeholder instead, and a note says why.
func TestHostileValuesNotPasted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cap.txt")
	if err := os.WriteFile(path, []byte(hostileCapture), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, false, nil, "", "file", "--no-fail", "-o", "json", path)
	doc := decode(t, r.out)
	placeholders, notes := 0, 0
	for _, res := range doc.Devices[0].Results {
		if res.Remedy == nil {
			continue
		}
		for _, l := range append(append([]string{}, res.Remedy.Config...), res.Remedy.Verify...) {
			if strings.Contains(l, "reload") || strings.Contains(l, `\u202e`) || strings.Contains(l, `\x9b`) {
				t.Errorf("%s: paste-ready line %q holds a captured value", res.ID, l)
			}
			if strings.Contains(l, "<vrf>") || strings.Contains(l, "<host>") {
				placeholders++
			}
		}
		for _, n := range res.Remedy.Notes {
			if strings.Contains(n, "is not a valid NX-OS") {
				notes++
			}
		}
	}
	if placeholders == 0 || notes == 0 {
		t.Errorf("%d placeholders, %d notes: the hostile values were not met\n%s", placeholders, notes, r.out)
	}
	m := runCLI(t, false, nil, "", "commands", "--missing", path)
	if strings.Contains(m.out, "reload") || strings.Contains(m.out, `\u202e`) {
		t.Errorf("commands --missing pastes a captured value:\n%s", m.out)
	}
	for _, bad := range [][]string{{"--vrf", "mgmt;reload"}, {"--host", "tools.cisco.com;reload"}} {
		if c := runCLI(t, false, nil, "", append([]string{"commands"}, bad...)...); c.code != ExitUsage || c.out != "" {
			t.Errorf("commands %v: exit %d, stdout %q", bad, c.code, c.out)
		}
	}
}
