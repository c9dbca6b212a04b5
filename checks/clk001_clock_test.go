package checks

import (
	"testing"
	"time"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

func TestCLK001(t *testing.T) {
	wholeConfig := func(ntp ...string) *parsers.RunningConfig {
		c := &parsers.RunningConfig{Covers: []string{parsers.TopicAll}, Time: capture.Fact[time.Time]{Ref: lref(cmdRunningConfig, 3, "!Time: Mon Aug  1 16:00:00 2022")}}
		for i, n := range ntp {
			c.NTPServers = append(c.NTPServers, lref(cmdRunningConfig, 40+i, n))
		}
		return c
	}
	clock := func(at time.Time, source string) *parsers.Clock {
		return &parsers.Clock{Time: at, Zone: at.Format("MST"), ZoneKnown: true,
			Source: capture.Fact[string]{Value: source, Ref: lref(snapshot.CmdClock, 1, "Time source is "+source)},
			Ref:    lref(snapshot.CmdClock, 2, at.Format("15:04:05.000 MST Mon Jan 02 2006"))}
	}
	snap := func(cfg *parsers.RunningConfig, ck *parsers.Clock, col *snapshot.Collection) *snapshot.Snapshot {
		return &snapshot.Snapshot{Source: "tech.txt", Commands: map[string]bool{}, Config: cfg, Clock: ck, Collection: col}
	}
	at := lutc(2022, 8, 1, 16, 0)
	ssh := &snapshot.Collection{Host: "sw1", WorkstationTime: at}
	fragment := &parsers.RunningConfig{Covers: []string{parsers.TopicCallhome}}
	unknownZone := clock(at.Add(3*time.Hour), "")
	unknownZone.ZoneKnown, unknownZone.Zone = false, "XYZ"
	runLicCases(t, "CLK001", []licCase{
		{"ntp configured", snap(wholeConfig("ntp server 192.0.2.1 use-vrf management"), nil, nil), Pass, "", []string{"1 `ntp server`"}},
		{"no ntp in whole config", snap(wholeConfig(), nil, nil), Fail, Warning, []string{"no `ntp server`", "verify"}},
		{"clock source NTP", snap(nil, clock(at, "NTP"), nil), Pass, "", []string{"time source is NTP"}},
		{"clock source none", snap(wholeConfig("ntp server 192.0.2.1"), clock(at, "none"), nil), Fail, Warning, []string{"time source is none", "verify"}},
		{"config fragment only", snap(fragment, clock(at, ""), nil), Skipped, "", []string{"not checked: run `show running-config | include ntp`"}},
		{"ssh, clock 2 hours off", snap(wholeConfig("ntp server 192.0.2.1"), clock(at.Add(-2*time.Hour), "NTP"), ssh), Fail, Warning, []string{"2h0m0s behind the workstation's"}},
		{"ssh, clock 3 years ahead", snap(wholeConfig("ntp server 192.0.2.1"), clock(at.AddDate(3, 0, 0), "NTP"), ssh), Fail, Warning, []string{"1096 days ahead of the workstation's"}},
		{"ssh, clock 10 minutes off", snap(wholeConfig("ntp server 192.0.2.1"), clock(at.Add(10*time.Minute), "NTP"), ssh), Pass, "", []string{"within an hour of the workstation"}},
		{"ssh, clock in another zone, same instant", snap(wholeConfig("ntp server 192.0.2.1"), clock(at.In(time.FixedZone("CEST", 2*3600)), "NTP"), ssh), Pass, "", nil},
		{"ssh, zone unknown", snap(nil, unknownZone, ssh), Fail, Warning, []string{`does not know the zone "XYZ"`}},
		{"ssh, no show clock", snap(wholeConfig("ntp server 192.0.2.1"), nil, ssh), Skipped, "", []string{"not checked: run `show clock`"}},
		{"IOS-XE input", func() *snapshot.Snapshot {
			s := snap(wholeConfig(), nil, nil)
			s.Foreign = []capture.Ref{lref("show call-home", 1, "x")}
			return s
		}(), Skipped, "", []string{"PLT003"}},
	})
}
