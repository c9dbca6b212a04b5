package showtech

import (
	"bytes"
	"strings"
	"testing"

	_ "github.com/slcheck/slcheck/internal/golden" // defines -update: go test ./... -update
)

func TestWrite(t *testing.T) {
	var small, big bytes.Buffer
	if err := Write(&small, 0, 7); err != nil {
		t.Fatal(err)
	}
	if err := Write(&big, 4<<20, 7); err != nil {
		t.Fatal(err)
	}
	if big.Len() < 4<<20 || big.Len() > 4<<20+1<<20 {
		t.Errorf("size %d, want about 4 MiB", big.Len())
	}
	for _, hdr := range []string{"`show version`", "`show clock`", "`show running-config`", "`show running-config callhome`",
		"`show logging logfile`", "`show license status`", "`show ip route vrf management`", "`show hosts`"} {
		for name, b := range map[string]*bytes.Buffer{"small": &small, "big": &big} {
			if n := strings.Count(b.String(), "\n"+hdr+"\n"); n != 1 {
				t.Errorf("%s: %s appears %d times, want once", name, hdr, n)
			}
		}
	}
	if !strings.HasPrefix(big.String(), "`show switchname`\nDC-DMZ\n") {
		t.Error("does not start with show switchname")
	}
	// The licensing sections are the same text in both, spread through the big one.
	i := strings.Index(big.String(), "`show license status`")
	if i < big.Len()/4 || !strings.Contains(big.String(), licenseStatus) {
		t.Errorf("show license status at %d of %d", i, big.Len())
	}
}

func TestWriteLogHeavy(t *testing.T) {
	var small, big bytes.Buffer
	if err := Write(&small, 0, 7); err != nil {
		t.Fatal(err)
	}
	if err := WriteLogHeavy(&big, 8<<20, 7); err != nil {
		t.Fatal(err)
	}
	b := big.String()
	if big.Len() < 8<<20 || big.Len() > 9<<20 {
		t.Errorf("size %d, want about 8 MiB", big.Len())
	}
	// The log section runs from its header to the next header.
	start := strings.Index(b, "\n`show logging logfile`\n")
	end := start + 1 + strings.Index(b[start+1:], "\n`")
	if start < 0 || end <= start {
		t.Fatal("no log section")
	}
	log := b[start:end]
	if share := float64(len(log)) / float64(big.Len()); share < 0.4 || share > 0.6 {
		t.Errorf("log section is %.2f of the bytes, want 0.4 to 0.6", share)
	}
	// Its licensing lines are the small capture's, deep inside it.
	const lic = "%LICMGR-"
	if n, want := strings.Count(b, lic), strings.Count(small.String(), lic); n != want || n == 0 {
		t.Errorf("%d licensing log lines, want the small capture's %d", n, want)
	}
	if i := strings.Index(log, lic); i < len(log)/4 || strings.LastIndex(log, lic) > len(log)*3/4 {
		t.Errorf("licensing lines at %d..%d of a %d-byte log, want the middle half", i, strings.LastIndex(log, lic), len(log))
	}
	long := 0
	for l := range strings.SplitSeq(log, "\n") {
		if len(l) > 1000 {
			long++
		}
		if strings.Contains(l, "%!") {
			t.Fatalf("a message's '%%' taken as a verb: %q", l)
		}
	}
	if long == 0 {
		t.Error("no log line over 1000 bytes")
	}
	for _, hdr := range []string{"`show version`", "`show running-config`", "`show license status`", "`show hosts`"} {
		if strings.Count(b, "\n"+hdr+"\n") != 1 {
			t.Errorf("%s not once", hdr)
		}
	}
}
