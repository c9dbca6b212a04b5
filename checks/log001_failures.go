package checks

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

func init() {
	register(&Check{
		ID:         "LOG001",
		Title:      "No licensing communication failures in the log",
		Area:       AreaLogsTime,
		Severity:   Warning,
		Applies:    NXOS,
		Requires:   []Requirement{reqLog},
		Needs:      []string{snapshot.CmdLogging},
		References: []string{refDoc217965, refLicGuide},
		Explain: Explain{
			What: "Smart Licensing and Call Home failure messages in the log (%LICMGR-3-LOG_SMART_LIC_COMM_FAILED, %SMART_LIC-3-COMM_FAILED, %CALLHOME-... / %CALL_HOME-... failures): how many, and when the last one was.",
			Why:  "The log shows whether communication with Cisco is failing now or failed once long ago, and its text often names the cause.",
			Fix:  "Fix the cause the other checks name, then watch for new failure lines.",
		},
		Causes: []string{"CH001", "CH003", "CH002", "CH004", "NET004", "NET001", "NET002", "DNS001", "DNS002", "DNS003", "NET003", "TLS002", "TLS001"},
		Run:    runLOG001,
	})
}

func runLOG001(c *Check, s *snapshot.Snapshot) Result {
	fails := logFailures(s)
	if len(fails) == 0 {
		if r, ok := filteredOut(c, s, snapshot.CmdLogging); ok {
			return r // a failure line may be among those the filter dropped
		}
		return c.Pass(fmt.Sprintf("the log holds no Smart Licensing or Call Home failure (%d licensing lines)", len(s.Logs)))
	}
	last := fails[0]
	for _, e := range fails[1:] {
		if !e.Time.Before(last.Time) {
			last = e
		}
	}
	when := "at an unknown time"
	if !last.Time.IsZero() {
		when = "on " + last.Time.Format("2006-01-02 15:04:05")
	}
	ev := []capture.Ref{last.Ref}
	if fails[0].Ref != last.Ref {
		ev = append([]capture.Ref{fails[0].Ref}, ev...)
	}
	msg := fmt.Sprintf("%d Smart Licensing or Call Home failure line", len(fails))
	if len(fails) > 1 {
		msg += "s"
	}
	msg += fmt.Sprintf(" in the log; the last %s: %%%s", when, last.Facility)
	if m := strings.TrimSpace(last.Message); m != "" {
		msg += ": " + m
	}
	if fc := failureCauseOf(last.Facility + " " + last.Message); fc != nil {
		msg += "; " + fc.Explain()
	}
	return pointTo(c.Fail(msg, remedies.ReadLog(s.Path), ev...), last.Facility+" "+last.Message)
}

// logFailures keeps the log events that report a failure: a mnemonic that
// says so (COMM_FAILED, AUTH_RENEW_FAILED, SL_MESSAGE_FAILED), or a
// licensing or Call Home message of severity 0 to 3.
func logFailures(s *snapshot.Snapshot) []parsers.LogEvent {
	var out []parsers.LogEvent
	for _, e := range s.Logs {
		f := strings.ToUpper(e.Facility)
		if strings.Contains(f, "FAIL") || strings.Contains(f, "ERR") || severityAtMost(f, 3) {
			out = append(out, e)
		}
	}
	return out
}

// severityAtMost reads the severity digit of a FACILITY-N-MNEMONIC.
func severityAtMost(facility string, n int) bool {
	parts := strings.SplitN(facility, "-", 3)
	if len(parts) < 3 || len(parts[1]) != 1 || parts[1][0] < '0' || parts[1][0] > '9' {
		return false
	}
	return int(parts[1][0]-'0') <= n
}
