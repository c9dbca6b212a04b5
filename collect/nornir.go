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
	side := func(names ...string) (*yaml.Node, string, error) {
		for _, name := range names {
			path, data, err := sibling(name)
			if err != nil || data != nil {
				if err != nil {
					return nil, path, err
				}
				n, err := yamlDoc(path, data)
				nr.w.file = path
				return n, path, err
			}
		}
		return nil, "", nil
	}
	groupsRoot, groupsFile, err := side("groups.yaml", "groups.yml")
	if err != nil {
		return nil, err
	}
	groups := map[string]*nornirEntry{}
	if groupsRoot != nil {
		if groups, _, err = nr.entries(groupsRoot, "group"); err != nil {
			return nil, err
		}
	}
	defaultsRoot, _, err := side("defaults.yaml", "defaults.yml")
	if err != nil {
		return nil, err
	}
	defaults := &nornirEntry{}
	if defaultsRoot != nil {
		if defaults, err = nr.entry(defaultsRoot, "defaults", 0); err != nil {
			return nil, err
		}
	}
	inv := &Inventory{File: file, Format: "nornir", groups: map[string]bool{}}
	for g := range groups {
		inv.groups[g] = true
	}
	// Every group a host or group names must be defined, as Nornir
	// requires.
	check := func(e *nornirEntry, file string) error {
		for _, g := range e.groups {
			if groups[g] == nil {
				where := "groups.yaml"
				if groupsFile != "" {
					where = groupsFile
				}
				return &InventoryError{File: file, Line: e.groupsLine, Msg: fmt.Sprintf("group %q is not in %s", g, where)}
			}
		}
		return nil
	}
	for _, g := range groups {
		if err := check(g, groupsFile); err != nil {
			return nil, err
		}
	}
	for _, name := range order {
		h := hosts[name]
		if err := check(h, file); err != nil {
			return nil, err
		}
		var chain []*nornirEntry
		in := map[string]bool{}
		var walk func(gs []string)
		walk = func(gs []string) {
			for _, g := range gs {
				if in[g] {
					continue
				}
				in[g] = true
				chain = append(chain, groups[g])
				walk(groups[g].groups)
			}
		}
		walk(h.groups)
		conn := h.conn
		for _, e := range append(chain, defaults) {
			for _, f := range []struct{ dst, src *hostVar }{{&conn.host, &e.conn.host}, {&conn.port, &e.conn.port}, {&conn.user, &e.conn.user}} {
				if f.dst.value == "" {
					*f.dst = *f.src
				}
			}
		}
		t, err := conn.target(name, file, h.line)
		if err != nil {
			return nil, err
		}
		names := make([]string, 0, len(in))
		for g := range in {
			names = append(names, g)
		}
		sort.Strings(names)
		inv.Hosts = append(inv.Hosts, InventoryHost{Name: name, Target: t, Groups: names})
	}
	inv.Warnings = nr.warnings
	if len(inv.Hosts) == 0 {
		return nil, &InventoryError{File: file, Msg: "no hosts in the inventory"}
	}
	return inv, nil
}
