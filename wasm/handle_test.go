package main

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/firehose-playground/firehose-playground/transform"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type reportHead struct {
	InputKind string `json:"inputKind"`
	Records   []any  `json:"records"`
	Lambda    struct {
		Body *string `json:"body"`
	} `json:"lambda"`
	Findings []struct {
		Code     string `json:"code"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	} `json:"findings"`
}

func decode(t *testing.T, s string) reportHead {
	t.Helper()
	var r reportHead
	require.NoError(t, json.Unmarshal([]byte(s), &r), s)
	return r
}

func TestHandleRunsTheEngine(t *testing.T) {
	req, _ := json.Marshal(map[string]string{"input": `[{"a": {"b": 1}}]`, "preset": "seed"})
	r := decode(t, handle(string(req)))
	assert.Equal(t, "json", r.InputKind)
	assert.Len(t, r.Records, 1)
	require.NotNil(t, r.Lambda.Body)
	assert.Contains(t, *r.Lambda.Body, `"recordId": "shardId-`)
}

func TestHandleReportsBadRequests(t *testing.T) {
	for name, req := range map[string]string{
		"not JSON":   `{"input": `,
		"wrong type": `{"input": 5}`,
		"empty":      ``,
	} {
		t.Run(name, func(t *testing.T) {
			r := decode(t, handle(req))
			require.Len(t, r.Findings, 1)
			assert.Equal(t, "request.json", r.Findings[0].Code)
			assert.Equal(t, "error", r.Findings[0].Severity)
		})
	}
}

func TestFailureIsAReport(t *testing.T) {
	r := decode(t, failure("engine.panic", "boom"))
	assert.Equal(t, "engine.panic", r.Findings[0].Code)
	assert.NotNil(t, r.Records)

	// Every key of a report the engine writes, at every level where both
	// hold a value, and no other.
	var whole, failed map[string]any
	require.NoError(t, json.Unmarshal([]byte(handle(`{"input": "{\"records\": []}"}`)), &whole))
	require.NoError(t, json.Unmarshal([]byte(failure("engine.panic", "boom")), &failed))
	sameShape(t, "report", whole, failed)
	assert.Equal(t, float64(transform.LambdaPayloadLimit), failed["stats"].(map[string]any)["responseLimit"])

	// The report written by hand, for when even a failure cannot be encoded.
	var last, enc map[string]any
	require.NoError(t, json.Unmarshal([]byte(lastResort), &last))
	require.NoError(t, json.Unmarshal([]byte(failure(transform.CodeEngineEncode, "internal error")), &enc))
	assert.Equal(t, enc, last)
}

func TestHandleTurnsAPanicIntoAReport(t *testing.T) {
	defer func(orig func(transform.Request) *transform.Report) { runEngine = orig }(runEngine)
	runEngine = func(transform.Request) *transform.Report {
		var m map[string]int
		//lint:ignore SA5000 the engine is made to panic with a runtime error
		m["boom"]++ // assignment to entry in nil map
		return nil
	}
	r := decode(t, handle(`{"input": "{}"}`))
	require.Len(t, r.Findings, 1)
	assert.Equal(t, "engine.panic", r.Findings[0].Code)
	assert.Contains(t, r.Findings[0].Message, "assignment to entry in nil map")

	// The next call works again.
	runEngine = transform.Run
	r = decode(t, handle(`{"input": "[{\"a\": 1}]"}`))
	for _, f := range r.Findings {
		assert.NotEqual(t, "engine.panic", f.Code, f.Message)
	}
}

// FuzzHandle sends any request text through the adapter: it always answers
// with a report (JSON with a findings list), never panics.
func FuzzHandle(f *testing.F) {
	f.Add(`{"input": "[{\"a\": 1}]", "preset": "seed"}`)
	f.Add(`{"input": "{\"records\": []}", "response": "{\"records\": 5}", "detail": {"from": -5, "count": 1e9}}`)
	f.Add(`{"input": 5}`)
	f.Add(`{"input": "x", "export": "s3", "firehose": {"retries": -3, "prefix": "!{partitionKeyFromLambda:"}}`)
	f.Fuzz(func(t *testing.T, req string) {
		out := handle(req)
		var r struct {
			Findings []json.RawMessage `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("not JSON: %v: %.200s", err, out)
		}
		if r.Findings == nil {
			t.Fatalf("no findings list: %.200s", out)
		}
	})
}

func TestDescribe(t *testing.T) {
	var d transform.Description
	require.NoError(t, json.Unmarshal([]byte(describe()), &d))
	assert.Equal(t, transform.Describe(), d)
	info, ok := transform.CodeEnginePanic.Info()
	require.True(t, ok)
	assert.Contains(t, d.Codes, info, "the codes the adapter writes are in the catalog")
}

// sameShape checks that two decoded JSON values have the same keys, at
// every level where neither is null (the first item of an array standing
// for every item).
func sameShape(t *testing.T, path string, a, b any) {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !assert.True(t, ok || b == nil, "%s: an object and %T", path, b) || b == nil {
			return
		}
		assert.ElementsMatch(t, slices.Collect(maps.Keys(a)), slices.Collect(maps.Keys(bm)), "%s: keys", path)
		for k, v := range a {
			if w, ok := bm[k]; ok {
				sameShape(t, path+"."+k, v, w)
			}
		}
	case []any:
		if bs, ok := b.([]any); ok && len(a) > 0 && len(bs) > 0 {
			sameShape(t, path+"[]", a[0], bs[0])
		}
	}
}
