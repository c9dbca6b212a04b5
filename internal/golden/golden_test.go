package golden

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const importPath = "github.com/slcheck/slcheck/internal/golden"

// TestEveryTestPackageImportsGolden keeps `go test ./... -update` working:
// a package with tests that does not import this one fails on the flag.
func TestEveryTestPackageImportsGolden(t *testing.T) {
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("%s is not the module root: %v", root, err)
	}
	self := filepath.Join(root, "internal", "golden") // defines the flag
	importers := map[string]bool{}                    // directories with a test file importing golden
	withTests := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dir := filepath.Dir(path)
		withTests[dir] = true
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == importPath {
				importers[dir] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(withTests) < 10 {
		t.Fatalf("found %d packages with tests under %s: the walk is wrong", len(withTests), root)
	}
	for dir := range withTests {
		if dir == self || importers[dir] {
			continue
		}
		t.Errorf("%s has tests but does not import %s: `go test ./... -update` fails there; add `_ %q` to the imports of one of its test files", dir, importPath, importPath)
	}
}
