package collect

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/slcheck/slcheck/capture"
	"github.com/slcheck/slcheck/nxname"
)

// InventoryError is a bad line of an inventory file.
type InventoryError struct {
	File string
	Line int
	Msg  string
	err  error
}

func (e *InventoryError) Unwrap() error { return e.err }

func (e *InventoryError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ReadInventory reads a plain host list: one host per line ("host",
// "host:port", "[v6addr]:port"); "#" starts a comment; blank lines are
// skipped. LoadInventory reads it and the other formats.
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

// Inventory is the fleet an inventory file describes.
type Inventory struct {
	File string
	// Format is "list" (one host[:port] per line), "ansible-ini",
	// "ansible-yaml" or "nornir" (SimpleInventory).
	Format string
	// Hosts are in the order the file first names them.
	Hosts []InventoryHost
	// Warnings say what was ignored ("FILE:LINE: ..."), such as a
	// password: slcheck never takes one from an inventory.
	Warnings []string
	// groups are every group name the file defines, for Select.
	groups map[string]bool
}

// InventoryHost is one switch of an inventory.
type InventoryHost struct {
	// Name is the inventory's name for it (Ansible's inventory_hostname,
	// Nornir's host name).
	Name   string
	Target Target
	// Groups are the groups it belongs to, directly or through children
	// (Ansible) or parent groups (Nornir), sorted; "all" is implied.
	Groups []string
}

// maxInventoryBytes bounds an inventory file: a fleet of tens of
// thousands of switches fits in a few MiB.
const maxInventoryBytes = 16 << 20

// LoadInventory reads an inventory file, its format found by content:
// an Ansible inventory (INI or YAML: groups, children, vars, ansible_host,
// ansible_port, ansible_user), a Nornir SimpleInventory hosts file (with
// groups.yaml and defaults.yaml beside it, when there), or a plain list
// of host[:port]. Unknown keys are ignored; passwords are ignored with a
// warning. A malformed file is an *InventoryError naming the file and
// line.
func LoadInventory(path string) (*Inventory, error) {
	data, err := readInventoryFile(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	sibling := func(name string) (string, []byte, error) {
		p := filepath.Join(dir, name)
		b, err := readInventoryFile(p)
		var ie *InventoryError
		if errors.As(err, &ie) && errors.Is(ie.err, fs.ErrNotExist) {
			return p, nil, nil
		}
		return p, b, err
	}
	return ParseInventory(path, data, sibling)
}

func readInventoryFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &InventoryError{File: path, Msg: capture.OpenProblem(err), err: err}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &InventoryError{File: path, Msg: "is a directory, not an inventory"}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxInventoryBytes+1))
	if err != nil {
		return nil, &InventoryError{File: path, Msg: "cannot read: " + err.Error(), err: err}
	}
	if len(data) > maxInventoryBytes {
		// A list of hosts says where it goes wrong (a line of 64 KiB, a
		// line that is not a host) before its size does.
		if _, err := ReadInventory(path, bytes.NewReader(data)); err != nil {
			return nil, err
		}
		return nil, &InventoryError{File: path, Msg: fmt.Sprintf("more than %d MiB: not an inventory", maxInventoryBytes>>20)}
	}
	return data, nil
}

// ParseInventory parses an inventory file's data (see LoadInventory).
// sibling reads a file beside it by name (Nornir's groups.yaml), giving
// its path and nil data when it does not exist; nil reads none.
func ParseInventory(file string, data []byte, sibling func(name string) (string, []byte, error)) (*Inventory, error) {
	if sibling == nil {
		sibling = func(name string) (string, []byte, error) { return name, nil, nil }
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if looksINI(data) {
		return readAnsibleINI(file, data)
	}
	root, err := yamlDoc(file, data)
	switch {
	case err == nil && root != nil && root.Kind == yaml.MappingNode:
		if ansibleYAML(root) {
			return readAnsibleYAML(file, root)
		}
		return readNornir(file, root, sibling)
	case err != nil && looksYAML(data):
		return nil, err
	}
	targets, err := ReadInventory(file, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	inv := &Inventory{File: file, Format: "list", groups: map[string]bool{}}
	for _, t := range targets {
		inv.Hosts = append(inv.Hosts, InventoryHost{Name: t.Host, Target: t})
	}
	return inv, nil
}

// iniSection is an Ansible INI section header: [group], [group:children]
// or [group:vars]. A group name holds no colon, so "[2001:db8::1]" (a
// bracketed IPv6 address of a plain list) is not one.
var iniSection = regexp.MustCompile(`^\[([^\[\]:\s]+)(?::(children|vars))?\]\s*(?:[#;].*)?$`)

// looksINI says whether data is an Ansible INI inventory: a section
// header, or a host line with key=value variables.
func looksINI(data []byte) bool {
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if iniSection.MatchString(line) {
			return true
		}
		if f := strings.Fields(line); len(f) > 1 && !strings.HasPrefix(f[1], "#") && strings.Contains(f[1], "=") {
			return true
		}
	}
	return false
}

// looksYAML says whether data means to be YAML (a document start, or a
// first line that is a mapping key), so a YAML error is reported as such
// rather than as a bad host list.
func looksYAML(data []byte) bool {
	for line := range strings.Lines(string(data)) {
		line = strings.TrimRight(line, "\r\n")
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' {
			continue
		}
		return t == "---" || strings.HasSuffix(t, ":") || strings.Contains(t, ": ")
	}
	return false
}

// Select returns the targets of the hosts named in limit, or in a group
// named in limit ("all" is every host), in inventory order; an empty
// limit selects every host. A name that is neither a host nor a group is
// an error: a typo must not silently leave switches out.
func (inv *Inventory) Select(limit []string) ([]Target, error) {
	want := map[string]bool{}
	for _, n := range limit {
		if n = strings.TrimSpace(n); n != "" {
			want[n] = true
		}
	}
	if len(want) == 0 || want["all"] {
		out := make([]Target, 0, len(inv.Hosts))
		for _, h := range inv.Hosts {
			out = append(out, h.Target)
		}
		return out, nil
	}
	found := map[string]bool{}
	var out []Target
	for _, h := range inv.Hosts {
		match := want[h.Name]
		found[h.Name] = true
		for _, g := range h.Groups {
			match = match || want[g]
		}
		if match {
			out = append(out, h.Target)
		}
	}
	var unknown []string
	for n := range want {
		if !found[n] && !inv.groups[n] {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, &UnknownLimitError{File: inv.File, Names: unknown, Known: inv.names()}
	}
	if len(out) == 0 {
		return nil, &InventoryError{File: inv.File, Msg: fmt.Sprintf("--limit %s: no host in those groups", strings.Join(limit, ","))}
	}
	return out, nil
}

// names are the inventory's host and group names, sorted.
func (inv *Inventory) names() []string {
	seen := map[string]bool{}
	for _, h := range inv.Hosts {
		seen[h.Name] = true
	}
	for g := range inv.groups {
		seen[g] = true
	}
	return slices.Sorted(maps.Keys(seen))
}

// UnknownLimitError is a --limit name that is neither a host nor a group
// of the inventory.
type UnknownLimitError struct {
	File string
	// Names are the names not found, sorted; Known every host and group
	// name of the inventory, for a suggestion.
	Names, Known []string
}

func (e *UnknownLimitError) Error() string {
	quoted := make([]string, len(e.Names))
	pattern := false
	for i, n := range e.Names {
		quoted[i] = strconv.Quote(n)
		pattern = pattern || strings.ContainsAny(n, "*?:&!~[")
	}
	msg := fmt.Sprintf("%s: --limit %s: no host or group of that name", e.File, strings.Join(quoted, ", "))
	if pattern {
		// Ansible's --limit takes patterns; slcheck's takes names.
		msg += " (--limit takes host and group names, comma-separated: not Ansible patterns such as leaf*, a:b, a:&b or a:!b)"
	}
	return msg
}

// hostVar is a value an inventory gives a host's connection, and the
// line it came from.
type hostVar struct {
	value string
	file  string
	line  int
}

// connection is what an inventory says about how to reach one host.
type connection struct {
	host, port, user hostVar
}

// target checks a host's connection values and makes its Target; name is
// the host's inventory name, the address when none is given.
func (c connection) target(name, file string, line int) (Target, error) {
	bad := func(v hostVar, msg string) error {
		if v.line == 0 {
			v.file, v.line = file, line
		}
		return &InventoryError{File: v.file, Line: v.line, Msg: msg}
	}
	for _, v := range []hostVar{c.host, c.port, c.user} {
		if strings.Contains(v.value, "{{") || strings.Contains(v.value, "{%") {
			return Target{}, bad(v, fmt.Sprintf("%q is a template: slcheck does not evaluate templates; give the value itself", v.value))
		}
	}
	t := Target{Host: name, Port: 22}
	if c.host.value != "" {
		t.Host = c.host.value
	}
	if !nxname.Host(t.Host) {
		what := fmt.Sprintf("%q: not a host name or address", t.Host)
		if c.host.value == "" {
			what += ", and no address is given for it"
		}
		return Target{}, bad(c.host, what)
	}
	if c.port.value != "" {
		p, err := strconv.Atoi(c.port.value)
		if err != nil || p < 1 || p > 65535 {
			return Target{}, bad(c.port, fmt.Sprintf("port %q: want a number from 1 to 65535", c.port.value))
		}
		t.Port, t.PortGiven = p, true
	}
	if u := c.user.value; u != "" {
		if strings.IndexFunc(u, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) }) >= 0 || strings.HasPrefix(u, "-") {
			return Target{}, bad(c.user, fmt.Sprintf("user %q: not a user name", u))
		}
		t.User = u
	}
	return t, nil
}

// passwordWarning is the warning for a password found in an inventory.
func passwordWarning(file string, line int, key string) string {
	return fmt.Sprintf("%s:%d: %s ignored: slcheck takes passwords only from SLCHECK_PASSWORD, a prompt or keys, never from an inventory", file, line, key)
}
