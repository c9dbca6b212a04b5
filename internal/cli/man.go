package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func init() { commands = append(commands, newManCmd) }

func newManCmd(st Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write slcheck's man pages (section 1, one per command) into DIR",
		Long: "Write one man page per command (slcheck.1, slcheck-file.1, ...) into DIR, made from the same\n" +
			"help text as --help by cobra's doc package. Read one with `man DIR/slcheck-file.1`.",
		Example: `  slcheck man /usr/local/share/man/man1`,
		Args:    needArgs("the directory to write the pages into"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return withCode(ExitUsage, fmt.Errorf("`slcheck man` takes one directory, got %d arguments", len(args)))
			}
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return withCode(ExitUsage, fileProblem("man", dir, err))
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true // no date: the pages are reproducible
			hdr := &doc.GenManHeader{Title: "SLCHECK", Section: "1", Source: "slcheck " + readBuild().Release, Manual: "slcheck manual"}
			if err := doc.GenManTree(root, hdr, dir); err != nil {
				return withCode(ExitUsage, fmt.Errorf("writing the man pages into %s: %w", dir, err))
			}
			fmt.Fprintf(st.Err, "slcheck: man pages written to %s\n", dir)
			return nil
		},
	}
}
