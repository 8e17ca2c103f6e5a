"""Practice exercises of the Multivariate Calculus course, one maker per graded function.

Importing this module registers the exercises with :mod:`mml.practice`; every ``practice.ipynb``
of the course does it in its first cell::

    >>> from mml import practice
    >>> from mml.mc import exercises
    >>> p = practice.another("taylor_coefficients", seed=1)
    >>> k = np.arange(p.derivatives.size)
    >>> p.check(p.derivatives / scipy.special.factorial(k), quiet=True)
    True

Each exercise's inputs are the graded function's arguments, in order, so ``p.call(func)``
runs the learner's function on a fresh instance. The instances are drawn from functions whose
derivatives are known in closed form (:mod:`mml.mc.taylor`), so the expected answers never come
from the code being practised.
"""

from __future__ import annotations

import numpy as np

from mml import practice
from mml.mc import taylor

# --------------------------------------------------------------------------- week 1: rules


@practice.exercise("polynomial_derivative", title="Derivative of a polynomial")
def _polynomial_derivative(rng: np.random.Generator) -> practice.Instance:
    coefficients = rng.integers(-6, 7, size=int(rng.integers(2, 7))).astype(float)
    powers = np.arange(coefficients.size)
    terms = " + ".join(f"{c:g} x^{{{k}}}" for k, c in zip(powers, coefficients, strict=True)
                       if c != 0).replace("+ -", "- ") or "0"
    return practice.Instance(
        question=(f"The coefficients (lowest power first) of the derivative of $p(x) = "
                  f"{terms}$."),
        inputs={"coefficients": coefficients},
        expected=(powers * coefficients)[1:],
        hint="power rule: every term loses one power and gains a factor; the constant term "
             "vanishes, so the list gets one entry shorter",
    )


@practice.exercise("product_derivative", title="Product rule")
def _product_derivative(rng: np.random.Generator) -> practice.Instance:
    a, b = int(rng.integers(1, 5)), float(np.round(rng.uniform(-2, 2), 1))
    x = float(np.round(rng.uniform(0.2, 2.0), 2))
    return practice.Instance(
        question=f"$f'(x)$ at $x = {x}$ for $f(x) = x^{{{a}}}\\, e^{{{b:g} x}}$ (here $a = {a}$, "
                 f"$b = {b:g}$).",
        inputs={"a": a, "b": b, "x": x},
        expected=(a * x ** (a - 1) + b * x**a) * np.exp(b * x),
        hint="product rule: two terms, one for each factor differentiated; the exponential's "
             "inner function bx has a derivative of its own (chain rule)",
    )


@practice.exercise("chain_derivative", title="Chain rule")
def _chain_derivative(rng: np.random.Generator) -> practice.Instance:
    a, b = float(np.round(rng.uniform(-2, 2), 1)), int(rng.integers(1, 5))
    x = float(np.round(rng.uniform(0.2, 1.5), 2))
    return practice.Instance(
        question=f"$f'(x)$ at $x = {x}$ for $f(x) = \\sin({a:g}\\, x^{{{b}}})$ (here $a = {a:g}$, "
                 f"$b = {b}$).",
        inputs={"a": a, "b": b, "x": x},
        expected=np.cos(a * x**b) * a * b * x ** (b - 1),
        hint="chain rule: the outer derivative taken at the inner value, times the inner "
             "function's own derivative",
    )


def _curve_family(rng: np.random.Generator, x: np.ndarray) -> tuple[str, np.ndarray, np.ndarray,
                                                                     np.ndarray]:
    """A random function's name, its values, its derivative and an antiderivative on ``x``."""
    a = float(rng.choice([-2.0, -1.5, -1.0, 1.0, 1.5, 2.0]))
    b = float(rng.choice([-1.5, -0.5, 0.5, 1.5, 2.0]))
    kind = int(rng.integers(3))
    if kind == 0:
        return (f"{a:g} \\sin({b:g} x)", a * np.sin(b * x), a * b * np.cos(b * x),
                -a / b * np.cos(b * x))
    if kind == 1:
        return (f"{a:g} x^3 + {b:g} x", a * x**3 + b * x, 3 * a * x**2 + b,
                a * x**4 / 4 + b * x**2 / 2)
    return (f"{a:g} e^{{{b:g} x}}", a * np.exp(b * x), a * b * np.exp(b * x),
            a / b * np.exp(b * x))


@practice.exercise("match_derivative", title="Which curve is the derivative?")
def _match_derivative(rng: np.random.Generator) -> practice.Instance:
    x = np.linspace(-2.0, 2.0, int(rng.integers(60, 101)))
    while True:
        name, f, df, antiderivative = _curve_family(rng, x)
        others = [f, -df, 2 * df, df + 1, antiderivative]
        # every wrong curve must be visibly different from the derivative
        if min(np.linalg.norm(o - df) for o in others) > 0.3 * np.linalg.norm(df):
            break
    rows = [df, *others]
    order = rng.permutation(len(rows))
    candidates = np.array([rows[i] for i in order])
    return practice.Instance(
        question=(f"$f(x) = {name}$ is sampled at the points `p.x`, its values are "
                  "`p.f_values`; which row of `p.candidates` (counting from 0) is $f'$? "
                  "Plot them to see it first."),
        inputs={"x": x, "f_values": f, "candidates": candidates},
        expected=float(np.flatnonzero(order == 0)[0]),
        hint="read the slope off the samples (rise over run between neighbours) and find the "
             "curve closest to it; a curve of the right shape can still have the wrong sign "
             "or size",
        rtol=0, atol=1e-12,
    )


# --------------------------------------------------------------------------- week 2: Jacobians


def _f_parts(a: float, b: float, x: float, y: float) -> tuple[np.ndarray, np.ndarray]:
    """Gradient and Hessian of f(x, y) = a x^2 y + b sin(x y)."""
    s, c = np.sin(x * y), np.cos(x * y)
    gradient = np.array([2 * a * x * y + b * y * c, a * x**2 + b * x * c])
    cross = 2 * a * x + b * c - b * x * y * s
    hessian = np.array([[2 * a * y - b * y**2 * s, cross], [cross, -b * x**2 * s]])
    return gradient, hessian


def _f_inputs(rng: np.random.Generator) -> dict:
    a, b = (float(v) for v in rng.integers(-3, 4, size=2))
    x, y = (float(v) for v in np.round(rng.uniform(-1.5, 1.5, size=2), 1))
    return {"a": a, "b": b, "x": x, "y": y}


def _f_text(inputs: dict) -> str:
    return (f"$f(x, y) = a x^2 y + b \\sin(xy)$ with $a = {inputs['a']:g}$, $b = "
            f"{inputs['b']:g}$, at $(x, y) = ({inputs['x']:g}, {inputs['y']:g})$")


@practice.exercise("partial_derivatives", title="Partial derivatives")
def _partial_derivatives(rng: np.random.Generator) -> practice.Instance:
    inputs = _f_inputs(rng)
    return practice.Instance(
        question=f"$(\\partial f/\\partial x, \\partial f/\\partial y)$ for {_f_text(inputs)}.",
        inputs=inputs,
        expected=_f_parts(**inputs)[0],
        hint="treat the other variable as a constant; sin(xy) needs the chain rule",
    )


@practice.exercise("hessian", title="The Hessian")
def _hessian(rng: np.random.Generator) -> practice.Instance:
    inputs = _f_inputs(rng)
    return practice.Instance(
        question=f"The Hessian matrix of second partial derivatives for {_f_text(inputs)}.",
        inputs=inputs,
        expected=_f_parts(**inputs)[1],
        hint="differentiate each first partial derivative again, by x (first row) and by y; "
             "the two mixed entries are equal",
    )


@practice.exercise("jacobian_polar", title="Jacobian of polar coordinates")
def _jacobian_polar(rng: np.random.Generator) -> practice.Instance:
    r = float(np.round(rng.uniform(0.5, 3), 1))
    theta = float(np.round(rng.uniform(-np.pi, np.pi), 2))
    return practice.Instance(
        question=(f"The Jacobian of $(r, \\theta) \\mapsto (r\\cos\\theta, r\\sin\\theta)$ at "
                  f"$r = {r}$, $\\theta = {theta}$ (rows: outputs, columns: inputs)."),
        inputs={"r": r, "theta": theta},
        expected=np.array([[np.cos(theta), -r * np.sin(theta)],
                           [np.sin(theta), r * np.cos(theta)]]),
        hint="row i holds the partial derivatives of output i; column j those by input j",
    )


@practice.exercise("numerical_jacobian", title="A Jacobian by central differences")
def _numerical_jacobian(rng: np.random.Generator) -> practice.Instance:
    A = rng.integers(-3, 4, size=(int(rng.integers(1, 4)), int(rng.integers(1, 4)))).astype(float)
    p = np.round(rng.uniform(-1, 1, size=A.shape[1]), 1)

    def u(point: np.ndarray) -> np.ndarray:
        return A @ np.asarray(point, dtype=float) + np.sin(np.sum(point))

    cosine = np.cos(np.sum(p))
    return practice.Instance(
        question=(f"The Jacobian, by central differences with $h = 10^{{-6}}$, of "
                  f"$u(p) = A p + \\sin(\\textstyle\\sum_j p_j)$ with $A = {practice.latex(A)}$ "
                  f"at $p = {practice.latex(p)}$."),
        inputs={"u": u, "p": p, "h": 1e-6},
        expected=A + cosine,
        hint="column j is how every output changes when only input j moves (a central "
             "difference in that direction); one row per output",
        rtol=1e-6, atol=1e-8,
    )


# --------------------------------------------------------------------------- week 3: chain rule


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


@practice.exercise("total_derivative", title="Multivariate chain rule along a path")
def _total_derivative(rng: np.random.Generator) -> practice.Instance:
    a, b = (float(v) for v in np.round(rng.uniform(-2, 2, size=2), 1))
    t = float(np.round(rng.uniform(-1.5, 1.5), 2))
    x, y = np.cos(a * t), np.exp(b * t)
    return practice.Instance(
        question=(f"$df/dt$ at $t = {t}$ for $f(x, y) = x^2 y$ along the path "
                  f"$x = \\cos({a:g} t)$, $y = e^{{{b:g} t}}$ (here $a = {a:g}$, $b = {b:g}$)."),
        inputs={"a": a, "b": b, "t": t},
        expected=2 * x * y * (-a * np.sin(a * t)) + x**2 * b * y,
        hint="t reaches f along two paths, through x and through y: one chain-rule term per "
             "path, added",
    )


def _neuron_inputs(rng: np.random.Generator) -> dict:
    n = int(rng.integers(2, 5))
    return {"w": np.round(rng.normal(size=n), 1), "b": float(np.round(rng.normal(), 1)),
            "x": np.round(rng.uniform(-1, 1, size=n), 1)}


@practice.exercise("neuron", title="One neuron")
def _neuron(rng: np.random.Generator) -> practice.Instance:
    inputs = _neuron_inputs(rng)
    w, b, x = inputs["w"], inputs["b"], inputs["x"]
    return practice.Instance(
        question=(f"The activation $\\sigma(w \\cdot x + b)$ of a logistic neuron with "
                  f"$w = {practice.latex(w)}$, $b = {b}$, $x = {practice.latex(x)}$."),
        inputs=inputs,
        expected=float(_sigmoid(w @ x + b)),
        hint="a neuron weighs its inputs, adds its bias, then squashes the sum with the "
             "logistic function",
    )


@practice.exercise("neuron_gradient", title="Gradient of a neuron's cost")
def _neuron_gradient(rng: np.random.Generator) -> practice.Instance:
    inputs = _neuron_inputs(rng)
    target = float(rng.choice([0.0, 1.0]))
    w, b, x = inputs["w"], inputs["b"], inputs["x"]
    a = float(_sigmoid(w @ x + b))
    delta = 2 * (a - target) * a * (1 - a)
    return practice.Instance(
        question=(f"The gradient $(\\partial C/\\partial w, \\partial C/\\partial b)$ of "
                  f"$C = (\\sigma(w \\cdot x + b) - y)^2$ for $w = {practice.latex(w)}$, "
                  f"$b = {b}$, $x = {practice.latex(x)}$, $y = {target:g}$."),
        inputs={**inputs, "y": target},
        expected=np.append(delta * x, delta),
        hint="follow the chain cost -> a -> z -> (w, b): one factor per link, and mind the "
             "square in the cost and the slope of the logistic function",
    )


# --------------------------------------------------------------------------- week 4: Taylor


def _function_and_point(rng: np.random.Generator) -> tuple[taylor.Function1D, float]:
    """A function of :data:`mml.mc.taylor.FUNCTIONS` and an expansion point inside its domain."""
    fn = taylor.FUNCTIONS[rng.choice(sorted(taylor.FUNCTIONS))]
    a = float(np.round(rng.uniform(-0.5, 0.5), 1))
    return fn, a


def _derivatives(fn: taylor.Function1D, a: float, order: int) -> np.ndarray:
    return np.array([fn.derivative(k, a) for k in range(order + 1)])


@practice.exercise("taylor_coefficients", title="Taylor coefficients from derivatives")
def _taylor_coefficients(rng: np.random.Generator) -> practice.Instance:
    fn, a = _function_and_point(rng)
    order = int(rng.integers(2, 7))
    derivatives = _derivatives(fn, a, order)
    return practice.Instance(
        question=(f"The derivatives $f(a), f'(a), \\dots, f^{{({order})}}(a)$ of {fn.label} at "
                  f"$a = {a}$ are ${practice.latex(derivatives)}$. Give the coefficients "
                  f"$c_0, \\dots, c_{{{order}}}$ of its Taylor series about $a$."),
        inputs={"derivatives": derivatives},
        expected=taylor.taylor_coefficients(fn, a, order),
        hint="differentiating c_k x^k k times leaves a factorial: undo it (and mind 0! = 1)",
    )


@practice.exercise("taylor_polynomial", title="Evaluate a Taylor polynomial")
def _taylor_polynomial(rng: np.random.Generator) -> practice.Instance:
    fn, a = _function_and_point(rng)
    order = int(rng.integers(1, 6))
    x = np.round(a + rng.uniform(-0.6, 0.6, size=3), 2)
    return practice.Instance(
        question=(f"Evaluate the order-{order} Taylor polynomial of {fn.label} about $a = {a}$ "
                  f"at $x = {practice.latex(x)}$ (coefficients given lowest power first)."),
        inputs={"coefficients": taylor.taylor_coefficients(fn, a, order), "a": a, "x": x},
        expected=taylor.taylor_series(fn, a, order, x),
        hint="powers of the distance (x - a) from the expansion point, starting at power 0",
    )


def _surface_point(rng: np.random.Generator) -> tuple[taylor.Surface, np.ndarray, np.ndarray]:
    surface = taylor.SURFACES[rng.choice(sorted(taylor.SURFACES))]
    p = np.round(rng.uniform(-1.0, 1.0, size=2), 1)
    x = np.round(p + rng.uniform(-0.3, 0.3, size=2), 2)
    return surface, p, x


def _surface_question(surface: taylor.Surface, p: np.ndarray, x: np.ndarray, what: str) -> str:
    return (f"{what} of {surface.label} about $p = {practice.latex(p)}$, evaluated at "
            f"$x = {practice.latex(x)}$ (the value, Jacobian and Hessian at $p$ are the inputs).")


@practice.exercise("linearisation", title="Linearisation of a surface")
def _linearisation(rng: np.random.Generator) -> practice.Instance:
    surface, p, x = _surface_point(rng)
    f_p, J = float(surface.f(*p)), surface.gradient(*p)
    return practice.Instance(
        question=_surface_question(surface, p, x, "The linearisation"),
        inputs={"f_p": f_p, "J": J, "p": p, "x": x},
        expected=float(taylor.linear_approximation(f_p, J, p, x[0], x[1])),
        hint="the Jacobian multiplies the step x - p, not x itself",
    )


@practice.exercise("quadratic_approximation", title="Quadratic approximation of a surface")
def _quadratic_approximation(rng: np.random.Generator) -> practice.Instance:
    surface, p, x = _surface_point(rng)
    f_p, J, H = float(surface.f(*p)), surface.gradient(*p), surface.hessian(*p)
    return practice.Instance(
        question=_surface_question(surface, p, x, "The quadratic (second-order) approximation"),
        inputs={"f_p": f_p, "J": J, "H": H, "p": p, "x": x},
        expected=float(taylor.quadratic_approximation(f_p, J, H, p, x[0], x[1])),
        hint="the second-order term is the quadratic form of the Hessian in the step from p, "
             "with the same factorial as in 1-D",
    )


@practice.exercise("taylor_errors", title="Error of a Taylor polynomial against its order")
def _taylor_errors(rng: np.random.Generator) -> practice.Instance:
    fn, a = _function_and_point(rng)
    order = int(rng.integers(2, 7))
    reach = 0.5 * min(1.0, taylor.radius_of_convergence(fn, a))  # stay where the series converges
    x = float(np.round(a + rng.uniform(-reach, reach), 2))
    true_value = float(fn(x))
    expected = np.array([abs(true_value - float(taylor.taylor_series(fn, a, n, x)))
                         for n in range(order + 1)])
    return practice.Instance(
        question=(f"For {fn.label} about $a = {a}$, give $|f(x) - p_n(x)|$ at $x = {x}$ for "
                  f"every order $n = 0, \\dots, {order}$ (derivatives at $a$ given)."),
        inputs={"derivatives": _derivatives(fn, a, order), "a": a, "x": x,
                "true_value": true_value},
        expected=expected,
        hint="one entry per order n = 0..N, each the absolute error of the partial sum up to "
             "power n",
        atol=1e-10,
    )



# --------------------------------------------------------------------------- week 5: Lagrange


def _lagrange_problem(rng: np.random.Generator) -> dict:
    """A constrained problem with a known stationary point ``(x, y, lambda)``.

    Returns a dict with the LaTeX ``text``, the functions ``grad_f``, ``grad_g`` and ``g``
    (each of one point ``(x, y)``, gradients of shape (2,)) and the ``solution``.
    """
    kind = int(rng.integers(3))
    if kind == 0:  # a linear function on a circle: the maximum lies along c
        c = rng.integers(1, 5, size=2).astype(float) * rng.choice([-1.0, 1.0], size=2)
        r = float(rng.integers(1, 4))
        norm = float(np.hypot(*c))
        return {
            "text": (f"maximise $f = {c[0]:g}x + {c[1]:g}y$ on the circle "
                     f"$x^2 + y^2 = {r * r:g}$"),
            "grad_f": lambda v: c.copy(),
            "grad_g": lambda v: 2 * np.asarray(v, dtype=float)[:2],
            "g": lambda v: float(v[0] ** 2 + v[1] ** 2 - r * r),
            "solution": np.array([*(r * c / norm), norm / (2 * r)]),
        }
    if kind == 1:  # the largest rectangle xy in an ellipse
        a, b = (float(v) for v in rng.integers(1, 6, size=2))
        return {
            "text": f"maximise $f = xy$ on the ellipse $x^2/{a * a:g} + y^2/{b * b:g} = 1$",
            "grad_f": lambda v: np.array([v[1], v[0]], dtype=float),
            "grad_g": lambda v: np.array([2 * v[0] / a**2, 2 * v[1] / b**2]),
            "g": lambda v: float(v[0] ** 2 / a**2 + v[1] ** 2 / b**2 - 1),
            "solution": np.array([a / np.sqrt(2), b / np.sqrt(2), a * b / 2]),
        }
    p, q = (float(v) for v in rng.integers(1, 5, size=2))
    s = float(rng.integers(1, 6))
    scale = p * p + q * q
    return {  # the point of a line closest to the origin
        "text": f"minimise $f = x^2 + y^2$ on the line ${p:g}x + {q:g}y = {s:g}$",
        "grad_f": lambda v: 2 * np.asarray(v, dtype=float)[:2],
        "grad_g": lambda v: np.array([p, q]),
        "g": lambda v: float(p * v[0] + q * v[1] - s),
        "solution": np.array([s * p / scale, s * q / scale, 2 * s / scale]),
    }


def _lagrange_residual(grad_f, grad_g, g, v) -> np.ndarray:  # noqa: ANN001 - callables
    """``(grad f - lambda grad g, g)`` at ``v = (x, y, lambda)``, shape (3,)."""
    v = np.asarray(v, dtype=float)
    return np.concatenate([np.asarray(grad_f(v[:2]), float) - v[2] * np.asarray(grad_g(v[:2]),
                                                                                 float),
                           [g(v[:2])]])


@practice.exercise("lagrange_system", title="The Lagrange equations at a point")
def _lagrange_system(rng: np.random.Generator) -> practice.Instance:
    problem = _lagrange_problem(rng)
    v = np.round(rng.uniform(-2, 2, size=3), 1)
    args = {key: problem[key] for key in ("grad_f", "grad_g", "g")}
    return practice.Instance(
        question=(f"To {problem['text']}, evaluate the Lagrange equations "
                  r"$(\nabla f - \lambda \nabla g,\ g)$ at $(x, y, \lambda) = "
                  f"{practice.latex(v)}$."),
        inputs={**args, "v": v},
        expected=_lagrange_residual(**args, v=v),
        hint="three equations that all vanish at a solution: the two components of 'the "
             "gradients are parallel' (with lambda), then the constraint",
    )


@practice.exercise("solve_lagrange", title="Solve the Lagrange equations")
def _solve_lagrange(rng: np.random.Generator) -> practice.Instance:
    problem = _lagrange_problem(rng)
    start = np.round(problem["solution"] + rng.uniform(-0.2, 0.2, size=3), 2)
    return practice.Instance(
        question=(f"{problem['text'][0].upper()}{problem['text'][1:]}: solve the Lagrange "
                  f"equations for $(x, y, \\lambda)$ starting from ${practice.latex(start)}$."),
        inputs={**{key: problem[key] for key in ("grad_f", "grad_g", "g")}, "start": start},
        expected=problem["solution"],
        hint="find where all three equations are zero at once (a root finder on (x, y, lambda))",
        rtol=1e-6, atol=1e-8,
    )


@practice.exercise("largest_rectangle", title="The largest rectangle in an ellipse")
def _largest_rectangle(rng: np.random.Generator) -> practice.Instance:
    a, b = np.round(rng.uniform(0.5, 5.0, size=2), 1)
    return practice.Instance(
        question=(f"Width and height of the largest axis-aligned rectangle inside the ellipse "
                  f"$x^2/{a:g}^2 + y^2/{b:g}^2 = 1$."),
        inputs={"a": float(a), "b": float(b)},
        expected=np.array([np.sqrt(2) * a, np.sqrt(2) * b]),
        hint="the rectangle's corner lies on the ellipse and the rectangle is symmetric about "
             "both axes: its sides are not the corner's coordinates",
    )


# --------------------------------------------------------------------------- week 6: regression


def _line_data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A few points scattered about a random straight line (x integers, y to one decimal)."""
    n = int(rng.integers(5, 9))
    x = np.sort(rng.choice(np.arange(-5, 11), size=n, replace=False)).astype(float)
    m, c = rng.uniform(-2, 2), rng.uniform(-3, 3)
    return x, np.round(m * x + c + rng.normal(0, 1, size=n), 1)


def _residuals(x: np.ndarray, y: np.ndarray, m: float, c: float) -> np.ndarray:
    return y - (m * x + c)


def _chi2_gradient(x: np.ndarray, y: np.ndarray, m: float, c: float) -> np.ndarray:
    r = _residuals(x, y, m, c)
    return np.array([-2 * r @ x, -2 * r.sum()])


def _data_text(x: np.ndarray, y: np.ndarray) -> str:
    return f"the points $x = {practice.latex(x[None, :])}$, $y = {practice.latex(y[None, :])}$"


@practice.exercise("chi_squared", title="chi-squared of a straight line")
def _chi_squared(rng: np.random.Generator) -> practice.Instance:
    x, y = _line_data(rng)
    m, c = (float(v) for v in np.round(rng.uniform(-2, 2, size=2), 1))
    sigma = float(rng.choice([0.5, 1.0, 2.0]))
    return practice.Instance(
        question=(f"$\\chi^2$ of the line $y = {m}x + {c}$ for {_data_text(x, y)}, every point "
                  f"with uncertainty $\\sigma = {sigma}$."),
        inputs={"x": x, "y": y, "m": m, "c": c, "sigma": sigma},
        expected=float(np.sum((_residuals(x, y, m, c) / sigma) ** 2)),
        hint="each residual is measured in units of its own uncertainty, then squared and "
             "added",
    )


@practice.exercise("fit_line", title="Least-squares straight line")
def _fit_line(rng: np.random.Generator) -> practice.Instance:
    x, y = _line_data(rng)
    dx = x - x.mean()
    m = float(dx @ (y - y.mean()) / (dx @ dx))
    return practice.Instance(
        question=(f"The slope $m$ and intercept $c$ of the least-squares line through "
                  f"{_data_text(x, y)}."),
        inputs={"x": x, "y": y},
        expected=np.array([m, y.mean() - m * x.mean()]),
        hint="set both partial derivatives of chi-squared to zero; the best line passes "
             "through the mean point",
    )


@practice.exercise("chi_squared_gradient", title="Gradient of chi-squared")
def _chi_squared_gradient(rng: np.random.Generator) -> practice.Instance:
    x, y = _line_data(rng)
    m, c = (float(v) for v in np.round(rng.uniform(-2, 2, size=2), 1))
    return practice.Instance(
        question=(f"$(\\partial\\chi^2/\\partial m,\\ \\partial\\chi^2/\\partial c)$ at $m = {m}$, "
                  f"$c = {c}$ for {_data_text(x, y)} ($\\sigma = 1$)."),
        inputs={"x": x, "y": y, "m": m, "c": c},
        expected=_chi2_gradient(x, y, m, c),
        hint="chain rule on each squared residual: the square and the residual's own "
             "dependence on m and on c both contribute (mind the sign)",
    )


@practice.exercise("gradient_descent_line", title="Fit a line by gradient descent")
def _gradient_descent_line(rng: np.random.Generator) -> practice.Instance:
    x, y = _line_data(rng)
    rate = float(0.2 / (x @ x + x.size))
    steps = int(rng.integers(3, 30))
    m, c = 0.0, 0.0
    for _ in range(steps):
        grad = _chi2_gradient(x, y, m, c)
        m, c = m - rate * grad[0], c - rate * grad[1]
    return practice.Instance(
        question=(f"Starting from $m = c = 0$, take {steps} gradient-descent steps of rate "
                  f"{rate:.4g} on $\\chi^2$ for {_data_text(x, y)}; give $(m, c)$."),
        inputs={"x": x, "y": y, "m0": 0.0, "c0": 0.0, "rate": rate, "steps": steps},
        expected=np.array([m, c]),
        hint="each step moves (m, c) against the gradient, both computed at the old (m, c)",
        rtol=1e-8,
    )
