package jsonpos_test

import (
	"fmt"

	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
)

func Example() {
	text := `{"records": [{"recordId": "1", "data": "eyJhIjogMX0="}], "n": 1.50}`
	v, err := jsonpos.Parse(text)
	if err != nil {
		fmt.Println(err)
		return
	}
	recs, _ := v.Member("records")
	id, _ := recs.Items[0].Member("recordId")
	n, _ := v.Member("n")
	fmt.Printf("recordId %q at bytes [%d, %d): %s\n", id.Text, id.Start, id.End, text[id.Start:id.End])
	fmt.Println("n is written", n.Text, "and is a float:", n.IsFloat())

	_, err = jsonpos.Parse(`{"a": 1,}`)
	fmt.Println(err)
	// Output:
	// recordId "1" at bytes [26, 29): "1"
	// n is written 1.50 and is a float: true
	// Expecting property name enclosed in double quotes: line 1 column 9 (char 8)
}

func ExampleParser_Values() {
	text := "{\"a\": 1}\n[[[2]]]\n"
	var p jsonpos.Parser
	p.Reset(text, jsonpos.Limits{MaxDepth: 10, NoteDepth: 2})
	vals, err, crossed := p.Values()
	fmt.Println(len(vals), err == nil, crossed)
	fmt.Println("deepest:", p.Deepest(), "crossed at byte", p.Crossed().Offset, "in an", p.Crossed().What)
	// Output:
	// 2 true <nil>
	// deepest: 3 crossed at byte 11 in an array
}

func ExampleUTF16Index() {
	text := `{"name": "서울", "ok": true}`
	v, _ := jsonpos.Parse(text)
	ok, _ := v.Member("ok")
	x := jsonpos.NewUTF16Index(text)
	fmt.Println("bytes", ok.Start, "UTF-16", x.At(ok.Start))
	// Output: bytes 25 UTF-16 21
}
