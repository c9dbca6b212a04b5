package parsers

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

const fullConfig = `!Command: show running-config
!Running configuration last done at: Thu Nov 26 14:00:00 2026
!Time: Thu Nov 26 14:22:11 2026

version 9.3(5) Bios:version 07.68
hostname DC-DMZ
no ip domain-lookup
ip name-server 192.0.2.53 192.0.2.54 use-vrf management
ip route 0.0.0.0/0 198.51.100.1
callhome
  email-contact abc@example.com
  phone-contact +919XXXXXXXXXX
  streetaddress ST3, RD 4, Bangalore
  destination-profile CiscoTAC-1 transport-method http
  destination-profile CiscoTAC-1 transport-method email
  destination-profile CiscoTAC-1 index 1 http http://tools.cisco.com/its/service/oddce/services/DDCEService
  destination-profile CiscoTAC-1 http https://tools.cisco.com/its/service/oddce/services/DDCEService
  destination-profile full_txt email-addr ops@example.com
  transport http use-vrf management
  transport http proxy server proxy.example.com port 8080
  transport http proxy enable
  enable
ip http source-interface vlan27
license smart transport smart
license smart url smart https://smartreceiver.cisco.com/licservice/license
license smart vrf management
ntp server 192.0.2.123 use-vrf management
vrf context management
  ip name-server 192.0.2.10
  ip route 0.0.0.0/0 192.0.2.1
  ip route 10.0.0.0 255.0.0.0 mgmt0 192.0.2.2 name backup
vrf context blue
  ip name-server 192.0.2.20 use-vrf management
router bgp 65000
  vrf management
interface Vlan27
  vrf member blue
  ip address 10.27.0.1/24
interface mgmt0
  ip address 192.0.2.5/24
interface Ethernet1/1
  description uplink
`

func TestParseRunningConfigFull(t *testing.T) {
	c := ParseRunningConfig(section("show running-config", "show run", fullConfig))
	if !reflect.DeepEqual(c.Covers, []string{TopicAll}) || !c.Complete(TopicDNS) {
		t.Errorf("Covers = %v", c.Covers)
	}
	if want := utc(2026, 11, 26, 14, 22, 11); !c.Time.Value.Equal(want) || c.Time.Ref.Line != 3 {
		t.Errorf("Time = %v line %d", c.Time.Value, c.Time.Ref.Line)
	}
	if c.Hostname.Value != "DC-DMZ" || c.Version.Value != "9.3(5)" {
		t.Errorf("Hostname %q Version %q", c.Hostname.Value, c.Version.Value)
	}
	if c.DomainLookupOff == nil || c.DomainLookupOff.Line != 7 {
		t.Errorf("DomainLookupOff = %v", c.DomainLookupOff)
	}
	ch := c.Callhome
	if ch == nil || !ch.Enabled.Value || ch.Enabled.Ref.Line != 22 || ch.VRF.Value != "management" || ch.EmailContact.Value != "abc@example.com" {
		t.Fatalf("Callhome = %+v", ch)
	}
	if ch.Proxy.Server.Value != "proxy.example.com" || ch.Proxy.Port != 8080 || !ch.Proxy.Enabled.Value {
		t.Errorf("Proxy = %+v", ch.Proxy)
	}
	tac := ch.Profile("ciscotac-1")
	if tac == nil || len(tac.TransportMethods) != 2 || tac.TransportMethods[0].Value != "http" || tac.TransportMethods[1].Value != "email" || len(tac.URLs) != 2 {
		t.Fatalf("CiscoTAC-1 = %+v", tac)
	}
	for _, m := range tac.TransportMethods {
		if !strings.Contains(m.Ref.Text, "transport-method "+m.Value) {
			t.Errorf("transport method %q read from %q", m.Value, m.Ref.Text)
		}
	}
	if u := ch.TACURL(); u.Index != 0 || u.URL != "https://tools.cisco.com/its/service/oddce/services/DDCEService" || u.Ref.Line != 17 {
		t.Errorf("TACURL = %+v", u)
	}
	if tac.URLs[0].Index != 1 || tac.URLs[0].Ref.Line != 16 {
		t.Errorf("indexed URL = %+v", tac.URLs[0])
	}
	// Phone and street address are personal data no check needs.
	facts, _ := json.Marshal(c)
	for _, secret := range []string{"+919XXXXXXXXXX", "Bangalore"} {
		if strings.Contains(string(facts), secret) {
			t.Errorf("personal data %q stored in the facts", secret)
		}
	}
	if c.HTTPSource == nil || c.HTTPSource.Interface != "Vlan27" || c.HTTPSource.VRF != "" {
		t.Errorf("HTTPSource = %+v", c.HTTPSource)
	}
	if lc := c.License; lc == nil || lc.Transport.Value != "smart" || lc.URLSmart.Value != "https://smartreceiver.cisco.com/licservice/license" || lc.VRF.Value != "management" {
		t.Errorf("License = %+v", c.License)
	}
	if len(c.NTPServers) != 1 {
		t.Errorf("NTP = %v", c.NTPServers)
	}
	mg := c.VRFs["management"]
	if mg == nil || len(mg.StaticRoutes) != 2 || mg.StaticRoutes[0].Prefix != "0.0.0.0/0" || mg.StaticRoutes[0].NextHop != "192.0.2.1" {
		t.Fatalf("vrf management = %+v", mg)
	}
	if r := mg.StaticRoutes[1]; r.Prefix != "10.0.0.0/8" || r.NextHop != "mgmt0 192.0.2.2" {
		t.Errorf("mask route = %+v", r)
	}
	if d := c.VRFs[DefaultVRF]; d == nil || len(d.StaticRoutes) != 1 {
		t.Errorf("default VRF routes = %+v", d)
	}
	if _, ok := c.VRFs["blue"]; !ok {
		t.Error("vrf blue missing")
	}
	// The "vrf management" under router bgp is not a VRF context.
	if len(c.VRFs) != 3 {
		t.Errorf("VRFs = %v", len(c.VRFs))
	}
	wantNS := map[string][]string{
		DefaultVRF:   nil,
		"management": {"192.0.2.53 192.0.2.54", "192.0.2.10"},
		"blue":       {"192.0.2.20"},
	}
	for vrf, want := range wantNS {
		var got []string
		for _, ns := range c.NameServersFor(vrf) {
			got = append(got, joinAddrs(ns.Addrs))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("NameServersFor(%s) = %v, want %v", vrf, got, want)
		}
	}
	if ifc := c.Interfaces["Vlan27"]; ifc == nil || ifc.VRF.Value != "blue" || ifc.Address != "10.27.0.1/24" {
		t.Errorf("Vlan27 = %+v", ifc)
	}
	// mgmt0's VRF is implied: its line is the interface line.
	if ifc := c.Interfaces["mgmt0"]; ifc == nil || ifc.VRF.Value != "management" || ifc.VRF.Ref != ifc.Ref {
		t.Errorf("mgmt0 = %+v", ifc)
	}
	if ifc := c.Interfaces["Ethernet1/1"]; ifc == nil || ifc.VRF.Value != "" {
		t.Errorf("Ethernet1/1 = %+v", ifc)
	}
}

func joinAddrs(a []string) string {
	s := ""
	for i, x := range a {
		if i > 0 {
			s += " "
		}
		s += x
	}
	return s
}

func TestParseRunningConfigSeed(t *testing.T) {
	tests := []struct {
		file, cmd   string
		url         string
		urlLine     int
		vrf         string
		enabled     bool
		version     string
		timeLine    int
		emailLine   int
		transportOK bool
	}{
		{"seed-217965__show_running-config_callhome_9.3-4_direct.txt", "show running-config callhome",
			"https://tools.cisco.com/its/service/oddce/services/DDCES", 8, "management", true, "9.3(4)", 3, 6, true},
		{"seed-217965__show_running-config_callhome_9.3-4_onprem.txt", "show running-config callhome",
			"https://10.106.41.xx/Transportgateway/services/DeviceReq", 5, "management", true, "9.3(4)", 0, 3, true},
		{"seed-217965__show_running-config_callhome_9.3-5_http_url.txt", "show running-config callhome",
			"http://tools.cisco.com/its/service/oddce/services/DDCEServi", 7, "management", false, "9.3(5)", 0, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			c := ParseRunningConfig(fixture(t, tt.file, tt.cmd, "show run callhome"))
			if !reflect.DeepEqual(c.Covers, []string{TopicCallhome}) {
				t.Errorf("Covers = %v", c.Covers)
			}
			ch := c.Callhome
			if ch == nil {
				t.Fatal("no callhome")
			}
			u := ch.TACURL()
			if u == nil || u.URL != tt.url || u.Ref.Line != tt.urlLine || u.Index != 1 {
				t.Errorf("TACURL = %+v", u)
			}
			if ch.VRF.Value != tt.vrf || ch.Enabled.Value != tt.enabled || c.Version.Value != tt.version {
				t.Errorf("vrf %q enabled %v version %q", ch.VRF.Value, ch.Enabled.Value, c.Version.Value)
			}
			if c.Time.Ref.Line != tt.timeLine || ch.EmailContact.Ref.Line != tt.emailLine {
				t.Errorf("time line %d email line %d", c.Time.Ref.Line, ch.EmailContact.Ref.Line)
			}
			if got := len(ch.Profile(TACProfile).TransportMethods) == 1; got != tt.transportOK {
				t.Errorf("transport methods %v", ch.Profile(TACProfile).TransportMethods)
			}
		})
	}
}

func TestParseRunningConfigOddShapes(t *testing.T) {
	// Tabs, deep indentation, upper case keywords, a callhome block
	// interrupted by a top-level line.
	text := "callhome\n\tDESTINATION-PROFILE CiscoTAC-1 HTTP https://x.example/p\n        transport http use-vrf default\nip domain-lookup\n  enable\nInterface VLAN 27\n   vrf member management\n"
	c := ParseRunningConfig(section("show running-config", "", text))
	if c.Callhome == nil || c.Callhome.TACURL() == nil || c.Callhome.VRF.Value != "default" {
		t.Fatalf("callhome = %+v", c.Callhome)
	}
	if c.Callhome.Enabled.Value {
		t.Error("the indented enable after `ip domain-lookup` is not in the callhome block")
	}
	if c.DomainLookupOn == nil {
		t.Error("ip domain-lookup not seen")
	}
	if ifc := c.Interfaces["Vlan27"]; ifc == nil || ifc.VRF.Value != "management" {
		t.Errorf("interfaces = %+v", c.Interfaces)
	}
}

func TestConfigCoverage(t *testing.T) {
	tests := []struct {
		cmd  string
		want []string
	}{
		{"show running-config", []string{TopicAll}},
		{"show running-config all", []string{TopicAll}},
		{"show running-config callhome", []string{TopicCallhome}},
		{"show running-config | section callhome", []string{TopicCallhome}},
		{"show running-config | include callhome", nil},
		{`show running-config | include "name-server|domain-lookup|vrf context"`, []string{TopicDNS}},
		{"show running-config | include name-server|domain-lookup", nil},
		{`show running-config | include "ip http source-interface"`, []string{TopicHTTP}},
		{"show running-config | section vrf", []string{TopicVRF}},
		{`show running-config | section "vrf context|name-server|domain-lookup"`, []string{TopicDNS, TopicVRF}},
		{"show running-config | section license", []string{TopicLicense}},
		{`show running-config | include "hostname|switchname"`, []string{TopicHostname}},
		{"show running-config | include hostname|switchname", nil}, // two pipes: "switchname" is no filter
		{"show running-config | exclude foo", nil},
		{"show running-config | begin callhome", nil},
		{"show running-config | include (", nil},
		{"show running-config interface mgmt0", nil},
		{"show running-config callhome | no-more", []string{TopicCallhome}},
	}
	for _, tt := range tests {
		if got := ConfigCoverage(tt.cmd); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ConfigCoverage(%q) = %v, want %v", tt.cmd, got, tt.want)
		}
	}
}
