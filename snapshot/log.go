package snapshot

import "github.com/slcheck/slcheck/capture"

// Log is the log of a session slcheck ssh collects, read as it grows: the
// collector reads it mid-way to learn the licensing path, the diagnosis
// reads it whole at the end, and each line is split and each section
// parsed once. Read and Build return what capture.Read (default Options)
// and Build return for the log as it is.
type Log struct {
	stream  *capture.Stream
	builder Builder
}

// NewLog returns the Log of a session whose log is named name (the
// sections' Source).
func NewLog(name string) *Log { return &Log{stream: capture.NewStream(name)} }

// Name is the name the log is read under.
func (l *Log) Name() string { return l.stream.Name() }

// Add reads part, the log's continuation: lines, each ending in '\n'.
func (l *Log) Add(part string) { l.stream.Add(part) }

// Read returns capture.Read(l.Name(), text, capture.Options{}); text is
// what was added, joined.
func (l *Log) Read(text string) (*capture.Capture, error) { return l.stream.Read(text) }

// Build returns Build(dev) for a device Read returned; valid until the
// next call.
func (l *Log) Build(dev *capture.Device) *Snapshot { return l.builder.Build(dev) }
