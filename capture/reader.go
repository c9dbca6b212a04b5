package capture

import (
	"bufio"
	"io"
	"os"
	"strings"
)

// Options tunes a read.
type Options struct {
	// Select says, for a canonical command, whether to keep its section
	// and, if filter is non-nil, which of its lines. Sections not kept
	// cost no memory, which is how a 1 GiB show-tech stays small.
	// nil keeps everything.
	Select func(cmd string) (keep bool, filter func(line string) bool)
}

// ReadFile reads one input; "-" is standard input.
func ReadFile(path string, opt Options) (*Capture, error) {
	if path == "-" {
		return Read("-", os.Stdin, opt)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &InputError{File: path, Msg: "cannot open: " + err.Error(), Err: err}
	}
	defer f.Close()
	return Read(path, f, opt)
}

// Read splits one input into devices and sections.
// TODO(capture owner): gzip, prompts, bare pastes, dirty text, devices,
// bounded memory; this first cut only knows show-tech backtick headers.
func Read(name string, r io.Reader, opt Options) (*Capture, error) {
	dev := &Device{Source: name, Format: "show-tech"}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var cur *Section
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimRight(sc.Text(), " \r")
		if strings.HasPrefix(text, "`") && strings.HasSuffix(text, "`") && len(text) > 2 {
			cmd := strings.TrimSpace(strings.Trim(text, "`"))
			cur = &Section{Command: cmd, Typed: cmd, Source: name, Line: n}
			dev.Sections = append(dev.Sections, cur)
			continue
		}
		if cur != nil {
			cur.Lines = append(cur.Lines, Line{N: n, Text: text})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &InputError{File: name, Line: n + 1, Msg: err.Error(), Err: err}
	}
	if len(dev.Sections) == 0 {
		return nil, &InputError{File: name, Msg: "no NX-OS command output found"}
	}
	return &Capture{Source: name, Devices: []*Device{dev}}, nil
}
