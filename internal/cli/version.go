package cli

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newVersionCmd) }

// Version overrides the release slcheck reports, set at build time with
// -ldflags "-X github.com/slcheck/slcheck/internal/cli.Version=v1.2.0";
// empty, the release comes from the Go build information.
var Version string

// readBuildInfo is runtime/debug.ReadBuildInfo; tests replace it.
var readBuildInfo = debug.ReadBuildInfo

// buildInfo is what the binary knows about itself.
type buildInfo struct {
	// Release is the module version `go install ...@v1.2.0` stamps, the
	// pseudo-version `go build` stamps in a clone (v0.0.0-date-commit), or
	// "devel" when neither is known (go run, go test).
	Release string
	// Commit is the VCS revision the binary was built from and Time its
	// commit time (RFC 3339): Go stamps no build time, so a build is
	// reproducible. Modified says the work tree had uncommitted changes.
	// All are empty when the build was not made in a clone (go install
	// from the module proxy, go test).
	Commit, Time string
	Modified     bool
	// Go is the toolchain, such as go1.26.8.
	Go string
}

func readBuild() buildInfo {
	b := buildInfo{Release: "devel"}
	bi, ok := readBuildInfo()
	if !ok {
		return b
	}
	b.Go = bi.GoVersion
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		b.Release = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	if Version != "" {
		b.Release = Version
	}
	return b
}

// String is the one-line version: "v1.2.0 (commit 206edd0a1b2c, 2026-11-30
// 04:39:07Z)", "devel" when nothing is known. It is JSON's tool.version and
// the Markdown footer's.
func (b buildInfo) String() string {
	var about []string
	if b.Commit != "" {
		c := "commit " + short(b.Commit, 12)
		if b.Modified {
			c += " with uncommitted changes"
		}
		about = append(about, c)
	}
	if b.Time != "" {
		about = append(about, "committed "+b.Time)
	}
	if len(about) == 0 {
		return b.Release
	}
	return b.Release + " (" + strings.Join(about, ", ") + ")"
}

func short(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// toolVersion is the version the reports carry.
func toolVersion() string { return readBuild().String() }

func newVersionCmd(st Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print slcheck's release, the commit it was built from and its Go toolchain",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b := readBuild()
			fmt.Fprintf(st.Out, "slcheck %s\n", b.Release)
			if b.Commit != "" {
				fmt.Fprintf(st.Out, "commit  %s", b.Commit)
				if b.Modified {
					fmt.Fprint(st.Out, " (with uncommitted changes)")
				}
				fmt.Fprintln(st.Out)
			}
			if b.Time != "" {
				fmt.Fprintf(st.Out, "date    %s (the commit's; Go stamps no build time)\n", b.Time)
			}
			if b.Go != "" {
				fmt.Fprintf(st.Out, "go      %s\n", b.Go)
			}
			return nil
		},
	}
}
