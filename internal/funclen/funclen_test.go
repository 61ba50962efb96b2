// Package funclen checks that the functions of the packages listed below
// stay short enough for a reader to hold in their head (issue 13): no
// function or method of their non-test code runs past maxLines lines. A
// function that needs more is split into steps with names and doc
// comments that say why.
package funclen

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxLines is the most lines a function may take, its signature and
// closing brace included.
const maxLines = 90

// checked are the packages (directories from the module's root, and all
// below them) whose functions are held to maxLines.
var checked = []string{"ingest", "pipeline", "rebuild", "graph/export", "extract/eval"}

func TestFunctionsFitInAHead(t *testing.T) {
	fset := token.NewFileSet()
	for _, dir := range checked {
		root := filepath.Join("..", "..", dir)
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			for _, decl := range f.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				if n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1; n > maxLines {
					rel, _ := filepath.Rel(filepath.Join("..", ".."), path)
					t.Errorf("%s: %s takes %d lines, more than %d: split it into steps a reader can hold in their head", rel, fd.Name.Name, n, maxLines)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
