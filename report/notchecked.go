package report

import (
	"strings"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/snapshot"
)

// Missing is a command the input lacks, with the checks that asked for it.
type Missing struct {
	Command string
	IDs     []string
}

// NotChecked gathers what the device's "not checked" results ask the user
// to capture: every command quoted in their reasons, once, in the order to
// paste them into one switch session (snapshot.SortSession), each with the
// IDs of the checks it would let run. A command may hold placeholders
// (`ping <endpoint> vrf <vrf>`) when the input did not tell the VRF or the
// endpoint.
func (d Device) NotChecked() []Missing {
	var out []Missing
	index := map[string]int{}
	for _, r := range d.Results {
		if r.Status != checks.Skipped || !strings.HasPrefix(r.Reason, "not checked") {
			continue
		}
		for _, cmd := range toRun(r.Reason) {
			i, ok := index[cmd]
			if !ok {
				i = len(out)
				index[cmd] = i
				out = append(out, Missing{Command: cmd})
			}
			if ids := out[i].IDs; len(ids) == 0 || ids[len(ids)-1] != r.ID {
				out[i].IDs = append(out[i].IDs, r.ID)
			}
		}
	}
	cmds := make([]string, len(out))
	for i, m := range out {
		cmds[i] = m.Command
	}
	snapshot.SortSession(cmds)
	sorted := make([]Missing, len(out))
	for i, c := range cmds {
		sorted[i] = out[index[c]]
	}
	return sorted
}

// toRun returns the commands a "not checked" reason asks to run: the
// `backtick spans` after its "run `" ("not checked: the output was
// filtered by `| include ntp`; run `show running-config`" asks for the
// second only).
func toRun(reason string) []string {
	i := strings.Index(reason, "run `")
	if i < 0 {
		return nil
	}
	return quoted(reason[i+len("run "):])
}

// quoted returns the `backtick spans` of s, trimmed.
func quoted(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i+1:], '`')
		if j < 0 {
			return out
		}
		if q := strings.TrimSpace(s[i+1 : i+1+j]); q != "" {
			out = append(out, q)
		}
		s = s[i+j+2:]
	}
}
