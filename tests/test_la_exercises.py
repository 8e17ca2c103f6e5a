"""The Linear Algebra practice exercises (mml/la/exercises.py) and practice.check_function."""

from __future__ import annotations

import numpy as np
import pytest

from mml import checks, practice
from mml.la import exercises

LA_EXERCISES = [
    "linear_combination", "prices", "grid_search", "angle_degrees", "is_basis", "change_basis",
    "composition", "back_substitution", "elimination", "inverse", "determinant", "image_area",
    "flips_orientation", "einstein_product", "shadow_matrix", "transform_in_basis",
    "is_orthogonal", "is_eigenvector", "characteristic_polynomial", "diagonalise",
    "power_via_eigenbasis",
]
SEEDS = tuple(range(1, 41))


def _diagonalise(A: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    values, vectors = np.linalg.eig(A)
    return vectors, np.diag(values)


def _is_eigenvector(A: np.ndarray, v: np.ndarray) -> bool:
    w = A @ v
    lam = v @ w / (v @ v)
    return bool(np.linalg.norm(w - lam * v) <= 1e-9 * (np.linalg.norm(w) + np.linalg.norm(v)))


def _grid_search(cost, ms: np.ndarray, cs: np.ndarray) -> tuple[float, float]:  # noqa: ANN001
    return min(((m, c) for m in ms for c in cs), key=lambda pair: cost(*pair))


# Independent solutions: every instance of every exercise must accept them.
SOLUTIONS = {
    "linear_combination": lambda weights, V: V @ weights,
    "prices": np.linalg.solve,
    "grid_search": _grid_search,
    "angle_degrees": lambda r, s: np.degrees(np.arctan2(abs(r[0] * s[1] - r[1] * s[0])
                                                        if len(r) == 2 else
                                                        np.linalg.norm(np.cross(r, s)), r @ s)),
    "is_basis": lambda V: V.shape[0] == V.shape[1] and np.linalg.matrix_rank(V) == len(V),
    "change_basis": lambda r, B: np.linalg.solve(B, r),
    "composition": lambda first, second: second @ first,
    "back_substitution": np.linalg.solve,
    "elimination": np.linalg.solve,
    "inverse": np.linalg.inv,
    "determinant": np.linalg.det,
    "image_area": lambda A, area: abs(np.linalg.det(A)) * area,
    "flips_orientation": lambda A: bool(np.linalg.det(A) < 0),
    "einstein_product": lambda A, B: np.einsum("ij,jk->ik", A, B),
    "shadow_matrix": lambda s: np.array([[1, 0, -s[0] / s[2]], [0, 1, -s[1] / s[2]]]),
    "transform_in_basis": lambda T_B, B: B @ T_B @ np.linalg.inv(B),
    "is_orthogonal": lambda A: bool(np.allclose(A.T @ A, np.eye(len(A)))),
    "is_eigenvector": _is_eigenvector,
    "characteristic_polynomial": np.poly,
    "diagonalise": _diagonalise,
    "power_via_eigenbasis": lambda A, n: np.linalg.matrix_power(A, n),
}


def test_every_la_exercise_is_registered() -> None:
    assert set(LA_EXERCISES) <= set(practice.names())
    assert set(SOLUTIONS) == set(LA_EXERCISES)


@pytest.mark.parametrize("name", LA_EXERCISES)
def test_instances_are_reproducible_and_solvable(name: str) -> None:
    first, again = practice.another(name, seed=7), practice.another(name, seed=7)
    assert first.question == again.question and first.question
    for key, value in first.inputs.items():
        if callable(value):  # a cost function: the same values at a few points
            points = [(0.5, 1.0), (-1.0, 3.0)]
            assert [value(*x) for x in points] == [again.inputs[key](*x) for x in points]
        else:
            np.testing.assert_array_equal(value, again.inputs[key])
    practice.check_function(name, SOLUTIONS[name], SEEDS)


def test_boolean_exercises_have_both_answers() -> None:
    for name in ("flips_orientation", "is_orthogonal", "is_eigenvector", "is_basis"):
        answers = {practice.another(name, seed).expected for seed in SEEDS}
        assert answers == {True, False}, name


def test_check_function_names_the_function_its_inputs_and_the_hint() -> None:
    def compose(first: np.ndarray, second: np.ndarray) -> np.ndarray:
        return first @ second

    with pytest.raises(checks.CheckFailed) as failure:
        practice.check_function("composition", compose, SEEDS)
    message = str(failure.value)
    assert message.startswith("compose(first, second)")
    assert "first = " in message and "second = " in message and "think about:" in message


def test_check_function_reports_an_exception_as_a_failure() -> None:
    def crash(A: np.ndarray) -> float:
        raise NotImplementedError

    with pytest.raises(checks.CheckFailed, match=r"crash\(A\) raised NotImplementedError"):
        practice.check_function("determinant", crash, (1,))


def test_check_function_wants_a_real_bool_for_yes_no_questions() -> None:
    with pytest.raises(checks.CheckFailed, match="should be a bool"):
        practice.check_function("flips_orientation", lambda A: float(np.linalg.det(A) < 0), (1,))


def test_diagonalisation_accepts_any_order_scaling_and_complex_type() -> None:
    A = np.array([[2.0, 1.0], [0.0, 3.0]])
    values, vectors = np.linalg.eig(A)
    exercises.check_diagonalisation((vectors, np.diag(values)), A)
    exercises.check_diagonalisation([-5 * vectors[:, ::-1], np.diag(values[::-1])], A)
    exercises.check_diagonalisation((vectors.astype(complex), np.diag(values) + 0j), A)


@pytest.mark.parametrize(("answer", "message"), [
    (lambda C, w: (C.T, np.diag(w)), "C D C\\^-1"),
    (lambda C, w: (C, w), "D: has the wrong shape"),
    (lambda C, w: (C, np.diag(np.sort(w))), "C D C\\^-1"),
    (lambda C, w: (np.ones((2, 2)), np.diag(w)), "C is singular"),
    (lambda C, w: C, "tuple"),
])
def test_diagonalisation_rejects_mismatches(answer, message: str) -> None:  # noqa: ANN001
    A = np.array([[1.0, 2.0], [2.0, 1.0]])  # eig returns the eigenvalues 3, -1 in that order
    values, vectors = np.linalg.eig(A)
    with pytest.raises(checks.CheckFailed, match=message):
        exercises.check_diagonalisation(answer(vectors, values), A, "diagonalise(A)")


def test_power_accepts_negligible_imaginary_parts() -> None:
    p = practice.another("power_via_eigenbasis", seed=3)
    assert p.check(p.expected + 0j, quiet=True)
    assert not p.check(p.expected + 1.0, quiet=True)
