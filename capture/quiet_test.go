package capture_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/bench/showtech"
	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

// logOptions keep the logs with slcheck's own filter and needles, leave
// out the commands of a show-tech's filler, and keep every other section
// whole, so that a section the quiet scanner ends early or late shows.
var logOptions = capture.Options{
	Select: func(cmd string) (bool, func(string) bool) {
		switch {
		case strings.HasPrefix(cmd, "show logging"):
			return true, parsers.IsLicensingLogLine
		case strings.HasPrefix(cmd, "show system"), strings.HasPrefix(cmd, "show hardware"), strings.HasPrefix(cmd, "show interface"):
			return false, nil
		}
		return true, nil
	},
	Needles: func(cmd string) []string {
		if strings.HasPrefix(cmd, "show logging") {
			return parsers.LicensingLogNeedles
		}
		return nil
	},
}

// readBoth reads in with the quiet scanner and line by line, with a line
// reader buffer of size bytes, and fails unless both find the same.
func readBoth(t *testing.T, name string, in []byte, size int, opt capture.Options) {
	t.Helper()
	read := func(lineByLine bool) (*capture.Capture, string) {
		c, err := capture.ReadSized(name, in, size, opt, lineByLine)
		if err != nil {
			return nil, err.Error()
		}
		return c, ""
	}
	quiet, qerr := read(false)
	lines, lerr := read(true)
	if qerr != lerr {
		t.Fatalf("%s (buffer %d): error %q quiet, %q line by line", name, size, qerr, lerr)
	}
	if !reflect.DeepEqual(quiet, lines) {
		t.Fatalf("%s (buffer %d): quiet read differs:\n%s\nline by line:\n%s", name, size, detail(quiet), detail(lines))
	}
}

// detail renders a capture with its kept lines.
func detail(c *capture.Capture) string {
	if c == nil {
		return "nil"
	}
	var b strings.Builder
	b.WriteString(capture.Summary(c))
	for _, d := range c.Devices {
		fmt.Fprintf(&b, "%s %s %+v %v\n", d.Hostname, d.Software, d.SoftwareRef, d.Foreign)
		for _, s := range d.Sections {
			for _, l := range s.Lines {
				fmt.Fprintf(&b, "  %d %q cut=%v\n", l.N, l.Text, l.Cut)
			}
		}
	}
	return b.String()
}

// The quiet scanner finds the sections and lines the line path finds: on
// every capture under the repository's testdata, on generated show-techs
// of both kinds, and on logs full of what it flags, at buffer sizes that
// put each line across a buffer boundary somewhere.
func TestQuietSameAsLines(t *testing.T) {
	var files []string
	filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(p, "testdata") && !strings.Contains(p, "fuzz") {
			if st, err := d.Info(); err == nil && st.Size() < 4<<20 {
				files = append(files, p)
			}
		}
		return nil
	})
	if len(files) < 20 {
		t.Fatalf("only %d testdata files", len(files))
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []int{64, 4096, capture.ReadBufferSize} {
			readBoth(t, p, b, size, logOptions)
		}
	}

	var config, logs bytes.Buffer
	showtech.Write(&config, 2<<20, 3)
	showtech.WriteLogHeavy(&logs, 2<<20, 3)
	// A terminal program's ISO stamp before every line makes every line
	// start with a digit, the show-tech's headers too.
	var stamped bytes.Buffer
	for line := range bytes.Lines(logs.Bytes()) {
		stamped.WriteString("2024-03-04T09:15:02.123Z ")
		stamped.Write(line)
	}
	for _, size := range []int{100, 1000, 4096, 65536, capture.ReadBufferSize} {
		readBoth(t, "config", config.Bytes(), size, logOptions)
		readBoth(t, "logs", logs.Bytes(), size, logOptions)
		readBoth(t, "stamped logs", stamped.Bytes(), size, logOptions)
	}

	r := rand.New(rand.NewPCG(18, 1))
	for i := range 40 {
		in := flaggedLog(r)
		for _, size := range []int{40, 64 + i, 333, 1000 + 7*i, 8192} {
			readBoth(t, fmt.Sprint("flagged", i), in, size, logOptions)
			o := logOptions
			o.MaxLineBytes = 50 + i
			readBoth(t, fmt.Sprint("flagged-cut", i), in, size, o)
		}
	}
}

// flaggedLog is a show-tech whose logs hold, among plain log lines, lines
// with each thing the quiet scanner flags and near misses of it.
func flaggedLog(r *rand.Rand) []byte {
	special := []string{
		"2023 Mar 14 09:27:31 sw %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: failed",
		"2023 Mar 14 09:27:31 sw %lic-1-X: lower case facility",
		"2023 Mar 14 09:27:31 sw %USER-2-SYSTEM_MSG: Smart Licensing agent started",
		"2023 Mar 14 09:27:31 sw %USER-2-SYSTEM_MSG: syscall failed, CallHome, SMART LIC, sMaRt_LiC",
		"2023 Mar 14 09:27:31 sw %SLP-6-X: report",
		"2023 Mar 14 09:27:31 sw %LICMGR-6-X: report",
		"2023 Mar 14 09:27:31 sw %ETHPORT-5-X: CallHome profile updated",
		"2023 Mar 14 09:27:31 sw %ETHPORT-5-X: smart LICENSING",
		"2023 Mar 14 09:27:31 sw %SL",
		"2023 Mar 14 09:27:31 sw %USER-2-SYSTEM_MSG: CLIS: syscall failed in clis_vsh_poll_fd, errno 4 - clis",
		"2023 Mar 14 09:27:31 sw %SYSMGR-STANDBY-5-SUBPROC_TERMINATED: SYSMGR_EXITCODE_GSYNCFAILED_NONFATAL",
		"2023 Mar 14 09:27:31 sw %CALL_HOME-5-SL_MESSAGE_FAILED: Fail to send out Smart Licensing message",
		"2023 Mar 14 09:27:31 sw %CALLHOME-2-EVENT: SYSLOG_ALERT",
		"2023 Mar 14 09:27:31 sw %callhome-2-EVENT: lower case facility",
		"2023 Mar 14 09:27:31 sw cAlL-HoMe profile CiscoTAC-1 updated",
		"2023 Mar 14 09:27:31 sw CALL HOME",
		"2023 Mar 14 09:27:31 sw callHOME",
		"2023 Mar 14 09:27:31 sw call\x00home NUL inside",
		"2023 Mar 14 09:27:31 sw HOM",
		"2023 Mar 14 09:27:31 sw home directory /home/admin, a callback called",
		"2023 Mar 14 09:27:31 sw %SMART_LIC-3-COMM_FAILED: x",
		"2023 Mar 14 09:27:31 sw sMaRt LiC",
		"2023 Mar 14 09:27:31 RP/0/RSP0/CPU0:router %OS-5-X: IOS-XR node",
		"0/RP0/CPU0:Mar 14 09:27:31 sw %OS: node",
		"2023 Mar 14 --More-- 09:27:31 sw %LIC--More--MGR-3-X: pager inside",
		"2023 Mar 14 09:27:31 sw %LIC\x00MGR-3-X: NUL inside",
		"2023 Mar 14 09:27:31 sw %LIC\bMGR-3-X: backspace",
		"2023 Mar 14 09:27:31 sw \x1b[1mcall\x1b[0mhome escape",
		"2023 Mar 14 09:27:31 sw caf\xe9 Latin-1 smart lic",
		"2023 Mar 14 09:27:31 sw café UTF-8",
		"2023 Mar 14 09:27:31 sw a\rcallhome carriage return",
		"2023 Mar 14 09:27:31 sw CRLF line\r",
		"2023 Mar 14 09:27:31 sw CRs\r\r",
		"\r",
		"",
		"   2023 Mar 14 09:27:31 sw indented",
		"Cisco IOS XE Software, Version 17.03.04",
		"Smart Licensing Status",
		"==========================",
		"`show license status`",
		"Smart Licensing is ENABLED",
		"`show logging logfile`",
		"---- show tech-support details ----",
		"2023 Mar 14 09:27:31 sw\tTAB\tcall home",
		"2023 Mar 14 09:27:31 sw \x7f DEL",
		"2023 Mar 14 09:27:31 sw " + strings.Repeat("long ", 80) + "call-home",
		"n9k# show clock",
		"  NXOS: version 9.3(5)",
		"0.0.0.0/0 10.20.0.1",
		// Each way IsLicensingLogLine's facilities and words may be
		// written, and near misses of them.
		"2023 Mar 14 09:27:31 sw %$ VDC-1 %$ %LICMGR-2-LOG_LIC_NO_LIC: VDC prefix",
		"2023 Mar 14 09:27:31 sw %$ VDC-1 %$ %CALLHOME-2-EVENT: VDC prefix",
		"2023 Mar 14 09:27:31 sw %Licmgr-3-X: facility in mixed case",
		"2023 Mar 14 09:27:31 sw %smart_lic-3-X: facility in lower case",
		"2023 Mar 14 09:27:31 sw %LICENSE-4-X: licence facility",
		"2023 Mar 14 09:27:31 sw %CallHome-3-X: facility in mixed case",
		"2023 Mar 14 09:27:31 sw CALL-HOME",
		"2023 Mar 14 09:27:31 sw Call Home",
		"2023 Mar 14 09:27:31 sw SMART_LIC",
		"2023 Mar 14 09:27:31 sw call\thome",
		"2023 Mar 14 09:27:31 sw call  home",
		"2023 Mar 14 09:27:31 sw HOME",
		"1 HOME",
		"Mar 14 09:27:31 sw %LICMGR-3-X: no year",
		// Unicode and Latin-1 around and inside the words (ſ and K fold
		// to s and k).
		"2023 Mar 14 09:27:31 sw ſmart lic",
		"2023 Mar 14 09:27:31 sw \u212aelvin callhome",
		"2023 Mar 14 09:27:31 sw call\u00a0home",
		"2023 Mar 14 09:27:31 sw call\xa0home",
		"2023 Mar 14 09:27:31 sw callhomé",
		"2023 Mar 14 09:27:31 sw \xe9callhome",
		"2023 Mar 14 09:27:31 sw \ufeffcallhome",
		"\ufeff2023 Mar 14 09:27:31 sw callhome",
		"2023 Mar 14 09:27:31 sw \u2028callhome \u0085",
		"2023 Mar 14 09:27:31 sw \vcallhome\f",
		// Control bytes and pager remnants the cleaner turns into a
		// licensing line, or out of one.
		"2023 Mar 14 09:27:31 sw call-\bhome",
		"2023 Mar 14 09:27:31 sw xx\b\bcallhome",
		"2023 Mar 14 09:27:31 sw call--More--home",
		"2023 Mar 14 09:27:31 sw call --More-- home",
		"2023 Mar 14 09:27:31 sw %LIC\x1b[0mMGR-3-X: escape inside",
		"2023 Mar 14 09:27:31 sw %SMART_LIC-3-X\x1b]0;title\x07 OSC",
		"\x1b[2K2023 Mar 14 09:27:31 sw CALLHOME",
		"--More--\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b2023 Mar 14 09:27:31 sw %LICMGR-3-X: after the pager's erase",
		" --More-- 2023 Mar 14 09:27:31 sw %LICMGR-3-X: after a pager prompt",
		"2023 Mar 14 09:27:31 sw HO\rME",
		"2023 Mar 14 09:27:31 sw call\rhome",
		"2023 Mar 14 09:27:31 sw callhome\r\r\r",
		"2023 Mar 14 09:27:31 sw x \t \r",
		"\t2023 Mar 14 09:27:31 sw callhome",
		"\r\r",
		// What other software or a terminal program would put there.
		"9k-1# show logging logfile | include callhome",
		"2023 Mar 14 ---- show tech-support ----",
		"0/rp0/cpu0:Mar 14 09:27:31 sw %OS: node in lower case",
		"2023-03-14T09:27:31.123Z sw %LICMGR-3-X: a stamp on one line",
		"[2024-03-01 10:11:12] 2023 Mar 14 09:27:31 sw callhome",
		"=~=~=~= PuTTY log 2024.03.01 10:11:12 =~=~=~=",
	}
	var b bytes.Buffer
	b.WriteString("`show switchname`\nsw\n")
	version := "`show version`\nCisco Nexus Operating System (NX-OS) Software\n"
	if r.IntN(4) > 0 { // else after the log, which is then read line by line
		b.WriteString(version)
		version = ""
	}
	b.WriteString("`show logging logfile`\n")
	for range 400 + r.IntN(400) {
		if r.IntN(6) == 0 {
			b.WriteString(special[r.IntN(len(special))])
		} else {
			fmt.Fprintf(&b, "2023 Mar %02d %02d:%02d:%02d sw %%ETHPORT-5-IF_UP: Interface Ethernet1/%d is up%s", 1+r.IntN(28), r.IntN(24),
				r.IntN(60), r.IntN(60), r.IntN(54), strings.Repeat(" x", r.IntN(60)))
		}
		b.WriteByte('\n')
		if r.IntN(100) == 0 {
			b.WriteString("`show system internal sysmgr event-history errors`\n2023 Mar 14 callhome skipped\n`show logging nvram`\n")
		}
	}
	b.WriteString(version + "`show clock`\n10:02:11.456 UTC Tue Mar 14 2023\n")
	return b.Bytes()
}

// The kernel flags the positions needleTable.flagged does.
func TestQuietKernel(t *testing.T) {
	if !capture.HaveAVX2() {
		t.Log("no AVX2 kernel on this CPU: the scalar path alone is tested")
	}
	needles := append(slices.Clip(parsers.LicensingLogNeedles), capture.OwnNeedles...)
	alphabet := []byte("0123456789\n\n\t\r\x00\x1b\x7f\xe9 %/-cpuCPUlisLISmartMARThmoeHOE`x")
	r := rand.New(rand.NewPCG(18, 2))
	for range 20000 {
		b := make([]byte, r.IntN(200))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		if len(b) > 0 && r.IntN(3) == 0 {
			// a needle somewhere, in mixed case
			nd := []byte(needles[r.IntN(len(needles))])
			for i := range nd {
				if r.IntN(2) == 0 {
					nd[i] ^= 0x20 & -(nd[i] >> 6 & 1) // flip the case of letters
				}
			}
			copy(b[r.IntN(len(b)):], nd)
		}
		from := 1 + r.IntN(max(len(b), 1))
		got, want, ok := capture.QuietNext(parsers.LicensingLogNeedles, b, from)
		if !ok {
			t.Fatalf("no quiet scanner for %q", parsers.LicensingLogNeedles)
		}
		if got != want {
			t.Fatalf("next(%q, %d) = %d, want %d", b, from, got, want)
		}
	}
}

// The needles make the scanner pass over the near misses of a busy
// switch's log (syscall, SYSMGR, in the log-heavy generator's lines): each
// line it flags costs the whole line path.
func TestQuietPassesNearMisses(t *testing.T) {
	var logs bytes.Buffer
	showtech.WriteLogHeavy(&logs, 8<<20, 5)
	kept, nearMisses := 0, 0
	for line := range bytes.Lines(logs.Bytes()) {
		if !bytes.HasPrefix(line, []byte("2023 ")) {
			continue
		}
		got, _, _ := capture.QuietNext(parsers.LicensingLogNeedles, append([]byte("\n"), line...), 1)
		switch {
		case parsers.IsLicensingLogLine(strings.TrimSpace(string(line))):
			kept++
		case got >= 0:
			t.Fatalf("flagged at %d: %q", got-1, line)
		case bytes.Contains(line, []byte("syscall")) || bytes.Contains(line, []byte("SYSMGR")):
			nearMisses++
		}
	}
	if kept == 0 || nearMisses < 500 {
		t.Fatalf("%d licensing lines, %d near misses passed over: not a log-heavy show-tech", kept, nearMisses)
	}
}

// A licensing line that only one needle catches is found wherever a buffer
// boundary cuts it, its needle included.
func TestQuietNeedleAcrossBuffers(t *testing.T) {
	for _, line := range []string{
		"2023 Mar 14 09:27:31 sw cAlL-HoMe profile updated",
		"2023 Mar 14 09:27:31 sw %CALL_HOME-5-SL_MESSAGE_FAILED: x",
		"2023 Mar 14 09:27:31 sw SMART_lic agent",
		"2023 Mar 14 09:27:31 sw %LICMGR-3-X: x",
		"2023 Mar 14 09:27:31 sw %SLP-6-X: x",
	} {
		in := "`show version`\nCisco Nexus Operating System (NX-OS) Software\n`show logging logfile`\n" +
			"2023 Mar 14 09:27:30 sw %USER-2-SYSTEM_MSG: syscall failed\n" + line + "\n" +
			"2023 Mar 14 09:27:32 sw %SYSMGR-5-X: home\n`show clock`\n10:02:11.456 UTC Tue Mar 14 2023\n"
		for size := 40; size < 200; size++ {
			readBoth(t, line, []byte(in), size, logOptions)
		}
		c, err := capture.ReadSized("in", []byte(in), 40, logOptions, false)
		if err != nil {
			t.Fatal(err)
		}
		if s := c.Devices[0].Sections[1]; len(s.Lines) != 1 || s.Lines[0].Text != line {
			t.Fatalf("%q: log kept %+v", line, s.Lines)
		}
	}
}

// quietLog is a show-tech whose `show logging logfile` holds before, then
// lines, then a licensing line the reader must find after them.
func quietLog(before string, lines ...string) string {
	return "`show switchname`\nsw\n`show version`\nCisco Nexus Operating System (NX-OS) Software\n`show logging logfile`\n" +
		before + strings.Join(lines, "\n") + "\n" + quietAfter + "\n`show clock`\n10:02:11.456 UTC Tue Mar 14 2023\n"
}

const quietAfter = "2023 Mar 14 09:27:59 sw %LICMGR-3-X: after"

// keptLog returns the text of the lines the log of quietLog kept.
func keptLog(t *testing.T, in string, size int) []string {
	t.Helper()
	c, err := capture.ReadSized("in", []byte(in), size, logOptions, false)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range c.Devices[0].Sections[2].Lines {
		kept = append(kept, l.Text)
	}
	return kept
}

// A line longer than a kept line (64 KiB) or than the buffer is read as
// the line path reads it: its needle counts only in the part kept, and the
// line after it is found.
func TestQuietLongLines(t *testing.T) {
	const stamp = "2023 Mar 14 09:27:31 sw "
	upTo := func(n int, tail string) string { // a line of n bytes ending in tail
		return stamp + strings.Repeat("y", n-len(stamp)-len(tail)) + tail
	}
	cut := capture.DefaultMaxLineBytes
	tests := []struct {
		name string
		line string
		kept bool
	}{
		{"needle after 100 KiB", upTo(100<<10, " callhome"), false},
		{"needle before 100 KiB", stamp + "callhome " + strings.Repeat("y", 100<<10), true},
		{"needle ends the kept part", upTo(cut, "callhome") + " rest", true},
		{"needle across the cut", upTo(cut+1, "callhome") + " rest", false},
		{"CRLF, needle ends the kept part", upTo(cut, "callhome") + "\r", true},
		{"Latin-1 that grows past the cut", stamp + "callhome " + strings.Repeat("caf\xe9 y", 10<<10), true},
		{"longer than the buffer, needle last", upTo(capture.ReadBufferSize+100, " callhome"), false},
		{"longer than the buffer, needle first", stamp + "%CALL_HOME-3-X: " + strings.Repeat("z", capture.ReadBufferSize+100), true},
	}
	for _, tt := range tests {
		for _, before := range []string{"", "2023 Mar 14 09:27:30 sw x\x01\n", strings.Repeat("2023 Mar 14 09:27:30 sw %ETHPORT-5-IF_UP: syscall\n", 3000)} {
			in := quietLog(before, tt.line)
			for _, size := range []int{4096, 65536, capture.ReadBufferSize} {
				readBoth(t, tt.name, []byte(in), size, logOptions)
				kept := keptLog(t, in, size)
				if n := len(kept); n != 2 && tt.kept || n != 1 && !tt.kept || kept[n-1] != quietAfter {
					t.Fatalf("%s (buffer %d): kept %d lines, last %.40q", tt.name, size, n, kept[n-1])
				}
			}
		}
	}
}

// A licensing line is found wherever a read of the line reader ends
// inside or around its needle: around the 4 KiB, 64 KiB and 1 MiB
// boundaries, and right after a line the cleaner changes.
func TestQuietNeedleAtBufferBoundaries(t *testing.T) {
	const filler = "2023 Mar 14 09:27:30 sw %ETHPORT-5-IF_UP: Interface Ethernet1/7 is up, syscall\n"
	for _, line := range []string{
		"2023 Mar 14 09:27:31 sw x CaLl-HoMe",
		"2023 Mar 14 09:27:31 sw %LICMGR-3-X: y",
		"2023 Mar 14 09:27:31 sw x\x01callhome",
		"2023 Mar 14 09:27:31 sw %SMART_LIC-3-X\r",
	} {
		needle := strings.IndexAny(line, "%Hh\x01")
		for _, size := range []int{4096, 65536, capture.ReadBufferSize} {
			head := quietLog(strings.Repeat(filler, (size-300)/len(filler)))
			head = head[:strings.LastIndex(head, "`show logging logfile`\n")+len("`show logging logfile`\n")+(size-300)/len(filler)*len(filler)]
			for at := size - 6; at <= size+2; at++ { // where the needle starts
				pad := at - needle - len(head) - 1
				in := head + "2" + strings.Repeat("0", pad-1) + "\n" + line + "\n" + quietAfter + "\n`show clock`\n"
				readBoth(t, fmt.Sprint(line, at), []byte(in), size, logOptions)
				if kept := keptLog(t, in, size); len(kept) != 2 {
					t.Fatalf("%q at %d (buffer %d): kept %q", line, at, size, kept)
				}
			}
		}
	}
}

// FuzzQuietSameAsLines: whatever a show-tech's log holds, read with a
// buffer of any size, the quiet scanner finds what the line path finds.
func FuzzQuietSameAsLines(f *testing.F) {
	for i, s := range []string{
		"2023 Mar 14 09:27:30 sw syscall\n2023 Mar 14 09:27:31 sw %LICMGR-3-X: y\n2023 x callhome\r\r\n\r\n",
		"2023 --More--\n \x1b[7m--More--\x1b[m\b\b2023 HOME\n2023 ca\xe9ll-home\n0/RP0/CPU0:x\n",
		"1\n\n`show clock`\n0 home\n`show logging nvram`\n2023 SMART_LIC\t%SLP-\n",
	} {
		f.Add([]byte(s), uint16(i*30))
	}
	f.Fuzz(func(t *testing.T, log []byte, size uint16) {
		readBoth(t, "fuzz", []byte(quietLog("", string(log))), 40+int(size), logOptions)
	})
}

// The scanner flags what its doc says, and no more: the position of the
// first flag in each row's text (after a '\n'), -1 for none.
func TestQuietFlags(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"empty lines: the line path drops them", "\n\n\n2023 x\n", -1},
		{"a tab inside", "2023\tx\t\n", -1},
		{"near misses", "2023 syscall callback called HOM /CP -More- %LI %SL SMA\n", -1},
		{"a blank start", "2023 x\n y\n", 7},
		{"a tab start", "2023 x\n\ty\n", 7},
		{"a needle in mixed case", "2023 x cAlL-HoMe\n", 12},
		{"a needle's first four bytes", "2023 smar\n", 5},
		{"DEL", "2023 \x7f\n", 5},
		{"Latin-1", "2023 caf\xe9\n", 8},
		{"UTF-8", "2023 café\n", 8},
		{"a CR", "2023 x\r\n", 6}, // next flags it; first passes over a line's trailing CRs
		{"a pager prompt", "2023 --more--\n", 5},
		{"an IOS-XR node", "0/rp0/cpu0:x\n", 5},
	}
	for _, tt := range tests {
		b := append([]byte("\n"), tt.text...)
		got, want, _ := capture.QuietNext(parsers.LicensingLogNeedles, b, 1)
		if want != got {
			t.Fatalf("%s: scanner %d, rules %d", tt.name, got, want)
		}
		if got-1 != tt.want && !(got < 0 && tt.want < 0) {
			t.Errorf("%s: flagged at %d, want %d", tt.name, got-1, tt.want)
		}
	}
}
