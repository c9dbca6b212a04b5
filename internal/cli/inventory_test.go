package cli

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSSHInventories collects from two fake switches on 127.0.0.1
// described by an Ansible INI inventory, an Ansible YAML inventory and a
// Nornir SimpleInventory (hosts.yaml and groups.yaml): addresses, ports
// and the login user come from the inventory (no -u: the fake switches
// know only admin), --limit picks hosts by group or name, a password in
// the inventory is ignored with a warning that names its line and not the
// password, and an unknown --limit name exits 2.
func TestSSHInventories(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy", "source-interface")
	_, core, _ := net.SplitHostPort(addrs[0])
	_, dmz, _ := net.SplitHostPort(addrs[1])
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	formats := []struct {
		name, file string
		warning    string // FILE:LINE of the password
	}{
		{"ansible-ini", write("hosts.ini", fmt.Sprintf(`# two fake switches
[core]
core1 ansible_host=127.0.0.1 ansible_port=%s

[dmz]
dmz1 ansible_host=127.0.0.1 ansible_port=%s ansible_password=hunter2

[dc:children]
core
dmz

[dc:vars]
ansible_user=admin
`, core, dmz)), "hosts.ini:6"},
		{"ansible-yaml", write("hosts.yml", fmt.Sprintf(`all:
  children:
    dc:
      vars:
        ansible_user: admin
      children:
        core:
          hosts:
            core1: {ansible_host: 127.0.0.1, ansible_port: %s}
        dmz:
          hosts:
            dmz1:
              ansible_host: 127.0.0.1
              ansible_port: %s
              ansible_password: hunter2
`, core, dmz)), "hosts.yml:15"},
		{"nornir", write("nornir/hosts.yaml", fmt.Sprintf(`core1:
  hostname: 127.0.0.1
  port: %s
  groups: [core]
dmz1:
  hostname: 127.0.0.1
  port: %s
  password: hunter2
  groups: [dmz]
`, core, dmz)), "hosts.yaml:8"},
	}
	write("nornir/groups.yaml", "dc:\n  username: admin\ncore:\n  groups: [dc]\ndmz:\n  groups: [dc]\n")
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			for _, tt := range []struct {
				limit string
				want  []string // hostnames collected
			}{
				{"", []string{"DC-CORE", "DC-DMZ"}},
				{"core", []string{"DC-CORE"}},
				{"dmz1", []string{"DC-DMZ"}},
				{"dc", []string{"DC-CORE", "DC-DMZ"}},
				{"core,dmz1", []string{"DC-CORE", "DC-DMZ"}},
			} {
				args := []string{"ssh", "--known-hosts", kh, "--no-active", "-o", "json", "--no-fail", "--inventory", f.file}
				if tt.limit != "" {
					args = append(args, "--limit", tt.limit)
				}
				r := runCLI(t, false, env, "", args...)
				if r.code != ExitOK {
					t.Errorf("--limit %q: exit %d\n%s", tt.limit, r.code, r.err)
					continue
				}
				var got []string
				for _, d := range decode(t, r.out).Devices {
					got = append(got, d.Hostname)
				}
				sort.Strings(got)
				if strings.Join(got, " ") != strings.Join(tt.want, " ") {
					t.Errorf("--limit %q: collected %v, want %v", tt.limit, got, tt.want)
				}
				if strings.Contains(tt.limit, "dmz") || tt.limit == "" || tt.limit == "dc" {
					if !strings.Contains(r.err, "slcheck: warning: "+filepath.Join(dir, strings.TrimPrefix(f.file, dir+"/"))) || !strings.Contains(r.err, f.warning+": ") {
						t.Errorf("--limit %q: no warning naming %s:\n%s", tt.limit, f.warning, r.err)
					}
				}
				if strings.Contains(r.out+r.err, "hunter2") {
					t.Errorf("the inventory's password was printed")
				}
			}
			r := runCLI(t, false, env, "", "ssh", "--known-hosts", kh, "--inventory", f.file, "--limit", "core,leafs")
			if r.code != ExitUsage || !strings.Contains(r.err, `--limit "leafs": no host or group of that name`) {
				t.Errorf("unknown --limit: exit %d\n%s", r.code, r.err)
			}
		})
	}
	// The inventory's user is used unless -u says otherwise, with both
	// transports (OpenSSH gets it as -l).
	nobody := write("nobody.ini", fmt.Sprintf("core1 ansible_host=127.0.0.1 ansible_port=%s ansible_user=operator\n", core))
	for _, tr := range []string{"default", "system"} {
		needTransport(t, tr)
		r := runCLI(t, false, env, "", "ssh", "--transport", tr, "--known-hosts", kh, "--no-active", "--inventory", nobody)
		if r.code != ExitCollection || !strings.Contains(r.err, "auth") {
			t.Errorf("%s: user operator: exit %d, want %d (the fake switch knows only admin)\n%s", tr, r.code, ExitCollection, r.err)
		}
		r = runCLI(t, false, env, "", "ssh", "--transport", tr, "--known-hosts", kh, "--no-active", "--no-fail", "-u", "admin", "--inventory", nobody)
		if r.code != ExitOK {
			t.Errorf("%s: -u admin over the inventory's operator: exit %d\n%s", tr, r.code, r.err)
		}
		r = runCLI(t, false, env, "", "ssh", "--transport", tr, "--known-hosts", kh, "--no-active", "--no-fail", "-o", "json", "--inventory", formats[0].file, "--limit", "core")
		if r.code != ExitOK || len(decode(t, r.out).Devices) != 1 {
			t.Errorf("%s: the inventory's user admin: exit %d\n%s", tr, r.code, r.err)
		}
	}
	r := runCLI(t, false, env, "", "ssh", "--known-hosts", kh, "--limit", "core", addrs[0])
	if r.code != ExitUsage || !strings.Contains(r.err, "--limit picks hosts of an --inventory") {
		t.Errorf("--limit without --inventory: exit %d\n%s", r.code, r.err)
	}
}

// TestTargets: the hosts slcheck ssh collects from its arguments, its
// --inventory and --limit. A switch named twice (twice as an argument, by
// two inventory names, or as an argument and in the inventory) is
// collected once, with a warning; a --limit name the inventory lacks
// exits 2 naming the closest name, or saying that Ansible patterns are
// not read.
func TestTargets(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "hosts.ini")
	os.WriteFile(inv, []byte(`[leafs]
leaf1 ansible_host=127.0.0.1 ansible_port=2201
leaf2 ansible_host=127.0.0.1 ansible_port=2201
leaf3 ansible_host=127.0.0.1 ansible_port=2203
[spines]
spine1 ansible_host=Spine1.example.com
[dc1:children]
leafs
spines
`), 0o600)
	for _, tt := range []struct {
		name      string
		args      []string
		inventory bool
		limit     []string
		want      string // the targets, or the error
		warnings  int
	}{
		{"arguments", []string{"sw1", "sw2:2222"}, false, nil, "sw1:22 sw2:2222", 0},
		{"an argument twice", []string{"sw1", "SW1", "sw1:22"}, false, nil, "sw1:22 sw1:22", 1},
		{"two inventory names, one switch", nil, true, []string{"leafs"}, "127.0.0.1:2201 127.0.0.1:2203", 1},
		{"an argument and the inventory", []string{"127.0.0.1:2203", "spine1.example.com"}, true, []string{"leaf3", "spines"}, "127.0.0.1:2203 spine1.example.com:22", 2},
		{"the whole inventory", nil, true, nil, "127.0.0.1:2201 127.0.0.1:2203 Spine1.example.com:22", 1},
		{"a mistyped group", nil, true, []string{"leaf"}, `hosts.ini: --limit "leaf": no host or group of that name; did you mean leaf1?`, 0},
		{"a group in another case", nil, true, []string{"SPINES"}, `--limit "SPINES": no host or group of that name; did you mean spines?`, 0},
		{"an Ansible pattern", nil, true, []string{"leafs:spines"}, `--limit "leafs:spines": no host or group of that name (--limit takes host and group names, comma-separated: not Ansible patterns`, 0},
		{"a wildcard", nil, true, []string{"leaf*"}, `not Ansible patterns such as leaf*`, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := &sshOptions{concurrency: 1, limit: tt.limit}
			if tt.inventory {
				o.inventory = inv
			}
			var stderr strings.Builder
			targets, err := o.targets(Streams{Err: &stderr}, tt.args)
			var got []string
			for _, tg := range targets {
				got = append(got, tg.String())
			}
			if err != nil {
				got = []string{err.Error()}
			}
			if s := strings.Join(got, " "); !strings.Contains(s, tt.want) {
				t.Errorf("got %q, want %q", s, tt.want)
			}
			if n := strings.Count(stderr.String(), "is named more than once: collected once"); n != tt.warnings {
				t.Errorf("%d warnings, want %d:\n%s", n, tt.warnings, stderr.String())
			}
		})
	}
}
