"""Assertions for notebook test cells, with messages a learner can act on.

Every test cell of the course calls these helpers instead of bare ``assert`` or
``numpy.testing``. They

* convert answers to plain ``float`` arrays with references to NumPy taken when this module is
  imported (the locked first cell of every notebook, before any answer cell runs), so an answer
  cell that monkeypatches NumPy cannot make a wrong answer pass;
* accept only real numeric types (``int``, ``float``, NumPy scalars and arrays, lists and tuples
  of those), so an object whose ``==`` is always true cannot pass either;
* raise :class:`CheckFailed` (an ``AssertionError``) whose message says what was checked, what was
  expected, what came back, and a hint.

Example
-------
>>> from mml import checks
>>> checks.check_close([1.0, 2.0], [1, 2], name="v")
"""

from __future__ import annotations

import builtins as _builtins
from collections.abc import Callable, Sequence
from typing import Any

import numpy as _numpy

# References taken at import time, before any student code runs.
_array = _numpy.array
_asarray = _numpy.asarray
_ndarray = _numpy.ndarray
_generic = _numpy.generic
_isfinite = _numpy.isfinite
_abs = _numpy.abs
_all = _numpy.all
_any = _numpy.any
_max = _numpy.max
_sum = _numpy.sum
_float64 = _numpy.float64
_array2string = _numpy.array2string
_errstate = _numpy.errstate
_type = _builtins.type
_isinstance = _builtins.isinstance
_len = _builtins.len
_float = _builtins.float
_bool = _builtins.bool
_int = _builtins.int
_tuple = _builtins.tuple
_list = _builtins.list
_str = _builtins.str
_repr = _builtins.repr
_BaseException = _builtins.BaseException

_NUMERIC_SCALARS = (_int, _float, _bool)


class CheckFailed(AssertionError):
    """A test-cell check did not hold; the message is written for the learner."""


def _fail(name: str, problem: str, expected: Any = None, got: Any = None, hint: str = "") -> None:
    lines = [f"{name}: {problem}"]
    if expected is not None:
        lines.append(f"  expected: {_format(expected)}")
    if got is not None:
        lines.append(f"  got:      {_format(got)}")
    if hint:
        lines.append(f"  hint: {hint}")
    raise CheckFailed("\n".join(lines))


def _format(value: Any) -> str:
    if _type(value) is _ndarray:
        text = _array2string(value, precision=4, suppress_small=True, max_line_width=80)
        return text.replace("\n", "\n            ")
    return _str(value)


def _plain(value: Any, name: str) -> Any:
    """Return ``value`` as nested plain Python/NumPy numeric data, or fail."""
    kind = _type(value)
    if kind in _NUMERIC_SCALARS or kind is _ndarray:
        return value
    if _isinstance(value, _generic) and kind.__module__ == "numpy":
        return value
    if kind is _list or kind is _tuple:
        return [_plain(item, name) for item in value]
    _fail(
        name,
        f"returned an object of type {kind.__name__!s}, not numbers",
        hint="return a NumPy array (or a Python number), not a custom object",
    )


def as_float_array(value: Any, name: str = "value") -> _numpy.ndarray:
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
    if value is None:
        _fail(name, "returned None", hint="did you forget the `return` statement?")
    plain = _plain(value, name)
    try:
        result = _array(plain, dtype=_float64, copy=True)
    except (TypeError, ValueError) as exc:
        _fail(name, f"could not be read as an array of numbers ({exc})")
    if _type(result) is not _ndarray:
        _fail(name, "could not be read as a plain array of numbers")
    return result


def check_shape(value: Any, shape: Sequence[int], name: str = "value", hint: str = "") -> None:
    """Check that ``value`` (converted with :func:`as_float_array`) has exactly ``shape``."""
    arr = as_float_array(value, name)
    want = _tuple(_int(n) for n in shape)
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
    got = as_float_array(value, name)
    want = as_float_array(expected, "expected")
    if shape and got.shape != want.shape:
        _fail(name, "has the wrong shape", expected=want.shape, got=got.shape, hint=hint)
    if got.size != want.size:
        _fail(name, "has the wrong number of entries", expected=want.size, got=got.size, hint=hint)
    got = got.reshape(want.shape)
    if not _bool(_all(_isfinite(got))):
        _fail(name, "contains NaN or infinite values", expected=want, got=got, hint=hint)
    with _errstate(all="ignore"):
        ok = _all(_abs(got - want) <= atol + rtol * _abs(want))
    if not _bool(ok):
        _fail(name, "has the wrong values", expected=want, got=got, hint=hint)


def check_true(condition: Any, message: str, name: str = "check") -> None:
    """Fail with ``message`` unless ``condition`` is a real ``True`` (bool or NumPy bool)."""
    kind = _type(condition)
    if kind is not _bool and kind is not _numpy.bool_:
        _fail(name, f"expected a bool, got an object of type {kind.__name__}")
    if not _bool(condition):
        _fail(name, message)


def check_equal(value: Any, expected: bool | int | str, name: str = "value", hint: str = "") -> None:
    """Check a bool, int or str answer exactly; the answer must have the same plain type.

    NumPy booleans and integers are accepted where a Python ``bool`` or ``int`` is expected.
    """
    kind = _type(value)
    want_kind = _type(expected)
    if want_kind is _bool:
        allowed = kind is _bool or kind is _numpy.bool_
    elif want_kind is _int:
        allowed = kind is _int or (_isinstance(value, _numpy.integer) and kind.__module__ == "numpy")
    else:
        allowed = kind is want_kind
    if not allowed:
        _fail(name, f"should be a {want_kind.__name__}, got {kind.__name__}", hint=hint)
    if want_kind is _str:
        same = value == expected
    else:
        same = _int(value) == _int(expected)
    if not same:
        _fail(name, "has the wrong value", expected=_repr(expected), got=_repr(value), hint=hint)


def check_raises(
    func: Callable[..., Any],
    args: Sequence[Any],
    exception: type[BaseException],
    name: str = "call",
    hint: str = "",
) -> None:
    """Check that ``func(*args)`` raises ``exception`` (or a subclass of it)."""
    try:
        func(*args)
    except _BaseException as exc:  # noqa: BLE001 - we report any other exception below
        if _isinstance(exc, exception):
            return
        _fail(name, f"raised {_type(exc).__name__} instead of {exception.__name__}: {exc}",
              hint=hint)
    _fail(name, f"did not raise {exception.__name__}", hint=hint)
