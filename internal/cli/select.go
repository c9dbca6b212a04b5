package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/slcheck/slcheck/checks"
	"github.com/slcheck/slcheck/diagnose"
)

// selectFlags choose the checks a run judges: --skip and SLCHECK_SKIP
// leave checks out, --only keeps just the ones named. A check left out is
// still in the report, skipped with the reason, so the checklist stays
// whole and a site that leaves out a check by policy (no email-contact)
// can pass.
type selectFlags struct {
	skip, only []string
}

func addSelectFlags(cmd *cobra.Command) *selectFlags {
	sf := &selectFlags{}
	f := cmd.Flags()
	f.StringSliceVar(&sf.skip, "skip", nil, "leave these checks out, reported as skipped: `ID,...` (also SLCHECK_SKIP)")
	f.StringSliceVar(&sf.only, "only", nil, "judge only these checks, the others reported as skipped: `ID,...`")
	_ = cmd.RegisterFlagCompletionFunc("skip", completeIDList)
	_ = cmd.RegisterFlagCompletionFunc("only", completeIDList)
	return sf
}

// apply puts the choice into o.LeaveOut (ID to skip reason); an ID that
// is not in the catalogue is a usage error naming the closest ones.
func (sf *selectFlags) apply(o *diagnose.Options, st Streams) error {
	leave := map[string]string{}
	fromEnv := strings.FieldsFunc(st.Env("SLCHECK_SKIP"), func(r rune) bool { return r == ',' || r == ' ' })
	for _, src := range []struct {
		name   string
		ids    []string
		reason string
	}{
		{"SLCHECK_SKIP", fromEnv, "skipped by SLCHECK_SKIP"},
		{"--skip", sf.skip, "skipped by --skip"},
	} {
		for _, typed := range src.ids {
			id, err := resolveID(typed)
			if err != nil {
				return withCode(ExitUsage, fmt.Errorf("%s: %w", src.name, err))
			}
			leave[id] = src.reason
		}
	}
	if len(sf.only) > 0 {
		keep := map[string]bool{}
		for _, typed := range sf.only {
			id, err := resolveID(typed)
			if err != nil {
				return withCode(ExitUsage, fmt.Errorf("--only: %w", err))
			}
			keep[id] = true
		}
		for _, id := range checks.Catalogue() {
			if !keep[id] {
				if _, skipped := leave[id]; !skipped {
					leave[id] = "skipped: not named by --only"
				}
			}
		}
	}
	if len(leave) > 0 {
		o.LeaveOut = leave
	}
	return nil
}

// fileProblem says in words why a file or directory given to a flag
// cannot be used: "--ca-file /x: no such file", "--save /x: permission
// denied".
func fileProblem(flag, path string, err error) error {
	msg := err.Error()
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file"
	case errors.Is(err, fs.ErrPermission):
		msg = "permission denied"
	case errors.As(err, &pe):
		msg = pe.Err.Error()
	}
	return fmt.Errorf("%s %s: %s", flag, path, msg)
}
