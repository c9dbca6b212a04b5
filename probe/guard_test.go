package probe

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestLoopbackOnly(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:53", true},
		{"127.0.0.2:53", true},
		{"[::1]:443", true},
		{"tools.cisco.com:443", false},
		{"localhost:53", false}, // a name: resolving it could already send
		{"10.1.1.1:53", false},
		{"72.163.4.38:443", false},
		{"[2001:db8::1]:53", false},
	}
	for _, tt := range tests {
		if err := loopbackOnly(tt.addr); (err == nil) != tt.ok {
			t.Errorf("loopbackOnly(%q) = %v, want ok %v", tt.addr, err, tt.ok)
		}
	}
}

// Under go test a dial to a non-loopback address panics before the
// dialer is called, so nothing is sent.
func TestGuardPanicsBeforeDialling(t *testing.T) {
	r := &redirect{}
	o := Options{Dial: r.Dial, Timeout: time.Second}
	defer func() {
		v := recover()
		if err, ok := v.(error); !ok || !strings.Contains(err.Error(), "test guard") {
			t.Errorf("recovered %v, want the test guard's error", v)
		}
		if r.count() != 0 {
			t.Errorf("%d dials reached the dialer", r.count())
		}
	}()
	o.dial(context.Background(), "udp", "192.0.2.53:53")
	t.Error("dial to a non-loopback address returned")
}

// Without a probe asked for, Run opens no socket at all, even for a
// device whose capture names servers and a host.
func TestNoProbeSendsNothing(t *testing.T) {
	r := &redirect{}
	s := device(ciscoURL, "management")
	if p := Run(context.Background(), s, Options{Dial: r.Dial, DNSServers: []string{"127.0.0.1:1"}, ConnectTo: "127.0.0.1:1"}); p != nil {
		t.Errorf("probes %+v, want nil", p)
	}
	if r.count() != 0 {
		t.Errorf("%d sockets opened: %v", r.count(), r.dials)
	}
}
