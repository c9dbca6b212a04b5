package collect

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The YAML inventories (Ansible's and Nornir's) are read as yaml.Node
// trees, so every error names the line it is about.

// yamlDoc parses a YAML file into the node of its first document; nil for
// a file with no document.
func yamlDoc(file string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlError turns the YAML library's error into an InventoryError naming
// the line.
func yamlError(file string, err error) error {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return &InventoryError{File: file, Msg: "not valid YAML: " + err.Error()}
	}
	n, _ := strconv.Atoi(m[1])
	if strings.HasPrefix(m[2], "did not find expected") {
		// The library numbers the lines of its parser's errors (not its
		// scanner's) from 0, and leaves out line 0.
		n++
	}
	return &InventoryError{File: file, Line: n, Msg: "not valid YAML: " + m[2]}
}

// yamlWalk reads a YAML tree within a budget of nodes, so aliases nested
// to expand exponentially (a "billion laughs") stop with an error instead
// of exhausting memory or time.
type yamlWalk struct {
	file string
	left int
}

// yamlBudget is the number of nodes an inventory may expand to: a fleet
// of 10 000 switches with a few variables each takes about 100 000.
const yamlBudget = 1_000_000

// node follows an alias and charges one node to the budget.
func (w *yamlWalk) node(n *yaml.Node) (*yaml.Node, error) {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode; depth++ {
		if depth > 100 {
			return nil, &InventoryError{File: w.file, Line: n.Line, Msg: "aliases nested too deep"}
		}
		n = n.Alias
	}
	if w.left--; w.left < 0 {
		line := 0
		if n != nil {
			line = n.Line
		}
		return nil, &InventoryError{File: w.file, Line: line, Msg: "the YAML expands (through aliases) to more nodes than an inventory has"}
	}
	return n, nil
}

// yamlPair is one key and value of a mapping.
type yamlPair struct {
	key   string
	line  int
	value *yaml.Node // nil for an empty value
}

// pairs returns a mapping's keys and values in order, with YAML merge
// keys ("<<: *defaults") applied: an explicit key wins over a merged one.
// A null node is an empty mapping; anything else is an error naming what
// was expected.
func (w *yamlWalk) pairs(n *yaml.Node, what string) ([]yamlPair, error) {
	n, err := w.node(n)
	if err != nil || n == nil || isNull(n) {
		return nil, err
	}
	if n.Kind != yaml.MappingNode {
		return nil, &InventoryError{File: w.file, Line: n.Line, Msg: fmt.Sprintf("%s: want a mapping of names to values, found %s", what, kindName(n))}
	}
	var out, merged []yamlPair
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, err := w.node(n.Content[i])
		if err != nil {
			return nil, err
		}
		v, err := w.node(n.Content[i+1])
		if err != nil {
			return nil, err
		}
		if k.Kind != yaml.ScalarNode {
			return nil, &InventoryError{File: w.file, Line: k.Line, Msg: fmt.Sprintf("%s: a key that is %s, not a name", what, kindName(k))}
		}
		if k.Tag == "!!merge" || k.Value == "<<" && k.Style == 0 {
			srcs := []*yaml.Node{v}
			if v != nil && v.Kind == yaml.SequenceNode {
				srcs = v.Content
			}
			for _, src := range srcs {
				more, err := w.pairs(src, what)
				if err != nil {
					return nil, err
				}
				merged = append(merged, more...)
			}
			continue
		}
		if isNull(v) {
			v = nil
		}
		seen[k.Value] = true
		out = append(out, yamlPair{key: k.Value, line: k.Line, value: v})
	}
	for _, p := range merged {
		if !seen[p.key] {
			seen[p.key] = true
			out = append(out, p)
		}
	}
	return out, nil
}

// scalar is the text of a scalar value and its line; what names the
// value in the error for anything else.
func (w *yamlWalk) scalar(n *yaml.Node, what string) (string, int, error) {
	n, err := w.node(n)
	if err != nil {
		return "", 0, err
	}
	if n == nil || isNull(n) {
		return "", 0, nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", n.Line, &InventoryError{File: w.file, Line: n.Line, Msg: fmt.Sprintf("%s: want a single value, found %s", what, kindName(n))}
	}
	if n.Tag == "!vault" {
		return "", n.Line, &InventoryError{File: w.file, Line: n.Line, Msg: fmt.Sprintf("%s is encrypted with ansible-vault: slcheck cannot read it; give it in clear or on the command line", what)}
	}
	return n.Value, n.Line, nil
}

// names is a list of names (Nornir's groups): a sequence of scalars, or
// one scalar.
func (w *yamlWalk) names(n *yaml.Node, what string) ([]string, int, error) {
	n, err := w.node(n)
	if err != nil || n == nil || isNull(n) {
		return nil, 0, err
	}
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}, n.Line, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, n.Line, &InventoryError{File: w.file, Line: n.Line, Msg: fmt.Sprintf("%s: want a list of names, found %s", what, kindName(n))}
	}
	var out []string
	for _, c := range n.Content {
		s, _, err := w.scalar(c, what)
		if err != nil {
			return nil, n.Line, err
		}
		out = append(out, s)
	}
	return out, n.Line, nil
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "something else"
}
