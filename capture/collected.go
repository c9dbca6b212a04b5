package capture

import (
	"fmt"
	"strings"
	"time"
	"unsafe"
)

// Collected says that an input is a session `slcheck ssh` collected: from
// which host, and what the workstation clock read when `show clock` ran
// on the switch. It is the first line of the collected terminal log, so a
// saved capture replays with the same clock comparison (CLK001) as the
// live run, and with the same reading of its output lines (OutputLine).
type Collected struct {
	Host string
	// WorkstationTime is the workstation clock when `show clock` ran;
	// zero when it did not run.
	WorkstationTime time.Time
	// Ref is the header line, the evidence for WorkstationTime.
	Ref Ref
}

// collectedPrefix starts the header. It is recognised on line 1 only,
// before any prompt, where a device's output cannot be.
const collectedPrefix = "! slcheck collected "

// noClock ends the header of a session where `show clock` did not run.
const noClock = "(show clock did not run)"

// CollectedHeader is the first line of a capture collected from host,
// with the workstation clock at `show clock` (zero: it did not run).
func CollectedHeader(host string, at time.Time) string {
	if at.IsZero() {
		return collectedPrefix + host + " " + noClock
	}
	return fmt.Sprintf("%s%s at %s (workstation clock when `show clock` ran)",
		collectedPrefix, host, at.UTC().Format(time.RFC3339))
}

// parseCollected reads a CollectedHeader line.
func parseCollected(line string) (host string, at time.Time, ok bool) {
	rest, ok := strings.CutPrefix(line, collectedPrefix)
	if !ok {
		return "", time.Time{}, false
	}
	if host, ok := strings.CutSuffix(rest, " "+noClock); ok && host != "" && !strings.Contains(host, " ") {
		return host, time.Time{}, true
	}
	f := strings.Fields(rest)
	if len(f) < 3 || f[1] != "at" {
		return "", time.Time{}, false
	}
	at, err := time.Parse(time.RFC3339, f[2])
	if err != nil {
		return "", time.Time{}, false
	}
	return f[0], at, true
}

// outputMark starts a line of a collected session that is a switch's
// output although it looks like a prompt or a section header (a banner's
// "OTHER-SW# show license status", a "`show version`" line): the
// collector knows where each output begins and ends, and says so with
// this mark, which the reader removes. A line of output that starts with
// the mark itself is marked too, so the mark is never ambiguous.
const outputMark = '\\'

// OutputLine is how a collector writes one line of a command's output in a
// session that starts with a CollectedHeader: as it is, or, when Read
// could take it for a prompt or a section header, cleaned and marked, so
// that Read keeps it as output of the command above it.
func OutputLine(line string) string {
	var c cleaner
	// clean only reads its input (what it changes goes to its own
	// buffers): the line is not copied, which was a fleet's garbage.
	t := c.clean(unsafe.Slice(unsafe.StringData(line), len(line)))
	if len(t) > 0 && t[0] == outputMark || structural(t) {
		return string(outputMark) + string(t)
	}
	return line
}

// structural reports whether a cleaned line could change how Read splits
// its input: a prompt (with or without a command), a show-tech command
// header or banner.
func structural(t []byte) bool {
	if _, ok := parsePrompt(t); ok {
		return true
	}
	if _, ok := backtickHeader(t); ok {
		return true
	}
	return techBanner(t)
}
