package diagnose_test

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/report"
)

// The six kinds of miss of issue 11, each a class of input: every file of
// testdata/pastes (see its README: what is real, what hand-written) is one
// case of one kind, with the device it must give.

const pastesRoot = "../testdata/pastes"

// want is what one input must give: one device with these header values
// ("-" for a value not asserted) and, per check ID, "status" or
// "status: text" (the text in its message or reason).
type want struct {
	software, version, mode, platform, hostname string
	results                                     map[string]string
}

// kindCases maps each kind to its files and what they must give.
var kindCases = map[string]map[string]want{
	// 1. NX-OS output pasted without prompts, recognised by content only
	// its command prints.
	"1 bare NX-OS paste": {
		"nxos-callhome-block.txt": {capture.SoftwareNXOS, "", "classic", "", "",
			map[string]string{"CH001": "pass", "CH005": "pass", "PLT003": "pass: NX-OS output", "DNS001": "skipped: not checked"}},
		"nxos-vrf-mgmt-block.txt": {capture.SoftwareNXOS, "", "unknown", "", "",
			map[string]string{"CH001": "skipped: not checked: run `show running-config callhome`"}},
		"nxos-rancid-cisco-nx.txt": {capture.SoftwareNXOS, "9.3(8)", "classic", "", "dc1-leaf-07",
			map[string]string{"CH001": "pass", "DNS001": "fail", "NET001": "pass", "CLK001": "fail"}},
		"nxos-config-from-time-line.txt": {capture.SoftwareNXOS, "9.3(10)", "classic", "", "",
			map[string]string{"CH001": "fail: not enabled"}},
		"nxos-show-version-from-software.txt": {capture.SoftwareNXOS, "9.3(15)", "classic", "Nexus3000 C3232C", "N3K-LAB-19",
			map[string]string{"PLT001": "pass", "PLT002": "pass"}},
		"nxos-show-version-from-release-line.txt": {capture.SoftwareNXOS, "10.2(3)", "slp", "Nexus9000 C9332D-GX2B", "Spine-12",
			map[string]string{"PLT002": "fail: Smart Licensing Using Policy release"}},
		"nxos-show-version-from-hardware.txt": {capture.SoftwareNXOS, "", "unknown", "Nexus9000 C93108TC-EX", "N9K-LAB-07",
			map[string]string{"PLT001": "skipped: holds no release line"}},
		"nxos-show-hosts-enabled.txt": {capture.SoftwareNXOS, "", "unknown", "", "",
			map[string]string{"DNS001": "pass"}},
		"nxos-slp-summary.txt": {capture.SoftwareNXOS, "", "slp", "", "",
			map[string]string{"PLT002": "fail: `show license summary` shows Smart Licensing Using Policy", "LIC002": "skipped: not applicable"}},
		"nxos-slp-usage-two-packages.txt": {capture.SoftwareNXOS, "", "slp", "", "",
			map[string]string{"PLT002": "fail: `show license usage` shows Smart Licensing Using Policy", "CH001": "skipped: not applicable"}},
		"nxos-slp-status-using-lowercase.txt": {capture.SoftwareUnknown, "", "slp", "", "",
			map[string]string{"PLT002": "fail: Smart Licensing using Policy:", "SLP001": "pass", "SLP004": "fail", "PLT003": "fail: may be IOS-XE output"}},
		// Its lines are facts, but without the `callhome` line the
		// block may not be whole: the Call Home checks ask for it.
		"nxos-callhome-body-no-header.txt": {capture.SoftwareNXOS, "", "classic", "", "",
			map[string]string{"CH001": "skipped: run `show running-config callhome`", "PLT002": "pass"}},
		"nxos-callhome-block-tabs-crlf.txt": {capture.SoftwareNXOS, "", "classic", "", "",
			map[string]string{"CH002": "fail: http://", "CH001": "pass"}},
		"nxos-show-version-flush-left.txt": {capture.SoftwareNXOS, "9.3(11)", "classic", "Nexus9000 C93240YC-FX2", "leaf-x",
			map[string]string{"PLT001": "pass"}},
		// A terminal program's stamp before every line is not output.
		"nxos-terminal-log-timestamps.txt": {capture.SoftwareNXOS, "10.3(4a)", "slp", "Nexus9000 C93180YC-FX", "leaf-31",
			map[string]string{"SLP004": "fail", "LOG001": "fail: LICMGR-3-LOG_SMART_LIC_COMM_FAILED", "CLK001": "pass"}},
		// A classic status pasted from its middle: read, but nothing in
		// it is printed by NX-OS alone.
		"nxos-license-status-mid-output.txt": {capture.SoftwareUnknown, "", "classic", "", "",
			map[string]string{"PLT003": "pass: takes it for NX-OS", "LIC006": "pass"}},
	},
	// 2. Other Cisco software: named, with its line; no NX-OS check judges it.
	"2 other Cisco software": {
		"ios-15.2-running-config.txt":           {capture.SoftwareIOS, "15.2", "unknown", "", "R1", map[string]string{"PLT003": `fail: shows IOS 15.2 ("version 15.2")`}},
		"ios-12.4-running-config-no-banner.txt": {capture.SoftwareIOS, "12.4", "unknown", "", "branch-rtr", map[string]string{"PLT003": "fail: shows IOS 12.4"}},
		"iosxe-16.9-running-config.txt":         {capture.SoftwareIOSXE, "16.9", "unknown", "", "edge-01", map[string]string{"PLT003": `fail: shows IOS-XE 16.9`}},
		"iosxe-17.3-show-version.txt":           {capture.SoftwareIOSXE, "17.03.04", "unknown", "", "", map[string]string{"PLT003": "fail: Cisco IOS XE Software"}},
		"iosxe-16-show-license-status-bare.txt": {capture.SoftwareIOSXE, "", "classic", "", "", map[string]string{"PLT003": `fail: shows IOS-XE ("Utility:")`, "LIC006": "skipped: not applicable: IOS-XE output"}},
		"asa-9.12-show-license-status.txt":      {capture.SoftwareASA, "", "classic", "", "ASA", map[string]string{"PLT003": `fail: shows ASA ("ASA# show license status")`}},
		"asa-9.8-running-config.txt":            {capture.SoftwareASA, "9.8(2)", "unknown", "", "fw-edge", map[string]string{"PLT003": "fail: shows ASA 9.8(2)"}},
		"asa-9.16-show-version-bare.txt":        {capture.SoftwareASA, "9.16(3)", "unknown", "", "", map[string]string{"PLT003": "fail: Adaptive Security Appliance"}},
		"iosxr-7-console-log.txt":               {capture.SoftwareIOSXR, "", "classic", "", "router1", map[string]string{"PLT003": "fail: RP/0/RP0/CPU0:router1#", "LOG001": "skipped: not applicable: IOS-XR output"}},
		"iosxr-6-log-lines.txt":                 {capture.SoftwareIOSXR, "", "unknown", "", "", map[string]string{"PLT003": "fail: RP/0/RSP0/CPU0:Mar  3"}},
		"iosxr-running-config.txt":              {capture.SoftwareIOSXR, "6.1.2", "unknown", "", "xrv-1", map[string]string{"PLT003": "fail: !! IOS XR Configuration 6.1.2"}},
		// IOS-XE names its licences in lower case, NX-OS in upper case.
		"iosxe-17-slp-usage-bare.txt":   {capture.SoftwareIOSXE, "", "slp", "", "", map[string]string{"PLT003": `fail: shows IOS-XE ("network-advantage (C9300-48 Network Advantage):")`}},
		"iosxe-17-slp-summary-bare.txt": {capture.SoftwareIOSXE, "", "slp", "", "", map[string]string{"PLT003": `fail: shows IOS-XE ("network-advantage       (C9300-48 Network Advan...)       1 IN USE")`}},
		// An SLP status alone: IOS-XE 17 and NX-OS print the same blocks
		// (NX-OS's labels are [U]), so it is judged as NX-OS with a note.
		"iosxe-17-slp-status-bare.txt": {capture.SoftwareUnknown, "", "slp", "", "",
			map[string]string{"PLT003": `fail: may be IOS-XE output: nothing in it names the software, and ../testdata/pastes/iosxe-17-slp-status-bare.txt:11 ("Data Privacy:")`, "SLP004": "fail"}},
		// The other way round: a line naming NX-OS outweighs a block the
		// IOS family prints that NX-OS may print too (the licence banner).
		"nxos-show-version-then-license-all-banner.txt": {capture.SoftwareNXOS, "8.4(2)", "classic", "Nexus7700 C7706 (6 Slot)", "n7k-core1",
			map[string]string{"PLT003": "pass: Cisco Nexus Operating System", "LIC002": "pass"}},
		// An IOS-XE command typed at an NX-OS prompt, which NX-OS refused.
		"nxos-typed-iosxe-command-refused.txt": {capture.SoftwareNXOS, "9.3(12)", "classic", "Nexus9000 C93180YC-EX", "dc2-leaf-15",
			map[string]string{"PLT003": "pass: Cisco Nexus Operating System"}},
		"nxos-typed-iosxe-command-then-callhome.txt": {capture.SoftwareNXOS, "", "classic", "", "leaf7",
			map[string]string{"PLT003": "pass: !Command: show running-config callhome", "CH001": "pass"}},
	},
	// 3. Release and mode from every signal, the deciding line shown.
	"3 release and mode": {
		"nxos-config-9.3-10-only.txt":   {capture.SoftwareNXOS, "9.3(10)", "classic", "", "core-a", map[string]string{"PLT002": "pass: NX-OS 9.3(10) runs classic", "CH001": "pass"}},
		"nxos-config-10.3-1-only.txt":   {capture.SoftwareNXOS, "10.3(1)", "slp", "", "leaf-9", map[string]string{"PLT002": "fail: running-config header", "CH001": "skipped: not applicable: NX-OS 10.3(1) runs Smart Licensing Using Policy"}},
		"nxos-show-license-all-slp.txt": {capture.SoftwareNXOS, "", "slp", "", "switch1", map[string]string{"PLT002": "fail: `show license all` shows Smart Licensing Using Policy", "LIC002": "skipped: not applicable"}},
		"nxos-upgrade-across-capture.txt": {capture.SoftwareNXOS, "10.3(6)", "slp", "Nexus9000 C93180YC-FX", "core-b",
			map[string]string{"PLT002": "fail: the capture disagrees about the licensing mode"}},
	},
	// 4. Filtered output proves only what its filter could show.
	"4 filtered output": {
		"nxos-log-filtered-acl.txt": {capture.SoftwareNXOS, "9.3(8)", "classic", "-", "sw-log-1",
			map[string]string{"LOG001": "skipped: not checked: the output was filtered by `| include ACL`; run `show logging logfile`", "TLS001": "skipped: filtered by `| include ACL`"}},
		"nxos-log-filtered-smartlic.txt": {capture.SoftwareNXOS, "9.3(8)", "classic", "-", "sw-log-1",
			map[string]string{"LOG001": "pass", "TLS001": "pass"}},
		"nxos-log-filtered-last.txt": {capture.SoftwareNXOS, "9.3(8)", "classic", "-", "sw-log-2",
			map[string]string{"LOG001": "skipped: filtered by `| last 3`", "PLT001": "pass"}},
		"nxos-log-filtered-acl-with-failure.txt": {capture.SoftwareUnknown, "", "unknown", "", "sw-log-3",
			map[string]string{"LOG001": "fail: LICMGR-3-LOG_SMART_LIC_COMM_FAILED"}},
		"nxos-version-filtered.txt": {capture.SoftwareNXOS, "9.3(8)", "unknown", "", "sw-v",
			map[string]string{"PLT001": "skipped: filtered by `| include NXOS`; run `show version`"}},
	},
	// 5. Prompts that differ only in case are one switch.
	"5 one device per switch": {
		"nxos-prompts-differ-in-case.txt": {capture.SoftwareNXOS, "9.3(9)", "classic", "-", "switch1",
			map[string]string{"PLT003": "pass", "LIC002": "pass", "CLK001": "pass: NTP"}},
		"nxos-prompts-differ-in-case-two-switches.txt": {capture.SoftwareNXOS, "9.3(9)", "-", "-", "switch1",
			map[string]string{"PLT003": "fail: several devices"}},
		// Output NX-OS never prints beside a line naming NX-OS is another
		// device's: said, not read as the Nexus's.
		"nxos-show-version-with-iosxe-call-home.txt": {capture.SoftwareNXOS, "9.3(12)", "-", "Nexus9000 C93180YC-FX", "dc2-leaf-14",
			map[string]string{"PLT003": "fail: several devices (1 line shows another device)", "CH001": "skipped: not applicable: input mixes several devices"}},
	},
	// 6. Platform verdicts agree: PLT002 is skipped when PLT001 fails; ACI
	// mode is named.
	"6 platform verdicts": {
		"nxos-n3064-9.3-7.txt": {capture.SoftwareNXOS, "9.3(7)", "unknown", "Nexus 3064", "tor-3064",
			map[string]string{"PLT001": "fail: any release", "PLT002": "skipped: cannot run Smart Licensing (see PLT001)"}},
		"nxos-n3k-6.0-2-U6.txt": {capture.SoftwareNXOS, "6.0(2)U6(10)", "unknown", "Nexus 3172", "tor-3172",
			map[string]string{"PLT001": "fail: 9.3(3) or later", "PLT002": "skipped: cannot run Smart Licensing"}},
		"aci-leaf-show-version.txt": {capture.SoftwareACI, "14.0(1h)", "unknown", "N9K-C9396PX", "leaf101",
			map[string]string{"PLT003": "fail: shows NX-OS in ACI mode 14.0(1h)", "PLT001": "skipped: a switch in ACI mode"}},
		"aci-leaf-hardware-only.txt": {capture.SoftwareACI, "", "unknown", "N9K-C9396PX", "leaf101",
			map[string]string{"PLT003": `fail: aci-leaf-hardware-only.txt:2 shows NX-OS in ACI mode`}},
	},
}

func TestKind1BarePaste(t *testing.T)          { runKind(t, "1 bare NX-OS paste") }
func TestKind2OtherSoftware(t *testing.T)      { runKind(t, "2 other Cisco software") }
func TestKind3ReleaseAndMode(t *testing.T)     { runKind(t, "3 release and mode") }
func TestKind4FilteredOutput(t *testing.T)     { runKind(t, "4 filtered output") }
func TestKind5OneDevicePerSwitch(t *testing.T) { runKind(t, "5 one device per switch") }
func TestKind6PlatformVerdicts(t *testing.T)   { runKind(t, "6 platform verdicts") }

func runKind(t *testing.T, kind string) {
	for file, w := range kindCases[kind] {
		t.Run(file, func(t *testing.T) {
			devs := diagnoseFile(t, filepath.Join(pastesRoot, file))
			if len(devs) != 1 {
				t.Fatalf("%d devices, want 1", len(devs))
			}
			checkDevice(t, devs[0], w)
		})
	}
}

// checkDevice asserts the header values and results of one device, and
// what holds for every device: other software fails PLT003 naming it and
// its line, and no other check judges it.
func checkDevice(t *testing.T, d report.Device, w want) {
	t.Helper()
	if w.software == "-" {
		w.software = d.Software
	}
	for _, f := range []struct{ name, got, want string }{
		{"software", d.Software, w.software}, {"version", d.Version, w.version}, {"mode", string(d.Mode), w.mode},
		{"platform", d.Platform, w.platform}, {"hostname", d.Hostname, w.hostname},
	} {
		if f.want != "-" && f.got != f.want {
			t.Errorf("%s %q, want %q", f.name, f.got, f.want)
		}
	}
	if (d.SoftwareEvidence == nil) != (d.Software == capture.SoftwareUnknown) {
		t.Errorf("software %s with evidence %v", d.Software, d.SoftwareEvidence)
	}
	if d.Mode != "unknown" && d.ModeFrom == "" || d.Version != "" && d.VersionFrom == "" {
		t.Errorf("mode %q from %q, version %q from %q: the deciding line is not shown", d.Mode, d.ModeFrom, d.Version, d.VersionFrom)
	}
	byID := map[string]checks.Result{}
	for _, r := range d.Results {
		byID[r.ID] = r
	}
	for id, exp := range w.results {
		r := byID[id]
		st, text, _ := strings.Cut(exp, ": ")
		if string(r.Status) != st || !strings.Contains(r.Message+" | "+r.Reason, text) {
			t.Errorf("%s: %s %q / %q, want %s with %q", id, r.Status, r.Message, r.Reason, st, text)
		}
	}
	if d.Software == capture.SoftwareNXOS || d.Software == capture.SoftwareUnknown {
		return
	}
	plt := byID["PLT003"]
	if plt.Status != checks.Fail || !strings.Contains(plt.Message, capture.SoftwareName(d.Software)) ||
		!strings.Contains(plt.Message, strconv.Quote(strings.TrimSpace(d.SoftwareEvidence.Text))) || len(plt.Evidence) == 0 {
		t.Errorf("PLT003 %s %q: want a failure naming %s and its line %q", plt.Status, plt.Message, d.Software, d.SoftwareEvidence.Text)
	}
	for _, r := range d.Results {
		if r.ID != "PLT003" && (r.Status != checks.Skipped || !strings.Contains(r.Reason, "see PLT003")) {
			t.Errorf("%s judged %s software: %s %q", r.ID, d.Software, r.Status, r.Message)
		}
	}
}

// TestPastesHaveAKind: every file of testdata/pastes is a case of one kind,
// so an input added there gets its expectation.
func TestPastesHaveAKind(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(pastesRoot, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pastes: %v", err)
	}
	var missing []string
	for _, f := range files {
		n := 0
		for _, cases := range kindCases {
			if _, ok := cases[filepath.Base(f)]; ok {
				n++
			}
		}
		if n != 1 {
			missing = append(missing, filepath.Base(f))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("in no kind's cases, or in several: %v", missing)
	}
	for _, cases := range kindCases {
		for f := range cases {
			if _, err := os.Stat(filepath.Join(pastesRoot, f)); err != nil {
				t.Errorf("case without its file: %v", err)
			}
		}
	}
}
