package checks

import (
	"strings"
	"testing"
)

func TestLOG001(t *testing.T) {
	log := "2024 Jan 27 10:06:40 sw %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure : Unable to resolve server hostname/domain name\n" +
		"2024 Feb 10 08:22:11 sw %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure : Unable to resolve server hostname/domain name\n" +
		"2024 Feb 10 08:30:00 sw %VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty"
	r := run(t, "LOG001", snapOf(t, "show logging logfile", log))
	want(t, r, Fail, "")
	if !strings.HasPrefix(r.Message, "2 Smart Licensing or Call Home failure lines") || !strings.Contains(r.Message, "2024-02-10 08:22:11") {
		t.Errorf("message %q: want the count and the time of the last failure", r.Message)
	}
	want(t, run(t, "LOG001", snapOf(t, "show logging logfile", "2024 Feb 10 08:30:00 sw %VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty")), Pass, "")
	want(t, run(t, "LOG001", snapOf(t)), Skipped, "not checked: run `show logging logfile`")
}
