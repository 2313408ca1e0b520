// The field docs' words (see fielddocs.js): what each key of the event and
// of a Lambda response is, its type and units, and the common mistake about
// it. A chunk of its own, loaded with the first hover over a key: the
// page's first load does not need them. Pure data: it imports nothing that
// app.js holds (which would be split into one more chunk of the first load).

// Each entry: what it is, its type and units, the common mistake (optional).
const event = {
  invocationId: {
    what: "The id of this invocation: one batch of buffered records sent in one call.",
    type: "string (a UUID in real traffic)",
    mistake: "Matching output records by it: Firehose matches each output by its recordId, never by invocationId.",
  },
  deliveryStreamArn: {
    what: "The delivery stream that invoked the function.",
    type: "string: arn:aws:firehose:<region>:<account>:deliverystream/<name>",
    mistake: "Some published sample events spell it deliverySteamArn; real Firehose never does, so code written against the sample breaks in production.",
  },
  deliverySteamArn: {
    what: "A misspelling of deliveryStreamArn that some published sample events carry.",
    type: "string",
    mistake: "Real Firehose never sends this key: read deliveryStreamArn.",
  },
  region: {
    what: "The AWS region of the delivery stream.",
    type: "string, e.g. us-east-1",
  },
  sourceKinesisStreamArn: {
    what: "The Kinesis data stream Firehose reads from, when one is the source.",
    type: "string: a Kinesis stream ARN",
    mistake: "Expecting it always: Direct PUT events do not have it.",
  },
  sourceMSKArn: {
    what: "The Amazon MSK cluster Firehose reads from, when MSK is the source.",
    type: "string: an MSK cluster ARN",
    mistake: "With MSK the records carry kafkaRecordValue instead of data, and the response must use kafkaRecordValue too.",
  },
  records: {
    what: "The batch: every record Firehose buffered for this call.",
    type: "array of records",
    mistake: "Returning several output records for one of them: the response needs exactly one output per record here, with its recordId.",
  },
  "records.recordId": {
    what: "Firehose's id for this record. The response must return it unchanged, once.",
    type: "string, opaque: never parse it",
    mistake: "Inventing ids for extra rows (R1, R2…): Firehose silently ignores ids it never sent, so their data is lost; a record whose id does not come back fails with Lambda.MissingRecordId.",
  },
  "records.approximateArrivalTimestamp": {
    what: "When Firehose received the record.",
    type: "number: epoch milliseconds (13 digits)",
    mistake: "Sample events use an ISO-8601 string, seconds, or 12 digits; real events always send a number of milliseconds.",
  },
  "records.data": {
    what: "The record's bytes as the producer sent them.",
    type: "string: standard base64 with padding; \"\" for an empty record",
    mistake: "Assuming it holds JSON: it can be anything, gzip from CloudWatch Logs, or empty, and a json.loads that raises fails the whole batch.",
  },
  "records.kinesisRecordMetadata": {
    what: "Where the record was in the Kinesis data stream; only when a Kinesis stream is the source.",
    type: "object: shardId, partitionKey, sequenceNumber, subsequenceNumber, approximateArrivalTimestamp",
    mistake: "Expecting it on every record: Direct PUT records do not have it.",
  },
  "records.kinesisRecordMetadata.shardId": {
    what: "The shard of the Kinesis stream the record came from.",
    type: "string, e.g. shardId-000000000001",
  },
  "records.kinesisRecordMetadata.partitionKey": {
    what: "The partition key the producer gave Kinesis when it put the record.",
    type: "string",
    mistake: "Confusing it with metadata.partitionKeys of the response, which feed dynamic partitioning in S3: they are unrelated.",
  },
  "records.kinesisRecordMetadata.sequenceNumber": {
    what: "The record's sequence number in its shard. Real Kinesis-source recordIds are it followed by 000000.",
    type: "string of 56 digits",
    mistake: "Reading it as a number: it is far beyond what a double holds exactly. And do not derive it from the recordId.",
  },
  "records.kinesisRecordMetadata.subsequenceNumber": {
    what: "The record's position inside a KPL-aggregated Kinesis record.",
    type: "number; 0 unless the producer aggregated records",
    mistake: "Sample events have it as a string (\"\" or \"123456\"); aws-lambda-go cannot decode those.",
  },
  "records.kinesisRecordMetadata.approximateArrivalTimestamp": {
    what: "When the record reached the Kinesis data stream (not Firehose).",
    type: "number: epoch milliseconds",
    mistake: "Sample events use an ISO-8601 string; real events send a number.",
  },
  "records.kafkaRecordValue": {
    what: "The record's bytes when Amazon MSK is the source: it replaces data.",
    type: "string: base64",
    mistake: "Reading data: MSK records have none, and the response must answer with kafkaRecordValue too.",
  },
  "records.mskRecordMetadata": {
    what: "Where the record was in Kafka; only when Amazon MSK is the source.",
    type: "object: offset, partitionId, approximateArrivalTimestamp",
  },
  "records.mskRecordMetadata.offset": {
    what: "The record's offset in its Kafka partition.",
    type: "string of digits",
    mistake: "Expecting a number: Firehose sends a string.",
  },
  "records.mskRecordMetadata.partitionId": {
    what: "The Kafka partition the record came from.",
    type: "string of digits",
    mistake: "Expecting a number: Firehose sends a string.",
  },
  "records.mskRecordMetadata.approximateArrivalTimestamp": {
    what: "When the record reached Kafka.",
    type: "number: epoch milliseconds",
  },
};

const response = {
  records: {
    what: "The function's answer: exactly one output record for each input record.",
    type: "array of output records, in any order",
    mistake: "Leaving it empty, out, or not an array: every record fails (whether as Lambda.MissingRecordId or as a failed batch is not confirmed).",
  },
  "records.recordId": {
    what: "The recordId of the input record this output answers, exactly as Firehose sent it.",
    type: "string",
    mistake: "A new id (R1, R2…) is silently ignored and its data lost; the same id twice is Lambda.DuplicatedRecordId; an input id left out is Lambda.MissingRecordId.",
  },
  "records.result": {
    what: "What Firehose does with the record: Ok delivers data, Dropped discards it without an error, ProcessingFailed sends the original record to processing-failed/.",
    type: "string: exactly \"Ok\", \"Dropped\" or \"ProcessingFailed\" (case-sensitive)",
    mistake: "\"OK\", \"ok\" or no result at all: Firehose rejects the output format (for the batch or the record: not confirmed).",
  },
  "records.data": {
    what: "The transformed bytes Firehose delivers. Records are concatenated as they are in S3.",
    type: "string: base64; needed for Ok, omitted for Dropped and ProcessingFailed",
    mistake: "Forgetting the newline at the end of each record: S3 objects become one long line of glued JSON unless the stream appends a delimiter. Ok without data is Lambda.InvalidReturnFormat (per record, unconfirmed).",
  },
  "records.metadata": {
    what: "Extra instructions for this record: partitionKeys for dynamic partitioning, otfMetadata for Apache Iceberg tables.",
    type: "object (optional)",
    mistake: "aws-lambda-go always writes it, empty or not; that is fine.",
  },
  "records.metadata.partitionKeys": {
    what: "Keys for dynamic partitioning: each value fills !{partitionKeyFromLambda:key} in the S3 prefix, so records are written to one object per key.",
    type: "object: string → string",
    mistake: "Setting them without a prefix that uses them (set one under Delivery stream), or confusing them with the Kinesis partitionKey.",
  },
  "records.metadata.otfMetadata": {
    what: "Routes the record to an Apache Iceberg table.",
    type: "object: destinationDatabaseName, destinationTableName, operation",
  },
  "records.metadata.otfMetadata.destinationDatabaseName": { what: "The Iceberg database the record goes to.", type: "string" },
  "records.metadata.otfMetadata.destinationTableName": { what: "The Iceberg table the record goes to.", type: "string" },
  "records.metadata.otfMetadata.operation": {
    what: "What to do with the row in the Iceberg table.",
    type: "string: insert, update or delete",
  },
  "records.kafkaRecordValue": {
    what: "The transformed bytes, when Amazon MSK is the source: it replaces data.",
    type: "string: base64",
  },
  errorType: {
    what: "The Lambda runtime's error object: the function raised instead of returning a response.",
    type: "string: the exception's type",
    mistake: "Firehose sees Lambda.FunctionError: the whole batch is retried (4 attempts by default) and then every record goes to processing-failed/.",
  },
  errorMessage: {
    what: "The message of the exception the function raised.",
    type: "string",
  },
};

/** @typedef {{what: string, type: string, mistake?: string}} FieldDoc what a key is, its type, the common mistake about it */

/**
 * fieldDoc returns the doc of a key path in a document ("event" or "response"), or null.
 * @param {string} docKind
 * @param {string} path
 * @returns {FieldDoc | null}
 */
export function fieldDoc(docKind, path) {
  /** @type {Record<string, FieldDoc>} */
  const table = docKind === "response" ? response : event;
  return Object.prototype.hasOwnProperty.call(table, path) ? table[path] : null;
}
