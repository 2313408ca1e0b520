package s3key

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestFormatJavaTime(t *testing.T) {
	tm := time.Date(2026, 3, 7, 9, 5, 4, 123_000_000, time.UTC)
	cases := []struct{ pattern, want string }{
		{"yyyy/MM/dd/HH/", "2026/03/07/09/"},
		{"yyyy-MM-dd-HH-mm-ss", "2026-03-07-09-05-04"},
		{"yy", "26"},
		{"uuuu", "2026"},
		{"M/d/H", "3/7/9"},
		{"MMM MMMM", "Mar March"},
		{"EEE EEEE", "Sat Saturday"},
		{"hh a", "09 AM"},
		{"DDD", "066"},
		{"ss.SSS", "04.123"},
		{"'year='yyyy'/month='MM", "year=2026/month=03"},
		{"yyyy''MM", "2026'03"},
		{"'unterminated", "unterminated"},
		{"yyyy_Q", "2026_Q"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, FormatJavaTime(c.pattern, tm), "pattern %q", c.pattern)
	}
}

func TestRender(t *testing.T) {
	tm := time.Date(2026, 1, 2, 3, 0, 0, 0, time.UTC)
	keys := [][2]string{{"customer", "c-9"}, {"region", "eu"}}
	cases := []struct {
		prefix, want, missing string
	}{
		{"", "", ""},
		{"static/", "static/", ""},
		{"c=!{partitionKeyFromLambda:customer}/r=!{partitionKeyFromLambda:region}/", "c=c-9/r=eu/", ""},
		{"dt=!{timestamp:yyyy-MM-dd}/h=!{timestamp:HH}/", "dt=2026-01-02/h=03/", ""},
		{"!{partitionKeyFromLambda:nope}/x/", "/x/", "nope"},
		{"!{firehose:error-output-type}/", "processing-failed/", ""},
		{"!{firehose:random-string}/", "abcdefghijk/", ""},
		{"q=!{partitionKeyFromQuery:id}/", "q=!{partitionKeyFromQuery:id}/", ""},
		{"!{unknown:x}/!{no-colon}/!{/", "!{unknown:x}/!{no-colon}/!{/", ""},
	}
	for _, c := range cases {
		got, missing := Parse(c.prefix).Render(tm, keys, "processing-failed", "abcdefghijk")
		assert.Equal(t, c.want, got, "prefix %q", c.prefix)
		assert.Equal(t, c.missing, missing, "prefix %q: missing key", c.prefix)
	}
}

func TestPartition(t *testing.T) {
	keys := [][2]string{{"customer", "c-9"}, {"region", "eu"}}
	cases := []struct{ prefix, want, missing string }{
		{"static/", "", ""},
		{"!{partitionKeyFromLambda:customer}/!{partitionKeyFromLambda:region}/", "c-9\x00eu\x00", ""},
		{"!{partitionKeyFromLambda:region}/!{partitionKeyFromLambda:nope}/", "", "nope"},
	}
	for _, c := range cases {
		got, missing := Parse(c.prefix).Partition(keys)
		assert.Equal(t, c.want, got, "prefix %q", c.prefix)
		assert.Equal(t, c.missing, missing, "prefix %q: missing key", c.prefix)
	}
	assert.True(t, Parse("a/!{timestamp:yyyy}/").HasExpression())
	assert.False(t, Parse("a/!{no-colon}/").HasExpression())
	assert.True(t, Parse("!{partitionKeyFromLambda:x}").Uses("partitionKeyFromLambda"))
	assert.False(t, Parse("!{timestamp:yyyy}").Uses("partitionKeyFromLambda"))
}

func Example() {
	t := time.Date(2026, 12, 7, 23, 5, 0, 0, time.UTC)
	p := Parse("year=!{timestamp:yyyy}/customer=!{partitionKeyFromLambda:customer}/")
	key, missing := p.Render(t, [][2]string{{"customer", "c-9"}}, "", "")
	fmt.Printf("%s %q\n", key, missing)
	fmt.Println(FormatJavaTime(DefaultTimePrefix, t))
	// Output:
	// year=2026/customer=c-9/ ""
	// 2026/12/07/23/
}
