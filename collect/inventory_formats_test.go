package collect

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inventoryShape renders an inventory one host a line: name, target,
// user and groups.
func inventoryShape(inv *Inventory) string {
	var b strings.Builder
	for _, h := range inv.Hosts {
		port := "-"
		if h.Target.PortGiven {
			port = fmt.Sprint(h.Target.Port)
		}
		fmt.Fprintf(&b, "%s %s %s user=%s groups=%s\n", h.Name, h.Target.Host, port, h.Target.User, strings.Join(h.Groups, ","))
	}
	return b.String()
}

// TestInventoryFormats reads the same lab fleet written as an Ansible INI
// inventory, an Ansible YAML inventory and a Nornir SimpleInventory:
// addresses, ports and users resolved through host, group, parent group
// and default values as each tool does; passwords ignored with a warning
// that names the line and never the password.
func TestInventoryFormats(t *testing.T) {
	tests := []struct {
		file, format, want string
		warnings           []string
	}{
		{"testdata/inventory/hosts.ini", "ansible-ini", `core1 10.0.0.1 - user=nobody groups=all,ungrouped
leaf1 10.0.1.1 2222 user=netops groups=all,dc1,leafs
leaf2 leaf2 2022 user=ops groups=all,dc1,leafs
leaf3 leaf3 22 user=netops groups=all,dc1,leafs
spine1 10.0.2.1 - user=dcadmin groups=all,dc1,spines
`, []string{"testdata/inventory/hosts.ini:7: ansible_password ignored", "testdata/inventory/hosts.ini:22: ansible_become_pass ignored"}},
		{"testdata/inventory/hosts.yaml", "ansible-yaml", `core1 10.0.0.1 - user=nobody groups=all,ungrouped
leaf1 10.0.1.1 2222 user=netops groups=all,dc1,leafs
leaf2 leaf2 2022 user=ops groups=all,dc1,leafs
leaf3 leaf3 22 user=netops groups=all,dc1,leafs
spine1 10.0.2.1 22 user=dcadmin groups=all,dc1,spines
`, []string{"testdata/inventory/hosts.yaml:13: ansible_become_pass ignored", "testdata/inventory/hosts.yaml:28: ansible_password ignored"}},
		{"testdata/inventory/nornir/hosts.yaml", "nornir", `core1 10.0.0.1 - user=nobody groups=
leaf1 10.0.1.1 2222 user=netops groups=dc1,leafs
leaf2 leaf2 2022 user=ops groups=dc1,leafs
leaf3 leaf3 22 user=netops groups=dc1,leafs
spine1 10.0.2.1 - user=dcadmin groups=dc1,spines
`, []string{"testdata/inventory/nornir/hosts.yaml:18: password ignored", "testdata/inventory/nornir/groups.yaml:4: password ignored"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			inv, err := LoadInventory(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if inv.Format != tt.format {
				t.Errorf("format %q, want %q", inv.Format, tt.format)
			}
			if got := inventoryShape(inv); got != tt.want {
				t.Errorf("hosts:\n%s\nwant:\n%s", got, tt.want)
			}
			if len(inv.Warnings) != len(tt.warnings) {
				t.Errorf("warnings %q, want %d", inv.Warnings, len(tt.warnings))
			}
			for i, w := range inv.Warnings {
				if i < len(tt.warnings) && !strings.HasPrefix(w, tt.warnings[i]+": slcheck takes passwords only from SLCHECK_PASSWORD") {
					t.Errorf("warning %q, want %q...", w, tt.warnings[i])
				}
				if strings.Contains(w, "hunter2") || strings.Contains(w, "s3cret") || strings.Contains(w, "ANSIBLE_VAULT") {
					t.Errorf("warning %q quotes the password", w)
				}
			}
			for limit, want := range map[string]string{
				"leafs":              "leaf1 leaf2 leaf3",
				"dc1":                "leaf1 leaf2 leaf3 spine1",
				"spine1, core1":      "core1 spine1",
				"all":                "core1 leaf1 leaf2 leaf3 spine1",
				"":                   "core1 leaf1 leaf2 leaf3 spine1",
				"spines,leaf2,leafs": "leaf1 leaf2 leaf3 spine1",
			} {
				ts, err := inv.Select(strings.Split(limit, ","))
				if err != nil {
					t.Errorf("--limit %q: %v", limit, err)
					continue
				}
				var names []string
				for _, tg := range ts {
					for _, h := range inv.Hosts {
						if h.Target == tg {
							names = append(names, h.Name)
						}
					}
				}
				if got := strings.Join(names, " "); got != want {
					t.Errorf("--limit %q: %s, want %s", limit, got, want)
				}
			}
			if _, err := inv.Select([]string{"leafs", "leafz", "sw9"}); err == nil || err.Error() != tt.file+`: --limit "leafz", "sw9": no host or group of that name` {
				t.Errorf("--limit with unknown names: %v", err)
			}
		})
	}
}

// TestInventoryErrors: a malformed inventory is an *InventoryError naming
// the file and the line, whatever its format.
func TestInventoryErrors(t *testing.T) {
	// Mappings merged ten times into each other, nine deep: a billion
	// keys from a few hundred bytes.
	laughs := "a: &a {ansible_user: x}\n"
	for i := 'b'; i <= 'j'; i++ {
		laughs += fmt.Sprintf("%c: &%c {<<: [%s]}\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*%c, ", i-1), 10), ", "))
	}
	laughs += "all:\n  hosts:\n    sw1: *j\n"
	tests := []struct {
		name, in, want string
	}{
		{"YAML syntax", "all:\n  hosts:\n    sw1:\n  ansible_host: [1, 2\n", "inv:4: not valid YAML: did not find expected ',' or ']'"},
		{"YAML flow mapping", "all: {hosts: 1\n\nchildren: 2\n", "inv:3: not valid YAML: did not find expected ',' or '}'"},
		{"YAML key", "all:\n  hosts:\n    sw1: x\n    y\n    z: 1\n", "inv:4: not valid YAML: could not find expected ':'"},
		{"YAML tab", "all:\n\thosts:\n", "inv:2: not valid YAML: found character that cannot start any token"},
		{"hosts not a mapping", "all:\n  hosts:\n    - sw1\n    - sw2\n", "inv:3: hosts of group all: want a mapping of names to values, found a list"},
		{"port not a number", "all:\n  hosts:\n    sw1:\n      ansible_port: twenty-two\n", `inv:4: port "twenty-two": want a number from 1 to 65535`},
		{"port out of range", "[leafs]\nsw1\n[leafs:vars]\nansible_port=70000\n", `inv:4: port "70000": want a number from 1 to 65535`},
		{"address a list", "all:\n  hosts:\n    sw1:\n      ansible_host: [10.0.0.1]\n", "inv:4: ansible_host: want a single value, found a list"},
		{"vault address", "all:\n  hosts:\n    sw1:\n      ansible_host: !vault |\n        $ANSIBLE_VAULT;1.1;AES256\n", "inv:4: ansible_host is encrypted with ansible-vault: slcheck cannot read it; give it in clear or on the command line"},
		{"template", "[leafs]\nsw1 ansible_host='{{ lookup(\"env\", \"IP\") }}'\n", `inv:2: "{{ lookup(\"env\", \"IP\") }}" is a template: slcheck does not evaluate templates; give the value itself`},
		{"unclosed quote", "[leafs]\nsw1 ansible_user=\"ops\n", "inv:2: a quote (\") is not closed"},
		{"word without =", "[leafs]\nsw1 ansible_user=ops 10.0.0.1\n", `inv:2: "10.0.0.1": want key=value after the host name`},
		{"vars without =", "[leafs:vars]\nansible_user\n", `inv:2: "ansible_user": want key=value in [leafs:vars]`},
		{"bad address", "[leafs]\nsw1 ansible_host=10.0.0.1;reboot\n", `inv:2: "10.0.0.1;reboot": not a host name or address`},
		{"name no address", "all:\n  hosts:\n    core switch 1:\n", `inv:3: "core switch 1": not a host name or address, and no address is given for it`},
		{"user with a space", "[leafs]\nsw1 ansible_user='net ops'\n", `inv:2: user "net ops": not a user name`},
		{"user like an option", "[leafs]\nsw1 ansible_user=-oProxyCommand=x\n", `inv:2: user "-oProxyCommand=x": not a user name`},
		{"host range", "[leafs]\nleaf[01:20].example.com\n", `inv:2: "leaf[01:20].example.com": host ranges are not read; list the hosts one by one`},
		{"no hosts", "[leafs]\n[leafs:vars]\nansible_user=x\n", "inv: no hosts in the inventory"},
		{"nornir unknown group", "sw1:\n  hostname: 10.0.0.1\n  groups: [leafs]\n", `inv:3: group "leafs" is not in groups.yaml`},
		{"nornir port", "sw1:\n  port: 0\n", `inv:2: port "0": want a number from 1 to 65535`},
		{"nornir groups a mapping", "sw1:\n  groups: {a: 1}\n", "inv:2: host sw1: groups: want a list of names, found a mapping"},
		{"billion laughs", laughs, "the YAML expands (through aliases) to more nodes than an inventory has"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseInventory("inv", []byte(tt.in), nil)
			var ie *InventoryError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want one line with %q", err, tt.want)
			}
			if tt.name != "billion laughs" && !strings.HasPrefix(tt.want, "inv: ") && ie != nil && ie.Line == 0 {
				t.Errorf("err %v names no line", err)
			}
		})
	}
}

// TestInventoryDetection: the format is found by content, whatever the
// file is named; a plain host list stays one.
func TestInventoryDetection(t *testing.T) {
	for _, tt := range []struct{ in, format string }{
		{"sw1\nsw2:2222\n[2001:db8::1]:22\n[2001:db8::2]\n", "list"},
		{"sw1 ansible_host=10.0.0.1\n", "ansible-ini"},
		{"[leafs]\nsw1\n", "ansible-ini"},
		{"---\nleafs:\n  hosts:\n    sw1:\n", "ansible-yaml"},
		{"all:\n  children:\n    leafs:\n", "ansible-yaml"},
		{"sw1:\n  hostname: 10.0.0.1\n", "nornir"},
		{"sw1:\nsw2:\n", "nornir"},
	} {
		inv, err := ParseInventory("inv", []byte(tt.in), nil)
		if err != nil && tt.format != "ansible-yaml" {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if inv != nil && inv.Format != tt.format {
			t.Errorf("%q: format %s, want %s", tt.in, inv.Format, tt.format)
		}
	}
}

// TestLoadInventoryFiles: a missing or unreadable inventory, a directory,
// and a Nornir hosts.yaml whose groups.yaml is malformed.
func TestLoadInventoryFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadInventory(filepath.Join(dir, "nope.ini")); err == nil || err.Error() != filepath.Join(dir, "nope.ini")+": no such file" {
		t.Errorf("missing: %v", err)
	}
	if _, err := LoadInventory(dir); err == nil || err.Error() != dir+": is a directory, not an inventory" {
		t.Errorf("directory: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "hosts.yaml"), []byte("sw1:\n  groups: [leafs]\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "groups.yaml"), []byte("leafs:\n  port: [22\n"), 0o600)
	if _, err := LoadInventory(filepath.Join(dir, "hosts.yaml")); err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "groups.yaml")+":2: not valid YAML") {
		t.Errorf("bad groups.yaml: %v", err)
	}
}
