package checks

import (
	"testing"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/parsers"
)

func TestSLP002(t *testing.T) {
	url := func(u string) *parsers.License {
		return editSLP(func(l *parsers.License) { l.Transport.URL.Value = u })
	}
	cslu := func(u string) *parsers.License {
		return editSLP(func(l *parsers.License) { l.Transport.Type, l.Transport.URL.Value = "cslu", u })
	}
	runLicCases(t, "SLP002", []licCase{
		{"smart receiver", slpSnap(slpLic(), nil, slpAt()), Pass, "", []string{"smart receiver"}},
		{"http", slpSnap(url("http://smartreceiver.cisco.com/licservice/license"), nil, slpAt()), Fail, Error, []string{"not HTTPS"}},
		{"IP address", slpSnap(url("https://72.163.4.38/licservice/license"), nil, slpAt()), Fail, Error, []string{"IP address 72.163.4.38", "222725"}},
		{"typo in path", slpSnap(url("https://smartreceiver.cisco.com/licservice/licence"), nil, slpAt()), Fail, Error, []string{"/licservice/license"}},
		{"classic endpoint", slpSnap(url("https://tools.cisco.com/its/service/oddce/services/DDCEService"), nil, slpAt()), Fail, Error, []string{"other than smartreceiver.cisco.com"}},
		{"unknown server", slpSnap(url("https://licensing.example.com/whatever"), nil, slpAt()), Fail, Error, []string{"neither"}},
		{"CSLU https", slpSnap(cslu("https://cslu.example.com:8182/cslu/v1/pi"), nil, slpAt()), Pass, "", []string{"cslu.example.com"}},
		// Cisco's default CSLU URL is plain http on 8182, often an IP [XE]:
		// not an error for transport cslu.
		{"CSLU http", slpSnap(cslu("http://cslu-local:8182/cslu/v1/pi"), nil, slpAt()), Pass, "", []string{"plain HTTP", "port 8182", "no TLS"}},
		{"CSLU http IP", slpSnap(cslu("http://192.0.2.50:8182/cslu/v1/pi"), nil, slpAt()), Pass, "", []string{"plain HTTP"}},
		{"CSLU https IP", slpSnap(cslu("https://192.0.2.50/cslu/v1/pi/tenant"), nil, slpAt()), Fail, Error, []string{"IP address 192.0.2.50", "TLS validation"}},
		// Transport smart: not HTTPS first, then the address.
		{"smart http IP", slpSnap(url("http://72.163.4.38/licservice/license"), nil, slpAt()), Fail, Error, []string{"is not HTTPS", "also names the IP address 72.163.4.38"}},
		{"callhome transport to Cisco", snapOf(t, "show version", " NXOS: version 10.3(6)\n cisco Nexus9000 C93108TC-EX Chassis",
			"show running-config", "license smart transport callhome\ncallhome\n  "+tacHTTPS+"\n  transport http use-vrf management\n  enable"),
			Pass, "", []string{"CiscoTAC-1's destination", "known Call Home endpoint"}},
		{"callhome transport over http", snapOf(t, "show version", " NXOS: version 10.3(6)\n cisco Nexus9000 C93108TC-EX Chassis",
			"show running-config", "license smart transport callhome\ncallhome\n  destination-profile CiscoTAC-1 http http://tools.cisco.com/its/service/oddce/services/DDCEService"),
			Fail, Error, []string{"not HTTPS"}},
		{"on-prem", slpSnap(url("https://onprem.example.com/SmartTransport"), nil, slpAt()), Pass, "", nil},
		{"not a URL", slpSnap(url("smartreceiver"), nil, slpAt()), Fail, Error, []string{"cannot be read"}},
		{"from config", slpSnap(nil, &parsers.LicenseConfig{Transport: capture.Fact[string]{Value: "smart"}, URLSmart: capture.Fact[string]{Value: "http://smartreceiver.cisco.com/licservice/license",
			Ref: lref(cmdRunningConfig, 41, "license smart url smart http://smartreceiver.cisco.com/licservice/license")}}, slpAt()), Fail, Error, []string{"not HTTPS"}},
		{"transport off", slpSnap(editSLP(func(l *parsers.License) { l.Transport.Type = "off" }), nil, slpAt()), Skipped, "", []string{"SLP001"}},
		{"no URL anywhere", slpSnap(nil, &parsers.LicenseConfig{Transport: capture.Fact[string]{Value: "smart"}}, slpAt()), Skipped, "", []string{"shows a transport URL"}},
		{"nothing captured", slpSnap(nil, nil, slpAt()), Skipped, "", []string{"not checked"}},
	})
}
