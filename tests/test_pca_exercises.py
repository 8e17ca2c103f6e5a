"""The PCA practice exercises: reproducible instances whose expected answers agree with the
definitions (reconstruction error of a projection, eigenvector equation)."""

from __future__ import annotations

import numpy as np
import pytest

from mml import practice
from mml.pca import exercises  # noqa: F401 - registers the exercises

NAMES = ["variance_1d", "shifted_scaled_stats", "covariance_2d", "is_inner_product",
         "inner_length", "inner_angle", "projection_matrix", "project",
         "is_orthogonal_projection", "reconstruction_error", "error_gradient",
         "optimal_coordinates", "variance_left_out", "lagrangian_gradient"]
SEEDS = range(1, 21)


@pytest.mark.parametrize("name", NAMES)
def test_instances_are_reproducible_and_finite(name: str) -> None:
    assert name in practice.names()
    for seed in SEEDS:
        first, again = practice.another(name, seed), practice.another(name, seed)
        np.testing.assert_array_equal(first.expected, again.expected)
        assert np.all(np.isfinite(first.expected))


def test_bases_are_orthonormal_and_data_centred() -> None:
    for seed in SEEDS:
        p = practice.another("optimal_coordinates", seed)
        np.testing.assert_allclose(p.B.T @ p.B, np.eye(p.B.shape[1]), atol=1e-12)
        np.testing.assert_allclose(p.X.mean(axis=0), 0, atol=1e-12)


def test_variance_left_out_is_the_error_of_the_projection() -> None:
    for seed in SEEDS:
        p = practice.another("variance_left_out", seed)
        S, B = p.S, p.B
        assert p.expected >= -1e-12
        # the trace identity: tr(S) - tr(B^T S B) = tr((I - B B^T) S)
        assert p.expected == pytest.approx(np.trace((np.eye(len(S)) - B @ B.T) @ S))


def test_lagrangian_gradient_vanishes_at_an_eigenpair() -> None:
    p = practice.another("lagrangian_gradient", 1)
    values, vectors = np.linalg.eigh(p.S)
    assert p.check(np.append(2 * p.S @ p.b - 2 * p.lam * p.b, 1 - p.b @ p.b), quiet=True)
    at_eigenpair = np.append(2 * p.S @ vectors[:, -1] - 2 * values[-1] * vectors[:, -1],
                             1 - vectors[:, -1] @ vectors[:, -1])
    np.testing.assert_allclose(at_eigenpair, 0, atol=1e-12)


def test_error_gradient_matches_finite_differences_and_vanishes_at_the_projection() -> None:
    def error(X: np.ndarray, B: np.ndarray, Z: np.ndarray) -> float:
        return float(np.sum((X - Z @ B.T) ** 2) / X.shape[0])

    for seed in SEEDS:
        p = practice.another("error_gradient", seed)
        step = 1e-6
        numeric = np.zeros_like(p.Z)
        for index in np.ndindex(p.Z.shape):
            shift = np.zeros_like(p.Z)
            shift[index] = step
            numeric[index] = (error(p.X, p.B, p.Z + shift) - error(p.X, p.B, p.Z - shift)) / (
                2 * step)
        np.testing.assert_allclose(p.expected, numeric, rtol=1e-5, atol=1e-7)
        assert p.check(numeric, quiet=True)
        assert not p.check(-numeric, quiet=True)
        np.testing.assert_allclose(-2 / len(p.X) * (p.X - p.X @ p.B @ p.B.T) @ p.B, 0,
                                   atol=1e-12)


def test_statistics_instances_match_numpy() -> None:
    for seed in SEEDS:
        v = practice.another("variance_1d", seed)
        assert v.expected == pytest.approx(np.var(v.x))
        c = practice.another("covariance_2d", seed)
        np.testing.assert_allclose(c.expected, np.cov(c.X, rowvar=False, bias=True), atol=1e-12)
        s = practice.another("shifted_scaled_stats", seed)
        data = np.array([s.mean - np.sqrt(s.var), s.mean + np.sqrt(s.var)])  # that mean and var
        moved = s.a * data + s.b
        np.testing.assert_allclose(s.expected, [moved.mean(), moved.var()], atol=1e-12)


def test_inner_product_and_projection_instances_are_both_kinds() -> None:
    answers = {practice.another("is_inner_product", seed).expected for seed in SEEDS}
    assert answers == {True, False}
    answers = {practice.another("is_orthogonal_projection", seed).expected for seed in SEEDS}
    assert answers == {True, False}
    for seed in SEEDS:
        p = practice.another("project", seed)
        residual = p.x - p.expected
        np.testing.assert_allclose(p.B.T @ residual, 0, atol=1e-9)
        a = practice.another("inner_angle", seed)
        assert 0 <= a.expected <= np.pi
