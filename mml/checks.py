"""Assertions for notebook test cells, with messages a learner can act on.

Every test cell of the course calls these helpers instead of bare ``assert`` or
``numpy.testing``. They

* convert answers to plain ``float`` arrays;
* accept only real numeric types (``int``, ``float``, NumPy scalars and arrays of numbers, lists
  and tuples of those), compared by identity, so an object whose ``==`` is always true, a custom
  subclass or an array of Python objects cannot pass either;
* raise :class:`CheckFailed` (an ``AssertionError``) whose message says what was checked, what was
  expected, what came back, and a hint;
* accept complex answers whose imaginary parts are rounding errors (:data:`IMAGINARY_TOLERANCE`)
  as real, and fail clearly on larger ones;
* hide their own frames from IPython's tracebacks (``__tracebackhide__``), so the learner's
  message comes first.

Test cells call the learner's functions through :func:`call` (``checks.call(PCA, X, 1,
returns=4)``): an exception, a missing ``return`` or a wrong number of returned values is then
reported with the function's name, the shapes of its arguments, the line of the learner's code
and a hint (NumPy 2 removals included), never as a bare error from the test's own unpacking.

Where they run
--------------
In JupyterLab and with *Validate* the tests run in the learner's kernel. While a submission is
autograded they run in a trusted process of the grader, where no student code runs; the
learner's functions are called through a data-only channel (``mml.grading.trusted``), so
nothing a notebook does to this module, NumPy or the caller's frames can change a grade.

Example
-------
>>> from mml import checks
>>> checks.check_close([1.0, 2.0], [1, 2], name="v")
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

_NUMERIC_SCALARS = frozenset((int, float, bool))
_NUMPY_SCALARS = frozenset(
    t for t in np.sctypeDict.values()
    if issubclass(t, (np.number, np.bool_)) and not issubclass(t, np.complexfloating)
)
_NUMERIC_KINDS = "biuf"  # bool, signed, unsigned, float dtypes
_COMPLEX_SCALARS = frozenset(
    [complex] + [t for t in np.sctypeDict.values() if issubclass(t, np.complexfloating)]
)
#: Complex answers whose imaginary parts are at most this times max(1, largest absolute value)
#: are accepted as real (``np.linalg.eig`` may return ``1e-17j`` for a symmetric matrix).
IMAGINARY_TOLERANCE = 1e-8


class CheckFailed(AssertionError):
    """A test-cell check did not hold; the message is written for the learner."""


def _fail(name: str, problem: str, expected: Any = None, got: Any = None, hint: str = "") -> None:
    __tracebackhide__ = True
    lines = [f"{name}: {problem}"]
    if expected is not None:
        lines.append(f"  expected: {_format(expected)}")
    if got is not None:
        lines.append(f"  got:      {_format(got)}")
    if hint:
        lines.append(f"  hint: {hint}")
    raise CheckFailed("\n".join(lines))


def _format(value: Any) -> str:
    if type(value) is np.ndarray:
        text = np.array2string(value, precision=4, suppress_small=True, max_line_width=80)
        return text.replace("\n", "\n            ")
    if type(value) is tuple:
        return repr(tuple(int(n) for n in value))
    return str(value)


def _is_plain_scalar(kind: type) -> bool:
    return kind in _NUMERIC_SCALARS or kind in _NUMPY_SCALARS


def _plain(value: Any, name: str) -> Any:
    """Return ``value`` as nested plain Python/NumPy numeric data, or fail.

    Complex numbers and arrays are replaced by their real parts if the imaginary parts are
    negligible (see :data:`IMAGINARY_TOLERANCE`), and fail otherwise.
    """
    __tracebackhide__ = True
    kind = type(value)
    if _is_plain_scalar(kind):
        return value
    if kind in _COMPLEX_SCALARS:
        return _real_part(np.array(value), name)[()]
    if kind is np.ndarray:
        if value.dtype.kind == "c":
            return _real_part(value, name)
        if value.dtype.kind not in _NUMERIC_KINDS:
            _fail(
                name,
                f"is an array of {value.dtype.name}, not of numbers",
                hint="return an array of numbers (for example dtype float)",
            )
        return value
    if kind is list or kind is tuple:
        return [_plain(item, name) for item in value]
    _fail(
        name,
        f"returned an object of type {kind.__name__!s}, not numbers",
        hint="return a NumPy array (or a Python number), not a custom object",
    )


def _real_part(value: np.ndarray, name: str) -> np.ndarray:
    """The real part of a complex array, if its imaginary part is negligible; else fail."""
    __tracebackhide__ = True
    if value.size == 0:
        return np.array(value.real, dtype=np.float64)
    imaginary = float(np.maximum.reduce(np.absolute(value.imag), axis=None))
    scale = float(np.maximum.reduce(np.absolute(value), axis=None))
    allowed = IMAGINARY_TOLERANCE * (scale if scale > 1.0 else 1.0)
    if not imaginary <= allowed:  # also true for NaN
        _fail(
            name,
            f"has complex values (imaginary parts up to {imaginary:.3g})",
            hint="this answer is real: imaginary parts of rounding size (relative "
            f"{IMAGINARY_TOLERANCE:g}) are accepted, larger ones point at a mistake earlier on",
        )
    return np.array(value.real, dtype=np.float64)


def _as_float_array(value: Any, name: str) -> np.ndarray:
    __tracebackhide__ = True
    if value is None:
        _fail(name, "returned None", hint="did you forget the `return` statement?")
    plain = _plain(value, name)
    try:
        result = np.array(plain, dtype=np.float64, copy=True)
    except (TypeError, ValueError) as exc:
        _fail(name, f"could not be read as an array of numbers ({exc})")
    if type(result) is not np.ndarray:
        _fail(name, "could not be read as a plain array of numbers")
    return result


def as_float_array(value: Any, name: str = "value") -> np.ndarray:
    """Convert an answer to a plain float64 ``ndarray``, failing clearly if it is not numeric.

    Parameters
    ----------
    value : int, float, NumPy scalar or array, or (nested) list/tuple of those
    name : str
        What the value is, for the message (for example ``"fixRowTwo(A)"``).

    Returns
    -------
    numpy.ndarray of dtype float64, a copy that shares no memory with ``value``.
    """
    __tracebackhide__ = True
    return _as_float_array(value, name)


def check_shape(value: Any, shape: Sequence[int], name: str = "value", hint: str = "") -> None:
    """Check that ``value`` (converted with :func:`as_float_array`) has exactly ``shape``."""
    __tracebackhide__ = True
    arr = _as_float_array(value, name)
    want = tuple(int(n) for n in shape)
    if arr.shape != want:
        _fail(name, "has the wrong shape", expected=want, got=arr.shape, hint=hint)


def check_close(
    value: Any,
    expected: Any,
    name: str = "value",
    *,
    rtol: float = 1e-7,
    atol: float = 1e-9,
    hint: str = "",
    shape: bool = True,
) -> None:
    """Check that ``value`` equals ``expected`` within tolerances, element by element.

    Parameters
    ----------
    value : the learner's answer (array-like of numbers)
    expected : the right answer (array-like of numbers)
    name : str
        What is being checked, shown in the message.
    rtol, atol : float
        ``|value - expected| <= atol + rtol * |expected|`` must hold everywhere.
    hint : str
        A suggestion shown when the check fails.
    shape : bool
        If True (default) the shapes must match exactly; if False only the number of elements
        must match (for answers where ``(n,)`` and ``(n, 1)`` are both allowed).
    """
    __tracebackhide__ = True
    got = _as_float_array(value, name)
    want = _as_float_array(expected, "expected")
    rtol = float(rtol)
    atol = float(atol)
    if shape and got.shape != want.shape:
        _fail(name, "has the wrong shape", expected=want.shape, got=got.shape, hint=hint)
    if got.size != want.size:
        _fail(name, "has the wrong number of entries", expected=want.size, got=got.size, hint=hint)
    got = got.reshape(want.shape)
    if not bool(np.logical_and.reduce(np.isfinite(got), axis=None)):
        _fail(name, "contains NaN or infinite values", expected=want, got=got, hint=hint)
    with np.errstate(all="ignore"):
        error = np.absolute(np.subtract(got, want))
        allowed = np.add(atol, np.multiply(rtol, np.absolute(want)))
        ok = np.logical_and.reduce(np.less_equal(error, allowed), axis=None)
    if not bool(ok):
        _fail(name, "has the wrong values", expected=want, got=got, hint=hint)


def check_true(condition: Any, message: str, name: str = "check") -> None:
    """Fail with ``message`` unless ``condition`` is a real ``True`` (bool or NumPy bool)."""
    __tracebackhide__ = True
    kind = type(condition)
    if kind is not bool and kind is not np.bool_:
        _fail(name, f"expected a bool, got an object of type {kind.__name__}")
    if not bool(condition):
        _fail(name, message)


def check_equal(
    value: Any, expected: bool | int | str, name: str = "value", hint: str = ""
) -> None:
    """Check a bool, int or str answer exactly; the answer must have the same plain type.

    NumPy booleans and integers are accepted where a Python ``bool`` or ``int`` is expected.
    """
    __tracebackhide__ = True
    kind = type(value)
    want_kind = type(expected)
    if want_kind is bool:
        allowed = kind is bool or kind is np.bool_
    elif want_kind is int:
        allowed = kind is int or (
            kind in _NUMPY_SCALARS and issubclass(kind, np.integer)
        )
    else:
        allowed = kind is want_kind and (kind is str or _is_plain_scalar(kind))
    if not allowed:
        _fail(name, f"should be a {want_kind.__name__}, got {kind.__name__}", hint=hint)
    if want_kind is str:
        same = str.__eq__(value, expected) is True
    elif want_kind is bool:
        same = bool(value) is bool(expected)
    else:
        same = int(value) == int(expected)
    if not same:
        _fail(name, "has the wrong value", expected=repr(expected), got=repr(value), hint=hint)


def check_raises(
    func: Callable[..., Any],
    args: Sequence[Any],
    exception: type[BaseException],
    name: str = "",
    hint: str = "",
) -> None:
    """Check that ``func(*args)`` raises ``exception`` (or a subclass of it).

    ``name`` describes the call in the message (default: the function's name and the types and
    shapes of ``args``). Another exception is reported like :func:`call` reports it: type,
    message, the line of the learner's code and a hint.
    """
    __tracebackhide__ = True
    text = name or _call_text(func, args, {})
    raised: BaseException | None = None
    try:
        func(*args)
    except BaseException as exc:  # noqa: BLE001 - we report any other exception below
        raised = exc
    if raised is not None:
        if isinstance(raised, exception):
            return
        _raised(text, raised, func, hint,
                problem=f"raised {type(raised).__name__} instead of {exception.__name__}")
    _fail(text, f"did not raise {exception.__name__}", hint=hint)


# ---------------------------------------------------------------------------------------------
# calling the learner's functions
# ---------------------------------------------------------------------------------------------

# One-line hints for errors whose message names the cause but not the fix. The first pattern
# found in "<type name>: <message>" wins. NumPy 2 removals whose message names the replacement
# are handled in _hint_for (the message is rewritten as "`np.X` is gone in NumPy 2: use ...").
_ERROR_HINTS = (
    ("NotImplementedError", "replace `raise NotImplementedError()` with your code"),
    ("only 0-dimensional arrays can be converted",
     "NumPy 2 converts only single numbers to float or int: take the entry out first, with "
     "`x.item()` or an index such as `x[0, 0]`"),
    ("only length-1 arrays can be converted",
     "NumPy converts only single numbers to float or int: take the entry out first, with "
     "`x.item()` or an index such as `x[0, 0]`"),
    ("values to unpack",
     "an unpacking `a, b = ...` got a different number of values than names: print the "
     "shape or the length of what is unpacked"),
    ("mismatch in its core dimension",
     "the inner sizes of `@` must agree: compare the shapes of both sides; a vector may be "
     "(D,) or (D, 1), and a transpose may be missing"),
    ("could not be broadcast",
     "the shapes do not fit together: print the shapes of both sides (a vector may be (D,) "
     "or (D, 1))"),
    ("Singular matrix", "the matrix cannot be inverted: check which matrix is passed to "
     "`inv`/`solve`, or whether a special case must be handled before"),
    ("index", "an index is outside the array: print the shape and check the range of the loop "
     "(Python counts from 0 to n - 1)"),
    ("NameError", "a name is used that is not defined here: define it in your answer cell, or "
     "run the cells above it (Kernel > Restart Kernel and Run All Cells)"),
    ("RecursionError", "the function calls itself without end: check the stopping case"),
)
_REMOVED_IN_NUMPY_2 = "was removed in the NumPy 2.0 release"


def _hint_for(kind: str, message: str) -> str:
    """A one-line hint for an exception of type name ``kind`` with ``message`` ("" if none)."""
    if _REMOVED_IN_NUMPY_2 in message:
        removed, _, rest = message.partition(" was removed")
        replacement = rest.partition("Use ")[2].partition(" instead")[0]
        if replacement:
            return f"{removed} is gone in NumPy 2: use {replacement}"
        return f"{removed} is gone in NumPy 2: see the NumPy 2 migration guide"
    text = f"{kind}: {message}"
    for pattern, hint in _ERROR_HINTS:
        if pattern in text:
            return hint
    return ""


def _describe(value: Any) -> str:
    """A short description of an argument or a returned value: its type and shape, not data."""
    kind = type(value)
    if kind is np.ndarray:
        return f"array of shape {_format(value.shape)}"
    if value is None or kind is bool or _is_plain_scalar(kind):
        return repr(value)
    if kind is list or kind is tuple:
        return f"{kind.__name__} of length {len(value)}"
    if kind is str:
        return repr(value) if len(value) <= 30 else "a string"
    name = getattr(value, "__name__", None)
    if callable(value):
        return name if isinstance(name, str) else "a function"
    return f"an object of type {kind.__name__}"


def _function_name(func: Any) -> str:
    name = getattr(func, "__name__", None)
    return name if isinstance(name, str) and name != "<lambda>" else "the function"


def _call_text(func: Any, args: Sequence[Any], kwargs: dict) -> str:
    parts = [_describe(a) for a in args] + [f"{k}={_describe(v)}" for k, v in kwargs.items()]
    return f"{_function_name(func)}({', '.join(parts)})"


def _learner_line(error: BaseException, func: Any) -> str:
    """``line N of F: `code``` in the learner's function ``func`` where ``error`` left it, or "".

    Only the frame of ``func`` itself is shown, never a deeper one: a deeper frame may belong to
    a function that a hidden test passed in, whose code must stay hidden.
    """
    where = getattr(error, "learner_line", None)  # found in the kernel while grading
    if isinstance(where, str):
        return where
    code = getattr(func, "__code__", None)
    tb = error.__traceback__
    while tb is not None and code is not None:
        if tb.tb_frame.f_code is code:
            line = linecache.getline(code.co_filename, tb.tb_lineno).strip()
            return f"line {tb.tb_lineno} of {code.co_name}: `{line}`" if line else ""
        tb = tb.tb_next
    return ""


def _raised(
    call_text: str, error: BaseException, func: Any, hint: str = "", problem: str = ""
) -> None:
    """Fail with a message about ``error``, raised by the learner's ``call_text``."""
    __tracebackhide__ = True
    kind = type(error).__name__
    message = str(error)
    lines = [f"{call_text} {problem or 'raised ' + kind}: {message}".rstrip(": ")]
    where = _learner_line(error, func)
    if where:
        lines.append(f"  at {where}")
    for advice in (_hint_for(kind, message), hint):
        if advice:
            lines.append(f"  hint: {advice}")
    raise CheckFailed("\n".join(lines)) from None


def call(
    func: Callable[..., Any],
    *args: Any,
    returns: int | Sequence[str] | None = None,
    conventions: dict[int, str] | None = None,
    hint: str = "",
    **kwargs: Any,
) -> Any:
    """Call a learner's function and report any failure by the function's name.

    Test cells call the learner's functions through this helper, so that an exception, a
    missing ``return`` or a wrong number of returned values gives a message that names the
    function, the arguments (by type and shape), what came back and what to change, instead of a
    bare ``ValueError`` from the test's own unpacking.

    Parameters
    ----------
    func : callable
        The learner's function.
    *args, **kwargs
        Its arguments.
    returns : None, int or sequence of str
        ``None``: any value is accepted. ``1``: exactly one value, not ``None``. A number ``n > 1``
        or the names of the values (``("Xbar", "mean")``): a tuple or list of exactly that many
        values.
    conventions : dict of int to str, optional
        Messages for a known other convention, by the number of values it returns, e.g.
        ``{3: "this course's normalize returns (Xbar, mean) only"}``; a single returned value
        (not a tuple) counts as 1.
    hint : str
        Shown when the call raises.

    Returns
    -------
    What ``func`` returned (a tuple or list when several values are expected).

    Raises
    ------
    CheckFailed
        If the call raises, or returns ``None`` or the wrong number of values.

    Examples
    --------
    >>> Xbar, mean = checks.call(normalize, X, returns=("Xbar", "mean"))
    """
    __tracebackhide__ = True
    text = _call_text(func, args, kwargs)
    try:
        result = func(*args, **kwargs)
    except CheckFailed:
        raise
    except BaseException as error:  # noqa: BLE001 - reported to the learner by name
        _raised(text, error, func, hint)
    if returns is None:
        return result
    names = [] if isinstance(returns, int) else list(returns)
    count = int(returns) if isinstance(returns, int) else len(names)
    wanted = f"{count} values ({', '.join(names)})" if names else f"{count} values"
    if result is None:
        _fail(text, "returned None", hint="did you forget the `return` statement?")
    several = type(result) is tuple or (count > 1 and type(result) is list)
    got = len(result) if several else 1
    if count == 1 or got == count:
        return result
    shown = "1 value, " + _describe(result) if got == 1 else f"{got} values"
    advice = (conventions or {}).get(got, f"return {', '.join(names) or wanted}, in this order")
    _fail(text, f"returned {shown}; expected {wanted}", hint=advice)
    return result  # not reached: _fail raises
