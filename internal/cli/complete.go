package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/checks"
)

// Dynamic shell completion (`slcheck completion bash|zsh|fish|powershell`
// installs the script): flag values and check IDs, from the same lists the
// commands validate against.

// completeValues completes the flag's value from a fixed list.
func completeValues(cmd *cobra.Command, flag string, values []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// checkIDCompletions are the IDs with their titles (shells that show
// descriptions print the title beside the ID), ID-prefix first.
func checkIDCompletions(prefix string) []string {
	var out []string
	for _, c := range checks.All() {
		if strings.HasPrefix(c.ID, strings.ToUpper(prefix)) {
			out = append(out, c.ID+"\t"+c.Title)
		}
	}
	return out
}

// completeIDArgs completes check IDs as arguments (slcheck explain).
func completeIDArgs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return checkIDCompletions(toComplete), cobra.ShellCompDirectiveNoFileComp
}

// completeIDList completes the last ID of a comma-separated list
// (--skip CH005,LI<tab>).
func completeIDList(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	done, last := "", toComplete
	if i := strings.LastIndexByte(toComplete, ','); i >= 0 {
		done, last = toComplete[:i+1], toComplete[i+1:]
	}
	var out []string
	for _, c := range checkIDCompletions(last) {
		out = append(out, done+c)
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}
