#!/usr/bin/env python3
"""Writes the example gallery: web/examples/NN-name.json and index.json.

    python3 scripts/examples.py

Each example is a state the page can load (input, inputKind, preset,
options, response, firehose) with a title, a two- or three-sentence
description of what it shows, and "expect": the verdict it promises, which
transform/examples_test.go checks against the engine and the browser tests
check on the page. The payloads are built here so that the base64 is right.
"""
import base64
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "web", "examples")

STREAM = "arn:aws:firehose:ap-northeast-2:123456789012:deliverystream/clickstream"
T0 = 1767225600000  # 2026-01-01T00:00:00Z


def b64(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.b64encode(data).decode("ascii")


def rid(i, base="49656868123456789012345678901234567890123456789012345"):
    """A Direct PUT style recordId: 56 digits, then 000000."""
    return "%s%03d000000" % (base, i)


def event(payloads, ids=None, extra=None, stream=STREAM, records=None, envelope=None):
    recs = records or []
    for i, p in enumerate(payloads):
        r = {"recordId": ids[i] if ids else rid(i), "approximateArrivalTimestamp": T0 + i * 1250, "data": b64(p)}
        if extra:
            r.update(extra(i))
        recs.append(r)
    ev = {"invocationId": "3c6b27a4-9c1e-4f7a-8d2e-5b1f0a9e7c41", "deliveryStreamArn": stream,
          "region": "ap-northeast-2"}
    if envelope:
        ev.update(envelope)
    ev["records"] = recs
    return ev


def dumps(v):
    return json.dumps(v, ensure_ascii=False)


BULK = [
    [{"event": "page_view", "user": {"id": 42, "country": "KR"}, "page": "/home"},
     {"event": "click", "user": {"id": 42, "country": "KR"}, "element": "signup"},
     {"event": "page_view", "user": {"id": 42, "country": "KR"}, "page": "/join"}],
    [{"event": "purchase", "user": {"id": 7, "country": "US"}, "items": [{"sku": "A-1", "qty": 2}], "total": 19.9}],
    [{"event": "search", "user": {"id": 9, "country": "KR"}, "query": "바다 사진"},
     {"event": "click", "user": {"id": 9, "country": "KR"}, "element": "result-3"}],
]
BULK_EVENT = event([json.dumps(objs) for objs in BULK])


def cwl(message_type, events, group="/aws/lambda/checkout", stream="2026/01/01/[$LATEST]3f1c"):
    doc = {"messageType": message_type, "owner": "123456789012", "logGroup": group, "logStream": stream,
           "subscriptionFilters": ["to-firehose"], "logEvents": events}
    return gzip.compress(json.dumps(doc).encode(), mtime=0)


def seed_code():
    """The seed Lambda's code as the page's Python starter holds it: the
    reference copy (scripts/seed/seed_lambda.py) from its imports to the end
    of lambda_handler, without the module's docstring and the earlier
    version."""
    with open(os.path.join(HERE, "seed", "seed_lambda.py"), encoding="utf-8") as f:
        src = f.read()
    return src[src.index("import json, base64"):src.index("\n\ndef lambda_handler_v1")].rstrip("\n") + "\n"


def big_event():
    """Just under 3 MiB (Firehose's largest Lambda buffer) of Korean bulk
    records: the seed's escaped response grows past Lambda's 6 MB limit."""
    payload = json.dumps([{"event": "화면_보기", "user": {"id": 1000 + k, "이름": "홍길동", "지역": "서울특별시 강남구"},
                           "props": {"화면": "홈", "메모": "배송 전에 전화 주세요", "scroll": 0.75}} for k in range(12)],
                         ensure_ascii=False)
    return event([payload] * 900)


EXAMPLES = [
    ("hello-direct-put", {
        "title": "Direct PUT: hello world",
        "description": "The smallest real event: two records put straight into the stream, each holding one JSON object. "
                       "The ndjson transform returns each record once, with its own recordId, result Ok and the "
                       "flattened row in data, so Firehose delivers both.",
        "preset": "ndjson",
        "input": event([dumps({"greeting": "hello", "n": 1}), dumps({"greeting": "world", "n": 2})]),
        "expect": {"delivered": 2, "dropped": 0, "failed": 0, "ignored": 0, "lost": 0, "batchError": None, "codes": []},
    }),
    ("seed-loses-rows", {
        "title": "The seed Lambda: rows silently lost",
        "description": "Each record holds a JSON list of events, as the blog's producer batched them. The seed Lambda "
                       "returns one output per event and names the extra ones R1, R2…: Firehose never sent those "
                       "recordIds, so it keeps the first event of each record and drops the rest without any error.",
        "preset": "seed",
        "input": BULK_EVENT,
        "expect": {"delivered": 3, "dropped": 0, "failed": 0, "ignored": 3, "lost": 3, "batchError": None,
                   "codes": ["response.ignoredRecordId", "response.lostRows"]},
    }),
    ("seed-v1-duplicates", {
        "title": "The earlier seed: duplicate recordIds",
        "description": "The first version of the seed Lambda gives every event of a record the record's own recordId. "
                       "Firehose answers Lambda.DuplicatedRecordId; whether it fails only those records or the whole "
                       "batch is not confirmed, so the playground shows both readings.",
        "preset": "seed-v1",
        "input": BULK_EVENT,
        "expect": {"delivered": 1, "dropped": 0, "failed": 2, "ignored": 0, "lost": 0, "batchError": None,
                   "codes": ["Lambda.DuplicatedRecordId"]},
    }),
    ("empty-payload-poisons-batch", {
        "title": "One empty record fails the whole batch",
        "description": "The third record's data is empty. The seed's json.loads raises JSONDecodeError, the invocation "
                       "fails, and Firehose retries it: Lambda.FunctionError after 4 attempts, and every record of the "
                       "batch, good or not, lands in processing-failed/.",
        "preset": "seed",
        "input": event([json.dumps(BULK[0]), json.dumps(BULK[1]), "", json.dumps(BULK[2])]),
        "expect": {"delivered": 0, "dropped": 0, "failed": 4, "ignored": 0, "lost": 0, "batchError": "Lambda.FunctionError",
                   "codes": ["seed.raised", "Lambda.FunctionError"]},
    }),
    ("the-fix-ndjson", {
        "title": "The fix: one output per record",
        "description": "The same batched records through the ndjson transform: exactly one output per input record, "
                       "same recordId, with all its events flattened into newline-delimited rows inside its data. "
                       "Every row is delivered, and each ends with a newline so S3 objects stay one row per line.",
        "preset": "ndjson",
        "input": BULK_EVENT,
        "expect": {"delivered": 3, "dropped": 0, "failed": 0, "ignored": 0, "lost": 0, "batchError": None, "codes": []},
    }),
    ("kinesis-source", {
        "title": "A Kinesis data stream as the source",
        "description": "When Firehose reads from a Kinesis data stream, the event names the stream and every record "
                       "carries kinesisRecordMetadata: shard, partition key, sequence number and subsequenceNumber "
                       "(a number, 0 unless the producer aggregated records). The recordId is the sequence number "
                       "followed by 000000.",
        "preset": "ndjson",
        "input": event([dumps({"order": 1001, "status": "paid"}), dumps({"order": 1002, "status": "shipped"})],
                       ids=["49656868123456789012345678901234567890123456789012345601000000",
                            "49656868123456789012345678901234567890123456789012345602000000"],
                       extra=lambda i: {"kinesisRecordMetadata": {
                           "shardId": "shardId-000000000001", "partitionKey": "order-%d" % (1001 + i),
                           "approximateArrivalTimestamp": T0 + i * 1250,
                           "sequenceNumber": "4965686812345678901234567890123456789012345678901234560%d" % (i + 1),
                           "subsequenceNumber": 0}},
                       envelope={"sourceKinesisStreamArn": "arn:aws:kinesis:ap-northeast-2:123456789012:stream/orders"}),
        "expect": {"delivered": 2, "dropped": 0, "failed": 0, "ignored": 0, "lost": 0, "batchError": None, "codes": []},
    }),
    ("cloudwatch-logs", {
        "title": "CloudWatch Logs: gzip, DATA and CONTROL messages",
        "description": "A CloudWatch Logs subscription sends gzip-compressed documents. A DATA_MESSAGE becomes one row "
                       "per log event (a JSON message is flattened too); a CONTROL_MESSAGE is only a health check and is "
                       "Dropped. The seed Lambda cannot read gzip at all: try it.",
        "preset": "ndjson",
        "input": event([
            cwl("DATA_MESSAGE", [
                {"id": "38234", "timestamp": T0, "message": "INIT_START Runtime Version: python:3.12"},
                {"id": "38235", "timestamp": T0 + 5, "message": json.dumps({"level": "ERROR", "msg": "card declined", "order": 1001}),
                 }]),
            cwl("CONTROL_MESSAGE", [{"id": "", "timestamp": T0,
                                     "message": "CWL CONTROL MESSAGE: Checking health of destination Firehose."}],
                group="", stream=""),
        ]),
        "expect": {"delivered": 1, "dropped": 1, "failed": 0, "ignored": 0, "lost": 0, "batchError": None, "codes": []},
    }),
    ("response-missing-record", {
        "title": "Your response: a record is missing",
        "description": "A Lambda response pasted in the second editor, checked against the event. It answers the first "
                       "and the third of three records but leaves out the second: Firehose fails the second with "
                       "Lambda.MissingRecordId and delivers the other two.",
        "input": event([dumps({"n": 1}), dumps({"n": 2}), dumps({"n": 3})]),
        "response": {"records": [
            {"recordId": rid(0), "result": "Ok", "data": b64('{"n":1}\n')},
            {"recordId": rid(2), "result": "Ok", "data": b64('{"n":3}\n')}]},
        "expect": {"delivered": 2, "dropped": 0, "failed": 1, "ignored": 0, "lost": 0, "batchError": None,
                   "codes": ["Lambda.MissingRecordId"]},
    }),
    ("processing-failed-and-dropped", {
        "title": "Ok, Dropped and ProcessingFailed",
        "description": "The three results a record can have. Ok is delivered, Dropped disappears on purpose without any "
                       "error, and ProcessingFailed becomes Lambda.ProcessingFailedStatus: Firehose writes the record's "
                       "original bytes to processing-failed/ in S3.",
        "input": event([dumps({"n": 1}), dumps({"n": 2, "test": True}), "not json"]),
        "response": {"records": [
            {"recordId": rid(0), "result": "Ok", "data": b64('{"n":1}\n')},
            {"recordId": rid(1), "result": "Dropped"},
            {"recordId": rid(2), "result": "ProcessingFailed"}]},
        "expect": {"delivered": 1, "dropped": 1, "failed": 1, "ignored": 0, "lost": 0, "batchError": None,
                   "codes": ["Lambda.ProcessingFailedStatus"]},
    }),
    ("response-over-6mb", {
        "title": "A response over Lambda's 6 MB limit",
        "description": "A batch as large as Firehose sends a Lambda (just under its 3 MiB buffer) of Korean events. "
                       "The seed's json.dumps escapes every Korean character, so its response is more than twice the "
                       "size of the event and passes Lambda's limit of 6,291,556 bytes (its \"6 MB\"): Lambda refuses "
                       "it (Function.ResponseSizeTooLarge), Firehose sees a function error and fails all 900 records.",
        "preset": "seed",
        "input": big_event(),
        "expect": {"delivered": 0, "dropped": 0, "failed": 900, "ignored": 0, "lost": 0, "batchError": "Lambda.FunctionError",
                   "codes": ["Function.ResponseSizeTooLarge"]},
    }),
    ("korean-and-emoji", {
        "title": "Korean and emoji payloads",
        "description": "The seed's json.dumps escapes every character outside ASCII (\\ud64d\\uae38\\ub3d9), so Korean "
                       "text grows more than twice as large and an emoji becomes a surrogate pair. Switch to ndjson to "
                       "keep the text as UTF-8.",
        "preset": "seed",
        "input": event([json.dumps([{"이름": "홍길동", "도시": "서울", "메모": "좋아요 👍"}], ensure_ascii=False),
                        json.dumps([{"이름": "김철수", "상태": {"기분": "😀", "점수": 9.5}}], ensure_ascii=False)]),
        "expect": {"delivered": 2, "dropped": 0, "failed": 0, "ignored": 0, "lost": 0, "batchError": None, "codes": []},
    }),
    ("dynamic-partitioning", {
        "title": "Dynamic partitioning keys",
        "description": "A response whose records carry metadata.partitionKeys. With the S3 prefix "
                       "events/customer=!{partitionKeyFromLambda:customer}/!{timestamp:yyyy/MM/dd}/, Firehose writes one "
                       "object per customer, 2 objects for the three records: see the S3 preview.",
        "input": event([dumps({"customer": "acme", "n": 1}), dumps({"customer": "globex", "n": 2}),
                        dumps({"customer": "acme", "n": 3})]),
        "response": {"records": [
            {"recordId": rid(i), "result": "Ok", "data": b64(dumps({"customer": c, "n": i + 1}) + "\n"),
             "metadata": {"partitionKeys": {"customer": c}}} for i, c in enumerate(["acme", "globex", "acme"])]},
        "firehose": {"prefix": "events/customer=!{partitionKeyFromLambda:customer}/!{timestamp:yyyy/MM/dd}/"},
        "expect": {"delivered": 3, "dropped": 0, "failed": 0, "ignored": 0, "lost": 0, "batchError": None, "codes": [],
                   "s3Objects": 2},
    }),
    ("sample-event-defects", {
        "title": "The defects of published sample events",
        "description": "Sample events copied from SDKs and blog posts carry mistakes real Firehose never makes: an "
                       "ISO-8601 string or a 12-digit number for approximateArrivalTimestamp, subsequenceNumber as a "
                       "string (aws-lambda-go cannot decode it), the deliverySteamArn typo, two records sharing a "
                       "recordId. The playground flags each one where it is. With the shared recordId, the identity "
                       "response repeats it too: the playground pairs the two outputs with the two records in order, so "
                       "its mapping shows no duplicate and both are delivered, but real Firehose never sends such a batch.",
        "preset": "identity",
        "input": {
            "invocationId": "invocationIdExample",
            "deliverySteamArn": "arn:aws:kinesis:EXAMPLE",
            "region": "us-east-1",
            "sourceKinesisStreamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/example",
            "records": [
                {"recordId": "49546986683135544286507457936321625675700192471156785154",
                 "approximateArrivalTimestamp": "2026-01-01T00:00:00.000Z",
                 "data": b64("Hello, this is a test 123."),
                 "kinesisRecordMetadata": {"shardId": "shardId-000000000000", "partitionKey": "4d1ad2b9-24f8-4b9d-a088-76e9947c317a",
                                           "approximateArrivalTimestamp": 149557163838,
                                           "sequenceNumber": "49546986683135544286507457936321625675700192471156785154",
                                           "subsequenceNumber": ""}},
                {"recordId": "49546986683135544286507457936321625675700192471156785154",
                 "approximateArrivalTimestamp": 149557163838,
                 "data": b64(dumps({"ticker_symbol": "QXZ", "sector": "HEALTHCARE", "change": -0.05, "price": 84.51})),
                 "kinesisRecordMetadata": {"shardId": "shardId-000000000000", "partitionKey": "4d1ad2b9-24f8-4b9d-a088-76e9947c317a",
                                           "approximateArrivalTimestamp": 149557163838,
                                           "sequenceNumber": "49546986683135544286507457936321625675700192471156785154",
                                           "subsequenceNumber": "123456"}},
            ],
        },
        "expect": {"codes": ["event.deliverySteamArn", "record.timestamp.string", "record.timestamp.digits",
                             "kinesis.subsequenceNumber.type", "record.recordId.duplicate"]},
    }),
    ("fix-the-seed-yourself", {
        "title": "Fix the seed yourself",
        "description": "The seed Lambda's own Python code runs here as your function, on the batched events of the "
                       "first examples: each record keeps its first event, and the others, under recordIds Firehose "
                       "never sent, are lost without any error. Fix it in the code editor: return one output per input "
                       "record with the same recordId and result Ok, its events joined as newline-delimited JSON in "
                       "data (each row ending with a newline), and every row is delivered. This is the project's own "
                       "code, so it runs as soon as you choose the example; code from a link or a file waits for Run.",
        # The page runs fn.code in its Python; the engine's tests run the
        # seed preset in its place (the same behaviour, byte for byte: see
        # e2e/python_test.go).
        "preset": "python",
        "fn": {"language": "python", "code": seed_code()},
        "input": BULK_EVENT,
        "expect": {"delivered": 3, "dropped": 0, "failed": 0, "ignored": 3, "lost": 3, "batchError": None,
                   "codes": ["response.ignoredRecordId", "response.lostRows"]},
    }),
]


def main():
    index = []
    for n, (name, ex) in enumerate(EXAMPLES, 1):
        file = "%02d-%s.json" % (n, name)
        with open(os.path.join(OUT, file), "w", encoding="utf-8") as f:
            big = name == "response-over-6mb"
            json.dump(ex, f, ensure_ascii=False, indent=None if big else 2)
            f.write("\n")
        index.append({"file": file, "title": ex["title"], "description": ex["description"]})
    with open(os.path.join(OUT, "index.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("%d examples in %s" % (len(EXAMPLES), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
