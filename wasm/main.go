//go:build js && wasm

package main

import (
	"syscall/js"
	"unsafe"

	"github.com/firehose-playground/firehose-playground/transform"
)

func main() {
	a := &adapter{}
	api := js.Global().Get("Object").New()
	api.Set("version", transform.Version)
	api.Set("run", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 {
			return failure(transform.CodeRequestType, "firehose.run takes one argument: the request.")
		}
		switch args[0].Type() {
		case js.TypeString:
			return handle(args[0].String())
		case js.TypeObject:
			return a.runObject(args[0])
		}
		return failure(transform.CodeRequestType, "firehose.run takes the request as a JSON string, or as {request, input, response}.")
	}))
	api.Set("document", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 || args[0].Type() != js.TypeNumber || args[1].Type() != js.TypeString {
			return js.Null()
		}
		text, ok := a.document(args[0].Int(), args[1].String())
		if !ok {
			return js.Null()
		}
		return toUint8Array(text)
	}))
	api.Set("collect", js.FuncOf(func(js.Value, []js.Value) any {
		a.collect()
		return nil
	}))
	desc := describe()
	api.Set("describe", js.FuncOf(func(js.Value, []js.Value) any { return desc }))
	js.Global().Set("firehose", api)
	select {} // keep the functions alive
}

// runObject runs a request given as {request, input, response}: request is
// the JSON text of everything else, input and response are Uint8Arrays of
// UTF-8 (or strings); when either is absent, the request text's is used.
func (a *adapter) runObject(o js.Value) (report string) {
	defer func() {
		if r := recover(); r != nil {
			report = panicReport(r)
		}
	}()
	req := o.Get("request")
	if req.Type() != js.TypeString {
		return failure(transform.CodeRequestType, "The request's request field must be the rest of the request as a JSON string.")
	}
	var parts [2][]byte
	for i, name := range [2]string{"input", "response"} {
		v := o.Get(name)
		if v.IsUndefined() || v.IsNull() {
			continue
		}
		b, ok := a.bytesOf(v, i)
		if !ok {
			return failure(transform.CodeRequestType, "The request's "+name+" must be a Uint8Array of UTF-8 or a string.")
		}
		parts[i] = b
	}
	return a.runBytes(req.String(), parts[0], parts[1])
}

// bytesOf copies a Uint8Array (or a string) into Go: a Uint8Array into the
// adapter's buffer for that part of the request (0 input, 1 response),
// which the next request reuses when this one was answered from the kept
// run (another page of records: the same input again).
func (a *adapter) bytesOf(v js.Value, part int) ([]byte, bool) {
	switch {
	case v.Type() == js.TypeString:
		return []byte(v.String()), true
	case v.InstanceOf(js.Global().Get("Uint8Array")):
		b := a.buffer(part, v.Get("length").Int())
		js.CopyBytesToGo(b, v)
		return b, true
	}
	return nil, false
}

// toUint8Array copies text into a new Uint8Array.
func toUint8Array(text string) js.Value {
	arr := js.Global().Get("Uint8Array").New(len(text))
	js.CopyBytesToJS(arr, unsafe.Slice(unsafe.StringData(text), len(text))) // only read
	return arr
}
