package snapshot

import (
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

// Sources of the release and the licensing mode, most trusted first
// (Sourced.From).
const (
	FromShowVersion   = "show version"
	FromConfigHeader  = "running-config header"
	FromLicenseOutput = "license output"
	FromConfiguration = "configuration"
)

// Sourced is a fact read from several sources in a fixed order of trust,
// the line that decided it, and the first source that says otherwise.
type Sourced struct {
	Value string
	// From names the deciding source (From* constants), Ref its line.
	From string
	Ref  capture.Ref
	// Other is set when a less trusted source disagrees: a capture taken
	// across an upgrade, or outputs of two switches pasted together.
	Other *Sourced
}

// NXOS reports whether the checklist judges the input: standalone NX-OS
// output, or output that shows no other software (capture.SoftwareUnknown).
// Capture lists Foreign lines exactly when it names other software.
func (s *Snapshot) NXOS() bool { return len(s.Foreign) == 0 }

// Release is the NX-OS release, from `show version` first, then the
// running-config header ("version 9.3(10) Bios:version 07.69"); Value is
// "" when neither was captured. Other is set when the two differ.
func (s *Snapshot) Release() Sourced {
	var decided [2]Sourced // as LicensingMode's
	d := decided[:0]
	if v := s.Version; v != nil && v.Release.Value != "" {
		d = append(d, Sourced{Value: v.Release.Value, From: FromShowVersion, Ref: v.Release.Ref})
	}
	if r := s.configRelease(); r != "" {
		d = append(d, Sourced{Value: r, From: FromConfigHeader, Ref: s.Config.Version.Ref})
	}
	return first(d, func(a, b string) bool {
		ra, oka := parsers.ParseRelease(a)
		rb, okb := parsers.ParseRelease(b)
		return oka && okb && ra.Compare(rb) == 0 || a == b
	})
}

// configRelease is the release of the config header, normalised as show
// version's ("9.3(6uu)I9(1uu)" is not written there); "" when none.
func (s *Snapshot) configRelease() string {
	if s.Config == nil || s.Config.Version.Value == "" {
		return ""
	}
	if _, ok := parsers.ParseRelease(s.Config.Version.Value); !ok {
		return ""
	}
	return s.Config.Version.Value
}

// LicensingMode settles the licensing mode from every source, in this order
// of trust (domain file §1, §6, §6b):
//  1. the `show version` release on its platform: N3K/N9K from 10.2(1)
//     and MDS from 9.2(2) run SLP, N3K/N9K from 9.3(3) and N7K from 8.0(1)
//     classic; a release before those runs no Smart Licensing (PLT001);
//  2. the running-config header's release, judged the same way (a release
//     from 10.2(1) is SLP on any platform: only Nexus 3000/9000 run 10.x);
//  3. the licence output's layout: Smart Licensing Using Policy's blocks
//     or "Status: Not Applicable" are SLP, a classic state is classic;
//  4. the configuration: `license smart transport|url` exist only under
//     SLP; a callhome block is classic.
//
// Only the licence output counts for software other than NX-OS: the NX-OS
// release rules do not apply to it. Other is set when sources 1 to 3
// disagree.
func (s *Snapshot) LicensingMode() Sourced {
	// At most one decision a source: checks ask for the mode many times
	// a device, and the array spares growing a slice each time.
	var decided [4]Sourced
	d := decided[:0]
	if s.NXOS() {
		if v := s.Version; v != nil {
			if m := releaseMode(v.Family, v.Model, v.Release.Value); m != "" {
				d = append(d, Sourced{Value: string(m), From: FromShowVersion, Ref: v.Release.Ref})
			}
		}
		if r := s.configRelease(); r != "" {
			family, model := "", ""
			if s.Version != nil {
				family, model = s.Version.Family, s.Version.Model
			}
			if m := releaseMode(family, model, r); m != "" {
				d = append(d, Sourced{Value: string(m), From: FromConfigHeader, Ref: s.Config.Version.Ref})
			}
		}
	}
	if l := s.License; l != nil {
		switch {
		case l.SLP.Value:
			d = append(d, Sourced{Value: string(ModeSLP), From: FromLicenseOutput, Ref: l.SLP.Ref})
		case l.Registration.Status.Value != "":
			d = append(d, Sourced{Value: string(ModeClassic), From: FromLicenseOutput, Ref: l.Registration.Status.Ref})
		case l.Authorization.Status.Value != "":
			d = append(d, Sourced{Value: string(ModeClassic), From: FromLicenseOutput, Ref: l.Authorization.Status.Ref})
		case l.Enabled.Said():
			d = append(d, Sourced{Value: string(ModeClassic), From: FromLicenseOutput, Ref: l.Enabled.Ref})
		}
	}
	n := len(d)
	if c := s.Config; s.NXOS() && c != nil {
		switch lc := c.License; {
		case lc != nil && lc.Transport.Value != "":
			d = append(d, Sourced{Value: string(ModeSLP), From: FromConfiguration, Ref: lc.Transport.Ref})
		case lc != nil && lc.URLSmart.Value != "":
			d = append(d, Sourced{Value: string(ModeSLP), From: FromConfiguration, Ref: lc.URLSmart.Ref})
		case lc != nil && lc.URLCSLU.Value != "":
			d = append(d, Sourced{Value: string(ModeSLP), From: FromConfiguration, Ref: lc.URLCSLU.Ref})
		case c.Callhome != nil:
			d = append(d, Sourced{Value: string(ModeClassic), From: FromConfiguration, Ref: c.Callhome.Ref})
		}
	}
	switch {
	case len(d) == 0:
		return Sourced{Value: string(ModeUnknown)}
	case n == 0:
		return d[0]
	}
	return first(d[:n], func(a, b string) bool { return a == b })
}

// first returns the first decision with Other set to the first later one
// whose value differs (same says two values agree).
func first(d []Sourced, same func(a, b string) bool) Sourced {
	if len(d) == 0 {
		return Sourced{}
	}
	out := d[0]
	for i := 1; i < len(d); i++ {
		if !same(out.Value, d[i].Value) {
			o := d[i]
			out.Other = &o
			break
		}
	}
	return out
}

// releaseMode is the licensing a release runs on a platform (domain §1),
// "" when the release does not say: a family slcheck has no source for
// (N5K, N6K), a release before Smart Licensing, or a Nexus 3016/3064,
// which never runs it.
func releaseMode(family, model, release string) Mode {
	r, ok := parsers.ParseRelease(release)
	if !ok {
		return ""
	}
	switch family {
	case "N9K", "N3K":
		switch {
		case strings.Contains(model, "3016") || strings.Contains(model, "3064"):
			return ""
		case r.Compare(firstNexusSLP) >= 0:
			return ModeSLP
		case r.Compare(firstNexusClassic) >= 0:
			return ModeClassic
		}
	case "N7K":
		if r.Compare(firstN7KClassic) >= 0 {
			return ModeClassic
		}
	case "MDS":
		if r.Compare(firstMDSSLP) >= 0 {
			return ModeSLP
		}
	case "":
		// Only Nexus 3000/9000 run 10.x.
		if r.Compare(firstNexusSLP) >= 0 {
			return ModeSLP
		}
	}
	return ""
}

// The first releases of each licensing (domain §1), read once: the checks
// ask for a device's mode many times.
var (
	firstNexusSLP     = mustRelease("10.2(1)")
	firstNexusClassic = mustRelease("9.3(3)")
	firstN7KClassic   = mustRelease("8.0(1)")
	firstMDSSLP       = mustRelease("9.2(2)")
)

func mustRelease(s string) parsers.Release {
	r, ok := parsers.ParseRelease(s)
	if !ok {
		panic("snapshot: bad release " + s)
	}
	return r
}

// Describe says where a decision came from, for messages: "`show
// version` (capture.txt:24: NXOS: version 10.3(6))".
func (d Sourced) Describe() string {
	if d.Ref.IsZero() {
		return d.From
	}
	return fmt.Sprintf("%s (%s: %s)", d.From, d.Ref, strings.TrimSpace(d.Ref.Text))
}
