package capture

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hangAfter is far beyond what any input up to the fuzzer's 1 MiB takes.
const hangAfter = 20 * time.Second

// FuzzRead: no input makes Read panic, hang or return something
// inconsistent. Seeds: every file under the repo's testdata trees and the
// fake device's scenarios, and a few dirty shapes.
func FuzzRead(f *testing.F) {
	for _, root := range []string{"testdata", "../testdata", "../parsers/testdata", "../checks/testdata", "../internal/nxsim/scenarios"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.Contains(p, "fuzz") {
				if b, err := os.ReadFile(p); err == nil && len(b) < 1<<20 {
					f.Add(b)
				}
			}
			return nil
		})
	}
	for _, s := range []string{showTech, gz(showTech), "sw#\x1b[", "a# sh\b\b\b\r\x00`x`", "\xff\xfe`\x00s\x00`\x00",
		"PING a (b\n---- show tech ----\n`show switchname`\n\n", "Smart Licensing Status\n=====\n"} {
		f.Add([]byte(s))
	}
	sel := func(cmd string) (bool, func(string) bool) {
		return strings.Contains(cmd, "license"), func(l string) bool { return len(l)%2 == 0 }
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		// The fuzzer has no deadline per input: a watchdog turns a hang
		// into a crash, whose input the fuzzer then keeps.
		watchdog := time.AfterFunc(hangAfter, func() { panic(fmt.Sprintf("Read hangs on %q", in[:min(len(in), 200)])) })
		defer watchdog.Stop()
		for _, opt := range []Options{{}, {Select: sel, MaxLineBytes: 16, MaxSectionLines: 3}} {
			c, err := Read("fuzz", bytes.NewReader(in), opt)
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.File != "fuzz" {
					t.Fatalf("error %v (%T) is not an *InputError naming the input", err, err)
				}
				continue
			}
			if len(c.Devices) == 0 {
				t.Fatal("no devices and no error")
			}
			for _, d := range c.Devices {
				last := 0
				for _, s := range d.Sections {
					for _, l := range s.Lines {
						if l.N <= last || len(l.Text) > opt.withDefaults().MaxLineBytes {
							t.Fatalf("line %d after %d, %d bytes", l.N, last, len(l.Text))
						}
						last = l.N
					}
				}
			}
		}
	})
}
