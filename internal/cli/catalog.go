package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/report"
)

// The catalogue commands work offline from the checks' own metadata:
// `slcheck checks` lists them, `slcheck explain ID` documents one, and
// `slcheck commands` prints what to ask a customer to run.

func init() { commands = append(commands, newChecksCmd, newExplainCmd, newCommandsCmd) }

// catalogEntry is one check as `slcheck checks --output json` prints it.
type catalogEntry struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Area        string   `json:"area"`
	Severity    string   `json:"severity"`
	Needs       []string `json:"needs"`
	Implemented bool     `json:"implemented"`
}

func catalogEntries() []catalogEntry {
	var out []catalogEntry
	for _, id := range checks.Catalogue() {
		e := catalogEntry{ID: id, Needs: []string{}}
		if c, ok := checks.Lookup(id); ok {
			e.Title, e.Area, e.Severity, e.Implemented = c.Title, c.Area, string(c.Severity), true
			e.Needs = append(e.Needs, c.Needs...)
		}
		out = append(out, e)
	}
	return out
}

func newChecksCmd(st Streams) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "checks",
		Short: "List the checklist: every check ID, its severity and title, in order",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			entries := catalogEntries()
			switch output {
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
	return cmd
}

func printCatalog(w io.Writer, entries []catalogEntry) error {
	area := ""
	for _, e := range entries {
		if !e.Implemented {
			fmt.Fprintf(w, "  %-7s %-8s %s\n", e.ID, "-", "not implemented in this version")
			continue
		}
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
	return &cobra.Command{
		Use:   "explain ID",
		Short: "Explain a check: what it looks at, why it matters, how to fix it, its references and the commands it needs",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := strings.ToUpper(strings.TrimSpace(args[0]))
			c, ok := checks.Lookup(id)
			if !ok {
				for _, known := range checks.Catalogue() {
					if known == id {
						return withCode(ExitUsage, fmt.Errorf("check %s is in the catalogue but not implemented in this version of slcheck", id))
					}
				}
				return withCode(ExitUsage, fmt.Errorf("unknown check %q: `slcheck checks` lists them", args[0]))
			}
			_, err := io.WriteString(st.Out, explainText(c))
			return err
		},
	}
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

// The placeholders checks write in their Needs, filled by `slcheck commands`.
const (
	placeholderVRF  = "<Call Home VRF>"
	placeholderHost = "<endpoint>"
)

// commandOrder ranks commands by prefix: the terminal settings, what
// identifies the device and its time, then the licence state, the
// configuration, the path tests, trust and logs, and the telnet test last:
// once it connects, whatever is pasted after it goes to the remote port.
// Commands no prefix matches come just before the telnet test.
var commandOrder = []string{
	"terminal length",
	"terminal width",
	"show version",
	"show clock",
	"show license status",
	"show license",
	"show running-config callhome",
	"show running-config |",
	"show running-config",
	"show ip route",
	"show hosts",
	"ping",
	"show crypto",
	"show logging",
	"", // any other command
	"telnet",
}

func commandRank(cmd string) int {
	for i, p := range commandOrder {
		if p != "" && strings.HasPrefix(cmd, p) {
			return i
		}
	}
	return slices.Index(commandOrder, "")
}

// customerCommands derives the commands to ask for from every check's
// Needs: placeholders filled, duplicates dropped, in commandOrder, starting
// with `terminal length 0` so nothing is paged and `terminal width 511` (the
// NX-OS maximum) so no long line, such as a destination URL, is cut.
func customerCommands(vrf, host string) []string {
	seen := map[string]bool{}
	out := []string{"terminal length 0", "terminal width 511"}
	for _, c := range checks.All() {
		for _, n := range c.Needs {
			n = strings.ReplaceAll(strings.ReplaceAll(n, placeholderVRF, vrf), placeholderHost, host)
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return commandRank(out[i]) < commandRank(out[j]) })
	return out
}

func newCommandsCmd(st Streams) *cobra.Command {
	var vrf, host string
	cmd := &cobra.Command{
		Use:   "commands",
		Short: "Print the commands to ask a customer to run, as one paste-ready block",
		Long: "Print the NX-OS commands every check needs, deduplicated and in a sensible order, starting with\n" +
			"`terminal length 0` and `terminal width 511`. Paste them into the switch session and give slcheck\n" +
			"the whole output (`slcheck file session.log`). --vrf and --host fill in the reachability tests.\n" +
			"The telnet test comes last: once it connects, end it with the escape character it prints (Ctrl-]).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.ContainsAny(vrf+host, " \t\n") || vrf == "" || host == "" {
				return withCode(ExitUsage, fmt.Errorf("--vrf and --host take one word each"))
			}
			for _, c := range customerCommands(vrf, host) {
				fmt.Fprintln(st.Out, c)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&vrf, "vrf", "management", "the VRF Call Home uses (`transport http use-vrf`), for the route, ping and telnet tests")
	cmd.Flags().StringVar(&host, "host", "tools.cisco.com", "the licensing endpoint to test: tools.cisco.com (classic), smartreceiver.cisco.com (10.2(1)F and later), or the on-prem server")
	return cmd
}
