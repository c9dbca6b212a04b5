package checks

import (
	"fmt"
	"strings"
)

// FailureCause is one row of docs/smart-licensing.md §5: a
// failure text the device prints (in `show license status` or the log),
// the likely cause, and the checks that confirm or rule it out, most basic
// first.
type FailureCause struct {
	// Texts are lower-case substrings; any one matches.
	Texts []string
	// Cause is the likely cause in plain words.
	Cause string
	// Checks confirm or rule out the cause.
	Checks []string
	// Source says where the text was seen; texts seen only on IOS-XE are
	// worded as likely for NX-OS, not certain.
	Source string
}

// The marks of the domain file, spelt for messages.
const (
	seenNXOS  = "text seen on NX-OS, doc 217965"
	seenXE    = "text seen on IOS-XE, which shares the Smart Agent: probably the same on NX-OS"
	seenBoth  = "text seen on NX-OS (doc 217965) and IOS-XE"
	seenNXOSV = "NX-OS log mnemonic; the text after it varies"
)

// failureCauses is the §5 table as data; LIC003, LIC004 and LOG001 quote it.
var failureCauses = []FailureCause{
	{Texts: []string{"failed to parse response data from sch server"},
		Cause: "the Call Home destination URL is http://; Cisco accepts HTTPS only", Checks: []string{"CH002"}, Source: seenNXOS},
	{Texts: []string{"failed to establish ipc connection with call-home"},
		Cause: "the device does not trust Cisco's certificate: QuoVadis Root CA 2 was replaced by IdenTrust Commercial Root CA 1 (FN72115)", Checks: []string{"TLS002", "TLS001", "TLS003"}, Source: seenNXOS},
	{Texts: []string{"unable to resolve server hostname", "unable to resolve server domain name"},
		Cause: "DNS: the endpoint name does not resolve in the Call Home VRF", Checks: []string{"DNS001", "DNS002", "DNS003", "DNS004"}, Source: seenXE},
	{Texts: []string{"could not validate trust chain", "server tls cert cannot be validated"},
		Cause: "trust: a missing root CA, SSL inspection on the path, or a URL host that does not match the certificate", Checks: []string{"TLS002", "TLS001", "CH004", "TLS003"}, Source: seenXE + "; Cisco doc 222725"},
	{Texts: []string{"err 205", "request aborted", "err 207", "connection time out"},
		Cause: "the TLS session or the path: a certificate the device rejects, or no route to the endpoint", Checks: []string{"NET002", "NET003", "TLS002", "TLS001"}, Source: seenXE},
	{Texts: []string{"received empty response from server"},
		Cause: "the transport type does not match the server (e.g. Smart transport to an old on-prem SSM)", Checks: []string{"CH004", "SLP002"}, Source: seenXE},
	{Texts: []string{"the identity for the instance"},
		Cause: "CSSM no longer knows this device: register it again with a new ID token", Checks: nil, Source: seenXE},
	{Texts: []string{"fail to send out call home http message", "failed to send call home http", "communication message send error"},
		Cause: "no TCP/TLS session to the endpoint: route, VRF, HTTP source interface, proxy, firewall or CA", Checks: []string{"NET001", "NET004", "NET002", "DNS002", "DNS003", "NET003", "TLS002", "TLS001"}, Source: seenBoth},
	{Texts: []string{"log_smart_lic_comm_failed", "smart_lic-3-comm_failed"},
		Cause: "a communication failure with Cisco: route, VRF, DNS, proxy, firewall or CA", Checks: []string{"CH002", "NET001", "NET004", "NET002", "DNS002", "DNS003", "NET003", "TLS002", "TLS001"}, Source: seenNXOSV},
}

// failureCauseOf returns the row whose text appears in s, or nil.
func failureCauseOf(s string) *FailureCause {
	s = strings.ToLower(s)
	for i := range failureCauses {
		for _, t := range failureCauses[i].Texts {
			if strings.Contains(s, t) {
				return &failureCauses[i]
			}
		}
	}
	return nil
}

// Explain says what a matched failure text likely means, for a message.
func (f *FailureCause) Explain() string {
	s := "likely cause: " + f.Cause + " (" + f.Source + ")"
	if len(f.Checks) > 0 {
		s += "; confirm or rule out with " + strings.Join(f.Checks, ", ")
	}
	return s
}

// pointTo records, on a failing result, the checks its failure text points
// to, so root-cause linking tries them first.
func pointTo(r Result, text string) Result {
	if f := failureCauseOf(text); f != nil {
		r.pointsTo = f.Checks
	}
	return r
}

// failureExplanation is the sentence a licence check adds after quoting a
// failure reason.
func failureExplanation(reason string) string {
	if strings.TrimSpace(reason) == "" {
		return fmt.Sprintf("the device printed no failure reason: look for the failure in the log (LOG001) and the checks %s", strings.Join(networkCauses[:8], ", "))
	}
	if f := failureCauseOf(reason); f != nil {
		return f.Explain()
	}
	return "slcheck does not know this failure text: compare it with the checks of the Call Home, network, DNS and trust sections below"
}
