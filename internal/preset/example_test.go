package preset_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/preset"
	"github.com/firehose-playground/firehose-playground/internal/report"
)

func Example() {
	ev, _ := event.Parse(`[{"user": {"name": "kim"}, "n": 1}, {"user": {"name": "lee"}, "n": 2}]`, event.KindJSON)
	var findings report.Findings
	var parser jsonpos.Parser
	p := preset.Named(preset.Seed)
	fr := p.Frame()
	h := p.New(ev, preset.Options{}, &findings, []byte(fr.Open))
	for i := range ev.Records {
		r := &ev.Records[i]
		r.Decode(&findings)
		h.Record(r, event.AnalyzePayload(r, &parser), false)
	}
	body, raised := h.Finish()
	if raised != nil {
		fmt.Println(raised.ErrorType, raised.ErrorMessage)
		return
	}
	// The seed splits the record's list into one output per item and makes
	// up an id for each but the first: R, R1, R2… for a record R.
	var resp struct {
		Records []struct {
			RecordID string `json:"recordId"`
			Data     []byte `json:"data"`
		} `json:"records"`
	}
	if err := json.Unmarshal(append(body, fr.Close...), &resp); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(ev.Records), "record,", h.Outputs(), "outputs")
	for _, o := range resp.Records {
		fmt.Printf("R%s %s\n", strings.TrimPrefix(o.RecordID, ev.Records[0].RecordID), o.Data)
	}
	// Output:
	// 1 record, 2 outputs
	// R {"user.name": "\"kim\"", "n": "\"1\""}
	// R1 {"user.name": "\"lee\"", "n": "\"2\""}
}

func ExampleFlatten() {
	v, _ := jsonpos.Parse(`{"user": {"name": "kim", "tags": ["a", "b"]}, "n": 1.50}`)
	fields, _ := preset.Flatten(&v, preset.Options{Separator: "_"})
	for _, f := range fields {
		fmt.Println(f.Key, f.Value)
	}
	// Output:
	// user_name "kim"
	// user_tags ["a","b"]
	// n 1.50
}
