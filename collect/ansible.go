package collect

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Ansible inventories, INI and YAML, as Ansible's documentation describes
// them ("How to build your inventory"): groups of hosts, groups of groups
// (children), and variables on hosts and groups. slcheck reads the
// connection variables only; a host variable wins over a group's, a child
// group's over its parent's (groups of the same depth by name), and "all"
// comes last, as in Ansible.

// ansibleKeys maps the connection variables slcheck reads (and their old
// ansible_ssh_ names) to the connection field they set.
var ansibleKeys = map[string]string{
	"ansible_host": "host", "ansible_ssh_host": "host",
	"ansible_port": "port", "ansible_ssh_port": "port",
	"ansible_user": "user", "ansible_ssh_user": "user",
}

// ansiblePasswords are the variables that hold passwords: ignored, with a
// warning.
var ansiblePasswords = map[string]bool{
	"ansible_password": true, "ansible_ssh_pass": true, "ansible_ssh_password": true,
	"ansible_become_password": true, "ansible_become_pass": true,
	"ansible_httpapi_pass": true, "ansible_httpapi_password": true,
}

// ansible is an Ansible inventory being read.
type ansible struct {
	file   string
	groups map[string]*ansibleGroup
	hosts  map[string]*ansibleHost
	// order is the host names in order of first mention.
	order    []string
	warnings []string
}

type ansibleGroup struct {
	hosts    []string
	children []string
	vars     map[string]hostVar
}

type ansibleHost struct {
	line int
	vars map[string]hostVar
}

func newAnsible(file string) *ansible {
	a := &ansible{file: file, groups: map[string]*ansibleGroup{}, hosts: map[string]*ansibleHost{}}
	a.group("all")
	a.group("ungrouped")
	return a
}

func (a *ansible) group(name string) *ansibleGroup {
	g := a.groups[name]
	if g == nil {
		g = &ansibleGroup{vars: map[string]hostVar{}}
		a.groups[name] = g
	}
	return g
}

// host records a host of group g; its name may carry a port (host:port).
func (a *ansible) host(g, name string, line int) (*ansibleHost, error) {
	port := ""
	if t, err := ParseTarget(name); err == nil && t.PortGiven {
		name, port = t.Host, fmt.Sprint(t.Port)
	} else if strings.Contains(name, "[") && strings.Contains(name, ":") && err != nil {
		return nil, &InventoryError{File: a.file, Line: line, Msg: fmt.Sprintf("%q: host ranges are not read; list the hosts one by one", name)}
	}
	h := a.hosts[name]
	if h == nil {
		h = &ansibleHost{line: line, vars: map[string]hostVar{}}
		a.hosts[name] = h
		a.order = append(a.order, name)
	}
	gr := a.group(g)
	if !slices.Contains(gr.hosts, name) {
		gr.hosts = append(gr.hosts, name)
	}
	if port != "" {
		h.vars["port"] = hostVar{value: port, file: a.file, line: line}
	}
	return h, nil
}

// setVar keeps a connection variable, warns about a password and ignores
// the rest; value is only read for the variables kept.
func (a *ansible) setVar(vars map[string]hostVar, key string, line int, value func() (string, error)) error {
	if ansiblePasswords[key] {
		a.warnings = append(a.warnings, passwordWarning(a.file, line, key))
		return nil
	}
	field, ok := ansibleKeys[key]
	if !ok {
		return nil
	}
	v, err := value()
	if err != nil {
		return err
	}
	vars[field] = hostVar{value: v, file: a.file, line: line}
	return nil
}

// inventory resolves every host's connection and groups.
func (a *ansible) inventory(format string) (*Inventory, error) {
	tree := a.tree()
	inv := &Inventory{File: a.file, Format: format, Warnings: a.warnings, groups: map[string]bool{}}
	for name := range a.groups {
		inv.groups[name] = true
	}
	for _, name := range a.order {
		h := a.hosts[name]
		groups := tree.groupsOf(name)
		vars := map[string]hostVar{}
		for _, g := range groups {
			maps.Copy(vars, a.groups[g].vars)
		}
		maps.Copy(vars, h.vars)
		t, err := connection{host: vars["host"], port: vars["port"], user: vars["user"]}.target(name, a.file, h.line)
		if err != nil {
			return nil, err
		}
		sort.Strings(groups)
		inv.Hosts = append(inv.Hosts, InventoryHost{Name: name, Target: t, Groups: groups})
	}
	if len(inv.Hosts) == 0 {
		return nil, &InventoryError{File: a.file, Msg: "no hosts in the inventory"}
	}
	return inv, nil
}

// ansibleTree is the group tree of an inventory: each group's parents (a
// group no other names as a child is all's), the groups each host is
// named in, and each group's depth below all, as it is worked out.
type ansibleTree struct {
	parents map[string][]string
	member  map[string][]string
	depth   map[string]int
}

func (a *ansible) tree() *ansibleTree {
	t := &ansibleTree{parents: map[string][]string{}, member: map[string][]string{}, depth: map[string]int{}}
	for name, g := range a.groups {
		for _, c := range g.children {
			t.parents[c] = append(t.parents[c], name)
		}
		for _, h := range g.hosts {
			t.member[h] = append(t.member[h], name)
		}
	}
	for name := range a.groups {
		if name != "all" && len(t.parents[name]) == 0 {
			t.parents[name] = []string{"all"}
		}
	}
	return t
}

// depthOf is the longest path from all down to group g; seen holds the
// groups on the path so far, so that a cycle ends.
func (t *ansibleTree) depthOf(g string, seen map[string]bool) int {
	if d, ok := t.depth[g]; ok {
		return d
	}
	if g == "all" || seen[g] {
		return 0
	}
	seen[g] = true
	d := 0
	for _, p := range t.parents[g] {
		d = max(d, t.depthOf(p, seen)+1)
	}
	delete(seen, g)
	t.depth[g] = d
	return d
}

// groupsOf is every group host is in, through its groups' parents, in
// Ansible's order of precedence: the shallowest first, then by name, so
// that a deeper group's variables win.
func (t *ansibleTree) groupsOf(host string) []string {
	in := map[string]bool{"all": true}
	var walk func(g string)
	walk = func(g string) {
		if in[g] {
			return
		}
		in[g] = true
		for _, p := range t.parents[g] {
			walk(p)
		}
	}
	for _, g := range t.member[host] {
		walk(g)
	}
	if len(in) == 1 {
		// Ansible's implicit group of hosts in no other.
		in["ungrouped"] = true
	}
	groups := make([]string, 0, len(in))
	for g := range in {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool {
		di, dj := t.depthOf(groups[i], map[string]bool{}), t.depthOf(groups[j], map[string]bool{})
		if di != dj {
			return di < dj
		}
		return groups[i] < groups[j]
	})
	return groups
}

// readAnsibleINI reads Ansible's INI format: [group] sections of host
// lines ("name[:port] key=value ..."), [group:children] sections of group
// names and [group:vars] sections of key=value lines; hosts before any
// section are ungrouped; "#" and ";" start comments.
func readAnsibleINI(file string, data []byte) (*Inventory, error) {
	a := newAnsible(file)
	section, kind := "ungrouped", ""
	n := 0
	for line := range strings.Lines(string(data)) {
		n++
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if m := iniSection.FindStringSubmatch(line); m != nil {
			section, kind = m[1], m[2]
			a.group(section)
			continue
		}
		bad := func(msg string) error { return &InventoryError{File: file, Line: n, Msg: msg} }
		switch kind {
		case "children":
			name := strings.Fields(line)[0]
			a.group(section).children = append(a.group(section).children, name)
			a.group(name)
		case "vars":
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				return nil, bad(fmt.Sprintf("%q: want key=value in [%s:vars]", line, section))
			}
			k = strings.TrimSpace(k)
			err := a.setVar(a.group(section).vars, k, n, func() (string, error) { return iniValue(strings.TrimSpace(v)), nil })
			if err != nil {
				return nil, err
			}
		default:
			words, err := iniWords(line)
			if err != nil {
				return nil, bad(err.Error())
			}
			if len(words) == 0 {
				continue
			}
			h, err := a.host(section, words[0], n)
			if err != nil {
				return nil, err
			}
			for _, w := range words[1:] {
				k, v, ok := strings.Cut(w, "=")
				if !ok {
					return nil, bad(fmt.Sprintf("%q: want key=value after the host name", w))
				}
				if err := a.setVar(h.vars, k, n, func() (string, error) { return v, nil }); err != nil {
					return nil, err
				}
			}
		}
	}
	return a.inventory("ansible-ini")
}

// iniWords splits a host line as Ansible does (shlex, comments on):
// words separated by blanks, quotes group and are removed, and a word
// starting with "#" starts a comment.
func iniWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	var quote rune
scan:
	for _, r := range line {
		if quote != 0 {
			if r == quote {
				quote = 0
			} else {
				w.WriteRune(r)
			}
			continue
		}
		switch {
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case r == '#' && !inWord:
			break scan
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("a quote (%c) is not closed", quote)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// iniValue is a [group:vars] value: Ansible reads it as a literal, so
// quotes around it go.
func iniValue(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// ansibleYAML says whether a YAML mapping is an Ansible inventory: a
// group named all, or a group with hosts, children or vars.
func ansibleYAML(root *yaml.Node) bool {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "all" {
			return true
		}
		if v := root.Content[i+1]; v.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(v.Content); j += 2 {
				switch v.Content[j].Value {
				case "hosts", "children", "vars":
					return true
				}
			}
		}
	}
	return false
}

// readAnsibleYAML reads Ansible's YAML format: groups (under all, or at
// the top) each with hosts (a mapping of names to their variables),
// children (a mapping of group names to groups) and vars.
func readAnsibleYAML(file string, root *yaml.Node) (*Inventory, error) {
	a := newAnsible(file)
	w := &yamlWalk{file: file, left: yamlBudget}
	top, err := w.pairs(root, "the inventory")
	if err != nil {
		return nil, err
	}
	for _, g := range top {
		if err := a.yamlGroup(w, g.key, g.value, 0); err != nil {
			return nil, err
		}
	}
	return a.inventory("ansible-yaml")
}

func (a *ansible) yamlGroup(w *yamlWalk, name string, n *yaml.Node, depth int) error {
	if depth > 100 {
		return &InventoryError{File: a.file, Line: n.Line, Msg: "groups nested more than 100 deep"}
	}
	g := a.group(name)
	keys, err := w.pairs(n, "group "+name)
	if err != nil {
		return err
	}
	for _, k := range keys {
		switch k.key {
		case "hosts":
			hosts, err := w.pairs(k.value, "hosts of group "+name)
			if err != nil {
				return err
			}
			for _, h := range hosts {
				host, err := a.host(name, h.key, h.line)
				if err != nil {
					return err
				}
				if err := a.yamlVars(w, host.vars, h.value, "host "+h.key); err != nil {
					return err
				}
			}
		case "children":
			children, err := w.pairs(k.value, "children of group "+name)
			if err != nil {
				return err
			}
			for _, c := range children {
				if !slices.Contains(g.children, c.key) {
					g.children = append(g.children, c.key)
				}
				if err := a.yamlGroup(w, c.key, c.value, depth+1); err != nil {
					return err
				}
			}
		case "vars":
			if err := a.yamlVars(w, g.vars, k.value, "vars of group "+name); err != nil {
				return err
			}
		}
	}
	return nil
}

func (a *ansible) yamlVars(w *yamlWalk, vars map[string]hostVar, n *yaml.Node, what string) error {
	pairs, err := w.pairs(n, what)
	if err != nil {
		return err
	}
	for _, p := range pairs {
		err := a.setVar(vars, p.key, p.line, func() (string, error) {
			v, _, err := w.scalar(p.value, p.key)
			return v, err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
