// Package golden defines the -update flag of `go test ./... -update`.
//
// A flag given to `go test ./...` reaches every test binary, and a binary
// that does not define it fails. So every package with tests imports this
// one (a blank import in any of its test files is enough), and the tests that own
// golden files read Update.
package golden

import "flag"

// Update is set by `go test ... -update`: tests rewrite their golden files
// from the current output instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite golden files from the current output, then review the diff")
