package snapshot

import "github.com/slcheck/slcheck/capture"

// Build parses every section of one device into a Snapshot.
// TODO(parsers owner): call the parsers and merge their facts.
func Build(dev *capture.Device) *Snapshot {
	s := &Snapshot{Source: dev.Source, Hostname: dev.Hostname, Format: dev.Format,
		Commands: map[string]bool{}, Foreign: dev.Foreign}
	for _, sec := range dev.Sections {
		s.Commands[sec.Command] = true
	}
	return s
}
