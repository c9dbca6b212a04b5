package cli

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// archiveMember is one file of an archive a test builds.
type archiveMember struct{ name, body string }

func buildZip(t *testing.T, ms []archiveMember) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, m := range ms {
		w, err := zw.Create(m.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(m.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func buildTar(t *testing.T, ms []archiveMember) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, m := range ms {
		if err := tw.WriteHeader(&tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(m.body))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestArchiveSameDiagnosis: every scenario's capture, read from a zip, a
// tar, a tgz and a tar of .gz files, gets the JSON report of the same
// files extracted, byte for byte but for the source names; a member that
// is not text is listed as skipped and changes neither the report nor the
// exit code.
func TestArchiveSameDiagnosis(t *testing.T) {
	scenarios, _ := filepath.Glob("../../testdata/showoutputs/*/capture.txt")
	if len(scenarios) < 10 {
		t.Fatalf("only %d scenarios", len(scenarios))
	}
	dir := t.TempDir()
	extracted := filepath.Join(dir, "extracted")
	os.Mkdir(extracted, 0o755)
	var plain, gzs []archiveMember
	var paths []string
	for _, sc := range scenarios {
		body, err := os.ReadFile(sc)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(filepath.Dir(sc)) + ".txt"
		plain = append(plain, archiveMember{name, string(body)})
		gzs = append(gzs, archiveMember{name + ".gz", string(gzipped(string(body)))})
		p := filepath.Join(extracted, name)
		os.WriteFile(p, body, 0o644)
		paths = append(paths, p)
	}
	want := runCLI(t, false, nil, "", append([]string{"file", "-o", "json"}, paths...)...)
	if n := strings.Count(want.out, `"hostname": `); want.code != ExitFindings || n < len(scenarios) {
		t.Fatalf("extracted files: exit %d, %d devices\n%s", want.code, n, want.err)
	}
	picture := archiveMember{"topology.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"}
	archives := []struct {
		file string
		data []byte
		gz   bool // members are name.txt.gz
		// picture is set when the archive holds a picture, skipped.
		picture bool
	}{
		{file: "case.zip", data: buildZip(t, append(plain, picture)), picture: true},
		{file: "case.tar", data: buildTar(t, append(plain, picture)), picture: true},
		{file: "case.tgz", data: gzipped(string(buildTar(t, plain)))},
		{file: "nested.tar", data: buildTar(t, gzs), gz: true},
		{file: "case.zip.renamed.txt", data: buildZip(t, plain)},
	}
	for _, a := range archives {
		t.Run(a.file, func(t *testing.T) {
			path := filepath.Join(dir, a.file)
			os.WriteFile(path, a.data, 0o644)
			got := runCLI(t, false, nil, "", "file", "-o", "json", path)
			out := got.out
			for _, m := range plain {
				member := m.name
				if a.gz {
					member += ".gz"
				}
				out = strings.ReplaceAll(out, path+"!"+member, filepath.Join(extracted, m.name))
			}
			if got.code != want.code {
				t.Errorf("exit %d, want %d", got.code, want.code)
			}
			expected := want.out
			if a.picture {
				expected = strings.Replace(expected, `"errors": []`, `"errors": [
    {
      "source": "`+path+`!topology.png",
      "kind": "skipped",
      "message": "binary data, not a text capture (expected the text of a show tech-support or a terminal log)"
    }
  ]`, 1)
			}
			if out != expected {
				t.Errorf("JSON differs from the extracted files' beyond the source names:\n%s", firstDiff(out, expected))
			}
			if strings.Contains(got.err, "topology.png") != a.picture {
				t.Errorf("stderr:\n%s", got.err)
			}
		})
	}
	// A skipped member is a note on stderr, not an error in the exit code.
	path := filepath.Join(dir, "one.zip")
	os.WriteFile(path, buildZip(t, []archiveMember{plain[0], picture}), 0o644)
	alone := runCLI(t, false, nil, "", "file", "-o", "json", "--no-fail", filepath.Join(extracted, plain[0].name))
	got := runCLI(t, false, nil, "", "file", "-o", "json", "--no-fail", path)
	if got.code != alone.code || alone.code != ExitOK {
		t.Errorf("exit %d with a skipped member, %d alone: want %d", got.code, alone.code, ExitOK)
	}
	if want := "slcheck: " + path + "!topology.png: skipped: binary data, not a text capture"; !strings.HasPrefix(got.err, want) {
		t.Errorf("stderr %q, want it to start %q", got.err, want)
	}
	if !strings.Contains(got.out, `"source": "`+path+`!topology.png",
      "kind": "skipped",`) {
		t.Errorf("JSON does not list the skipped member:\n%s", got.out)
	}
}

// TestArchiveOnStdin: a tgz streams through `slcheck file -`; a zip on
// stdin is refused with what to do.
func TestArchiveOnStdin(t *testing.T) {
	body, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	alone := runCLI(t, false, nil, string(body), "file", "-o", "json", "-")
	got := runCLI(t, false, nil, string(gzipped(string(buildTar(t, []archiveMember{{"sw.txt", string(body)}})))), "file", "-o", "json", "-")
	if out := strings.ReplaceAll(got.out, "-!sw.txt", "-"); out != alone.out || got.code != alone.code {
		t.Errorf("tgz on stdin: exit %d\n%s", got.code, firstDiff(out, alone.out))
	}
	// A pipe has no random access (a file redirected to stdin has, and
	// its zip is read).
	var errb bytes.Buffer
	pipe := io.MultiReader(bytes.NewReader(buildZip(t, []archiveMember{{"sw.txt", string(body)}})))
	code := Run([]string{"file", "-"}, Streams{In: pipe, Out: io.Discard, Err: &errb})
	if code != ExitUsage || !strings.Contains(errb.String(), "slcheck: -: a zip archive on standard input: give it as a file") {
		t.Errorf("zip on stdin: exit %d, stderr %q", code, errb.String())
	}
}

// TestArchiveSkipsSaidAlike: every command that reads captures says a
// member it skipped as slcheck file does ("ARCHIVE!MEMBER: skipped: ..."),
// and a skipped member changes no exit code.
func TestArchiveSkipsSaidAlike(t *testing.T) {
	body, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "case.zip")
	os.WriteFile(p, buildZip(t, []archiveMember{{"sw1.txt", string(body)}, {"core.bin", "\x7fELF\x00\x00\x01\x02\x00\x00\x00"}}), 0o600)
	for _, tt := range []struct {
		args []string
		code int
		out  string // what stdout shows of the member read
	}{
		{[]string{"file", "--no-fail"}, ExitOK, "DC-DMZ"},
		{[]string{"commands"}, ExitOK, "telnet tools.cisco.com 80 vrf management"},
		{[]string{"commands", "--missing"}, ExitOK, "show ip route vrf management"},
	} {
		r := runCLI(t, false, nil, "", append(tt.args, p)...)
		want := "slcheck: " + p + "!core.bin: skipped: binary data"
		if r.code != tt.code || !strings.Contains(r.err, want) || !strings.Contains(r.out, tt.out) {
			t.Errorf("%v: exit %d, stderr %q: want %d and %q", tt.args, r.code, r.err, tt.code, want)
		}
	}
}
