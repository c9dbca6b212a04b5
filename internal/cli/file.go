package cli

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/diagnose"
	"github.com/slcheck/slcheck/report"
)

func init() { commands = append(commands, newFileCmd) }

type fileOptions struct {
	output string
	failOn string
}

func newFileCmd(st Streams) *cobra.Command {
	opt := &fileOptions{}
	cmd := &cobra.Command{
		Use:   "file PATH...",
		Short: "Diagnose captured NX-OS output: a show tech-support, a terminal log, a paste (- for stdin), gzip or not",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runFile(st, opt, args)
		},
	}
	cmd.Flags().StringVarP(&opt.output, "output", "o", "text", "output format: text, json")
	cmd.Flags().StringVar(&opt.failOn, "fail-on", "warning", "exit 1 when a check fails at or above this severity: error, warning, info")
	return cmd
}

func runFile(st Streams, opt *fileOptions, paths []string) error {
	threshold := checks.Severity(opt.failOn)
	if threshold.Rank() == 0 {
		return withCode(ExitUsage, fmt.Errorf("--fail-on %q: want error, warning or info", opt.failOn))
	}
	doc := report.Document{SchemaVersion: report.SchemaVersion,
		Tool: report.Tool{Name: "slcheck", Version: Version}, Devices: []report.Device{}, Errors: []report.Error{}}
	inputFailed := false
	for _, p := range paths {
		c, err := capture.ReadFile(p, capture.Options{})
		if err != nil {
			inputFailed = true
			e := report.Error{Source: p, Kind: "input", Msg: err.Error()}
			var ie *capture.InputError
			if errors.As(err, &ie) {
				e.Line = ie.Line
			}
			doc.Errors = append(doc.Errors, e)
			fmt.Fprintln(st.Err, "slcheck:", err)
			continue
		}
		for _, dev := range c.Devices {
			doc.Devices = append(doc.Devices, diagnose.Device(dev))
		}
	}
	enc := json.NewEncoder(st.Out)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return withCode(ExitUsage, err)
	}
	if inputFailed {
		return withCode(ExitUsage, nil)
	}
	for _, d := range doc.Devices {
		for _, r := range d.Results {
			if r.Status == checks.Fail && r.Severity.Rank() >= threshold.Rank() {
				return withCode(ExitFindings, nil)
			}
		}
	}
	return nil
}
