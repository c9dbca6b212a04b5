package parsers

import (
	"testing"

	"github.com/slcheck/slcheck/capture"
)

func TestParseVersion(t *testing.T) {
	tests := []struct {
		file, text                 string
		nxos                       bool
		release, raw, train        string
		family, model, dev, serial string
		releaseLine                int
	}{
		{file: "genieparser-via-muninn__nxos_n9k-c9332d-gx2b_10.2-3F_lxc.txt", nxos: true,
			release: "10.2(3)", raw: "10.2(3) [Feature Release]", train: "Feature Release",
			family: "N9K", model: "C9332D-GX2B", dev: "Spine-12", serial: "FDO26380WD1", releaseLine: 13},
		{file: "genieparser-via-muninn__nxos_n9k-c9396px_9.3-6uu_upg.txt", nxos: true,
			release: "9.3(6)", raw: "9.3(6uu)I9(1uu) [build 9.3(6)]",
			family: "N9K", model: "C9396PX", dev: "N9K-ACC-2", serial: "SAL18432P5N", releaseLine: 22},
		{file: "ntc-templates__nxos_n3k-c3232c_9.3-15.txt", nxos: true, release: "9.3(15)", raw: "9.3(15)",
			family: "N3K", model: "C3232C", dev: "N3K-LAB-19", serial: "FOC21261DQD", releaseLine: 23},
		{file: "ntc-templates__nxos_n9k-c93108tc-ex_10.3-6M.txt", nxos: true, release: "10.3(6)",
			raw: "10.3(6) [Maintenance Release]", train: "Maintenance Release", family: "N9K", releaseLine: 23},
		{text: "Cisco Nexus Operating System (NX-OS) Software\n  kickstart: version 6.0(2)U6(1)\n  system:    version 6.0(2)U6(2)\n  cisco Nexus 3064 Chassis (\"48x10GE + 16x10G/4x40G Supervisor\")\n",
			nxos: true, release: "6.0(2)U6(2)", raw: "6.0(2)U6(2)", family: "N3K", model: "3064", releaseLine: 3},
		{text: "  system: version 8.4(2)\n  cisco Nexus7000 C7010 (10 Slot) Chassis (\"Supervisor Module-2\")\n",
			release: "8.4(2)", raw: "8.4(2)", family: "N7K", model: "C7010", releaseLine: 1},
		{text: "   NXOS: VERSION 9.3(4)\n cisco MDS 9148S 16G 48 FC (1 Slot) Chassis (\"2/4/8/16 Gbps FC/Supervisor\")\n",
			release: "9.3(4)", raw: "9.3(4)", family: "MDS", model: "9148S", releaseLine: 1},
	}
	for _, tt := range tests {
		name := tt.file
		sec := section("show version", "show version", tt.text)
		if tt.file != "" {
			sec = fixture(t, tt.file, "show version", "show version")
		} else {
			name = tt.raw
		}
		t.Run(name, func(t *testing.T) {
			v := ParseVersion(sec)
			if v == nil {
				t.Fatal("nil")
			}
			got := []string{v.Release.Value, v.ReleaseRaw, v.Train, v.Family, v.Model, v.DeviceName.Value, v.Serial.Value}
			want := []string{tt.release, tt.raw, tt.train, tt.family, tt.model, tt.dev, tt.serial}
			for i := range got {
				if got[i] != want[i] && !(tt.file != "" && want[i] == "" && i >= 4) {
					t.Errorf("field %d = %q, want %q", i, got[i], want[i])
				}
			}
			if v.NXOS != tt.nxos {
				t.Errorf("NXOS = %v", v.NXOS)
			}
			if v.Release.Ref.Line != tt.releaseLine {
				t.Errorf("release line = %d, want %d", v.Release.Ref.Line, tt.releaseLine)
			}
		})
	}
}

func TestParseVersionNothing(t *testing.T) {
	for _, text := range []string{"", "Smart Licensing is ENABLED", "% Invalid command at '^' marker."} {
		if v := ParseVersion(section("show version", "", text)); v != nil {
			t.Errorf("%q: got %+v, want nil", text, v)
		}
	}
}

func TestAtLeast(t *testing.T) {
	tests := []struct {
		rel, min       string
		atLeast, known bool
	}{
		{"9.3(4)", "9.3(3)", true, true},
		{"9.3(3)", "9.3(3)", true, true},
		{"9.2(4)", "9.3(3)", false, true},
		{"10.2(1)", "10.2(1)", true, true},
		{"10.1(2)", "10.2(1)", false, true},
		{"7.0(3)I7(8)", "9.3(3)", false, true},
		{"9.3(7a)", "9.3(7)", true, true},
		{"10.10(1)", "10.2(1)", true, true},
		{"", "9.3(3)", false, false},
		{"weird", "9.3(3)", false, false},
	}
	for _, tt := range tests {
		v := &Version{Release: capture.Fact[string]{Value: tt.rel}}
		a, k := v.AtLeast(tt.min)
		if a != tt.atLeast || k != tt.known {
			t.Errorf("%s >= %s: got %v,%v want %v,%v", tt.rel, tt.min, a, k, tt.atLeast, tt.known)
		}
	}
}

func TestCanonicalInterface(t *testing.T) {
	for in, want := range map[string]string{
		"mgmt0": "mgmt0", "MGMT0": "mgmt0", "Mgmt0": "mgmt0",
		"vlan27": "Vlan27", "Vlan 27": "Vlan27", "VLAN27": "Vlan27", "Vl27": "Vlan27",
		"Eth1/1": "Ethernet1/1", "e1/1": "Ethernet1/1", "ethernet1/1": "Ethernet1/1", "Ethernet 1/49/1": "Ethernet1/49/1",
		"lo0": "loopback0", "Loopback10": "loopback10", "po10": "port-channel10",
		"nve1": "nve1", "foo": "foo", " mgmt0 ": "mgmt0",
	} {
		if got := CanonicalInterface(in); got != want {
			t.Errorf("CanonicalInterface(%q) = %q, want %q", in, got, want)
		}
	}
}
