package checks

import (
	"fmt"
	"strings"
	"time"

	"github.com/slcheck/slcheck/lifecycle"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/remedies"
	"github.com/slcheck/slcheck/snapshot"
)

// maxClockSkew is how far the device clock may be from CSSM's for trust
// codes (SLP troubleshooting guide).
const maxClockSkew = time.Hour

func init() {
	register(&Check{
		ID:         "CLK001",
		Title:      "Device clock is right (NTP)",
		Area:       AreaLogsTime,
		Severity:   Warning,
		Applies:    NXOS,
		Needs:      []string{snapshot.CmdClock, snapshot.CmdNTPConfig},
		References: []string{refSLPGuide},
		Explain: Explain{
			What: "In an SSH session, and in a capture `slcheck ssh` saved (its first line records the workstation's clock when `show clock` ran), the device clock against the workstation's (more than an hour apart fails); in any capture, `ntp server` lines in the running-config (whole, or filtered with `| include ntp`) and the `Time source is` line of `show clock`.",
			Why:  "Certificates and trust codes are checked against the device clock: a clock off by more than an hour from CSSM makes TLS and trust-code installation fail in ways that look like network problems.",
			Fix:  "Configure NTP (`ntp server <address> use-vrf <vrf>`) and check `show clock` and `show ntp peer-status` agree with real time.",
		},
		Run: runCLK001,
	})
}

func runCLK001(c *Check, s *snapshot.Snapshot) Result {
	if col := s.Collection; col != nil && !col.WorkstationTime.IsZero() {
		if s.Clock == nil || s.Clock.Time.IsZero() {
			return notChecked(c, s, snapshot.CmdClock)
		}
		skew := s.Clock.Time.Sub(col.WorkstationTime)
		dir := "ahead of"
		if skew < 0 {
			skew, dir = -skew, "behind"
		}
		if skew > maxClockSkew {
			msg := fmt.Sprintf("the device clock (%s) is %s %s the workstation's (%s, when `show clock` ran): certificates and trust codes need it within an hour",
				lifecycle.FormatTime(s.Clock.Time), skewWords(skew), dir, lifecycle.FormatTime(col.WorkstationTime))
			if !s.Clock.ZoneKnown {
				msg += fmt.Sprintf("; slcheck does not know the zone %q and read it as UTC: verify", s.Clock.Zone)
			}
			return c.Fail(msg, ntpRemedy(s), s.Clock.Ref, col.Ref)
		}
	}
	ntpOK, res := ntpState(c, s)
	if !ntpOK {
		return res
	}
	if s.Collection != nil && !s.Collection.WorkstationTime.IsZero() && s.Clock != nil {
		res.Message += "; the device clock is within an hour of the workstation's"
	}
	return res
}

// skewWords says a clock skew in the unit an operator sets a clock by:
// "3h20m0s" up to two days, whole days past that.
func skewWords(d time.Duration) string {
	if d < 48*time.Hour {
		return d.Round(time.Minute).String()
	}
	return fmt.Sprintf("%d days", d/(24*time.Hour))
}

// ntpState judges the capture side: the clock's time source, else the NTP
// configuration. ok is true when the result is a pass.
func ntpState(c *Check, s *snapshot.Snapshot) (ok bool, r Result) {
	if ck := s.Clock; ck != nil && ck.Source.Value != "" {
		src := strings.ToUpper(ck.Source.Value)
		if src == "NTP" || src == "PTP" {
			return true, c.Pass("`show clock` says the time source is "+src, ck.Source.Ref)
		}
		return false, c.Fail(fmt.Sprintf("`show clock` says the time source is %s, not NTP: verify the clock against real time, as certificates and trust codes need it right", ck.Source.Value),
			ntpRemedy(s), ck.Source.Ref)
	}
	if s.Config.Complete(parsers.TopicNTP) {
		if n := len(s.Config.NTPServers); n > 0 {
			return true, c.Pass(fmt.Sprintf("%d `ntp server` line(s) configured", n), s.Config.NTPServers[0])
		}
		return false, c.Fail("no `ntp server` in the running-config: the clock may have drifted; verify `show clock` against real time, as certificates and trust codes need it within an hour",
			ntpRemedy(s), configRef(s))
	}
	return false, notChecked(c, s, snapshot.CmdNTPConfig)
}

func ntpRemedy(s *snapshot.Snapshot) *remedies.Remedy {
	return &remedies.Remedy{
		Summary: "Synchronise the clock with NTP.",
		Config:  remedies.Config("ntp server <NTP server address> use-vrf " + remedies.VRFName(s.Path)),
		Verify:  []string{"show ntp peer-status", snapshot.CmdClock},
		Notes: append([]string{"Replace <NTP server address> with the site's NTP server; the VRF is the one licensing traffic uses, change it if NTP is reached elsewhere."},
			remedies.PathNotes(s.Path)...),
	}
}
