package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/redact"
	"github.com/slcheck/slcheck/report"
	"github.com/slcheck/slcheck/snapshot"
)

func init() { commands = append(commands, newFileCmd) }

type fileOptions struct {
	out outputOptions
	// diag holds the opt-in live probes; its zero value sends nothing.
	diag diagnose.Options
}

func newFileCmd(st Streams) *cobra.Command {
	opt := &fileOptions{}
	var probes *probeFlags
	cmd := &cobra.Command{
		Use:   "file PATH...",
		Short: "Diagnose captured NX-OS output: a show tech-support, a terminal log, a paste (- for stdin), gzip, zip or tar",
		Long: `Diagnose captured NX-OS output: a show tech-support, a terminal log with
prompts, or a bare paste of show commands; gzip or not; - reads stdin.
A zip, tar or tar.gz archive (found by its content) is read member by
member, each a capture named ARCHIVE!MEMBER; members that are not text are
listed as skipped. Every device found in the inputs gets the whole checklist.`,
		Example: `  slcheck file show-tech.txt
  slcheck file --output markdown switch1.log.gz > case-notes.md
  slcheck file case-12345.zip                 # every show-tech in the archive
  ssh admin@switch 'show running-config callhome' | slcheck file -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opt.out.validate(); err != nil {
				return err
			}
			var err error
			if opt.diag, err = probes.options(); err != nil {
				return err
			}
			return runFile(cmd.Context(), st, opt, args)
		},
	}
	addOutputFlags(cmd, &opt.out)
	probes = addProbeFlags(cmd)
	return cmd
}

func runFile(ctx context.Context, st Streams, opt *fileOptions, paths []string) error {
	doc := newDocument()
	stdin := false
	for _, p := range paths {
		if p == "-" && stdin {
			doc.Errors = append(doc.Errors, report.Error{Source: "-", Kind: "usage",
				Msg: "stdin is given more than once: it can be read only once"})
			continue
		}
		stdin = stdin || p == "-"
		each := func(e capture.Entry) {
			switch {
			case e.Skipped != "":
				doc.Errors = append(doc.Errors, report.Error{Source: e.Source, Kind: report.KindSkipped, Msg: e.Skipped})
			case e.Err != nil:
				doc.Errors = append(doc.Errors, inputError(e.Source, e.Err))
			default:
				for _, dev := range e.Capture.Devices {
					doc.Devices = append(doc.Devices, diagnose.DeviceWith(ctx, dev, opt.diag))
				}
			}
		}
		if p == "-" {
			capture.Each("-", st.In, readOptions, each)
		} else {
			capture.EachFile(p, readOptions, each)
		}
	}
	return renderAndExit(st, doc, &opt.out)
}

// readOptions keep only the sections and lines the parsers read, so a
// show tech-support of half a million lines stays small in memory. A file
// or archive member is named as it may be printed: a newline or a control
// character in its name is escaped, so that a name cannot forge a line of
// the report or of stderr.
var readOptions = capture.Options{Select: snapshot.Select, Name: redact.Escape}
