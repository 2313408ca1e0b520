package jsonpos

import "strings"

// Kind is the type of a JSON value.
type Kind uint8

// The kinds of JSON value. NaN, Infinity and -Infinity, which Python's json
// module accepts, are numbers whose Text is that word.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

// String returns the JSON name of the kind ("null", "boolean", "number", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Value is a parsed JSON value that keeps what map[string]any loses: object
// keys in source order (duplicates included), numbers as written, and the
// byte range of every value and key in the parsed text.
type Value struct {
	Kind Kind
	// Start and End are the byte offsets of the value's text in the parsed
	// document: Start is its first byte, End is just past its last.
	Start, End int
	// Text is the decoded string for a String, the literal as written for a
	// Number ("1.10", "-0", "NaN"), "true"/"false" for a Bool and "null" for
	// Null. Strings that held lone surrogate escapes (\ud800) keep them as
	// three-byte WTF-8 sequences.
	Text string
	// Items holds the elements of an Array, or the member values of an
	// Object (Keys[i] is the key of Items[i]).
	Items []Value
	// Keys holds the member keys of an Object in source order.
	Keys []Key
}

// Key is an object member's key and the byte range of its quoted text.
type Key struct {
	Name       string
	Start, End int
}

// IsFloat reports whether a Number is written as a float (with a fraction
// or an exponent) or is one of NaN, Infinity, -Infinity: Python's json
// module turns those into float and the rest into int.
func (v *Value) IsFloat() bool {
	if v.Kind != Number {
		return false
	}
	for i := 0; i < len(v.Text); i++ {
		switch v.Text[i] {
		case '.', 'e', 'E', 'I', 'N':
			return true
		}
	}
	return false
}

// IsNonStandard reports whether a Number is NaN, Infinity or -Infinity,
// which Python accepts but JSON does not.
func (v *Value) IsNonStandard() bool {
	return v.Kind == Number && strings.ContainsAny(v.Text, "IN")
}

// Truthy reports whether Python would consider the value true: non-empty
// containers and strings, non-zero numbers, true.
func (v *Value) Truthy() bool {
	switch v.Kind {
	case Null:
		return false
	case Bool:
		return v.Text == "true"
	case String:
		return v.Text != ""
	case Array, Object:
		return len(v.Items) > 0
	}
	return !isZeroNumber(v.Text)
}

// isZeroNumber reports whether a JSON number literal denotes zero.
func isZeroNumber(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == 'e' || c == 'E':
			return true // mantissa was all zeros
		case c >= '1' && c <= '9', c == 'N', c == 'I':
			return false
		}
	}
	return true
}

// Member returns the value of the last member named key, as Python's dict
// and Go's encoding/json both keep the last of duplicate keys, and the
// index of that member; nil and -1 when there is none or v is not an
// object.
func (v *Value) Member(key string) (*Value, int) {
	if v.Kind != Object {
		return nil, -1
	}
	for i := len(v.Keys) - 1; i >= 0; i-- {
		if v.Keys[i].Name == key {
			return &v.Items[i], i
		}
	}
	return nil, -1
}

// Entries returns the members of an object the way a Python dict built
// from them holds them: one entry per distinct key, at the position of its
// first occurrence, with the value of its last. For an object without
// duplicate keys it returns the members unchanged, without allocating.
func (v *Value) Entries() ([]Key, []Value) {
	if !HasDuplicateKeys(v.Keys) {
		return v.Keys, v.Items
	}
	keys := make([]Key, 0, len(v.Keys))
	items := make([]Value, 0, len(v.Keys))
	at := make(map[string]int, len(v.Keys))
	for i, k := range v.Keys {
		if j, ok := at[k.Name]; ok {
			items[j] = v.Items[i]
			continue
		}
		at[k.Name] = len(keys)
		keys = append(keys, k)
		items = append(items, v.Items[i])
	}
	return keys, items
}

// HasDuplicateKeys reports whether any key name occurs twice.
func HasDuplicateKeys(keys []Key) bool {
	if len(keys) < 2 {
		return false
	}
	if len(keys) <= 16 {
		for i := 1; i < len(keys); i++ {
			for j := 0; j < i; j++ {
				if keys[i].Name == keys[j].Name {
					return true
				}
			}
		}
		return false
	}
	seen := make(map[string]struct{}, len(keys))
	for _, k := range keys {
		if _, ok := seen[k.Name]; ok {
			return true
		}
		seen[k.Name] = struct{}{}
	}
	return false
}
