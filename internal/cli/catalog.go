package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/nxname"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
	"github.com/slcheck/slcheck/snapshot"
	"github.com/spf13/cobra"
)

// The catalogue commands work offline from the checks' own metadata:
// `slcheck checks` lists them, `slcheck explain ID` documents one, and
// `slcheck commands` prints what to ask a customer to run.

func init() { commands = append(commands, newChecksCmd, newExplainCmd, newCommandsCmd) }

// catalogEntry is one check as `slcheck checks --output json` prints it.
type catalogEntry struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Area     string   `json:"area"`
	Severity string   `json:"severity"`
	Needs    []string `json:"needs"`
	// Implemented is always true (the catalogue is the registry); kept
	// for the scripts that read it.
	Implemented bool `json:"implemented"`
}

func catalogEntries() []catalogEntry {
	var out []catalogEntry
	for _, c := range checks.All() {
		out = append(out, catalogEntry{ID: c.ID, Title: c.Title, Area: string(c.Area), Severity: string(c.Severity),
			Needs: append([]string{}, c.Needs...), Implemented: true})
	}
	return out
}

func newChecksCmd(st Streams) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "checks",
		Short: "List the checklist: every check ID, its severity and title, in order",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			entries := catalogEntries()
			switch strings.ToLower(output) {
			case "json":
				enc := json.NewEncoder(st.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(entries)
			case "text":
				return printCatalog(st.Out, entries)
			}
			return withCode(ExitUsage, fmt.Errorf("--output %q: want text or json", output))
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "text", "list format: text or json")
	completeValues(cmd, "output", []string{"text", "json"})
	return cmd
}

func printCatalog(w io.Writer, entries []catalogEntry) error {
	area := ""
	for _, e := range entries {
		if e.Area != area {
			if area != "" {
				fmt.Fprintln(w)
			}
			area = e.Area
			fmt.Fprintln(w, area)
		}
		fmt.Fprintf(w, "  %-7s %-8s %s\n", e.ID, e.Severity, e.Title)
	}
	_, err := fmt.Fprintln(w, "\n`slcheck explain ID` says what a check looks at, why it matters and how to fix it.")
	return err
}

func newExplainCmd(st Streams) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "explain ID...",
		Short: "Explain checks: what each looks at, why it matters, how to fix it, its references and the commands it needs",
		Long: "Explain checks: what each looks at, why it matters, how to fix it, the commands it needs and its\n" +
			"references. IDs in any case, zeros optional (ch2 is CH002). -o json or markdown for tools and case notes.",
		Example: `  slcheck explain CH002
  slcheck explain lic2 lic3 -o markdown`,
		Args:              needArgs("a check ID"),
		ValidArgsFunction: completeIDArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var list []*checks.Check
			for _, a := range args {
				id, err := resolveID(a)
				if err != nil {
					return withCode(ExitUsage, err)
				}
				c, _ := checks.Lookup(id)
				list = append(list, c)
			}
			switch strings.ToLower(output) {
			case "text":
				for i, c := range list {
					if i > 0 {
						fmt.Fprintln(st.Out)
					}
					io.WriteString(st.Out, explainText(c))
				}
				return nil
			case "json":
				out := make([]explainEntry, 0, len(list))
				for _, c := range list {
					out = append(out, newExplainEntry(c))
				}
				enc := json.NewEncoder(st.Out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(out)
			case "markdown", "md":
				for _, c := range list {
					io.WriteString(st.Out, explainMarkdown(c))
				}
				return nil
			}
			return withCode(ExitUsage, fmt.Errorf("--output %q: want text, json or markdown%s", output, didYouMean(output, []string{"text", "json", "markdown"})))
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "text", "format: text, json or markdown")
	completeValues(cmd, "output", []string{"text", "json", "markdown"})
	return cmd
}

// explainEntry is one check as `slcheck explain -o json` prints it.
type explainEntry struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Area       string   `json:"area"`
	Severity   string   `json:"severity"`
	Applies    string   `json:"applies"`
	Requires   []string `json:"requires"`
	When       []string `json:"when"`
	What       string   `json:"what"`
	Why        string   `json:"why"`
	Fix        string   `json:"fix"`
	Needs      []string `json:"needs"`
	Causes     []string `json:"causes"`
	References []string `json:"references"`
}

func newExplainEntry(c *checks.Check) explainEntry {
	return explainEntry{ID: c.ID, Title: c.Title, Area: string(c.Area), Severity: string(c.Severity),
		Applies: c.Applies.String(), Requires: requiredFacts(c), When: c.States(),
		What: c.Explain.What, Why: c.Explain.Why, Fix: c.Explain.Fix,
		Needs: append([]string{}, c.Needs...), Causes: append([]string{}, c.Causes...),
		References: append([]string{}, c.References...)}
}

// requiredFacts names what a check reads before it can judge anything.
func requiredFacts(c *checks.Check) []string {
	out := []string{}
	for _, r := range c.Requires {
		out = append(out, r.Fact)
	}
	return out
}

// appliesSentence says on which input a check is judged and what it needs
// there, from its metadata.
func appliesSentence(c *checks.Check) string {
	s := "Applies to " + c.Applies.String() + "; elsewhere it is skipped."
	if c.Applies == checks.AnyInput {
		s = "Applies to any input."
	}
	if facts := requiredFacts(c); len(facts) > 0 {
		s += " Not checked without " + strings.Join(facts, " and ") + "."
	}
	if states := c.States(); len(states) > 0 {
		s += " Judged only when " + strings.Join(states, ", and ") + "; otherwise skipped with the reason."
	}
	return s
}

// explainMarkdown renders a check's documentation as a Markdown section
// (slcheck's own text: its backticks are code spans on purpose).
func explainMarkdown(c *checks.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s: %s\n\nArea: %s. Severity when it fails: %s.\n", c.ID, c.Title, c.Area, c.Severity)
	fmt.Fprintf(&b, "\n%s\n", appliesSentence(c))
	fmt.Fprintf(&b, "\n### What it looks at\n\n%s\n\n### Why it matters\n\n%s\n\n### How to fix it\n\n%s\n", c.Explain.What, c.Explain.Why, c.Explain.Fix)
	if len(c.Needs) > 0 {
		b.WriteString("\n### Commands it needs\n\n```\n" + strings.Join(c.Needs, "\n") + "\n```\n")
	}
	if len(c.Causes) > 0 {
		fmt.Fprintf(&b, "\n### Root causes\n\nWhen one of these fails too, it is reported as the cause: %s.\n", strings.Join(c.Causes, ", "))
	}
	b.WriteString("\n### References\n\n")
	for _, r := range c.References {
		fmt.Fprintf(&b, "- %s\n", r)
	}
	b.WriteString("\n")
	return b.String()
}

// explainText renders a check's documentation as plain text.
func explainText(c *checks.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", c.ID, c.Title)
	fmt.Fprintf(&b, "Area: %s. Severity when it fails: %s.\n", c.Area, c.Severity)
	section := func(title, text string) {
		fmt.Fprintf(&b, "\n%s\n", title)
		for _, line := range report.Wrap(text, 76) {
			fmt.Fprintf(&b, "  %s\n", line)
		}
	}
	section("When it applies", appliesSentence(c))
	section("What it looks at", c.Explain.What)
	section("Why it matters", c.Explain.Why)
	section("How to fix it", c.Explain.Fix)
	if len(c.Needs) > 0 {
		fmt.Fprintf(&b, "\nCommands it needs\n")
		for _, n := range c.Needs {
			fmt.Fprintf(&b, "  %s\n", n)
		}
	}
	if len(c.Causes) > 0 {
		section("Root causes: when one of these fails too, it is reported as the cause", strings.Join(c.Causes, ", "))
	}
	fmt.Fprintf(&b, "\nReferences\n")
	for _, r := range c.References {
		fmt.Fprintf(&b, "  - %s\n", r)
	}
	return b.String()
}

// The placeholders checks write in their Needs and "not checked" reasons,
// filled from the licensing path by `slcheck commands`.
const (
	placeholderVRF  = "<licensing VRF>"
	placeholderHost = "<endpoint>"
	placeholderPort = "<port>"
)

// customerCommands derives the commands to ask for from every check's
// Needs: duplicates dropped, in session order (snapshot.SortSession),
// starting with sessionStart. The placeholders are filled from the
// licensing path p: its VRF, and the host and port the switch connects to
// (snapshot.Path.Next). A test the path cannot build is left out, and the
// commands that would tell the path (Path.Ask) come instead.
func customerCommands(p snapshot.Path) []string {
	host, port := p.Next()
	fill := strings.NewReplacer(placeholderVRF, p.VRF, placeholderHost, host, placeholderPort, strconv.Itoa(port))
	seen := map[string]bool{}
	out := append([]string{}, sessionStart...)
	add := func(cmd string) {
		if cmd != "" && !seen[cmd] {
			seen[cmd] = true
			out = append(out, cmd)
		}
	}
	// The path's own builders decide what can be filled in: a plain VRF
	// and host, and a port.
	tests := map[string]bool{p.RouteCommand(): true, p.PingCommand(): true, p.TCPCommand(): true}
	for _, c := range checks.All() {
		for _, n := range c.Needs {
			if !strings.Contains(n, "<") {
				add(n)
				continue
			}
			// Only the path's route, ping and TCP test carry placeholders.
			if cmd := fill.Replace(n); tests[cmd] {
				add(cmd)
			}
		}
	}
	for _, cmd := range p.Ask() {
		add(cmd)
	}
	snapshot.SortSession(out)
	return out
}

// sessionStart are the terminal settings every block starts with:
// `terminal length 0` so nothing is paged and `terminal width 511` (the
// NX-OS maximum) so no long line, such as a destination URL, is cut.
var sessionStart = []string{"terminal length 0", "terminal width 511"}

func newCommandsCmd(st Streams) *cobra.Command {
	var vrf, host string
	var port int
	var missing bool
	cmd := &cobra.Command{
		Use:   "commands [--missing] [CAPTURE...]",
		Short: "Print the commands to ask a customer to run, as one paste-ready block",
		Long: "Print the NX-OS commands every check needs, deduplicated and in a sensible order, starting with\n" +
			"`terminal length 0` and `terminal width 511`. Paste them into the switch session and give slcheck\n" +
			"the whole output (`slcheck file session.log`).\n" +
			"Given captures of a switch (any input `slcheck file` reads), the route, ping and telnet tests follow\n" +
			"its licensing path: its VRF, and the host and port it connects to (the proxy when it uses one);\n" +
			"when a capture does not tell the path, the block asks for what would instead of those tests.\n" +
			"Without a capture, --vrf, --host and --port fill them in.\n" +
			"The telnet test comes last: once it connects, end it with the escape character it prints (Ctrl-]).\n\n" +
			"With --missing FILE..., only what those captures lack: the commands their \"not checked\" checks\n" +
			"ask for, filled with each capture's own VRF and endpoint, one block per device.",
		Example: `  slcheck commands --vrf management
  slcheck commands --vrf default --host cslu.example.net --port 8182
  slcheck commands customer-capture.txt
  slcheck commands --missing customer-capture.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !nxname.VRF(vrf) || !nxname.Host(host) || port < 1 || port > 65535 {
				return withCode(ExitUsage, fmt.Errorf("--vrf %q --host %q --port %d: want an NX-OS VRF name (letters, digits, - _ . :, at most 32), a host name or IP address and a port from 1 to 65535", vrf, host, port))
			}
			if missing {
				if len(args) == 0 {
					return withCode(ExitUsage, fmt.Errorf("--missing needs the capture files whose missing commands to print: e.g. `slcheck commands --missing capture.txt`"))
				}
				fill := map[string]string{}
				if cmd.Flags().Changed("vrf") {
					fill["<vrf>"], fill[placeholderVRF] = vrf, vrf
				}
				if cmd.Flags().Changed("host") {
					fill[placeholderHost] = host
				}
				if cmd.Flags().Changed("port") {
					fill[placeholderPort] = strconv.Itoa(port)
				}
				return missingCommands(st, args, fill)
			}
			if len(args) > 0 {
				for _, f := range []string{"vrf", "host", "port"} {
					if cmd.Flags().Changed(f) {
						return withCode(ExitUsage, fmt.Errorf("--%s describes a switch without a capture: give a capture or the flags, not both (or --missing)", f))
					}
				}
				return commandsFromCaptures(st, args)
			}
			for _, c := range customerCommands(snapshot.Path{VRF: vrf, Host: strings.ToLower(host), Port: port}) {
				fmt.Fprintln(st.Out, c)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&missing, "missing", false, "print only the commands the given captures lack (FILE arguments)")
	cmd.Flags().StringVar(&vrf, "vrf", "management", "without a capture: the `VRF` licensing traffic uses (transport http use-vrf), for the route, ping and telnet tests")
	cmd.Flags().StringVar(&host, "host", "tools.cisco.com", "without a capture: the licensing endpoint or proxy to test (`HOST`): tools.cisco.com (classic), smartreceiver.cisco.com (10.2(1)F and later), or the on-prem server or CSLU")
	cmd.Flags().IntVar(&port, "port", 443, "without a capture: the TCP `PORT` of the endpoint (443 for https, 80 for http, a CSLU's 8182, or the proxy's)")
	return cmd
}

// eachDevice calls fn with every device of the captures at paths, saying
// on stderr which archive members were skipped; it returns the inputs that
// could not be read.
func eachDevice(st Streams, paths []string, fn func(*capture.Device)) []report.Error {
	var bad []report.Error
	for _, p := range paths {
		eachInput(st, p, func(e capture.Entry) {
			switch {
			case e.Skipped != "":
				printError(st.Err, e.Source+": skipped: "+e.Skipped)
			case e.Err != nil:
				bad = append(bad, inputError(e.Source, e.Err))
			default:
				for _, dev := range e.Capture.Devices {
					fn(dev)
				}
			}
		})
	}
	return bad
}

// commandsFromCaptures prints one block per switch found in the captures,
// its tests built from that switch's licensing path; a block is headed by
// the device's name when there are several. A path the capture does not
// tell is said on stderr, with what the block asks instead.
func commandsFromCaptures(st Streams, paths []string) error {
	var snaps []*snapshot.Snapshot
	bad := eachDevice(st, paths, func(dev *capture.Device) { snaps = append(snaps, snapshot.Build(dev)) })
	for i, s := range snaps {
		name := report.Device{Hostname: s.Hostname, Source: s.Source}.Name()
		if len(snaps) > 1 {
			if i > 0 {
				fmt.Fprintln(st.Out)
			}
			fmt.Fprintf(st.Out, "# %s (%s)\n", redact.Escape(name), redact.Escape(s.Source))
		}
		switch p := s.Path; {
		case p.TCPCommand() != "":
		case len(p.Ask()) > 0:
			printError(st.Err, fmt.Sprintf("%s: the capture does not tell the whole licensing path (%s): the block asks `%s` instead of the tests it cannot build; run `slcheck commands` on the new session log for them",
				name, p, strings.Join(p.Ask(), "`, `")))
		default:
			printError(st.Err, fmt.Sprintf("%s: the licensing path is %s: the block holds no test it cannot build", name, p))
		}
		for _, c := range customerCommands(s.Path) {
			fmt.Fprintln(st.Out, c)
		}
	}
	for _, e := range bad {
		printError(st.Err, describeError(e))
	}
	if len(bad) > 0 {
		return withCode(ExitUsage, nil)
	}
	return nil
}

// missingCommands prints, for each device of the captures, the commands
// its "not checked" checks ask for (report.Device.NotChecked), as one
// block to paste; a block is headed by the device's name when there are
// several. A command still holding a placeholder (the capture did not
// tell the VRF or the endpoint, and --vrf or --host did not either) is
// left out of the block: stderr says what to run first. fill maps
// placeholders to the values the user gave.
func missingCommands(st Streams, paths []string, fill map[string]string) error {
	var devs []report.Device
	bad := eachDevice(st, paths, func(dev *capture.Device) { devs = append(devs, diagnose.Device(dev)) })
	for i := range devs {
		d := &devs[i]
		// Captured text (a VRF or host name) reaches the terminal escaped.
		st.Redact.Value(d)
		if len(devs) > 1 {
			if i > 0 {
				fmt.Fprintln(st.Out)
			}
			fmt.Fprintf(st.Out, "# %s (%s)\n", d.Name(), d.Source)
		}
		var block, held []string
		for _, m := range d.NotChecked() {
			c := m.Command
			for k, v := range fill {
				c = strings.ReplaceAll(c, k, v)
			}
			if strings.Contains(c, "<") {
				held = append(held, c)
				continue
			}
			block = append(block, c)
		}
		if len(block) == 0 && len(held) == 0 {
			printError(st.Err, d.Name()+": nothing missing: every check that reads the capture could run")
			continue
		}
		for _, c := range append(append([]string{}, sessionStart...), block...) {
			fmt.Fprintln(st.Out, c)
		}
		if len(held) > 0 {
			printError(st.Err, fmt.Sprintf("%s: the capture does not tell the VRF or endpoint of %s: run the block, then `slcheck commands --missing` on the new log (or give --vrf and --host)",
				d.Name(), strings.Join(held, "; ")))
		}
	}
	for _, e := range bad {
		printError(st.Err, describeError(e))
	}
	if len(bad) > 0 {
		return withCode(ExitUsage, nil)
	}
	return nil
}
