//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/firehose-playground/firehose-playground/transform"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("version", transform.Version)
	api.Set("run", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return failure(transform.CodeRequestType, "firehose.run takes one argument: the request as a JSON string.")
		}
		return handle(args[0].String())
	}))
	desc := describe()
	api.Set("describe", js.FuncOf(func(js.Value, []js.Value) any { return desc }))
	js.Global().Set("firehose", api)
	select {} // keep the functions alive
}
