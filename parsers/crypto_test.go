package parsers

import (
	"reflect"
	"testing"
)

func TestParseTrustStore(t *testing.T) {
	text := `Trustpoint: CiscoLicRoot
certificate:
subject= /O=Cisco/CN=Cisco Licensing Root CA
issuer= /O=Cisco/CN=Cisco Licensing Root CA
serial=01
notBefore=May 30 19:48:47 2013 GMT
notAfter=May 30 19:48:47 2038 GMT
SHA1 Fingerprint=5C:A9:5F:B6:E2:98:0E:C1:5A:FB:68:1B:BB:7E:62:B5:AD:3F:A8:B8
purposes: sslserver sslclient

Trustpoint: CiscoTAC
CA certificate 0:
subject= /C=BM/O=QuoVadis Limited/CN=QuoVadis Root CA 2
issuer= /C=BM/O=QuoVadis Limited/CN=QuoVadis Root CA 2
serial=0509
notBefore=Nov 24 18:27:00 2006 GMT
notAfter=Nov 24 18:23:33 2031 GMT
`
	ts := ParseTrustStore(section("show crypto ca certificates", "", text))
	if ts == nil || !reflect.DeepEqual(ts.Trustpoints, []string{"CiscoLicRoot", "CiscoTAC"}) || len(ts.Certificates) != 2 {
		t.Fatalf("trust = %+v", ts)
	}
	c := ts.Certificates[1]
	if c.Trustpoint != "CiscoTAC" || CommonName(c.Subject) != "QuoVadis Root CA 2" || c.Serial != "0509" ||
		!c.NotAfter.Value.Equal(utc(2031, 11, 24, 18, 23, 33)) || c.NotAfter.Ref.Line != 17 || c.Ref.Line != 13 {
		t.Errorf("cert = %+v", c)
	}
	if ts.Certificates[0].SHA1 != "5CA95FB6E2980EC15AFB681BBB7E62B5AD3FA8B8" || ts.Certificates[0].NotBefore.IsZero() {
		t.Errorf("cert 0 = %+v", ts.Certificates[0])
	}

	tps := ParseTrustStore(section("show crypto ca trustpoints", "", "trustpoint: CiscoTAC; key-pair: none\nrevokation methods:  crl\n"))
	if tps == nil || !reflect.DeepEqual(tps.Trustpoints, []string{"CiscoTAC"}) || len(tps.Certificates) != 0 {
		t.Errorf("trustpoints = %+v", tps)
	}
}

func TestCommonName(t *testing.T) {
	for dn, want := range map[string]string{
		"/C=US/O=IdenTrust/CN=IdenTrust Commercial Root CA 1":        "IdenTrust Commercial Root CA 1",
		"C = US, O = IdenTrust, CN = IdenTrust Commercial Root CA 1": "IdenTrust Commercial Root CA 1",
		"O=Cisco": "",
	} {
		if got := CommonName(dn); got != want {
			t.Errorf("CommonName(%q) = %q", dn, got)
		}
	}
}
