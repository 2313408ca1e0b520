#!/usr/bin/env python3
"""Run the seed Firehose-transformation handler on one event and print the
response (or the error) as JSON, the way a Lambda invocation would return it.

Usage:
    python3 run_seed.py [EVENT.json|-] [--handler lambda_handler|lambda_handler_v1]
                        [--marshal str|awslambdaric|stdlib|py37] [--decoded]
                        [--pretty]

Input: a Firehose transformation event (JSON) from the file argument or stdin.

Output (stdout, one JSON document + newline):
  * success: the handler's return value.  The handler puts *bytes* in each
    record's "data" (base64.b64encode returns bytes).  In the default
    --marshal str mode those bytes are decoded (UTF-8; they are pure ASCII
    base64) to str and the result is serialised with json.dumps() default
    settings - byte-for-byte what awslambdaric's simplejson encoder produces
    for this response on python3.8-3.11 runtimes (see docs/seed-lambda.md).
  * handler exception: {"errorType": <exception class __name__>,
                        "errorMessage": <str(exception)>}
    which is what the Lambda runtime (awslambdaric bootstrap.make_error)
    returns, minus "requestId" and "stackTrace" (nondeterministic / path
    dependent; add --stack to include a stackTrace list anyway).
  * event that is not JSON: {"errorType": "Runtime.UnmarshalError",
    "errorMessage": "Unable to unmarshal input: ..."} (awslambdaric
    LambdaMarshaller.unmarshal_request).

--marshal selects how the bytes-valued response is serialised:
  str          (default) bytes -> str, then json.dumps.  Oracle canonical form.
  awslambdaric use simplejson exactly like awslambdaric's LambdaMarshaller
               (JSONEncoder(use_decimal=False, allow_nan=True[, ensure_ascii=
               False when AWS_EXECUTION_ENV is AWS_Lambda_python3.12+])).
               simplejson on Python 3 encodes bytes values as UTF-8 strings,
               so this SUCCEEDS.  Needs simplejson importable (e.g. Debian's
               python3-simplejson for /usr/bin/python3); exits 3 otherwise.
  stdlib       plain json.dumps, as in the unmerged awslambdaric branch that
               removes simplejson: Runtime.MarshalError "Unable to marshal
               response: Object of type bytes is not JSON serializable".
  py37         pre-RIC python3.7-era runtime marshaller (stdlib json + a
               default() raising TypeError(repr(o) + " is not JSON
               serializable")): Runtime.MarshalError "Unable to marshal
               response: b'eyJ...' is not JSON serializable".

--decoded  adds, for human reading only, a "decoded" key to every output
           record holding base64-decoded data as text (not part of the real
           response).
--pretty   indent the output (default: json.dumps default separators, no
           indent, same as the runtime).

Exit status: 0 = handler returned and was marshalled; 1 = handler raised or
the event could not be parsed / marshalled (error JSON still printed on
stdout); 2 = usage error; 3 = --marshal awslambdaric without simplejson.
"""
import argparse
import base64
import decimal
import json
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import seed_lambda  # noqa: E402


class _Ctx:
    """Minimal stand-in for the Lambda context object (the seed ignores it)."""
    aws_request_id = "00000000-0000-0000-0000-000000000000"
    function_name = "seed-firehose-flatten"
    memory_limit_in_mb = "128"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:ap-northeast-2:123456789012:function:seed-firehose-flatten"
    log_group_name = "/aws/lambda/seed-firehose-flatten"
    log_stream_name = "local"

    @staticmethod
    def get_remaining_time_in_millis():
        return 300000


def _bytes_to_str(obj):
    if isinstance(obj, bytes):
        return obj.decode("utf-8")
    if isinstance(obj, dict):
        return {k: _bytes_to_str(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_bytes_to_str(v) for v in obj]
    return obj


class MarshalError(Exception):
    pass


def marshal(response, mode):
    """Return the response body text, or raise MarshalError(message)."""
    if mode == "str":
        return json.dumps(_bytes_to_str(response))
    if mode == "stdlib":
        try:
            return json.dumps(response, allow_nan=True)
        except Exception as e:  # noqa: BLE001
            raise MarshalError("Unable to marshal response: {}".format(str(e)))
    if mode == "py37":
        class DecimalEncoder(json.JSONEncoder):
            def default(self, o):
                if isinstance(o, decimal.Decimal):
                    return float(o)
                raise TypeError(repr(o) + " is not JSON serializable")
        try:
            return json.dumps(response, cls=DecimalEncoder)
        except Exception as e:  # noqa: BLE001
            raise MarshalError("Unable to marshal response: {}".format(str(e)))
    if mode == "awslambdaric":
        import simplejson  # raises ImportError -> handled by caller
        if os.environ.get("AWS_EXECUTION_ENV") in {
            "AWS_Lambda_python3.12", "AWS_Lambda_python3.13",
            "AWS_Lambda_python3.14", "AWS_Lambda_python3.15",
        }:
            enc = simplejson.JSONEncoder(use_decimal=False, ensure_ascii=False, allow_nan=True)
        else:
            enc = simplejson.JSONEncoder(use_decimal=False, allow_nan=True)
        if isinstance(response, bytes):
            return response.decode("latin-1")  # returned raw as application/unknown
        try:
            return enc.encode(response)
        except Exception as e:  # noqa: BLE001
            raise MarshalError("Unable to marshal response: {}".format(str(e)))
    raise ValueError(mode)


def error_obj(etype, msg, tb=None, stack=False):
    out = {"errorType": etype, "errorMessage": msg}
    if stack:
        out["stackTrace"] = tb or []
    return out


def run(event_text, handler_name="lambda_handler", marshal_mode="str",
        decoded=False, stack=False):
    """Returns (exit_code, python object to print)."""
    try:
        event = json.loads(event_text)
    except Exception as e:  # noqa: BLE001
        return 1, error_obj("Runtime.UnmarshalError",
                            "Unable to unmarshal input: {}".format(str(e)), None, stack)
    handler = getattr(seed_lambda, handler_name)
    try:
        response = handler(event, _Ctx())
    except Exception as e:  # noqa: BLE001
        tb = traceback.format_list(traceback.extract_tb(e.__traceback__)[1:])
        return 1, error_obj(type(e).__name__, str(e), tb, stack)
    try:
        body = marshal(response, marshal_mode)
    except MarshalError as e:
        return 1, error_obj("Runtime.MarshalError", str(e), None, stack)
    out = json.loads(body)
    if decoded and isinstance(out, dict) and isinstance(out.get("records"), list):
        for rec in out["records"]:
            if isinstance(rec, dict) and isinstance(rec.get("data"), str):
                rec["decoded"] = base64.b64decode(rec["data"]).decode("utf-8")
        return 0, out
    return 0, _Raw(body)


class _Raw:
    """Marks an already-serialised body so it is printed byte-for-byte."""
    def __init__(self, text):
        self.text = text


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("event", nargs="?", default="-", help="event JSON file, or - for stdin")
    ap.add_argument("--handler", default="lambda_handler",
                    choices=["lambda_handler", "lambda_handler_v1"])
    ap.add_argument("--marshal", default="str",
                    choices=["str", "awslambdaric", "stdlib", "py37"])
    ap.add_argument("--decoded", action="store_true")
    ap.add_argument("--pretty", action="store_true")
    ap.add_argument("--stack", action="store_true", help="include stackTrace in error output")
    args = ap.parse_args(argv)

    if args.event == "-":
        raw = sys.stdin.buffer.read()
    else:
        with open(args.event, "rb") as f:
            raw = f.read()
    # The runtime receives the event as bytes and simplejson.loads() them;
    # json.loads accepts UTF-8/16/32 bytes the same way.
    try:
        event_text = raw.decode("utf-8")
    except UnicodeDecodeError:
        event_text = raw  # let json.loads detect the encoding / fail

    if args.marshal == "awslambdaric":
        try:
            import simplejson  # noqa: F401
        except ImportError:
            sys.stderr.write("run_seed.py: --marshal awslambdaric needs simplejson "
                             "(try /usr/bin/python3 with Debian's python3-simplejson)\n")
            return 3

    code, out = run(event_text, args.handler, args.marshal, args.decoded, args.stack)
    if isinstance(out, _Raw):
        if args.pretty:
            text = json.dumps(json.loads(out.text), indent=1, ensure_ascii=False)
        else:
            text = out.text
    else:
        text = json.dumps(out, indent=1 if args.pretty else None,
                          ensure_ascii=False if (args.pretty or args.decoded) else True)
    sys.stdout.write(text + "\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
