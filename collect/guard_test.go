package collect

import (
	"errors"
	"testing"

	"github.com/scrapli/scrapligo/transport"
)

func TestAllowed(t *testing.T) {
	tests := []struct {
		cmd  string
		want bool
	}{
		{"show version", true},
		{"show running-config", true},
		{"show logging logfile | include SMART_LIC", true},
		{"terminal length 0", true},
		{"ping tools.cisco.com vrf management count 2", true},
		{"telnet tools.cisco.com 443 vrf management", true},
		{"exit", true},
		{"configure terminal", false},
		{"conf t", false},
		{"license smart register idtoken abc", false},
		{"license smart deregister", false},
		{"license smart renew auth", false},
		{"copy running-config startup-config", false},
		{"write erase", false},
		{"reload", false},
		{"clear logging logfile", false},
		{"show running-config > bootflash:x", false},
		{"show running-config | redirect bootflash:x", false},
		{"show running-config | tee bootflash:x", false},
		{"show tech-support | email", false},
		{"show logging logfile | include SMART_LIC | tee bootflash:x", false},
		{"show logging logfile | include SMART_LIC | last 20", true},
		{"show version |", false},
		{"show version ; configure terminal", false},
		{"show  version", false}, // not as slcheck types it
		{"", false},
	}
	for _, tc := range tests {
		if got := Allowed(tc.cmd); got != tc.want {
			t.Errorf("Allowed(%q) = %v, want %v", tc.cmd, got, tc.want)
		}
	}
}

// recorder is a transport that keeps what reaches the wire.
type recorder struct {
	transport.Implementation
	wrote []string
}

func (r *recorder) Write(b []byte) error {
	r.wrote = append(r.wrote, string(b))
	return nil
}

// The guard under scrapligo refuses, before the wire, whatever is not
// read-only once the login is done; the telnet escape keys pass only
// while a TCP test is being closed.
func TestGuard(t *testing.T) {
	tests := []struct {
		name          string
		armed, escape bool
		write         string
		sent          bool
	}{
		{"login: password typed before arming", false, false, "any password\n", true},
		{"show command", true, false, "show version", true},
		{"return key", true, false, "\n", true},
		{"configure", true, false, "configure terminal", false},
		{"licence action", true, false, "license smart register idtoken x", false},
		{"telnet escape outside a TCP test", true, false, "\x1d", false},
		{"telnet escape while closing a TCP test", true, true, "\x1d", true},
		{"quit while closing a TCP test", true, true, "quit", true},
		{"configure while closing a TCP test", true, true, "configure terminal", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{}
			g := &guard{Implementation: r}
			g.set(tc.armed, tc.escape)
			err := g.Write([]byte(tc.write))
			if sent := len(r.wrote) == 1; sent != tc.sent {
				t.Errorf("sent %v, want %v (%v)", sent, tc.sent, err)
			}
			if !tc.sent && !errors.Is(err, errNotReadOnly) {
				t.Errorf("error %v, want errNotReadOnly", err)
			}
		})
	}
}

// tail keeps the last tailSize bytes written, whatever the sizes of the
// writes, in one buffer of that size.
func TestTailKeepsLastBytes(t *testing.T) {
	var all []byte
	tl := &tail{}
	for i, n := range []int{10, 2000, 100, 3000, 1, 64 << 10, 5, 2048, 700, 2047, 1, 2049, 1000, 1000, 1000, 48, 0, 2000} {
		b := make([]byte, n)
		for j := range b {
			b[j] = byte('a' + (i+j)%26)
		}
		tl.Write(b)
		all = append(all, b...)
		want := string(all[max(0, len(all)-tailSize):])
		if got := tl.String(); got != want {
			t.Fatalf("after write %d (%d bytes): tail holds %d bytes, not the last %d written", i, n, len(got), len(want))
		}
		if cap(tl.buf) != tailSize {
			t.Errorf("after write %d (%d bytes): tail keeps %d bytes of room, not %d", i, n, cap(tl.buf), tailSize)
		}
	}
}

// BenchmarkTailWrite is the tail's part of each read of a session that
// printed more than tailSize bytes: reads of 200 bytes, as a fleet's
// sessions mostly make.
func BenchmarkTailWrite(b *testing.B) {
	tl := &tail{}
	chunk := make([]byte, 200)
	tl.Write(make([]byte, tailSize))
	b.SetBytes(int64(len(chunk)))
	for b.Loop() {
		tl.Write(chunk)
	}
}
