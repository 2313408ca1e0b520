package report

import (
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
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "firehose-contract.md"))
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
