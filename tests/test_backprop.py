"""Unit tests of mml.mc.backprop: the finite-difference gradient checker and the snapshot figure."""

from __future__ import annotations

import numpy as np
import pytest

from mml import checks
from mml.mc import backprop


def test_numerical_gradient_of_a_quadratic() -> None:
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    w = np.array([[0.5], [-1.0]])

    def cost() -> float:
        return float((w.T @ A @ w)[0, 0])

    grad = backprop.numerical_gradient(cost, w)
    assert grad.shape == (2, 1)
    np.testing.assert_allclose(grad, 2 * A @ w, atol=1e-8)


def test_numerical_gradient_restores_the_parameter_exactly() -> None:
    w = np.array([[0.1, 0.2, 0.3], [1e-17, -5.0, 7.25]])
    before = w.copy()
    backprop.numerical_gradient(lambda: float(np.sin(w).sum()), w)
    assert np.array_equal(w, before)


def test_numerical_gradient_restores_the_parameter_after_an_error() -> None:
    w = np.array([1.0, 2.0])
    calls = []

    def cost() -> float:
        calls.append(1)
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        backprop.numerical_gradient(cost, w)
    assert np.array_equal(w, [1.0, 2.0])


def test_numerical_gradient_needs_the_array_itself() -> None:
    with pytest.raises(TypeError):
        backprop.numerical_gradient(lambda: 0.0, [1.0, 2.0])


def test_check_gradient_accepts_the_right_gradient() -> None:
    w = np.array([[1.0, -2.0, 0.5]])
    backprop.check_gradient(3 * w**2, lambda: float((w**3).sum()), w, "grad", param_name="w")
    backprop.check_gradient((3 * w**2).tolist(), lambda: float((w**3).sum()), w, "grad")


@pytest.mark.parametrize(
    ("value", "advice"),
    [
        (np.zeros((3, 1)), "transposed"),
        (np.zeros(3), "keep it 2-D"),
        (np.zeros((1, 5)), "exactly the shape of w, (1, 3)"),
    ],
)
def test_check_gradient_explains_wrong_shapes(value, advice: str) -> None:
    w = np.array([[1.0, -2.0, 0.5]])
    with pytest.raises(checks.CheckFailed, match="wrong shape") as info:
        backprop.check_gradient(value, lambda: float((w**3).sum()), w, "grad", param_name="w")
    assert advice in str(info.value)


def test_check_gradient_says_when_samples_were_not_summed() -> None:
    b = np.zeros((4, 1))
    with pytest.raises(checks.CheckFailed, match="sum") as info:
        backprop.check_gradient(np.zeros((4, 10)), lambda: float(b.sum()), b, "J_b",
                                param_name="b")
    assert "(4, 1)" in str(info.value)


def test_check_gradient_rejects_wrong_values() -> None:
    w = np.array([[1.0, -2.0, 0.5]])
    with pytest.raises(checks.CheckFailed, match="wrong values"):
        backprop.check_gradient(1.5 * w**2, lambda: float((w**3).sum()), w, "grad", hint="x2")
    with pytest.raises(checks.CheckFailed, match="not numbers"):
        backprop.check_gradient({"a": 1}, lambda: 0.0, w, "grad")


def test_plot_snapshots() -> None:
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    x = np.linspace(0, 1, 20).reshape(1, 20)
    y = np.vstack([x, x**2])
    fig = backprop.plot_snapshots(x, y, [(0, 0.5 + 0 * y), (10, y)], costs=[1.0, 0.5, 0.1])
    assert len(fig.axes) == 3
    assert fig.axes[1].get_title() == "after 10 steps"
    plt.close(fig)
    fig = backprop.plot_snapshots(x, y, [(0, y)])
    assert len(fig.axes) == 1
    plt.close(fig)
