package remedies

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/slcheck/slcheck/nxname"
	"github.com/slcheck/slcheck/snapshot"
)

// CiscoURL is the Call Home endpoint of classic Smart Licensing
// (doc 217965, method 1).
const CiscoURL = "https://tools.cisco.com/its/service/oddce/services/DDCEService"

// FN72115 is the field notice about the QuoVadis to IdenTrust root change.
const FN72115 = "https://www.cisco.com/c/en/us/support/docs/field-notices/721/fn72115.html"

// config wraps the lines to paste in the one shape of every fix block
// (Config), so every remedy can be pasted as it is.
func config(lines ...string) []string { return Config(lines...) }

// verify lists the commands that show a fix worked: the config and the
// license status, then the reachability tests of the path.
func verify(show string, p snapshot.Path) []string {
	out := []string{show, snapshot.CmdLicenseStatus}
	return append(out, p.Reach()...)
}

// ReplaceURL swaps the CiscoTAC-1 destination URL: it removes the device's
// own line (urlLine, as captured) and adds newURL. cut says the captured
// line looks truncated: the `no` line cannot be rebuilt from it, so its URL
// is a placeholder and a warning before the block says what to put there.
func ReplaceURL(summary, urlLine, newURL string, cut bool, p snapshot.Path) *Remedy {
	v := &values{}
	remove := "  no " + v.line(strings.TrimSpace(urlLine), "destination line", destinationPlaceholder)
	var warnings []string
	if cut {
		remove = "  no " + v.line(withoutURL(urlLine), "destination line", destinationPlaceholder) + " " + cutURLPlaceholder
		warnings = []string{"The captured URL line looks cut short (by the terminal or the capture), so the `no` line cannot be rebuilt from it: replace " + cutURLPlaceholder + " with the URL exactly as `" + snapshot.CmdCallhome + "` prints it on the switch before pasting."}
	}
	r := &Remedy{
		Summary:  summary,
		Warnings: warnings,
		Config: config("callhome", remove,
			"  destination-profile CiscoTAC-1 http "+v.check(newURL, "URL", "<https URL>", urlOK)),
		Verify: verify(snapshot.CmdCallhome, p),
	}
	return r.noted(p, v)
}

// cutURLPlaceholder stands for a URL the capture cut short.
const cutURLPlaceholder = "<URL as the switch prints it>"

// withoutURL is a destination line without its last word, the URL:
// "destination-profile CiscoTAC-1 index 1 http".
func withoutURL(line string) string {
	f := strings.Fields(line)
	if len(f) > 1 {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// NoURL is the fix when the URL cannot be built from what is known (an
// unknown server): the notes say what to put instead, then, when urlLine
// (the device's destination line) is not "", which line to remove first
// (a placeholder when it cannot be pasted back).
func NoURL(summary string, notes []string, urlLine string, p snapshot.Path) *Remedy {
	return noURL(summary, notes, urlLine, p, &values{})
}

// ByName is the fix for a destination that names its server by IP address
// (urlLine, whose URL path is path): the same path on the FQDN the server's
// certificate carries, resolvable in the path's VRF. Nothing can be pasted
// before the FQDN is known; the notes say what to write.
func ByName(urlLine, path string, p snapshot.Path) *Remedy {
	v := &values{}
	path = v.check(path, "URL path", "<path>", func(s string) bool { return pasteable(s) && !strings.ContainsAny(s, " \t") })
	return noURL("Name the server by the FQDN its certificate carries.", []string{
		fmt.Sprintf("Replace the line with `destination-profile CiscoTAC-1 http https://<FQDN>%s`, using the name in the server's certificate (for SSM On-Prem, its common name), and make the name resolve in VRF %s.", path, vrfName(p)),
	}, urlLine, p, v)
}

func noURL(summary string, notes []string, urlLine string, p snapshot.Path, v *values) *Remedy {
	notes = append([]string{}, notes...)
	if urlLine != "" {
		notes = append(notes, "Remove the current line first: `no "+v.line(strings.TrimSpace(urlLine), "destination line", destinationPlaceholder)+"`.")
	}
	r := &Remedy{Summary: summary,
		Verify: verify(snapshot.CmdCallhome, p), Notes: notes}
	return r.noted(p, v)
}

// destinationPlaceholder stands for the device's CiscoTAC-1 destination
// line when it cannot be pasted back.
const destinationPlaceholder = "<the destination-profile CiscoTAC-1 line of " + snapshot.CmdCallhome + ">"

// EnableCallhome turns on a Call Home block that is configured but off.
func EnableCallhome(p snapshot.Path) *Remedy {
	return (&Remedy{
		Summary: "Enable Call Home so Smart Licensing can send its messages.",
		Config:  config("callhome", "  enable"),
		Verify:  verify(snapshot.CmdCallhome, p),
	}).noted(p, nil)
}

// NewCallhome is the reference configuration of doc 217965 (direct cloud
// access) for a device with no callhome block; vrf is the VRF the device
// should send from.
func NewCallhome(vrf string) *Remedy {
	p := snapshot.Path{Host: "tools.cisco.com", Port: 443, VRF: cmp.Or(vrf, snapshot.DefaultVRF)}
	lines := []string{"callhome",
		"  email-contact sch-smart-licensing@cisco.com",
		"  destination-profile CiscoTAC-1 transport-method http",
		"  destination-profile CiscoTAC-1 http " + CiscoURL}
	if vrf != "" && vrf != "default" {
		lines = append(lines, "  transport http use-vrf "+vrfName(p))
	}
	lines = append(lines, "  enable")
	return (&Remedy{
		Summary: "Configure Call Home with the CiscoTAC-1 HTTPS destination (Cisco's reference configuration, doc 217965).",
		Config:  config(lines...),
		Verify:  verify(snapshot.CmdCallhome, p),
		Notes: []string{
			"The VRF (`transport http use-vrf`) must be the one that reaches the Internet or your proxy; without the line Call Home uses the default VRF.",
			"For a proxy or an on-prem Smart Software Manager, change the destination or add the proxy before enabling (doc 217965, methods 2 and 3).",
		},
	}).noted(p, nil)
}

// AddTransport adds what CiscoTAC-1 lacks: the HTTP transport method,
// the HTTP destination URL, or both.
func AddTransport(needMethod, needURL bool, p snapshot.Path) *Remedy {
	lines := []string{"callhome"}
	if needMethod {
		lines = append(lines, "  destination-profile CiscoTAC-1 transport-method http")
	}
	var notes []string
	if needURL {
		lines = append(lines, "  destination-profile CiscoTAC-1 http "+CiscoURL)
		notes = append(notes, "This is Cisco's cloud URL (direct access or through a proxy); for an on-prem Smart Software Manager use its `https://<host>/Transportgateway/services/DeviceRequestHandler` URL instead.")
	}
	return (&Remedy{
		Summary: "Give the CiscoTAC-1 profile an HTTP transport and an HTTPS destination.",
		Config:  config(lines...),
		Verify:  verify(snapshot.CmdCallhome, p),
		Notes:   append([]string{}, notes...),
	}).noted(p, nil)
}

// EmailContact adds the contact address Call Home requires.
func EmailContact() *Remedy {
	return &Remedy{
		Summary: "Add an email contact to the callhome configuration.",
		Config:  config("callhome", "  email-contact sch-smart-licensing@cisco.com"),
		Verify:  []string{snapshot.CmdCallhome},
		Notes: []string{
			"Cisco's reference configuration (doc 217965) uses sch-smart-licensing@cisco.com; use your team's address if you want Call Home notices yourselves.",
		},
	}
}

// SourceInterface points the HTTP source interface at ifName, an interface
// in the Call Home VRF; ifName "" means none is known and the note says how
// to choose one. current is the device's own line, removed first.
func SourceInterface(current, ifName string, p snapshot.Path) *Remedy {
	v := &values{}
	r := &Remedy{
		Summary: fmt.Sprintf("Use an interface in VRF %s as the HTTP source interface.", vrfName(p)),
		Verify:  append([]string{snapshot.CmdHTTPSource, snapshot.CmdLicenseStatus}, p.Reach()...),
		Notes: []string{
			"The `ip http source-interface <interface> vrf <vrf>` form is community-tested on 9.3(5), not documented: verify on your release (`ip http source-interface ?`).",
		},
	}
	if ifName == "" {
		r.Notes = append(r.Notes, fmt.Sprintf("No interface in VRF %s was found in the capture: pick one with `show ip interface brief vrf %s`, or move Call Home to the VRF of the current source interface with `transport http use-vrf`.", vrfName(p), vrfName(p)))
		return r.noted(p, v)
	}
	lines := []string{}
	if current != "" {
		lines = append(lines, "no "+v.line(strings.TrimSpace(current), "source-interface line", "<the ip http source-interface line of show running-config>"))
	}
	lines = append(lines, fmt.Sprintf("ip http source-interface %s vrf %s", v.check(ifName, "interface name", "<interface>", nxname.Interface), vrfName(p)))
	r.Config = config(lines...)
	return r.noted(p, v)
}

// DefaultRoute adds a default route in the VRF; the next hop is the
// operator's gateway, which a capture does not show, so it stays a
// placeholder named after the connected subnets.
func DefaultRoute(subnets []string, p snapshot.Path) *Remedy {
	hop := "<next-hop>"
	var valid []string
	for _, sn := range subnets {
		if nxname.Prefix(sn) {
			valid = append(valid, sn)
		}
	}
	if len(valid) > 0 {
		hop = "<next-hop in " + strings.Join(valid, " or ") + ">"
	}
	return (&Remedy{
		Summary: fmt.Sprintf("Give VRF %s a route toward the endpoint (a default route, or one covering the endpoint or proxy).", vrfName(p)),
		Config:  config("vrf context "+vrfName(p), "  ip route 0.0.0.0/0 "+hop),
		Verify:  append([]string{"show ip route vrf " + vrfName(p), snapshot.CmdLicenseStatus}, p.Reach()...),
		Notes: []string{
			"Replace " + hop + " with the gateway of that VRF; a capture does not show it.",
			"A more specific route toward the endpoint (or the proxy) works too, if your policy forbids a default route in this VRF.",
		},
	}).noted(p, nil)
}

// Reachability is the fix for a path that does not carry the TCP test: it
// is not on the switch but in the network (firewall, NAT, proxy).
func Reachability(p snapshot.Path, notes ...string) *Remedy {
	_, port := p.Next()
	return (&Remedy{
		Summary: fmt.Sprintf("Open the path from VRF %s to %s on TCP %s (firewall, NAT, ACL or proxy), then test again from the switch.", vrfName(p), hostName(p), portName(port)),
		Verify:  append(p.Reach(), snapshot.CmdLicenseStatus),
		Notes:   append([]string{}, notes...),
	}).noted(p, nil)
}

// ProxyEnable enables a proxy that has a server but is not enabled.
func ProxyEnable(p snapshot.Path) *Remedy {
	return (&Remedy{
		Summary: "Enable the HTTP proxy that is configured under callhome.",
		Config:  config("callhome", "  transport http proxy enable"),
		Verify:  verify(snapshot.CmdCallhome, p),
		Notes:   []string{"If the switch should reach Cisco directly, remove the `transport http proxy server` line instead."},
	}).noted(p, nil)
}

// ProxyServer names the server for a proxy that is enabled without one.
func ProxyServer(enableLine string, p snapshot.Path) *Remedy {
	v := &values{}
	return (&Remedy{
		Summary: "Name the proxy server, or stop using a proxy.",
		Config:  config("callhome", "  transport http proxy server <proxy-host> port <proxy-port>"),
		Verify:  verify(snapshot.CmdCallhome, p),
		Notes: []string{
			"The `transport http proxy server <host> port <n>` spelling is unconfirmed for NX-OS (doc 217965 method 2 shows it cut): check it with `transport http proxy server ?` under callhome.",
			"If the switch should reach Cisco directly, remove the proxy instead: `no " + v.line(strings.TrimSpace(enableLine), "proxy line", "<the transport http proxy enable line>") + "` under callhome.",
		},
	}).noted(p, v)
}

// DomainLookup turns name resolution back on.
func DomainLookup(p snapshot.Path) *Remedy {
	return (&Remedy{
		Summary: "Turn DNS lookups back on so the switch can resolve the endpoint name.",
		Config:  config("ip domain-lookup"),
		Verify:  append([]string{"show running-config | include domain-lookup", snapshot.CmdHosts}, p.Reach()...),
	}).noted(p, nil)
}

// NameServer gives the Call Home VRF a name server. reuse are addresses
// configured for another VRF (fromVRF); with none the address stays a
// placeholder.
func NameServer(reuse []string, fromVRF string, p snapshot.Path) *Remedy {
	v := &values{}
	addrs := "<dns-server>"
	notes := []string{"`ip name-server <addr> use-vrf <vrf>` globally and `ip name-server <addr>` under `vrf context <vrf>` do the same; either serves the VRF."}
	var valid []string
	for _, a := range reuse {
		if nxname.Address(a) {
			valid = append(valid, a)
		} else {
			v.notes = append(v.notes, fmt.Sprintf("The capture gives `%s` as a name server, which is not an IP address: it is left out above.", a))
		}
	}
	if len(valid) > 0 {
		addrs = strings.Join(valid, " ")
		notes = append(notes, fmt.Sprintf("These are the name servers this switch already uses in VRF %s; they must be reachable from VRF %s too, or use servers that are.",
			v.check(fromVRF, "VRF name", "<vrf>", nxname.VRF), vrfName(p)))
	} else {
		notes = append(notes, "Replace <dns-server> with a name server reachable from VRF "+vrfName(p)+".")
	}
	line := "ip name-server " + addrs
	if vrfName(p) != "default" {
		line += " use-vrf " + vrfName(p)
	}
	return (&Remedy{
		Summary: fmt.Sprintf("Give VRF %s a name server so the switch can resolve %s.", vrfName(p), hostName(p)),
		Config:  config(line),
		Verify:  append([]string{snapshot.CmdHosts}, p.Reach()...),
		Notes:   notes,
	}).noted(p, v)
}

// Resolve is the fix for a name the switch could not resolve: the DNS
// configuration checks say what to change; the tests show it worked.
func Resolve(p snapshot.Path) *Remedy {
	return (&Remedy{
		Summary: fmt.Sprintf("Make %s resolve in VRF %s: domain lookup on, and a name server for that VRF that knows the name.", hostName(p), vrfName(p)),
		Verify:  append([]string{snapshot.CmdHosts}, p.Reach()...),
		Notes:   []string{"See DNS001 and DNS002 for the configuration; if both pass, the name server itself does not answer for the name (CSCvv67469 describes Call Home hanging on a DNS server that does not answer)."},
	}).noted(p, nil)
}

// TrustChain is the fix for a trust store without IdenTrust Commercial
// Root CA 1: the NX-OS way to add it is unconfirmed, so it points at the
// field notice rather than printing a certificate command.
func TrustChain(p snapshot.Path, notes ...string) *Remedy {
	return (&Remedy{
		Summary: "Move to a release whose trust store holds IdenTrust Commercial Root CA 1, following the upgrade path of Field Notice FN72115.",
		Verify:  append([]string{snapshot.CmdCertificates, snapshot.CmdLicenseStatus}, p.Reach()...),
		Notes: append([]string{
			"Cisco moved its server certificates from QuoVadis Root CA 2 to IdenTrust Commercial Root CA 1 (serial 0A0142800000014523C844B500000002); tools.cisco.com's QuoVadis certificate expired on 5 Feb 2022.",
			"The NX-OS fixed releases and any trustpoint workaround are not confirmed here: check FN72115 (" + FN72115 + ") and Cisco TAC before changing the trust store.",
		}, notes...),
	}).noted(p, nil)
}

// Recapture is the fix for an input slcheck cannot judge as one NX-OS
// device: capture it again.
func Recapture(summary string, notes ...string) *Remedy {
	return &Remedy{
		Summary: summary,
		Verify:  []string{snapshot.CmdVersion, snapshot.CmdCallhome, snapshot.CmdLicenseStatus},
		Notes:   append([]string{}, notes...),
	}
}

// ReadLog is the fix for licensing failures in the log: read the newest
// one and fix the cause the other checks name.
func ReadLog(p snapshot.Path) *Remedy {
	return (&Remedy{
		Summary: "Fix the cause the other failing checks name, then confirm no new failure is logged.",
		Verify:  append([]string{snapshot.CmdLogging + " | include SMART_LIC|LICMGR|CALLHOME|CALL_HOME", snapshot.CmdLicenseStatus}, p.Reach()...),
		Notes:   []string{"Old lines stay in the log after the fix: judge by the time of the newest one."},
	}).noted(p, nil)
}
