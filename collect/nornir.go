package collect

import (
	"fmt"
	"sort"

	"go.yaml.in/yaml/v3"
)

// Nornir's SimpleInventory: hosts.yaml maps host names to their hostname,
// port, username, password, platform, groups, data and
// connection_options; groups.yaml maps group names to the same (groups
// being parent groups) and defaults.yaml holds the same at its top. A
// host's value is its own, else its groups' in order (each group's own,
// else its parents'), else the defaults', as Nornir resolves them.
// slcheck reads hostname, port, username and groups; a password is
// ignored with a warning.

// nornirEntry is a host, a group or the defaults.
type nornirEntry struct {
	line   int
	conn   connection
	groups []string
	// groupsLine is where groups were given.
	groupsLine int
}

type nornir struct {
	w        *yamlWalk
	file     string
	warnings []string
	// groups and defaults are read from the files beside file;
	// groupsFile is the groups' file ("" when there is none).
	groups     map[string]*nornirEntry
	groupsFile string
	defaults   *nornirEntry
}

// entry reads one host, group or the defaults.
func (nr *nornir) entry(n *yaml.Node, what string, line int) (*nornirEntry, error) {
	e := &nornirEntry{line: line}
	pairs, err := nr.w.pairs(n, what)
	if err != nil {
		return nil, err
	}
	for _, p := range pairs {
		var field *hostVar
		switch p.key {
		case "hostname":
			field = &e.conn.host
		case "port":
			field = &e.conn.port
		case "username":
			field = &e.conn.user
		case "password":
			nr.warnings = append(nr.warnings, passwordWarning(nr.w.file, p.line, "password"))
		case "groups":
			if e.groups, e.groupsLine, err = nr.w.names(p.value, what+": groups"); err != nil {
				return nil, err
			}
			if e.groupsLine == 0 {
				e.groupsLine = p.line
			}
		}
		if field != nil {
			v, l, err := nr.w.scalar(p.value, what+": "+p.key)
			if err != nil {
				return nil, err
			}
			if l == 0 {
				l = p.line
			}
			*field = hostVar{value: v, file: nr.w.file, line: l}
		}
	}
	return e, nil
}

// entries reads a file of named entries (hosts.yaml, groups.yaml).
func (nr *nornir) entries(root *yaml.Node, what string) (map[string]*nornirEntry, []string, error) {
	pairs, err := nr.w.pairs(root, nr.w.file)
	if err != nil {
		return nil, nil, err
	}
	out := map[string]*nornirEntry{}
	var order []string
	for _, p := range pairs {
		e, err := nr.entry(p.value, what+" "+p.key, p.line)
		if err != nil {
			return nil, nil, err
		}
		if _, dup := out[p.key]; !dup {
			order = append(order, p.key)
		}
		out[p.key] = e
	}
	return out, order, nil
}

// readNornir reads a SimpleInventory hosts file and, through sibling,
// groups.yaml (or .yml) and defaults.yaml beside it.
func readNornir(file string, root *yaml.Node, sibling func(string) (string, []byte, error)) (*Inventory, error) {
	nr := &nornir{w: &yamlWalk{file: file, left: yamlBudget}, file: file}
	hosts, order, err := nr.entries(root, "host")
	if err != nil {
		return nil, err
	}
	if err := nr.readSiblings(sibling); err != nil {
		return nil, err
	}
	inv := &Inventory{File: file, Format: "nornir", groups: map[string]bool{}}
	for g := range nr.groups {
		inv.groups[g] = true
	}
	for _, g := range nr.groups {
		if err := nr.checkGroups(g, nr.groupsFile); err != nil {
			return nil, err
		}
	}
	for _, name := range order {
		h := hosts[name]
		if err := nr.checkGroups(h, file); err != nil {
			return nil, err
		}
		conn, groups := nr.resolve(h)
		t, err := conn.target(name, file, h.line)
		if err != nil {
			return nil, err
		}
		inv.Hosts = append(inv.Hosts, InventoryHost{Name: name, Target: t, Groups: groups})
	}
	inv.Warnings = nr.warnings
	if len(inv.Hosts) == 0 {
		return nil, &InventoryError{File: file, Msg: "no hosts in the inventory"}
	}
	return inv, nil
}

// readSiblings reads the groups and the defaults from the files beside
// the hosts file, where they exist.
func (nr *nornir) readSiblings(sibling func(string) (string, []byte, error)) error {
	nr.groups, nr.defaults = map[string]*nornirEntry{}, &nornirEntry{}
	root, path, err := nr.sibling(sibling, "groups.yaml", "groups.yml")
	if err != nil {
		return err
	}
	nr.groupsFile = path
	if root != nil {
		if nr.groups, _, err = nr.entries(root, "group"); err != nil {
			return err
		}
	}
	if root, _, err = nr.sibling(sibling, "defaults.yaml", "defaults.yml"); err != nil {
		return err
	}
	if root != nil {
		if nr.defaults, err = nr.entry(root, "defaults", 0); err != nil {
			return err
		}
	}
	return nil
}

// sibling reads the first of names that exists beside the hosts file:
// its YAML document and its path, or nil and "" when none does.
func (nr *nornir) sibling(sibling func(string) (string, []byte, error), names ...string) (*yaml.Node, string, error) {
	for _, name := range names {
		path, data, err := sibling(name)
		if err != nil {
			return nil, path, err
		}
		if data != nil {
			n, err := yamlDoc(path, data)
			nr.w.file = path
			return n, path, err
		}
	}
	return nil, "", nil
}

// checkGroups says, of the host or group e read from file, which group it
// names that is not defined, as Nornir requires every one to be.
func (nr *nornir) checkGroups(e *nornirEntry, file string) error {
	for _, g := range e.groups {
		if nr.groups[g] == nil {
			where := "groups.yaml"
			if nr.groupsFile != "" {
				where = nr.groupsFile
			}
			return &InventoryError{File: file, Line: e.groupsLine, Msg: fmt.Sprintf("group %q is not in %s", g, where)}
		}
	}
	return nil
}

// resolve gives host h's connection, each value its own, else its groups'
// in order (each group's own, else its parents'), else the defaults'; and
// the names of the groups it is in, sorted.
func (nr *nornir) resolve(h *nornirEntry) (connection, []string) {
	var chain []*nornirEntry
	in := map[string]bool{}
	var walk func(gs []string)
	walk = func(gs []string) {
		for _, g := range gs {
			if in[g] {
				continue
			}
			in[g] = true
			chain = append(chain, nr.groups[g])
			walk(nr.groups[g].groups)
		}
	}
	walk(h.groups)
	conn := h.conn
	for _, e := range append(chain, nr.defaults) {
		for _, f := range []struct{ dst, src *hostVar }{{&conn.host, &e.conn.host}, {&conn.port, &e.conn.port}, {&conn.user, &e.conn.user}} {
			if f.dst.value == "" {
				*f.dst = *f.src
			}
		}
	}
	names := make([]string, 0, len(in))
	for g := range in {
		names = append(names, g)
	}
	sort.Strings(names)
	return conn, names
}
