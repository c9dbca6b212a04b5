package parsers

import (
	"strings"
	"testing"
	"time"
)

func TestParseLogging(t *testing.T) {
	text := `2022 Jun 22 16:10:00 switch %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up
2022 Jun 22 16:15:41 switch %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Fail to send out Call Home HTTP message
2022 Jun 22 16:16:00 DC-DMZ %$ VDC-1 %$ %CALLHOME-2-EVENT: SYSLOG_ALERT
2022 Jun 22 16:17:00 UTC: %SMART_LIC-3-COMM_FAILED: Communications failure
*Aug 30 23:12:38.123 PDT: %CALL_HOME-5-SL_MESSAGE_FAILED: Fail to send out Smart Licensing message to: https://tools.cisco.com/its/service/oddce/services/DDCEService (ERR 205 : Request Aborted)
2022 Jun 22 16:18:00 core callhome: unexpected daemon restart
`
	evs := ParseLogging(section("show logging logfile", "", text))
	want := []struct {
		fac  string
		t    time.Time
		line int
	}{
		{"LICMGR-3-LOG_SMART_LIC_COMM_FAILED", utc(2022, 6, 22, 16, 15, 41), 2},
		{"CALLHOME-2-EVENT", utc(2022, 6, 22, 16, 16, 0), 3},
		{"SMART_LIC-3-COMM_FAILED", utc(2022, 6, 22, 16, 17, 0), 4},
		{"CALL_HOME-5-SL_MESSAGE_FAILED", time.Time{}, 5},
		{"", utc(2022, 6, 22, 16, 18, 0), 6},
	}
	if len(evs) != len(want) {
		t.Fatalf("got %d events: %+v", len(evs), evs)
	}
	for i, w := range want {
		e := evs[i]
		if e.Facility != w.fac || !e.Time.Equal(w.t) || e.Ref.Line != w.line || e.Message == "" {
			t.Errorf("event %d = %+v, want %+v", i, e, w)
		}
	}
	if evs[0].Message != "Communications failure with the Cisco Smart Software Manager (CSSM) : Fail to send out Call Home HTTP message" {
		t.Errorf("message = %q", evs[0].Message)
	}
	if z, _ := evs[2].Time.Zone(); z != "UTC" {
		t.Errorf("zone of a UTC-stamped line = %q", z)
	}
}

func TestIsLicensingLogLine(t *testing.T) {
	for line, want := range map[string]bool{
		"2022 Jun 22 16:15:41 sw %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x": true,
		"2022 Jun 22 16:15:41 sw %$ VDC-1 %$ %CALLHOME-2-EVENT: x":       true,
		"2022 Jun 22 16:15:41 sw %ETHPORT-5-IF_UP: Interface up":         false,
		"2022 Jun 22 16:15:41 sw %$ VDC-1 %$ %ETHPORT-5-IF_UP: x":        false,
		"Smart Licensing agent started":                                  true,
		"":                                                               false,
	} {
		if got := IsLicensingLogLine(line); got != want {
			t.Errorf("IsLicensingLogLine(%q) = %v", line, got)
		}
	}
}

// A line IsLicensingLogLine accepts holds '%' and a facility, or a word;
// each of them holds a needle, so every accepted line does.
func TestLicensingLogNeedles(t *testing.T) {
	var marks []string
	for _, f := range licensingFacilities {
		marks = append(marks, "%"+f)
	}
	for _, w := range licensingWords {
		marks = append(marks, w, strings.ToUpper(w))
	}
	for _, m := range marks {
		if !IsLicensingLogLine("2022 Jun 22 16:15:41 sw " + m + " x") {
			t.Errorf("%q: not a licensing line", m)
		}
		found := false
		for _, n := range LicensingLogNeedles {
			found = found || strings.Contains(strings.ToLower(m), strings.ToLower(n))
		}
		if !found {
			t.Errorf("%q holds none of %q", m, LicensingLogNeedles)
		}
	}
}
