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

// contractRows reads the table of docs/firehose-contract.md §3: the text
// of each row by its number.
func contractRows(t *testing.T) map[int]string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "docs", "firehose-contract.md"))
	require.NoError(t, err)
	_, sec, ok := strings.Cut(string(doc), "\n## 3.")
	require.True(t, ok, "docs/firehose-contract.md has no section 3")
	sec, _, _ = strings.Cut(sec, "\n## ")
	rows := map[int]string{}
	for _, m := range regexp.MustCompile(`(?m)^\| (\d+) \|(.*)$`).FindAllStringSubmatch(sec, -1) {
		n, _ := strconv.Atoi(m[1])
		rows[n] = m[2]
	}
	require.NotEmpty(t, rows)
	return rows
}

var firehoseCodeRE = regexp.MustCompile("`((?:Lambda|Function|DynamicPartitioning)\\.[A-Za-z]+)`")

// TestCatalogMatchesContract holds the catalog against docs/firehose-contract.md:
// a Firehose code of the table must be in the catalog, and a code of the
// catalog must be in the row it names, with the message the row quotes.
func TestCatalogMatchesContract(t *testing.T) {
	rows := contractRows(t)
	for n, row := range rows {
		for _, m := range firehoseCodeRE.FindAllStringSubmatch(row, -1) {
			info, ok := Code(m[1]).Info()
			if assert.True(t, ok, "row %d: %s is not in the catalog", n, m[1]) {
				assert.True(t, info.Firehose, "row %d: %s is Firehose's", n, m[1])
			}
		}
	}
	for _, c := range Catalog() {
		assert.NotEmpty(t, c.Words, "%s: no words", c.Code)
		if c.Row != 0 {
			assert.Contains(t, rows, c.Row, "%s: no row %d in the contract", c.Code, c.Row)
		}
		if c.Confidence != "" && c.Confidence != Confirmed {
			assert.NotEmpty(t, c.Doubt, "%s is %s: say what the doubt is", c.Code, c.Confidence)
		}
		if !c.Firehose {
			assert.Empty(t, c.Message, "%s is not Firehose's: it has no Firehose message", c.Code)
			continue
		}
		row := rows[c.Row]
		if !assert.Contains(t, row, "`"+string(c.Code)+"`", "%s: not in row %d", c.Code, c.Row) {
			continue
		}
		assert.NotEmpty(t, c.Confidence, "%s: no confidence", c.Code)
		assert.NotEmpty(t, c.Next, "%s: what does Firehose do next?", c.Code)
		if strings.Contains(row, "`"+string(c.Code)+"`, \"") {
			assert.Contains(t, row, `"`+c.Message+`"`, "%s: the message row %d quotes", c.Code, c.Row)
		}
	}
}

// TestCatalogWordsKnowNoNumbers keeps figures the report carries out of the
// words: attempts depend on NumberOfRetries, for one.
func TestCatalogWordsKnowNoNumbers(t *testing.T) {
	for _, c := range Catalog() {
		for _, s := range []string{c.Words, c.Next, c.Doubt} {
			assert.NotRegexp(t, `\d+ (attempts|retries|times)`, s, c.Code)
		}
	}
}

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
		assert.True(t, declared[c.Code], "%s is in the catalog but not declared as a Code in catalog.go", c.Code)
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
