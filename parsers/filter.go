package parsers

import (
	"regexp"
	"strings"
	"sync"

	"github.com/slcheck/slcheck/capture"
)

// A command's output narrowed by a filter (`| include X`, `| grep`,
// `| exclude`, `| section`, `| last N`, `| head`, ...) proves only what the
// filter could show. This file says which filters provably keep the lines
// a reader needs: those whose every stage is an include-like filter
// (include, grep, egrep, section) that keeps each of a set of sample lines.
// An exclude is never taken as proof: it may drop a line for a word the
// samples do not hold (a host name, a URL); nor are begin, last, head,
// count and the rest.

// stage is one include-like filter of a pipe.
type stage struct {
	re      *regexp.Regexp
	section bool // `| section`: an indented line goes with its block header
}

// Filter returns the filter part of a canonical command, "| include ACL"
// or "| grep SMART_LIC | last 10", and for `show logging last N` its "last
// N": what narrowed the output; "" when nothing did.
func Filter(cmd string) string {
	parts := capture.SplitPipes(cmd)
	var f []string
	base := strings.Fields(strings.ToLower(parts[0]))
	if len(base) >= 4 && base[0] == "show" && base[1] == "logging" && base[2] == "last" {
		f = append(f, "last "+base[3])
	}
	for _, p := range parts[1:] {
		if p = strings.TrimSpace(p); p != "" && !isNoMore(p) {
			f = append(f, "| "+p)
		}
	}
	return strings.Join(f, " ")
}

func isNoMore(p string) bool {
	f := strings.Fields(strings.ToLower(p))
	return len(f) == 1 && f[0] == "no-more" || len(f) == 2 && f[0] == "no" && f[1] == "more"
}

// stages reads the filters of a canonical command; ok is false when one of
// them is not include-like, so nothing it printed proves an absence. The
// stages are shared: callers must not change them.
func stages(cmd string) ([]stage, bool) {
	pipes.mu.Lock()
	r, found := pipes.m[cmd]
	pipes.mu.Unlock()
	if found {
		return r.st, r.ok
	}
	st, ok := readStages(cmd)
	pipes.mu.Lock()
	if len(pipes.m) >= pipesMax {
		clear(pipes.m)
	}
	pipes.m[strings.Clone(cmd)] = pipeStages{st, ok} // cmd may share a capture's memory
	pipes.mu.Unlock()
	return st, ok
}

// pipes remembers the stages of the commands read so far: a fleet's
// sessions run the same filtered commands, and compiling a filter's
// pattern cost more than the rest of judging it. It is emptied when it
// holds pipesMax commands.
var pipes = struct {
	mu sync.Mutex
	m  map[string]pipeStages
}{m: map[string]pipeStages{}}

const pipesMax = 1024

type pipeStages struct {
	st []stage
	ok bool
}

// readStages is stages without pipes.
func readStages(cmd string) (out []stage, ok bool) {
	parts := capture.SplitPipes(cmd)
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if isNoMore(p) {
			continue
		}
		f := strings.Fields(p)
		if len(f) == 0 {
			return nil, false
		}
		verb := strings.ToLower(f[0])
		rest := strings.TrimSpace(p[len(f[0]):])
		var st stage
		switch {
		case isAbbrev(verb, "include", 1):
		case isAbbrev(verb, "section", 3):
			st.section = true
		case verb == "grep" || verb == "egrep":
			var ok bool
			if rest, ok = grepPattern(rest); !ok {
				return nil, false
			}
		default:
			return nil, false
		}
		pattern := unquote(rest)
		re, err := regexp.Compile(pattern)
		if err != nil || pattern == "" {
			return nil, false
		}
		st.re = re
		out = append(out, st)
	}
	return out, true
}

// grepPattern strips the options of an NX-OS grep or egrep that keep the
// lines a pattern matches (ignore-case, next N, prev N, and their -i, -A,
// -B, -C spellings); ok is false for one that does not (invert-match, -v,
// count, -c) or that slcheck does not know.
func grepPattern(rest string) (pattern string, ok bool) {
	fold := false
	for {
		f := strings.Fields(rest)
		if len(f) < 2 {
			break
		}
		n := 1
		switch strings.ToLower(f[0]) {
		case "ignore-case", "-i":
			fold = true
		case "next", "prev", "-a", "-b", "-c":
			if !isDigits(f[1]) {
				return "", false
			}
			n = 2
		case "invert-match", "-v", "count", "line-exp", "word-exp", "-x", "-w":
			return "", false
		default:
			if strings.HasPrefix(f[0], "-") {
				return "", false
			}
			n = 0
		}
		if n == 0 {
			break
		}
		for i := 0; i < n; i++ {
			rest = strings.TrimSpace(rest)[len(strings.Fields(rest)[0]):]
		}
		rest = strings.TrimSpace(rest)
	}
	if fold {
		return "(?i)" + unquote(rest), true
	}
	return rest, true
}

// keeps reports whether every stage keeps every sample line.
func keeps(st []stage, samples []string) bool {
	for _, s := range st {
		if !s.keepsAll(samples) {
			return false
		}
	}
	return true
}

// keepsAll reports whether the stage keeps every sample line. A section
// filter keeps an indented line when its block header matched.
func (s stage) keepsAll(lines []string) bool {
	headerKept := false
	for _, l := range lines {
		indented := strings.HasPrefix(l, " ")
		kept := s.re.MatchString(l)
		if s.section && indented && headerKept {
			kept = true
		}
		if !indented {
			headerKept = kept
		}
		if !kept {
			return false
		}
	}
	return true
}

// FilterKeeps reports whether the output of cmd holds every line of the
// kind in samples that the unfiltered output would: cmd has no filter, or
// only include-like ones that keep every sample.
func FilterKeeps(cmd string, samples []string) bool {
	if strings.HasPrefix(Filter(cmd), "last ") {
		return false // `show logging last N`
	}
	st, ok := stages(cmd)
	return ok && keeps(st, samples)
}

// Sample lines per parser family, the lines a check may need to see: a
// filtered output is complete for the family only when its filter keeps
// every one (FilterKeeps).
var (
	// SampleLogLines are Smart Licensing failures in an NX-OS log
	// (LICMGR [V], SMART_LIC [XE]): `| include SMART_LIC` keeps both,
	// `| include ACL` neither.
	SampleLogLines = []string{
		"2024 Jan 10 10:00:00 sw1 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart Software Manager",
		"2024 Jan 10 10:00:00 sw1 %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager",
	}
	// SampleLicenseLines are the block headers and states of `show
	// license status`, classic and SLP.
	SampleLicenseLines = []string{
		"Smart Licensing is ENABLED", "Registration:", "  Status: REGISTERED",
		"  Initial Registration: SUCCEEDED on Jun 22 16:15:41 2022 UTC",
		"  Last Renewal Attempt: FAILED on Jun 22 16:15:41 2022 UTC", "    Failure reason: Fail to send out Call Home HTTP message",
		"  Registration Expires: Jun 22 16:13:53 2023 UTC",
		"License Authorization:", "  Status: AUTHORIZED on Jun 22 16:15:44 2022 UTC",
		"  Last Communication Attempt: SUCCEEDED on Jun 22 16:15:44 2022 UTC",
		"  Communication Deadline: Sep 20 16:12:55 2022 UTC",
		"  Evaluation Period Remaining: 46 days, 7 hours, 17 minutes, 24 seconds",
		"Smart Licensing Using Policy:", "Transport:", "  Type: Smart",
		"  URL: https://smartreceiver.cisco.com/licservice/license",
		"Usage Reporting:", "  Last ACK received: Aug 30 19:03:00 2023 UTC", "  Next ACK deadline: Oct 29 19:03:00 2023 UTC",
		"Trust Code Installed:",
	}
	// SampleVersionLines are what PLT001 and the device's identity read.
	SampleVersionLines = []string{
		"Cisco Nexus Operating System (NX-OS) Software", "  NXOS: version 9.3(4)", "  system:    version 6.2(14)",
		"  cisco Nexus9000 C93180YC-FX Chassis", "  Processor Board ID FDO21120AAA", "  Device name: sw1",
	}
	// SampleRouteLines are a route and its next hop.
	SampleRouteLines = []string{
		`IP Route Table for VRF "management"`, "0.0.0.0/0, ubest/mbest: 1/0", "    *via 192.0.2.1, [1/0], 1d02h, static",
	}
	// SampleHostsLines are `show hosts`'s DNS settings and a host entry.
	SampleHostsLines = []string{
		"DNS lookup enabled", "Default domain for vrf:default is example.com", "Name servers are 192.0.2.53",
		"tools.cisco.com          72.163.4.38",
	}
	// SampleCryptoLines are a trustpoint and its certificate's names.
	SampleCryptoLines = []string{
		"Trustpoint: cisco-sl-root", "CA certificate 0:", "subject=/CN=IdenTrust Commercial Root CA 1",
		"issuer=/CN=IdenTrust Commercial Root CA 1", "serial=0A0142800000014523C844B500000002",
		"notAfter=Jan 16 18:12:23 2034 GMT",
	}
)
