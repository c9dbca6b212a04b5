package parsers

import (
	"strings"

	"github.com/slcheck/slcheck/capture"
)

// topicLines are sample config lines per topic: a filtered running-config
// is complete for a topic only when its filter keeps every one of them
// (for `| section`, every line or block header of them).
var topicLines = map[string][]string{
	TopicCallhome:  {"callhome", "  email-contact a@b.c", "  destination-profile CiscoTAC-1 transport-method http", "  destination-profile CiscoTAC-1 index 1 http https://h/p", "  transport http use-vrf management", "  transport http proxy server h", "  transport http proxy enable", "  enable"},
	TopicDNS:       {"no ip domain-lookup", "ip domain-lookup", "ip name-server 192.0.2.1", "ip name-server 192.0.2.1 use-vrf management", "vrf context management", "  ip name-server 192.0.2.1"},
	TopicVRF:       {"vrf context management", "  ip route 0.0.0.0/0 192.0.2.1", "  ip name-server 192.0.2.1"},
	TopicInterface: {"interface mgmt0", "  vrf member management", "  ip address 192.0.2.2/24"},
	TopicHTTP:      {"ip http source-interface mgmt0", "ip http source-interface mgmt0 vrf management"},
	TopicLicense:   {"license smart transport smart", "license smart url smart https://h/p", "license smart url cslu https://h/p"},
	TopicNTP:       {"ntp server 192.0.2.1", "ntp server 192.0.2.1 use-vrf management"},
	TopicHostname:  {"hostname sw1", "switchname sw1"},
}

var allTopics = []string{TopicCallhome, TopicDNS, TopicVRF, TopicInterface, TopicHTTP, TopicLicense, TopicNTP, TopicHostname}

// ConfigCoverage says which topics the output of a running-config command
// is complete for: "all" for `show running-config` (also `all`,
// `| no-more`), "callhome" for `show running-config callhome`; for `|
// include`/`| grep`/`| egrep` and `| section` filters, the topics whose
// sample lines the filter would all keep. Anything else (`| exclude`,
// `| begin`, `show running-config interface X`) covers nothing: the
// lines it shows are facts, but an absent line proves nothing.
func ConfigCoverage(cmd string) []string {
	parts := capture.SplitPipes(cmd)
	base := strings.Fields(strings.ToLower(parts[0]))
	var topics []string
	switch {
	case len(base) == 2 || len(base) == 3 && base[2] == "all":
		topics = []string{TopicAll}
	case len(base) == 3 && base[2] == "callhome":
		topics = []string{TopicCallhome}
	case len(base) == 3 && base[2] == "vrf":
		topics = []string{TopicVRF}
	case len(base) == 3 && base[2] == "interface":
		topics = []string{TopicInterface}
	default:
		return nil
	}
	st, ok := stages(cmd)
	if !ok {
		return nil
	}
	if len(st) == 0 {
		return topics
	}
	var candidates []string
	for _, t := range topics {
		if t == TopicAll {
			candidates = append(candidates, allTopics...)
		} else {
			candidates = append(candidates, t)
		}
	}
	var out []string
	for _, t := range candidates {
		if keeps(st, topicLines[t]) {
			out = append(out, t)
		}
	}
	return out
}

// isAbbrev reports whether w abbreviates full with at least min letters.
func isAbbrev(w, full string, min int) bool {
	return len(w) >= min && strings.HasPrefix(full, w)
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}
