package capture

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
)

// summary renders what a read found, one line per device and section, so
// tests compare the whole shape at once.
func summary(c *Capture) string {
	var b strings.Builder
	for _, d := range c.Devices {
		fmt.Fprintf(&b, "device %q %s foreign=%d\n", d.Hostname, d.Format, len(d.Foreign))
		for _, s := range d.Sections {
			fmt.Fprintf(&b, "  %d %q", s.Line, s.Command)
			if s.Typed != "" && s.Typed != s.Command {
				fmt.Fprintf(&b, " typed %q", s.Typed)
			}
			fmt.Fprintf(&b, " lines=%d", len(s.Lines))
			if s.Truncated {
				b.WriteString(" truncated")
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func readString(t *testing.T, in string, opt Options) *Capture {
	t.Helper()
	c, err := Read("in.txt", strings.NewReader(in), opt)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return c
}

const showTech = "---- show tech-support details ----\n" +
	"`show switchname`\nN9K-LEAF1\n\n" +
	"`show version `\nCisco Nexus Operating System (NX-OS) Software\n NXOS: version 9.3(5)\n\n" +
	"`show interface`\nmgmt0 is up\n  admin state is up\n" +
	"`show running-config callhome`\n\n!Command: show running-config callhome\ncallhome\n  enable\n" +
	"`show license status`\nSmart Licensing is ENABLED\n"

func TestReadShapes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"show-tech", showTech, `device "N9K-LEAF1" show-tech foreign=0
  2 "show switchname" lines=2
  5 "show version" lines=3
  9 "show interface" lines=2
  12 "show running-config callhome" lines=4
  17 "show license status" lines=1
`},
		{"terminal log, abbreviations, two devices", "N9K-1# sh lic stat\nSmart Licensing is ENABLED\nN9K-1# sh run callhome\ncallhome\n  enable\nN9K-1(config)# ping tools.cisco.com vrf management\nPING tools.cisco.com (72.163.4.38): 56 data bytes\nN9K-2# show run | i name-server\nip name-server 10.0.0.1 use-vrf management\nN9K-2#\nN9K-1# show version\nCisco Nexus Operating System (NX-OS) Software\n",
			`device "N9K-1" terminal foreign=0
  1 "show license status" typed "sh lic stat" lines=1
  3 "show running-config callhome" typed "sh run callhome" lines=2
  6 "ping tools.cisco.com vrf management" lines=1
  11 "show version" lines=1
device "N9K-2" terminal foreign=0
  8 "show running-config | include name-server" typed "show run | i name-server" lines=1
`},
		{"show-tech run at a prompt", "sw1# show tech-support\n`show switchname`\nsw1\n`show version`\nCisco Nexus Operating System (NX-OS) Software\nPort#  Name\nsw1# show clock\n10:00:00.000 UTC Tue Mar 14 2023\n",
			`device "sw1" show-tech foreign=0
  1 "show tech-support" lines=0
  2 "show switchname" lines=1
  4 "show version" lines=2
  7 "show clock" lines=1
`},
		{"two show-techs one after the other", "`show switchname`\nA1\n`show version`\nv\n`show switchname`\nB2\n`show version`\nv\n",
			`device "A1" show-tech foreign=0
  1 "show switchname" lines=1
  3 "show version" lines=1
device "B2" show-tech foreign=0
  5 "show switchname" lines=1
  7 "show version" lines=1
`},
		{"paste of several outputs", "Smart Licensing is ENABLED\n\nRegistration:\n  Status: REGISTERED\n!Command: show running-config callhome\ncallhome\nIP Route Table for VRF \"management\"\n0.0.0.0/0, ubest/mbest: 1/0\nPING tools.cisco.com (72.163.4.38): 56 data bytes\nRequest 0 timed out\n",
			`device "" paste foreign=0
  0 "show license status" lines=4
  0 "show running-config callhome" lines=2
  0 "show ip route vrf management" lines=2
  0 "ping tools.cisco.com" lines=2
`},
		{"paste of a clock, log lines and certificates", "Time source is NTP\n16:00:03.512 UTC Fri Jul 01 2022\n\n" +
			"2022 May 11 09:05:01 n9k %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure\n" +
			"2022 Jun 22 09:05:02 n9k %CALLHOME-3-HTTP_FAIL: x\n" +
			"Trustpoint: cisco-sl-root\nCA certificate 0:\nsubject=/CN=QuoVadis Root CA 2\n" +
			"Trustpoint: other\nsubject=/CN=IdenTrust Commercial Root CA 1\n" +
			"Smart Licensing is ENABLED\n" +
			"show logging logfile | include LICMGR\n2022 Jun 22 09:05:02 n9k %LICMGR-3-X: y\n",
			`device "" paste foreign=0
  0 "show clock" lines=3
  0 "show logging logfile" lines=2
  0 "show crypto ca certificates" lines=5
  0 "show license status" lines=1
  12 "show logging logfile | include LICMGR" lines=1
`},
		{"paste with an echoed command", "show ip route vrf management\nIP Route Table for VRF \"management\"\n'*' denotes best ucast next-hop\n",
			`device "" paste foreign=0
  1 "show ip route vrf management" lines=2
`},
		{"a line shaped like a bare prompt of an unseen switch is output", "sw1# show running-config\nbanner motd #\nACCESS#\nother-sw#\n#\ncallhome\n  enable\nsw1#\nsw1# show version\nv\n",
			`device "sw1" terminal foreign=0
  1 "show running-config" lines=6
  9 "show version" lines=1
`},
		{"prompts that differ only in case are one switch", "switch1# show clock\n10:00:00.000 UTC Tue Mar 14 2023\nSwitch1# show version\nv\nSWITCH1#\nswitch1# show license status\nx\n",
			`device "switch1" terminal foreign=0
  1 "show clock" lines=1
  3 "show version" lines=1
  6 "show license status" lines=1
`},
		{"a prompt differing in case inside a show-tech ends it", "sw1# show tech-support\n`show version`\nv\nSW1# show clock\n10:00:00.000 UTC Tue Mar 14 2023\n",
			`device "sw1" show-tech foreign=0
  1 "show tech-support" lines=0
  2 "show version" lines=1
  4 "show clock" lines=1
`},
		{"content before the first prompt joins the prompt's device", "Cisco Nexus Operating System (NX-OS) Software\nsw9# show clock\n10:00:00.000 UTC Tue Mar 14 2023\n",
			`device "sw9" terminal foreign=0
  0 "show version" lines=1
  2 "show clock" lines=1
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(readString(t, tt.in, Options{})); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestReadDirtyText: what terminals and Windows leave in a log reads as
// the clean log does.
func TestReadDirtyText(t *testing.T) {
	clean := "switch# show license status\nSmart Licensing is ENABLED\n  Status: REGISTERED\nswitch# show running-config callhome\ncallhome\n  destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEServi\n"
	want := texts(readString(t, clean, Options{}))
	utf16le := func(s string, bom bool) string {
		var b bytes.Buffer
		if bom {
			b.Write([]byte{0xff, 0xfe})
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
		return b.String()
	}
	utf16be := func(s string) string {
		b := bytes.NewBuffer([]byte{0xfe, 0xff})
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		}
		return b.String()
	}
	tests := []struct{ name, in string }{
		{"crlf", strings.ReplaceAll(clean, "\n", "\r\n")},
		{"old mac line ends", strings.ReplaceAll(clean, "\n", "\r")},
		{"trailing spaces", strings.ReplaceAll(clean, "\n", "   \t\n")},
		{"ansi colours and cursor", strings.Replace(strings.Replace(clean, "switch#", "\x1b[1;32mswitch\x1b[0m#", 1),
			"Smart Licensing", "\x1b]0;title\x07\x1b[KSmart Licensing", 1)},
		{"backspaces", strings.Replace(clean, "show license status", "show licr\b \bense statsu\b\bus", 1)},
		{"pager erased with backspaces", strings.Replace(clean, "  Status:", " --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b  Status:", 1)},
		{"pager erased with carriage return", strings.Replace(clean, "  Status:", "--More--\r        \r  Status:", 1)},
		{"pager left as is", strings.Replace(clean, "callhome\n", " --More-- callhome\n", 1)},
		{"nul bytes", strings.ReplaceAll(clean, "e", "e\x00")},
		{"utf-8 bom", "\xef\xbb\xbf" + clean},
		{"utf-16le bom", utf16le(clean, true)},
		{"utf-16le no bom", utf16le(clean, false)},
		{"utf-16be bom", utf16be(clean)},
		{"gzip", gz(clean)},
		{"gzip multi-member", gz(clean[:40]) + gz(clean[40:])},
		{"gzip of utf-16", gz(utf16le(clean, true))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(readString(t, tt.in, Options{})); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// texts renders sections with their lines, line numbers included.
func texts(c *Capture) string {
	var b strings.Builder
	for _, d := range c.Devices {
		fmt.Fprintf(&b, "device %q\n", d.Hostname)
		for _, s := range d.Sections {
			fmt.Fprintf(&b, "%d %s\n", s.Line, s.Command)
			for _, l := range s.Lines {
				fmt.Fprintf(&b, "  %d|%s|%v\n", l.N, l.Text, l.Cut)
			}
		}
	}
	return b.String()
}

func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

func TestReadSelect(t *testing.T) {
	in := showTech + "`show logging logfile`\n2023 Mar 14 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x\n2023 Mar 14 %ETHPORT-5-IF_UP: y\n" +
		"`show system internal dump`\n" + strings.Repeat("00 11 22 33 # not a prompt\n", 1000) + "`show clock`\n10:00\n"
	sel := func(cmd string) (bool, func(string) bool) {
		switch cmd {
		case "show license status", "show clock":
			return true, nil
		case "show logging logfile":
			return true, func(l string) bool { return strings.Contains(l, "LICMGR") }
		}
		return false, nil
	}
	c := readString(t, in, Options{Select: sel})
	want := `device "N9K-LEAF1"
17 show license status
  18|Smart Licensing is ENABLED|false
19 show logging logfile
  20|2023 Mar 14 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x|false
1023 show clock
  1024|10:00|false
`
	if got := texts(c); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestReadLimits(t *testing.T) {
	long := strings.Repeat("x", 300)
	in := "`show version`\n" + long + "\nshort\n`show clock`\n" + strings.Repeat("line\n", 10)
	c := readString(t, in, Options{MaxLineBytes: 100, MaxSectionLines: 4})
	v, clk := c.Devices[0].Sections[0], c.Devices[0].Sections[1]
	if l := v.Lines[0]; !l.Cut || len(l.Text) != 100 || l.N != 2 {
		t.Errorf("long line: cut=%v len=%d n=%d, want cut, 100 bytes, line 2", l.Cut, len(l.Text), l.N)
	}
	if l := v.Lines[1]; l.Cut || l.Text != "short" || l.N != 3 {
		t.Errorf("line after the long one: %+v", l)
	}
	if !clk.Truncated || len(clk.Lines) != 4 {
		t.Errorf("show clock: truncated=%v lines=%d, want truncated with 4", clk.Truncated, len(clk.Lines))
	}
	if v.Truncated {
		t.Error("show version marked truncated")
	}
}

// TestForeign: every IOS-XE contrast fixture is flagged for PLT003 and
// named IOS-XE, and every NX-OS fixture is named NX-OS by one of its lines.
func TestForeign(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/fixtures/*/*.txt", "testdata/terminal/*.txt"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 17 {
		t.Fatalf("found %d fixtures, want the 16 real ones and the seed log", len(files))
	}
	for _, f := range files {
		c, err := ReadFile(f, Options{})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		iosxe := strings.Contains(filepath.Base(f), "IOSXE-contrast")
		want := SoftwareNXOS
		if iosxe {
			want = SoftwareIOSXE
		}
		for _, d := range c.Devices {
			if got := len(d.Foreign) > 0; got != iosxe {
				t.Errorf("%s: foreign=%v (%v), want %v", f, got, d.Foreign, iosxe)
			}
			if d.Software != want || d.SoftwareRef.IsZero() {
				t.Errorf("%s: software %q from %v, want %q from a line", f, d.Software, d.SoftwareRef, want)
			}
		}
	}
}

func TestForeignSignals(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"show call-home at a prompt", "sw# show call-home\nfoo\n", 1},
		{"banner over underline", "sw# show license all\nSmart Licensing Status\n======================\n", 1},
		{"banner without underline", "sw# show license all\nSmart Licensing Status\nfoo\n", 0},
		{"IOS time source", "sw# show clock\nTime source is NTP, 11:04:51.711 PDT Fri Sep 1 2023\n", 1},
		{"NX-OS time source", "sw# show clock\nTime source is NTP\n11:04:51.711 UTC Fri Sep 01 2023\n", 0},
		{"NX-OS SLP blocks alone", "sw# show license status\nUtility:\n  Status: DISABLED\nData Privacy:\n", 0},
		{"weak beside strong", "sw#show license status\nUtility:\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := readString(t, tt.in, Options{})
			if got := len(c.Devices[0].Foreign); got != tt.want {
				t.Errorf("foreign = %d (%v), want %d", got, c.Devices[0].Foreign, tt.want)
			}
		})
	}
}

func TestReadFileStdinName(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "cap.txt.gz")
	if err := os.WriteFile(p, []byte(gz(showTech)), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := ReadFile(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Source != p || c.Devices[0].Sections[0].Source != p {
		t.Errorf("source = %q / %q, want %q", c.Source, c.Devices[0].Sections[0].Source, p)
	}
}
