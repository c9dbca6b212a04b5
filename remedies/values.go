package remedies

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/slcheck/slcheck/nxname"
)

// A remedy's Config and Verify lines are pasted as they are, so every value
// taken from a capture is checked against the NX-OS syntax it stands for
// (package nxname) before it goes into one: an invalid value (a VRF
// "mgmt;reload", a URL host "tools.cisco.com;reload;") is shown as a
// placeholder, and a note says what the capture held instead.

// values collects the notes about the invalid values of one remedy.
type values struct{ notes []string }

// check returns s when ok says it is valid, else placeholder, noting why.
func (v *values) check(s, kind, placeholder string, ok func(string) bool) string {
	if ok(s) {
		return s
	}
	v.notes = append(v.notes, invalid(s, kind, placeholder))
	return placeholder
}

// line returns a line of the device's configuration when it may be pasted
// back, else placeholder, noting why.
func (v *values) line(s, kind, placeholder string) string {
	if pasteable(s) {
		return s
	}
	v.notes = append(v.notes, fmt.Sprintf("The capture's %s, `%s`, holds a \";\" or a character that is not printable ASCII, so it is not pasted back: it is shown as %s above; copy the line from the switch instead.", kind, s, placeholder))
	return placeholder
}

// invalid is the note for an invalid value, quoted as code like every
// captured value in a message (the output layer shows what a terminal
// would act on as an escape).
func invalid(s, kind, placeholder string) string {
	return fmt.Sprintf("The capture gives `%s` as the %s, which is not a valid NX-OS %s: it is shown as %s above; put the right one in its place before pasting.", s, kind, kind, placeholder)
}

// pasteable reports whether a line taken from the device's own
// configuration (to put `no` before) may be pasted back as it is: printable
// ASCII, and no ";", which the NX-OS command line takes as the end of a
// command.
func pasteable(line string) bool {
	if strings.TrimSpace(line) == "" {
		return false
	}
	for i := 0; i < len(line); i++ {
		if c := line[i]; c < 0x20 || c > 0x7e || c == ';' {
			return false
		}
	}
	return true
}

// urlOK reports whether a destination URL built from the device's may be
// pasted: http or https, a valid host, and a pasteable word.
func urlOK(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && nxname.Host(u.Hostname()) &&
		pasteable(s) && !strings.ContainsAny(s, " \t")
}

// VRFName is the VRF to put in a command: "default" when empty, "<vrf>"
// when it is not a valid NX-OS VRF name (Notes says so).
func (p Path) VRFName() string { return p.vrf() }

// vrf returns the VRF name, "default" when empty, "<vrf>" when invalid.
func (p Path) vrf() string {
	if p.VRF == "" {
		return "default"
	}
	if !nxname.VRF(p.VRF) {
		return "<vrf>"
	}
	return p.VRF
}

// host returns the host, "<host>" when invalid.
func (p Path) host() string {
	if p.Host != "" && !nxname.Host(p.Host) {
		return "<host>"
	}
	return p.Host
}

// Notes says which of the path's values are invalid and shown as a
// placeholder (vrf, host): a remedy that prints the path's commands
// carries them.
func (p Path) Notes() []string {
	var out []string
	if p.VRF != "" && !nxname.VRF(p.VRF) {
		out = append(out, invalid(p.VRF, "VRF name", "<vrf>"))
	}
	if p.Host != "" && !nxname.Host(p.Host) {
		out = append(out, invalid(p.Host, "host name", "<host>"))
	}
	return out
}

// noted adds to r the notes about the invalid values of p and v.
func (r *Remedy) noted(p Path, v *values) *Remedy {
	r.Notes = append(r.Notes, p.Notes()...)
	if v != nil {
		r.Notes = append(r.Notes, v.notes...)
	}
	return r
}
