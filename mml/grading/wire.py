"""The data-only channel between the trusted test runner and a student's kernel.

While a submission is graded, test cells run in a trusted process (:mod:`mml.grading.trusted`)
and the student's functions run in the sandboxed kernel. Only plain data crosses between the
two: ``None``, booleans, numbers (complex too), strings, NumPy arrays and scalars of numbers,
and lists, tuples and dicts of these. A value travels as JSON in which every array is its
dtype (a simple numeric type such as ``<f8``, checked against a pattern before NumPy sees it),
its shape and its raw bytes (base64), rebuilt with ``numpy.frombuffer``; nothing is ever
unpickled or evaluated. (An ``.npy`` image would do too, but parsing its header costs about a
millisecond per value: too much for a function that a test passes and that the student's code
calls thousands of times.) What arrives is checked: only the tags below, numeric dtypes,
shapes that match the bytes, bounded depth and size.

Tags of the encoded tree (every JSON object is one of them)::

    {"c": [re, im]}          complex number
    {"a": [dtype, shape, base64]}  NumPy array      {"s": [dtype, [], base64]}  NumPy scalar
    {"t": [...]}             tuple                  {"d": [[key, value], ...]}  dict
    {"f": "name"}            (trusted side only) a function of the kernel, by its global name
    {"k": 3}                 (trusted side only) a trusted function the kernel may call back

This module is imported on both sides: :func:`serve` is what the kernel runs for each request
(it can be tampered with by the submission, which can then only spoil its own answers; every
reply is decoded as untrusted data by :func:`decode`).
"""

from __future__ import annotations

import base64
import binascii
import builtins
import hashlib
import json
import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np

#: largest depth of nested lists, tuples and dicts
MAX_DEPTH = 32
#: largest number of items (scalars, arrays, containers) in one value
MAX_ITEMS = 1_000_000
#: prefix of the stdin prompt by which the kernel asks the trusted side to call a function
CALLBACK_PROMPT = "mml-callback:"

_NUMERIC_KINDS = "biufc"
#: dtypes that may arrive: byte order, a numeric kind, the size in bytes (``<f8``, ``|b1``)
_DTYPE = re.compile(r"\A[<>|=][biufc](1|2|4|8|10|12|16|20|24|32)\Z")


class WireError(ValueError):
    """A value that may not cross the channel (or a malformed message)."""


# --------------------------------------------------------------------------------------------
# values
# --------------------------------------------------------------------------------------------


def _raw(array: np.ndarray) -> list:
    """[dtype, shape, base64 of the bytes in C order] (``tobytes`` orders them, any layout)."""
    return [array.dtype.str, list(array.shape), base64.b64encode(array.tobytes()).decode("ascii")]


def _from_raw(body: Any) -> np.ndarray:
    if not (isinstance(body, list) and len(body) == 3 and isinstance(body[0], str)
            and _DTYPE.match(body[0]) and isinstance(body[1], list) and len(body[1]) <= MAX_DEPTH
            and all(type(n) is int and n >= 0 for n in body[1]) and isinstance(body[2], str)):
        raise WireError("malformed array")
    dtype = np.dtype(body[0])
    try:
        data = bytearray(base64.b64decode(body[2], validate=True))
    except (ValueError, binascii.Error):
        raise WireError("malformed array") from None
    if len(data) != dtype.itemsize * math.prod(body[1]):
        raise WireError("an array whose bytes do not match its shape")
    return np.frombuffer(data, dtype=dtype).reshape(body[1])


def encode(value: Any, function_ref: Callable[[Any], dict | None] | None = None) -> Any:
    """Encode ``value`` as a JSON-able tree (see the module docstring).

    Parameters
    ----------
    value : object
        Plain data (functions only if ``function_ref`` gives them a tag).
    function_ref : callable, optional
        ``function_ref(obj)`` returns a tag (``{"f": name}`` or ``{"k": id}``) for a callable,
        or None if it cannot cross.

    Returns
    -------
    object
        Nested lists, dicts, strings and numbers for :func:`json.dumps`.

    Raises
    ------
    WireError
        If ``value`` holds something else than plain data.
    """
    count = [0]

    def walk(obj: Any, depth: int) -> Any:
        count[0] += 1
        if depth > MAX_DEPTH or count[0] > MAX_ITEMS:
            raise WireError("the value is nested too deeply or has too many items")
        if obj is None or type(obj) in (bool, str):
            return obj
        if isinstance(obj, np.generic):
            if obj.dtype.kind not in _NUMERIC_KINDS:
                raise WireError(f"a NumPy {obj.dtype} scalar")
            return {"s": _raw(np.asarray(obj))}
        if isinstance(obj, np.ndarray):
            if obj.dtype.kind not in _NUMERIC_KINDS or obj.dtype.fields is not None:
                raise WireError(f"an array of {obj.dtype} (only arrays of numbers can be checked)")
            return {"a": _raw(obj)}
        if isinstance(obj, bool):
            return bool(obj)
        if isinstance(obj, int):
            return int(obj)
        if isinstance(obj, float):
            return float(obj)
        if isinstance(obj, complex):
            return {"c": [obj.real, obj.imag]}
        if isinstance(obj, str):
            return str(obj)
        if isinstance(obj, list):
            return [walk(item, depth + 1) for item in obj]
        if isinstance(obj, tuple):
            return {"t": [walk(item, depth + 1) for item in obj]}
        if isinstance(obj, dict):
            return {"d": [[walk(k, depth + 1), walk(v, depth + 1)] for k, v in obj.items()]}
        if callable(obj) and function_ref is not None:
            tag = function_ref(obj)
            if tag is not None:
                return tag
        raise WireError(f"a {type(obj).__name__} object")

    return walk(value, 0)


def decode(
    tree: Any,
    function: Callable[[dict], Any] | None = None,
) -> Any:
    """Rebuild a value from :func:`encode`'s tree, checking every part of it.

    Parameters
    ----------
    tree : object
        Parsed JSON.
    function : callable, optional
        Called with a function tag (``{"f": ...}`` or ``{"k": ...}``) to build the callable it
        stands for. Without it such tags are refused (what the kernel sends may hold none).

    Returns
    -------
    object
        The value.

    Raises
    ------
    WireError
        If the tree is not a well-formed encoding.
    """
    count = [0]

    def walk(obj: Any, depth: int) -> Any:
        count[0] += 1
        if depth > MAX_DEPTH or count[0] > MAX_ITEMS:
            raise WireError("the value is nested too deeply or has too many items")
        if obj is None or isinstance(obj, (bool, int, float, str)):
            return obj
        if isinstance(obj, list):
            return [walk(item, depth + 1) for item in obj]
        if not isinstance(obj, dict) or len(obj) != 1:
            raise WireError("malformed value")
        (tag, body), = obj.items()
        if tag == "c" and isinstance(body, list) and len(body) == 2 and all(
            isinstance(x, (int, float)) and not isinstance(x, bool) for x in body
        ):
            return complex(body[0], body[1])
        if tag == "a":
            return _from_raw(body)
        if tag == "s":
            array = _from_raw(body)
            if array.ndim != 0:
                raise WireError("a scalar must have no dimensions")
            return array[()]
        if tag == "t" and isinstance(body, list):
            return tuple(walk(item, depth + 1) for item in body)
        if tag == "d" and isinstance(body, list):
            result = {}
            for pair in body:
                if not isinstance(pair, list) or len(pair) != 2:
                    raise WireError("malformed dict")
                key = walk(pair[0], depth + 1)
                try:
                    result[key] = walk(pair[1], depth + 1)
                except TypeError:
                    raise WireError("a dict key that cannot be hashed") from None
            return result
        if tag in ("f", "k") and function is not None:
            return function(obj)
        raise WireError(f"unknown tag {tag!r}")

    return walk(tree, 0)


def to_text(message: dict) -> str:
    """A message as base64 JSON: ASCII without quotes or backslashes, so ``repr`` keeps it."""
    return base64.b64encode(json.dumps(message, allow_nan=True).encode()).decode("ascii")


def from_text(text: Any, limit: int) -> dict:
    """Parse :func:`to_text`'s output (at most ``limit`` characters) into a dict."""
    if not isinstance(text, str):
        raise WireError("the reply is not text")
    if len(text) > limit:
        raise WireError(f"the reply is larger than {limit} bytes")
    try:
        message = json.loads(base64.b64decode(text, validate=True))
    except (ValueError, binascii.Error, RecursionError):
        raise WireError("the reply is not a valid message") from None
    if not isinstance(message, dict):
        raise WireError("the reply is not a valid message")
    return message


def error_pair(exc: BaseException) -> list[str]:
    """``[type name, message]`` of an exception, as it crosses the channel."""
    name = type(exc).__name__
    return [name if isinstance(name, str) else "Exception", str(exc)[:4000]]


def _where(exc: BaseException, function: Any) -> str:
    """``line N of f: `code``` where ``exc`` left the student's ``function`` (or "")."""
    import linecache  # noqa: PLC0415

    code = getattr(function, "__code__", None)
    tb = exc.__traceback__
    while tb is not None and code is not None:
        if tb.tb_frame.f_code is code:
            line = linecache.getline(code.co_filename, tb.tb_lineno).strip()
            return f"line {tb.tb_lineno} of {code.co_name}: `{line}`"[:300] if line else ""
        tb = tb.tb_next
    return ""


def digest(value: Any) -> str:
    """A fingerprint of plain data (to tell whether an argument or a global changed)."""
    hasher = hashlib.blake2b(digest_size=16)

    def walk(obj: Any) -> None:
        if isinstance(obj, np.ndarray):
            hasher.update(f"a{obj.dtype.str}{obj.shape}".encode())
            hasher.update(obj.tobytes() if obj.dtype.kind != "O" else b"O")
        elif isinstance(obj, (list, tuple)):
            hasher.update(b"[" if isinstance(obj, list) else b"(")
            for item in obj:
                walk(item)
            hasher.update(b"]")
        elif isinstance(obj, dict):
            hasher.update(b"{")
            for key, item in obj.items():
                walk(key)
                walk(item)
            hasher.update(b"}")
        else:
            hasher.update(repr((type(obj).__name__, obj)).encode())

    walk(value)
    return hasher.hexdigest()


# --------------------------------------------------------------------------------------------
# the kernel's side
# --------------------------------------------------------------------------------------------


def _kernel_callback(tag: dict, raw_input: Callable[[str], str]) -> Callable[..., Any]:
    """A stand-in, in the kernel, for a trusted function: each call asks the trusted side."""
    number = tag.get("k")

    def callback(*args: Any, **kwargs: Any) -> Any:
        request = to_text({"k": number, "args": encode(list(args)), "kwargs": encode(kwargs)})
        reply = from_text(raw_input(CALLBACK_PROMPT + request), 1 << 30)
        if reply.get("ok"):
            return decode(reply.get("value"))
        name, message = reply.get("error", ["RuntimeError", "the function failed"])
        kind = getattr(builtins, str(name), None)
        if not (isinstance(kind, type) and issubclass(kind, Exception)):
            kind = RuntimeError
        raise kind(message)

    callback.__name__ = f"given_function_{number}"
    return callback


def serve(request: str, namespace: dict, raw_input: Callable[[str], str] | None = None) -> str:
    """Answer one request of the trusted runner, in the student's kernel.

    Parameters
    ----------
    request : str
        :func:`to_text` of ``{"op": "resolve", "names": [...]}`` (what each name is: a function,
        data, or missing) or ``{"op": "call", "name": ..., "args": ..., "kwargs": ...,
        "globals": ...}`` (set the globals, call the function, return its value and the
        arguments it changed).
    namespace : dict
        The notebook's globals.
    raw_input : callable, optional
        How the kernel asks the trusted side a question (default: the kernel's stdin channel).

    Returns
    -------
    str
        The reply, :func:`to_text` of a dict.
    """
    message = from_text(request, 1 << 31)
    if message.get("op") == "resolve":
        found = {}
        for name in message.get("names", []):
            if name not in namespace:
                found[name] = {"kind": "missing"}
            elif callable(namespace[name]):
                found[name] = {"kind": "function"}
            else:
                try:
                    found[name] = {"kind": "data", "value": encode(namespace[name])}
                except WireError as exc:
                    found[name] = {"kind": "other", "type": str(exc)}
        return to_text({"ok": True, "names": found})

    def function(tag: dict) -> Any:
        if "f" in tag:
            return namespace[tag["f"]]
        if raw_input is not None:
            return _kernel_callback(tag, raw_input)
        from IPython import get_ipython  # noqa: PLC0415 - only inside a kernel

        return _kernel_callback(tag, get_ipython().kernel.raw_input)

    target = None
    try:
        for name, value in decode(message.get("globals", {"d": []})).items():
            namespace[name] = value
        target = namespace[message["name"]]
        args = decode(message.get("args", []), function)
        kwargs = decode(message.get("kwargs", {"d": []}), function)
        before = [digest(a) if not callable(a) else None for a in args]
        before_kw = {k: digest(v) if not callable(v) else None for k, v in kwargs.items()}
        value = target(*args, **kwargs)
        try:
            encoded = encode(value)
        except WireError as exc:
            raise TypeError(
                f"{message['name']} returned {exc}; the tests can check only numbers, strings, "
                "booleans, None, NumPy arrays of numbers and lists, tuples or dicts of these"
            ) from None
        changed = {
            str(i): encode(a) for i, a in enumerate(args)
            if before[i] is not None and digest(a) != before[i]
        }
        changed.update({
            f"={k}": encode(v) for k, v in kwargs.items()
            if before_kw[k] is not None and digest(v) != before_kw[k]
        })
        return to_text({"ok": True, "value": encoded, "changed": changed})
    except KeyboardInterrupt:
        return to_text({"ok": False, "error": ["KeyboardInterrupt", "interrupted"]})
    except BaseException as exc:  # noqa: BLE001 - every failure of the answer is reported
        return to_text({"ok": False, "error": error_pair(exc), "where": _where(exc, target)})
