package transform

import "github.com/firehose-playground/firehose-playground/internal/preset"

// Field is one column of a flattened row: its key and its value as JSON
// text. Start and End delimit the value in the text it was parsed from.
type Field = preset.Field

// Collision is a key that two fields of one row flattened to. The row keeps
// the key at the first field's position with the second field's value.
type Collision = preset.Collision

// Flatten turns a JSON object into one flat row: nested object keys are
// joined with opts.Separator down to opts.MaxDepth levels; arrays are kept
// as JSON values or, with Arrays "index", spread into numbered keys.
// Values are JSON text (numbers exactly as written) or, with Values
// "string", JSON strings. A value that is not an object gives one field
// with an empty key.
func Flatten(v *Value, opts Options) ([]Field, []Collision) { return preset.Flatten(v, opts) }
