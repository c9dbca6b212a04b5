package checks

import (
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

var pdtZone = time.FixedZone("PDT", -7*3600)

// slpLic is an SLP `show license status` shaped like the IOS-XE fixture
// (capture/testdata/fixtures/show_license_tech_support): transport smart to the
// smart receiver, last ACK Aug 30 2023, next ACK deadline Oct 29 2023.
func slpLic() *parsers.License {
	return &parsers.License{
		SLP: capture.Fact[bool]{Value: true, Ref: lref(snapshot.CmdLicenseStatus, 1, "Smart Licensing Using Policy:")},
		Transport: parsers.SLPTransport{Type: "Smart", Ref: lref(snapshot.CmdLicenseStatus, 20, "  Type: Smart"),
			URL: capture.Fact[string]{Value: smartReceiverURL, Ref: lref(snapshot.CmdLicenseStatus, 21, "  URL: "+smartReceiverURL)}},
		TrustCodeInstalled: capture.Fact[bool]{Value: true, Ref: lref(snapshot.CmdLicenseStatus, 60, "Trust Code Installed: Active: PID:N9K-C93180YC-FX,SN:FDO1234")},
		Usage: parsers.UsageReporting{
			Ref:          lref(snapshot.CmdLicenseStatus, 50, "Usage Reporting:"),
			LastACK:      &parsers.Timed{Time: time.Date(2023, 8, 30, 19, 3, 0, 0, pdtZone), Ref: lref(snapshot.CmdLicenseStatus, 51, "  Last ACK received: Aug 30 19:03:00 2023 PDT")},
			NextDeadline: &parsers.Timed{Time: time.Date(2023, 10, 29, 19, 3, 0, 0, pdtZone), Ref: lref(snapshot.CmdLicenseStatus, 52, "  Next ACK deadline: Oct 29 19:03:00 2023 PDT")},
		},
	}
}

// slpSnap is a 10.3(6) N9K with the given SLP status and license config.
func slpSnap(l *parsers.License, cfg *parsers.LicenseConfig, at time.Time) *snapshot.Snapshot {
	s := &snapshot.Snapshot{Source: "tech.txt", Commands: map[string]bool{}, License: l,
		Version: lversion("N9K", "C93108TC-EX", "10.3(6)")}
	if cfg != nil {
		s.Config = &parsers.RunningConfig{Covers: []string{parsers.TopicAll}, License: cfg,
			Time: capture.Fact[time.Time]{Ref: lref(cmdRunningConfig, 3, "!Time: Fri Sep  1 11:04:51 2023")}}
	}
	if !at.IsZero() {
		s.CapturedAt = capture.Fact[time.Time]{Value: at, Ref: lref(snapshot.CmdClock, 3, "11:04:51.711 PDT Fri Sep 1 2023")}
	}
	s.Path = snapshot.PathOf(s)
	return s
}

func slpAt() time.Time { return time.Date(2023, 9, 1, 11, 4, 51, 0, pdtZone) }

func editSLP(f func(*parsers.License)) *parsers.License {
	l := slpLic()
	f(l)
	return l
}
