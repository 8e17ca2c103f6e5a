"""The practice mechanism shared by every course: registry, seeds, checks that never raise."""

from __future__ import annotations

import numpy as np
import pytest

from mml import checks, practice


@practice.exercise("test_sum", title="Sum of a vector")
def _sum(rng: np.random.Generator) -> practice.Instance:
    v = rng.integers(-9, 10, size=3).astype(float)
    return practice.Instance(question=f"sum of ${practice.latex(v)}$", inputs={"v": v},
                             expected=float(v.sum()), hint="add the entries")


def test_seeds_are_reproducible_and_successive() -> None:
    first, again = practice.another("test_sum", seed=3), practice.another("test_sum", seed=3)
    np.testing.assert_array_equal(first.v, again.v)
    a, b = practice.another("test_sum"), practice.another("test_sum")
    assert b.seed == a.seed + 1


def test_check_right_wrong_and_crash(capsys: pytest.CaptureFixture[str]) -> None:
    p = practice.another("test_sum", seed=1)
    assert p.check(p.v.sum())
    assert not p.check(p.v.sum() + 1)
    assert not p.check("not a number")
    out = capsys.readouterr().out
    assert "Right!" in out and "Not yet" in out and "think about: add the entries" in out


def test_drill_counts_and_survives_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert practice.drill("test_sum", lambda v: v.sum(), n=3) == 3
    assert practice.drill("test_sum", lambda v: 1 / 0, n=2) == 0
    assert "ZeroDivisionError" in capsys.readouterr().out


def test_unknown_exercise_says_how_to_register() -> None:
    with pytest.raises(KeyError, match="from mml.la import exercises"):
        practice.another("no_such_exercise")


def test_custom_compare_and_bool_answers() -> None:
    def up_to_sign(value: object, expected: object) -> None:
        v, e = np.asarray(value, float), np.asarray(expected, float)
        if not (np.allclose(v, e) or np.allclose(v, -e)):
            raise checks.CheckFailed("not parallel")

    p = practice.Instance("q", {"x": 1}, np.array([1.0, 0.0]), compare=up_to_sign)
    assert p.check([-1, 0], quiet=True) and not p.check([0, 1], quiet=True)
    q = practice.Instance("independent?", {}, True)
    assert q.check(True, quiet=True) and not q.check(False, quiet=True)


def test_latex() -> None:
    assert practice.latex(np.array([[1, 2], [3, 4.5]])) == (
        r"\begin{pmatrix}1 & 2 \\ 3 & 4.5\end{pmatrix}")
