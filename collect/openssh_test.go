package collect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slcheck/slcheck/internal/nxsim"
	"github.com/slcheck/slcheck/internal/sshdtest"
)

// sshdOptions are the options to collect from a real sshd with the system
// transport, logging in with the server's key for the test's own user.
func sshdOptions(t *testing.T, s *sshdtest.Server, trust ...string) Options {
	t.Helper()
	if len(trust) == 0 {
		trust = []string{s.KnownHostsLine(s.HostKeys[0])}
	}
	kh := filepath.Join(t.TempDir(), "known_hosts")
	if err := os.WriteFile(kh, []byte(strings.Join(trust, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return Options{
		Auth:      Auth{User: s.User, IdentityFile: s.Identity},
		HostKeys:  HostKeys{Files: []string{kh}},
		Transport: "system",
		// A bound, not what it takes (about a second: sshdtest keeps the
		// account's start-up files out of the login): a machine shared
		// with other builds may be slow.
		ConnectTimeout: time.Minute,
		CommandTimeout: 3 * time.Second,
		ActiveTimeout:  3 * time.Second,
		HostTimeout:    2 * time.Minute,
	}
}

func sshdTarget(s *sshdtest.Server) Target {
	return Target{Host: "127.0.0.1", Port: s.Port, PortGiven: true}
}

func collectFrom(t *testing.T, opt Options, tg Target) *Result {
	t.Helper()
	c, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	res := c.Collect(t.Context(), tg)
	if res.Failure != nil {
		t.Logf("%s: %v; the channel showed: %q", res.Failure.Kind, res.Failure, lastPrinted([]byte(res.Text)))
	}
	return res
}

func TestOpenSSHServer(t *testing.T) {
	s := sshdtest.Start(t, sshdtest.Config{Device: nxsim.Config{Outputs: outputs}})
	res := collectFrom(t, sshdOptions(t, s), sshdTarget(s))
	if res.Failure != nil {
		t.Fatalf("%s: %v", res.Failure.Kind, res.Failure)
	}
	if got := section(t, res.Text, "show version"); got != outputs["show version"] {
		t.Errorf("show version read as\n%s", got)
	}
}
