package transform

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCodesOnlyInCatalog fails when a code is written as a string literal
// anywhere in the engine (this package, its internal packages and the wasm
// adapter) outside internal/report/catalog.go, or declared as a Code
// without a catalog entry.
func TestCodesOnlyInCatalog(t *testing.T) {
	var files []string
	for _, pattern := range []string{"*.go", "../internal/*/*.go", "../wasm/*.go"} {
		more, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, more...)
	}
	require.Greater(t, len(files), 40)
	catalogFile := filepath.Join("..", "internal", "report", "catalog.go")
	fset := token.NewFileSet()
	declared := map[Code]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := goparser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				if id, ok := n.Type.(*ast.Ident); name == catalogFile && ok && id.Name == "Code" {
					for _, v := range n.Values {
						s, err := strconv.Unquote(v.(*ast.BasicLit).Value)
						require.NoError(t, err)
						declared[Code(s)] = true
					}
					return false
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				require.NoError(t, err)
				if _, ok := Code(s).Info(); ok {
					t.Errorf("%s: the code %s is written as a string; use its constant", fset.Position(n.Pos()), s)
				}
			}
			return true
		})
	}
	for _, c := range Catalog() {
		assert.True(t, declared[c.Code], "%s is in the catalog but not declared as a Code in internal/report/catalog.go", c.Code)
	}
	for c := range declared {
		_, ok := c.Info()
		assert.True(t, ok, "%s is declared but has no catalog entry", c)
	}
}

// TestGoldenCodesAreInCatalog checks that every finding of the golden
// verdicts has a catalog entry.
func TestGoldenCodesAreInCatalog(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join("testdata", "check", "*.golden"))
	require.NoError(t, err)
	require.NotEmpty(t, goldens)
	seen := 0
	for _, name := range goldens {
		text, err := os.ReadFile(name)
		require.NoError(t, err)
		for _, m := range regexp.MustCompile(`(?m)^finding \S+ (\S+) `).FindAllStringSubmatch(string(text), -1) {
			_, ok := Code(m[1]).Info()
			assert.True(t, ok, "%s: %s has no catalog entry", name, m[1])
			seen++
		}
	}
	assert.NotZero(t, seen, "no findings in the golden files")
}
