package capture

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// devState is a device being read and what the splitter knows about it.
type devState struct {
	dev *Device
	// seen counts the sections recognised, kept or not: a device whose
	// sections were all left out by Select is still NX-OS output.
	seen int
	// techSections counts show-tech sections since its show-tech began; a
	// second `show switchname` after some means a second show-tech.
	techSections int
	// first is the line of its first command header (0: none), to name
	// where a device past Options.MaxDevices starts.
	first int
	// signs are the lines that show which software printed the output;
	// nxos is the first line only NX-OS prints (isNXOSLine), named the
	// first that names NX-OS or its release (namesNXOS).
	signs       []sign
	nxos, named Ref
	// classic and slp are set when a licence output showed the classic
	// layout ("Registration:") or the Using Policy one.
	classic, slp bool
}

// splitter turns cleaned lines into devices and sections.
type splitter struct {
	name string
	opt  Options
	devs []*devState
	d    *devState
	// byHost finds the device of a prompt's hostname, lower-cased: a log
	// that prompts `switch1#` and later `Switch1#` is one switch (NX-OS
	// prints the hostname as configured; a log whose prompts differ only in
	// case was edited or retyped, not taken from two switches). Two switches
	// that really share a name up to case still show different `show
	// switchname`, `Device name:` or serial lines, which PLT003 reports as
	// mixed.
	byHost map[string]*devState
	// promptHosts are the hostnames seen in prompts, lower-cased; inside a
	// show-tech only a prompt of one of them ends it, so output that looks
	// like a prompt does not split a show-tech.
	promptHosts map[string]bool

	lastQuiet *quietScanner // the last section's, for reuse

	cur      *Section // the kept section receiving lines, or nil
	curCmd   string   // the current section's command, kept or not
	curBody  int      // non-blank lines the current section has had
	curBytes int
	// curKeys are the keys of the lines from inside an output that the
	// current section has had (header.key).
	curKeys []string
	filter  func(string) bool
	// quiet looks for the lines of the current section that need the
	// line path (nil: all do).
	quiet *quietScanner
	// skipping: the current section is not kept and no line of it is
	// needed, so the line reader may skip to the next header.
	skipping bool
	wantHost bool // the next non-blank line is `show switchname` output
	banner   *Ref // a "Smart Licensing Status" line, strong if underlined

	// shared is the first line that began an output IOS prints alike
	// (header.shared), named when nothing else is found.
	shared *Ref

	prompted bool // a prompt was seen in this input
	tech     bool // a show-tech header was seen in this input
	kept     int64
	sections int
	cl       cleaner
	// free is the room for kept lines, texts the chunk of their text (seal,
	// text).
	free  []Line
	texts []byte
	// lineChunk and textChunk are the sizes of the last chunks.
	lineChunk, textChunk int
	// collected is the header of a session slcheck ssh collected.
	collected *Collected
}

func newSplitter(name string, opt Options) *splitter {
	s := &splitter{name: name, opt: opt, byHost: map[string]*devState{}, promptHosts: map[string]bool{}}
	s.newDevice()
	return s
}

func (s *splitter) newDevice() {
	s.endSection()
	s.d = &devState{dev: &Device{Source: s.name, Format: "paste"}}
	s.devs = append(s.devs, s.d)
}

// pasteMode: no prompt and no show-tech header yet, so sections are found
// by their content.
func (s *splitter) pasteMode() bool { return !s.prompted && !s.tech }

func (s *splitter) endSection() {
	s.seal()
	s.cur, s.curCmd, s.curBody, s.curBytes, s.filter = nil, "", 0, 0, nil
	if s.quiet != nil {
		s.lastQuiet, s.quiet = s.quiet, nil
	}
	s.curKeys = s.curKeys[:0]
	s.skipping, s.wantHost, s.banner = false, false, nil
}

// line handles one raw line; n is its line number.
func (s *splitter) line(raw []byte, cut bool, n int) error {
	t := s.cl.clean(raw)
	if len(t) > s.opt.MaxLineBytes {
		// Latin-1 bytes grow when made UTF-8: cut again, on a rune boundary.
		k := s.opt.MaxLineBytes
		for k > 0 && !utf8.RuneStart(t[k]) {
			k--
		}
		t, cut = t[:k], true
	}
	if len(t) == 0 {
		s.body(t, cut, n)
		return nil
	}
	if n == 1 {
		if host, at, ok := parseCollected(string(t)); ok {
			s.collected = &Collected{Host: host, WorkstationTime: at,
				Ref: Ref{Source: s.name, Line: n, Text: string(t)}}
			return nil
		}
	}
	if s.collected != nil && t[0] == outputMark {
		s.body(t[1:], cut, n) // output, marked by the collector
		return nil
	}
	if cmd, ok := backtickHeader(t); ok {
		return s.techHeader(cmd, n)
	}
	if techBanner(t) {
		if s.d.techSections > 0 {
			s.newDevice()
		}
		s.endSection()
		s.tech = true
		s.d.dev.Format = "show-tech"
		return nil
	}
	if s.promptsPossible() {
		if p, ok := parsePrompt(t); ok && s.acceptPrompt(p) {
			return s.prompt(p, string(t), n)
		}
	}
	if s.pasteMode() {
		if h, ok := pasteHeader(t); ok {
			if !continues(h, s.curCmd, s.curBody, s.curKeys) {
				if h.shared && s.shared == nil {
					s.shared = &Ref{Command: h.cmd, Source: s.name, Line: n, Text: string(t)}
				}
				line := 0
				if h.typed != "" {
					line = n
				}
				if err := s.start(h.cmd, h.typed, line, h.shared); err != nil {
					return err
				}
				if h.typed != "" {
					return nil
				}
			}
			if h.key != "" {
				s.curKeys = append(s.curKeys, h.key)
			}
		}
	}
	s.body(t, cut, n)
	return nil
}

// promptsPossible: inside a show-tech read from a file (no prompt seen),
// no line is a prompt.
func (s *splitter) promptsPossible() bool {
	return s.d.techSections == 0 || len(s.promptHosts) > 0
}

func (s *splitter) acceptPrompt(p prompt) bool {
	if s.d.techSections > 0 {
		return s.promptHosts[hostKey(p.host)]
	}
	if p.cmd == "" && !p.config {
		// A bare "word#" is a prompt only in a terminal log already, and
		// only of a switch already seen at a prompt: a banner's "ACCESS#"
		// or another switch's name in output is output. (A switch reached
		// from this one shows its name with its first command.)
		return s.prompted && s.promptHosts[hostKey(p.host)]
	}
	return true
}

// hostKey is the key of a hostname in byHost and promptHosts.
func hostKey(h string) string { return strings.ToLower(h) }

func (s *splitter) techHeader(typed string, n int) error {
	cmd := Canonical(typed)
	if (cmd == "show switchname" || cmd == "show hostname") && s.d.techSections > 0 {
		s.newDevice() // a second show-tech follows the first
	}
	s.tech = true
	s.d.techSections++
	s.d.dev.Format = "show-tech"
	if s.d.nxos.IsZero() {
		// Only NX-OS's show tech-support puts each command between
		// backticks [V, domain §7].
		s.d.nxos = Ref{Command: cmd, Source: s.name, Line: n, Text: typed}
	}
	return s.start(cmd, typed, n, false)
}

func (s *splitter) prompt(p prompt, text string, n int) error {
	s.prompted = true
	s.promptHosts[hostKey(p.host)] = true
	switch ds := s.byHost[hostKey(p.host)]; {
	case ds != nil:
		s.d = ds
	case s.d.dev.Hostname != "" && !strings.EqualFold(s.d.dev.Hostname, p.host):
		s.newDevice()
		fallthrough
	default:
		s.setHost(p.host)
	}
	s.d.techSections = 0
	if s.d.dev.Format == "paste" {
		s.d.dev.Format = "terminal"
	}
	cmd := Canonical(p.cmd)
	switch ref := (Ref{Command: cmd, Source: s.name, Line: n, Text: text}); {
	case p.software == SoftwareIOSXR:
		// NX-OS never prints a node name in its prompt.
		s.d.signs = append(s.d.signs, sign{SoftwareIOSXR, trustExact, ref})
	case p.software != "":
		s.d.signs = append(s.d.signs, sign{p.software, trustPrompt, ref})
	case p.noSpace:
		s.d.signs = append(s.d.signs, sign{SoftwareIOSXE, trustPrompt, ref})
	}
	if p.cmd == "" {
		s.endSection()
		s.skipping = true
		return nil
	}
	return s.start(cmd, p.cmd, n, false)
}

func (s *splitter) setHost(h string) {
	if s.d.dev.Hostname == "" {
		s.d.dev.Hostname = h
	}
	if s.byHost[hostKey(h)] == nil {
		s.byHost[hostKey(h)] = s.d
	}
}

// start begins a section; line is the header's line, 0 when the section
// was recognised by its content, whose line is shared with IOS when
// shared is set.
func (s *splitter) start(cmd, typed string, line int, shared bool) error {
	s.endSection()
	s.curCmd = cmd
	if s.d.first == 0 {
		s.d.first = line
	}
	if line != 0 || !shared {
		s.d.seen++
	}
	if typed != "" && foreignCommand(cmd) {
		s.d.signs = append(s.d.signs, sign{SoftwareIOSXE, trustAlike, Ref{Command: cmd, Source: s.name, Line: line, Text: typed}})
	}
	s.wantHost = (cmd == "show switchname" || cmd == "show hostname") && s.d.dev.Hostname == ""
	keep, filter := true, (func(string) bool)(nil)
	if s.opt.Select != nil {
		keep, filter = s.opt.Select(cmd)
	}
	if !keep {
		s.skipping = !s.pasteMode() && !s.wantHost
		return nil
	}
	s.sections++
	if s.sections > s.opt.MaxSections {
		return &InputError{File: s.name, Line: line, Msg: fmt.Sprintf("more than %d command sections kept: not a capture slcheck can read whole (select fewer commands)", s.opt.MaxSections)}
	}
	s.cur = &Section{Command: cmd, Typed: typed, Source: s.name, Line: line}
	if cap(s.free) < minFreeLines {
		s.lineChunk = min(max(2*s.lineChunk, minFreeLines*2), maxLineChunk)
		s.free = make([]Line, 0, s.lineChunk)
	}
	s.cur.Lines = s.free
	s.filter = filter
	if filter != nil && s.opt.Needles != nil && !s.opt.lineByLine {
		s.quiet = s.quietFor(s.opt.Needles(cmd))
	}
	s.kept += sectionCost
	s.d.dev.Sections = append(s.d.dev.Sections, s.cur)
	return nil
}

// quietFor returns the quiet scanner for needles, the last one when it
// was built from the same.
func (s *splitter) quietFor(needles []string) *quietScanner {
	if s.lastQuiet != nil && slices.Equal(s.lastQuiet.needles, needles) {
		return s.lastQuiet
	}
	return newQuietScanner(needles)
}

// quietScanner returns the current section's quiet scanner when what
// splitter.line does with a line it finds nothing in is only to count
// it: a kept, filtered section of a show-tech read from a file (no
// prompts, not pasted, not a collected session, a line naming NX-OS
// seen: until then body reads each line for one), no licence output
// (lineSign reads its layout lines), no pending banner or hostname, and no
// time stamp before every line (the cleaner removes it, and the scanner
// would take a stamped header for a log line, as both start with a digit).
func (s *splitter) quietScanner() *quietScanner {
	if s.quiet == nil || s.cur == nil || s.cur.Truncated || s.pasteMode() || s.promptsPossible() ||
		s.collected != nil || s.banner != nil || s.wantHost || s.d.named.IsZero() || s.cl.stamp != nil ||
		strings.HasPrefix(s.curCmd, famLicense) {
		return nil
	}
	return s.quiet
}

// sectionCost and lineCost approximate the memory a kept section and a
// kept line hold besides their text, for the MaxKeptBytes budget.
const (
	sectionCost = 256
	lineCost    = 48
)

func (s *splitter) body(t []byte, cut bool, n int) {
	if len(t) > 0 {
		s.curBody++
		s.foreign(t, n)
		if s.d.named.IsZero() && isNXOSLine(t) {
			ref := Ref{Command: s.curCmd, Source: s.name, Line: n, Text: string(t)}
			if s.d.nxos.IsZero() {
				s.d.nxos = ref
			}
			if namesNXOS(t) {
				s.d.named = ref
			}
		}
		if s.cur != nil && s.cur.Line == 0 && s.curCmd == "show license status" && usageOnly(t) &&
			containsString(s.curKeys, "authorization") && !containsString(s.curKeys, "enabled") {
			// Pasted from "License Authorization:" on, with a package
			// block: SLP `show license usage`, not a classic status.
			s.cur.Command, s.curCmd = "show license usage", "show license usage"
		}
		if s.wantHost {
			s.setHost(strings.Fields(string(t))[0])
			s.wantHost = false
			s.skipping = s.cur == nil && !s.pasteMode()
		}
	}
	c := s.cur
	if c == nil || c.Truncated {
		return
	}
	// The filter sees the line without a copy; Options says it must not
	// keep the string.
	if s.filter != nil && !s.filter(unsafe.String(unsafe.SliceData(t), len(t))) {
		return
	}
	cost := int64(len(t) + lineCost)
	if len(c.Lines) >= s.opt.MaxSectionLines || s.curBytes+len(t) > s.opt.MaxSectionBytes || s.kept+cost > s.opt.MaxKeptBytes {
		c.Truncated = true
		// Nothing more of this section is kept: skip to the next header.
		s.skipping = !s.pasteMode() && !s.wantHost
		return
	}
	s.curBytes += len(t)
	s.kept += cost
	c.Lines = append(c.Lines, Line{N: n, Text: s.text(t), Cut: cut})
}

// Kept lines are allocated in chunks, not one by one: a session of a
// fleet's host keeps about a thousand, and their allocations were a good
// part of its read. The section being read appends to the room left in
// s.free (append moves it elsewhere once the room is used up), and seal
// gives it the lines it used, capped, so that an append to a section's
// Lines by a caller never writes into another's. A line's text is a part
// of a chunk of text that is only ever appended to. Chunks double from
// small ones, so a read that keeps a few lines allocates little more than
// them.
const (
	minFreeLines = 16
	maxLineChunk = 512
	minTextChunk = 2 << 10
	maxTextChunk = 32 << 10
)

// seal ends the current section's use of s.free.
func (s *splitter) seal() {
	c := s.cur
	if c == nil {
		return
	}
	n := len(c.Lines)
	if n > 0 && cap(s.free) > 0 && &c.Lines[0] == &s.free[:1][0] {
		s.free = s.free[n:n]
	}
	if n == 0 {
		c.Lines = nil // as an append-only section had it
		return
	}
	c.Lines = c.Lines[:n:n]
}

// text is t as a string, copied into s.texts (a new chunk when it has no
// room; a long line gets a string of its own).
func (s *splitter) text(t []byte) string {
	if len(t) == 0 {
		return ""
	}
	if len(t) > maxTextChunk/8 {
		return string(t)
	}
	if cap(s.texts)-len(s.texts) < len(t) {
		s.textChunk = min(max(2*s.textChunk, minTextChunk), maxTextChunk)
		s.texts = make([]byte, 0, s.textChunk)
	}
	at := len(s.texts)
	s.texts = append(s.texts, t...)
	// Bytes of a chunk are never written again once appended.
	return unsafe.String(&s.texts[at], len(t))
}

func (s *splitter) foreign(t []byte, n int) {
	banner := s.banner
	s.banner = nil
	sw, tr, lay := lineSign(t, strings.HasPrefix(s.curCmd, famLicense))
	ref := func() Ref { return Ref{Command: s.curCmd, Source: s.name, Line: n, Text: string(t)} }
	switch {
	case tr != 0:
		s.d.signs = append(s.d.signs, sign{sw, tr, ref()})
	case lay == bannerLayout:
		r := ref()
		s.banner = &r
	case lay == classicLayout:
		s.d.classic = true
	case lay == slpLayout:
		s.d.slp = true
	case banner != nil && isUnderline(t):
		// "Smart Licensing Status" over '=': IOS-XE's licence banner
		// [domain §6b, §7].
		s.d.signs = append(s.d.signs, sign{SoftwareIOSXE, trustAlike, *banner})
	}
}

// finish returns the devices that had NX-OS (or foreign) output.
func (s *splitter) finish() (*Capture, error) {
	s.seal()
	c := &Capture{Source: s.name}
	for _, ds := range s.devs {
		if ds.seen == 0 && len(ds.signs) == 0 && ds.nxos.IsZero() {
			continue
		}
		ds.identify()
		ds.dev.Collected = s.collected
		c.Devices = append(c.Devices, ds.dev)
		if len(c.Devices) > s.opt.MaxDevices {
			return nil, &InputError{File: s.name, Line: ds.first, Msg: fmt.Sprintf("more than %d devices in one input: "+
				"give each switch's capture as a file of its own", s.opt.MaxDevices)}
		}
	}
	if len(c.Devices) == 0 {
		if r := s.shared; r != nil {
			text := strings.TrimSpace(r.Text)
			if len(text) > 80 {
				k := 80
				for k > 0 && !utf8.RuneStart(text[k]) {
					k--
				}
				text = text[:k] + "..."
			}
			return nil, &InputError{File: s.name, Line: r.Line, Msg: fmt.Sprintf("%s; here %q reads as `%s` output, which IOS prints alike: "+
				"add a line only NX-OS prints, such as its `show version`", noOutputMsg, text, r.Command)}
		}
		return nil, &InputError{File: s.name, Msg: noOutputMsg}
	}
	return c, nil
}

// noOutputMsg says what slcheck looks for, for an input with none of it.
const noOutputMsg = "no NX-OS output found: expected a show tech-support, a terminal log with " +
	"`switch# show ...` prompts, or pasted output slcheck recognises by content: show version (from any of its " +
	"banner, release, chassis or Device name lines), show running-config (its `!Command:` or `!Time:` header, " +
	"a `version 9.3(10)` line, or config blocks such as `callhome`, `vrf context`, `interface mgmt0`), " +
	"show license status/summary/usage, show hosts, `IP Route Table for VRF`, a `PING host (address)`; " +
	"a clock, syslog lines or certificates alone look the same on IOS"

// identify names the device's software from its signs (decide). The
// IOS-XE Smart Agent blocks NX-OS may print under Smart Licensing Using
// Policy (trustWeak) show IOS-XE in a classic layout, which NX-OS prints
// without them; otherwise they count only beside a stronger sign.
func (ds *devState) identify() {
	signs := ds.signs
	if ds.classic && !ds.slp {
		signs = make([]sign, len(ds.signs))
		for i, sg := range ds.signs {
			if sg.trust == trustWeak {
				sg.trust = trustFamily
			}
			signs[i] = sg
		}
	}
	d := ds.dev
	// Set afresh: a Stream identifies its devices at each of its reads.
	d.Alike, d.SoftwareRelease = nil, Fact[string]{}
	d.Software, d.SoftwareRef, d.Foreign, d.Mixed = decide(signs, ds.nxos, ds.named)
	if d.Software == SoftwareUnknown {
		for _, sg := range signs {
			if sg.trust == trustWeak {
				d.Alike = append(d.Alike, sg.ref)
			}
		}
	}
	if d.Software == SoftwareNXOS || d.Software == SoftwareUnknown {
		return
	}
	// The release from the first line of that software that names one
	// (": Saved" decides an ASA config, "ASA Version 9.8(2)" follows).
	for _, sg := range append([]sign{{software: d.Software, ref: d.SoftwareRef}}, signs...) {
		if sg.software == d.Software && sg.trust != trustWeak {
			if r := signRelease(sg.ref.Text); r != "" {
				d.SoftwareRelease = Fact[string]{Value: r, Ref: sg.ref}
				return
			}
		}
	}
}
