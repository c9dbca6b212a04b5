package cli

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/slcheck/slcheck/checks"
)

// The values the enumerated flags take, for messages and completion.
var (
	colorValues     = []string{"auto", "always", "never"}
	failOnValues    = []string{string(checks.Error), string(checks.Warning), string(checks.Info)}
	checklistValues = []string{"condensed", "full"}
)

// distance is the edit distance between a and b, ignoring case: letters
// inserted, deleted, replaced or two neighbours swapped (jsno is one edit
// from json).
func distance(a, b string) int {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// closest returns the candidates nearest to typed: those within two edits
// (one for a word of up to four letters), or that typed begins, best first.
func closest(typed string, candidates []string) []string {
	limit := 2
	if len([]rune(typed)) <= 4 {
		limit = 1
	}
	type scored struct {
		s string
		d int
	}
	var out []scored
	for _, c := range candidates {
		d := distance(typed, c)
		if d <= limit || (len(typed) >= 2 && strings.HasPrefix(strings.ToLower(c), strings.ToLower(typed))) {
			out = append(out, scored{c, d})
		}
	}
	slices.SortStableFunc(out, func(a, b scored) int { return a.d - b.d })
	names := make([]string, 0, len(out))
	for _, s := range out {
		names = append(names, s.s)
	}
	return names
}

// didYouMean is "; did you mean X?" for the closest candidate, or "".
func didYouMean(typed string, candidates []string) string {
	if c := closest(typed, candidates); len(c) > 0 {
		return "; did you mean " + c[0] + "?"
	}
	return ""
}

// idShape is a check ID as people type it: ch2, CH-002, lic 3.
var idShape = regexp.MustCompile(`^([A-Za-z]{2,3})[\s_-]*0*([0-9]{1,3})$`)

// resolveID returns the catalogue ID typed (any case, zeros left out:
// ch2 is CH002), or an error that names the closest IDs.
func resolveID(typed string) (string, error) {
	id := strings.ToUpper(strings.TrimSpace(typed))
	if m := idShape.FindStringSubmatch(id); m != nil {
		id = fmt.Sprintf("%s%03s", m[1], m[2])
	}
	cat := checks.Catalogue()
	if slices.Contains(cat, id) {
		if _, ok := checks.Lookup(id); !ok {
			return "", fmt.Errorf("check %s is in the catalogue but not implemented in this version of slcheck", id)
		}
		return id, nil
	}
	hint := didYouMean(id, cat)
	if guess := guessID(id, cat); guess != "" {
		hint = "; did you mean " + guess + "?"
	}
	return "", fmt.Errorf("unknown check %q%s (`slcheck checks` lists them)", typed, hint)
}

// guessID reads a mistyped ID as an area and a number (CHH05 is CH005,
// CH05X is CH005): the area nearest its letters, the number of its digits;
// "" when that is no check.
func guessID(id string, cat []string) string {
	var letters, digits strings.Builder
	for _, r := range id {
		switch {
		case r >= 'A' && r <= 'Z':
			letters.WriteRune(r)
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		}
	}
	n := strings.TrimLeft(digits.String(), "0")
	if n == "" || len(n) > 3 {
		return ""
	}
	areas := map[string]bool{}
	var names []string
	for _, c := range cat {
		a := strings.TrimRight(c, "0123456789")
		if !areas[a] {
			areas[a] = true
			names = append(names, a)
		}
	}
	best, bestD := "", 3
	for _, a := range names {
		if d := distance(letters.String(), a); d < bestD {
			best, bestD = a, d
		}
	}
	if g := fmt.Sprintf("%s%03s", best, n); best != "" && slices.Contains(cat, g) {
		return g
	}
	return ""
}

// flagError turns pflag's messages into ones that say what slcheck
// wanted, with the flag a typo was probably meant to be.
func flagError(cmd *cobra.Command, err error) error {
	var unknown *pflag.NotExistError
	var invalid *pflag.InvalidValueError
	var needs *pflag.ValueRequiredError
	switch {
	case errors.As(err, &unknown):
		name := unknown.GetSpecifiedName()
		if unknown.GetSpecifiedShortnames() != "" {
			return fmt.Errorf("unknown flag -%s in -%s (`slcheck %s --help` lists the flags)", name, unknown.GetSpecifiedShortnames(), cmd.Name())
		}
		var names []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				names = append(names, f.Name)
			}
		})
		hint := ""
		if c := closest(name, names); len(c) > 0 {
			hint = "; did you mean --" + c[0] + "?"
		}
		return fmt.Errorf("unknown flag --%s for `%s`%s (`%s --help` lists the flags)", name, cmd.CommandPath(), hint, cmd.CommandPath())
	case errors.As(err, &invalid):
		return fmt.Errorf("--%s %q: %s", invalid.GetFlag().Name, invalid.GetValue(), wantFor(invalid.GetFlag()))
	case errors.As(err, &needs):
		f := needs.GetFlag()
		return fmt.Errorf("--%s needs a value: %s", f.Name, wantFor(f))
	}
	return err
}

// wantFor says what a flag of this type takes.
func wantFor(f *pflag.Flag) string {
	switch f.Value.Type() {
	case "duration":
		return "want a duration with its unit, such as 30s, 2m or 1m30s"
	case "int":
		return "want a whole number"
	case "bool":
		return "want true or false"
	}
	return "see `--help`"
}

// Argument checks that say what the command wanted, instead of cobra's
// "accepts 1 arg(s), received 0".

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("`%s` takes no arguments, got %q", cmd.CommandPath(), args[0])
	}
	return nil
}

// needArgs requires at least one argument; what names it ("a capture
// file (or - for stdin)").
func needArgs(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return fmt.Errorf("`%s` needs %s: %s", cmd.CommandPath(), what, firstExample(cmd))
		}
		return nil
	}
}

// firstExample is the command's first example line, or its usage.
func firstExample(cmd *cobra.Command) string {
	for _, l := range strings.Split(cmd.Example, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return "e.g. `" + l + "`"
		}
	}
	return "usage: " + cmd.UseLine()
}
