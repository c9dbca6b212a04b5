package diagnose

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
)

// TestSession reads a collected session as slcheck file reads it saved:
// one device, named by its host and source, redacted when a policy is
// given; a session of two devices is an error that says so.
func TestSession(t *testing.T) {
	b, err := os.ReadFile("../testdata/showoutputs/http-url-seed/capture.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	plain, err := Session(context.Background(), "sw1:22", "sw1.txt", text, nil, Options{}, Rendering{})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Host != "sw1:22" || plain.Source != "sw1.txt" {
		t.Errorf("host %q source %q, want sw1:22 and sw1.txt", plain.Host, plain.Source)
	}
	c, err := capture.Read("sw1.txt", strings.NewReader(text), capture.Options{})
	if err != nil || len(c.Devices) != 1 {
		t.Fatalf("%v, %d devices", err, len(c.Devices))
	}
	want := Device(c.Devices[0])
	want.Host = "sw1:22"
	if !reflect.DeepEqual(plain, want) {
		t.Errorf("the session diagnosed otherwise than its capture read as a file:\n%+v\nwant\n%+v", plain, want)
	}
	pol := &redact.Policy{}
	red, err := Session(context.Background(), "sw1:22", "sw1.txt", text, nil, Options{}, Rendering{Redact: pol, Format: report.JSON})
	if err != nil {
		t.Fatal(err)
	}
	if !red.RedactedWith(*pol) {
		t.Error("a device diagnosed with a policy is not redacted with it")
	}

	two := "N9K-1# show version\nCisco Nexus Operating System (NX-OS) Software\nN9K-2# show clock\n10:00:00.000 UTC Mon Jun 20 2022\n"
	if _, err := Session(context.Background(), "sw1:22", "sw1:22", two, nil, Options{}, Rendering{}); err == nil || !strings.Contains(err.Error(), "the session holds 2 devices") {
		t.Errorf("two devices: error %v, want one that says the session holds 2 devices", err)
	}
}
