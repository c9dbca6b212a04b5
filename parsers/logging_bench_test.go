package parsers

import "testing"

// BenchmarkIsLicensingLogLine measures the filter capture applies to every
// line of a log section (snapshot.Select), mostly lines it rejects.
func BenchmarkIsLicensingLogLine(b *testing.B) {
	lines := []string{
		"2022 Jun 22 16:10:00 switch %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up in mode access",
		"2022 Jun 22 16:10:01 switch %$ VDC-1 %$ %USER-2-SYSTEM_MSG: <<%SYSMGR-2-SERVICE_CRASHED>> - kernel",
		"2022 Jun 22 16:10:02 switch %AUTHPRIV-6-SYSTEM_MSG: pam_unix(aaa:session): session opened for user admin",
		"2022 Jun 22 16:15:41 switch %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM)",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		IsLicensingLogLine(lines[i%len(lines)])
	}
}
