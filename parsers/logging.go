package parsers

import (
	"regexp"
	"strings"
	"time"

	"github.com/slcheck/slcheck/capture"
)

// LogEvent is a log line about Smart Licensing or Call Home.
type LogEvent struct {
	Time     time.Time // zero when the line has no parsable date
	Facility string    // "LICMGR-3-LOG_SMART_LIC_COMM_FAILED", "CALLHOME-...".
	Message  string
	Ref      capture.Ref
}

// "%LICMGR-3-LOG_SMART_LIC_COMM_FAILED: text" (NX-OS may put "%$ VDC-1 %$ "
// before it).
var logFacilityRE = regexp.MustCompile(`%([A-Z][A-Z0-9_]*-\d-[A-Z0-9_]+)\s*:?\s*(.*)$`)

// licensingFacilities are the facility prefixes of Smart Licensing and Call
// Home messages.
var licensingFacilities = []string{"LICMGR-", "SMART_LIC-", "CALLHOME-", "CALL_HOME-", "LICENSE-", "SLP-"}

// IsLicensingLogLine reports whether a log line is about Smart Licensing or
// Call Home: a facility of theirs follows one of its '%' signs, or it names
// them. Readers run it on every line of a log, so it does not allocate.
func IsLicensingLogLine(line string) bool {
	for rest := line; ; {
		i := strings.IndexByte(rest, '%')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
		for _, f := range licensingFacilities {
			if strings.HasPrefix(rest, f) {
				return true
			}
		}
	}
	// One pass: the words start with 's' or 'c'.
	for i := 0; i < len(line); i++ {
		if c := line[i] | 0x20; c == 's' || c == 'c' {
			for _, w := range licensingWords {
				if w[0] == c && len(line)-i >= len(w) && strings.EqualFold(line[i:i+len(w)], w) {
					return true
				}
			}
		}
	}
	return false
}

// licensingWords name Smart Licensing or Call Home in free text.
var licensingWords = []string{"smart lic", "smart_lic", "callhome", "call home", "call-home"}

// LicensingLogNeedles are strings every line IsLicensingLogLine accepts
// holds one of, ASCII case ignored: each '%'+facility and each word holds
// one (TestLicensingLogNeedles). capture.Options.Needles takes them, so a
// reader passes over the other lines of a log without splitting them; a
// line holding one goes through the reader's whole line path, so each is
// chosen rare in logs: "HOME", not "CALL", which syscall, callback and
// called hold.
var LicensingLogNeedles = []string{"%LIC", "%SLP", "SMART", "HOME"}

// ParseLogging reads a log (`show logging`, `show logging logfile`, `show
// logging last N`, or the same lines in a show-tech) and returns the events
// about Smart Licensing and Call Home, dated from the NX-OS timestamp at the
// start of each line ("2022 Jun 22 16:15:41 switch %LICMGR-3-..."); the
// device prints its local time, so an absent zone is left unknown.
func ParseLogging(sec *capture.Section) []LogEvent {
	var out []LogEvent
	for _, l := range sec.Lines {
		if !IsLicensingLogLine(l.Text) {
			continue
		}
		ev := LogEvent{Ref: sec.Ref(l), Time: logTime(l.Text)}
		if m := logFacilityRE.FindStringSubmatch(l.Text); m != nil {
			ev.Facility, ev.Message = m[1], strings.TrimSpace(m[2])
		} else {
			ev.Message = strings.TrimSpace(l.Text)
		}
		out = append(out, ev)
	}
	return out
}

// logTime reads the timestamp that starts a log line: "2022 Jun 22
// 16:15:41[.123] [ZONE]", with the year first (NX-OS) or last.
func logTime(line string) time.Time {
	head := line
	if i := strings.IndexByte(head, '%'); i >= 0 {
		head = head[:i]
	}
	f := strings.Fields(strings.TrimLeft(head, "*. "))
	for n := min(len(f), 5); n >= 4; n-- {
		if n == 5 {
			// A fifth word is a zone only if slcheck knows it; otherwise
			// it is the host name.
			if _, ok := ZoneOffset(strings.TrimSuffix(f[4], ":")); !ok {
				continue
			}
		}
		if t, _, ok := ParseDate(strings.TrimSuffix(strings.Join(f[:n], " "), ":")); ok {
			return t
		}
	}
	return time.Time{}
}
