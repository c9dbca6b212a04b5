package parsers

import (
	"github.com/slcheck/slcheck/capture"
	"time"
)

// LogEvent is a log line about Smart Licensing or Call Home.
type LogEvent struct {
	Time     time.Time // zero when the line has no parsable date
	Facility string    // "LICMGR-3-LOG_SMART_LIC_COMM_FAILED", "CALLHOME-...".
	Message  string
	Ref      capture.Ref
}
