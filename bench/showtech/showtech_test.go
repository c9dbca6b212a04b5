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
