package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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
