package snapshot

// Select tells capture.Read which sections to keep (capture.Options.Select):
// the commands Build reads and no others. Log sections keep only the lines about Smart Licensing and Call
// Home, each dated by its own timestamp; a show tech-support header keeps
// its first lines. This is what keeps a 1 GiB show-tech in bounded memory.
func Select(cmd string) (keep bool, filter func(line string) bool) {
	f := familyOf(cmd)
	if f.name == "" {
		return false, nil
	}
	if f.keep != nil {
		return true, f.keep()
	}
	return true, nil
}

// Needles gives capture.Read the strings of which every line Select's
// filter keeps holds one (capture.Options.Needles): a log's licensing
// needles.
func Needles(cmd string) []string { return familyOf(cmd).needles }
