package pyemu_test

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/pyemu"
)

func Example() {
	v, _ := jsonpos.Parse(`{"price": 1.10, "name": "서울", "ok": true, "big": 1e16, "none": null}`)
	fmt.Printf("%s\n", pyemu.AppendRepr(nil, &v))
	fmt.Printf("%s\n", pyemu.AppendJSON(nil, &v))
	price, _ := v.Member("price")
	fmt.Println(pyemu.TypeName(&v), pyemu.TypeName(price))
	// Output:
	// {'price': 1.1, 'name': '서울', 'ok': True, 'big': 1e+16, 'none': None}
	// {"price": 1.1, "name": "\uc11c\uc6b8", "ok": true, "big": 1e+16, "none": null}
	// dict float
}

func ExampleB64Decode() {
	out, msg := pyemu.B64Decode("eyJh\nIjogMX0=")
	fmt.Printf("%s %q\n", out, msg)
	_, msg = pyemu.B64Decode("eyJhIjogMX0")
	fmt.Println(msg)
	// Output:
	// {"a": 1} ""
	// Incorrect padding
}
