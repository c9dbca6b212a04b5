package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/collect"
	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
)

func init() { commands = append(commands, newSSHCmd) }

// sshOptions are the flags of `slcheck ssh` (and, for collection, demo).
type sshOptions struct {
	out            outputOptions
	username       string
	identity       string
	knownHosts     string
	insecure       bool
	transport      string
	inventory      string
	limit          []string
	concurrency    int
	timeout        time.Duration
	connectTimeout time.Duration
	hostTimeout    time.Duration
	noActive       bool
	port           int
	legacy         bool
	maxCommandMiB  int64
	maxHostMiB     int64
	debug          bool
	save           string
	sshConfig      string
	// diag holds the opt-in live probes (--probe); its zero value sends nothing.
	diag diagnose.Options
}

func newSSHCmd(st Streams) *cobra.Command {
	o := &sshOptions{}
	var flags *diagnoseFlags
	cmd := &cobra.Command{
		Use:   "ssh HOST[:PORT]...",
		Short: "Log in to NX-OS switches over SSH, run read-only show commands and diagnose them",
		Long: `Log in to one or many NX-OS switches over SSH, run the read-only commands
the checks need (show version, show clock, show running-config, show license
status, show hosts, the Smart Licensing and Call Home log lines, show crypto ca
certificates), then show ip route vrf VRF for the VRF of the switch's licensing
path and, unless --no-active, the two tests of Cisco document 217965 from that
VRF: a ping of the licensing endpoint (or proxy) and a TCP test to its port
(telnet HOST PORT vrf VRF: 443 for https, 80 for http, or the URL's own port,
closed at once).
slcheck never enters configuration mode: every command is checked against a
read-only allow-list before it is sent.

The session is read exactly as ` + "`slcheck file`" + ` reads a saved terminal log;
--save DIR writes it (secrets redacted), one file per host, to replay later.

Keys first, as ssh offers them: ssh-agent (SSH_AUTH_SOCK), then --identity
FILE, the IdentityFiles of ~/.ssh/config, else ~/.ssh/id_rsa, id_ecdsa,
id_ed25519...; an encrypted key's passphrase from SLCHECK_PASSPHRASE or asked
on the terminal. Then the password: SLCHECK_PASSWORD, or asked without echo
on the terminal when a switch wants one (never a flag). Host keys are checked against
~/.ssh/known_hosts (or --known-hosts); an unknown or changed key stops that
host before anything is typed. A host may be an alias of ~/.ssh/config (or
--ssh-config): its HostName, Port, User, IdentityFile, UserKnownHostsFile and
ProxyJump apply. Older switches that offer only SHA-1 key exchanges and CBC
ciphers need --legacy-algorithms.`,
		Example: `  slcheck ssh 10.1.1.20
  SLCHECK_PASSWORD=... slcheck ssh --username admin --inventory switches.txt --save captures/
  slcheck ssh core-sw1                      # a Host alias of ~/.ssh/config, ProxyJump included
  slcheck ssh --legacy-algorithms -p 2222 n7k-old
  slcheck ssh --transport system core-sw1   # OpenSSH itself: its agent, Match blocks, ProxyCommand
  slcheck ssh --inventory hosts.ini --limit leafs,spine1 -o json > leafs.json   # an Ansible or Nornir inventory`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if o.diag, err = flags.options(st); err != nil {
				return err
			}
			targets, err := o.targets(st, args)
			if err != nil {
				return err
			}
			copt, err := o.collectOptions(st)
			if err != nil {
				return err
			}
			return runCollection(st, o, targets, copt)
		},
	}
	flags = addDiagnoseFlags(cmd, &o.out, st, true)
	o.addFlags(cmd)
	return cmd
}

// addFlags adds the flags of `slcheck ssh` beside the diagnosis's.
func (o *sshOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVarP(&o.username, "username", "u", "", "user to log in as (default: the current user; with --transport system, ~/.ssh/config's User first)")
	f.StringVarP(&o.identity, "identity", "i", "", "private key file (encrypted keys: passphrase from SLCHECK_PASSPHRASE or a prompt)")
	f.StringVar(&o.knownHosts, "known-hosts", "", "known_hosts file to check host keys against (default ~/.ssh/known_hosts)")
	f.BoolVar(&o.insecure, "insecure-ignore-host-key", false, "accept any host key (exposes the password to an impostor: only for labs)")
	f.StringVar(&o.transport, "transport", "default", "SSH client: default (built in, deadline-bounded) or system (/usr/bin/ssh: ~/.ssh/config, ProxyJump)")
	f.StringVar(&o.inventory, "inventory", "", "hosts to collect: an Ansible inventory (INI or YAML), a Nornir hosts.yaml (groups.yaml beside it), or one host[:port] per line")
	f.StringSliceVar(&o.limit, "limit", nil, "only these hosts or groups of the --inventory (comma-separated, repeatable; all is every host)")
	f.IntVar(&o.concurrency, "concurrency", 10, "switches collected at once")
	f.DurationVar(&o.timeout, "timeout", collect.DefaultCommandTimeout, "limit for each command")
	f.DurationVar(&o.connectTimeout, "connect-timeout", collect.DefaultConnectTimeout, "limit for connect, handshake, login and prompt")
	f.DurationVar(&o.hostTimeout, "host-timeout", collect.DefaultHostTimeout, "limit for everything done on one switch")
	f.StringVarP(&o.sshConfig, "ssh-config", "F", "", "OpenSSH configuration file (default ~/.ssh/config): HostName, Port, User, IdentityFile, UserKnownHostsFile, ProxyJump")
	f.IntVarP(&o.port, "port", "p", 0, "SSH port of the hosts given without one (default 22, or the Port of ~/.ssh/config)")
	f.BoolVar(&o.legacy, "legacy-algorithms", false, "also offer the SHA-1 key exchanges, CBC ciphers and hmac-sha1-96 of older NX-OS releases (weaker: prefer newer algorithms on the switch)")
	f.Int64Var(&o.maxCommandMiB, "max-command-output", collect.DefaultMaxCommandOutput>>20, "MiB one command may print before the host fails (0: no limit)")
	f.Int64Var(&o.maxHostMiB, "max-host-output", collect.DefaultMaxHostOutput>>20, "MiB a whole session may print before the host fails (0: no limit)")
	f.BoolVar(&o.noActive, "no-active", false, "skip the ping and TCP tests from the switch")
	f.BoolVar(&o.debug, "debug", false, "write each switch's whole session (banner, prompts, output; redacted) to stderr, to troubleshoot a login")
	f.StringVar(&o.save, "save", "", "directory to write each switch's capture to (redacted; replay with slcheck file)")
}

// targets are the hosts from the arguments and the inventory (those of
// --limit), in order; the inventory's warnings go to stderr.
func (o *sshOptions) targets(st Streams, args []string) ([]collect.Target, error) {
	var out []collect.Target
	for _, a := range args {
		t, err := collect.ParseTarget(a)
		if err != nil {
			return nil, withCode(ExitUsage, err)
		}
		out = append(out, t)
	}
	if len(o.limit) > 0 && o.inventory == "" {
		return nil, withCode(ExitUsage, errors.New("--limit picks hosts of an --inventory: give one"))
	}
	if o.inventory != "" {
		if _, err := os.Stat(o.inventory); err != nil {
			return nil, withCode(ExitUsage, fileProblem("--inventory", o.inventory, err))
		}
		inv, err := collect.LoadInventory(o.inventory)
		if err != nil {
			return nil, withCode(ExitUsage, err)
		}
		for _, w := range inv.Warnings {
			printError(st.Err, "warning: "+w)
		}
		picked, err := inv.Select(o.limit)
		var unknown *collect.UnknownLimitError
		if errors.As(err, &unknown) && len(unknown.Names) == 1 {
			err = errors.New(err.Error() + didYouMean(unknown.Names[0], unknown.Known))
		}
		if err != nil {
			return nil, withCode(ExitUsage, err)
		}
		out = append(out, picked...)
	}
	if len(out) == 0 {
		return nil, withCode(ExitUsage, errors.New("no host: give HOST arguments or --inventory FILE"))
	}
	if o.port != 0 {
		if o.port < 1 || o.port > 65535 {
			return nil, withCode(ExitUsage, fmt.Errorf("--port %d: want 1 to 65535", o.port))
		}
		for i := range out {
			if !out[i].PortGiven {
				out[i].Port, out[i].PortGiven = o.port, true
			}
		}
	}
	if o.concurrency < 1 {
		return nil, withCode(ExitUsage, fmt.Errorf("--concurrency %d: want at least 1", o.concurrency))
	}
	return once(st, out), nil
}

// once drops the targets that name a switch again (the same host and
// port, named twice or by two inventory names), saying so: collected
// twice, it would be logged in to twice and reported twice under one
// name. Host names are compared without case, as DNS does.
func once(st Streams, targets []collect.Target) []collect.Target {
	type key struct {
		host      string
		port      int
		portGiven bool
	}
	first := map[key]bool{}
	out := targets[:0]
	for _, t := range targets {
		k := key{strings.ToLower(t.Host), t.Port, t.PortGiven}
		if first[k] {
			printError(st.Err, fmt.Sprintf("warning: %s is named more than once: collected once, as its first mention says", t))
			continue
		}
		first[k] = true
		out = append(out, t)
	}
	return out
}

// collectOptions turns the flags and environment into collect.Options,
// prompting for what is missing.
func (o *sshOptions) collectOptions(st Streams) (collect.Options, error) {
	copt := collect.Options{Transport: o.transport, CommandTimeout: o.timeout,
		ConnectTimeout: o.connectTimeout, HostTimeout: o.hostTimeout, NoActive: o.noActive,
		Redact: st.Redact.Text, LegacyAlgorithms: o.legacy,
		MaxCommandOutput: mibLimit(o.maxCommandMiB), MaxHostOutput: mibLimit(o.maxHostMiB)}
	if o.maxCommandMiB < 0 || o.maxHostMiB < 0 {
		return copt, withCode(ExitUsage, errors.New("--max-command-output and --max-host-output: want 0 (no limit) or more MiB"))
	}
	if o.debug {
		copt.Debug = debugLog(st)
	}
	switch o.transport {
	case "default", "system":
	default:
		return copt, withCode(ExitUsage, fmt.Errorf("--transport %q: want default or system", o.transport))
	}
	// The user, when not given, is the ssh configuration's User for the
	// host, else the current one (OpenSSH's own choice with --transport
	// system).
	a := &copt.Auth
	a.User = o.username
	home, _ := os.UserHomeDir()
	if o.sshConfig != "" {
		if _, err := os.Stat(o.sshConfig); err != nil {
			return copt, withCode(ExitUsage, fileProblem("--ssh-config", o.sshConfig, err))
		}
		copt.SSHConfig, copt.SSHConfigGiven = []string{o.sshConfig}, true
	} else if home != "" {
		copt.SSHConfig = []string{filepath.Join(home, ".ssh", "config"), "/etc/ssh/ssh_config"}
	}
	a.AgentSocket = st.Env("SSH_AUTH_SOCK")
	if err := o.loadIdentity(st, a); err != nil {
		return copt, err
	}
	a.Password = st.Env("SLCHECK_PASSWORD")
	o.askSecrets(st, a)
	switch {
	case o.insecure:
		copt.HostKeys.Insecure = true
	case o.knownHosts != "":
		if _, err := os.Stat(o.knownHosts); err != nil {
			return copt, withCode(ExitUsage, fileProblem("--known-hosts", o.knownHosts, err))
		}
		copt.HostKeys.Files = []string{o.knownHosts}
	case o.transport == "default" && home != "":
		copt.HostKeys.Files = []string{filepath.Join(home, ".ssh", "known_hosts")}
		copt.HostKeys.Default = true
	}
	return copt, nil
}

// loadIdentity reads --identity now, so that a missing file or a wrong
// passphrase stops the run before any switch: the passphrase from
// SLCHECK_PASSPHRASE, else asked on the terminal.
func (o *sshOptions) loadIdentity(st Streams, a *collect.Auth) error {
	if o.identity == "" {
		return nil
	}
	a.IdentityFile = o.identity
	_, err := collect.LoadIdentity(o.identity, "")
	if errors.Is(err, collect.ErrPassphraseNeeded) {
		a.Passphrase = st.Env("SLCHECK_PASSPHRASE")
		if a.Passphrase == "" {
			if a.Passphrase, err = st.readSecret("Passphrase for " + o.identity + ": "); err != nil {
				return withCode(ExitUsage, fmt.Errorf("%s is encrypted: set SLCHECK_PASSPHRASE (%v)", o.identity, err))
			}
		}
		_, err = collect.LoadIdentity(o.identity, a.Passphrase)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return withCode(ExitUsage, fileProblem("--identity", o.identity, err))
	}
	if err != nil {
		return withCode(ExitUsage, err)
	}
	return nil
}

// askSecrets sets how the default transport asks for what a switch wants.
// As ssh does, the password is asked only when a switch wants one after
// the keys (agent, --identity, IdentityFile, ~/.ssh/id_*), and an
// identity file's passphrase only when a switch accepts its key: on the
// terminal, once for every switch. The system transport asks nothing
// (SLCHECK_PASSWORD answers OpenSSH).
func (o *sshOptions) askSecrets(st Streams, a *collect.Auth) {
	if o.transport != "default" || st.ReadSecret == nil {
		return
	}
	if a.Password == "" {
		prompt := "Password: "
		if a.User != "" {
			prompt = fmt.Sprintf("Password for %s: ", a.User)
		}
		a.AskPassword = func() (string, error) { return st.ReadSecret(prompt) }
	}
	a.AskPassphrase = func(path string) (string, error) { return st.ReadSecret("Passphrase for " + path + ": ") }
}

// mibLimit is an output limit in bytes from MiB; 0 means none, which
// collect spells as a negative limit.
func mibLimit(mib int64) int64 {
	if mib == 0 {
		return -1
	}
	return mib << 20
}

// runCollection collects every target, diagnoses each capture with the
// pipeline `slcheck file` uses, and reports.
func runCollection(st Streams, o *sshOptions, targets []collect.Target, copt collect.Options) error {
	if o.save != "" {
		if err := prepareSaveDir(st.Err, o.save); err != nil {
			return withCode(ExitUsage, err)
		}
	}
	coll, err := collect.New(copt)
	if err != nil {
		return withCode(ExitUsage, err)
	}
	defer coll.Close()
	prog := newProgress(st, len(targets))
	doc := newDocument()
	// A JSON report is written as the hosts are done (fleetReport); the
	// others at the end.
	streamed := newFleetReport(st, doc, &o.out, len(targets))
	hosts := make([]hostOutcome, len(targets))
	// Each host is saved and diagnosed (live probes included) by the
	// worker that collected it, so probes overlap the other collections
	// and stay bounded by --concurrency.
	results := coll.Fleet(context.Background(), targets, o.concurrency, func(i int, res *collect.Result) {
		h := o.diagnoseHost(res, diagnose.Rendering{Redact: st.Redact, Format: o.out.format})
		if h.dev != nil {
			h.fails = o.out.fails(h.dev)
		}
		if streamed != nil {
			streamed.put(i, h.dev)
			h.dev = nil
		}
		hosts[i] = h
		prog.done(res)
	})
	prog.finish()

	var rows []report.SummaryRow
	fails := false
	for i, res := range results {
		h := hosts[i]
		for _, n := range res.Notes {
			fmt.Fprintf(st.Err, "slcheck: %s: %s\n", res.Target, n)
		}
		for _, sk := range res.Skipped {
			printError(st.Err, fmt.Sprintf("%s: `%s` was refused (%s): checks that need it say not checked",
				res.Target, sk.Command, sk.Reason))
		}
		doc.Errors = append(doc.Errors, h.errs...)
		if h.dev != nil {
			doc.Devices = append(doc.Devices, *h.dev)
		}
		rows = append(rows, h.row)
		fails = fails || h.fails
	}
	if len(targets) > 1 {
		doc.Hosts = rows
		o.out.summaryAside(st, rows)
	}
	if streamed == nil {
		return renderAndExit(st, doc, &o.out)
	}
	if err := streamed.close(); err != nil {
		return withCode(ExitUsage, fmt.Errorf("writing the report: %w", err))
	}
	return o.out.exit(st, doc.Errors, fails)
}

// hostOutcome is what one collected host adds to the report.
type hostOutcome struct {
	dev  *report.Device // nil once handed to a fleetReport
	errs []report.Error
	row  report.SummaryRow
	// fails says whether dev has a failure at or above --fail-on.
	fails bool
}

// diagnoseHost saves (with --save, redacted with r.Redact) and diagnoses
// one host's collection.
func (o *sshOptions) diagnoseHost(res *collect.Result, r diagnose.Rendering) hostOutcome {
	host := res.Target.String()
	// The Log and the Text are this diagnosis's alone: a fleet keeps every
	// Result until the report, and need not keep them (the device keeps
	// the lines it cites).
	log, text := res.Log, res.Text
	res.Log, res.Text = nil, ""
	if res.Failure != nil {
		return hostOutcome{errs: []report.Error{collectionError(host, res.Failure)},
			row: report.FailedRow(host, "not collected: "+string(res.Failure.Kind))}
	}
	var h hostOutcome
	source := host
	if o.save != "" {
		if path, err := saveCapture(o.save, saveName(res.Target), text, r.Redact); err != nil {
			h.errs = append(h.errs, report.Error{Source: path, Kind: report.KindUsage, Msg: err.Error()})
		} else {
			source = path
		}
	}
	dev, err := diagnose.Session(context.Background(), host, source, text, log, o.diag, r)
	if err != nil {
		h.errs = append(h.errs, collectionError(host, err))
		h.row = report.FailedRow(host, "unreadable session")
		return h
	}
	h.dev, h.row = &dev, report.SummaryRowOf(host, dev)
	return h
}

// saveName is the file a host's capture is saved as: host.txt, or
// host_port.txt for another port than 22.
func saveName(t collect.Target) string {
	name := strings.NewReplacer(":", "-", "/", "-").Replace(t.Host)
	if t.Port != 22 {
		name = fmt.Sprintf("%s_%d", name, t.Port)
	}
	return name + ".txt"
}

// progress shows "collected N/M" on stderr when stderr is a terminal,
// over the same line each time (redact.Writer.Overwrite).
type progress struct {
	mu          sync.Mutex
	st          Streams
	line        *redact.Writer // stderr; nil: no progress
	total, n, f int
}

func newProgress(st Streams, total int) *progress {
	p := &progress{st: st, total: total}
	if w, ok := st.Err.(*redact.Writer); ok && st.ErrIsTerminal {
		p.line = w
	}
	return p
}

func (p *progress) done(r *collect.Result) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if r.Failure != nil {
		p.f++
	}
	if p.line != nil {
		p.line.Overwrite(fmt.Sprintf("collected %d/%d switches, %d failed", p.n, p.total, p.f))
	}
}

func (p *progress) finish() {
	if p.line != nil && p.n > 0 {
		fmt.Fprintln(p.st.Err)
	}
}
