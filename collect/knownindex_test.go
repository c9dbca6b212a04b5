package collect

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// The index answers every address as x/crypto's callback answers the
// probe key (the same lines, in the same order, with their files and
// line numbers; incomplete where the callback does not list them), and
// is not built for files that hold a line it does not read as plainly as
// x/crypto: those are left to the callback.
func TestKnownIndexAnswersAsKnownHosts(t *testing.T) {
	ed, ed2, ec := ed25519Key(t), ed25519Key(t), ecdsaKey(t).PublicKey()
	key := func(k ssh.PublicKey) string { return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k))) }
	addrs := []string{"127.0.0.1:22", "127.0.0.1:2222", "127.0.0.2:2222", "sw1:22", "SW1:22", "sw1:2222",
		"[::1]:22", "[::1]:2200", "::1", "10.1.1.1", "[10.1.1.1]:22", "sw2.example.com:22", "", "nope:22"}
	tests := []struct {
		name    string
		files   [][]string // each file's lines
		indexed bool
	}{
		{"fleet", [][]string{{KnownHostsLine("127.0.0.1:2222", ed), KnownHostsLine("127.0.0.2:2222", ed2),
			KnownHostsLine("127.0.0.1:22", ec)}}, true},
		{"host without port", [][]string{{"127.0.0.1 " + key(ed), "sw1 " + key(ec)}}, true},
		{"several names, repeated", [][]string{{"sw1,sw1,[sw1]:22,127.0.0.1 " + key(ed), "[sw1]:2222,sw1 " + key(ed2)}}, true},
		{"port without brackets", [][]string{{"127.0.0.1:2222 " + key(ed)}}, true},
		{"IPv6", [][]string{{"::1 " + key(ed), "[::1]:2200 " + key(ec)}}, true},
		{"comments, blanks, tabs, CRLF, comment words", [][]string{{"# header", "", "  ", "\tsw1\t" + key(ed) + " admin@ws",
			"sw2.example.com " + key(ec) + "\r", "  # indented"}}, true},
		{"two files", [][]string{{"sw1 " + key(ed)}, {"# second", "sw1 " + key(ec), "127.0.0.1 " + key(ed2)}}, true},
		{"case kept", [][]string{{"SW1 " + key(ed)}}, true},
		{"empty name in the list", [][]string{{"sw1,,127.0.0.1 " + key(ed)}}, true},
		{"the probe key", [][]string{{"sw1 " + key(probeKey), "sw1 " + key(ed)}}, true},
		{"no lines", [][]string{{"# nothing"}}, true},
		{"hashed", [][]string{{"sw1 " + key(ed), knownhosts.HashHostname("sw1") + " " + key(ec)}}, false},
		{"wildcard", [][]string{{"sw1 " + key(ed), "127.0.0.* " + key(ec)}}, false},
		{"question mark", [][]string{{"sw? " + key(ed)}}, false},
		{"negation", [][]string{{"sw1,!sw2 " + key(ed)}}, false},
		{"revoked", [][]string{{"sw1 " + key(ed), "@revoked * " + key(ed2)}}, false},
		{"cert authority", [][]string{{"sw1 " + key(ed), "@cert-authority * " + key(ec)}}, false},
		{"type mismatch", [][]string{{"sw1 " + key(ed), "sw2 ssh-rsa " + strings.Fields(key(ec))[1]}}, false},
		{"bad base64", [][]string{{"sw1 " + key(ed), "sw2 ssh-ed25519 !!!"}}, false},
		{"no key", [][]string{{"sw1 " + key(ed), "sw2"}}, false},
		{"bracket without port", [][]string{{"sw1 " + key(ed), "[sw2] " + key(ec)}}, false},
		{"names only commas", [][]string{{"sw1 " + key(ed), ", " + key(ec)}}, false},
		{"second file wildcard", [][]string{{"sw1 " + key(ed)}, {"* " + key(ec)}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var files []string
			for i, lines := range tc.files {
				p := filepath.Join(t.TempDir(), "known_hosts"+string(rune('a'+i)))
				if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
					t.Fatal(err)
				}
				files = append(files, p)
			}
			hc, err := HostKeys{Files: files}.checker()
			if err != nil {
				t.Fatal(err)
			}
			if (hc.index != nil) != tc.indexed {
				t.Fatalf("indexed %v, want %v", hc.index != nil, tc.indexed)
			}
			if hc.index == nil {
				return
			}
			unindexed := *hc
			unindexed.index = nil
			for _, addr := range addrs {
				got, want := hc.lookup(addr), unindexed.lookup(addr)
				if got.complete != want.complete || !reflect.DeepEqual(got.keys, want.keys) {
					t.Errorf("%q: index %v %+v, x/crypto %v %+v", addr, got.complete, got.keys, want.complete, want.keys)
				}
			}
		})
	}
}

// Files that are not the ones x/crypto read are not indexed: a pipe reads
// once, and a file changed since would answer for other lines.
func TestKnownIndexOnlyForTheFilesRead(t *testing.T) {
	ed := ed25519Key(t)
	p := writeKnown(t, KnownHostsLine("127.0.0.1:2222", ed))
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if indexKnownHosts([]string{p}, []os.FileInfo{st}) == nil {
		t.Fatal("a regular file unchanged is not indexed")
	}
	if err := os.WriteFile(p, []byte(KnownHostsLine("127.0.0.1:2223", ed)+"\n"+KnownHostsLine("127.0.0.1:2222", ed)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if indexKnownHosts([]string{p}, []os.FileInfo{st}) != nil {
		t.Error("a file changed since it was read is indexed")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	pst, err := r.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if indexKnownHosts([]string{"/dev/fd/0"}, []os.FileInfo{pst}) != nil {
		t.Error("a pipe is indexed")
	}
}
