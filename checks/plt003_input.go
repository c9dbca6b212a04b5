package checks

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:       "PLT003",
		Title:    "Input is NX-OS output from one device",
		Area:     AreaPlatform,
		Severity: Error,
		Applies:  AnyInput,
		Needs:    []string{snapshot.CmdVersion},
		References: []string{
			refDoc217965,
		},
		Explain: Explain{
			What: "Whether the input is standalone NX-OS output from one switch, or shows other Cisco software: IOS or IOS-XE (`Building configuration...`, `version 15.2`, `show call-home`, the `Smart Licensing Status` banner, the Utility/Data Privacy/Export Authorization Key blocks of a classic `show license status`), IOS-XR (`RP/0/RP0/CPU0:` prompts and log lines), ASA (`ASA Version`, `ciscoasa#` prompts) or a Nexus 9000 in ACI mode (`cisco N9K-C9396PX (\"supervisor\")`, releases 11.x to 16.x); or output from more than one device. Content is judged first, prompts second. Input that nothing names but that holds blocks IOS-XE 17 prints alike (the Utility, Data Privacy and Transport blocks of a Using Policy status, which NX-OS may print too) is judged as NX-OS, with a note (severity info) that it may be IOS-XE output.",
			Why:  "These print Smart Licensing states with the same words as NX-OS but are configured differently: judging them as a Nexus would give wrong fixes. Output of two switches read as one mixes their facts.",
			Fix:  "Capture the Nexus switch's own output, one switch per file (or per prompt in a terminal log).",
		},
		Run: runPLT003,
	})
}

func runPLT003(c *Check, s *snapshot.Snapshot) Result {
	switch {
	case !s.NXOS():
		sw := capture.SoftwareName(s.Software)
		if r := s.SoftwareRelease.Value; r != "" {
			sw += " " + r
		}
		ref := s.SoftwareRef
		if ref.IsZero() {
			ref = s.Foreign[0]
		}
		msg := fmt.Sprintf("the input is not standalone NX-OS: %s shows %s (%q); slcheck diagnoses Nexus switches running NX-OS and judged none of its checks on it",
			ref, sw, strings.TrimSpace(ref.Text))
		ev := append([]capture.Ref{ref}, firstRefs(otherRefs(s.Foreign, ref), 2)...)
		return c.Fail(msg, remedies.Recapture("Run slcheck on the Nexus switch's own NX-OS output.", foreignNotes[s.Software]...), ev...)
	case len(s.Mixed) > 0:
		lines := fmt.Sprintf("%d lines show", len(s.Mixed))
		if len(s.Mixed) == 1 {
			lines = "1 line shows"
		}
		return c.Fail(fmt.Sprintf("the input mixes output from several devices (%s another device); its facts cannot be judged as one switch", lines),
			remedies.Recapture("Capture each switch separately, or keep the prompts (hostname#) in the terminal log so slcheck can split it.",
				"In a terminal log slcheck splits devices at prompts whose hostname changes; a show-tech must hold one switch."),
			firstRefs(s.Mixed, 3)...)
	case len(s.Commands) == 0:
		return c.NotChecked()
	}
	if s.Software == capture.SoftwareUnknown && len(s.Alike) > 0 {
		// A note, not an error: NX-OS may print these blocks too, and
		// the input is judged as NX-OS.
		ref := s.Alike[0]
		msg := fmt.Sprintf("the input may be IOS-XE output: nothing in it names the software, and %s (%q) is a block IOS-XE's Smart Agent prints, "+
			"which NX-OS under Smart Licensing Using Policy may print too (not confirmed); slcheck judged it as NX-OS", ref, strings.TrimSpace(ref.Text))
		return c.FailWith(Info, msg, remedies.Recapture("Run `show version` on the device and add its output: it names the software (`Cisco Nexus Operating System` or `Cisco IOS XE Software`).",
			foreignNotes[capture.SoftwareIOSXE]...), append([]capture.Ref{ref}, firstRefs(s.Alike[1:], 2)...)...)
	}
	if s.Software == capture.SoftwareNXOS {
		return c.Pass(fmt.Sprintf("NX-OS output (%s: %q) from one device", s.SoftwareRef, strings.TrimSpace(s.SoftwareRef.Text)), s.SoftwareRef)
	}
	return c.Pass("no output of other software and no second device found; nothing in the input is printed by NX-OS alone either (such as the `show version` banner), so slcheck takes it for NX-OS")
}

// foreignNotes say where each other software's Smart Licensing is
// documented, as remedy notes.
var foreignNotes = map[string][]string{
	capture.SoftwareIOS:   {"IOS and IOS-XE configure Smart Licensing with `call-home` and `license smart` and show it with `show license summary`/`show license status`; see the Smart Licensing guide of that platform."},
	capture.SoftwareIOSXE: {"IOS-XE uses `show call-home` and `show license summary`/`show license tech support`; see the IOS-XE Smart Licensing guides for that platform."},
	capture.SoftwareIOSXR: {"IOS-XR has its own Smart Licensing configuration and `show license` commands; see the IOS-XR System Management (licensing) guide of that platform."},
	capture.SoftwareASA:   {"ASA configures Smart Licensing under `license smart` and `call-home`; see the ASA general operations guide, Smart Software Licensing chapter."},
	capture.SoftwareACI: {"A Nexus 9000 in ACI mode is managed from the APIC, and slcheck's sources say it is licensed through the APIC, not NX-OS Smart Licensing (not confirmed: check the APIC licensing documentation of that release).",
		"To diagnose the switch with slcheck it must run standalone NX-OS (`NXOS: version ...` in `show version`)."},
}

// otherRefs returns refs without r.
func otherRefs(refs []capture.Ref, r capture.Ref) []capture.Ref {
	var out []capture.Ref
	for _, x := range refs {
		if x != r {
			out = append(out, x)
		}
	}
	return out
}

// notJudgeable returns the skipped result every other check reports when
// PLT003 fails, so other software or mixed input is never diagnosed as one
// NX-OS device, and whether it applies. Each check calls it first.
func notJudgeable(c *Check, s *snapshot.Snapshot) (Result, bool) {
	switch {
	case s.Software == capture.SoftwareACI:
		return c.Skip("not applicable: a switch in ACI mode, not standalone NX-OS (see PLT003)"), true
	case !s.NXOS():
		return c.Skip(fmt.Sprintf("not applicable: %s output, not NX-OS (see PLT003)", capture.SoftwareName(s.Software))), true
	case len(s.Mixed) > 0:
		return c.Skip("not applicable: input mixes several devices (see PLT003)"), true
	}
	return Result{}, false
}
