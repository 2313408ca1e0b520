# The Python runtime's side of python-worker.js: it stands in for the Lambda
# Python runtime (awslambdaric's bootstrap.py and lambda_runtime_marshaller.py)
# inside Pyodide. The worker runs this file once, as /var/runtime/bootstrap.py,
# before any user code: it locks the interpreter down, then `invoke` runs a
# function the way the runtime does and returns the outcome as JSON text.
#
# Frames of this file are left out of tracebacks, as the runtime leaves out
# its bootstrap.py.
import base64
import builtins
import decimal
import gc
import importlib
import importlib.abc
import json
import logging
import math
import os
import sys
import time
import traceback

TASK_ROOT = "/var/task"
NO_NETWORK = " (this page runs Python without network: only the standard library is available)"
NOT_IN_BROWSER = " (this page runs Python in the browser, where this part of the standard library is not available)"

# Modules that reach JavaScript or load packages: never importable by user code.
_BLOCKED = {"js", "pyodide_js", "micropip", "pyodide", "_pyodide", "_pyodide_core", "pyodide_http"}
_STDLIB = frozenset(sys.stdlib_module_names)


def _missing(name):
    top = name.partition(".")[0]
    why = NOT_IN_BROWSER if top in _STDLIB and top not in _BLOCKED else NO_NETWORK
    return ModuleNotFoundError("No module named {!r}{}".format(name, why), name=name)


class _Refuse(importlib.abc.MetaPathFinder):
    """First on sys.meta_path: refuses the modules that reach JavaScript."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] in _BLOCKED:
            raise _missing(fullname)
        return None


class _NotFound(importlib.abc.MetaPathFinder):
    """Last on sys.meta_path: whatever no finder found gets the page's message
    (Pyodide's own would advise micropip.install)."""

    def find_spec(self, fullname, path=None, target=None):
        raise _missing(fullname)


_import = builtins.__import__


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    # Pyodide's own modules stay in sys.modules for its internals; an import
    # statement in user code (any file under /var/task) cannot reach them.
    if level == 0 and name.partition(".")[0] in _BLOCKED:
        f = (globals or {}).get("__file__") or ""
        if not f or f.startswith(TASK_ROOT + "/") or (globals or {}).get("__name__") == "__main__":
            raise _missing(name)
    return _import(name, globals, locals, fromlist, level)


def _no_event_loop(*args, **kwargs):
    raise RuntimeError("this page's Python has no event loop")


def _lockdown():
    for name in list(sys.modules):
        top = name.partition(".")[0]
        if top in ("js", "pyodide_js", "micropip", "pyodide_http") or name.startswith("pyodide.http"):
            del sys.modules[name]
    # Pyodide's finder for "js" modules holds the JavaScript objects behind
    # "js" and "pyodide_js", and so do the loaders of those modules.
    hook = sys.modules.get("_pyodide._importhook")
    if hook is not None and hasattr(hook, "jsfinder"):
        hook.jsfinder.jsproxies.clear()
    for o in gc.get_objects():
        if type(o).__name__ == "JsLoader" and hasattr(o, "jsproxy"):
            o.jsproxy = None
    # The last JavaScript objects left in Pyodide's modules' globals.
    webloop = sys.modules.get("pyodide.webloop")
    if webloop is not None and hasattr(webloop, "scheduleCallback"):
        webloop.scheduleCallback = _no_event_loop
    loader = sys.modules.get("pyodide._package_loader")
    if loader is not None and hasattr(loader, "loadedPackages"):
        loader.loadedPackages = {}
    gc.collect()
    sys.meta_path.insert(0, _Refuse())
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__.partition(".")[0] not in ("pyodide", "_pyodide")]
    sys.meta_path.append(_NotFound())
    builtins.__import__ = _guarded_import
    sys.dont_write_bytecode = True
    os.makedirs(TASK_ROOT, exist_ok=True)
    os.chdir(TASK_ROOT)
    if TASK_ROOT not in sys.path:
        sys.path.insert(0, TASK_ROOT)
    for p in ("", os.path.expanduser("~")):
        while p in sys.path:
            sys.path.remove(p)


# --- the marshaller: awslambdaric's Encoder (simplejson) for python3.12/3.13 ---
#
# simplejson.JSONEncoder(use_decimal=False, ensure_ascii=False, allow_nan=True):
# bytes (values and keys) are decoded as UTF-8 text; a Decimal is written as
# its str() (NaN as NaN); anything else it cannot encode raises TypeError,
# which the runtime reports as Runtime.MarshalError. A bytes response is
# returned as it is.


class _Raw(float):
    """A float whose text is a Decimal's: written as it is."""

    def __new__(cls, text):
        self = float.__new__(cls, 0.0)
        self.text = text
        return self


def _floatstr(f, _repr=float.__repr__):
    if isinstance(f, _Raw):
        return f.text
    if f != f:
        return "NaN"
    if f == math.inf:
        return "Infinity"
    if f == -math.inf:
        return "-Infinity"
    return _repr(f)


def _bytes_keys(o):
    if isinstance(o, dict):
        return {(k.decode("utf-8") if isinstance(k, bytes) else k): _bytes_keys(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [_bytes_keys(v) for v in o]
    return o


def _encode(o):
    decimals = []

    def default(x):
        if isinstance(x, (bytes, bytearray)):
            return bytes(x).decode("utf-8")
        if isinstance(x, decimal.Decimal):
            if x.is_nan():
                return math.nan
            decimals.append(x)
            return _Raw(str(x))
        raise TypeError("Object of type {} is not JSON serializable".format(x.__class__.__name__))

    text = json.JSONEncoder(ensure_ascii=False, allow_nan=True, default=default).encode(o)
    if not decimals:
        return text
    # json's C encoder writes any float with float.__repr__: its Python
    # encoder takes the function that writes floats.
    return "".join(json.encoder._make_iterencode(
        {}, default, json.encoder.py_encode_basestring, None, _floatstr, ": ", ", ", False, False, True)(o, 0))


def _marshal(response):
    if isinstance(response, bytes):
        return response.decode("utf-8", "replace")  # the runtime returns it as it is
    try:
        try:
            return _encode(response)
        except TypeError as e:
            if not str(e).startswith("keys must be"):
                raise
            return _encode(_bytes_keys(response))  # simplejson decodes bytes keys too
    except Exception as e:
        raise _Fault("Runtime.MarshalError", "Unable to marshal response: {}".format(e))


# --- faults and the error object (bootstrap.make_error) ---


class _Fault(Exception):
    def __init__(self, error_type, message, trace=None, line=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace or []
        self.line = line


def _user_frames(tb):
    frames = traceback.extract_tb(tb)
    for i, f in enumerate(frames):
        if "/bootstrap.py" not in f.filename:
            return frames[i:]
    return []


def _fault_result(exc, request_id, user_file):
    frames = _user_frames(exc.__traceback__)
    tuples = [(f.filename, f.lineno, f.name, f.line) for f in frames]
    line = None
    for f in frames:
        if f.filename == user_file:
            line = f.lineno
    return {
        "errorMessage": str(exc),
        "errorType": type(exc).__name__,
        "requestId": request_id,
        "stackTrace": traceback.format_list(tuples),
    }, line


# --- logging, as the runtime sets it up (text format) ---

_request_id = ""


def _log(text):
    """Writes one log event; the worker sends what Python writes, line by line."""
    sys.stdout.write(text + "\n")



class _LambdaLoggerHandler(logging.Handler):
    def emit(self, record):
        msg = self.format(record)
        _log(msg[:-1] if msg.endswith("\n") else msg)


class _LambdaLoggerFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _request_id
        return True


def _setup_logging():
    logging.Formatter.converter = time.gmtime
    logger = logging.getLogger()
    handler = _LambdaLoggerHandler()
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n",
        "%Y-%m-%dT%H:%M:%S",
    ))
    handler.addFilter(_LambdaLoggerFilter())
    logger.addHandler(handler)


# --- the context object (awslambdaric's LambdaContext) ---


class LambdaContext:
    def __init__(self, c):
        self.aws_request_id = c["awsRequestId"]
        self.log_group_name = c["logGroupName"]
        self.log_stream_name = c["logStreamName"]
        self.function_name = c["functionName"]
        self.memory_limit_in_mb = str(c["memoryLimitInMB"])
        self.function_version = c["functionVersion"]
        self.invoked_function_arn = c["invokedFunctionArn"]
        self.client_context = None
        self.identity = None
        self.tenant_id = None
        self._deadline_ms = c["deadlineMs"]

    def get_remaining_time_in_millis(self):
        return max(int(self._deadline_ms - time.time() * 1000), 0)

    def log(self, msg):
        for line in str(msg).splitlines():
            _log(line)

    def __repr__(self):
        return "LambdaContext([aws_request_id={},log_group_name={},log_stream_name={},function_name={},memory_limit_in_mb={},function_version={},invoked_function_arn={},client_context={},identity={},tenant_id={}])".format(
            self.aws_request_id, self.log_group_name, self.log_stream_name, self.function_name, self.memory_limit_in_mb,
            self.function_version, self.invoked_function_arn, self.client_context, self.identity, self.tenant_id)


# --- loading the function (bootstrap._get_handler) ---

_loaded = set()  # modules written under TASK_ROOT by an earlier invocation


def _forget_user_modules():
    for name in list(sys.modules):
        m = sys.modules[name]
        f = getattr(m, "__file__", None) or ""
        if f.startswith(TASK_ROOT + "/") or name in _loaded:
            del sys.modules[name]
    for path in _loaded:
        try:
            os.remove(path)
        except OSError:
            pass
    _loaded.clear()
    importlib.invalidate_caches()


def _module_of(handler):
    """The handler's module, function and file: "lambda_function.f", or a bare
    "f" for lambda_function's f."""
    if "." not in handler:
        handler = "lambda_function." + handler
    modname, fname = handler.rsplit(".", 1)
    return modname, fname, os.path.join(TASK_ROOT, *modname.replace("/", ".").split(".")) + ".py"


def _get_handler(handler, code):
    modname, fname, path = _module_of(handler)
    _forget_user_modules()
    builtin = modname.split(".")[0] in sys.builtin_module_names
    if modname and not builtin:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(code)
        _loaded.add(path)
    try:
        if builtin:
            raise _Fault("Runtime.BuiltInModuleConflict", "Cannot use built-in module {} as a handler module".format(modname))
        m = importlib.import_module(modname.replace("/", "."))
    except ImportError as e:
        raise _Fault("Runtime.ImportModuleError", "Unable to import module '{}': {}".format(modname, e))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise _Fault("Runtime.UserCodeSyntaxError", "Syntax error in module '{}': {}".format(modname, e), trace,
                     e.lineno if e.filename == path else None)
    try:
        return getattr(m, fname)
    except AttributeError:
        raise _Fault("Runtime.HandlerNotFound", "Handler '{}' missing on module '{}'".format(fname, modname))


def _environ(c, handler, memory):
    arn = c["invokedFunctionArn"].split(":")
    region = arn[3] if len(arn) > 3 and arn[3] else "us-east-1"
    os.environ.update({
        "AWS_EXECUTION_ENV": "AWS_Lambda_python3.13",
        "AWS_LAMBDA_FUNCTION_NAME": c["functionName"],
        "AWS_LAMBDA_FUNCTION_VERSION": c["functionVersion"],
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(memory),
        "AWS_LAMBDA_LOG_GROUP_NAME": c["logGroupName"],
        "AWS_LAMBDA_LOG_STREAM_NAME": c["logStreamName"],
        "AWS_REGION": region,
        "AWS_DEFAULT_REGION": region,
        "LAMBDA_TASK_ROOT": TASK_ROOT,
        "LAMBDA_RUNTIME_DIR": "/var/runtime",
        "_HANDLER": handler,
        "TZ": ":UTC",
        "LANG": "en_US.UTF-8",
    })


_body = ""  # the last invocation's response body, for take_body


def invoke(request_text, code, event_text):
    """Runs one invocation of code on the event's JSON text; request_text is
    JSON: {handler, memoryMB, context}. Returns JSON text: {"ok", "error",
    "line", "durationMs"}; take_body() then returns the body (not copied into
    that JSON: it may be megabytes)."""
    global _request_id
    req = json.loads(request_text)
    req["code"] = code
    req["event"] = event_text
    c = req["context"]
    _request_id = c["awsRequestId"]
    _environ(c, req["handler"], req["memoryMB"])
    user_file = _module_of(req["handler"])[2]
    start = time.perf_counter()
    try:
        try:
            event = json.loads(req["event"])
        except Exception as e:
            raise _Fault("Runtime.UnmarshalError", "Unable to unmarshal input: {}".format(e))
        parsed = time.perf_counter() - start
        try:
            fn = _get_handler(req["handler"], req["code"])
        except _Fault:
            raise
        except Exception as e:  # raised while importing the module: an init error
            err, line = _fault_result(e, "", user_file)
            return _out(False, None, err, line, start)
        # Lambda's duration covers the event's unmarshalling, the handler and
        # the marshalling, not the module's import (an init phase).
        start = time.perf_counter() - parsed
        body = _marshal(fn(event, LambdaContext(c)))
        return _out(True, body, None, None, start)
    except _Fault as f:
        err = {"errorMessage": f.message, "errorType": f.error_type, "requestId": _request_id, "stackTrace": f.trace}
        return _out(False, None, err, f.line, start)
    except SystemExit as e:
        err = {"errorMessage": "RequestId: {} Error: Runtime exited with error: exit status {}".format(
            _request_id, e.code if isinstance(e.code, int) else 1), "errorType": "Runtime.ExitError"}
        return _out(False, None, err, None, start)
    except Exception as e:
        err, line = _fault_result(e, _request_id, user_file)
        return _out(False, None, err, line, start)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def _out(ok, body, error, line, start):
    global _body
    ms = (time.perf_counter() - start) * 1000
    _body = body if ok else json.dumps(error)
    return json.dumps({"ok": ok, "error": error, "line": line, "durationMs": ms})


def take_body():
    """Returns the last invocation's body, once."""
    global _body
    body, _body = _body, ""
    return body


def start():
    """Called once by the worker, before any user code runs."""
    _setup_logging()
    _lockdown()
