#!/usr/bin/env python3
"""Writes transform/testdata/inputs/*.txt: what people paste instead of a
clean invocation event, made by the printers themselves.

    python3 scripts/inputsamples.py     (needs node on PATH)

Python's print(event) and logging (the CloudWatch Logs prefix and the JSON
log format), Node.js's console.log(event) (util.inspect, with its cuts: past
depth 2, past 100 items, past 10,000 characters; the CloudWatch prefix with
"\\r" for newlines; the JSON log format), the lines of a processing-failed/
object in both layouts, AWS CLI records (put-record-batch, get-records), a
Kinesis Data Streams event for a Lambda consumer, and test-invocation output
around a response. The tests only read the files (transform/inputkinds_test.go).
"""
import base64
import json
import os
import subprocess

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "transform", "testdata", "inputs")
REQ = "3f8e2c1a-5b7d-4e9f-a0c2-6d1b8e4f7a93"
T0 = 1796637600123  # 2026-12-07T10:00:00.123Z


def b64(s):
    return base64.b64encode(s.encode("utf-8")).decode("ascii")


def seq(i):
    return "4965686812345678901234567890123456789012345678901234567%d" % i


DIRECT = {
    "invocationId": "0c7d5e2a-4b19-4f63-9a8e-1d2c3b4a5f60",
    "deliveryStreamArn": "arn:aws:firehose:ap-northeast-2:123456789012:deliverystream/clickstream",
    "region": "ap-northeast-2",
    "records": [
        {"recordId": "49656868123456789012345678901234567890123456789012345000000000",
         "approximateArrivalTimestamp": T0,
         "data": b64(json.dumps({"event": "page_view", "user": "김민지", "page": "/home"}, ensure_ascii=False))},
        {"recordId": "49656868123456789012345678901234567890123456789012345001000000",
         "approximateArrivalTimestamp": T0 + 250,
         "data": b64(json.dumps({"event": "click", "note": "it's \"quoted\"", "ok": True}))},
        {"recordId": "49656868123456789012345678901234567890123456789012345002000000",
         "approximateArrivalTimestamp": T0 + 500,
         "data": ""},
    ],
}

KINESIS = {
    "invocationId": "7e3c1a52-90b4-4f0e-bd1a-2f6c9d8e4a17",
    "sourceKinesisStreamArn": "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
    "deliveryStreamArn": "arn:aws:firehose:eu-west-1:123456789012:deliverystream/orders-to-s3",
    "region": "eu-west-1",
    "records": [
        {"recordId": seq(i) + "000000", "approximateArrivalTimestamp": T0 + i,
         "data": b64(json.dumps({"order": 1000 + i, "total": 42.5})),
         "kinesisRecordMetadata": {"shardId": "shardId-000000000003", "partitionKey": "user-%d" % i,
                                   "approximateArrivalTimestamp": T0 + i, "sequenceNumber": seq(i),
                                   "subsequenceNumber": 0}}
        for i in range(2)
    ],
}

# 103 records, one of them over util.inspect's 10,000 characters.
BIG = {
    "invocationId": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
    "deliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/bulk",
    "region": "us-east-1",
    "records": [
        {"recordId": "shardId-00000000000%03d" % i, "approximateArrivalTimestamp": T0 + i,
         "data": b64(json.dumps({"n": i, "pad": "x" * (9000 if i == 1 else 10)}))}
        for i in range(103)
    ],
}


def node(script, event):
    return subprocess.run(["node", "-e", script], input=json.dumps(event), capture_output=True,
                          text=True, check=True).stdout


INSPECT = "const u=require('util');let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const ev=JSON.parse(s);%s});"


def write(name, text):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    write("python-print.txt", str(DIRECT) + "\n")
    # logger.info("이벤트 수신: %s", event)
    write("python-logging.txt", "[INFO]\t2026-12-07T10:00:00.123Z\t%s\t이벤트 수신: %s\n" % (REQ, str(DIRECT)))
    write("python-json-log.txt", json.dumps({"timestamp": "2026-12-07T10:00:00Z", "level": "INFO",
                                             "message": str(KINESIS), "logger": "root", "requestId": REQ}) + "\n")
    write("node-console-log.txt", node(INSPECT % "console.log(ev)", KINESIS))
    write("node-cloudwatch.txt", node(INSPECT % (
        "process.stdout.write('2026-12-07T10:00:00.123Z\\t%s\\tINFO\\t'+u.inspect(ev).replace(/\\n/g,'\\r')+'\\n')" % REQ), DIRECT))
    write("node-json-log.txt", node(INSPECT % (
        "console.log(JSON.stringify({timestamp:'2026-12-07T10:00:00.123Z',level:'INFO',requestId:'%s',message:u.inspect(ev)}))" % REQ), DIRECT))
    write("node-cut.txt", node(INSPECT % "console.log(ev)", BIG))

    lines = []
    for i, (code, msg, layout) in enumerate([
        ("Lambda.FunctionError", "The Lambda function was successfully invoked but it returned an error result.", 2019),
        ("Lambda.MissingRecordId", "One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.", 2025),
        ("Lambda.FunctionError", "The Lambda function was successfully invoked but it returned an error result.", 2019),
        ("DynamicPartitioning.MetadataExtractionFailed", "Non JSON record provided", 2025),
    ]):
        raw = b64(json.dumps({"user": ["ana", "bo", "cy", "dee"][i], "action": "login"})) if i != 3 else b64("user=dee action=login")
        arn = "arn:aws:lambda:eu-west-1:123456789012:function:clicks-transform:$LATEST"
        attempts = 4 if code == "Lambda.FunctionError" else 1
        if layout == 2019:
            obj = {"attemptsMade": attempts, "arrivalTimestamp": T0 + i, "errorCode": code, "errorMessage": msg,
                   "attemptEndingTimestamp": T0 + 61000, "rawData": raw, "lambdaArn": arn}
        else:
            obj = {"rawData": raw, "errorCode": code, "errorMessage": msg, "attemptsMade": attempts,
                   "arrivalTimestamp": T0 + i, "attemptEndingTimestamp": T0 + 1000, "lambdaARN": arn}
        lines.append(json.dumps(obj, separators=(",", ":")))
    write("processing-failed.txt", "\n".join(lines) + "\n")

    write("put-record-batch.txt", json.dumps([{"Data": b64(json.dumps({"sku": "A-%d" % i, "qty": i}) + "\n")}
                                              for i in range(3)], indent=4) + "\n")
    write("put-record-batch-input.txt", json.dumps({"DeliveryStreamName": "orders", "Records": [
        {"Data": b64("plain text row %d\n" % i)} for i in range(2)]}, indent=4) + "\n")
    write("get-records.txt", json.dumps({"Records": [
        {"SequenceNumber": seq(0), "ApproximateArrivalTimestamp": "2026-12-07T10:00:00.123000+00:00",
         "Data": b64(json.dumps({"order": 1})), "PartitionKey": "user-0"},
        {"SequenceNumber": seq(1), "ApproximateArrivalTimestamp": 1796637600.5,
         "Data": b64(json.dumps({"order": 2})), "PartitionKey": "user-1", "EncryptionType": "NONE"},
    ], "NextShardIterator": "AAAAAAAAAAFqx0Z2", "MillisBehindLatest": 0}, indent=4) + "\n")
    write("kinesis-lambda.txt", json.dumps({"Records": [
        {"kinesis": {"kinesisSchemaVersion": "1.0", "partitionKey": "user-%d" % i, "sequenceNumber": seq(i),
                     "data": b64(json.dumps({"order": 10 + i})), "approximateArrivalTimestamp": 1796637600.123 + i},
         "eventSource": "aws:kinesis", "eventVersion": "1.0",
         "eventID": "shardId-000000000006:" + seq(i), "eventName": "aws:kinesis:record",
         "invokeIdentityArn": "arn:aws:iam::123456789012:role/lambda-role", "awsRegion": "eu-west-1",
         "eventSourceARN": "arn:aws:kinesis:eu-west-1:123456789012:stream/orders"}
        for i in range(2)]}, indent=4) + "\n")

    ok = lambda r: {"recordId": r["recordId"], "result": "Ok", "data": r["data"]}
    answer = {"records": [ok(r) for r in DIRECT["records"][:2]]}
    write("sam-local-invoke.txt",
          "Invoking app.lambda_handler (python3.13)\nLocal image is up-to-date\n"
          "START RequestId: %s Version: $LATEST\n"
          "[INFO]\t2026-12-07T10:00:00.123Z\t%s\tgot {'records': [...]}\n"
          "END RequestId: %s\n"
          "REPORT RequestId: %s\tInit Duration: 0.12 ms\tDuration: 80.41 ms\tBilled Duration: 81 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\n"
          "%s\n" % (REQ, REQ, REQ, REQ, json.dumps(answer)))
    write("console-test-result.txt",
          "Status: Succeeded\nTest Event Name: firehose\n\nResponse\n%s\n\nFunction Logs\n"
          "START RequestId: %s Version: $LATEST\nEND RequestId: %s\n"
          "REPORT RequestId: %s\tDuration: 1.73 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\n"
          "\nRequest ID\n%s\n" % (json.dumps({"errorMessage": "'data'", "errorType": "KeyError", "requestId": REQ,
                                               "stackTrace": ["  File \"/var/task/app.py\", line 9, in handler\n"]}, indent=2),
                                    REQ, REQ, REQ, REQ))


if __name__ == "__main__":
    main()
