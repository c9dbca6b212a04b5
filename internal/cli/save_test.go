package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --save writes through neither a symlink nor an existing file: a new
// file at 0640 is renamed over the target, a symlink planted at the target
// is refused (its victim untouched), and a directory others may write in
// is warned about.
func TestSaveFiles(t *testing.T) {
	addrs, kh := fakeFleet(t, "healthy")
	name := saveName(mustTarget(t, addrs[0]))
	env := map[string]string{"SLCHECK_PASSWORD": sshPass}
	save := func(dir string) runResult {
		return runCLI(t, false, env, "", "ssh", "-u", "admin", "--known-hosts", kh, "--save", dir, "--no-fail", addrs[0])
	}
	t.Run("existing file replaced at 0640", func(t *testing.T) {
		dir := t.TempDir()
		os.Chmod(dir, 0o700)
		target := filepath.Join(dir, name)
		os.WriteFile(target, []byte("old"), 0o600)
		os.Chmod(target, 0o666)
		link := filepath.Join(dir, "hardlink")
		if err := os.Link(target, link); err != nil {
			t.Fatal(err)
		}
		r := save(dir)
		if r.code != ExitOK || r.err != "" {
			t.Fatalf("exit %d\n%s", r.code, r.err)
		}
		fi, err := os.Stat(target)
		if err != nil || fi.Mode().Perm() != 0o640 {
			t.Fatalf("saved capture: %v, mode %v", err, fi.Mode())
		}
		if b, _ := os.ReadFile(link); string(b) != "old" {
			t.Errorf("the file was written through, not replaced: a hard link to it now reads %q", b[:min(len(b), 40)])
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 {
			t.Errorf("left in the directory: %v", entries)
		}
	})

	t.Run("symlink refused", func(t *testing.T) {
		dir := t.TempDir()
		os.Chmod(dir, 0o700)
		victim := filepath.Join(t.TempDir(), "victim")
		os.WriteFile(victim, []byte("precious"), 0o600)
		if err := os.Symlink(victim, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		r := save(dir)
		if r.code != ExitUsage || !strings.Contains(r.err, name+" is a symbolic link: slcheck does not write through it") {
			t.Errorf("exit %d, stderr:\n%s", r.code, r.err)
		}
		if b, _ := os.ReadFile(victim); string(b) != "precious" {
			t.Errorf("the symlink's target was overwritten: %q", b[:min(len(b), 40)])
		}
		if !strings.Contains(r.out, "DC-CORE") {
			t.Errorf("the host was not diagnosed:\n%s", r.out)
		}
	})

	t.Run("directory writable by others", func(t *testing.T) {
		for _, tt := range []struct {
			mode os.FileMode
			warn string
		}{
			{0o777, "is writable by other users (mode 0777)"},
			{0o770, "is writable by its group (mode 0770)"},
			{0o750, ""},
		} {
			dir := filepath.Join(t.TempDir(), "captures")
			os.Mkdir(dir, 0o700)
			os.Chmod(dir, tt.mode)
			r := save(dir)
			if r.code != ExitOK {
				t.Fatalf("exit %d\n%s", r.code, r.err)
			}
			if tt.warn == "" && r.err != "" || !strings.Contains(r.err, tt.warn) {
				t.Errorf("mode %o: stderr %q, want %q", tt.mode, r.err, tt.warn)
			}
		}
	})
}
