package capture

import (
	"fmt"
	"strings"
	"time"
)

// Collected says that an input is a session `slcheck ssh` collected: from
// which host, and what the workstation clock read when `show clock` ran
// on the switch. It is the first line of the collected terminal log, so a
// saved capture replays with the same clock comparison (CLK001) as the
// live run.
type Collected struct {
	Host string
	// WorkstationTime is the workstation clock when `show clock` ran.
	WorkstationTime time.Time
	// Ref is the header line, the evidence for WorkstationTime.
	Ref Ref
}

// collectedPrefix starts the header. It is recognised on line 1 only,
// before any prompt, where a device's output cannot be.
const collectedPrefix = "! slcheck collected "

// CollectedHeader is the first line of a capture collected from host,
// with the workstation clock at `show clock`.
func CollectedHeader(host string, at time.Time) string {
	return fmt.Sprintf("%s%s at %s (workstation clock when `show clock` ran)",
		collectedPrefix, host, at.UTC().Format(time.RFC3339))
}

// parseCollected reads a CollectedHeader line.
func parseCollected(line string) (host string, at time.Time, ok bool) {
	rest, ok := strings.CutPrefix(line, collectedPrefix)
	if !ok {
		return "", time.Time{}, false
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
