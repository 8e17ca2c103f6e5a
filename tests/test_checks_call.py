"""Unit tests of how test cells report a learner's call (``checks.call``, ``check_raises``) and of
complex answers with negligible imaginary parts."""

from __future__ import annotations

import numpy as np
import pytest

from mml import checks
from mml.checks import CheckFailed


def normalize_three(X):  # noqa: ANN001, ANN201 - a learner's function
    mean = X.mean(axis=0)
    return X - mean, mean, X.std(axis=0)


def unpacks_rows(A):  # noqa: ANN001, ANN201
    first, second = A
    return first


def numpy_one_alias(x):  # noqa: ANN001, ANN201
    return np.float_(x)  # noqa: NPY201 - the NumPy 1 habit under test


def float_of_matrix(x):  # noqa: ANN001, ANN201
    return float(x @ x.T)


def test_wrong_number_of_values_names_function_and_convention() -> None:
    X = np.ones((4, 2))
    with pytest.raises(CheckFailed) as info:
        checks.call(normalize_three, X, returns=("Xbar", "mean"),
                    conventions={3: "this course's normalize returns (Xbar, mean) only"})
    text = str(info.value)
    assert text.startswith("normalize_three(array of shape (4, 2)): returned 3 values")
    assert "expected 2 values (Xbar, mean)" in text
    assert "returns (Xbar, mean) only" in text
    with pytest.raises(CheckFailed, match=r"returned 1 value, array of shape \(4, 2\)"):
        checks.call(lambda X, k: X, X, 1, returns=4)


def test_exception_names_function_line_and_hint() -> None:
    with pytest.raises(CheckFailed) as info:
        checks.call(unpacks_rows, np.eye(3))
    text = str(info.value)
    assert "unpacks_rows(array of shape (3, 3)) raised ValueError: too many values" in text
    assert "at line" in text and "`first, second = A`" in text
    assert "hint: an unpacking" in text
    assert info.value.__suppress_context__


def test_numpy_2_hints() -> None:
    with pytest.raises(CheckFailed, match="`np.float_` is gone in NumPy 2: use `np.float64`"):
        checks.call(numpy_one_alias, 1.0)
    with pytest.raises(CheckFailed, match=r"x\.item\(\)"):
        checks.call(float_of_matrix, np.ones((1, 3)))


def test_none_and_accepted_results() -> None:
    with pytest.raises(CheckFailed, match="forget the `return`"):
        checks.call(lambda: None, returns=1)
    assert checks.call(lambda: (1, 2), returns=2) == (1, 2)
    assert checks.call(lambda: [1, 2], returns=("a", "b")) == [1, 2]
    assert checks.call(lambda x: x, 3) == 3


def test_exceptions_under_another_class_name_are_reported() -> None:
    """Under the trusted runner an exception may arrive as a RuntimeError subclass named like
    the original: the message uses the class name and the text as they are."""
    LinAlgError = type("LinAlgError", (RuntimeError,), {})

    def raises(A):  # noqa: ANN001, ANN202
        raise LinAlgError("Singular matrix")

    with pytest.raises(CheckFailed, match="raised LinAlgError: Singular matrix"):
        checks.call(raises, np.zeros((2, 2)))


def test_check_raises_names_the_call() -> None:
    with pytest.raises(CheckFailed, match=r"unpacks_rows\(array of shape \(3, 3\)\) raised "
                       "ValueError instead of RuntimeError"):
        checks.check_raises(unpacks_rows, [np.eye(3)], RuntimeError)
    with pytest.raises(CheckFailed, match="did not raise RuntimeError"):
        checks.check_raises(lambda: 1, [], RuntimeError)


def test_negligible_imaginary_parts_are_accepted() -> None:
    checks.check_close(np.array([3.0 + 1e-17j, 1.0 - 2e-16j]), [3.0, 1.0], "eigvals")
    checks.check_close(np.complex128(2.0), 2.0, "value")
    with pytest.raises(CheckFailed, match="complex values"):
        checks.check_close(np.array([3.0 + 1e-3j, 1.0]), [3.0, 1.0], "eigvals")
    with pytest.raises(CheckFailed, match="complex values"):
        checks.check_close(np.array([np.nan * 1j, 1.0]), [0.0, 1.0], "eigvals")


def test_only_the_called_functions_line_is_shown() -> None:
    """A deeper frame may be a function a hidden test passed in: its code is never shown."""
    def secret_callback(v):  # noqa: ANN001, ANN202 - stands for a hidden test's function
        return v[5]  # the hidden line

    def learner(f, x):  # noqa: ANN001, ANN202
        return f(x) + 1

    with pytest.raises(CheckFailed) as info:
        checks.call(learner, secret_callback, np.zeros(2))
    text = str(info.value)
    assert "at line" in text and "`return f(x) + 1`" in text
    assert "hidden line" not in text and "v[5]" not in text
