package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"reflect"
	"slices"

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
			m := &merger{doc: doc, warn: func(msg string) { printError(st.Err, "warning: "+msg) }}
			for _, p := range args {
				if err := m.add(p); err != nil {
					doc.Errors = append(doc.Errors, inputError(p, err))
				}
			}
			if len(doc.Devices) > 1 {
				rows := make([]report.SummaryRow, 0, len(doc.Devices))
				for _, d := range doc.Devices {
					rows = append(rows, report.SummaryRowOf(d.Source, d))
				}
				out.summaryAside(st, rows)
			}
			return renderAndExit(st, doc, out)
		},
	}
	addOutputFlags(cmd, out, st)
	return cmd
}

// merger merges JSON reports into one document. What a later report
// says of a source (a switch's host:port, a capture file, an archive
// member) replaces what an earlier one said, with a warning: parts that
// overlap (a host in two --limit groups), or a run retried on the hosts
// that failed, give each switch once, as one run over the whole fleet
// would.
type merger struct {
	doc  *report.Document
	warn func(string)
	// from is the report each source came from.
	from map[string]string
}

// add adds the devices and errors of the JSON report at path. A file that
// is not a slcheck report, or of another schema version, is an error
// naming the file (and the line, for bad JSON).
func (m *merger) add(path string) error {
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
	m.replace(path, &part)
	m.doc.Devices = append(m.doc.Devices, part.Devices...)
	m.doc.Errors = append(m.doc.Errors, part.Errors...)
	return nil
}

// replace settles what part reports again (a device or error of the
// same source: a switch's host:port, a capture file, an archive member),
// saying so: the later report's entries replace the earlier ones, except
// that a diagnosis is never replaced by a failure to collect or read the
// same source (a retry that failed). It records where part's entries
// come from.
func (m *merger) replace(path string, part *report.Document) {
	if m.from == nil {
		m.from = map[string]string{}
	}
	again, diagnosed := map[string]bool{}, map[string]bool{}
	for _, d := range part.Devices {
		again[d.Source], diagnosed[d.Source] = true, true
	}
	for _, e := range part.Errors {
		again[e.Source] = true
	}
	had := map[string]bool{}
	for _, d := range m.doc.Devices {
		had[d.Source] = true
	}
	keepOld := func(source string) bool { return had[source] && !diagnosed[source] }
	for _, source := range slices.Sorted(maps.Keys(again)) {
		earlier, ok := m.from[source]
		if !ok {
			earlier = "an input read before it"
		}
		switch {
		case keepOld(source):
			m.warn(fmt.Sprintf("%s: %s is also in %s, which diagnosed it: that diagnosis is kept", path, source, earlier))
		case had[source] || hasError(m.doc.Errors, source):
			m.warn(fmt.Sprintf("%s: %s is also in %s: the later report's result is kept", path, source, earlier))
		default:
			continue
		}
		if !keepOld(source) {
			m.from[source] = path
		}
	}
	m.doc.Devices = slices.DeleteFunc(m.doc.Devices, func(d report.Device) bool {
		return again[d.Source] && !keepOld(d.Source)
	})
	m.doc.Errors = slices.DeleteFunc(m.doc.Errors, func(e report.Error) bool {
		return again[e.Source] && !keepOld(e.Source)
	})
	part.Errors = slices.DeleteFunc(part.Errors, func(e report.Error) bool { return keepOld(e.Source) })
	for source := range again {
		if _, ok := m.from[source]; !ok {
			m.from[source] = path
		}
	}
}

// hasError says whether errs holds one of source.
func hasError(errs []report.Error, source string) bool {
	return slices.ContainsFunc(errs, func(e report.Error) bool { return e.Source == source })
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
		err = typeError(te)
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

// typeError words a JSON value of the wrong type in JSON's terms, not
// Go's ("devices.results holds number, want array").
func typeError(te *json.UnmarshalTypeError) error {
	want := "object"
	switch te.Type.Kind() {
	case reflect.String:
		want = "string"
	case reflect.Bool:
		want = "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		want = "number"
	case reflect.Slice, reflect.Array:
		want = "array"
	}
	if te.Field == "" {
		return fmt.Errorf("it is a JSON %s, want the object slcheck --output json writes", te.Value)
	}
	return fmt.Errorf("%s holds %s, want %s", te.Field, te.Value, want)
}

// fileError words a report that cannot be opened as slcheck file words a
// capture.
func fileError(path string, err error) error {
	return &capture.InputError{File: path, Msg: capture.OpenProblem(err), Err: err}
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
