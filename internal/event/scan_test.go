package event

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The regular expressions the hand-written matchers of scan.go stand for.
var (
	placeholderRE   = regexp.MustCompile(`\$\{[^{}]*\}|\{\{[^{}]*\}\}|\{[A-Za-z_][A-Za-z0-9_:.-]*\}|<[A-Za-z_][A-Za-z0-9_ :.-]*>`)
	pyLogPrefixRE   = regexp.MustCompile(`^\[(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\][\t ]+\S+[\t ]+[0-9A-Fa-f-]{36}[\t ]+`)
	nodeLogPrefixRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T[0-9:.]+Z[\t ]+[0-9A-Fa-f-]{36}[\t ]+(?:INFO|WARN|ERROR|DEBUG|TRACE|FATAL)[\t ]+`)
)

var scanCases = []string{
	"", "x", "arn:aws:firehose:{region}:{account}:deliverystream/s", "${AWS::Region}", "${a{b}", "{{name}}", "{{a}",
	"{{ a }}", "{ {b}", "<account>", "<account id>", "<1abc>", "<a>b>", "{a:b.c-d}", "{-a}", "${}", "{{}}", "{}", "<>",
	"a${x}b{y}c<z>d{{w}}", "{{{x}}}", "$${x}", "<a{b}>", "{a", "<a",
	"[INFO]\t2026-12-07T10:00:00.000Z\t3f4a1b2c-0000-4000-8000-000000000001\t{'records': []}",
	"[WARNING] 2026-12-07T10:00:00.000Z 3f4a1b2c-0000-4000-8000-000000000001  x",
	"[INFO]\t\t3f4a1b2c-0000-4000-8000-000000000001\tx", "[INFO]\tt\n3f4a1b2c-0000-4000-8000-000000000001\tx",
	"[INFO]\tt\t3f4a1b2c-0000-4000-8000-00000000000\tx", "[TRACE]\tt\t3f4a1b2c-0000-4000-8000-000000000001\tx",
	"2026-12-07T10:00:00.000Z\t3f4a1b2c-0000-4000-8000-000000000001\tINFO\t{ records: [] }",
	"2026-12-07T10:00:00.000Z 3f4a1b2c-0000-4000-8000-000000000001 FATAL  x", "2026-12-07TZ\t3f4a1b2c-0000-4000-8000-000000000001\tINFO\tx",
	"2026-12-7T10:00Z\t3f4a1b2c-0000-4000-8000-000000000001\tINFO\tx", "2026-12-07T10:00Z\t3f4a1b2c-0000-4000-8000-000000000001\tINFOx",
	"2026-12-07T10:00Z\t3f4a1b2c-0000-4000-8000-000000000001\tINFO",
}

func checkScan(t *testing.T, s string) {
	var want [][2]int
	for _, m := range placeholderRE.FindAllStringIndex(s, -1) {
		want = append(want, [2]int{m[0], m[1]})
	}
	assert.Equal(t, want, placeholders(s), "placeholders(%q)", s)
	for _, c := range []struct {
		re *regexp.Regexp
		fn func(string) int
	}{{pyLogPrefixRE, pyLogPrefix}, {nodeLogPrefixRE, nodeLogPrefix}} {
		want := -1
		if m := c.re.FindStringIndex(s); m != nil {
			want = m[1]
		}
		assert.Equal(t, want, c.fn(s), "%s on %q", c.re, s)
	}
}

func TestScansMatchTheirRegexps(t *testing.T) {
	for _, s := range scanCases {
		checkScan(t, s)
	}
}

func FuzzScans(f *testing.F) {
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkScan(t, s)
	})
}
