package checks

import (
	"fmt"

	"github.com/slcheck/slcheck/snapshot"
)

// notChecked is NotChecked for a check that lacks the output of cmds; when
// the input holds one of them only through a filter that may have dropped
// what the check needs (`show logging logfile | include ACL`), it says so:
// "not checked: the output was filtered by `| include ACL`; run `show
// logging logfile`".
func notChecked(c *Check, s *snapshot.Snapshot, cmds ...string) Result {
	if len(cmds) == 0 {
		cmds = c.Needs
	}
	for _, cmd := range cmds {
		if r, ok := filteredOut(c, s, cmd); ok {
			return r
		}
	}
	return c.NotChecked(cmds...)
}

// filteredOut returns the skipped result of a check that would judge an
// absence in the output of cmd, when that output was captured only through
// a filter that may have dropped the line; ok is false when it was
// captured whole.
func filteredOut(c *Check, s *snapshot.Snapshot, cmd string) (Result, bool) {
	f := s.FilterOf(cmd)
	if f == "" {
		return Result{}, false
	}
	return c.Skip(fmt.Sprintf("not checked: the output was filtered by `%s`; run `%s`", f, cmd)), true
}
