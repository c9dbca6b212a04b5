package cli

// Version is slcheck's version, set at build time with
// -ldflags "-X github.com/slcheck/slcheck/internal/cli.Version=...".
var Version = "dev"
