package transform

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/firehose-playground/firehose-playground/internal/firehose"
	"github.com/firehose-playground/firehose-playground/internal/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLambdaGoResponses builds responses the way a Go Lambda does, with
// aws-lambda-go's events.KinesisFirehoseResponse, and checks the verdict.
// Its shape differs from the blueprints': every record has "metadata"
// (partitionKeys null unless set, otfMetadata with empty strings), and a
// record without data has "data": null.
func TestLambdaGoResponses(t *testing.T) {
	var in events.KinesisFirehoseEvent
	event := testEvent([2]string{"g0", `{"user":"ana","n":1}`}, [2]string{"g1", `{"user":"bo","n":2}`},
		[2]string{"g2", `{"user":"ana","n":3}`}, [2]string{"g3", `{"user":"cy","n":4}`})
	require.NoError(t, json.Unmarshal([]byte(event), &in))
	require.Len(t, in.Records, 4)

	// transform is what a Go handler would do: keep ana and bo with their
	// user as a partition key, drop the rest.
	transform := func(mutate func(i int, r *events.KinesisFirehoseResponseRecord)) string {
		var resp events.KinesisFirehoseResponse
		for i, r := range in.Records {
			var row struct {
				User string `json:"user"`
			}
			require.NoError(t, json.Unmarshal(r.Data, &row))
			out := events.KinesisFirehoseResponseRecord{RecordID: r.RecordID, Result: events.KinesisFirehoseTransformedStateDropped}
			if row.User != "cy" {
				out.Result = events.KinesisFirehoseTransformedStateOk
				out.Data = append(r.Data, '\n')
				out.Metadata.PartitionKeys = map[string]string{"user": row.User}
			}
			if mutate != nil {
				mutate(i, &out)
			}
			resp.Records = append(resp.Records, out)
		}
		b, err := json.Marshal(resp)
		require.NoError(t, err)
		return string(b)
	}

	t.Run("valid", func(t *testing.T) {
		response := transform(nil)
		require.Contains(t, response, `"data":null`, "aws-lambda-go's shape for a record without data")
		require.Contains(t, response, `"otfMetadata":{"destinationDatabaseName":"","destinationTableName":"","operation":""}`)
		rep := Check(event, response, firehose.Options{Prefix: "user=!{partitionKeyFromLambda:user}/!{timestamp:yyyy-MM-dd}/",
			ErrorPrefix: "errors/!{firehose:error-output-type}/"})
		checkInvariants(t, rep, event, response)
		assert.Equal(t, []string{"delivered (confirmed)", "delivered (confirmed)", "delivered (confirmed)", "dropped (confirmed)"}, outcomes(rep))
		assert.Empty(t, rep.Verdict.Alternatives)
		for _, f := range rep.Findings {
			assert.NotEqual(t, SevError, f.Severity, "%s: %s", f.Code, f.Message)
		}
		assert.Equal(t, [][2]string{{"user", "ana"}}, rep.Response.Records[0].PartitionKeys)

		require.Len(t, rep.S3.Objects, 2)
		ana, bo := rep.S3.Objects[0], rep.S3.Objects[1]
		assert.True(t, strings.HasPrefix(ana.Key, "user=ana/2026-01-01/orders-1-2026-01-01-00-01-01-"), ana.Key)
		assert.Equal(t, []int{0, 2}, ana.Records)
		assert.Equal(t, "{\"user\":\"ana\",\"n\":1}\n{\"user\":\"ana\",\"n\":3}\n", ana.Body)
		assert.True(t, strings.HasPrefix(bo.Key, "user=bo/2026-01-01/"), bo.Key)
		assert.Equal(t, []int{1}, bo.Records)
	})

	t.Run("nil Data on an Ok record", func(t *testing.T) {
		response := transform(func(i int, r *events.KinesisFirehoseResponseRecord) {
			if i == 1 {
				r.Data = nil
			}
		})
		rep := Check(event, response, firehose.Options{})
		checkInvariants(t, rep, event, response)
		assert.Equal(t, []string{"delivered (unconfirmed)", "failed Lambda.InvalidReturnFormat (unconfirmed)", "delivered (unconfirmed)", "dropped (unconfirmed)"}, outcomes(rep))
		bad := findingsWith(rep, report.CodeInvalidFormat)
		require.Len(t, bad, 1)
		assert.Equal(t, "null", at(response, bad[0].Start, bad[0].End))
		assert.Contains(t, bad[0].Message, "set Data, even to []byte{}")
	})

	t.Run("empty Data on an Ok record", func(t *testing.T) {
		response := transform(func(i int, r *events.KinesisFirehoseResponseRecord) {
			if i == 1 {
				r.Data = []byte{}
			}
		})
		require.Contains(t, response, `"data":""`)
		rep := Check(event, response, firehose.Options{})
		assert.Equal(t, []string{"delivered (confirmed)", "delivered (confirmed)", "delivered (confirmed)", "dropped (confirmed)"}, outcomes(rep))
		assert.Len(t, findingsWith(rep, "response.emptyData"), 1)
	})

	t.Run("a record returned twice", func(t *testing.T) {
		var resp events.KinesisFirehoseResponse
		require.NoError(t, json.Unmarshal([]byte(transform(nil)), &resp))
		resp.Records = append(resp.Records, resp.Records[3])
		b, err := json.Marshal(resp)
		require.NoError(t, err)
		rep := Check(event, string(b), firehose.Options{})
		checkInvariants(t, rep, event, string(b))
		assert.Equal(t, []string{"delivered (unconfirmed)", "delivered (unconfirmed)", "delivered (unconfirmed)", "failed Lambda.DuplicatedRecordId (unconfirmed)"}, outcomes(rep))
		assert.Equal(t, []int{3, 4}, rep.Records[3].Outputs)
		assert.Equal(t, report.StatusDuplicate, rep.Response.Records[4].Status)
	})

	t.Run("a typo in the result", func(t *testing.T) {
		response := transform(func(i int, r *events.KinesisFirehoseResponseRecord) {
			if i == 0 {
				r.Result = "OK"
			}
		})
		rep := Check(event, response, firehose.Options{})
		checkInvariants(t, rep, event, response)
		require.NotNil(t, rep.Verdict.BatchError)
		assert.Equal(t, Unconfirmed, rep.Verdict.BatchError.Confidence)
		res := findingsWith(rep, "response.result")
		require.Len(t, res, 1)
		assert.Equal(t, `"OK"`, at(response, res[0].Start, res[0].End))
		assert.Contains(t, res[0].Message, `did you mean "Ok"?`)
	})
}
