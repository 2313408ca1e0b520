package preset

// The presets' names: the transforms a request can run.
const (
	Seed     = "seed"     // the blog's Lambda, later version (ids R, R1, R2…)
	SeedV1   = "seed-v1"  // the blog's Lambda, earlier version (ids repeated)
	NDJSON   = "ndjson"   // the correct shape: one output per record, rows newline-delimited
	Identity = "identity" // AWS's process-record blueprint: data unchanged
)

// Options configure how the ndjson preset flattens payloads.
type Options struct {
	// Separator joins nested keys (default ".").
	Separator string `json:"separator"`
	// MaxDepth is how many levels of keys are joined; deeper objects are
	// kept as JSON values. 0 flattens every level.
	MaxDepth int `json:"maxDepth"`
	// Arrays is "json" (default: arrays are kept as JSON values) or
	// "index" (spread into keys: items.0.sku).
	Arrays string `json:"arrays"`
	// Values is "json" (default: values stay JSON, numbers as written) or
	// "string" (every value but null becomes a string).
	Values string `json:"values"`
}
