package cli

import (
	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/diagnose"
)

func init() { commands = append(commands, newFileCmd) }

func newFileCmd(st Streams) *cobra.Command {
	opt := &outputOptions{}
	cmd := &cobra.Command{
		Use:   "file PATH...",
		Short: "Diagnose captured NX-OS output: a show tech-support, a terminal log, a paste (- for stdin), gzip or not",
		Long: `Diagnose captured NX-OS output: a show tech-support, a terminal log with
prompts, or a bare paste of show commands; gzip or not; - reads stdin.
Every device found in the inputs gets the whole checklist.`,
		Example: `  slcheck file show-tech.txt
  slcheck file --output markdown switch1.log.gz > case-notes.md
  ssh admin@switch 'show running-config callhome' | slcheck file -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opt.validate(); err != nil {
				return err
			}
			return runFile(st, opt, args)
		},
	}
	addOutputFlags(cmd, opt)
	return cmd
}

func runFile(st Streams, opt *outputOptions, paths []string) error {
	doc := newDocument()
	for _, p := range paths {
		c, err := readInput(st, p)
		if err != nil {
			doc.Errors = append(doc.Errors, inputError(p, err))
			continue
		}
		for _, dev := range c.Devices {
			doc.Devices = append(doc.Devices, diagnose.Device(dev))
		}
	}
	return renderAndExit(st, doc, opt)
}

// readInput reads one path, "-" being stdin.
func readInput(st Streams, path string) (*capture.Capture, error) {
	if path == "-" {
		return capture.Read("-", st.In, capture.Options{})
	}
	return capture.ReadFile(path, capture.Options{})
}
