package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/report"
)

// outputOptions are the flags every command that prints a report shares:
// add them with addOutputFlags, then finish with renderAndExit.
type outputOptions struct {
	// output is --output as given; format is it parsed, set by validate.
	output string
	format report.Format
	color  string
	failOn string
	noFail bool
	// checklist is "condensed" or "full"; verbose is --checklist full.
	checklist string
	verbose   bool
}

// addOutputFlags adds --output, --color, --fail-on, --no-fail and
// --show-contacts to cmd, with completion of their values.
func addOutputFlags(cmd *cobra.Command, o *outputOptions, st Streams) {
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "text", "report format: text, json, markdown or openmetrics (Prometheus gauges: deadlines, failed checks, root causes)")
	f.StringVar(&o.color, "color", "auto", "colour the text report: auto (when stdout is a terminal and NO_COLOR is unset), always or never")
	f.StringVar(&o.failOn, "fail-on", "warning", "exit 1 when a check fails at or above this severity: error, warning or info (a failure of severity info is a note)")
	f.BoolVar(&o.noFail, "no-fail", false, "exit 0 even when checks fail (input and collection errors still exit 2 and 3)")
	f.StringVar(&o.checklist, "checklist", "condensed", "the text report's checklist: condensed (passes one line per area, skips grouped by reason) or full (every check, and each consequence in full)")
	f.BoolVar(&o.verbose, "verbose", false, "the same as --checklist full")
	addShowContacts(cmd, st)
	formats := make([]string, 0, len(report.Formats))
	for _, ft := range report.Formats {
		formats = append(formats, string(ft))
	}
	completeValues(cmd, "output", formats)
	completeValues(cmd, "color", colorValues)
	completeValues(cmd, "fail-on", failOnValues)
	completeValues(cmd, "checklist", checklistValues)
}

// validate checks the flag values before any work is done, in any case
// (-o JSON, --fail-on Error); its error exits with ExitUsage.
func (o *outputOptions) validate() error {
	o.output, o.color, o.failOn = strings.ToLower(o.output), strings.ToLower(o.color), strings.ToLower(o.failOn)
	var err error
	if o.format, err = report.ParseFormat(o.output); err != nil {
		formats := make([]string, 0, len(report.Formats))
		for _, f := range report.Formats {
			formats = append(formats, string(f))
		}
		return withCode(ExitUsage, fmt.Errorf("--output: %w%s", err, didYouMean(o.output, formats)))
	}
	switch o.color {
	case "auto", "always", "never":
	default:
		return withCode(ExitUsage, fmt.Errorf("--color %q: want auto, always or never%s", o.color, didYouMean(o.color, colorValues)))
	}
	o.checklist = strings.ToLower(o.checklist)
	if !slices.Contains(checklistValues, o.checklist) {
		return withCode(ExitUsage, fmt.Errorf("--checklist %q: want condensed or full%s", o.checklist, didYouMean(o.checklist, checklistValues)))
	}
	if checks.Severity(o.failOn).Rank() == 0 {
		return withCode(ExitUsage, fmt.Errorf("--fail-on %q: want error, warning or info%s", o.failOn, didYouMean(o.failOn, failOnValues)))
	}
	return nil
}

// useColor decides colour once: --color always/never win, auto colours
// only a terminal and honours NO_COLOR (https://no-color.org).
func (o *outputOptions) useColor(st Streams) bool {
	switch o.color {
	case "always":
		return true
	case "never":
		return false
	}
	return st.IsTerminal && st.Env("NO_COLOR") == "" && st.Env("TERM") != "dumb"
}

// summaryAside prints the fleet summary on stderr, for the person
// watching, when the format has no place for it (JSON, OpenMetrics): text
// and Markdown lead with it.
func (o *outputOptions) summaryAside(st Streams, rows []report.SummaryRow) {
	if o.format == report.Text || o.format == report.Markdown {
		return
	}
	fmt.Fprintln(st.Err)
	report.WriteSummary(st.Err, rows, 0)
}

// reportWidth is the width the text report wraps to: the terminal's,
// kept between 60 and 120 columns so lines stay readable; 80 (the
// renderer's default) when stdout is not a terminal, so a saved report does
// not depend on the window it was made in.
func reportWidth(st Streams) int {
	if !st.IsTerminal || st.Width <= 0 {
		return 0
	}
	return min(max(st.Width, 60), 120)
}

// newDocument starts the report of one run.
func newDocument() *report.Document {
	return &report.Document{SchemaVersion: report.SchemaVersion,
		Tool:    report.Tool{Name: "slcheck", Version: toolVersion()},
		Devices: []report.Device{}, Errors: []report.Error{}}
}

// inputError records an input that could not be read; an InputError's
// line is kept so the report names file and line.
func inputError(source string, err error) report.Error {
	e := report.Error{Source: source, Kind: report.KindInput, Msg: err.Error()}
	var ie *capture.InputError
	if errors.As(err, &ie) {
		// Source and line are fields of their own; the message need not
		// repeat them.
		e.Line, e.Msg = ie.Line, ie.Msg
		if ie.File != "" {
			e.Source = ie.File
		}
	}
	return e
}

// collectionError records a device that could not be collected (SSH).
func collectionError(source string, err error) report.Error {
	return report.Error{Source: source, Kind: report.KindCollection, Msg: err.Error()}
}

// renderAndExit prints doc in the chosen format to stdout, each error of
// doc to stderr, and returns the outcome as an exit code:
// ExitCollection if any device could not be collected, else ExitUsage if
// any input could not be read (a skipped archive member does not count), else ExitFindings if a check failed at or
// above --fail-on (unless --no-fail), else nil (exit 0).
func renderAndExit(st Streams, doc *report.Document, o *outputOptions) error {
	if err := report.Render(st.Out, doc, o.renderOptions(st)); err != nil {
		return withCode(ExitUsage, fmt.Errorf("writing the report: %w", err))
	}
	fails := false
	for i := range doc.Devices {
		fails = fails || o.fails(&doc.Devices[i])
	}
	return o.exit(st, doc.Errors, fails)
}

// renderOptions are the report's options for this run.
func (o *outputOptions) renderOptions(st Streams) report.Options {
	opt := report.Options{Format: o.format, Color: o.useColor(st), Width: reportWidth(st),
		Full: o.verbose || o.checklist == "full"}
	if st.Redact != nil {
		opt.Redact = *st.Redact
	}
	return opt
}

// exit prints each of errs to stderr once the report is written, and
// returns the outcome as renderAndExit does; fails says whether a device
// of the report has a failure at or above --fail-on (o.fails).
func (o *outputOptions) exit(st Streams, errs []report.Error, fails bool) error {
	code := ExitOK
	for _, e := range errs {
		if e.Kind == report.KindSkipped {
			printError(st.Err, e.Source+": skipped: "+e.Msg)
			continue
		}
		printError(st.Err, describeError(e))
		switch {
		case e.Kind == report.KindCollection:
			code = ExitCollection
		case code != ExitCollection:
			code = ExitUsage
		}
	}
	if code == ExitOK && !o.noFail && fails {
		code = ExitFindings
	}
	if code == ExitOK {
		return nil
	}
	return withCode(code, nil)
}

// describeError renders a document error as "file:line: message", without
// repeating the location when the message already starts with it.
func describeError(e report.Error) string {
	loc := e.Source
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.Source, e.Line)
	}
	if loc == "" || strings.HasPrefix(e.Msg, loc) {
		return e.Msg
	}
	return loc + ": " + e.Msg
}

// fails reports whether d has a failure at or above --fail-on.
func (o *outputOptions) fails(d *report.Device) bool {
	threshold := checks.Severity(o.failOn)
	for _, r := range d.Results {
		if r.Status == checks.Fail && r.Severity.Rank() >= threshold.Rank() {
			return true
		}
	}
	return false
}
