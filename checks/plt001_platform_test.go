package checks

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
	"github.com/slcheck/slcheck/snapshot"
)

// readVersion parses a real `show version` from testdata (copied from
// capture/testdata/fixtures/show_version, see SOURCES.md there).
func readVersion(t *testing.T, name string) *parsers.Version {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "show_version", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sec := &capture.Section{Command: snapshot.CmdVersion, Source: name}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		sec.Lines = append(sec.Lines, capture.Line{N: n, Text: sc.Text()})
	}
	v := parsers.ParseVersion(sec)
	if v == nil {
		t.Fatalf("%s: no version parsed", name)
	}
	return v
}

func vsnap(v *parsers.Version) *snapshot.Snapshot {
	return &snapshot.Snapshot{Source: "show_version.txt", Commands: map[string]bool{}, Version: v}
}

func TestPLT001Fixtures(t *testing.T) {
	runLicCases(t, "PLT001", []licCase{
		{"N9K 9396PX 9.3(6) upgrade image", vsnap(readVersion(t, "genieparser-via-muninn__nxos_n9k-c9396px_9.3-6uu_upg.txt")), Pass, "", []string{"9.3(6)", "from 9.3(3)"}},
		{"N3K 3232C 9.3(15)", vsnap(readVersion(t, "ntc-templates__nxos_n3k-c3232c_9.3-15.txt")), Pass, "", []string{"9.3(15)"}},
		{"N9K 10.2(3)F", vsnap(readVersion(t, "genieparser-via-muninn__nxos_n9k-c9332d-gx2b_10.2-3F_lxc.txt")), Pass, "", []string{"10.2(3)"}},
		{"N9K 10.3(6)M", vsnap(readVersion(t, "ntc-templates__nxos_n9k-c93108tc-ex_10.3-6M.txt")), Pass, "", []string{"10.3(6)"}},
	})
}

func TestPLT001(t *testing.T) {
	old := lversion("N9K", "C9396PX", "7.0(3)I7(6)")
	runLicCases(t, "PLT001", []licCase{
		{"no show version", &snapshot.Snapshot{}, Skipped, "", []string{"not checked: run `show version`"}},
		{"N9K before 9.3(3)", vsnap(old), Fail, Error, []string{"7.0(3)I7(6)", "9.3(3) or later", "traditional"}},
		{"N3K 9.3(2)", vsnap(lversion("N3K", "C3172PQ", "9.3(2)")), Fail, Error, []string{"9.3(3)"}},
		{"N9K at 9.3(3)", vsnap(lversion("N9K", "C93180YC-FX", "9.3(3)")), Pass, "", nil},
		{"N3064 on any release", vsnap(lversion("N3K", "C3064PQ", "9.3(9)")), Fail, Error, []string{"any release"}},
		{"N3016 by series", vsnap(lversion("N3K", "3016", "6.0(2)U6(1)")), Fail, Error, []string{"any release"}},
		{"N7K before 8.0(1)", vsnap(lversion("N7K", "C7010", "7.3(2)D1(1)")), Fail, Error, []string{"8.0(1) or later"}},
		{"N7K 8.2(1)", vsnap(lversion("N7K", "C7010", "8.2(1)")), Pass, "", nil},
		{"N5K not documented", vsnap(lversion("N5K", "C5672UP", "7.3(8)N1(1)")), Skipped, "", []string{"not known", "not documented", "does not guess"}},
		{"N6K not documented", vsnap(lversion("N6K", "C6001", "7.3(8)N1(1)")), Skipped, "", []string{"not known", "N6K"}},
		{"unknown platform", vsnap(&parsers.Version{Release: capture.Fact[string]{Value: "9.3(4)"}, Chassis: capture.Fact[string]{Value: "Frobnicator 9000"}}), Skipped, "", []string{"does not know the platform"}},
		{"unreadable release", vsnap(lversion("N9K", "C93180YC-FX", "unknown")), Skipped, "", []string{"could not be read"}},
		{"MDS 9.2(2)", vsnap(&parsers.Version{Release: capture.Fact[string]{Value: "9.2(2)"}, Family: "MDS", Model: "9148S", Chassis: capture.Fact[string]{Value: "MDS 9148S"}}), Pass, "", nil},
		{"MDS before 9.2(2)", vsnap(&parsers.Version{Release: capture.Fact[string]{Value: "8.4(2)"}, Family: "MDS", Model: "9148S", Chassis: capture.Fact[string]{Value: "MDS 9148S"}}), Skipped, "", []string{"9.2(2)"}},
		{"IOS-XE input", foreign(vsnap(old)), Skipped, "", []string{"PLT003"}},
	})
}
