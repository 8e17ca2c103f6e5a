"""Taylor series in one and two variables: the maths behind the mc-w4 Taylor explorer.

Everything here is pure NumPy (no plotting, no widgets; :mod:`mml.mc.taylor_widget` is the view).

One variable
    :data:`FUNCTIONS` holds functions whose derivatives of every order are known in closed form
    (:class:`Function1D`). :func:`taylor_coefficients` gives ``c_k = f^(k)(a) / k!`` from those
    formulas, :func:`finite_difference_coefficients` estimates the same numbers from values of
    ``f`` only, :func:`taylor_polynomial` evaluates ``sum_k c_k (x - a)^k`` and
    :func:`radius_of_convergence` says how far from ``a`` the series can converge.

Two variables
    :data:`SURFACES` holds surfaces ``f(x, y)`` with their gradient (the 1x2 Jacobian, returned as
    shape ``(2,)``) and 2x2 Hessian (:class:`Surface`). :func:`linear_approximation` and
    :func:`quadratic_approximation` evaluate
    ``f(p) + J d`` and ``f(p) + J d + d^T H d / 2`` with ``d = (x, y) - p`` on any grid;
    :func:`numerical_gradient` and :func:`numerical_hessian` estimate ``J`` and ``H`` by central
    differences.

Example
-------
>>> import numpy as np
>>> c = taylor_coefficients("exp", 0.0, 3)
>>> np.allclose(c, [1, 1, 1 / 2, 1 / 6])
True
>>> float(taylor_polynomial(c, 0.0, 1.0))
2.6666666666666665
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

ArrayLike = float | Sequence[float] | np.ndarray

# --------------------------------------------------------------------------- one variable


@dataclass(frozen=True)
class Function1D:
    """A function of one variable with a formula for its derivatives of every order.

    Attributes
    ----------
    name : str
        Key in :data:`FUNCTIONS`, for example ``"log(1+x)"``.
    label : str
        The formula in LaTeX (matplotlib mathtext), for titles.
    f : callable
        ``f(x)`` for an array ``x`` of any shape, elementwise; NaN outside the domain.
    derivative : callable
        ``derivative(k, a)`` is the k-th derivative at the real number ``a`` (k = 0 is f(a)).
    domain : (float, float)
        The open interval where f is defined (may be infinite).
    plot_range : (float, float)
        A good window of x values for a picture.
    singularities : tuple of complex
        Points of the complex plane where f blows up; they limit the radius of convergence.
    """

    name: str
    label: str
    f: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[int, float], float]
    domain: tuple[float, float] = (-math.inf, math.inf)
    plot_range: tuple[float, float] = (-4.0, 4.0)
    singularities: tuple[complex, ...] = field(default=())

    def __call__(self, x: ArrayLike) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        inside = (x > self.domain[0]) & (x < self.domain[1])
        with np.errstate(all="ignore"):
            return np.where(inside, self.f(np.where(inside, x, 0.0)), np.nan)

    def contains(self, a: float) -> bool:
        """True if ``a`` lies inside the open domain."""
        return self.domain[0] < a < self.domain[1]


def _hermite(k: int, x: float) -> float:
    """Physicists' Hermite polynomial H_k(x), by the recurrence H_{j+1} = 2x H_j - 2j H_{j-1}."""
    previous, current = 0.0, 1.0
    for j in range(k):
        previous, current = current, 2 * x * current - 2 * j * previous
    return current


def _exp_derivative(k: int, a: float) -> float:
    return math.exp(a)


def _sin_derivative(k: int, a: float) -> float:
    return math.sin(a + k * math.pi / 2)


def _log1p_derivative(k: int, a: float) -> float:
    if k == 0:
        return math.log1p(a)
    return (-1) ** (k - 1) * math.factorial(k - 1) / (1 + a) ** k


def _geometric_derivative(k: int, a: float) -> float:
    return math.factorial(k) / (1 - a) ** (k + 1)


def _gaussian_derivative(k: int, a: float) -> float:
    # d^k/dx^k exp(-x^2) = (-1)^k H_k(x) exp(-x^2)
    return (-1) ** k * _hermite(k, a) * math.exp(-a * a)


def _runge_derivative(k: int, a: float) -> float:
    # 1 / (1 + x^2) = Im(1 / (x - i)) for real x, and d^k/dx^k 1/(x - i) = (-1)^k k! / (x - i)^(k+1)
    return ((-1) ** k * math.factorial(k) / complex(a, -1.0) ** (k + 1)).imag


FUNCTIONS: dict[str, Function1D] = {
    fn.name: fn
    for fn in (
        Function1D("exp", r"$e^{x}$", np.exp, _exp_derivative, plot_range=(-4.0, 3.0)),
        Function1D("sin", r"$\sin x$", np.sin, _sin_derivative, plot_range=(-7.0, 7.0)),
        Function1D(
            "log(1+x)", r"$\ln(1+x)$", np.log1p, _log1p_derivative,
            domain=(-1.0, math.inf), plot_range=(-0.95, 3.0), singularities=(-1 + 0j,),
        ),
        Function1D(
            "1/(1-x)", r"$1/(1-x)$", lambda x: 1 / (1 - x), _geometric_derivative,
            domain=(-math.inf, 1.0), plot_range=(-3.0, 0.95), singularities=(1 + 0j,),
        ),
        Function1D(
            "gaussian", r"$e^{-x^2}$", lambda x: np.exp(-x * x), _gaussian_derivative,
            plot_range=(-3.0, 3.0),
        ),
        Function1D(
            "1/(1+x^2)", r"$1/(1+x^2)$", lambda x: 1 / (1 + x * x), _runge_derivative,
            plot_range=(-3.0, 3.0), singularities=(1j, -1j),
        ),
    )
}


def get_function(func: str | Function1D) -> Function1D:
    """The :class:`Function1D` called ``func`` in :data:`FUNCTIONS` (or ``func`` itself)."""
    if isinstance(func, Function1D):
        return func
    try:
        return FUNCTIONS[func]
    except KeyError:
        raise KeyError(f"unknown function {func!r}; choose one of {list(FUNCTIONS)}") from None


def taylor_coefficients(func: str | Function1D, a: float, order: int) -> np.ndarray:
    """Coefficients ``c_k = f^(k)(a) / k!`` of the Taylor series of ``func`` about ``a``.

    Parameters
    ----------
    func : name in :data:`FUNCTIONS` or a :class:`Function1D`
    a : float
        Expansion point, inside the function's domain.
    order : int, >= 0
        Highest power kept.

    Returns
    -------
    numpy.ndarray, shape (order + 1,), float: ``c_0, c_1, ..., c_order``.
    """
    fn = get_function(func)
    order = int(order)
    if order < 0:
        raise ValueError("order must be >= 0")
    a = float(a)
    if not fn.contains(a):
        raise ValueError(f"{fn.name} is not defined at a = {a}")
    return np.array(
        [fn.derivative(k, a) / math.factorial(k) for k in range(order + 1)], dtype=float
    )


def finite_difference_derivatives(
    f: Callable[[np.ndarray], np.ndarray], a: float, order: int, scale: float = 1.0
) -> np.ndarray:
    """Estimate ``f^(k)(a)`` for ``k = 0..order`` from values of ``f`` alone.

    The k-th derivative uses the central difference of order k,
    ``h^-k sum_j (-1)^j C(k, j) f(a + (k/2 - j) h)``, whose truncation error is O(h^2) while the
    rounding error grows like ``eps / h^k``. Each order gets its own step
    ``h_k = scale * eps^(1 / (k + 2))``, which balances the two. Even so, high orders lose
    digits fast: expect about ``16 (2 / (k + 2))`` correct digits for the k-th derivative.

    Parameters
    ----------
    f : callable, elementwise on arrays
    a : float
    order : int, >= 0
    scale : float
        The length over which f changes appreciably (steps are proportional to it).

    Returns
    -------
    numpy.ndarray, shape (order + 1,)
    """
    eps = np.finfo(float).eps
    out = np.empty(int(order) + 1)
    for k in range(int(order) + 1):
        if k == 0:
            out[0] = float(f(np.array(float(a))))
            continue
        h = scale * eps ** (1.0 / (k + 2))
        j = np.arange(k + 1)
        weights = (-1.0) ** j * np.array([math.comb(k, int(i)) for i in j], dtype=float)
        values = f(float(a) + (k / 2 - j) * h)
        out[k] = float(weights @ values) / h**k
    return out


def finite_difference_coefficients(
    f: Callable[[np.ndarray], np.ndarray], a: float, order: int, scale: float = 1.0
) -> np.ndarray:
    """Taylor coefficients ``f^(k)(a) / k!`` estimated by :func:`finite_difference_derivatives`."""
    derivatives = finite_difference_derivatives(f, a, order, scale)
    factorials = np.array([math.factorial(k) for k in range(len(derivatives))], dtype=float)
    return derivatives / factorials


def taylor_polynomial(coefficients: ArrayLike, a: float, x: ArrayLike) -> np.ndarray:
    """Evaluate ``sum_k c_k (x - a)^k`` by Horner's rule.

    Parameters
    ----------
    coefficients : array-like, shape (n + 1,)
        ``c_0, ..., c_n``, lowest power first.
    a : float
        Expansion point.
    x : float or array of any shape

    Returns
    -------
    numpy.ndarray with the shape of ``x`` (a 0-d array for a number).
    """
    c = np.asarray(coefficients, dtype=float).ravel()
    d = np.asarray(x, dtype=float) - float(a)
    result = np.zeros_like(d)
    for ck in c[::-1]:
        result = result * d + ck
    return result


def taylor_series(func: str | Function1D, a: float, order: int, x: ArrayLike) -> np.ndarray:
    """The Taylor polynomial of ``func`` about ``a`` of the given order, evaluated at ``x``."""
    return taylor_polynomial(taylor_coefficients(func, a, order), a, x)


def radius_of_convergence(func: str | Function1D, a: float) -> float:
    """Distance from ``a`` to the nearest singularity of ``func`` in the complex plane.

    The Taylor series about ``a`` converges for ``|x - a|`` below this radius and diverges
    beyond it; ``math.inf`` for functions without singularities (exp, sin, the Gaussian).
    """
    fn = get_function(func)
    if not fn.singularities:
        return math.inf
    return min(abs(complex(a) - s) for s in fn.singularities)


# --------------------------------------------------------------------------- two variables


@dataclass(frozen=True)
class Surface:
    """A function of two variables with its gradient and Hessian in closed form.

    Attributes
    ----------
    name : str
        Key in :data:`SURFACES`.
    label : str
        The formula in LaTeX (matplotlib mathtext).
    f : callable
        ``f(x, y)`` for arrays ``x``, ``y`` of the same shape, elementwise.
    gradient : callable
        ``gradient(x, y)`` at one point: array of shape (2,), ``(df/dx, df/dy)`` (the Jacobian
        of a scalar function, a 1x2 row, stored flat).
    hessian : callable
        ``hessian(x, y)`` at one point: symmetric array of shape (2, 2).
    plot_range : ((float, float), (float, float))
        A good window ``((xmin, xmax), (ymin, ymax))`` for a picture.
    """

    name: str
    label: str
    f: Callable[[np.ndarray, np.ndarray], np.ndarray]
    gradient: Callable[[float, float], np.ndarray]
    hessian: Callable[[float, float], np.ndarray]
    plot_range: tuple[tuple[float, float], tuple[float, float]] = ((-2.0, 2.0), (-2.0, 2.0))


_BUMPS = ((1.0, 0.7, -0.4, 0.8), (0.7, -1.0, 0.7, 0.5))  # (height, cx, cy, width^2)


def _bumps_f(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return sum(h * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / w) for h, cx, cy, w in _BUMPS)


def _bumps_gradient(x: float, y: float) -> np.ndarray:
    total = np.zeros(2)
    for h, cx, cy, w in _BUMPS:
        d = np.array([x - cx, y - cy])
        total += h * np.exp(-(d @ d) / w) * (-2 * d / w)
    return total


def _bumps_hessian(x: float, y: float) -> np.ndarray:
    total = np.zeros((2, 2))
    for h, cx, cy, w in _BUMPS:
        d = np.array([x - cx, y - cy])
        total += h * np.exp(-(d @ d) / w) * (4 * np.outer(d, d) / w**2 - 2 * np.eye(2) / w)
    return total


def _softmax(x: float, y: float) -> np.ndarray:
    z = np.array([x, y], dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


SURFACES: dict[str, Surface] = {
    s.name: s
    for s in (
        Surface(
            "two hills", r"two Gaussian hills", _bumps_f, _bumps_gradient, _bumps_hessian,
            plot_range=((-2.5, 2.5), (-2.0, 2.2)),
        ),
        Surface(
            "ripple", r"$\sin x \, \cos y$",
            lambda x, y: np.sin(x) * np.cos(y),
            lambda x, y: np.array([np.cos(x) * np.cos(y), -np.sin(x) * np.sin(y)]),
            lambda x, y: np.array([
                [-np.sin(x) * np.cos(y), -np.cos(x) * np.sin(y)],
                [-np.cos(x) * np.sin(y), -np.sin(x) * np.cos(y)],
            ]),
            plot_range=((-3.2, 3.2), (-3.2, 3.2)),
        ),
        Surface(
            "monkey saddle", r"$x^3 - 3 x y^2$",
            lambda x, y: x**3 - 3 * x * y**2,
            lambda x, y: np.array([3 * x**2 - 3 * y**2, -6 * x * y]),
            lambda x, y: np.array([[6 * x, -6 * y], [-6 * y, -6 * x]]),
            plot_range=((-1.5, 1.5), (-1.5, 1.5)),
        ),
        Surface(
            "log-sum-exp", r"$\ln(e^x + e^y)$",
            lambda x, y: np.logaddexp(x, y),
            _softmax,
            lambda x, y: np.diag(_softmax(x, y)) - np.outer(_softmax(x, y), _softmax(x, y)),
            plot_range=((-3.0, 3.0), (-3.0, 3.0)),
        ),
    )
}


def get_surface(surface: str | Surface) -> Surface:
    """The :class:`Surface` called ``surface`` in :data:`SURFACES` (or ``surface`` itself)."""
    if isinstance(surface, Surface):
        return surface
    try:
        return SURFACES[surface]
    except KeyError:
        raise KeyError(f"unknown surface {surface!r}; choose one of {list(SURFACES)}") from None


def _steps(point: ArrayLike, x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    p = np.asarray(point, dtype=float).ravel()
    if p.shape != (2,):
        raise ValueError("point must have two coordinates (x0, y0)")
    dx, dy = np.broadcast_arrays(np.asarray(x, dtype=float) - p[0],
                                 np.asarray(y, dtype=float) - p[1])
    return dx, dy


def linear_approximation(
    value: float, jacobian: ArrayLike, point: ArrayLike, x: ArrayLike, y: ArrayLike
) -> np.ndarray:
    """The linearisation ``f(p) + J (x - p)`` evaluated on ``x``, ``y``.

    Parameters
    ----------
    value : float
        ``f(p)``.
    jacobian : array-like, shape (2,) or (1, 2)
        ``(df/dx, df/dy)`` at ``p``.
    point : array-like, shape (2,)
        The expansion point ``p = (x0, y0)``.
    x, y : arrays of the same (or broadcastable) shape, for example from ``numpy.meshgrid``

    Returns
    -------
    numpy.ndarray with the broadcast shape of ``x`` and ``y``.
    """
    J = np.asarray(jacobian, dtype=float).ravel()
    if J.shape != (2,):
        raise ValueError("the Jacobian of f(x, y) has two entries")
    dx, dy = _steps(point, x, y)
    return float(value) + J[0] * dx + J[1] * dy


def quadratic_approximation(
    value: float,
    jacobian: ArrayLike,
    hessian: ArrayLike,
    point: ArrayLike,
    x: ArrayLike,
    y: ArrayLike,
) -> np.ndarray:
    """The second-order Taylor polynomial ``f(p) + J d + d^T H d / 2`` with ``d = (x, y) - p``.

    Parameters are as for :func:`linear_approximation`, plus ``hessian``, shape (2, 2).

    Returns
    -------
    numpy.ndarray with the broadcast shape of ``x`` and ``y``.
    """
    H = np.asarray(hessian, dtype=float)
    if H.shape != (2, 2):
        raise ValueError("the Hessian of f(x, y) is 2x2")
    dx, dy = _steps(point, x, y)
    linear = linear_approximation(value, jacobian, point, x, y)
    return linear + 0.5 * (H[0, 0] * dx * dx + (H[0, 1] + H[1, 0]) * dx * dy + H[1, 1] * dy * dy)


def surface_approximations(
    surface: str | Surface, point: ArrayLike, x: ArrayLike, y: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """``(linear, quadratic)`` approximations of a surface about ``point``, on ``x``, ``y``."""
    s = get_surface(surface)
    x0, y0 = (float(v) for v in np.asarray(point, dtype=float).ravel())
    value = float(s.f(np.array(x0), np.array(y0)))
    J, H = s.gradient(x0, y0), s.hessian(x0, y0)
    return (
        linear_approximation(value, J, (x0, y0), x, y),
        quadratic_approximation(value, J, H, (x0, y0), x, y),
    )


def numerical_gradient(
    f: Callable[[np.ndarray, np.ndarray], np.ndarray], point: ArrayLike, h: float = 1e-6
) -> np.ndarray:
    """Central-difference estimate of ``(df/dx, df/dy)`` at ``point``; shape (2,)."""
    x0, y0 = (float(v) for v in np.asarray(point, dtype=float).ravel())
    fx = (f(np.array(x0 + h), np.array(y0)) - f(np.array(x0 - h), np.array(y0))) / (2 * h)
    fy = (f(np.array(x0), np.array(y0 + h)) - f(np.array(x0), np.array(y0 - h))) / (2 * h)
    return np.array([float(fx), float(fy)])


def numerical_hessian(
    f: Callable[[np.ndarray, np.ndarray], np.ndarray], point: ArrayLike, h: float = 1e-4
) -> np.ndarray:
    """Central-difference estimate of the 2x2 Hessian at ``point`` (symmetric by construction)."""
    x0, y0 = (float(v) for v in np.asarray(point, dtype=float).ravel())

    def at(dx: float, dy: float) -> float:
        return float(f(np.array(x0 + dx), np.array(y0 + dy)))

    centre = at(0, 0)
    fxx = (at(h, 0) - 2 * centre + at(-h, 0)) / h**2
    fyy = (at(0, h) - 2 * centre + at(0, -h)) / h**2
    fxy = (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h**2)
    return np.array([[fxx, fxy], [fxy, fyy]])
