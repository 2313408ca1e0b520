//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func uint8Array(s string) js.Value {
	return toUint8Array(s)
}

func TestRunObjectReadsBytesAndStrings(t *testing.T) {
	event := `{"records": [{"recordId": "한", "data": "e30="}]}`
	for name, input := range map[string]js.Value{
		"Uint8Array": uint8Array(event),
		"string":     js.ValueOf(event),
	} {
		t.Run(name, func(t *testing.T) {
			a := &adapter{}
			o := js.ValueOf(map[string]any{"request": `{"preset": "identity"}`, "input": input})
			r := decodeWhole(t, a.runObject(o))
			assert.Equal(t, "event", r.InputKind)
			body, ok := a.document(r.Documents.Run, docBody)
			require.True(t, ok)
			assert.Contains(t, body, `"recordId":"한"`)

			arr := uint8Array(body)
			assert.Equal(t, len(body), arr.Get("length").Int())
			back := make([]byte, len(body))
			js.CopyBytesToGo(back, arr)
			assert.Equal(t, body, string(back))
		})
	}
}

func TestRunObjectRefusesOtherShapes(t *testing.T) {
	a := &adapter{}
	for name, o := range map[string]map[string]any{
		"no request":      {"input": "x"},
		"input an object": {"request": "{}", "input": map[string]any{}},
		"request object":  {"request": map[string]any{}, "input": "x"},
		"input a number":  {"request": "{}", "input": 5},
		"response a list": {"request": "{}", "input": "x", "response": []any{1}},
	} {
		t.Run(name, func(t *testing.T) {
			var r struct {
				Findings []struct{ Code string } `json:"findings"`
			}
			require.NoError(t, json.Unmarshal([]byte(a.runObject(js.ValueOf(o))), &r))
			require.Len(t, r.Findings, 1)
			assert.Equal(t, "request.type", r.Findings[0].Code)
		})
	}
}
