"""Helpers for the backpropagation lab (mc-w3): a finite-difference gradient checker and a
picture of a network learning a curve.

The checker works on *any* scalar function of a parameter array: it nudges the array **in
place**, one entry at a time, so a cost that reads module-level weights (as the lab's
``cost(x, y)`` does) sees every nudge. It never knows how the gradient is computed, so it
contains no part of the lab's answers.

Like :mod:`mml.checks`, it takes its NumPy references when it is imported (in the locked first
cell of the notebook, before any answer cell runs), so an answer cell that replaces NumPy
functions cannot change what the checker computes.

Example
-------
>>> import numpy as np
>>> w = np.array([[1.0, 2.0]])
>>> numerical_gradient(lambda: float((w ** 2).sum()), w)
array([[2., 4.]])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from mml import checks


def numerical_gradient(
    cost: Callable[[], Any], param: np.ndarray, eps: float = 1e-6
) -> np.ndarray:
    """Central finite-difference gradient of ``cost()`` with respect to the array ``param``.

    Parameters
    ----------
    cost : callable with no arguments returning a number
        It must read ``param`` (for example through module-level weights).
    param : numpy.ndarray of floats, any shape
        Changed in place while the gradient is computed and restored exactly afterwards.
    eps : float
        Step of the central difference ``(cost(p + eps) - cost(p - eps)) / (2 eps)``.

    Returns
    -------
    numpy.ndarray, float64, the shape of ``param``.
    """
    if type(param) is not np.ndarray:
        raise TypeError("param must be the NumPy array that cost() reads")
    grad = np.zeros(param.shape, dtype=np.float64)
    for index in np.ndindex(*param.shape):
        keep = param[index]
        try:
            param[index] = keep + eps
            up = float(cost())
            param[index] = keep - eps
            down = float(cost())
        finally:
            param[index] = keep
        grad[index] = (up - down) / (2 * eps)
    return grad


def check_gradient(
    value: Any,
    cost: Callable[[], Any],
    param: np.ndarray,
    name: str,
    *,
    param_name: str = "the parameter",
    hint: str = "",
    rtol: float = 1e-5,
    atol: float = 1e-8,
) -> None:
    """Check an analytic gradient against :func:`numerical_gradient`, shape first.

    Parameters
    ----------
    value : array-like
        The learner's gradient; it must have exactly ``param.shape``.
    cost, param : as for :func:`numerical_gradient`.
    name : str
        What is being checked, for example ``"J_W3(x, y)"``.
    param_name : str
        The parameter's name for the shape message, for example ``"W3"``.
    hint : str
        Shown when the values are wrong.
    rtol, atol : float
        Tolerances of the comparison (central differences are accurate to about 1e-9 here).

    Raises
    ------
    mml.checks.CheckFailed
        With the expected and returned shapes or values.
    """
    __tracebackhide__ = True
    got = checks.as_float_array(value, name)
    want_shape = tuple(param.shape)
    if got.shape != want_shape:
        advice = f"a gradient has exactly the shape of {param_name}, {want_shape}"
        if got.shape == want_shape[::-1]:
            advice += "; yours is transposed"
        elif len(got.shape) < len(want_shape):
            advice += "; keep it 2-D (a column), e.g. with keepdims=True or reshape"
        elif want_shape[-1] == 1 and got.shape[0] == want_shape[0]:
            advice += "; sum (and average) over the samples, which are the columns"
        checks.check_shape(got, want_shape, name, hint=advice)
    expected = numerical_gradient(cost, param)
    checks.check_close(got, expected, name, rtol=rtol, atol=atol, hint=hint)


def plot_snapshots(
    x: Sequence[float] | np.ndarray,
    y: np.ndarray,
    snapshots: Sequence[tuple[int, np.ndarray]],
    costs: Sequence[float] | None = None,
):
    """Draw the target curve and the network's output at a few moments of training.

    Parameters
    ----------
    x : array (1, N) or (N,)
        Inputs, used to colour the points along the curve.
    y : array (2, N)
        Target outputs, one column per sample: (first output, second output).
    snapshots : sequence of ``(step, a3)`` with ``a3`` of shape (2, N)
        The network's outputs after ``step`` training steps; one panel each.
    costs : sequence of floats, optional
        The cost at every step; drawn on a log scale in a last panel.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    t = np.array(x, dtype=np.float64).ravel()
    y = np.array(y, dtype=np.float64)
    panels = len(snapshots) + (costs is not None)
    fig, axes = plt.subplots(1, panels, figsize=(2.9 * panels, 3.1), squeeze=False)
    axes = axes[0]
    for ax, (step, a3) in zip(axes, snapshots, strict=False):
        a3 = np.array(a3, dtype=np.float64)
        ax.plot(y[0], y[1], color="0.75", lw=4, label="target")
        ax.scatter(a3[0], a3[1], c=t, cmap="viridis", s=9, zorder=3, label="network")
        ax.set_title(f"after {step} steps", fontsize=10)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_aspect("equal")
        ax.set_xticks([0, 0.5, 1])
        ax.set_yticks([0, 0.5, 1])
    axes[0].legend(loc="lower left", fontsize=7)
    if costs is not None:
        ax = axes[-1]
        ax.semilogy(np.array(costs, dtype=np.float64))
        ax.set_xlabel("step")
        ax.set_title("cost", fontsize=10)
    fig.tight_layout()
    return fig
