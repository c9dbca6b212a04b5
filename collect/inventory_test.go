package collect

import (
	"errors"
	"net/netip"
	"os"
	"strings"
	"testing"
)

func TestReadInventory(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Target
		err      string // the whole error, "" for none
	}{
		{name: "hosts, ports, comments", in: "# core\nsw1\n\n  sw2:2222  # lab\n[2001:db8::1]:22\n10.0.0.1\n",
			want: []Target{{Host: "sw1", Port: 22, PortGiven: false}, {Host: "sw2", Port: 2222, PortGiven: true}, {Host: "2001:db8::1", Port: 22, PortGiven: true}, {Host: "10.0.0.1", Port: 22, PortGiven: false}}},
		{name: "CRLF", in: "sw1\r\nsw2\r\n", want: []Target{{Host: "sw1", Port: 22, PortGiven: false}, {Host: "sw2", Port: 22, PortGiven: false}}},
		{name: "empty", in: "", err: "inv.txt: no hosts in the inventory"},
		{name: "comments only", in: "# none yet\n\n", err: "inv.txt: no hosts in the inventory"},
		{name: "two on a line", in: "sw1\nsw2 sw3\n", err: `inv.txt:2: "sw2 sw3": one host per line`},
		{name: "bad port", in: "sw1:99999\n", err: `inv.txt:1: "sw1:99999": bad port "99999"`},
		{name: "binary", in: "sw1\n\x00\xff\xfe\n", err: `inv.txt:2: "\x00\xff\xfe": bad host name`},
		{name: "colons but not IPv6", in: "[:::1]:22\n", err: `inv.txt:1: "[:::1]:22": bad host name`},
		{name: "IPv6 zone", in: "fe80::1%eth0\n", err: `inv.txt:1: "fe80::1%eth0": bad host name`},
		{name: "bare IPv6", in: "2001:db8::2\n", want: []Target{{Host: "2001:db8::2", Port: 22, PortGiven: false}}},
		{name: "one huge line", in: strings.Repeat("a", 1<<20), err: "inv.txt:1: a line of more than 64 KiB: not a list of hosts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadInventory("inv.txt", strings.NewReader(tt.in))
			if tt.err != "" {
				var ie *InventoryError
				if !errors.As(err, &ie) || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || len(got) != len(tt.want) {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("host %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestReadInventoryDirectory(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = ReadInventory(dir, f)
	if err == nil || err.Error() != dir+": is a directory, not a list of hosts" {
		t.Errorf("err = %v", err)
	}
}

// FuzzReadInventory: no inventory makes the reader panic, and every host
// it returns is one ParseTarget accepts with a real port.
func FuzzReadInventory(f *testing.F) {
	for _, s := range []string{"sw1\nsw2:2222 # x\n[::1]:22\n", "[::1", "a:b:c", "h:0", "\xff\xfe#\n", " \t\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ReadInventory("fuzz", strings.NewReader(in))
		if err != nil {
			var ie *InventoryError
			if !errors.As(err, &ie) || ie.File != "fuzz" || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q is not one line naming the file", err)
			}
			return
		}
		if len(got) == 0 {
			t.Fatal("no hosts and no error")
		}
		for _, tg := range got {
			if tg.Port < 1 || tg.Port > 65535 || tg.Host == "" || strings.ContainsAny(tg.Host, " \t#") {
				t.Fatalf("target %+v", tg)
			}
			if a, err := netip.ParseAddr(tg.Host); strings.Contains(tg.Host, ":") && (err != nil || a.Zone() != "") {
				t.Fatalf("target %+v: colons in something not an IPv6 address", tg)
			}
		}
	})
}
