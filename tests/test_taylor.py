"""Unit tests of mml.mc.taylor (Taylor series maths) and mml.mc.taylor_widget (its thin view)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.figure import Figure

from mml.mc import taylor, taylor_widget

# Known Maclaurin series (about a = 0), first coefficients.
KNOWN = {
    "exp": [1 / math.factorial(k) for k in range(8)],
    "sin": [0, 1, 0, -1 / 6, 0, 1 / 120, 0, -1 / 5040],
    "log(1+x)": [0, 1, -1 / 2, 1 / 3, -1 / 4, 1 / 5, -1 / 6, 1 / 7],
    "1/(1-x)": [1] * 8,
    "gaussian": [1, 0, -1, 0, 1 / 2, 0, -1 / 6, 0],
    "1/(1+x^2)": [1, 0, -1, 0, 1, 0, -1, 0],
}


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_maclaurin_coefficients(name: str) -> None:
    c = taylor.taylor_coefficients(name, 0.0, 7)
    assert c.shape == (8,) and c.dtype == float
    np.testing.assert_allclose(c, KNOWN[name], atol=1e-15)


def test_every_function_has_known_coefficients() -> None:
    assert set(KNOWN) == set(taylor.FUNCTIONS)


@pytest.mark.parametrize("name", sorted(KNOWN))
@pytest.mark.parametrize("a", [-0.6, 0.3, 0.8])
def test_derivative_formulas_agree_with_finite_differences(name: str, a: float) -> None:
    fn = taylor.FUNCTIONS[name]
    exact = taylor.taylor_coefficients(name, a, 4)
    # near a singularity the steps must shrink with the distance to it
    step_scale = min(1.0, taylor.radius_of_convergence(name, a) / 2)
    numeric = taylor.finite_difference_coefficients(fn, a, 4, scale=step_scale)
    scale = max(1.0, float(np.abs(exact).max()))
    np.testing.assert_allclose(numeric, exact, atol=1e-4 * scale, rtol=1e-4)


def test_finite_differences_lose_accuracy_with_the_order() -> None:
    exact = taylor.taylor_coefficients("exp", 0.0, 12)
    numeric = taylor.finite_difference_coefficients(np.exp, 0.0, 12)
    error = np.abs(numeric - exact) / exact
    assert error[1] < 1e-9 and error[2] < 1e-7
    assert error[12] > error[2]


def test_shifted_series_of_exp() -> None:
    a = 1.5
    c = taylor.taylor_coefficients("exp", a, 5)
    np.testing.assert_allclose(c, [math.exp(a) / math.factorial(k) for k in range(6)])


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_series_converge_inside_the_radius(name: str) -> None:
    a = 0.25
    radius = taylor.radius_of_convergence(name, a)
    x = a + np.array([-0.4, -0.1, 0.0, 0.2, 0.45]) * min(radius, 2.0)
    fn = taylor.FUNCTIONS[name]
    np.testing.assert_allclose(taylor.taylor_series(name, a, 80, x), fn(x), rtol=1e-9,
                               atol=1e-12)


def test_series_diverge_outside_the_radius() -> None:
    x = 1.5  # beyond the singularity of log(1+x) at -1 seen from a = 0
    errors = [abs(float(taylor.taylor_series("log(1+x)", 0.0, n, x)) - math.log1p(x))
              for n in (10, 20, 40)]
    assert errors[0] < errors[1] < errors[2]


def test_radius_of_convergence() -> None:
    assert taylor.radius_of_convergence("exp", 3.0) == math.inf
    assert taylor.radius_of_convergence("log(1+x)", 0.5) == pytest.approx(1.5)
    assert taylor.radius_of_convergence("1/(1-x)", -1.0) == pytest.approx(2.0)
    assert taylor.radius_of_convergence("1/(1+x^2)", 2.0) == pytest.approx(math.sqrt(5))


def test_taylor_polynomial_horner_and_shapes() -> None:
    c = [1.0, -2.0, 0.5, 3.0]
    x = np.linspace(-2, 3, 12).reshape(3, 4)
    d = x - 0.7
    expected = 1 - 2 * d + 0.5 * d**2 + 3 * d**3
    got = taylor.taylor_polynomial(c, 0.7, x)
    assert got.shape == (3, 4)
    np.testing.assert_allclose(got, expected)
    assert taylor.taylor_polynomial(c, 0.0, 2.0).shape == ()
    assert float(taylor.taylor_polynomial([4.0], 1.0, 10.0)) == 4.0


def test_bad_arguments() -> None:
    with pytest.raises(KeyError, match="unknown function"):
        taylor.taylor_coefficients("tan", 0.0, 3)
    with pytest.raises(ValueError, match="not defined"):
        taylor.taylor_coefficients("log(1+x)", -1.0, 3)
    with pytest.raises(ValueError, match="order"):
        taylor.taylor_coefficients("exp", 0.0, -1)
    with pytest.raises(KeyError, match="unknown surface"):
        taylor.get_surface("volcano")
    with pytest.raises(ValueError, match="two entries"):
        taylor.linear_approximation(0.0, [1, 2, 3], (0, 0), 1.0, 1.0)
    with pytest.raises(ValueError, match="2x2"):
        taylor.quadratic_approximation(0.0, [1, 2], np.eye(3), (0, 0), 1.0, 1.0)


def test_function_values_outside_the_domain_are_nan() -> None:
    values = taylor.FUNCTIONS["log(1+x)"](np.array([-2.0, -1.0, 0.0]))
    assert np.isnan(values[0]) and np.isnan(values[1]) and values[2] == 0.0


@pytest.mark.parametrize("name", sorted(taylor.SURFACES))
@pytest.mark.parametrize("point", [(0.3, -0.4), (-0.8, 0.9)])
def test_surface_derivatives_agree_with_finite_differences(name: str, point) -> None:
    s = taylor.SURFACES[name]
    J, H = s.gradient(*point), s.hessian(*point)
    assert J.shape == (2,) and H.shape == (2, 2)
    np.testing.assert_allclose(H, H.T)
    np.testing.assert_allclose(J, taylor.numerical_gradient(s.f, point), atol=1e-8)
    np.testing.assert_allclose(H, taylor.numerical_hessian(s.f, point), atol=1e-5)


def test_quadratic_approximation_is_exact_for_a_quadratic() -> None:
    def f(x, y):
        return 2 + 3 * x - y + 0.5 * x**2 + 2 * x * y - 1.5 * y**2

    p = (0.4, -1.1)
    value = f(*p)
    J = [3 + p[0] + 2 * p[1], -1 + 2 * p[0] - 3 * p[1]]
    H = [[1, 2], [2, -3]]
    X, Y = np.meshgrid(np.linspace(-3, 3, 7), np.linspace(-2, 2, 5))
    np.testing.assert_allclose(taylor.quadratic_approximation(value, J, H, p, X, Y), f(X, Y))
    linear = taylor.linear_approximation(value, np.array([J]), p, X, Y)
    assert linear.shape == X.shape
    np.testing.assert_allclose(linear, value + J[0] * (X - p[0]) + J[1] * (Y - p[1]))


@pytest.mark.parametrize("name", sorted(taylor.SURFACES))
def test_approximation_errors_shrink_with_the_right_power(name: str) -> None:
    s = taylor.SURFACES[name]
    p = np.array([0.35, -0.2])
    direction = np.array([0.6, 0.8])
    errors = {1: [], 2: []}
    for t in (1e-2, 5e-3):
        x, y = p + t * direction
        linear, quadratic = taylor.surface_approximations(s, p, x, y)
        exact = s.f(np.array(x), np.array(y))
        errors[1].append(abs(float(exact - linear)))
        errors[2].append(abs(float(exact - quadratic)))
    # halving the step divides the errors by about 2^2 and 2^3
    assert 3.0 < errors[1][0] / errors[1][1] < 5.0
    assert 6.0 < errors[2][0] / errors[2][1] < 10.0 or errors[2][0] < 1e-12


def test_log_sum_exp_gradient_is_softmax() -> None:
    s = taylor.SURFACES["log-sum-exp"]
    g = s.gradient(1.0, -1.0)
    np.testing.assert_allclose(g.sum(), 1.0)
    np.testing.assert_allclose(g, np.exp([1.0, -1.0]) / np.exp([1.0, -1.0]).sum())


# --------------------------------------------------------------------------- the view


def test_polynomial_text() -> None:
    text = taylor_widget.polynomial_text(taylor.taylor_coefficients("sin", 0.0, 5), 0.0)
    assert text == r"x - 0.1667\,x^{3} + 0.008333\,x^{5}"
    assert taylor_widget.polynomial_text([0.0, 0.0], 1.0) == "0"
    text = taylor_widget.polynomial_text(np.ones(10), -2.0, max_terms=3)
    assert text == r"1 + (x + 2) + (x + 2)^{2} + \dots"


def test_trust_radius() -> None:
    X, Y = np.meshgrid(np.linspace(-1, 1, 21), np.linspace(-1, 1, 21))
    error = X**2 + Y**2
    assert taylor_widget.trust_radius(X, Y, error, (0.0, 0.0), 0.25) == pytest.approx(0.5)
    assert taylor_widget.trust_radius(X, Y, 0 * X, (0.0, 0.0)) == math.inf


def test_drawings_return_the_figure() -> None:
    fig = Figure()
    assert taylor_widget.draw_series(fig, "1/(1-x)", 0.5, 6) is fig
    assert len(fig.axes) == 2
    fig = Figure()
    assert taylor_widget.draw_surface(fig, "monkey saddle", (0.2, 0.1), num=30) is fig
    fig = Figure()
    assert taylor_widget.draw_surface_3d(fig, "ripple", (0.0, 0.0), num=10) is fig
    assert len(fig.axes) == 2


def test_series_explorer_redraws_when_controls_change() -> None:
    explorer = taylor_widget.SeriesExplorer("sin", 0.0, 1, max_order=12)
    first = bytes(explorer.image.value)
    assert first.startswith(b"\x89PNG")
    explorer.order.value = 7
    assert bytes(explorer.image.value) != first
    assert "x^{7}" in explorer.formula.value
    explorer.function.value = "log(1+x)"
    lo, hi = taylor.FUNCTIONS["log(1+x)"].plot_range
    assert lo <= explorer.point.value <= hi and explorer.point.min == lo


def test_surface_explorer_shows_the_derivatives() -> None:
    explorer = taylor_widget.SurfaceExplorer("monkey saddle", (1.0, 0.0))
    assert r"\begin{pmatrix} 3 & 0 \end{pmatrix}" in explorer.derivatives.value
    explorer.surface.value = "log-sum-exp"
    (x0, x1), (y0, y1) = taylor.SURFACES["log-sum-exp"].plot_range
    assert x0 <= explorer.x0.value <= x1 and y0 <= explorer.y0.value <= y1
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
