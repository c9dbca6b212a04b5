package checks

import (
	"fmt"
	"strings"
)

//go:generate go run ../internal/checksdoc ../docs/checks.md

// CatalogueMarkdown renders the whole checklist from the checks' metadata
// as docs/checks.md holds it: a table of every check, then per area each
// check's severity, when it applies, what it cannot be checked without, the
// commands it reads, its explanation, root causes and references.
func CatalogueMarkdown() string {
	var b strings.Builder
	b.WriteString("# The slcheck checklist\n\n")
	b.WriteString("<!-- Generated from the checks' metadata by `go generate ./checks`; do not edit. -->\n\n")
	b.WriteString("Every check, in the order reports list them: by area, then ID. IDs are public and never reused.\n")
	b.WriteString("A check that does not apply to the input is reported `skipped` with the reason; one whose input\n")
	b.WriteString("lacks what it reads is reported `skipped` with \"not checked: run `<command>`\". Applies to: NX-OS is\n")
	b.WriteString("standalone NX-OS output of one device; classic is classic Smart Licensing there (also when the\n")
	b.WriteString("input does not show the licensing mode); SLP is Smart Licensing Using Policy there.\n\n")
	b.WriteString("| ID | Title | Area | Severity | Applies to |\n| --- | --- | --- | --- | --- |\n")
	for _, c := range registry {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s |\n", c.ID, strings.ToLower(c.ID), c.Title, c.Area, c.Severity, c.Applies.Label())
	}
	var area Area
	for _, c := range registry {
		if c.Area != area {
			area = c.Area
			fmt.Fprintf(&b, "\n## %s\n", area)
		}
		fmt.Fprintf(&b, "\n### %s\n\n**%s**. Severity when it fails: %s. Applies to %s.\n", c.ID, c.Title, c.Severity, c.Applies)
		if len(c.Requires) > 0 {
			var facts []string
			for _, r := range c.Requires {
				facts = append(facts, r.Fact)
			}
			fmt.Fprintf(&b, "Not checked without %s.\n", strings.Join(facts, " and "))
		}
		if states := c.States(); len(states) > 0 {
			fmt.Fprintf(&b, "Judged only when %s; otherwise skipped with the reason.\n", strings.Join(states, ", and "))
		}
		fmt.Fprintf(&b, "\n- What it looks at: %s\n- Why it matters: %s\n- How to fix it: %s\n", c.Explain.What, c.Explain.Why, c.Explain.Fix)
		if len(c.Needs) > 0 {
			b.WriteString("- Commands it reads:")
			for i, n := range c.Needs {
				if i > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, " `%s`", n)
			}
			b.WriteString("\n")
		}
		if len(c.Causes) > 0 {
			fmt.Fprintf(&b, "- Reported under its root cause when one of these fails too: %s\n", strings.Join(c.Causes, ", "))
		}
		b.WriteString("- References:\n")
		for _, r := range c.References {
			fmt.Fprintf(&b, "  - %s\n", r)
		}
	}
	return b.String()
}
