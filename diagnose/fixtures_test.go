package diagnose_test

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slcheck/slcheck/capture"
)

// The real device outputs of ../shared/fixtures, copied into the repo (CI
// has no ../shared). SLCHECK_FIXTURES names more folders to walk the same
// way, such as the captures kept apart from the repo; ../shared/fixtures is
// walked too when the checkout sits beside it.
const fixturesRoot = "../capture/testdata/fixtures"

// fixtureWant is what each fixture gives, bare and behind a prompt line.
// A fixture of the repo copy without an entry fails the test; one from
// another folder must give one device, with the software its name says
// (softwareByName) when it says one.
var fixtureWant = map[string]want{
	"genieparser__nxos_ping_all_timeout.txt":                                    {capture.SoftwareNXOS, "", "unknown", "", "-", nil},
	"genieparser__nxos_ping_success_count11_source.txt":                         {capture.SoftwareNXOS, "", "unknown", "", "-", nil},
	"IOSXE-contrast__muninn__csr1000v_17.3_show_call-home_default.txt":          {capture.SoftwareIOSXE, "", "unknown", "", "-", nil},
	"napalm__nxos_n7k-c7009_6.2-14_dns_disabled.txt":                            {capture.SoftwareNXOS, "", "unknown", "", "-", map[string]string{"DNS001": "fail"}},
	"muninn__nxos_n9k-c9396px.txt":                                              {capture.SoftwareNXOS, "", "unknown", "", "-", nil},
	"syedur-rahman-vrf-command__nxos_mgmt0_no_default_route.txt":                {capture.SoftwareNXOS, "", "unknown", "", "-", nil},
	"IOSXE-contrast__genieparser__c1000v_classic_registered_callhome.txt":       {capture.SoftwareIOSXE, "", "classic", "", "-", nil},
	"IOSXE-contrast__genieparser__c9407r_slp_proxy_usage_reporting_failure.txt": {capture.SoftwareIOSXE, "", "slp", "", "-", nil},
	"ntc-templates__nxos_10x_slp_not_applicable.txt":                            {capture.SoftwareNXOS, "", "slp", "", "-", map[string]string{"PLT002": "fail"}},
	"ntc-templates__nxos_n7k_traditional_grace.txt":                             {capture.SoftwareNXOS, "", "unknown", "", "-", nil},
	"genieparser-via-muninn__nxos_n9k-c9332d-gx2b_10.2-3F_lxc.txt":              {capture.SoftwareNXOS, "10.2(3)", "slp", "Nexus9000 C9332D-GX2B", "-", nil},
	"genieparser-via-muninn__nxos_n9k-c9396px_9.3-6uu_upg.txt":                  {capture.SoftwareNXOS, "9.3(6)", "classic", "Nexus9000 C9396PX", "-", nil},
	"napalm__nxos_n7k-c7009_6.2-14.txt":                                         {capture.SoftwareNXOS, "6.2(14)", "unknown", "Nexus7000 C7009 (9 Slot)", "-", map[string]string{"PLT001": "fail", "PLT002": "skipped: see PLT001"}},
	"ntc-templates__nxos_n3k-c3232c_9.3-15.txt":                                 {capture.SoftwareNXOS, "9.3(15)", "classic", "Nexus3000 C3232C", "-", nil},
	"ntc-templates__nxos_n5596_7.1-4-N1-1_paste_after_banner.txt":               {capture.SoftwareNXOS, "7.1(4)N1(1)", "unknown", "Nexus 5596", "-", nil},
	"ntc-templates__nxos_n9k-c93108tc-ex_10.3-6M.txt":                           {capture.SoftwareNXOS, "10.3(6)", "slp", "Nexus9000 C93108TC-EX", "-", nil},
}

// TestFixtures: every file under the fixtures folders gives one device,
// bare and with a `switch1# <command>` prompt line above it, with the right
// software, version and mode. New files are picked up by the walk.
func TestFixtures(t *testing.T) {
	roots := []string{fixturesRoot}
	if _, err := os.Stat("../../shared/fixtures"); err == nil {
		roots = append(roots, "../../shared/fixtures")
	}
	roots = append(roots, filepath.SplitList(os.Getenv("SLCHECK_FIXTURES"))...)
	n := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || e.Name() == "SOURCES.md" || strings.HasPrefix(e.Name(), ".") {
				return err
			}
			n++
			w, ok := fixtureWant[e.Name()]
			switch {
			case !ok && root == fixturesRoot:
				t.Errorf("%s: no expectation: add it to fixtureWant", path)
				return nil
			case !ok:
				w = want{software: softwareByName(e.Name()), version: "-", mode: "-", platform: "-", hostname: "-"}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, v := range []struct{ name, text string }{
				{"bare", string(data)},
				{"prompt", behindPrompt(filepath.Base(filepath.Dir(path)), data)},
			} {
				t.Run(filepath.Base(path)+"/"+v.name, func(t *testing.T) {
					p := filepath.Join(t.TempDir(), e.Name())
					if err := os.WriteFile(p, []byte(v.text), 0o644); err != nil {
						t.Fatal(err)
					}
					devs := diagnoseFile(t, p)
					if len(devs) != 1 {
						t.Fatalf("%d devices, want 1", len(devs))
					}
					checkDevice(t, devs[0], w)
					t.Logf("software %s (%v), version %q, mode %s", devs[0].Software, devs[0].SoftwareEvidence, devs[0].Version, devs[0].Mode)
				})
			}
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", root, err)
		}
	}
	if n < len(fixtureWant) {
		t.Errorf("walked %d fixtures, fewer than the %d expected", n, len(fixtureWant))
	}
}

// softwareByName is the software a fixture's name says, "-" when it says
// none: IOSXE, IOSXR, ASA, ACI, IOS or NXOS in it, in any case.
func softwareByName(name string) string {
	n := strings.ToLower(name)
	for _, m := range []struct{ word, software string }{
		{"iosxe", capture.SoftwareIOSXE}, {"ios-xe", capture.SoftwareIOSXE}, {"iosxr", capture.SoftwareIOSXR},
		{"ios-xr", capture.SoftwareIOSXR}, {"asa", capture.SoftwareASA}, {"aci", capture.SoftwareACI},
		{"nxos", capture.SoftwareNXOS}, {"nx-os", capture.SoftwareNXOS}, {"ios", capture.SoftwareIOS},
	} {
		if strings.Contains(n, m.word) {
			return m.software
		}
	}
	return "-"
}

// behindPrompt puts `switch1# <command>` above a fixture, the command
// named by its folder (show_ip_route_vrf_management: show ip route vrf
// management; ping: ping and the target its output names). A fixture that
// starts at its own prompt or echoed command is already behind one.
func behindPrompt(folder string, data []byte) string {
	first := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if first = strings.TrimSpace(sc.Text()); first != "" {
			break
		}
	}
	if strings.Contains(first, "#") {
		return string(data)
	}
	cmd := strings.ReplaceAll(folder, "_", " ")
	switch {
	case cmd == "ping":
		if f := strings.Fields(first); len(f) > 1 && f[0] == "PING" {
			cmd += " " + f[1]
		}
	case cmd == "show license tech support":
		cmd = "show license tech-support" // NX-OS's spelling
	}
	return "switch1# " + cmd + "\n" + string(data)
}
