package jsonpos

// The report shows JSON payloads laid out as github.com/tidwall/pretty lays
// them out with its default options (width 80, two-space indent), byte for
// byte: the tests hold the two side by side. Writing the layout from the
// parsed values, rather than handing the text to that package, skips its
// second pass over every container it tries on one line, and lays out
// every value of an NDJSON payload, not only the first.

const (
	prettyWidth  = 80
	prettyIndent = "  "
)

// AppendPretty appends the values laid out one after the other, a newline
// between two, from src, the text they were parsed from.
func AppendPretty(b []byte, src string, vals []Value) []byte {
	for i := range vals {
		if i > 0 {
			b = append(b, '\n')
		}
		pp := prettyPrinter{src: src, buf: b, nl: len(b)}
		pp.value(&vals[i], 0)
		b = pp.buf
	}
	return b
}

// prettyPrinter lays out one value. nl is where the current line starts,
// counted as the tidwall/pretty code counts it: at the newline itself when
// the newline was appended, just past it when it replaced a space. The
// room a container has on a line depends on that count.
type prettyPrinter struct {
	src string
	buf []byte
	nl  int
}

// raw is the text of a scalar value as written.
func (pp *prettyPrinter) raw(v *Value) string {
	if v.Kind == String {
		return pp.src[v.Start:v.End]
	}
	return v.Text
}

// value lays out v at tabs levels of indentation.
func (pp *prettyPrinter) value(v *Value, tabs int) {
	if v.Kind != Array && v.Kind != Object {
		pp.buf = append(pp.buf, pp.raw(v)...)
		return
	}
	// A container goes on one line when it fits in what is left of it.
	if room := prettyWidth - (len(pp.buf) - pp.nl); room > 3 && pp.flatLen(v, room) <= room {
		pp.flat(v)
		return
	}
	open, close := byte('['), byte(']')
	if v.Kind == Object {
		open, close = '{', '}'
	}
	pp.buf = append(pp.buf, open)
	for i := range v.Items {
		if i > 0 {
			pp.buf = append(pp.buf, ", "...)
		} else if v.Kind == Object {
			pp.buf = append(pp.buf, ' ')
		}
		pp.newline()
		for range tabs + 1 {
			pp.buf = append(pp.buf, prettyIndent...)
		}
		if v.Kind == Object {
			k := &v.Keys[i]
			pp.buf = append(pp.buf, pp.src[k.Start:k.End]...)
			pp.buf = append(pp.buf, ": "...)
		}
		pp.value(&v.Items[i], tabs+1)
	}
	if len(v.Items) > 0 {
		pp.newline()
		for range tabs {
			pp.buf = append(pp.buf, prettyIndent...)
		}
	}
	pp.buf = append(pp.buf, close)
}

// newline ends the line: the space just written becomes the newline, or
// one is added.
func (pp *prettyPrinter) newline() {
	pp.nl = len(pp.buf)
	if n := len(pp.buf); n > 0 && pp.buf[n-1] == ' ' {
		pp.buf[n-1] = '\n'
	} else {
		pp.buf = append(pp.buf, '\n')
	}
}

// flatLen is the length of v on one line, or some length over limit once
// it is known to be longer.
func (pp *prettyPrinter) flatLen(v *Value, limit int) int {
	switch v.Kind {
	case Array:
		n := 2 + 2*max(len(v.Items)-1, 0)
		for i := range v.Items {
			if n > limit {
				break
			}
			n += pp.flatLen(&v.Items[i], limit-n)
		}
		return n
	case Object:
		n := 3 // "{ " and "}"
		if len(v.Items) > 0 {
			n = 4 + 4*len(v.Items) - 2 // "{ ", ": " per key, ", " between, " }"
		}
		for i := range v.Items {
			if n > limit {
				break
			}
			n += v.Keys[i].End - v.Keys[i].Start + pp.flatLen(&v.Items[i], limit-n)
		}
		return n
	}
	return len(pp.raw(v))
}

// flat writes v on one line: [1, 2] and { "a": 1 }.
func (pp *prettyPrinter) flat(v *Value) {
	switch v.Kind {
	case Array:
		pp.buf = append(pp.buf, '[')
		for i := range v.Items {
			if i > 0 {
				pp.buf = append(pp.buf, ", "...)
			}
			pp.flat(&v.Items[i])
		}
		pp.buf = append(pp.buf, ']')
	case Object:
		pp.buf = append(pp.buf, "{ "...)
		for i := range v.Items {
			if i > 0 {
				pp.buf = append(pp.buf, ", "...)
			}
			k := &v.Keys[i]
			pp.buf = append(pp.buf, pp.src[k.Start:k.End]...)
			pp.buf = append(pp.buf, ": "...)
			pp.flat(&v.Items[i])
		}
		if len(v.Items) > 0 {
			pp.buf = append(pp.buf, ' ')
		}
		pp.buf = append(pp.buf, '}')
	default:
		pp.buf = append(pp.buf, pp.raw(v)...)
	}
}
