package sshdtest

// Defines -update, so `go test ./... -update` runs here too (see internal/golden).
import _ "github.com/slcheck/slcheck/internal/golden"
