package preset

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/firehose-playground/firehose-playground/internal/event"
	"github.com/firehose-playground/firehose-playground/internal/jsonpos"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/firehose-playground/firehose-playground/internal/testevent"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eventOf is an event whose records hold the payloads.
func eventOf(t testing.TB, payloads ...string) *event.Event {
	t.Helper()
	data := make([][]byte, len(payloads))
	for i, p := range payloads {
		data[i] = []byte(p)
	}
	ev, findings := event.Parse(testevent.Event(data...), event.KindEvent)
	require.Empty(t, findings)
	return ev
}

// runPreset runs a preset over the whole event in one chunk, the way Run
// does, and returns its framed body.
func runPreset(t testing.TB, p Preset, ev *event.Event, f *report.Findings) (string, *report.LambdaError) {
	t.Helper()
	fr := p.Frame()
	h := p.New(ev, Options{}, f, []byte(fr.Open))
	var ps jsonpos.Parser
	for i := range ev.Records {
		r := &ev.Records[i]
		r.Decode(f)
		h.Record(r, event.AnalyzePayload(r, &ps), false)
	}
	b, le := h.Finish()
	return string(b) + fr.Close, le
}

// response is a body as the Lambda's caller decodes it.
type response struct {
	Records []struct {
		RecordID string `json:"recordId"`
		Result   string `json:"result"`
		Data     []byte `json:"data"`
	} `json:"records"`
}

func TestPresetsAnswerInTheirFrame(t *testing.T) {
	outputs := map[string][]string{
		// The seed splits a record's list into one output per item, with
		// made-up ids; the others answer once per record.
		Seed:     {"r0", "r01", "r1"},
		SeedV1:   {"r0", "r0", "r1"},
		NDJSON:   {"r0", "r1"},
		Identity: {"r0", "r1"},
	}
	require.Len(t, All, len(outputs))
	for _, p := range All {
		name := p.Term().Name
		t.Run(name, func(t *testing.T) {
			body, le := runPreset(t, p, eventOf(t, `[{"a": 1, "b": {"c": 2}}, {"a": 3}]`, `[{"a": 4}]`), &report.Findings{})
			require.Nil(t, le)
			fr := p.Frame()
			assert.True(t, strings.HasPrefix(body, fr.Open) && strings.HasSuffix(body, fr.Close), body)
			var r response
			require.NoError(t, json.Unmarshal([]byte(body), &r), body)
			var ids []string
			for _, o := range r.Records {
				ids = append(ids, o.RecordID)
				assert.Equal(t, "Ok", o.Result)
			}
			assert.Equal(t, outputs[name], ids)
			if len(r.Records) > 1 && strings.Contains(body, `", "`) != (fr == PythonFrame) {
				t.Errorf("%s writes %s, not its frame's separator %q", name, body, fr.Sep)
			}
		})
	}
}

func TestIdentityReturnsTheData(t *testing.T) {
	body, le := runPreset(t, Named(Identity), eventOf(t, "plain text", "\x00\x01binary"), &report.Findings{})
	require.Nil(t, le)
	var r response
	require.NoError(t, json.Unmarshal([]byte(body), &r))
	require.Len(t, r.Records, 2)
	assert.Equal(t, "plain text", string(r.Records[0].Data))
	assert.Equal(t, "\x00\x01binary", string(r.Records[1].Data))
}

func TestNamedAndFrames(t *testing.T) {
	for _, name := range Names() {
		p := Named(name)
		require.NotNil(t, p, name)
		assert.Equal(t, p.Frame(), FrameOf(name))
	}
	assert.Nil(t, Named("no-such-preset"))
	assert.Equal(t, CompactFrame, FrameOf(""), "a response checked, not made, is framed as JSON.stringify writes it")
	assert.Equal(t, PythonFrame, FrameOf(Seed))
	assert.Len(t, Descriptions(), len(All))
}
