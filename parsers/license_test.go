package parsers

import (
	"cmp"
	"fmt"
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
)

func TestParseLicenseSeed(t *testing.T) {
	l := ParseLicense(fixture(t, "seed-217965__show_license_status_9.3-4_registered.txt", "show license status", "show license status"))
	if l == nil || !l.Enabled.Said() || !l.Enabled.Value || l.SLP.Value {
		t.Fatalf("license = %+v", l)
	}
	r := l.Registration
	if r.Status.Value != "REGISTERED" || r.Status.Ref.Line != 3 || r.SmartAccount != "ldap_user_test" || r.VirtualAccount != "Default" {
		t.Errorf("registration = %+v", r)
	}
	if r.Initial == nil || r.Initial.Result != "SUCCEEDED" || !r.Initial.Time.Equal(utc(2022, 6, 22, 16, 15, 41)) {
		t.Errorf("initial = %+v", r.Initial)
	}
	if r.LastRenewal == nil || r.LastRenewal.Result != "NONE" || !r.LastRenewal.Time.IsZero() {
		t.Errorf("last renewal = %+v", r.LastRenewal)
	}
	if r.Expires == nil || !r.Expires.Time.Equal(utc(2023, 6, 22, 16, 13, 53)) || r.Expires.Ref.Line != 10 {
		t.Errorf("expires = %+v", r.Expires)
	}
	a := l.Authorization
	if a.Status.Value != "AUTHORIZED" || !a.StatusTime.Equal(utc(2022, 6, 22, 16, 15, 44)) {
		t.Errorf("authorization = %+v", a)
	}
	if a.Deadline == nil || !a.Deadline.Time.Equal(utc(2022, 9, 20, 16, 12, 55)) || a.NextCommunication == nil {
		t.Errorf("deadline = %+v", a.Deadline)
	}
	if len(l.Unrecognised) != 0 {
		t.Errorf("unrecognised = %v (the conversion block's Status is known)", l.Unrecognised)
	}
}

// classicStates holds one synthetic output per state of the classic agent.
func TestParseLicenseStates(t *testing.T) {
	tests := []struct {
		name, text     string
		enabled        string // "on", "off", ""
		reg, auth      string
		regTime        time.Time
		evalRemaining  time.Duration
		evalExpired    bool
		failure        string // failure reason of the last failed attempt
		failureLine    int
		unrecognised   int
		lastCommResult string
	}{
		{name: "disabled", text: "Smart Licensing is DISABLED\n", enabled: "off"},
		{name: "eval mode",
			text:    "Smart Licensing is ENABLED\n\nRegistration:\n  Status: UNREGISTERED\n  Export-Controlled Functionality: NOT ALLOWED\n\nLicense Authorization:\n  Status: EVAL MODE\n  Evaluation Period Remaining: 46 days, 7 hours, 17 minutes, 24 seconds\n",
			enabled: "on", reg: "UNREGISTERED", auth: "EVAL MODE",
			evalRemaining: 46*24*time.Hour + 7*time.Hour + 17*time.Minute + 24*time.Second},
		{name: "eval mode, short units",
			text: "License Authorization:\n  Status: EVAL MODE\n  Evaluation Period Remaining: 89 days, 23 hr, 59 min\n",
			auth: "EVAL MODE", evalRemaining: 89*24*time.Hour + 23*time.Hour + 59*time.Minute},
		{name: "eval expired",
			text:    "smart licensing is enabled\nregistration:\n status: unregistered\nlicense authorization:\n status: EVAL EXPIRED on Jan 10 10:00:00 2026 UTC\n",
			enabled: "on", reg: "UNREGISTERED", auth: "EVAL EXPIRED", evalExpired: true},
		{name: "registration failed",
			text:    "Smart Licensing is ENABLED\nRegistration:\n  Status: UNREGISTERED - REGISTRATION FAILED\n  Initial Registration: FAILED on Nov 20 09:00:00 2026 UTC\n    Failure reason: Fail to send out Call Home HTTP message.\n",
			enabled: "on", reg: "UNREGISTERED - REGISTRATION FAILED", failure: "Fail to send out Call Home HTTP message.", failureLine: 5},
		{name: "registered on date",
			text:    "Smart Licensing is ENABLED\nRegistration:\n  Status: REGISTERED on Jun 22 16:15:41 2022 PDT\n",
			enabled: "on", reg: "REGISTERED", regTime: utc(2022, 6, 22, 23, 15, 41)},
		{name: "renewal failing",
			text:    "Smart Licensing is ENABLED\nLicense Authorization:\n  Status: AUTHORIZED on Jun 22 16:15:44 2022 UTC\n  Last Communication Attempt: FAILED on Aug 1 10:00:00 2022 UTC\n  Failure reason: Failed to parse response data from SCH server\n  Communication Deadline: Sep 20 16:12:55 2022 UTC\n",
			enabled: "on", auth: "AUTHORIZED", failure: "Failed to parse response data from SCH server", failureLine: 5, lastCommResult: "FAILED"},
		{name: "out of compliance", text: "Registration:\nStatus: REGISTERED\nLicense Authorization:\nStatus: OUT OF COMPLIANCE on Jun 22 16:15:44 2022 UTC\n",
			reg: "REGISTERED", auth: "OUT OF COMPLIANCE"},
		{name: "authorization expired", text: "License Authorization:\n   Status:   AUTHORIZATION  EXPIRED on Jun 22 16:15:44 2022 UTC   \n",
			auth: "AUTHORIZATION EXPIRED"},
		{name: "summary without dates", text: "Smart Licensing is ENABLED\nRegistration:\n  Status: REGISTERED\nLicense Authorization:\n  Status: AUTHORIZED\n  Last Communication Attempt: SUCCEEDED\nLicense Usage:\n  License   Entitlement tag   Count Status\n  Status: IN USE\n",
			enabled: "on", reg: "REGISTERED", auth: "AUTHORIZED", lastCommResult: "SUCCEEDED"},
		{name: "unknown states", text: "Status: WEIRD\nSmart Licensing is SLEEPING\nRegistration:\n  Status: HALF REGISTERED\n",
			reg: "HALF REGISTERED", unrecognised: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ParseLicense(section("show license status", "", tt.text))
			if l == nil {
				t.Fatal("nil")
			}
			en := ""
			if l.Enabled.Said() {
				en = map[bool]string{true: "on", false: "off"}[l.Enabled.Value]
			}
			if en != tt.enabled || l.Registration.Status.Value != tt.reg || l.Authorization.Status.Value != tt.auth {
				t.Errorf("enabled %q reg %q auth %q", en, l.Registration.Status.Value, l.Authorization.Status.Value)
			}
			if !l.Registration.StatusTime.Equal(tt.regTime) {
				t.Errorf("registration time %v", l.Registration.StatusTime)
			}
			if tt.evalRemaining != 0 || tt.evalExpired {
				if l.Evaluation == nil || l.Evaluation.Remaining != tt.evalRemaining || l.Evaluation.Expired != tt.evalExpired {
					t.Errorf("evaluation = %+v", l.Evaluation)
				}
			} else if l.Evaluation != nil {
				t.Errorf("evaluation = %+v", l.Evaluation)
			}
			if tt.failure != "" {
				var at *Attempt
				if l.Registration.Initial != nil {
					at = l.Registration.Initial
				} else {
					at = l.Authorization.LastCommunication
				}
				if at == nil || at.Result != "FAILED" || at.Reason.Value != tt.failure || at.Reason.Ref.Line != tt.failureLine || at.Time.IsZero() {
					t.Errorf("attempt = %+v", at)
				}
			}
			if tt.lastCommResult != "" && (l.Authorization.LastCommunication == nil || l.Authorization.LastCommunication.Result != tt.lastCommResult) {
				t.Errorf("last communication = %+v", l.Authorization.LastCommunication)
			}
			if len(l.Unrecognised) != tt.unrecognised {
				t.Errorf("unrecognised = %v", l.Unrecognised)
			}
			if l.SLP.Value {
				t.Error("classic output read as SLP")
			}
		})
	}
}

func TestParseLicenseIOSXEClassic(t *testing.T) {
	l := ParseLicense(fixture(t, "IOSXE-contrast__genieparser__c1000v_classic_registered_callhome.txt", "show license status", ""))
	if l == nil || l.SLP.Value || l.Registration.Status.Value != "REGISTERED" || l.Authorization.Status.Value != "AUTHORIZED" {
		t.Fatalf("license = %+v", l)
	}
	if l.Transport.Type != "Callhome" || len(l.Unrecognised) != 0 {
		t.Errorf("transport %+v unrecognised %v", l.Transport, l.Unrecognised)
	}
}

func TestParseLicenseSLP(t *testing.T) {
	l := ParseLicense(fixture(t, "IOSXE-contrast__genieparser__c9407r_slp_proxy_usage_reporting_failure.txt", "show license tech-support", ""))
	if l == nil || !l.SLP.Value {
		t.Fatalf("license = %+v", l)
	}
	tr := l.Transport
	if tr.Type != "Smart" || tr.URL.Value != "https://smartreceiver.cisco.com/licservice/license" || tr.Proxy.Value != "173.36.224.108:80" {
		t.Errorf("transport = %+v", tr)
	}
	u := l.Usage
	if u.LastACK == nil || !u.LastACK.Time.Equal(utc(2023, 8, 31, 2, 3, 0)) || u.LastACKNone {
		t.Errorf("last ACK = %+v", u.LastACK)
	}
	if u.NextDeadline == nil || !u.NextDeadline.Time.Equal(utc(2023, 10, 30, 2, 3, 0)) {
		t.Errorf("next deadline = %+v", u.NextDeadline)
	}
	if l.Registration.Status.Value != "" || l.Authorization.Status.Value != "" || len(l.Unrecognised) != 0 {
		t.Errorf("license usage Status lines leaked: reg %q auth %q unrec %v", l.Registration.Status.Value, l.Authorization.Status.Value, l.Unrecognised)
	}
}

func TestParseLicenseSLPSynthetic(t *testing.T) {
	tests := []struct {
		name, text string
		trust      *bool
		ackNone    bool
		typ, vrf   string
	}{
		{"no trust, never acked", "Smart Licensing Using Policy:\n  Status: ENABLED\nTransport:\n  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  Proxy:\n    Not Configured\n  VRF: management\nUsage Reporting:\n  Last ACK received: <none>\n  Next ACK deadline: <none>\nTrust Code Installed: <none>\n",
			ptr(false), true, "Smart", "management"},
		{"VRF on the line under its label", "Smart Licensing Using Policy:\nTransport:\n  Type: Smart\n  Proxy:\n    Not Configured\n  VRF:\n    management\nTrust Code Installed: <none>\n",
			ptr(false), false, "Smart", "management"},
		{"VRF not supported", "Smart Licensing Using Policy:\nTransport:\n  Type: Smart\n  VRF:\n    Not Supported\nTrust Code Installed: <none>\n",
			ptr(false), false, "Smart", ""},
		{"trust installed on date", "Smart Licensing Using Policy:\nTransport:\n  Type: cslu\nTrust Code Installed: Aug 30 18:45:53 2023 UTC\n", ptr(true), false, "cslu", ""},
		{"trust HA block", "Transport:\n  Type: Off\nTrust Code Installed:\n  Active: PID:C9407R,SN:FXS2119Q2U7\n    INSTALLED on Aug 30 18:45:53 2023 UTC\n  Standby: PID:C9407R,SN:FXS2119Q2U8\n    NOT INSTALLED\n", ptr(false), false, "Off", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ParseLicense(section("show license status", "", tt.text))
			if l == nil || !l.SLP.Value {
				t.Fatalf("license = %+v", l)
			}
			if l.TrustCodeInstalled.Said() != (tt.trust != nil) || tt.trust != nil && l.TrustCodeInstalled.Value != *tt.trust {
				t.Errorf("trust = %v", l.TrustCodeInstalled)
			}
			if l.Usage.LastACKNone != tt.ackNone || l.Transport.Type != tt.typ || l.Transport.VRF.Value != tt.vrf || l.Transport.Proxy.Value != "" {
				t.Errorf("usage %+v transport %+v", l.Usage, l.Transport)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestParseLicenseNothing(t *testing.T) {
	for _, text := range []string{"", "% Invalid command at '^' marker.", "Feature   Ins  Lic   Status Expiry Date Comments\nMPLS_PKG   No  -  Unused   Grace 10D 1H\n"} {
		if l := ParseLicense(section("show license status", "", text)); l != nil {
			t.Errorf("%q: got %+v", text, l)
		}
	}
}

// The NX-OS spelling of the SLP transport labels is unconfirmed (domain
// file, section 6): every form the Smart Agent prints on IOS-XE, and the
// likely variants, are read into the same fields.
func TestParseLicenseSLPTransportLabels(t *testing.T) {
	const head = "Smart Licensing Using Policy:\n  Status: ENABLED\n"
	tests := []struct {
		name, text                 string
		typ, url, cslu, proxy, vrf string
		// block is the line that opens the block, "Transport:" when "".
		block string
	}{
		{"IOS-XE smart with a proxy block", "  Type: Smart\n  URL: https://smartreceiver.cisco.com/licservice/license\n  Proxy:\n    Address: 192.0.2.8\n    Port: 80\n    Username: <empty>\n  VRF:\n    Not Supported\n",
			"Smart", "https://smartreceiver.cisco.com/licservice/license", "", "192.0.2.8:80", "", ""},
		{"cslu address", "  Type: cslu\n  Cslu address: http://cslu.example.net:8182/cslu/v1/pi\n  Proxy:\n    Not Configured\n  VRF: management\n",
			"cslu", "", "http://cslu.example.net:8182/cslu/v1/pi", "", "management", ""},
		{"cslu address empty", "  Type: cslu\n  Cslu address: <empty>\n  Proxy:\n    Not Configured\n  VRF:\n    Not Supported\n",
			"cslu", "", "", "", "", ""},
		{"CSLU URL label, proxy URL under its label", "  Type: CSLU\n  CSLU URL: http://10.1.1.1:8182/cslu/v1/pi\n  Proxy:\n    http://proxy.example.com:3128\n  VRF:\n    blue\n",
			"CSLU", "", "http://10.1.1.1:8182/cslu/v1/pi", "http://proxy.example.com:3128", "blue", ""},
		{"smart URL label, inline proxy", "  Type: Smart\n  Smart URL: https://smartreceiver.cisco.com/licservice/license\n  Proxy: proxy.example.com:8080\n  VRF: management\n",
			"Smart", "https://smartreceiver.cisco.com/licservice/license", "", "proxy.example.com:8080", "management", ""},
		{"transport off", "  Type: Transport Off\n", "Transport Off", "", "", "", "", ""},
		// The Smart Agent also prints the type on the block's own line
		// ("Transport: Smart", the IOS-XE fixture's Other Info).
		{"type on the block's line", "  URL: https://smartreceiver.cisco.com/licservice/license\n  VRF: management\n",
			"Smart", "https://smartreceiver.cisco.com/licservice/license", "", "", "management", "Transport: Smart"},
		{"cslu on the block's line", "  Cslu address: http://cslu.example.net:8182/cslu/v1/pi\n  VRF:\n    blue\n",
			"cslu", "", "http://cslu.example.net:8182/cslu/v1/pi", "", "blue", "Transport: cslu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			block := cmp.Or(tt.block, "Transport:")
			l := ParseLicense(section("show license status", "", head+block+"\n"+tt.text))
			if l == nil {
				t.Fatal("nil")
			}
			tr := l.Transport
			if tr.Type != tt.typ || tr.URL.Value != tt.url || tr.CSLU.Value != tt.cslu || tr.Proxy.Value != tt.proxy || tr.VRF.Value != tt.vrf {
				t.Errorf("transport %+v", tr)
			}
			for _, r := range []capture.Fact[string]{tr.URL, tr.CSLU, tr.Proxy, tr.VRF} {
				if r.Value != "" && r.Ref.Line == 0 {
					t.Errorf("%q has no line", r.Value)
				}
			}
		})
	}
}

// The licences in use: `Status: IN USE` in a package block of `show
// license usage` (real NX-OS 10.x output), or an IN USE row of an SLP
// summary's `License Usage:` table; with the listing captured, none in
// use is a fact too.
func TestParseLicenseInUse(t *testing.T) {
	real := ParseLicense(fixture(t, "ntc-templates__nxos_10x_slp_not_applicable.txt", "show license usage", "show license usage"))
	if real == nil || !real.SLP.Value || len(real.InUse) != 1 || real.InUse[0].Line != 9 || real.UsageListed.IsZero() {
		t.Fatalf("real usage: %+v", real)
	}
	tests := []struct {
		name, cmd, text string
		inUse           []int
		listed          bool
	}{
		{"two packages, one in use", "show license usage", "License Authorization:\n  Status: Not Applicable\n\n(LAN_ENTERPRISE_SERVICES_PKG):\n  Status: IN USE\n\n(NETWORK_SERVICES_PKG):\n  Status: NOT IN USE\n", []int{5}, true},
		{"nothing in use", "show license usage", "License Authorization:\n  Status: Not Applicable\n", nil, true},
		{"summary table", "show license summary", "License Usage:\n  License                 Entitlement Tag            Count Status\n  -----------------------------------------------------------------\n  LAN Enterprise          (LAN_ENTERPRISE_SERVICES_PKG)  1 IN USE\n  Network Services        (NETWORK_SERVICES_PKG)         0 NOT IN USE\n", []int{4}, true},
		{"classic status: no listing", "show license status", "Smart Licensing is ENABLED\nLicense Authorization:\n  Status: NO LICENSES IN USE\n", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ParseLicense(section(tt.cmd, tt.cmd, tt.text))
			if l == nil {
				t.Fatal("nil")
			}
			var got []int
			for _, r := range l.InUse {
				got = append(got, r.Line)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.inUse) || l.UsageListed.IsZero() == tt.listed {
				t.Errorf("in use %v listed %v", got, !l.UsageListed.IsZero())
			}
		})
	}
}
