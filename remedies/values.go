package remedies

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/slcheck/slcheck/nxname"
	"github.com/slcheck/slcheck/snapshot"
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

// VRFName is the path's VRF to put in a command: "<vrf>" when the input
// does not tell it or it is not a valid NX-OS VRF name (the remedy's notes
// say so).
func VRFName(p snapshot.Path) string { return vrfName(p) }

func vrfName(p snapshot.Path) string {
	if !nxname.VRF(p.VRF) {
		return "<vrf>"
	}
	return p.VRF
}

// hostName is the host the path connects to (the proxy when one is used),
// "<host>" when invalid.
func hostName(p snapshot.Path) string {
	h, _ := p.Next()
	if h != "" && !nxname.Host(h) {
		return "<host>"
	}
	return h
}

// portName spells a port for a sentence; "<port>" when unknown.
func portName(port int) string {
	if port <= 0 {
		return "<port>"
	}
	return fmt.Sprint(port)
}

// PathNotes says which of the path's values are invalid and shown as a
// placeholder (vrf, host): a remedy that prints the path's commands
// carries them. (A remedy that needs the VRF is built only once the path
// tells it.)
func PathNotes(p snapshot.Path) []string {
	var out []string
	if p.VRF != "" && !nxname.VRF(p.VRF) {
		out = append(out, invalid(p.VRF, "VRF name", "<vrf>"))
	}
	if h, _ := p.Next(); h != "" && !nxname.Host(h) {
		out = append(out, invalid(h, "host name", "<host>"))
	}
	return out
}

// noted adds to r the notes about the unknown or invalid values of p and v.
func (r *Remedy) noted(p snapshot.Path, v *values) *Remedy {
	r.Notes = append(r.Notes, PathNotes(p)...)
	if v != nil {
		r.Notes = append(r.Notes, v.notes...)
	}
	return r
}
