"""Assertions for notebook test cells, with messages a learner can act on.

Every test cell of the course calls these helpers instead of bare ``assert`` or
``numpy.testing``. They

* convert answers to plain ``float`` arrays with references to NumPy taken when this module is
  imported (the locked first cell of every notebook, before any answer cell runs), so an answer
  cell that monkeypatches NumPy cannot make a wrong answer pass;
* accept only real numeric types (``int``, ``float``, NumPy scalars and arrays of numbers, lists
  and tuples of those), compared by identity, so an object whose ``==`` is always true, a custom
  subclass or an array of Python objects cannot pass either;
* raise :class:`CheckFailed` (an ``AssertionError``) whose message says what was checked, what was
  expected, what came back, and a hint.

Tamper resistance
-----------------
While nbgrader autogrades (``NBGRADER_EXECUTION=autograde`` when this module is imported) a
guard (:class:`_MMLGuard`) snapshots, at import, NumPy (every loaded ``numpy`` module, including
``numpy.testing``), ``builtins``, this module, ``sys`` hooks and the IPython machinery that reports
errors. The grader (``mml.grading.sandbox``) calls the guard before every test cell and each
check calls it on entry: whatever an answer cell patched (module attributes, function code,
builtins, ``sys.modules``, trace functions, signal handlers and timers, IPython's
``showtraceback``, input and AST transformers, event hooks, and the modules, functions and
classes bound by the notebook's locked cells, such as ``np``, ``checks`` or a given function)
is put back first; a thread started by the notebook that is still running fails the test, and
new audit hooks are
refused. This is best effort: code running in the same process can in principle defeat any
in-process defence; the sandbox and the grader's own checks (reply status, error outputs) are
the other layers.

Example
-------
>>> from mml import checks
>>> checks.check_close([1.0, 2.0], [1, 2], name="v")
"""

from __future__ import annotations

import builtins as _builtins
import gc as _gc
import linecache as _linecache
import os as _os
import signal as _signal
import sys as _sys
import threading as _threading
import types as _types
from collections.abc import Callable, Sequence
from typing import Any

import numpy as _numpy
import numpy.testing as _numpy_testing  # noqa: F401 - loaded so that the guard protects it

# References taken at import time, before any student code runs. Ufuncs and their methods are
# C objects that cannot be patched; module attributes are only read here, once.
_array = _numpy.array
_ndarray = _numpy.ndarray
_generic = _numpy.generic
_isfinite = _numpy.isfinite
_absolute = _numpy.absolute
_subtract = _numpy.subtract
_add = _numpy.add
_multiply = _numpy.multiply
_less_equal = _numpy.less_equal
_all_true = _numpy.logical_and.reduce
_float64 = _numpy.float64
_bool_ = _numpy.bool_
_integer = _numpy.integer
_array2string = _numpy.array2string
_errstate = _numpy.errstate
_type = _builtins.type
_isinstance = _builtins.isinstance
_issubclass = _builtins.issubclass
_id = _builtins.id
_len = _builtins.len
_float = _builtins.float
_bool = _builtins.bool
_int = _builtins.int
_tuple = _builtins.tuple
_list = _builtins.list
_str = _builtins.str
_repr = _builtins.repr
_BaseException = _builtins.BaseException
_settrace = _sys.settrace
_setprofile = _sys.setprofile

_NUMERIC_SCALAR_IDS = frozenset(_id(t) for t in (_int, _float, _bool))
_NUMPY_SCALAR_IDS = frozenset(
    _id(t)
    for t in set(_numpy.sctypeDict.values())
    if _issubclass(t, (_numpy.number, _bool_)) and not _issubclass(t, _numpy.complexfloating)
)
_NUMERIC_KINDS = "biuf"  # bool, signed, unsigned, float dtypes
_COMPLEX_SCALAR_IDS = frozenset(
    [_id(complex)]
    + [_id(t) for t in set(_numpy.sctypeDict.values()) if _issubclass(t, _numpy.complexfloating)]
)
_maximum_reduce = _numpy.maximum.reduce
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
    if _type(value) is _ndarray:
        text = _array2string(value, precision=4, suppress_small=True, max_line_width=80)
        return text.replace("\n", "\n            ")
    if _type(value) is _tuple:
        return _repr(_tuple(_int(n) for n in value))
    return _str(value)


def _is_plain_scalar(kind: type) -> bool:
    return _id(kind) in _NUMERIC_SCALAR_IDS or _id(kind) in _NUMPY_SCALAR_IDS


def _plain(value: Any, name: str) -> Any:
    """Return ``value`` as nested plain Python/NumPy numeric data, or fail.

    Complex numbers and arrays are replaced by their real parts if the imaginary parts are
    negligible (see :data:`IMAGINARY_TOLERANCE`), and fail otherwise.
    """
    __tracebackhide__ = True
    kind = _type(value)
    if _is_plain_scalar(kind):
        return value
    if _id(kind) in _COMPLEX_SCALAR_IDS:
        return _real_part(_array(value), name)[()]
    if kind is _ndarray:
        if value.dtype.kind == "c":
            return _real_part(value, name)
        if value.dtype.kind not in _NUMERIC_KINDS:
            _fail(
                name,
                f"is an array of {value.dtype.name}, not of numbers",
                hint="return an array of numbers (for example dtype float)",
            )
        return value
    if kind is _list or kind is _tuple:
        return [_plain(item, name) for item in value]
    _fail(
        name,
        f"returned an object of type {kind.__name__!s}, not numbers",
        hint="return a NumPy array (or a Python number), not a custom object",
    )


def _real_part(value: _numpy.ndarray, name: str) -> _numpy.ndarray:
    """The real part of a complex array, if its imaginary part is negligible; else fail."""
    __tracebackhide__ = True
    if value.size == 0:
        return _array(value.real, dtype=_float64)
    imaginary = _float(_maximum_reduce(_absolute(value.imag), axis=None))
    scale = _float(_maximum_reduce(_absolute(value), axis=None))
    allowed = IMAGINARY_TOLERANCE * (scale if scale > 1.0 else 1.0)
    if not imaginary <= allowed:  # also true for NaN
        _fail(
            name,
            f"has complex values (imaginary parts up to {imaginary:.3g})",
            hint="this answer is real: imaginary parts of rounding size (relative "
            f"{IMAGINARY_TOLERANCE:g}) are accepted, larger ones point at a mistake earlier on",
        )
    return _array(value.real, dtype=_float64)


def _make_self_repair() -> tuple[Callable[[], None], dict, list]:
    """A function that puts this module's globals and function code back from a snapshot.

    It only uses the references in its closure (no global or builtin lookups), so replacing
    ``mml.checks._restore`` or the code of a check cannot disable it. The snapshot is taken at
    the end of the module, when grading.
    """
    namespace = globals()
    saved: dict = {}
    functions: list = []
    missing = object()

    def repair() -> None:
        for key, value in saved.items():
            if namespace.get(key, missing) is not value:
                namespace[key] = value
        for func, code, defaults, kwdefaults in functions:
            if func.__code__ is not code:
                func.__code__ = code
            if func.__defaults__ is not defaults:
                func.__defaults__ = defaults
            if func.__kwdefaults__ is not kwdefaults:
                func.__kwdefaults__ = kwdefaults
        namespace["_restore_for_check"]()

    return repair, saved, functions


_self_repair, _SELF_SAVED, _SELF_FUNCTIONS = _make_self_repair()


def _guarded(func: Callable[..., Any], repair: Callable[[], None] = _self_repair) -> Callable:
    """Restore the checking tools (see :class:`_MMLGuard`) before ``func`` runs."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _GRADING:
            repair()
        return func(*args, **kwargs)

    wrapper.__name__ = func.__name__
    wrapper.__qualname__ = func.__qualname__
    wrapper.__doc__ = func.__doc__
    wrapper.__wrapped__ = func  # type: ignore[attr-defined]
    wrapper.__module__ = func.__module__
    return wrapper


def _as_float_array(value: Any, name: str) -> _numpy.ndarray:
    __tracebackhide__ = True
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


@_guarded
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
    __tracebackhide__ = True
    return _as_float_array(value, name)


@_guarded
def check_shape(value: Any, shape: Sequence[int], name: str = "value", hint: str = "") -> None:
    """Check that ``value`` (converted with :func:`as_float_array`) has exactly ``shape``."""
    __tracebackhide__ = True
    arr = _as_float_array(value, name)
    want = _tuple(_int(n) for n in shape)
    if arr.shape != want:
        _fail(name, "has the wrong shape", expected=want, got=arr.shape, hint=hint)


@_guarded
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
    rtol = _float(rtol)
    atol = _float(atol)
    if shape and got.shape != want.shape:
        _fail(name, "has the wrong shape", expected=want.shape, got=got.shape, hint=hint)
    if got.size != want.size:
        _fail(name, "has the wrong number of entries", expected=want.size, got=got.size, hint=hint)
    got = got.reshape(want.shape)
    if not _bool(_all_true(_isfinite(got), axis=None)):
        _fail(name, "contains NaN or infinite values", expected=want, got=got, hint=hint)
    with _errstate(all="ignore"):
        error = _absolute(_subtract(got, want))
        allowed = _add(atol, _multiply(rtol, _absolute(want)))
        ok = _all_true(_less_equal(error, allowed), axis=None)
    if not _bool(ok):
        _fail(name, "has the wrong values", expected=want, got=got, hint=hint)


@_guarded
def check_true(condition: Any, message: str, name: str = "check") -> None:
    """Fail with ``message`` unless ``condition`` is a real ``True`` (bool or NumPy bool)."""
    __tracebackhide__ = True
    kind = _type(condition)
    if kind is not _bool and kind is not _bool_:
        _fail(name, f"expected a bool, got an object of type {kind.__name__}")
    if not _bool(condition):
        _fail(name, message)


@_guarded
def check_equal(
    value: Any, expected: bool | int | str, name: str = "value", hint: str = ""
) -> None:
    """Check a bool, int or str answer exactly; the answer must have the same plain type.

    NumPy booleans and integers are accepted where a Python ``bool`` or ``int`` is expected.
    """
    __tracebackhide__ = True
    kind = _type(value)
    want_kind = _type(expected)
    if want_kind is _bool:
        allowed = kind is _bool or kind is _bool_
    elif want_kind is _int:
        allowed = kind is _int or (
            _id(kind) in _NUMPY_SCALAR_IDS and _issubclass(kind, _integer)
        )
    else:
        allowed = kind is want_kind and (kind is _str or _is_plain_scalar(kind))
    if not allowed:
        _fail(name, f"should be a {want_kind.__name__}, got {kind.__name__}", hint=hint)
    if want_kind is _str:
        same = _str.__eq__(value, expected) is True
    elif want_kind is _bool:
        same = _bool(value) is _bool(expected)
    else:
        same = _int(value) == _int(expected)
    if not same:
        _fail(name, "has the wrong value", expected=_repr(expected), got=_repr(value), hint=hint)


@_guarded
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
    except _BaseException as exc:  # noqa: BLE001 - we report any other exception below
        raised = exc
    if _GRADING:
        _restore_for_check()  # the learner's code ran in between
    if raised is not None:
        if _isinstance(raised, exception):
            return
        _raised(text, raised, hint,
                problem=f"raised {_type(raised).__name__} instead of {exception.__name__}")
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
     "the shapes do not fit together: print them; (D,) and (D, 1) combine into a (D, D) array"),
    ("Singular matrix", "the matrix cannot be inverted: check which matrix is passed to "
     "`inv`/`solve`, or whether a special case must be handled before"),
    ("index", "an index is outside the array: print the shape and check the range of the loop "
     "(Python counts from 0 to n - 1)"),
    ("NameError", "a name is used that is not defined here: define it in your answer cell, or "
     "run the cells above it (Kernel > Restart Kernel and Run All Cells)"),
    ("RecursionError", "the function calls itself without end: check the stopping case"),
)
_REMOVED_IN_NUMPY_2 = "was removed in the NumPy 2.0 release"
_LIBRARY_DIRS = _tuple(
    _os.path.dirname(_os.path.abspath(path)) for path in (__file__, _numpy.__file__)
)


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
    kind = _type(value)
    if kind is _ndarray:
        return f"array of shape {_format(value.shape)}"
    if value is None or kind is _bool or _is_plain_scalar(kind):
        return _repr(value)
    if kind is _list or kind is _tuple:
        return f"{kind.__name__} of length {_len(value)}"
    if kind is _str:
        return _repr(value) if _len(value) <= 30 else "a string"
    name = getattr(value, "__name__", None)
    if callable(value):
        return name if _isinstance(name, _str) else "a function"
    return f"an object of type {kind.__name__}"


def _function_name(func: Any) -> str:
    name = getattr(func, "__name__", None)
    return name if _isinstance(name, _str) and name != "<lambda>" else "the function"


def _call_text(func: Any, args: Sequence[Any], kwargs: dict) -> str:
    parts = [_describe(a) for a in args] + [f"{k}={_describe(v)}" for k, v in kwargs.items()]
    return f"{_function_name(func)}({', '.join(parts)})"


def _learner_line(error: BaseException) -> str:
    """``line N of F: `code``` for the innermost frame of the learner's code, or ""."""
    found = ""
    tb = error.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if not code.co_filename.startswith(_LIBRARY_DIRS):
            line = _linecache.getline(code.co_filename, tb.tb_lineno).strip()
            if line:
                found = f"line {tb.tb_lineno} of {code.co_name}: `{line}`"
        tb = tb.tb_next
    return found


def _raised(call_text: str, error: BaseException, hint: str = "", problem: str = "") -> None:
    """Fail with a message about ``error``, raised by the learner's ``call_text``."""
    __tracebackhide__ = True
    kind = _type(error).__name__
    message = _str(error)
    lines = [f"{call_text} {problem or 'raised ' + kind}: {message}".rstrip(": ")]
    where = _learner_line(error)
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
    except _BaseException as error:  # noqa: BLE001 - reported to the learner by name
        _raised(text, error, hint)
    if returns is None:
        return result
    names = [] if _isinstance(returns, _int) else _list(returns)
    count = _int(returns) if _isinstance(returns, _int) else _len(names)
    wanted = f"{count} values ({', '.join(names)})" if names else f"{count} values"
    if result is None:
        _fail(text, "returned None", hint="did you forget the `return` statement?")
    several = _type(result) is _tuple or (count > 1 and _type(result) is _list)
    got = _len(result) if several else 1
    if count == 1 or got == count:
        return result
    shown = "1 value, " + _describe(result) if got == 1 else f"{got} values"
    advice = (conventions or {}).get(got, f"return {', '.join(names) or wanted}, in this order")
    _fail(text, f"returned {shown}; expected {wanted}", hint=advice)
    return result  # not reached: _fail raises


# ---------------------------------------------------------------------------------------------
# the guard
# ---------------------------------------------------------------------------------------------

_GRADING = _os.environ.get("NBGRADER_EXECUTION") == "autograde"
_MISSING = object()
# modules whose added attributes are removed again (others only get changed ones put back)
_STRICT_MODULES = ("builtins", "numpy", "numpy.testing", "numpy.linalg", __name__)
# IPython attributes (on the shell) that hold lists a submission could add transformers to
_SHELL_LISTS = ("ast_transformers", "input_transformers_cleanup", "input_transformers_post")
_SKIP_NAMES = frozenset({"In", "Out", "exit", "quit", "get_ipython", "__builtins__", "__name__"})


class _GuardMeta(type):
    """Metaclass that makes the guard class read-only."""

    def __setattr__(cls, name: str, value: Any) -> None:
        raise AttributeError("the checking tools are read-only")

    def __delattr__(cls, name: str) -> None:
        raise AttributeError("the checking tools are read-only")


class _FrozenModule(_types.ModuleType):
    """Module type of :mod:`mml.checks` while grading: attributes cannot be reassigned."""

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"mml.checks.{name} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"mml.checks.{name} is read-only")


def _functions_of(namespace: dict) -> list[tuple[Any, Any, Any, Any]]:
    found = []
    for value in _list(namespace.values()):
        if _type(value) is _types.FunctionType:
            found.append((value, value.__code__, value.__defaults__, value.__kwdefaults__))
    return found


def _snapshot_class(cls: type) -> tuple[type, dict]:
    return cls, _builtins.dict(cls.__dict__)


class _MMLGuard(metaclass=_GuardMeta):
    """Snapshot of the checking tools, restored before every test cell while grading.

    The grader calls :meth:`entry` from the kernel with ``"before"`` (a locked cell is about to
    run), ``"after"`` (it ran: the names it bound are trusted from now on), ``"test"`` (a test
    cell is about to run: restore everything, then behave as ``"before"``) or ``"after-test"``
    (a test cell ran: trust its names, but do not restore them in the middle of later cells).
    """

    state: dict = {}

    @staticmethod
    def entry(mode: str, _repair: Callable[[], None] = _self_repair) -> str:
        """Called by the grader (see the class docstring); returns ``"mml-guard-ok:<mode>"``."""
        _repair()
        _dispatch(mode)
        return "mml-guard-ok:" + mode


def _dispatch(mode: str) -> None:
    if mode == "test":
        _restore(full=True)
        _check_threads()
        _before()
    elif mode == "before":
        _before()
    elif mode in ("after", "after-test"):
        _after(setup=mode == "after")
    elif mode == "modules":  # right after the kernel started: everything is trusted
        _snapshot_new_modules()
        _trust_current_hooks()


def _shell() -> Any:
    ipython = _sys.modules.get("IPython")
    if ipython is None:
        return None
    try:
        return ipython.get_ipython()
    except Exception:  # noqa: BLE001 - no shell, nothing to protect
        return None


def _protected(mod_name: str) -> bool:
    return mod_name in ("builtins", "math", "mml") or mod_name.startswith(("numpy", "mml."))


def _snapshot_new_modules() -> None:
    """Add the protected modules loaded since the last snapshot (e.g. ``mml.pca.pca_checks``)."""
    state = _MMLGuard.state
    if not state:
        return
    modules = state["modules"]
    for mod_name, module in _list(_sys.modules.items()):
        if module is not None and mod_name not in modules and _protected(mod_name):
            namespace = _builtins.dict(module.__dict__)
            modules[mod_name] = (module, namespace)
            state["functions"].extend(_functions_of(namespace))


def _trust_current_hooks() -> None:
    """Trust the IPython event hooks and transformers registered so far (e.g. by matplotlib)."""
    state = _MMLGuard.state
    shell = state.get("shell") if state else None
    if shell is None:
        return
    events = getattr(shell, "events", None)
    if events is not None:
        state["events"] = {name: _list(cbs) for name, cbs in events.callbacks.items()}
    state["shell_lists"] = {name: _list(getattr(shell, name, [])) for name in _SHELL_LISTS}


def _take_snapshot() -> None:
    state = _MMLGuard.state
    modules = {}
    for mod_name, module in _list(_sys.modules.items()):
        if module is not None and (_protected(mod_name) or mod_name == __name__):
            modules[mod_name] = (module, _builtins.dict(module.__dict__))
    state["modules"] = modules
    functions = []
    for _module, namespace in modules.values():
        functions.extend(_functions_of(namespace))
    # our own wrappers' closures point at the real checks
    state["cells"] = []
    for _module, namespace in (modules[__name__],):
        for value in namespace.values():
            closure = getattr(value, "__closure__", None) if _type(value) is _types.FunctionType \
                else None
            for cell in closure or ():
                state["cells"].append((cell, cell.cell_contents))
    state["functions"] = functions
    state["sys"] = {
        "excepthook": _sys.excepthook,
        "displayhook": _sys.displayhook,
        "stdout": _sys.stdout,
        "stderr": _sys.stderr,
    }
    state["signals"] = _signal_handlers()
    state["gc_callbacks"] = _list(_gc.callbacks)
    state["threads"] = _builtins.set(_sys._current_frames())
    state["trusted"] = {}  # name -> module, function or class bound by a locked cell
    state["trusted_setup"] = {}  # those bound by locked cells that are not tests
    state["trusted_functions"] = []
    state["before"] = None
    shell = _shell()
    state["shell"] = shell
    if shell is None:
        return
    classes: list[type] = []
    owners = [shell, getattr(shell, "kernel", None), getattr(shell, "displayhook", None),
              getattr(shell, "display_pub", None), getattr(shell, "events", None),
              getattr(getattr(shell, "kernel", None), "session", None)]
    for owner in owners:
        if owner is None:
            continue
        for cls in _type(owner).__mro__:
            if cls is not object and cls.__module__.split(".")[0] in (
                "IPython", "ipykernel", "jupyter_client", "traitlets"
            ) and cls not in classes:
                classes.append(cls)
    state["classes"] = [_snapshot_class(cls) for cls in classes]
    state["owners"] = [(o, _builtins.set(o.__dict__)) for o in owners if o is not None]
    state["shell_lists"] = {name: _list(getattr(shell, name, [])) for name in _SHELL_LISTS}
    kernel = getattr(shell, "kernel", None)
    state["handlers"] = [
        (kernel, {
            name: _builtins.dict(getattr(kernel, name))
            for name in ("shell_handlers", "control_handlers")
            if _isinstance(getattr(kernel, name, None), _builtins.dict)
        })
    ] if kernel is not None else []
    manager = getattr(shell, "input_transformer_manager", None)
    state["manager_lists"] = (
        {
            name: _list(getattr(manager, name))
            for name in ("cleanup_transforms", "line_transforms", "token_transformers")
            if _isinstance(getattr(manager, name, None), _list)
        }
        if manager is not None
        else {}
    )
    state["manager"] = manager
    state["shell_attrs"] = {
        name: getattr(shell, name, _MISSING)
        for name in ("events", "displayhook", "display_pub", "display_formatter", "compile",
                     "kernel", "user_ns", "user_global_ns")
    }
    events = getattr(shell, "events", None)
    state["events"] = (
        {name: _list(cbs) for name, cbs in events.callbacks.items()} if events is not None else {}
    )


def _signal_handlers() -> dict:
    handlers = {}
    for number in _builtins.range(1, _signal.NSIG):
        try:
            handlers[number] = _signal.getsignal(number)
        except (ValueError, OSError):
            continue
    return handlers


def _restore_signals(saved: dict) -> None:
    for timer in (_signal.ITIMER_REAL, _signal.ITIMER_VIRTUAL, _signal.ITIMER_PROF):
        if _signal.getitimer(timer) != (0.0, 0.0):
            _signal.setitimer(timer, 0)
    for number, handler in saved.items():
        try:
            if handler is not None and _signal.getsignal(number) is not handler:
                _signal.signal(number, handler)
        except (ValueError, OSError, TypeError):
            continue


_LIBRARY_PREFIXES = _tuple(
    p for p in {_sys.prefix, _sys.base_prefix, _os.path.dirname(_os.path.abspath(__file__))}
    if p
) + ("<frozen ",)


def _runs_notebook_code(frame: Any) -> bool:
    """True if a thread's stack contains code that is not from an installed library."""
    while frame is not None:
        if not frame.f_code.co_filename.startswith(_LIBRARY_PREFIXES):
            return True
        frame = frame.f_back
    return False


def _check_threads() -> None:
    """Fail if a thread running the notebook's own code (not a library's) is still alive."""
    state = _MMLGuard.state
    frames = _sys._current_frames()
    extra = [
        ident for ident, frame in frames.items()
        if ident not in state["threads"] and _runs_notebook_code(frame)
    ]
    if extra:
        raise RuntimeError(
            f"{_len(extra)} background thread(s) started by the notebook are still running"
        )


def _audit_hook(event: str, args: tuple) -> None:
    """Refuse new audit hooks once the checks are loaded (they could watch the tests run)."""
    if event == "sys.addaudithook":
        raise RuntimeError("audit hooks are not allowed while grading")


def _restore_namespace(module: Any, saved: dict, strict: bool) -> None:
    namespace = module.__dict__
    for key, value in saved.items():
        if namespace.get(key, _MISSING) is not value:
            namespace[key] = value
    if strict and _len(namespace) != _len(saved):
        prefix = _str(namespace.get("__name__", "")) + "."
        for key in [k for k in namespace if k not in saved]:
            # keep submodules loaded lazily since the snapshot (numpy 2 loads numpy.random on
            # first use); deleting them would break every later `np.random` access
            if _sys.modules.get(prefix + _str(key)) is namespace[key]:
                continue
            del namespace[key]


def _restore_functions(functions: list) -> None:
    for func, code, defaults, kwdefaults in functions:
        if func.__code__ is not code:
            func.__code__ = code
        if func.__defaults__ is not defaults:
            func.__defaults__ = defaults
        if func.__kwdefaults__ is not kwdefaults:
            func.__kwdefaults__ = kwdefaults


def _restore(full: bool) -> None:
    """Put back everything in the snapshot; ``full`` also restores IPython and trusted names."""
    state = _MMLGuard.state
    if not state:
        return
    _settrace(None)
    _setprofile(None)
    _threading.settrace(None)  # type: ignore[arg-type]
    _threading.setprofile(None)  # type: ignore[arg-type]
    if _threading.current_thread() is _threading.main_thread():
        _restore_signals(state["signals"])
    if _gc.callbacks != state["gc_callbacks"]:
        _gc.callbacks[:] = state["gc_callbacks"]
    for mod_name, (module, saved) in state["modules"].items():
        if _sys.modules.get(mod_name) is not module:
            _sys.modules[mod_name] = module
        _restore_namespace(module, saved, mod_name in _STRICT_MODULES)
    mml_package = _sys.modules.get("mml")
    if mml_package is not None and mml_package.__dict__.get("checks") is not _THIS_MODULE:
        mml_package.__dict__["checks"] = _THIS_MODULE
    _restore_functions(state["functions"])
    for cell, contents in state["cells"]:
        if cell.cell_contents is not contents:
            cell.cell_contents = contents
    for name, value in state["sys"].items():
        if getattr(_sys, name) is not value:
            setattr(_sys, name, value)
    shell = state.get("shell")
    if shell is not None:
        ns = shell.user_ns
        if ns.get("__builtins__") is not _builtins:
            ns["__builtins__"] = _builtins
        trusted = state["trusted"] if full else state["trusted_setup"]
        for name, value in trusted.items():
            if ns.get(name, _MISSING) is not value:
                ns[name] = value
        _restore_functions(state["trusted_functions"])
    if full and shell is not None:
        _restore_shell(state, shell)


def _restore_shell(state: dict, shell: Any) -> None:
    for cls, saved in state["classes"]:
        current = cls.__dict__
        for key, value in saved.items():
            if key != "_instance" and current.get(key, _MISSING) is not value:
                type.__setattr__(cls, key, value)
        for key in [k for k in current if k not in saved]:
            if callable(current[key]) or _isinstance(current[key], (property, staticmethod,
                                                                     classmethod)):
                type.__delattr__(cls, key)
    for owner, keys in state["owners"]:
        cls = _type(owner)
        for key in [k for k in owner.__dict__ if k not in keys]:
            if hasattr(cls, key):  # an instance attribute hiding a method (showtraceback...)
                del owner.__dict__[key]
    for name, value in state["shell_attrs"].items():
        if value is not _MISSING and getattr(shell, name, _MISSING) is not value:
            try:
                setattr(shell, name, value)
            except (AttributeError, TypeError):
                shell.__dict__[name] = value
    for owner, saved_handlers in state["handlers"]:
        for name, handlers in saved_handlers.items():
            current = getattr(owner, name, None)
            if _isinstance(current, _builtins.dict) and current != handlers:
                current.clear()
                current.update(handlers)
    for name, saved in state["shell_lists"].items():
        current = getattr(shell, name, None)
        if _isinstance(current, _list) and current != saved:
            current[:] = saved
    manager = state.get("manager")
    for name, saved in state["manager_lists"].items():
        current = getattr(manager, name, None)
        if _isinstance(current, _list) and current != saved:
            current[:] = saved
    events = getattr(shell, "events", None)
    if events is not None:
        for name, callbacks in events.callbacks.items():
            saved = state["events"].get(name, [])
            if [id(c) for c in callbacks] != [id(c) for c in saved]:
                callbacks[:] = saved


def _scrub_test_traces(shell: Any, state: dict) -> None:
    """Forget the source and traceback of the test cell that just ran (hidden tests)."""
    known = state.get("linecache") or _builtins.set()
    for key in [k for k in _list(_linecache.cache) if k not in known]:
        _linecache.cache.pop(key, None)
    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(_sys, name):
            setattr(_sys, name, None)
    try:
        shell.last_execution_result = None
    except Exception:  # noqa: BLE001 - not an IPython shell of the expected version
        pass
    tb_handler = getattr(shell, "InteractiveTB", None)
    if tb_handler is not None and getattr(tb_handler, "tb", None) is not None:
        tb_handler.tb = None


def _restore_for_check() -> None:
    """Light restore used on entry of every check (the learner's code may just have run)."""
    _restore(full=False)


def _user_ns_view(shell: Any) -> dict:
    return _builtins.dict(shell.user_ns)


def _before() -> None:
    state = _MMLGuard.state
    shell = state.get("shell")
    if shell is None:
        return
    events = getattr(shell, "events", None)
    state["linecache"] = _builtins.set(_linecache.cache)
    state["before"] = (
        _user_ns_view(shell),
        {name: _list(cbs) for name, cbs in events.callbacks.items()} if events else {},
        {name: _list(getattr(shell, name, [])) for name in _SHELL_LISTS},
    )


_TOOL_TYPES = (_types.ModuleType, _types.FunctionType, _types.BuiltinFunctionType, type,
               _numpy.ufunc)


def _is_tool(value: Any) -> bool:
    return _isinstance(value, _TOOL_TYPES)


def _after(setup: bool) -> None:
    state = _MMLGuard.state
    shell = state.get("shell")
    if shell is None or state.get("before") is None:
        return
    before_ns, before_events, _lists = state["before"]
    state["before"] = None
    _snapshot_new_modules()
    for name, value in shell.user_ns.items():
        if name in _SKIP_NAMES or name.startswith("_"):
            continue
        if before_ns.get(name, _MISSING) is value:
            continue
        # only tools (modules, functions, classes): data such as `A` or `X` may be legitimately
        # rebound by an answer cell and is recreated by every test that needs it
        if not _is_tool(value):
            continue
        state["trusted"][name] = value
        if setup:
            state["trusted_setup"][name] = value
        if _type(value) is _types.FunctionType:
            state["trusted_functions"].append(
                (value, value.__code__, value.__defaults__, value.__kwdefaults__)
            )
    if not setup:
        _scrub_test_traces(shell, state)
    else:
        state["threads"] |= _builtins.set(_sys._current_frames())
    events = getattr(shell, "events", None)
    if events is not None:
        for name, callbacks in events.callbacks.items():
            known = [id(c) for c in before_events.get(name, [])]
            added = [c for c in callbacks if id(c) not in known]
            if added:
                state["events"].setdefault(name, []).extend(added)


_THIS_MODULE = _sys.modules[__name__]
if _GRADING:
    _take_snapshot()
    _SELF_SAVED.update(_builtins.dict(globals()))
    for _value in _list(_SELF_SAVED.values()):
        for _func in (_value, getattr(_value, "__wrapped__", None)):
            if _type(_func) is _types.FunctionType and _func.__module__ == __name__:
                _SELF_FUNCTIONS.append(
                    (_func, _func.__code__, _func.__defaults__, _func.__kwdefaults__)
                )
    for _func in (_self_repair, _MMLGuard.__dict__["entry"].__func__):
        _SELF_FUNCTIONS.append((_func, _func.__code__, _func.__defaults__, _func.__kwdefaults__))
    _THIS_MODULE.__class__ = _FrozenModule
    _sys.addaudithook(_audit_hook)
