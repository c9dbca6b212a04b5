package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/report"
)

func init() { commands = append(commands, newMergeCmd) }

func newMergeCmd(st Streams) *cobra.Command {
	out := &outputOptions{}
	cmd := &cobra.Command{
		Use:   "merge REPORT.json...",
		Short: "Merge the JSON reports of several runs (one per runner, --limit or CI job) into one report and fleet summary",
		Long: `Merge the JSON reports (--output json) of several slcheck runs into one
report, in any output format, and print the fleet summary (host, release,
mode, state, root cause) of every device: a fleet split across Ansible
forks or a CI matrix, each part collected with slcheck ssh --limit, is
read back as one. The exit code is the whole fleet's, as if one run had
collected it. slcheck file reads such reports too, among captures.`,
		Example: `  slcheck merge reports/*.json
  slcheck merge -o markdown part-leafs.json part-spines.json > fleet.md
  slcheck merge -o openmetrics reports/*.json > /var/lib/node_exporter/textfile/slcheck.prom`,
		Args: needArgs("a JSON report"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := out.validate(); err != nil {
				return err
			}
			doc := newDocument()
			for _, p := range args {
				if err := mergeReport(doc, p); err != nil {
					doc.Errors = append(doc.Errors, inputError(p, err))
				}
			}
			if f, _ := report.ParseFormat(out.output); len(doc.Devices) > 1 && f != report.Text && f != report.Markdown {
				// Text and Markdown lead with the fleet summary; JSON
				// and OpenMetrics have no place for it.
				fmt.Fprintln(st.Err)
				rows := make([]report.SummaryRow, 0, len(doc.Devices))
				for _, d := range doc.Devices {
					rows = append(rows, report.SummaryRowOf(d.Source, d))
				}
				report.WriteSummary(st.Err, rows)
			}
			return renderAndExit(st, doc, out)
		},
	}
	addOutputFlags(cmd, out, st)
	return cmd
}

// mergeReport adds the devices and errors of the JSON report at path to
// doc. A file that is not a slcheck report, or of another schema
// version, is an error naming the file (and the line, for bad JSON).
func mergeReport(doc *report.Document, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fileError(path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return &capture.InputError{File: path, Msg: "is a directory: give the report files in it"}
	}
	var part report.Document
	dec := json.NewDecoder(bufio.NewReaderSize(f, 64<<10))
	if err := dec.Decode(&part); err != nil {
		return jsonError(path, err)
	}
	switch {
	case part.Tool.Name != "slcheck":
		return &capture.InputError{File: path, Msg: "not a slcheck JSON report (no tool \"slcheck\"): give the files slcheck --output json wrote"}
	case part.SchemaVersion != report.SchemaVersion:
		return &capture.InputError{File: path, Msg: fmt.Sprintf("schema_version %d: this slcheck reads reports of schema_version %d", part.SchemaVersion, report.SchemaVersion)}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &capture.InputError{File: path, Msg: "more than one JSON document: give each report as a file of its own"}
	}
	doc.Devices = append(doc.Devices, part.Devices...)
	doc.Errors = append(doc.Errors, part.Errors...)
	return nil
}

// jsonError names the line of a JSON syntax error, reading the file again
// up to its offset.
func jsonError(path string, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var off int64
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
		err = fmt.Errorf("%s holds %s, want %s", te.Field, te.Value, te.Type)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &capture.InputError{File: path, Msg: "not a slcheck JSON report: it ends before the document does", Err: err}
	default:
		return &capture.InputError{File: path, Msg: "not a slcheck JSON report: " + err.Error(), Err: err}
	}
	line := 1
	if f, ferr := os.Open(path); ferr == nil {
		b, _ := io.ReadAll(io.LimitReader(f, off))
		f.Close()
		line += bytes.Count(b, []byte("\n"))
	}
	return &capture.InputError{File: path, Line: line, Msg: "not a slcheck JSON report: " + err.Error(), Err: err}
}

// fileError words a report that cannot be opened as slcheck file words a
// capture.
func fileError(path string, err error) error {
	msg := "cannot open: " + err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file"
	case errors.Is(err, fs.ErrPermission):
		msg = "permission denied: cannot read it"
	}
	return &capture.InputError{File: path, Msg: msg, Err: err}
}

// isReport says whether the file at path is a slcheck JSON report (its
// first key is schema_version, as slcheck writes it), so slcheck file
// merges it instead of reading it as a capture. Only a regular file is
// looked at: what is read from a pipe could not be read again.
func isReport(path string) bool {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 256)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf")), " \t\r\n")
	if !bytes.HasPrefix(head, []byte("{")) {
		return false
	}
	head = bytes.TrimLeft(head[1:], " \t\r\n")
	return bytes.HasPrefix(head, []byte(`"schema_version"`))
}
