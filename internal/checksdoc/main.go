// Command checksdoc writes docs/checks.md from the checks' metadata:
// `go generate ./checks` runs it. checks.TestCatalogueDocCurrent fails
// when the file is stale.
package main

import (
	"fmt"
	"os"

	"github.com/slcheck/slcheck/checks"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: checksdoc FILE")
		os.Exit(2)
	}
	if err := os.WriteFile(os.Args[1], []byte(checks.CatalogueMarkdown()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "checksdoc:", err)
		os.Exit(1)
	}
}
