package snapshot

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

// Build parses every section of one device into a Snapshot: each section
// goes to the parser of its canonical command, running-config fragments
// merge into one Config, and the capture time is settled last.
func Build(dev *capture.Device) *Snapshot { return new(Builder).Build(dev) }

// Builder builds the snapshots of a device whose sections grow, as a
// capture.Stream's do: Build returns what the function Build returns for
// the device as it is, parsing only the sections added since its last
// call. It starts over for another device, or when the last section it
// parsed has changed since (lines added to it).
type Builder struct {
	dev  *capture.Device
	b    builder
	last lastSection
}

// lastSection is the last section a Builder parsed, as it was then.
type lastSection struct {
	sec       *capture.Section
	cmd       string
	lines     int
	truncated bool
}

func lastOf(secs []*capture.Section) lastSection {
	if len(secs) == 0 {
		return lastSection{}
	}
	sec := secs[len(secs)-1]
	return lastSection{sec: sec, cmd: sec.Command, lines: len(sec.Lines), truncated: sec.Truncated}
}

// Build returns the snapshot of dev; the Snapshot shares the facts parsed
// so far with the Builder, and is valid until its next call.
func (bl *Builder) Build(dev *capture.Device) *Snapshot {
	done := len(bl.b.parsed)
	if bl.dev != dev || len(dev.Sections) < done || !slices.Equal(dev.Sections[:done], bl.b.parsed) ||
		lastOf(dev.Sections[:done]) != bl.last {
		done = 0
	}
	if done == 0 {
		bl.dev = dev
		bl.b = builder{s: &Snapshot{Commands: map[string]bool{}, Routes: map[string]*parsers.RouteTable{}},
			whole: map[string]bool{}, filters: map[string]string{}}
	}
	b := &bl.b
	for _, sec := range dev.Sections[done:] {
		b.s.Commands[sec.Command] = true
		// Each section goes to the reader of its command's family.
		fam := familyOf(sec.Command)
		b.filtered(sec.Command, fam)
		if fam.read != nil {
			fam.read(b, sec)
		}
		b.parsed = append(b.parsed, sec)
	}
	bl.last = lastOf(dev.Sections)
	return b.finish(dev)
}

// finish settles what the device's sections decide together on a copy of
// the facts parsed, so that more sections can follow.
func (b builder) finish(dev *capture.Device) *Snapshot {
	s := new(Snapshot)
	*s = *b.s
	b.s = s
	s.Commands, s.Routes = maps.Clone(s.Commands), maps.Clone(s.Routes)
	s.Source, s.Hostname, s.Format = dev.Source, dev.Hostname, dev.Format
	s.Foreign, s.Alike, s.Mixed = dev.Foreign, dev.Alike, slices.Clip(dev.Mixed)
	s.Software, s.SoftwareRef, s.SoftwareRelease = dev.Software, dev.SoftwareRef, dev.SoftwareRelease
	if s.Software == "" {
		s.Software = capture.SoftwareUnknown
	}
	for family, f := range b.filters {
		if !b.whole[family] {
			if s.Filtered == nil {
				s.Filtered = map[string]string{}
			}
			s.Filtered[family] = f
		}
	}
	if s.Hostname == "" {
		switch {
		case s.Config != nil && s.Config.Hostname.Value != "":
			s.Hostname = s.Config.Hostname.Value
		case s.Version != nil && s.Version.DeviceName.Value != "":
			s.Hostname = s.Version.DeviceName.Value
		}
	}
	if c := dev.Collected; c != nil {
		s.Collection = &Collection{Host: c.Host, WorkstationTime: c.WorkstationTime, Ref: c.Ref}
	}
	b.identity()
	b.capturedAt()
	if s.NXOS() {
		// Other software's path is not NX-OS's to decide (PLT003).
		s.Path = PathOf(s)
	}
	return s
}

type builder struct {
	s *Snapshot
	// names are the device names seen (show version, hostname lines,
	// show switchname), for mixed-capture detection.
	names []capture.Fact[string]
	// serials are the "Processor Board ID"s seen.
	serials []capture.Fact[string]
	// techDate is the first date of a show tech-support header.
	techDate *capture.Fact[string]
	// whole says, per parser family, that an output of it was captured
	// whole (parsers.FilterKeeps); filters holds the first filter that may
	// have narrowed one.
	whole   map[string]bool
	filters map[string]string
	// parsed are the sections read so far (Builder).
	parsed []*capture.Section
}

// filtered records whether the output of cmd was captured whole for its
// parser family fam; a running-config's filter is recorded for messages, its
// topics being settled by parsers.ConfigCoverage.
func (b *builder) filtered(cmd string, fam family) {
	if fam.name == "config" {
		if f := parsers.Filter(cmd); f != "" && b.s.ConfigFilter == "" {
			b.s.ConfigFilter = f
		}
		return
	}
	switch {
	case fam.samples == nil:
	case parsers.FilterKeeps(cmd, fam.samples):
		b.whole[fam.name] = true
	case b.filters[fam.name] == "":
		b.filters[fam.name] = parsers.Filter(cmd)
	}
}

// The readers of the families (families): each parses a section and
// keeps what it adds to the snapshot.

func (b *builder) version(sec *capture.Section) {
	v := parsers.ParseVersion(sec)
	if v == nil {
		return
	}
	if b.s.Version == nil {
		b.s.Version = v
	}
	if v.DeviceName.Value != "" {
		b.names = append(b.names, v.DeviceName)
	}
	if v.Serial.Value != "" {
		b.serials = append(b.serials, v.Serial)
	}
}

func (b *builder) clock(sec *capture.Section) {
	if c := parsers.ParseClock(sec); c != nil && b.s.Clock == nil {
		b.s.Clock = c
	}
}

func (b *builder) config(sec *capture.Section) {
	c := parsers.ParseRunningConfig(sec)
	if sec.Truncated {
		// Lines after the cut are missing: an absent line proves
		// nothing, though the lines kept are still facts.
		c.Covers = nil
	}
	if c.Hostname.Value != "" {
		b.names = append(b.names, c.Hostname)
	}
	b.s.Config = merge(b.s.Config, c, fillConfig)
}

func (b *builder) license(sec *capture.Section) {
	if !parsers.FilterKeeps(sec.Command, parsers.SampleLicenseLines) {
		// The parser reads states by the block they stand in; a filter
		// that drops block headers leaves lines it would misread. The
		// checks name the filter instead.
		return
	}
	if l := parsers.ParseLicense(sec); l != nil {
		b.s.License = merge(b.s.License, l, fillLicense)
	}
}

func (b *builder) route(sec *capture.Section) {
	if rt := parsers.ParseRoutes(sec); rt != nil {
		// A whole table wins over a lookup of one address.
		if old := b.s.Routes[rt.VRF]; old == nil || old.Query != "" && rt.Query == "" {
			b.s.Routes[rt.VRF] = rt
		}
	}
}

func (b *builder) hosts(sec *capture.Section) {
	if h := parsers.ParseHosts(sec); h != nil && b.s.Hosts == nil {
		b.s.Hosts = h
	}
}

func (b *builder) logging(sec *capture.Section) {
	b.s.LogsCaptured = true
	b.s.Logs = append(b.s.Logs, parsers.ParseLogging(sec)...)
}

func (b *builder) crypto(sec *capture.Section) {
	if t := parsers.ParseTrustStore(sec); t != nil {
		b.s.Trust = merge(b.s.Trust, t, fillTrust)
	}
}

func (b *builder) ping(sec *capture.Section) {
	if p := parsers.ParsePing(sec); p != nil {
		b.s.Pings = append(b.s.Pings, *p)
	}
}

func (b *builder) telnet(sec *capture.Section) {
	if t := parsers.ParseTCPTest(sec); t != nil {
		b.s.TCPTests = append(b.s.TCPTests, *t)
	}
}

// name reads show switchname or show hostname: the first word printed.
func (b *builder) name(sec *capture.Section) {
	for _, l := range sec.Lines {
		if n := strings.TrimSpace(l.Text); n != "" {
			b.names = append(b.names, capture.Fact[string]{Value: strings.Fields(n)[0], Ref: sec.Ref(l)})
			return
		}
	}
}

func (b *builder) tech(sec *capture.Section) {
	if b.techDate == nil {
		b.techDate = techHeaderDate(sec)
	}
}

// techHeaderDate finds the first date among the first lines of a show
// tech-support header section.
func techHeaderDate(sec *capture.Section) *capture.Fact[string] {
	for i, l := range sec.Lines {
		if i >= 20 {
			break
		}
		text := l.Text
		if j := strings.Index(text, ":"); j >= 0 && j < 30 && !strings.ContainsAny(text[:j], "0123456789") {
			text = text[j+1:] // "Time: Wed Jun 22 ..." style label
		}
		if _, _, ok := parsers.ParseDate(strings.Trim(text, " -`")); ok {
			return &capture.Fact[string]{Value: text, Ref: sec.Ref(l)}
		}
	}
	return nil
}

// identity records in Mixed the lines that show two devices in one
// capture: different device names or serial numbers.
func (b *builder) identity() {
	for _, list := range [][]capture.Fact[string]{b.names, b.serials} {
		for i := 1; i < len(list); i++ {
			if !strings.EqualFold(list[i].Value, list[0].Value) {
				b.s.Mixed = appendRef(b.s.Mixed, list[0].Ref)
				b.s.Mixed = appendRef(b.s.Mixed, list[i].Ref)
			}
		}
	}
}

func appendRef(list []capture.Ref, r capture.Ref) []capture.Ref {
	for _, x := range list {
		if x == r {
			return list
		}
	}
	return append(list, r)
}

// capturedAt settles the time deadlines are judged against: `show clock`,
// then the config's "!Time:", then a show-tech header date, then the
// newest log line. The clock of the machine running slcheck is never used.
func (b *builder) capturedAt() {
	s := b.s
	switch {
	case s.Clock != nil:
		s.CapturedAt = capture.Fact[time.Time]{Value: s.Clock.Time, Ref: s.Clock.Ref}
	case s.Config != nil && !s.Config.Time.Value.IsZero():
		s.CapturedAt = s.Config.Time
	case b.techDate != nil:
		t, _, _ := parsers.ParseDate(strings.Trim(b.techDate.Value, " -`"))
		s.CapturedAt = capture.Fact[time.Time]{Value: t, Ref: b.techDate.Ref}
	default:
		for _, ev := range s.Logs {
			if !ev.Time.IsZero() && ev.Time.After(s.CapturedAt.Value) {
				s.CapturedAt = capture.Fact[time.Time]{Value: ev.Time, Ref: ev.Ref}
			}
		}
	}
}
