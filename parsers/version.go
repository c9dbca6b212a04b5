package parsers

import (
	"regexp"
	"strings"

	"github.com/slcheck/slcheck/capture"
)

// Version holds what `show version` says.
type Version struct {
	// NXOS is set when the "Cisco Nexus Operating System" banner was seen.
	NXOS bool
	// Release is the normalised release, e.g. "9.3(4)", "10.2(3)"; for odd
	// forms such as "9.3(6uu)I9(1uu) [build 9.3(6)]" it is the build.
	// ReleaseRaw is the release as printed, read from Release.Ref.
	Release    capture.Fact[string]
	ReleaseRaw string
	// Train is the bracketed suffix such as "Feature Release", if any.
	Train string
	// Chassis is the hardware line, e.g. "Nexus9000 C93180YC-FX3".
	Chassis capture.Fact[string]
	// Family is "N9K", "N3K", "N7K", "N5K", "N6K", "MDS" or "" when unknown.
	Family string
	// Model is the chassis model as written, e.g. "C93180YC-FX3", "C3064PQ";
	// for chassis lines without one ("cisco Nexus 3064 Chassis") it is the
	// series number, "3064".
	Model string
	// DeviceName is the "Device name:" line's.
	DeviceName capture.Fact[string]
	Image      string

	// Ref is the first line of the output, the section's anchor.
	Ref capture.Ref
	// Serial is the "Processor Board ID", used to tell devices apart.
	Serial capture.Fact[string]
}

var (
	// "NXOS: version 9.3(4)", "system: version 6.0(2)U6(1)", "kickstart: ...".
	versionLineRE = regexp.MustCompile(`(?i)^\s*(nxos|nx-os|system|kickstart)\s*:\s*version\s+(\S.*?)\s*$`)
	buildRE       = regexp.MustCompile(`(?i)\[build\s+([^\]]+)\]`)
	trainRE       = regexp.MustCompile(`\[([^\]]+)\]`)
	chassisRE     = regexp.MustCompile(`(?i)^\s*cisco\s+(.*?)\s+chassis\b`)
	// ACI mode prints the part number without "Chassis": `cisco
	// N9K-C9396PX ("supervisor")` [V: ntc-templates ACI sample].
	partChassisRE = regexp.MustCompile(`^\s*cisco\s+(N\dK-[A-Z0-9-]+)\s*(?:\(|$)`)
	imageRE       = regexp.MustCompile(`(?i)^\s*(?:nxos|system)\s+image\s+file\s+is\s*:\s*(\S+)`)
	boardIDRE     = regexp.MustCompile(`(?i)^\s*processor\s+board\s+id\s+(\S+)`)
	deviceNameRE  = regexp.MustCompile(`(?i)^\s*device\s+name\s*:\s*(\S+)`)
)

// versionRank orders the release lines: the NXOS line wins over system,
// which wins over kickstart.
var versionRank = map[string]int{"nxos": 3, "nx-os": 3, "system": 2, "kickstart": 1}

// ParseVersion reads `show version`. It returns nil when the text holds
// none of the lines it looks for.
func ParseVersion(sec *capture.Section) *Version {
	v := &Version{}
	found := false
	rank := 0
	for i, l := range sec.Lines {
		if i == 0 || v.Ref.IsZero() && strings.TrimSpace(l.Text) != "" {
			v.Ref = sec.Ref(l)
		}
		t := l.Text
		if containsLower(t, "cisco nexus operating system") {
			v.NXOS = true
			found = true
			continue
		}
		// A pattern is tried only on lines whose first letter can start
		// it (lead).
		c := lead(t)
		if m := find(c, "nsk", versionLineRE, t); m != nil {
			if r := versionRank[strings.ToLower(m[1])]; r > rank {
				rank = r
				v.ReleaseRaw = m[2]
				v.Release.Ref = sec.Ref(l)
				v.Release.Value, v.Train = normaliseRelease(m[2])
				found = true
			}
			continue
		}
		if m := find(c, "c", chassisRE, t); m != nil && v.Chassis.Value == "" {
			v.Chassis = capture.Fact[string]{Value: strings.Join(strings.Fields(m[1]), " "), Ref: sec.Ref(l)}
			v.Family, v.Model = chassisFamily(v.Chassis.Value)
			found = true
			continue
		}
		if m := find(c, "c", partChassisRE, t); m != nil && v.Chassis.Value == "" {
			v.Chassis = capture.Fact[string]{Value: m[1], Ref: sec.Ref(l)}
			v.Family, _ = chassisFamily(m[1])
			_, v.Model, _ = strings.Cut(m[1], "-")
			found = true
			continue
		}
		if m := find(c, "ns", imageRE, t); m != nil && v.Image == "" {
			v.Image = m[1]
			continue
		}
		if m := find(c, "p", boardIDRE, t); m != nil && v.Serial.Value == "" {
			v.Serial = capture.Fact[string]{Value: m[1], Ref: sec.Ref(l)}
			continue
		}
		if m := find(c, "d", deviceNameRE, t); m != nil && v.DeviceName.Value == "" {
			v.DeviceName = capture.Fact[string]{Value: m[1], Ref: sec.Ref(l)}
			found = true
		}
	}
	if !found {
		return nil
	}
	return v
}

// normaliseRelease returns the release to compare on and the train name:
// "9.3(6uu)I9(1uu) [build 9.3(6)]" gives "9.3(6)"; "10.2(3) [Feature
// Release]" gives "10.2(3)" and "Feature Release".
func normaliseRelease(raw string) (release, train string) {
	if m := buildRE.FindStringSubmatch(raw); m != nil {
		release = strings.TrimSpace(m[1])
	} else if f := strings.Fields(raw); len(f) > 0 {
		release = f[0]
	}
	for _, m := range trainRE.FindAllStringSubmatch(raw, -1) {
		if !strings.HasPrefix(strings.ToLower(m[1]), "build") {
			train = strings.TrimSpace(m[1])
			break
		}
	}
	return release, train
}

// chassisFamily derives the family and model from the words between
// "cisco" and "Chassis": "Nexus9000 C93180YC-FX3", "Nexus 3064",
// "Nexus3000 C3232C", "Nexus7000 C7010 (10 Slot)", "MDS 9148S 16G 48 FC".
func chassisFamily(chassis string) (family, model string) {
	words := strings.Fields(chassis)
	if len(words) == 0 {
		return "", ""
	}
	// Glue "Nexus 3064" into "Nexus3064".
	head := words[0]
	rest := words[1:]
	if len(rest) > 0 && isDigits(strings.TrimRight(rest[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZ")) &&
		(strings.EqualFold(head, "nexus") || strings.EqualFold(head, "mds")) {
		head += rest[0]
		rest = rest[1:]
	}
	series := ""
	lh := strings.ToLower(head)
	switch {
	case strings.HasPrefix(lh, "mds"):
		family = "MDS"
		series = strings.TrimPrefix(lh, "mds")
	case strings.HasPrefix(lh, "nexus"):
		series = strings.ToUpper(head[len("nexus"):])
	case strings.HasPrefix(lh, "n") && len(lh) > 1 && isDigitByte(lh[1]):
		series = strings.ToUpper(head[1:]) // "N9K-C9396PX" style
		rest = append([]string{head}, rest...)
	}
	if family == "" && series != "" {
		switch series[0] {
		case '9':
			family = "N9K"
		case '3':
			family = "N3K"
		case '7':
			family = "N7K"
		case '5':
			family = "N5K"
		case '6':
			family = "N6K"
		}
	}
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "(") && !strings.HasPrefix(rest[0], "\"") {
		model = rest[0]
	} else if series != "" && !strings.HasSuffix(series, "000") && !strings.HasSuffix(series, "K") {
		model = series
	}
	if family == "MDS" {
		model = strings.ToUpper(series)
	}
	return family, model
}
