package snapshot

import (
	"slices"
	"strings"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

// merge folds b into a with fill when both are set, else returns the one
// that is: a later capture of the same facts only adds to the first.
func merge[T any](a, b *T, fill func(a, b *T)) *T {
	switch {
	case a == nil:
		return b
	case b != nil:
		fill(a, b)
	}
	return a
}

// fillConfig folds running-config fragment b into a. The same config
// line seen twice (a whole config and `show running-config callhome`) is
// one fact; where the fragments differ, the first one read wins.
func fillConfig(a, b *parsers.RunningConfig) {
	for _, t := range b.Covers {
		if !slices.Contains(a.Covers, t) {
			a.Covers = append(a.Covers, t)
		}
	}
	a.Time = a.Time.Or(b.Time)
	a.Hostname = a.Hostname.Or(b.Hostname)
	a.Version = a.Version.Or(b.Version)
	a.Callhome = merge(a.Callhome, b.Callhome, fillCallhome)
	if a.DomainLookupOff == nil {
		a.DomainLookupOff = b.DomainLookupOff
	}
	if a.DomainLookupOn == nil {
		a.DomainLookupOn = b.DomainLookupOn
	}
	for _, ns := range b.NameServers {
		if !slices.ContainsFunc(a.NameServers, func(x parsers.NameServer) bool { return sameLine(x.Ref, ns.Ref) && x.VRF == ns.VRF }) {
			a.NameServers = append(a.NameServers, ns)
		}
	}
	for name, v := range b.VRFs {
		av := a.VRFs[name]
		if av == nil {
			a.VRFs[name] = v
			continue
		}
		fillVRF(av, v)
	}
	for name, i := range b.Interfaces {
		ai := a.Interfaces[name]
		switch {
		case ai == nil:
			a.Interfaces[name] = i
		case ai.VRF.Ref == ai.Ref && i.VRF.Ref != i.Ref:
			// a only had mgmt0's implied VRF; b has a vrf member line.
			ai.VRF = i.VRF
		}
		if ai != nil && ai.Address == "" {
			ai.Address = i.Address
		}
	}
	if a.HTTPSource == nil {
		a.HTTPSource = b.HTTPSource
	}
	a.License = merge(a.License, b.License, fillLicenseConfig)
	for _, r := range b.NTPServers {
		if !slices.ContainsFunc(a.NTPServers, func(x capture.Ref) bool { return sameLine(x, r) }) {
			a.NTPServers = append(a.NTPServers, r)
		}
	}
}

// fillVRF folds b, the same `vrf context` block read again, into a: its
// name servers and static routes not read yet.
func fillVRF(a, b *parsers.VRF) {
	if a.Ref.IsZero() {
		a.Ref = b.Ref
	}
	for _, ns := range b.NameServers {
		if !slices.ContainsFunc(a.NameServers, func(x parsers.NameServer) bool { return sameLine(x.Ref, ns.Ref) }) {
			a.NameServers = append(a.NameServers, ns)
		}
	}
	for _, r := range b.StaticRoutes {
		if !slices.ContainsFunc(a.StaticRoutes, func(x parsers.StaticRoute) bool { return sameLine(x.Ref, r.Ref) }) {
			a.StaticRoutes = append(a.StaticRoutes, r)
		}
	}
}

// sameLine reports whether two refs hold the same config line.
func sameLine(a, b capture.Ref) bool {
	return strings.TrimSpace(a.Text) == strings.TrimSpace(b.Text)
}

func fillCallhome(a, b *parsers.Callhome) {
	a.Enabled = a.Enabled.Or(b.Enabled)
	a.EmailContact = a.EmailContact.Or(b.EmailContact)
	a.VRF = a.VRF.Or(b.VRF)
	if a.Proxy.Server.Ref.IsZero() {
		// The port is read from the server's line.
		a.Proxy.Server, a.Proxy.Port = b.Proxy.Server, b.Proxy.Port
	}
	a.Proxy.Enabled = a.Proxy.Enabled.Or(b.Proxy.Enabled)
	for name, bp := range b.Profiles {
		ap := a.Profile(name)
		if ap == nil {
			a.Profiles[name] = bp
			continue
		}
		for _, m := range bp.TransportMethods {
			if !slices.ContainsFunc(ap.TransportMethods, func(x capture.Fact[string]) bool { return x.Value == m.Value }) {
				ap.TransportMethods = append(ap.TransportMethods, m)
			}
		}
		for _, u := range bp.URLs {
			if !slices.ContainsFunc(ap.URLs, func(x parsers.DestinationURL) bool { return x.Index == u.Index && x.URL == u.URL }) {
				ap.URLs = append(ap.URLs, u)
			}
		}
	}
}

func fillLicenseConfig(a, b *parsers.LicenseConfig) {
	a.Transport = a.Transport.Or(b.Transport)
	a.URLSmart = a.URLSmart.Or(b.URLSmart)
	a.URLCSLU = a.URLCSLU.Or(b.URLCSLU)
	a.VRF = a.VRF.Or(b.VRF)
	a.ProxyURL = a.ProxyURL.Or(b.ProxyURL)
}

// fillLicense fills what a lacks from b: `show license status` read first
// keeps its dates, and `show license summary` adds what status omitted.
func fillLicense(a, b *parsers.License) {
	a.Enabled = a.Enabled.Or(b.Enabled)
	a.SLP = a.SLP.Or(b.SLP) // only ever said true
	a.InUse = append(a.InUse, b.InUse...)
	if a.UsageListed.IsZero() {
		a.UsageListed = b.UsageListed
	}
	if a.Registration.Status.Value == "" {
		a.Registration = b.Registration
	}
	if a.Authorization.Status.Value == "" {
		a.Authorization = b.Authorization
	}
	if a.Evaluation == nil {
		a.Evaluation = b.Evaluation
	}
	if a.Transport.Type == "" && a.Transport.URL.Value == "" {
		a.Transport = b.Transport
	}
	a.TrustCodeInstalled = a.TrustCodeInstalled.Or(b.TrustCodeInstalled)
	if a.Usage.LastACK == nil && !a.Usage.LastACKNone && a.Usage.NextDeadline == nil {
		a.Usage = b.Usage
	}
	a.Unrecognised = append(a.Unrecognised, b.Unrecognised...)
}

func fillTrust(a, b *parsers.TrustStore) {
	for _, tp := range b.Trustpoints {
		if !slices.Contains(a.Trustpoints, tp) {
			a.Trustpoints = append(a.Trustpoints, tp)
		}
	}
	for _, c := range b.Certificates {
		if !slices.ContainsFunc(a.Certificates, func(x parsers.Certificate) bool {
			return x.Serial == c.Serial && x.Subject == c.Subject && x.Trustpoint == c.Trustpoint
		}) {
			a.Certificates = append(a.Certificates, c)
		}
	}
}
