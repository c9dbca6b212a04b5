// Package capture turns captured device output (a show tech-support, a
// terminal log with prompts, a bare paste, an SSH session) into sections:
// the text of one command with the file and line it came from. Every front
// door of slcheck produces a Capture; everything after it is shared.
package capture

import "fmt"

// Line is one cleaned line of captured text and its 1-based line number in
// the source it was read from.
type Line struct {
	N    int
	Text string
	// Cut is set when the line was longer than the reader keeps
	// (Options.MaxLineBytes): Text holds its start only.
	Cut bool
}

// Ref points at the line a fact came from, so that every finding can quote
// its evidence as file:line and the text itself.
type Ref struct {
	Command string `json:"command"`
	Source  string `json:"source"`
	Line    int    `json:"line"`
	Text    string `json:"text"`
}

// IsZero reports whether the ref points nowhere.
func (r Ref) IsZero() bool { return r.Source == "" && r.Line == 0 && r.Text == "" }

// String renders the ref as "source:line".
func (r Ref) String() string {
	if r.Line == 0 {
		return r.Source
	}
	return fmt.Sprintf("%s:%d", r.Source, r.Line)
}

// Fact is one value read from a capture and the line it was read from.
// A zero Ref means no line said it, and Value is then T's zero value.
type Fact[T any] struct {
	Value T
	Ref   Ref
}

// Said reports whether a line said it.
func (f Fact[T]) Said() bool { return !f.Ref.IsZero() }

// Or returns f when a line said it, else o: of two captures of the same
// setting, the first one read wins.
func (f Fact[T]) Or(o Fact[T]) Fact[T] {
	if f.Said() {
		return f
	}
	return o
}

// Cite says where a fact came from, for messages: "`show clock`,
// file.txt:12", or "file.txt:12" when the command is not known, "" for the
// zero Ref.
func (r Ref) Cite() string {
	if r.Command == "" {
		return r.String()
	}
	return fmt.Sprintf("`%s`, %s", r.Command, r.String())
}

// Section is the output of one command.
type Section struct {
	// Command is the canonical, unabbreviated command, e.g.
	// "show running-config callhome" for "sh run callhome". Pipes are kept
	// in canonical form: "show running-config | include name-server".
	Command string
	// Typed is the command as it appeared in the input ("sh run callhome"),
	// or "" when the section was recognised by its content alone.
	Typed string
	// Source names where the text came from: a file name, "-" for stdin,
	// or "host:22" for an SSH session.
	Source string
	// Line is the line of the command header or prompt; 0 when the section
	// was recognised by content.
	Line int
	// Lines is the output, without the header or prompt line.
	Lines []Line
	// Truncated is set when the reader stopped keeping lines of this
	// section to bound memory; the lines kept are the first ones.
	Truncated bool
}

// Ref returns the evidence reference for one line of the section.
func (s *Section) Ref(l Line) Ref {
	return Ref{Command: s.Command, Source: s.Source, Line: l.N, Text: l.Text}
}

// HeaderRef returns a reference to the command header itself.
func (s *Section) HeaderRef() Ref {
	typed := s.Typed
	if typed == "" {
		typed = s.Command
	}
	return Ref{Command: s.Command, Source: s.Source, Line: s.Line, Text: typed}
}

// Device is everything captured from one device.
type Device struct {
	// Hostname comes from the prompt, `show switchname`/`show hostname`,
	// or is "" when the input does not say.
	Hostname string
	// Source is the file (or host) the device was read from.
	Source string
	// Format says how the input was shaped: "show-tech", "terminal",
	// "paste" or "ssh".
	Format string
	// Sections in input order. A command may appear more than once.
	Sections []*Section
	// Software names what printed the output (Software* constants), from
	// its content first and its prompts second; SoftwareRef is the line
	// that decided it (zero for SoftwareUnknown). For software other than
	// NX-OS, SoftwareRelease is the release a line of it names ("15.2",
	// "17.03.04"; unsaid when none does).
	Software        string
	SoftwareRef     Ref
	SoftwareRelease Fact[string]
	// Foreign lists, first line first, the lines that show the input is
	// not standalone NX-OS (IOS `Building configuration...`, IOS-XE
	// `show call-home`, an IOS-XR prompt, an ACI-mode chassis line, ...);
	// empty for NX-OS.
	Foreign []Ref
	// Mixed lists, first line first, lines of IOS-family output that
	// NX-OS never prints found beside a line naming NX-OS (an IOS-XE
	// `show call-home` pasted with a Nexus `show version`): the input
	// holds output of more than one device.
	Mixed []Ref
	// Alike lists, first line first, when Software is unknown, the lines
	// of blocks IOS-XE's Smart Agent prints that NX-OS under Smart
	// Licensing Using Policy may print too (`Utility:`, `Data Privacy:`,
	// `Transport:`, `Export Authorization Key:`): the input may be IOS-XE
	// output, which nothing in it confirms or rules out.
	Alike []Ref
	// Collected is set when the input is a session slcheck ssh collected.
	Collected *Collected
}

// Find returns the sections whose canonical command satisfies match, in
// input order.
func (d *Device) Find(match func(cmd string) bool) []*Section {
	var out []*Section
	for _, s := range d.Sections {
		if match(s.Command) {
			out = append(out, s)
		}
	}
	return out
}

// Capture is the result of reading one input.
type Capture struct {
	Source  string
	Devices []*Device
}

// InputError is a problem with an input: unreadable, not text, no NX-OS
// output in it. It names the file and, where it applies, the line.
type InputError struct {
	File string
	Line int
	Msg  string
	Err  error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func (e *InputError) Unwrap() error { return e.Err }
