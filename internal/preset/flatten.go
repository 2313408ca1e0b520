package preset

import (
	"strconv"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
)

// Field is one column of a flattened row: its key and its value as JSON
// text. Start and End delimit the value in the text it was parsed from.
type Field struct {
	Key        string
	Value      string
	Start, End int
}

// Collision is a key that two fields of one row flattened to. The row keeps
// the key at the first field's position with the second field's value.
type Collision struct {
	Key           string
	First, Second Field
}

// Flatten turns a JSON object into one flat row: nested object keys are
// joined with opts.Separator down to opts.MaxDepth levels; arrays are kept
// as JSON values or, with Arrays "index", spread into numbered keys.
// Values are JSON text (numbers exactly as written) or, with Values
// "string", JSON strings. A value that is not an object gives one field
// with an empty key.
func Flatten(v *jsonpos.Value, opts Options) ([]Field, []Collision) {
	var fl flattener
	fl.reset(opts)
	fl.walk(v, 0)
	return fl.row()
}

// flattener builds rows, reusing its buffers from row to row.
type flattener struct {
	opts   Options
	sep    string
	key    []byte // the key being built
	fields []Field
	at     map[string]int
	colls  []Collision
}

func (fl *flattener) reset(opts Options) {
	fl.opts = opts
	fl.sep = opts.Separator
	if fl.sep == "" {
		fl.sep = "."
	}
	fl.key, fl.fields, fl.colls = fl.key[:0], fl.fields[:0], fl.colls[:0]
}

// descend reports whether the children of a container at depth d become
// fields of their own.
func (fl *flattener) descend(d int) bool {
	return fl.opts.MaxDepth <= 0 || d < fl.opts.MaxDepth
}

func (fl *flattener) walk(v *jsonpos.Value, depth int) {
	spread := len(v.Items) > 0 && (depth == 0 || fl.descend(depth)) &&
		(v.Kind == jsonpos.Object || v.Kind == jsonpos.Array && fl.opts.Arrays == "index" && depth > 0)
	if !spread {
		if depth == 0 && v.Kind == jsonpos.Object {
			return // {}: a row with no fields
		}
		fl.leaf(v)
		return
	}
	mark := len(fl.key)
	for i := range v.Items {
		fl.key = fl.key[:mark]
		if depth > 0 {
			fl.key = append(fl.key, fl.sep...)
		}
		if v.Kind == jsonpos.Object {
			fl.key = append(fl.key, v.Keys[i].Name...)
		} else {
			fl.key = strconv.AppendInt(fl.key, int64(i), 10)
		}
		fl.walk(&v.Items[i], depth+1)
	}
	fl.key = fl.key[:mark]
}

// leaf adds the field for a value that is not spread any further.
func (fl *flattener) leaf(v *jsonpos.Value) {
	var text []byte
	switch {
	case fl.opts.Values != "string" || v.Kind == jsonpos.Null:
		text = jsonpos.AppendCompact(nil, v)
	case v.Kind == jsonpos.String:
		text = jsonpos.AppendString(nil, v.Text)
	case v.Kind == jsonpos.Number || v.Kind == jsonpos.Bool:
		text = jsonpos.AppendString(nil, v.Text)
	default:
		text = jsonpos.AppendString(nil, string(jsonpos.AppendCompact(nil, v)))
	}
	fl.fields = append(fl.fields, Field{Key: string(fl.key), Value: string(text), Start: v.Start, End: v.End})
}

// row returns the fields with collisions resolved as a dict would: the
// later value wins and the key keeps its first position.
func (fl *flattener) row() ([]Field, []Collision) {
	fields := fl.fields
	keys := make([]jsonpos.Key, len(fields))
	for i := range fields {
		keys[i].Name = fields[i].Key
	}
	if !jsonpos.HasDuplicateKeys(keys) {
		return append([]Field(nil), fields...), nil
	}
	if fl.at == nil {
		fl.at = make(map[string]int)
	}
	clear(fl.at)
	out := make([]Field, 0, len(fields))
	var colls []Collision
	for _, f := range fields {
		if j, ok := fl.at[f.Key]; ok {
			colls = append(colls, Collision{Key: f.Key, First: out[j], Second: f})
			out[j].Value, out[j].Start, out[j].End = f.Value, f.Start, f.End
			continue
		}
		fl.at[f.Key] = len(out)
		out = append(out, f)
	}
	return out, colls
}

// appendRow appends a row as a compact JSON object.
func appendRow(b []byte, fields []Field) []byte {
	b = append(b, '{')
	for i := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonpos.AppendString(b, fields[i].Key)
		b = append(b, ':')
		b = append(b, fields[i].Value...)
	}
	return append(b, '}')
}
