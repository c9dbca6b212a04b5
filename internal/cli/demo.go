package cli

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/internal/nxsim"
)

func init() { commands = append(commands, newDemoCmd) }

func newDemoCmd(st Streams) *cobra.Command {
	o := &sshOptions{}
	var flags *diagnoseFlags
	cmd := &cobra.Command{
		Use:   "demo [SCENARIO...]",
		Short: "Run the whole ssh flow against fake NX-OS switches on 127.0.0.1 (no switch needed)",
		Long: `Start one fake NX-OS switch per scenario on 127.0.0.1, each answering
with a bundled capture, and run ` + "`slcheck ssh`" + ` against them: real SSH, host key
checking against a temporary known_hosts, the read-only commands, the ping
and TCP tests, the report. Nothing leaves this machine.

Bundled scenarios: ` + strings.Join(nxsim.Bundled(), ", ") + ` (default: all).`,
		Example: `  slcheck demo
  slcheck demo source-interface --output json
  slcheck demo --save /tmp/captures && slcheck file /tmp/captures/*.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if o.diag, err = flags.options(st); err != nil {
				return err
			}
			if len(args) == 0 {
				args = nxsim.Bundled()
			}
			return runDemo(st, o, args)
		},
	}
	flags = addDiagnoseFlags(cmd, &o.out, st, false)
	f := cmd.Flags()
	f.StringVar(&o.transport, "transport", "default", "SSH client: default or system (/usr/bin/ssh)")
	f.BoolVar(&o.noActive, "no-active", false, "skip the ping and TCP tests")
	f.StringVar(&o.save, "save", "", "directory to write each switch's capture to")
	o.concurrency = 10
	return cmd
}

func runDemo(st Streams, o *sshOptions, names []string) error {
	password := make([]byte, 12)
	rand.Read(password)
	users := map[string]string{"admin": hex.EncodeToString(password)}
	dir, err := os.MkdirTemp("", "slcheck-demo-")
	if err != nil {
		return withCode(ExitUsage, err)
	}
	defer os.RemoveAll(dir)
	var targets []collect.Target
	var known []string
	var devs []*nxsim.Device
	var clock time.Time
	for _, name := range names {
		sc, err := nxsim.BundledScenario(name)
		if err != nil {
			return withCode(ExitUsage, err)
		}
		if sc.CapturedAt.After(clock) {
			clock = sc.CapturedAt
		}
		dev, err := nxsim.Start(nxsim.Config{Hostname: sc.Hostname, Users: users, Outputs: sc.Outputs})
		if err != nil {
			return withCode(ExitUsage, err)
		}
		defer dev.Close()
		devs = append(devs, dev)
		fmt.Fprintf(st.Err, "slcheck demo: fake switch %q (scenario %s) listening on %s\n", sc.Hostname, name, dev.Addr())
		targets = append(targets, collect.Target{Host: "127.0.0.1", Port: dev.Port(), PortGiven: true})
		known = append(known, collect.KnownHostsLine(dev.Addr(), dev.HostKey()))
	}
	kh := filepath.Join(dir, "known_hosts")
	if err := os.WriteFile(kh, []byte(strings.Join(known, "\n")+"\n"), 0o600); err != nil {
		return withCode(ExitUsage, err)
	}
	copt := collect.Options{Transport: o.transport, NoActive: o.noActive, Redact: st.Redact.Text,
		Auth:     collect.Auth{User: "admin", Password: users["admin"]},
		HostKeys: collect.HostKeys{Files: []string{kh}}}
	if !clock.IsZero() {
		// The fake switches' clocks are stuck on the day their scenarios
		// were captured, which their licence dates are relative to: a
		// real workstation clock would make CLK001 fail on every one.
		fmt.Fprintf(st.Err, "slcheck demo: the fake switches' clocks read %s; the demo sets the workstation clock to it too, so CLK001 compares like with like\n",
			clock.UTC().Format(time.RFC3339))
		start := time.Now()
		copt.Now = func() time.Time { return clock.Add(time.Since(start)) }
	}
	err = runCollection(st, o, targets, copt)
	if perr := readOnlyProof(st, devs); perr != nil {
		return perr
	}
	return err
}

// readOnlyProof shows what the fake switches were sent: the demo proves,
// on every run, that slcheck typed nothing but read-only commands.
func readOnlyProof(st Streams, devs []*nxsim.Device) error {
	n := 0
	for _, d := range devs {
		n += len(d.Received())
		for _, r := range d.Violations(collect.Allowed) {
			return withCode(ExitCollection, fmt.Errorf("slcheck demo: the fake switch at %s received %q in %s mode: slcheck must only send read-only commands (a bug: please report it)", d.Addr(), r.Text, r.Mode))
		}
	}
	fmt.Fprintf(st.Err, "slcheck demo: the fake switches received %d lines, all read-only (show, terminal, ping, telnet and its escape keys, exit)\n", n)
	return nil
}
