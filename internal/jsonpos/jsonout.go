package jsonpos

import (
	"unicode/utf8"
)

// AppendCompact appends v as compact JSON, numbers as written and strings
// with only the escapes JSON requires (non-ASCII stays UTF-8; a lone
// surrogate becomes a \uXXXX escape so the output stays valid UTF-8).
func AppendCompact(b []byte, v *Value) []byte {
	switch v.Kind {
	case String:
		return AppendString(b, v.Text)
	case Array:
		b = append(b, '[')
		for i := range v.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendCompact(b, &v.Items[i])
		}
		return append(b, ']')
	case Object:
		b = append(b, '{')
		for i := range v.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, v.Keys[i].Name)
			b = append(b, ':')
			b = AppendCompact(b, &v.Items[i])
		}
		return append(b, '}')
	}
	return append(b, v.Text...)
}

// jsonPlain marks the bytes a JSON string holds unescaped.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// AppendString appends s as a JSON string.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		start := i
		for i < len(s) && jsonPlain[s[i]] && s[i] != 0xed {
			i++
		}
		b = append(b, s[start:i]...)
		if i >= len(s) {
			break
		}
		c := s[i]
		switch {
		case c == 0xed: // maybe a WTF-8 surrogate
			r, n := DecodeWTF8(s[i:])
			if n == 3 && r >= 0xd800 && r <= 0xdfff {
				b = append(b, '\\', 'u', hexDigits[r>>12], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
			} else if r == utf8.RuneError && n == 1 {
				b = append(b, "\ufffd"...)
			} else {
				b = append(b, s[i:i+n]...)
			}
			i += n
			continue
		case c == '"':
			b = append(b, '\\', '"')
		case c == '\\':
			b = append(b, '\\', '\\')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\b':
			b = append(b, '\\', 'b')
		case c == '\f':
			b = append(b, '\\', 'f')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		}
		i++
	}
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"
