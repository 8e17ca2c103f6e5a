"""The Multivariate Calculus practice exercises: every maker draws valid, reproducible instances
whose expected answers agree with independent computations (finite differences, scipy)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import optimize

from mml import practice
from mml.mc import exercises  # noqa: F401 - registers the exercises

NAMES = ["polynomial_derivative", "product_derivative", "chain_derivative", "match_derivative",
         "partial_derivatives", "hessian", "jacobian_polar", "numerical_jacobian",
         "total_derivative", "neuron", "neuron_gradient", "taylor_coefficients",
         "taylor_polynomial", "linearisation", "quadratic_approximation", "taylor_errors",
         "lagrange_system", "solve_lagrange", "largest_rectangle", "chi_squared", "fit_line",
         "chi_squared_gradient", "gradient_descent_line"]
SEEDS = range(1, 21)


def test_every_exercise_is_registered() -> None:
    assert set(NAMES) <= set(practice.names())


@pytest.mark.parametrize("name", NAMES)
def test_instances_are_reproducible_and_finite(name: str) -> None:
    for seed in SEEDS:
        first, again = practice.another(name, seed), practice.another(name, seed)
        np.testing.assert_array_equal(first.expected, again.expected)
        assert np.all(np.isfinite(first.expected)), (name, seed)
        assert first.question and first.hint


def _central(f, x: float, h: float = 1e-6) -> float:  # noqa: ANN001 - a callable
    return (f(x + h) - f(x - h)) / (2 * h)


def test_rule_instances_against_central_differences() -> None:
    for seed in SEEDS:
        p = practice.another("product_derivative", seed)
        assert p.expected == pytest.approx(
            _central(lambda t, p=p: t**p.a * np.exp(p.b * t), p.x), rel=1e-6)
        c = practice.another("chain_derivative", seed)
        assert c.expected == pytest.approx(
            _central(lambda t, c=c: np.sin(c.a * t**c.b), c.x), rel=1e-5, abs=1e-8)
        d = practice.another("polynomial_derivative", seed)
        np.testing.assert_allclose(
            d.expected, np.polynomial.Polynomial(d.coefficients).deriv().coef)


def test_match_derivative_instances_have_one_derivative_among_distinct_curves() -> None:
    for seed in SEEDS:
        p = practice.another("match_derivative", seed)
        slopes = np.gradient(p.f_values, p.x, edge_order=2)
        gaps = np.linalg.norm(p.candidates - slopes, axis=1) / np.linalg.norm(slopes)
        index = int(p.expected)
        assert gaps[index] < 0.01, seed  # the expected row is the derivative
        assert np.delete(gaps, index).min() > 0.2, seed  # every other row is clearly not


def test_jacobian_and_hessian_instances_against_central_differences() -> None:
    for seed in SEEDS:
        p = practice.another("partial_derivatives", seed)

        def f(x, y, p=p):  # noqa: ANN001, ANN202
            return p.a * x**2 * y + p.b * np.sin(x * y)

        grad = [_central(lambda t, p=p: f(t, p.y), p.x), _central(lambda t, p=p: f(p.x, t), p.y)]
        np.testing.assert_allclose(p.expected, grad, rtol=1e-6, atol=1e-7)
        h = practice.another("hessian", seed)
        np.testing.assert_allclose(h.expected, h.expected.T)
        j = practice.another("numerical_jacobian", seed)
        columns = [(j.u(j.p + 1e-6 * e) - j.u(j.p - 1e-6 * e)) / 2e-6 for e in np.eye(j.p.size)]
        np.testing.assert_allclose(j.expected, np.column_stack(columns), rtol=1e-6, atol=1e-8)


def test_chain_rule_instances() -> None:
    for seed in SEEDS:
        p = practice.another("total_derivative", seed)
        along = lambda t, p=p: np.cos(p.a * t) ** 2 * np.exp(p.b * t)  # noqa: E731
        assert p.expected == pytest.approx(_central(along, p.t), rel=1e-6, abs=1e-8)
        g = practice.another("neuron_gradient", seed)

        def cost(v, g=g):  # noqa: ANN001, ANN202
            return (1 / (1 + np.exp(-(v[:-1] @ g.x + v[-1]))) - g.y) ** 2

        v0 = np.append(g.w, g.b)
        numeric = [(cost(v0 + 1e-6 * e) - cost(v0 - 1e-6 * e)) / 2e-6 for e in np.eye(v0.size)]
        np.testing.assert_allclose(g.expected, numeric, rtol=1e-5, atol=1e-9)


def test_taylor_instances_approximate_their_functions() -> None:
    for seed in SEEDS:
        p = practice.another("taylor_polynomial", seed)
        values = np.polynomial.Polynomial(p.coefficients)(p.x - p.a)
        np.testing.assert_allclose(values, p.expected, rtol=1e-10)
        e = practice.another("taylor_errors", seed)
        assert e.expected[-1] < 0.05  # x lies well inside the radius of convergence


def test_surface_models_against_finite_differences() -> None:
    p = practice.another("quadratic_approximation", 3)
    step = p.x - p.p
    model = p.f_p + p.J @ step + step @ p.H @ step / 2
    assert p.expected == pytest.approx(model)
    assert practice.another("linearisation", 3).check(
        p.f_p + p.J @ step, quiet=True)


def test_lagrange_solutions_agree_with_slsqp() -> None:
    for seed in SEEDS:
        p = practice.another("solve_lagrange", seed)
        x, y, lam = p.expected
        assert np.allclose(p.grad_f([x, y]), lam * np.asarray(p.grad_g([x, y])))
        assert abs(p.g([x, y])) < 1e-12
    r = practice.another("largest_rectangle", 5)
    corner = optimize.minimize(lambda q: -q[0] * q[1], [r.a / 2, r.b / 2], method="SLSQP",
                               constraints={"type": "eq",
                                            "fun": lambda q: (q[0] / r.a) ** 2 + (q[1] / r.b) ** 2
                                            - 1}).x
    np.testing.assert_allclose(r.expected, 2 * corner, rtol=1e-5)


def test_regression_instances() -> None:
    for seed in SEEDS:
        fit = practice.another("fit_line", seed)
        np.testing.assert_allclose(fit.expected, np.polyfit(fit.x, fit.y, 1), atol=1e-10)
        g = practice.another("chi_squared_gradient", seed)

        def chi2_m(m, g=g):  # noqa: ANN001, ANN202
            return np.sum((g.y - m * g.x - g.c) ** 2)

        def chi2_c(c, g=g):  # noqa: ANN001, ANN202
            return np.sum((g.y - g.m * g.x - c) ** 2)

        np.testing.assert_allclose(g.expected, [_central(chi2_m, g.m), _central(chi2_c, g.c)],
                                   rtol=1e-5, atol=1e-5)
    descent = practice.another("gradient_descent_line", 2)
    start = np.array([descent.m0, descent.c0])
    assert descent.steps > 0 and not np.allclose(descent.expected, start)


def test_a_wrong_answer_is_reported_with_the_hint(capsys: pytest.CaptureFixture[str]) -> None:
    p = practice.another("taylor_coefficients", 4)
    assert not p.check(p.derivatives)  # forgot the factorials
    assert "factorial" in capsys.readouterr().out
