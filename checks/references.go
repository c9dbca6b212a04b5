package checks

// References cited by several checks. Only sources named in the domain
// file (docs/smart-licensing.md) are cited, with the URL the
// domain file gives (a bug ID: its Bug Search page); a TAC document whose
// URL the project's sources do not give is cited by number and title.
const (
	refDoc217965  = "Cisco TAC doc 217965, Smart Licensing on Nexus Platforms (Known problems 1-4)"
	refLicGuide   = "Cisco NX-OS Licensing Guide, Smart Licensing for Nexus 3000 and 9000: https://www.cisco.com/c/en/us/td/docs/switches/datacenter/sw/nx-os/licensing/guide/b_Cisco_NX-OS_Licensing_Guide/m-smart-licensing-for-cisco-nexus-3000-and-9000-series-switches.html"
	refFN72115    = "Cisco Field Notice FN72115 (QuoVadis Root CA 2 to IdenTrust Commercial Root CA 1): https://www.cisco.com/c/en/us/support/docs/field-notices/721/fn72115.html"
	refCSCvv67469 = "Cisco bug CSCvv67469 (Call Home hangs without a DNS response): https://bst.cloudapps.cisco.com/bugsearch/bug/CSCvv67469"
	refDoc222725  = "Cisco TAC doc 222725 (certificate name must match the URL host)"
)
