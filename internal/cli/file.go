package cli

import (
	"context"
	"fmt"

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
	// diag holds the opt-in live probes and the checks left out; its zero
	// value sends nothing and runs every check.
	diag diagnose.Options
}

func newFileCmd(st Streams) *cobra.Command {
	opt := &fileOptions{}
	var flags *diagnoseFlags
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
  slcheck file --skip CH005 show-tech.txt     # no email-contact by site policy
  ssh admin@switch 'show running-config callhome' | slcheck file -`,
		Args: needArgs("a capture file (or - for stdin)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opt.diag, err = flags.options(st); err != nil {
				return err
			}
			return runFile(cmd.Context(), st, opt, args)
		},
	}
	flags = addDiagnoseFlags(cmd, &opt.out, st, true)
	return cmd
}

func runFile(ctx context.Context, st Streams, opt *fileOptions, paths []string) error {
	doc := newDocument()
	reports := &merger{doc: doc, warn: func(msg string) { printError(st.Err, "warning: "+msg) }}
	stdin := false
	for _, p := range paths {
		if p == "-" && stdin {
			doc.Errors = append(doc.Errors, report.Error{Source: "-", Kind: report.KindUsage,
				Msg: "stdin is given more than once: it can be read only once"})
			continue
		}
		stdin = stdin || p == "-"
		if p != "-" && isReport(p) {
			// A JSON report of another run: its devices join this one's.
			if err := reports.add(p); err != nil {
				doc.Errors = append(doc.Errors, inputError(p, err))
			}
			continue
		}
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
		eachInput(st, p, each)
	}
	return renderAndExit(st, doc, &opt.out)
}

// readOptions keep only the sections and lines the parsers read, so a
// show tech-support of half a million lines stays small in memory. A file
// or archive member is named as it may be printed: a newline or a control
// character in its name is escaped, so that a name cannot forge a line of
// the report or of stderr.
var readOptions = capture.Options{Select: snapshot.Select, Needles: snapshot.Needles, Name: redact.Escape}

// eachInput reads one path ("-" is stdin, an archive is read member by
// member) and calls each for every capture in it. On a terminal, stdin
// waits for a paste: stderr says so, or slcheck would look hung.
func eachInput(st Streams, path string, each func(capture.Entry)) {
	if path != "-" {
		capture.EachFile(path, readOptions, each)
		return
	}
	if st.InIsTerminal {
		fmt.Fprintln(st.Err, "slcheck: reading the capture from the terminal: paste the output, then Ctrl-D on a line of its own")
	}
	capture.Each("-", st.In, readOptions, each)
}
