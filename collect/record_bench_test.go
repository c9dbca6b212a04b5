package collect

import (
	"context"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/snapshot"
)

// BenchmarkRecord is what the collector does with the outputs of a
// switch once read, without the network: each output cleaned, checked for
// a refusal and written to the session's text, then the text as the
// Result holds it (one host after another, as a fleet's worker does); and
// the mid-run snapshot that tells the licensing path (bench/fleet.sh's
// scenario).
func BenchmarkRecord(b *testing.B) {
	sc, err := nxsim.BundledScenario("source-interface")
	if err != nil {
		b.Fatal(err)
	}
	raw := make(map[string][]byte, len(snapshot.Collected))
	for _, cmd := range snapshot.Collected {
		// As read: the Enter's echo first, trailing blanks on lines.
		raw[cmd] = []byte("\n" + strings.ReplaceAll(sc.Outputs[cmd], "\n", "  \n") + "\n")
	}
	// Each output redacted as `slcheck ssh` does.
	c := &Collector{opt: Options{Redact: redact.Policy{}.Text}}
	newSession := func() *session {
		return &session{c: c, t: Target{Host: "127.0.0.1", Port: 22}, ctx: context.Background(),
			res: &Result{}, prompt: sc.Hostname + "#"}
	}
	b.Run("record", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			s := newSession()
			for _, cmd := range snapshot.Collected {
				s.record(cmd, cleanOutput(raw[cmd]))
			}
			s.finishLog()
		}
	})
	b.Run("snapshot", func(b *testing.B) {
		s := newSession()
		for _, cmd := range snapshot.Collected {
			s.record(cmd, cleanOutput(raw[cmd]))
		}
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			s.read, s.added = nil, 0 // a session's first mid-run read
			if s.snapshot().Path.VRF == "" {
				b.Fatal("no path")
			}
		}
	})
}
