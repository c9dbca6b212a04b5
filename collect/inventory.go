package collect

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"
)

// InventoryError is a bad line of an inventory file.
type InventoryError struct {
	File string
	Line int
	Msg  string
}

func (e *InventoryError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

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
	switch err := sc.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		return nil, &InventoryError{File: name, Line: n + 1, Msg: fmt.Sprintf("a line of more than %d KiB: not a list of hosts", bufio.MaxScanTokenSize>>10)}
	case errors.Is(err, syscall.EISDIR):
		return nil, &InventoryError{File: name, Msg: "is a directory, not a list of hosts"}
	case err != nil:
		return nil, &InventoryError{File: name, Line: n + 1, Msg: err.Error()}
	}
	if len(out) == 0 {
		return nil, &InventoryError{File: name, Msg: "no hosts in the inventory"}
	}
	return out, nil
}
