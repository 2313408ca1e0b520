package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFindingDefaults(t *testing.T) {
	var f Findings
	fd := f.At(CodeMissingID, SevError, ResponseSpan(9, 4)).Say("Record %d is missing.", 2)
	assert.Equal(t, Finding{Code: CodeMissingID, Severity: SevError, Span: Span{DocResponse, 9, 9}, Record: -1, Output: -1,
		Confidence: Confirmed, Message: "Record 2 is missing."}, *fd, "no record, no output, the catalog's confidence; an end before the start is the start")
	fd = f.At(CodeMissingID, SevError, InputSpan(1, 2)).Rec(3).Out(4).Sure(Unconfirmed).Say("Nothing to format.")
	assert.Equal(t, "Nothing to format.", fd.Message, "a format alone is the message")
	assert.Equal(t, []int{3, 4}, []int{fd.Record, fd.Output})
	assert.Equal(t, Unconfirmed, fd.Confidence)
	fd.Relate(DocInput, 5, 6, "here")
	assert.Equal(t, []Location{{Span: Span{DocInput, 5, 6}, Message: "here"}}, f.List[1].Related, "Relate changes the finding recorded")
}

func TestFindingsCap(t *testing.T) {
	tests := []struct {
		name   string
		chunks []int // findings of one code written in each chunk
	}{
		{"under the cap", []int{MaxFindingsPerCode}},
		{"over the cap in one chunk", []int{MaxFindingsPerCode + 7}},
		{"over the cap across chunks", []int{60, 60, 60}},
		{"each chunk over the cap", []int{MaxFindingsPerCode + 1, MaxFindingsPerCode + 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var whole Findings
			total := 0
			for _, n := range tt.chunks {
				var chunk Findings
				for i := range n {
					chunk.At(CodeRecordSize, SevWarning, InputSpan(i, i+1)).Rec(total + i).Say("big")
				}
				total += n
				whole.Merge(&chunk)
			}
			whole.Summarize()
			assert.Equal(t, total, whole.Counts[CodeRecordSize])
			kept := min(total, MaxFindingsPerCode)
			if total <= MaxFindingsPerCode {
				require.Len(t, whole.List, kept)
				return
			}
			require.Len(t, whole.List, kept+1, "one more finding says how many were left out")
			last := whole.List[kept]
			assert.Equal(t, CodeRecordSize, last.Code)
			assert.Equal(t, SevWarning, last.Severity)
			assert.Contains(t, last.Message, Thousands(total-MaxFindingsPerCode)+" more finding")
			for i := range kept {
				assert.Equal(t, i, whole.List[i].Record, "the first ones are kept, in order")
			}
		})
	}
}
