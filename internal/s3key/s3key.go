// Package s3key names S3 objects the way Firehose does: it evaluates an
// S3 prefix's expressions (!{timestamp:…} with Java's DateTimeFormatter
// patterns, !{partitionKeyFromLambda:…}, !{firehose:error-output-type} and
// !{firehose:random-string}) for one object.
//
// It is a package because naming is a subject of its own, with nothing of
// the playground's reports in it: plain strings and times in, a key out.
// The engine's S3 preview (internal/s3preview) decides which objects there
// are; this package only names them.
//
// The easy path:
//
//	p := s3key.Parse("year=!{timestamp:yyyy}/customer=!{partitionKeyFromLambda:customer}/")
//	key, missing := p.Render(t, [][2]string{{"customer", "c-9"}}, "", "")
//	// key == "year=2026/customer=c-9/", missing == ""
package s3key

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DefaultTimePrefix is what Firehose puts after a prefix that has no
// expressions: the arrival hour, in UTC.
const DefaultTimePrefix = "yyyy/MM/dd/HH/"

// Part is a piece of an S3 prefix: literal text, or an expression
// !{NS:Text}.
type Part struct {
	NS   string // "" for literal text
	Text string
}

// Prefix is an S3 prefix split into its parts.
type Prefix []Part

// Parse splits a prefix into literal text and !{namespace:value}
// expressions.
func Parse(s string) Prefix {
	var parts Prefix
	for s != "" {
		i := strings.Index(s, "!{")
		if i < 0 {
			parts = append(parts, Part{Text: s})
			break
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			parts = append(parts, Part{Text: s})
			break
		}
		if i > 0 {
			parts = append(parts, Part{Text: s[:i]})
		}
		if ns, val, ok := strings.Cut(s[i+2:i+end], ":"); ok && ns != "" {
			parts = append(parts, Part{NS: ns, Text: val})
		} else {
			parts = append(parts, Part{Text: s[i : i+end+1]})
		}
		s = s[i+end+1:]
	}
	return parts
}

// HasExpression reports whether the prefix has any expression.
func (parts Prefix) HasExpression() bool {
	for _, p := range parts {
		if p.NS != "" {
			return true
		}
	}
	return false
}

// Uses reports whether the prefix has an expression in namespace ns.
func (parts Prefix) Uses(ns string) bool {
	for _, p := range parts {
		if p.NS == ns {
			return true
		}
	}
	return false
}

// lookupKey returns the value of a partition key.
func lookupKey(keys [][2]string, name string) (string, bool) {
	for _, kv := range keys {
		if kv[0] == name {
			return kv[1], true
		}
	}
	return "", false
}

// Partition returns the values of the partition keys the prefix uses
// (from keys, the partition keys a Lambda returned), joined, or the name
// of the first key that is missing.
func (parts Prefix) Partition(keys [][2]string) (string, string) {
	var b strings.Builder
	for _, p := range parts {
		if p.NS != "partitionKeyFromLambda" {
			continue
		}
		v, ok := lookupKey(keys, p.Text)
		if !ok {
			return "", p.Text
		}
		b.WriteString(v)
		b.WriteByte(0)
	}
	return b.String(), ""
}

// Render evaluates the prefix for one object: timestamps at t,
// partition keys from keys, the error output type and a random string.
// It returns the name of a partition key that is missing, if any.
// partitionKeyFromQuery (jq) is not emulated: it is left as written.
func (parts Prefix) Render(t time.Time, keys [][2]string, errorType, random string) (string, string) {
	var b strings.Builder
	missing := ""
	for _, p := range parts {
		switch {
		case p.NS == "":
			b.WriteString(p.Text)
		case p.NS == "timestamp":
			b.WriteString(FormatJavaTime(p.Text, t))
		case p.NS == "partitionKeyFromLambda":
			v, ok := lookupKey(keys, p.Text)
			if !ok && missing == "" {
				missing = p.Text
			}
			b.WriteString(v)
		case p.NS == "firehose" && p.Text == "error-output-type" && errorType != "":
			b.WriteString(errorType)
		case p.NS == "firehose" && p.Text == "random-string":
			b.WriteString(random)
		default:
			b.WriteString("!{" + p.NS + ":" + p.Text + "}")
		}
	}
	return b.String(), missing
}

// FormatJavaTime formats t with a Java DateTimeFormatter pattern, the
// subset S3 prefixes use: y/u (year), M, d, H, h, m, s, S, D, E, a, and
// text in single quotes. Other characters are copied.
func FormatJavaTime(pattern string, t time.Time) string {
	var b strings.Builder
	pad := func(n, width int) {
		s := strconv.Itoa(n)
		for k := len(s); k < width; k++ {
			b.WriteByte('0')
		}
		b.WriteString(s)
	}
	for i := 0; i < len(pattern); {
		c := pattern[i]
		if c == '\'' {
			end := strings.IndexByte(pattern[i+1:], '\'')
			switch {
			case end == 0: // '' is a quote
				b.WriteByte('\'')
				i += 2
			case end < 0:
				b.WriteString(pattern[i+1:])
				i = len(pattern)
			default:
				b.WriteString(pattern[i+1 : i+1+end])
				i += end + 2
			}
			continue
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			b.WriteByte(c)
			i++
			continue
		}
		n := 1
		for i+n < len(pattern) && pattern[i+n] == c {
			n++
		}
		switch c {
		case 'y', 'u':
			if n == 2 {
				pad(t.Year()%100, 2)
			} else {
				pad(t.Year(), n)
			}
		case 'M':
			switch {
			case n == 3:
				b.WriteString(t.Month().String()[:3])
			case n >= 4:
				b.WriteString(t.Month().String())
			default:
				pad(int(t.Month()), n)
			}
		case 'd':
			pad(t.Day(), n)
		case 'D':
			pad(t.YearDay(), n)
		case 'H':
			pad(t.Hour(), n)
		case 'h':
			pad((t.Hour()+11)%12+1, n)
		case 'm':
			pad(t.Minute(), n)
		case 's':
			pad(t.Second(), n)
		case 'S':
			frac := fmt.Sprintf("%09d", t.Nanosecond())
			b.WriteString(frac[:min(n, 9)])
		case 'E':
			if n >= 4 {
				b.WriteString(t.Weekday().String())
			} else {
				b.WriteString(t.Weekday().String()[:3])
			}
		case 'a':
			b.WriteString(t.Format("PM"))
		default:
			b.WriteString(pattern[i : i+n])
		}
		i += n
	}
	return b.String()
}
