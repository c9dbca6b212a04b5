package snapshot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// pathFacts are the parsed facts that decide the licensing path: the
// VRF, URL, transport, proxy and source interface as the configuration and
// `show license status` say them. PathOf reads them; every other package
// reads the decided Path instead, so that no two parts of slcheck can
// disagree about where licensing traffic goes.
var pathFacts = map[string][]string{
	"parsers.Callhome":           {"VRF", "Proxy", "TACURL"},
	"parsers.DestinationProfile": {"URLs"},
	"parsers.DestinationURL":     {"Index", "URL", "Ref"},
	"parsers.License":            {"Transport"},
	"parsers.SLPTransport":       {"Type", "URL", "CSLU", "Proxy", "VRF", "Ref"},
	"parsers.LicenseConfig":      {"Transport", "URLSmart", "URLCSLU", "VRF", "ProxyURL"},
	"parsers.RunningConfig":      {"HTTPSource"},
	"parsers.SourceInterface":    {"Interface", "VRF", "Ref"},
	"parsers.Proxy":              {"Server", "Port", "Enabled"},
}

// pathFactReaders are the files besides this package that may read some
// path facts, and why.
var pathFactReaders = map[string]string{
	// NET004 judges whether the two proxy lines of the callhome block
	// agree; where traffic goes through is Path.ProxyHost.
	"checks/net004_proxy.go": "parsers.Callhome.Proxy parsers.Proxy.Server parsers.Proxy.Enabled",
}

// consumers are the packages that use the licensing path.
var consumers = []string{"checks", "collect", "probe", "remedies", "report", "diagnose", "lifecycle", "internal/cli"}

// TestOnlyThePathTellsThePath type-checks every consumer package and fails
// on any read of a path fact outside PathOf: a check (or the collector, a
// probe, a remedy, the report) that took the VRF or URL from the
// configuration or the license output directly.
func TestOnlyThePathTellsThePath(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the consumer packages")
	}
	l := newLoader(t, consumers)
	for _, pkg := range consumers {
		for _, v := range l.violations(t, "github.com/slcheck/slcheck/"+pkg, nil) {
			t.Errorf("%s reads the path fact %s: read Snapshot.Path instead (snapshot/path.go)", v.pos, v.fact)
		}
	}
}

// The checker finds such reads: a file that takes the VRF from the
// callhome block, the URL from CiscoTAC-1 and the SLP VRF from the status.
func TestPathFactReadersAreFound(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks a package")
	}
	l := newLoader(t, []string{"parsers"})
	src := `package bad

import "github.com/slcheck/slcheck/parsers"

func vrf(c *parsers.RunningConfig, l *parsers.License) (string, string, string) {
	u := c.Callhome.TACURL()
	return c.Callhome.VRF.Value, u.URL, l.Transport.VRF.Value
}
`
	got := l.violations(t, "bad", map[string]string{"bad.go": src})
	var facts []string
	for _, v := range got {
		facts = append(facts, v.fact)
	}
	sort.Strings(facts)
	want := []string{"parsers.Callhome.TACURL", "parsers.Callhome.VRF", "parsers.DestinationURL.URL", "parsers.License.Transport", "parsers.SLPTransport.VRF"}
	if strings.Join(facts, " ") != strings.Join(want, " ") {
		t.Errorf("found %q, want %q", facts, want)
	}
}

// loader type-checks packages of this module against the export data
// `go list -export` writes for their dependencies.
type loader struct {
	fset    *token.FileSet
	imp     types.Importer
	pkgs    map[string]listed
	modRoot string
}

type listed struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Export     string
}

func newLoader(t *testing.T, pkgs []string) *loader {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(build.Default.GOROOT, "bin", "go")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"list", "-export", "-deps", "-json=ImportPath,Dir,GoFiles,Export"}
	for _, p := range pkgs {
		args = append(args, "./"+p)
	}
	cmd := exec.Command(goBin, args...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	l := &loader{fset: token.NewFileSet(), pkgs: map[string]listed{}, modRoot: root}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		l.pkgs[p.ImportPath] = p
	}
	l.imp = importer.ForCompiler(l.fset, "gc", func(path string) (io.ReadCloser, error) {
		p, ok := l.pkgs[path]
		if !ok || p.Export == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(p.Export)
	})
	return l
}

type violation struct {
	pos  token.Position
	fact string
}

// violations type-checks the package at path (or the files given, for a
// package of sources) and lists its reads of path facts that no
// pathFactReaders entry allows.
func (l *loader) violations(t *testing.T, path string, sources map[string]string) []violation {
	t.Helper()
	var files []*ast.File
	if sources == nil {
		p, ok := l.pkgs[path]
		if !ok {
			t.Fatalf("%s not listed", path)
		}
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(l.fset, filepath.Join(p.Dir, name), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	} else {
		for name, src := range sources {
			f, err := parser.ParseFile(l.fset, name, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: l.imp}
	if _, err := conf.Check(path, l.fset, files, info); err != nil {
		t.Fatalf("type-checking %s: %v", path, err)
	}
	var out []violation
	for sel, s := range info.Selections {
		recv := s.Recv()
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
		named, ok := recv.(*types.Named)
		if !ok || named.Obj().Pkg() == nil {
			continue
		}
		typ := named.Obj().Pkg().Name() + "." + named.Obj().Name()
		if !strings.HasSuffix(named.Obj().Pkg().Path(), "/"+strings.SplitN(typ, ".", 2)[0]) {
			continue
		}
		member := s.Obj().Name()
		forbidden := false
		for _, m := range pathFacts[typ] {
			forbidden = forbidden || m == member
		}
		if !forbidden {
			continue
		}
		pos := l.fset.Position(sel.Sel.Pos())
		fact := typ + "." + member
		if rel, err := filepath.Rel(l.modRoot, pos.Filename); err == nil {
			if allowed := pathFactReaders[filepath.ToSlash(rel)]; strings.Contains(" "+allowed+" ", " "+fact+" ") {
				continue
			}
			pos.Filename = filepath.ToSlash(rel)
		}
		out = append(out, violation{pos, fact})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos.String() < out[j].pos.String() })
	return out
}
