package collect

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// InventoryError is a bad line of an inventory file.
type InventoryError struct {
	File string
	Line int
	Msg  string
}

func (e *InventoryError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ReadInventory reads one host per line ("host", "host:port",
// "[v6addr]:port"); "#" starts a comment; blank lines are skipped.
func ReadInventory(name string, r io.Reader) ([]Target, error) {
	var out []Target
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.ContainsAny(line, " \t") {
			return nil, &InventoryError{File: name, Line: n, Msg: fmt.Sprintf("%q: one host per line", line)}
		}
		t, err := ParseTarget(line)
		if err != nil {
			return nil, &InventoryError{File: name, Line: n, Msg: err.Error()}
		}
		out = append(out, t)
	}
	if err := sc.Err(); err != nil {
		return nil, &InventoryError{File: name, Line: n + 1, Msg: err.Error()}
	}
	if len(out) == 0 {
		return nil, &InventoryError{File: name, Line: n, Msg: "no hosts in the inventory"}
	}
	return out, nil
}
