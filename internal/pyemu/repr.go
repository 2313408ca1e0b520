package pyemu

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
)

// This file formats parsed JSON values the way CPython 3.11 does after
// json.loads: str(), repr() and json.dumps() with its default settings
// (ensure_ascii, separators ", " and ": ").

const hexDigits = "0123456789abcdef"

// Python's words for JSON's literals, as repr() writes them.
const (
	True  = "True"
	False = "False"
	None  = "None"
	NaN   = "nan" // repr(float("nan"))
	Inf   = "inf" // repr(float("inf")); "-inf" is its negative
)

// AppendRepr appends repr(json.loads(v)): the repr of the value Python's
// json module makes of v.
func AppendRepr(b []byte, v *jsonpos.Value) []byte { return appendPy(b, v, pyRepr, nil) }

// AppendJSON appends json.dumps(json.loads(v)) with Python's default
// settings.
func AppendJSON(b []byte, v *jsonpos.Value) []byte { return appendPy(b, v, pyJSON, nil) }

// AppendReprEscaped appends repr(v) as AppendJSONEscaped(…, true) writes
// it, without writing the repr out first: only its strings can hold
// characters to escape. tmp is scratch memory.
func AppendReprEscaped(b []byte, v *jsonpos.Value, tmp *[]byte) []byte {
	return appendPy(b, v, pyReprEscaped, tmp)
}

// What appendPy writes.
type pyForm int

const (
	pyRepr        pyForm = iota // repr()
	pyJSON                      // json.dumps()
	pyReprEscaped               // repr(), escaped twice as the seed writes it
)

// appendPy appends what repr() or json.dumps() writes of the value
// json.loads makes of v: the two differ only in the words for None, True
// and False, in non-finite floats and in how strings are quoted.
func appendPy(b []byte, v *jsonpos.Value, form pyForm, tmp *[]byte) []byte {
	asJSON := form == pyJSON
	str := func(b []byte, s string) []byte {
		switch form {
		case pyJSON:
			return AppendJSONString(b, s)
		case pyReprEscaped:
			return appendPyReprStringEscaped(b, s, tmp)
		}
		return appendPyReprString(b, s)
	}
	switch v.Kind {
	case jsonpos.Null:
		if asJSON {
			return append(b, "null"...)
		}
		return append(b, None...)
	case jsonpos.Bool:
		switch {
		case asJSON:
			return append(b, v.Text...)
		case v.Text == "true":
			return append(b, True...)
		}
		return append(b, False...)
	case jsonpos.Number:
		return appendPyNumber(b, v, asJSON) // plain ASCII
	case jsonpos.String:
		return str(b, v.Text)
	case jsonpos.Array:
		b = append(b, '[')
		for i := range v.Items {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendPy(b, &v.Items[i], form, tmp)
		}
		return append(b, ']')
	}
	keys, items := v.Entries()
	b = append(b, '{')
	for i := range keys {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = str(b, keys[i].Name)
		b = append(b, ": "...)
		b = appendPy(b, &items[i], form, tmp)
	}
	return append(b, '}')
}

// appendPyReprStringEscaped is AppendReprEscaped for a string. Most are
// printable ASCII without quotes or backslashes, which nothing changes.
func appendPyReprStringEscaped(b []byte, s string, tmp *[]byte) []byte {
	if skipPyJSONPlain(s, 0) == len(s) && strings.IndexByte(s, '\'') < 0 {
		b = append(b, '\'')
		b = append(b, s...)
		return append(b, '\'')
	}
	*tmp = appendPyReprString((*tmp)[:0], s)
	return AppendJSONEscaped(b, *tmp, true)
}

// appendPyNumber appends the repr of the int or float Python makes of a
// JSON number. For json.dumps (forJSON) the non-finite floats are written
// NaN, Infinity and -Infinity, as Python's encoder writes them.
func appendPyNumber(b []byte, v *jsonpos.Value, forJSON bool) []byte {
	if !v.IsFloat() {
		if v.Text == "-0" {
			return append(b, '0')
		}
		return append(b, v.Text...)
	}
	if b, ok := appendShortDecimal(b, v.Text); ok {
		return b
	}
	f := Float(v.Text)
	switch {
	case math.IsNaN(f):
		if forJSON {
			return append(b, "NaN"...)
		}
		return append(b, NaN...)
	case math.IsInf(f, 1):
		if forJSON {
			return append(b, "Infinity"...)
		}
		return append(b, Inf...)
	case math.IsInf(f, -1):
		if forJSON {
			return append(b, "-Infinity"...)
		}
		return append(append(b, '-'), Inf...)
	}
	return AppendFloatRepr(b, f)
}

// appendShortDecimal appends repr(float(text)) without converting when text
// is a plain decimal ("-12.50", no exponent) of at most 15 significant
// digits whose repr is positional. Such a decimal survives the round trip
// through a float64 exactly (15 is DBL_DIG), so its repr is the decimal
// itself, without leading zeros in the integer part and trailing zeros in
// the fraction. It reports false, appending nothing, for anything else.
func appendShortDecimal(b []byte, text string) ([]byte, bool) {
	s := text
	neg := s != "" && s[0] == '-'
	if neg {
		s = s[1:]
	}
	dot := strings.IndexByte(s, '.')
	if dot <= 0 {
		return b, false
	}
	intPart, frac := s[:dot], s[dot+1:]
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && i != dot {
			return b, false // an exponent
		}
	}
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	sig := len(intPart) + len(frac)
	decpt := len(intPart)
	if intPart == "" {
		lead := len(frac) - len(strings.TrimLeft(frac, "0"))
		sig -= lead
		decpt = -lead
		if sig == 0 {
			decpt = 1 // zero
		}
	}
	if sig > 15 || decpt <= -4 || decpt > 16 {
		return b, false
	}
	if neg {
		b = append(b, '-')
	}
	if intPart == "" {
		b = append(b, '0')
	}
	b = append(b, intPart...)
	b = append(b, '.')
	if frac == "" {
		return append(b, '0'), true
	}
	return append(b, frac...), true
}

// Float is Python's float() of a JSON number literal: correctly rounded,
// overflowing to ±inf.
func Float(text string) float64 {
	switch text {
	case "NaN":
		return math.NaN()
	case "Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if len(text) > 780 {
		text = shortFloat(text)
	}
	f, _ := strconv.ParseFloat(text, 64) // ±Inf on overflow, which is what Python gives
	return f
}

// shortFloat rewrites a long number literal as sign 0.DIGITS e EXP, which
// strconv.ParseFloat reads right. On long literals it does not: it stops
// reading exponent digits past 10000, so 0.(20000 zeros)1e20010 gives 1
// (Python: inf), and its slow path keeps 800 digits and forgets that the
// zeros after them count, so 1(900 zeros)e-900 gives 1e-101 (Python: 1.0).
// DIGITS are cut to 780 significant digits and a 1 standing for the
// non-zero digits cut off: the rounding stays the same, as no halfway point
// between two float64 has more than 768 significant digits.
func shortFloat(text string) string {
	mant, exp := text, int64(0)
	if i := strings.IndexAny(text, "eE"); i >= 0 {
		mant = text[:i]
		exp, _ = strconv.ParseInt(text[i+1:], 10, 64) // clamped to ±MaxInt64 on overflow
		exp = min(max(exp, -1<<40), 1<<40)
	}
	sign := ""
	if mant[0] == '-' {
		sign, mant = "-", mant[1:]
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(intPart+frac, "0")
	point := len(digits) - len(frac) // intPart.frac = 0.digits × 10^point
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return sign + "0"
	}
	if len(digits) > 780 {
		digits = digits[:780] + "1"
	}
	return sign + "0." + digits + "e" + strconv.FormatInt(exp+int64(point), 10)
}

// AppendFloatRepr appends repr(f) for a finite float: the shortest digits
// that round-trip, in positional notation when the decimal exponent is in
// [-4, 16), scientific otherwise ("1e+16", "1e-05"), with ".0" added to
// integral positional values.
func AppendFloatRepr(b []byte, f float64) []byte {
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64) // "-d.ddde±XX"
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	mant, exp := e, 0
	if i := strings.IndexByte(string(e), 'e'); i >= 0 {
		mant = e[:i]
		exp, _ = strconv.Atoi(string(e[i+1:]))
	}
	var digits [24]byte
	nd := 0
	for _, c := range mant {
		if c != '.' {
			digits[nd] = c
			nd++
		}
	}
	ds := digits[:nd]
	if neg {
		b = append(b, '-')
	}
	decpt := exp + 1 // digits ds[0] ds[1]... = 0.ds × 10^decpt
	if decpt <= -4 || decpt > 16 {
		b = append(b, ds[0])
		if nd > 1 {
			b = append(b, '.')
			b = append(b, ds[1:]...)
		}
		b = append(b, 'e')
		if exp < 0 {
			b = append(b, '-')
			exp = -exp
		} else {
			b = append(b, '+')
		}
		if exp < 10 {
			b = append(b, '0')
		}
		return strconv.AppendInt(b, int64(exp), 10)
	}
	switch {
	case decpt <= 0:
		b = append(b, "0."...)
		for i := decpt; i < 0; i++ {
			b = append(b, '0')
		}
		b = append(b, ds...)
	case decpt >= nd:
		b = append(b, ds...)
		for i := nd; i < decpt; i++ {
			b = append(b, '0')
		}
		b = append(b, ".0"...)
	default:
		b = append(b, ds[:decpt]...)
		b = append(b, '.')
		b = append(b, ds[decpt:]...)
	}
	return b
}

// appendPyReprString appends repr(s) for a Python str held in WTF-8.
func appendPyReprString(b []byte, s string) []byte {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b = append(b, quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			switch {
			case c == quote || c == '\\':
				b = append(b, '\\', c)
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
			default:
				b = append(b, c)
			}
			continue
		}
		r, n := jsonpos.DecodeWTF8(s[i:])
		switch {
		case n == 1:
			// Not UTF-8 at all; cannot come from a decoded payload.
			b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		case printable(r):
			b = append(b, s[i:i+n]...)
		case r <= 0xff:
			b = append(b, '\\', 'x', hexDigits[r>>4], hexDigits[r&15])
		case r <= 0xffff:
			b = append(b, '\\', 'u')
			b = appendHex(b, uint32(r), 4)
		default:
			b = append(b, '\\', 'U')
			b = appendHex(b, uint32(r), 8)
		}
		i += n
	}
	return append(b, quote)
}

func appendHex(b []byte, v uint32, digits int) []byte {
	for shift := 4 * (digits - 1); shift >= 0; shift -= 4 {
		b = append(b, hexDigits[(v>>shift)&15])
	}
	return b
}

// printable reports whether Python's str.isprintable() holds for a
// code point from U+0080 on.
func printable(r rune) bool {
	i := sort.Search(len(nonPrintable), func(i int) bool { return nonPrintable[i][1] >= r })
	return i == len(nonPrintable) || r < nonPrintable[i][0]
}

// pyJSONPlain marks the ASCII bytes json.dumps writes unescaped.
var pyJSONPlain = func() (t [256]bool) {
	for c := ' '; c <= '~'; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// AppendJSONString appends json.dumps(s) with ensure_ascii=True: the
// result is ASCII, everything else is escaped as \uXXXX (lowercase hex,
// surrogate pairs above U+FFFF, DEL included).
func AppendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = AppendJSONChars(b, s)
	return append(b, '"')
}

// AppendJSONChars is AppendJSONString without the quotes.
func AppendJSONChars[S string | []byte](b []byte, s S) []byte {
	return AppendJSONEscaped(b, s, false)
}

// AppendJSONEscaped appends the characters of json.dumps(s) without the
// quotes, or, when twice is set, the characters of json.dumps(json.dumps(s))
// without the outer quotes and the escaped inner ones: the seed encodes its
// values twice, and this writes the result in one pass.
func AppendJSONEscaped[S string | []byte](b []byte, s S, twice bool) []byte {
	pre, quote, slash := `\`, `"`, `\`
	if twice {
		pre, quote, slash = `\\`, `\"`, `\\`
	}
	for i := 0; i < len(s); {
		start := i
		i = skipPyJSONPlain(s, i)
		b = append(b, s[start:i]...)
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < 0x80 {
			i++
			b = append(b, pre...)
			switch c {
			case '"':
				b = append(b, quote...)
			case '\\':
				b = append(b, slash...)
			case '\n':
				b = append(b, 'n')
			case '\r':
				b = append(b, 'r')
			case '\t':
				b = append(b, 't')
			case '\b':
				b = append(b, 'b')
			case '\f':
				b = append(b, 'f')
			default:
				b = append(b, 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			}
			continue
		}
		if c >= 0xe0 && c < 0xf0 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			// Three bytes, most of the BMP (Hangul, CJK): the common case.
			if r := uint32(c&0x0f)<<12 | uint32(s[i+1]&0x3f)<<6 | uint32(s[i+2]&0x3f); r >= 0x800 {
				i += 3
				b = append(b, pre...)
				b = append(b, 'u', hexDigits[r>>12], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
				continue
			}
		}
		r, n := jsonpos.DecodeWTF8(string(s[i:min(i+4, len(s))]))
		i += n
		if r >= 0x10000 {
			r -= 0x10000
			b = append(b, pre...)
			b = append(b, 'u')
			b = appendHex(b, uint32(0xd800+(r>>10)), 4)
			b = append(b, pre...)
			b = append(b, 'u')
			b = appendHex(b, uint32(0xdc00+(r&0x3ff)), 4)
			continue
		}
		b = append(b, pre...)
		b = append(b, 'u')
		b = appendHex(b, uint32(r), 4)
	}
	return b
}

// TypeName is the name of the Python type json.loads makes of v ("int",
// "float", "str", "list", "dict", …).
func TypeName(v *jsonpos.Value) string {
	switch v.Kind {
	case jsonpos.Null:
		return "NoneType"
	case jsonpos.Bool:
		return "bool"
	case jsonpos.Number:
		if v.IsFloat() {
			return "float"
		}
		return "int"
	case jsonpos.String:
		return "str"
	case jsonpos.Array:
		return "list"
	}
	return "dict"
}
