"""Checks for the PCA labs that :mod:`mml.checks` does not provide: vectors known only up to sign.

Eigenvectors and principal components are defined up to a factor ``-1``: ``v`` and ``-v`` are
equally correct. These helpers compare such answers column by column after choosing, for each
column, the sign that best matches the expected one. Like :mod:`mml.checks` they

* convert answers with :func:`mml.checks.as_float_array` (only real numbers pass);
* use NumPy functions (and the helpers of :mod:`mml.checks`) captured when this module is
  imported, in the locked first cell of a notebook, before any answer cell can patch them;
* raise :class:`mml.checks.CheckFailed` with a message saying what was expected, what came back
  and a hint.

Example
-------
>>> import numpy as np
>>> from mml import pca_checks
>>> pca_checks.check_columns_close_up_to_sign(-np.eye(2), np.eye(2), name="eigvecs")
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mml import checks as _checks

_as_float_array = _checks.as_float_array
_check_close = _checks.check_close
_CheckFailed = _checks.CheckFailed

#: The values ``PCA`` and ``PCA_high_dim`` return, in this order.
PCA_VALUES = ("reconst", "mean", "principal_vals", "principal_components")
#: Messages for answers that follow the original course's conventions (see ``checks.call``).
NORMALIZE_CONVENTIONS = {
    3: "this course's normalize returns (Xbar, mean) only: it centres the data and does not "
    "divide by the standard deviation (the original course also returned it)",
}
PCA_CONVENTIONS = {
    1: "this course's PCA returns four values (reconst, mean, principal_vals, "
    "principal_components); the original course returned only the reconstruction",
}
_AS_ROWS = "your vectors are the rows of the array; this course puts one vector per column"

__all__ = [
    "NORMALIZE_CONVENTIONS", "PCA_CONVENTIONS", "PCA_VALUES", "check_columns_close_up_to_sign",
    "check_descending", "check_unit_columns",
]


def _as_columns(value: Any, expected: Any, name: str, hint: str) -> tuple[Any, Any]:
    """Both arguments as float arrays of the expected shape, as 2-D (rows, columns) arrays."""
    __tracebackhide__ = True
    got = _as_float_array(value, name)
    want = _as_float_array(expected, "expected")
    if got.shape != want.shape:
        if want.ndim == 2 and got.shape == want.shape[::-1]:
            hint = "; ".join(h for h in (_AS_ROWS, hint) if h)
        raise _CheckFailed(
            f"{name}: has the wrong shape\n  expected: {want.shape}\n  got:      {got.shape}"
            + (f"\n  hint: {hint}" if hint else "")
        )
    if want.ndim == 1:
        return got.reshape(-1, 1), want.reshape(-1, 1)
    if want.ndim != 2:
        raise ValueError("check_columns_close_up_to_sign compares 1-D or 2-D arrays")
    return got, want


def check_columns_close_up_to_sign(
    value: Any,
    expected: Any,
    name: str = "value",
    *,
    rtol: float = 1e-6,
    atol: float = 1e-8,
    hint: str = "",
) -> None:
    """Check that each column of ``value`` equals the same column of ``expected``, or its negative.

    Parameters
    ----------
    value : array-like of numbers, shape (D, k) or (D,)
        The learner's vectors, one per column (a 1-D array is a single vector).
    expected : array-like of numbers, the same shape
        The right vectors, each known only up to sign.
    name : str
        What is being checked, shown in the message.
    rtol, atol : float
        Tolerances of :func:`mml.checks.check_close`, applied after the signs are matched.
    hint : str
        A suggestion shown when the check fails.

    Notes
    -----
    For column ``j`` the sign is that of ``value[:, j] . expected[:, j]`` (``+1`` when the dot
    product is zero). Only a factor of exactly ``-1`` is forgiven: a vector of the wrong length
    or direction still fails.
    """
    __tracebackhide__ = True
    got, want = _as_columns(value, expected, name, hint)
    if _same_up_to_sign(got, want, rtol, atol):
        return
    found = _diagnose(got, want, rtol, atol)
    full_hint = "; ".join(h for h in (found, hint) if h) or (
        "columns are compared up to sign (v and -v are both accepted)"
    )
    _check_close(np.multiply(got, _signs(got, want)), want, name, rtol=rtol, atol=atol,
                 hint=full_hint)


def _signs(got: Any, want: Any) -> Any:
    """Per column, -1 where the learner's column points away from the expected one, else 1."""
    return np.where(np.less(np.add.reduce(np.multiply(got, want), axis=0), 0.0), -1.0, 1.0)


def _same_up_to_sign(got: Any, want: Any, rtol: float, atol: float) -> bool:
    if got.shape != want.shape:
        return False
    error = np.absolute(np.subtract(np.multiply(got, _signs(got, want)), want))
    allowed = np.add(atol, np.multiply(rtol, np.absolute(want)))
    return bool(np.logical_and.reduce(np.less_equal(error, allowed), axis=None))


def _diagnose(got: Any, want: Any, rtol: float, atol: float) -> str:
    """Name the likely mistake when the vectors are right but arranged otherwise, or ""."""
    rows, columns = want.shape
    if rows == columns and _same_up_to_sign(got.T, want, rtol, atol):
        return _AS_ROWS
    if columns > 1:
        matches = [
            [k for k in range(columns)
             if _same_up_to_sign(got[:, j:j + 1], want[:, k:k + 1], rtol, atol)]
            for j in range(columns)
        ]
        if all(matches[j] for j in range(columns)):
            return ("these are the right vectors in the wrong columns: column i must belong to "
                    "the i-th value (sort the columns with the same order as the values)")
    if rows > 1:
        got_rows = sorted(tuple(np.round(np.absolute(r), 6)) for r in got)
        want_rows = sorted(tuple(np.round(np.absolute(r), 6)) for r in want)
        if got_rows == want_rows:
            return ("the right numbers in shuffled rows: a reordering must move whole columns "
                    "(the vectors), not rows")
    return ""


def check_unit_columns(value: Any, name: str = "value", *, atol: float = 1e-6,
                       hint: str = "") -> None:
    """Check that every column of the 2-D array ``value`` has Euclidean length 1.

    Parameters
    ----------
    value : array-like of numbers, shape (D, k)
    name : str
        What is being checked, shown in the message.
    atol : float
        Allowed deviation of each length from 1.
    hint : str
        A suggestion shown when the check fails.
    """
    __tracebackhide__ = True
    got = _as_float_array(value, name)
    if got.ndim != 2:
        raise _CheckFailed(f"{name}: should be a 2-D array with one vector per column, got shape "
                           f"{got.shape}" + (f"\n  hint: {hint}" if hint else ""))
    lengths = np.sqrt(np.add.reduce(np.multiply(got, got), axis=0))
    _check_close(lengths, np.ones(got.shape[1]), f"lengths of the columns of {name}", rtol=0.0,
                 atol=atol, hint=hint or "divide each column by its norm")


def check_descending(values: Any, name: str = "value", *, hint: str = "") -> None:
    """Check that the 1-D array ``values`` is sorted from largest to smallest (ties allowed).

    Parameters
    ----------
    values : array-like of numbers, shape (k,)
    name : str
        What is being checked, shown in the message.
    hint : str
        A suggestion shown when the check fails.
    """
    __tracebackhide__ = True
    got = _as_float_array(values, name)
    if got.ndim != 1:
        raise _CheckFailed(f"{name}: should be a 1-D array, got shape {got.shape}"
                           + (f"\n  hint: {hint}" if hint else ""))
    if got.size > 1 and np.logical_or.reduce(np.greater(got[1:], got[:-1]), axis=None):
        text = np.array2string(got, precision=4, suppress_small=True, max_line_width=80)
        raise _CheckFailed(
            f"{name}: is not sorted from largest to smallest\n  got:      {str(text)}"
            + (f"\n  hint: {hint}" if hint else "")
        )
