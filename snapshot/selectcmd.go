package snapshot

import "github.com/slcheck/slcheck/parsers"

// techHeaderLines is how many lines of a show tech-support header section
// are kept: enough for its date.
const techHeaderLines = 20

// Select tells capture.Read which sections to keep (capture.Options.Select):
// the commands Build reads and no others. Log sections keep only the lines about Smart Licensing and Call
// Home, each dated by its own timestamp; a show tech-support header keeps
// its first lines. This is what keeps a 1 GiB show-tech in bounded memory.
func Select(cmd string) (keep bool, filter func(line string) bool) {
	switch kind(cmd) {
	case "":
		return false, nil
	case "logging":
		return true, parsers.IsLicensingLogLine
	case "tech":
		n := 0
		return true, func(string) bool {
			n++
			return n <= techHeaderLines
		}
	}
	return true, nil
}
