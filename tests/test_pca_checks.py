"""Unit tests of the sign-invariant checks of the PCA labs (``mml.pca.pca_checks``)."""

from __future__ import annotations

import numpy as np
import pytest

from mml.checks import CheckFailed
from mml.pca import pca_checks

RNG = np.random.default_rng(0)
Q = np.linalg.qr(RNG.standard_normal((5, 3)))[0]


def test_columns_any_sign_pass() -> None:
    for signs in ([1, 1, 1], [-1, 1, 1], [1, -1, -1], [-1, -1, -1]):
        pca_checks.check_columns_close_up_to_sign(Q * np.array(signs), Q, "Q")


def test_single_vector_up_to_sign() -> None:
    v = np.array([0.6, -0.8])
    pca_checks.check_columns_close_up_to_sign(-v, v, "v")
    pca_checks.check_columns_close_up_to_sign([0.6, -0.8], v, "v")


def test_wrong_columns_fail_with_message() -> None:
    with pytest.raises(CheckFailed, match=r"(?s)wrong values.*hint: columns are compared up to"):
        pca_checks.check_columns_close_up_to_sign(Q + 0.1, Q, "Q")
    with pytest.raises(CheckFailed, match="wrong values"):
        pca_checks.check_columns_close_up_to_sign(2 * Q, Q, "Q")  # wrong length
    with pytest.raises(CheckFailed, match="wrong values"):
        pca_checks.check_columns_close_up_to_sign(Q * np.array([1, 0.5, -1]), Q, "Q")


def test_shape_and_type_are_checked() -> None:
    with pytest.raises(CheckFailed, match="wrong shape"):
        pca_checks.check_columns_close_up_to_sign(Q.T, Q, "Q", hint="columns, not rows")
    with pytest.raises(CheckFailed, match="wrong shape"):
        pca_checks.check_columns_close_up_to_sign(Q[:, 0], Q[:, :1], "Q")
    with pytest.raises(CheckFailed, match="returned None"):
        pca_checks.check_columns_close_up_to_sign(None, Q, "Q")

    class AlwaysEqual:
        def __eq__(self, other: object) -> bool:
            return True

    with pytest.raises(CheckFailed, match="not numbers"):
        pca_checks.check_columns_close_up_to_sign(AlwaysEqual(), Q, "Q")


def test_nan_fails() -> None:
    bad = Q.copy()
    bad[0, 0] = np.nan
    with pytest.raises(CheckFailed, match="NaN"):
        pca_checks.check_columns_close_up_to_sign(bad, Q, "Q")


def test_zero_column_is_not_forgiven() -> None:
    with pytest.raises(CheckFailed):
        pca_checks.check_columns_close_up_to_sign(np.zeros((5, 3)), Q, "Q")


def test_unit_columns() -> None:
    pca_checks.check_unit_columns(Q, "Q")
    pca_checks.check_unit_columns(-Q, "Q")
    with pytest.raises(CheckFailed, match="lengths of the columns of B"):
        pca_checks.check_unit_columns(Q * 3, "B")
    with pytest.raises(CheckFailed, match="2-D"):
        pca_checks.check_unit_columns(Q[:, 0], "B")


def test_descending() -> None:
    pca_checks.check_descending([3.0, 2.0, 2.0, -1.0], "vals")
    pca_checks.check_descending(np.array([1]), "vals")
    with pytest.raises(CheckFailed, match=r"(?s)largest to smallest.*got: .*hint: sort"):
        pca_checks.check_descending([1.0, 2.0, 3.0], "vals", hint="sort the eigenvalues")
    with pytest.raises(CheckFailed, match="1-D"):
        pca_checks.check_descending(np.eye(2), "vals")


def test_uses_numpy_captured_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """Patching NumPy after the import cannot make a wrong answer pass."""
    monkeypatch.setattr(np, "where", lambda *args: np.ones(3))
    monkeypatch.setattr(np, "multiply", lambda a, b: b)
    with pytest.raises(CheckFailed):
        pca_checks.check_columns_close_up_to_sign(np.zeros((5, 3)), Q, "Q")


def test_hint_names_the_arrangement() -> None:
    """The hint matches the mistake: columns swapped, vectors as rows, rows shuffled."""
    with pytest.raises(CheckFailed, match="right vectors in the wrong columns"):
        pca_checks.check_columns_close_up_to_sign(Q[:, [1, 0, 2]], Q, "Q")
    with pytest.raises(CheckFailed, match="vectors are the rows"):
        pca_checks.check_columns_close_up_to_sign(Q.T, Q, "Q")
    square = np.linalg.qr(RNG.standard_normal((4, 4)))[0]
    with pytest.raises(CheckFailed, match="vectors are the rows"):
        pca_checks.check_columns_close_up_to_sign(square.T, square, "Q")
    with pytest.raises(CheckFailed, match="shuffled rows"):
        pca_checks.check_columns_close_up_to_sign(Q[[2, 0, 1, 4, 3]], Q, "Q")


def test_negligible_imaginary_parts_pass() -> None:
    pca_checks.check_columns_close_up_to_sign(Q + 1e-17j, Q, "Q")
    with pytest.raises(CheckFailed, match="complex values"):
        pca_checks.check_columns_close_up_to_sign(Q + 1e-3j, Q, "Q")
