"""Practice exercises of the Linear Algebra course, one per quiz topic, registered with
:mod:`mml.practice`.

Importing this module registers them; each ``practice.ipynb`` of the course grades fixed
instances and lets the learner ask for more::

    >>> from mml import practice
    >>> from mml.la import exercises  # noqa: F401 - registers the exercises
    >>> p = practice.another("determinant")
    >>> p.check(np.linalg.det(p.A))
    Right! ...

Each maker draws small integer matrices, the kind a quiz asks to work out by hand, from the
generator it is given, so an instance is reproducible from its seed.
"""

from __future__ import annotations

import numpy as np

from mml import checks, practice
from mml.practice import Instance, latex

# --------------------------------------------------------------------------- shared makers


def _integers(rng: np.random.Generator, shape: tuple[int, ...], low: int = -4,
              high: int = 4) -> np.ndarray:
    return rng.integers(low, high + 1, size=shape).astype(float)


def _invertible(rng: np.random.Generator, n: int, zero_pivot: bool = False) -> np.ndarray:
    """A random n x n integer matrix with |det| >= 1; with ``zero_pivot`` its top-left is 0."""
    while True:
        A = _integers(rng, (n, n))
        if zero_pivot:
            A[0, 0] = 0.0
        if abs(np.linalg.det(A)) >= 1:
            return A


# --------------------------------------------------------------------------- week 1


@practice.exercise("linear_combination", title="A linear combination of vectors")
def _linear_combination(rng: np.random.Generator) -> Instance:
    n, k = int(rng.integers(2, 4)), int(rng.integers(2, 4))
    weights, V = _integers(rng, (k,), -3, 3), _integers(rng, (n, k))
    terms = " + ".join(f"({latex(w)})" + r"\mathbf{v}_" + str(i + 1)
                       for i, w in enumerate(weights))
    return Instance(
        question=(f"Compute ${terms}$ where the vectors are the columns of $V = {latex(V)}$."),
        inputs={"weights": weights, "V": V},
        expected=V @ weights,
        hint="scale each column by its weight, then add the scaled columns entry by entry",
    )


@practice.exercise("prices", title="Simultaneous equations: prices from shopping baskets")
def _prices(rng: np.random.Generator) -> Instance:
    n = int(rng.integers(2, 4))
    price = rng.integers(1, 9, size=n) / 2
    while True:
        baskets = rng.integers(0, 5, size=(n, n)).astype(float)
        if abs(np.linalg.det(baskets)) >= 1:
            break
    totals = baskets @ price
    return Instance(
        question=(f"Row $i$ of ${latex(baskets)}$ counts the {n} kinds of fruit in basket $i$, "
                  f"which cost ${latex(totals)}$ in all. What does each kind cost?"),
        inputs={"baskets": baskets, "totals": totals},
        expected=price,
        hint="one equation per basket: counts times prices add up to the total; solve them "
             "together (eliminate one unknown at a time)",
    )


def _bowl(m0: float, c0: float, a: float, b: float, k: float):  # noqa: ANN202 - a cost function
    def cost(m: float, c: float) -> float:
        return a * (m - m0) ** 2 + b * (c - c0) ** 2 + k * (m - m0) * (c - c0)

    return cost


@practice.exercise("grid_search", title="Exploring parameter space on a grid")
def _grid_search(rng: np.random.Generator) -> Instance:
    ms = np.round(np.linspace(-2, 2, int(rng.integers(5, 12))), 3)
    cs = np.round(np.linspace(0, 5, int(rng.integers(5, 12))), 3)
    m0, c0 = float(rng.uniform(-2, 2)), float(rng.uniform(0, 5))
    a, b = (float(x) for x in rng.uniform(0.5, 3, size=2))
    k = float(rng.uniform(-0.5, 0.5)) * min(a, b)
    cost = _bowl(m0, c0, a, b, k)
    Z = np.array([[cost(m, c) for m in ms] for c in cs])
    i, j = np.unravel_index(np.argmin(Z), Z.shape)
    return Instance(
        question=(f"Which grid point $(m, c)$, $m$ in ${latex(ms)}^T$, $c$ in ${latex(cs)}^T$, "
                  f"has the lowest cost $E(m, c) = {a:.2f}(m {-m0:+.2f})^2 + {b:.2f}"
                  f"(c {-c0:+.2f})^2 {k:+.2f}(m {-m0:+.2f})(c {-c0:+.2f})$?"),
        inputs={"cost": cost, "ms": ms, "cs": cs},
        expected=np.array([ms[j], cs[i]]),
        hint="evaluate the cost at every pair (m, c) and keep the pair with the smallest value",
    )


# --------------------------------------------------------------------------- week 2


@practice.exercise("angle_degrees", title="The angle between two vectors")
def _angle_degrees(rng: np.random.Generator) -> Instance:
    n = int(rng.integers(2, 4))
    r = _integers(rng, (n,), -4, 4)
    r[0] = r[0] or 1.0
    s = r * float(rng.choice([-2, 3])) if rng.integers(4) == 0 else _integers(rng, (n,), -4, 4)
    s[-1] = s[-1] or 2.0
    cosine = np.clip(r @ s / np.sqrt((r @ r) * (s @ s)), -1, 1)
    return Instance(
        question=(f"What is the angle, in degrees, between ${latex(r)}$ and ${latex(s)}$?"),
        inputs={"r": r, "s": s},
        expected=float(np.degrees(np.arccos(cosine))),
        hint="the cosine must not change when either vector is stretched; np.arccos answers "
             "in radians; rounding can push a cosine just past 1",
        atol=1e-4,
    )


@practice.exercise("is_basis", title="Do these vectors form a basis?")
def _is_basis(rng: np.random.Generator) -> Instance:
    n = int(rng.integers(2, 4))
    k = n + int(rng.choice([-1, 0, 0, 0, 1]))
    V = _integers(rng, (n, k), -3, 3)
    if k == n and rng.integers(2):  # make the last column a combination of the others
        V[:, -1] = V[:, :-1] @ _integers(rng, (n - 1,), -2, 2)
    return Instance(
        question=(f"Do the columns of ${latex(V)}$ form a basis of "
                  f"$\\mathbb{{R}}^{n}$?"),
        inputs={"V": V},
        expected=bool(k == n and np.linalg.matrix_rank(V) == n),
        hint="a basis of R^n is exactly n linearly independent vectors",
    )


@practice.exercise("change_basis", title="Coordinates in an orthogonal basis")
def _change_basis(rng: np.random.Generator) -> Instance:
    while True:
        b1 = _integers(rng, (2,), -3, 3)
        if b1.any():
            break
    b2 = np.array([-b1[1], b1[0]]) * float(rng.choice([-2, -1, 1, 2]))
    B = np.column_stack([b1, b2])
    r = _integers(rng, (2,), -6, 6)
    return Instance(
        question=(f"Write $\\mathbf{{r}} = {latex(r)}$ in the orthogonal basis "
                  f"$\\mathbf{{b}}_1 = {latex(b1)}$, $\\mathbf{{b}}_2 = {latex(b2)}$ (the "
                  "columns of $B$)."),
        inputs={"r": r, "B": B},
        expected=np.linalg.solve(B, r),
        hint="each coordinate comes from a projection onto one basis vector, and these basis "
             "vectors are not of length 1: rebuild r from your coordinates to check them",
    )


# --------------------------------------------------------------------------- week 3


@practice.exercise("composition", title="Composing two transformations")
def _composition(rng: np.random.Generator) -> Instance:
    first, second = _integers(rng, (2, 2), -3, 3), _integers(rng, (2, 2), -3, 3)
    return Instance(
        question=(r"Which single matrix applies $F = " + latex(first) + r"$ first and then "
                  r"$S = " + latex(second) + "$?"),
        inputs={"first": first, "second": second},
        expected=second @ first,
        hint="a vector v becomes F v, then S (F v): which matrix stands next to v?",
    )


@practice.exercise("back_substitution", title="Back-substitution")
def _back_substitution(rng: np.random.Generator) -> Instance:
    n = int(rng.integers(3, 5))
    U = np.triu(_integers(rng, (n, n)))
    U[np.diag_indices(n)] = rng.choice([-3.0, -2.0, -1.0, 1.0, 2.0, 3.0, 4.0], size=n)
    c = _integers(rng, (n,), -9, 9)
    return Instance(
        question=r"Solve $U\mathbf{x} = \mathbf{c}$ for $U = " + latex(U) + r"$, $\mathbf{c} = "
        + latex(c) + "$.",
        inputs={"U": U, "c": c},
        expected=np.linalg.solve(U, c),
        hint="the last row has one unknown; solve it, then move up one row at a time, "
             "dividing by the diagonal entry",
    )


@practice.exercise("elimination", title="Solving Ax = b by elimination")
def _elimination(rng: np.random.Generator) -> Instance:
    A = _invertible(rng, 3, zero_pivot=bool(rng.integers(2)))
    b = _integers(rng, (3,), -9, 9)
    return Instance(
        question=r"Solve $A\mathbf{x} = \mathbf{b}$ for $A = " + latex(A) + r"$, $\mathbf{b} = "
        + latex(b) + "$.",
        inputs={"A": A, "b": b},
        expected=np.linalg.solve(A, b),
        hint="do every row operation to b as well as to A; when a pivot is zero swap in a "
             "row below it",
    )


@practice.exercise("inverse", title="The inverse by elimination")
def _inverse(rng: np.random.Generator) -> Instance:
    A = _invertible(rng, 3, zero_pivot=bool(rng.integers(2)))
    return Instance(
        question=r"Find $A^{-1}$ for $A = " + latex(A) + "$.",
        inputs={"A": A},
        expected=np.linalg.inv(A),
        hint="reduce [A | I] until the left half is I; the right half is then the inverse",
    )


@practice.exercise("determinant", title="Determinant of a square matrix")
def _determinant(rng: np.random.Generator) -> Instance:
    n = int(rng.integers(2, 5))
    A = _integers(rng, (n, n))
    return Instance(
        question=r"Compute $\det A$ for $A = " + latex(A) + "$.",
        inputs={"A": A},
        expected=float(np.linalg.det(A)),
        hint="expand along a row with alternating signs + - + ..., or eliminate and multiply "
             "the pivots (a row swap changes the sign)",
        atol=1e-6,
    )


def _area_matrix(rng: np.random.Generator) -> np.ndarray:
    return _invertible(rng, int(rng.integers(2, 4)))


@practice.exercise("image_area", title="Area (or volume) of an image")
def _image_area(rng: np.random.Generator) -> Instance:
    A = _area_matrix(rng)
    area = float(rng.integers(1, 10)) / 2
    return Instance(
        question=(r"A region of area (volume, in 3-D) " + latex(area) + r" is mapped by $A = "
                  + latex(A) + "$. What is the area (volume) of its image?"),
        inputs={"A": A, "area": area},
        expected=abs(float(np.linalg.det(A))) * area,
        hint="the determinant scales areas; an area is never negative",
        atol=1e-6,
    )


@practice.exercise("flips_orientation", title="Does a map flip orientation?")
def _flips_orientation(rng: np.random.Generator) -> Instance:
    A = _area_matrix(rng)
    return Instance(
        question=r"Does $A = " + latex(A) + "$ turn the plane (space) over, like a mirror?",
        inputs={"A": A},
        expected=bool(np.linalg.det(A) < 0),
        hint="the sign of the determinant says whether the map keeps or reverses orientation",
    )


# --------------------------------------------------------------------------- week 4


@practice.exercise("einstein_product", title="A matrix product by Einstein summation")
def _einstein_product(rng: np.random.Generator) -> Instance:
    m, n, p = (int(k) for k in rng.integers(1, 5, size=3))
    A, B = _integers(rng, (m, n), -3, 3), _integers(rng, (n, p), -3, 3)
    return Instance(
        question=(r"Compute $C_{ik} = A_{ij}B_{jk}$ (summed over $j$) for $A = " + latex(A)
                  + r"$ and $B = " + latex(B) + "$."),
        inputs={"A": A, "B": B},
        expected=np.einsum("ij,jk->ik", A, B),
        hint="the repeated index j is summed; i runs over the rows of A, k over the columns of B",
    )


@practice.exercise("shadow_matrix", title="Projecting 3-D points onto the ground")
def _shadow_matrix(rng: np.random.Generator) -> Instance:
    s = np.append(_integers(rng, (2,), -3, 3), -float(rng.integers(1, 5)))
    return Instance(
        question=(r"Sun rays travel along $\mathbf{s} = " + latex(s) + r"$. Which $2\times 3$ "
                  r"matrix maps a point $(x, y, z)$ to the $(x, y)$ of its shadow on $z = 0$?"),
        inputs={"s": s},
        expected=np.array([[1.0, 0.0, -s[0] / s[2]], [0.0, 1.0, -s[1] / s[2]]]),
        hint="a point slides along s until its height is 0: how many steps of s does that "
             "take, and which way? The third column is where a unit of height moves the shadow",
    )


def _basis_change(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """An integer basis B with det +-1 (so B^-1 is an integer matrix too) and a map T_B."""
    while True:
        B = _integers(rng, (2, 2), -2, 2)
        if abs(round(np.linalg.det(B))) == 1:
            return B, _integers(rng, (2, 2), -3, 3)


@practice.exercise("transform_in_basis", title="A transformation given in another basis")
def _transform_in_basis(rng: np.random.Generator) -> Instance:
    B, T_B = _basis_change(rng)
    return Instance(
        question=(r"A map does $T_B = " + latex(T_B) + r"$ to coordinates in the basis whose "
                  r"vectors are the columns of $B = " + latex(B) + r"$. What is its matrix in "
                  "the standard basis?"),
        inputs={"T_B": T_B, "B": B},
        expected=B @ T_B @ np.linalg.inv(B),
        hint="read right to left: from standard coordinates into B's, apply T_B, and back",
    )


def _orthogonal_candidate(rng: np.random.Generator) -> np.ndarray:
    n = int(rng.integers(2, 4))
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    kind = int(rng.integers(4))
    if kind == 0:
        return Q                                        # orthogonal
    if kind == 1:
        return Q[:, rng.permutation(n)] * -1            # still orthogonal
    if kind == 2:
        return Q * rng.choice([2.0, 0.5, 3.0], size=n)  # orthogonal columns, wrong lengths
    shear = np.eye(n)
    shear[0, n - 1] = float(rng.choice([-1, 1]))
    return Q @ shear                                    # determinant +-1, not orthogonal


@practice.exercise("is_orthogonal", title="Is this matrix orthogonal?")
def _is_orthogonal(rng: np.random.Generator) -> Instance:
    A = _orthogonal_candidate(rng)
    return Instance(
        question=r"Is $A = " + latex(A) + "$ orthogonal?",
        inputs={"A": A},
        expected=bool(np.allclose(A.T @ A, np.eye(len(A)), atol=1e-9)),
        hint="orthogonal means columns of length 1 and perpendicular to each other (a "
             "determinant of +-1 is not enough); compare with a tolerance, not exactly",
    )


# --------------------------------------------------------------------------- week 5

_SPECIAL_2X2 = {
    "scaling": lambda a, b: np.array([[a, 0.0], [0.0, b]]),
    "shear": lambda a, b: np.array([[1.0, a], [0.0, 1.0]]),
    "rotation by 90 degrees": lambda a, b: np.array([[0.0, -1.0], [1.0, 0.0]]),
    "reflection": lambda a, b: np.array([[0.0, 1.0], [1.0, 0.0]]),
    "triangular": lambda a, b: np.array([[a, 1.0], [0.0, b]]),
    "rank one": lambda a, b: np.outer([1.0, a], [1.0, b]),
}


@practice.exercise("is_eigenvector", title="Eigenvectors by inspection")
def _is_eigenvector(rng: np.random.Generator) -> Instance:
    kind = str(rng.choice(list(_SPECIAL_2X2)))
    a, b = (float(k) for k in rng.choice([-2.0, -1.0, 2.0, 3.0], size=2, replace=False))
    A = _SPECIAL_2X2[kind](a, b)
    values, vectors = np.linalg.eig(A)
    if rng.integers(2) and np.all(np.isreal(values)):
        v = np.real(vectors[:, rng.integers(2)]) * float(rng.choice([-2.0, 0.5, 3.0]))
    else:
        v = _integers(rng, (2,), -2, 2)
        if not v.any():
            v[0] = 1.0
    w = A @ v
    expected = bool(abs(w[0] * v[1] - w[1] * v[0]) <= 1e-9 * (np.linalg.norm(w) + 1)
                    * np.linalg.norm(v))
    return Instance(
        question=r"Is $\mathbf{v} = " + latex(v) + r"$ an eigenvector of the " + kind
        + r" $A = " + latex(A) + "$?",
        inputs={"A": A, "v": v},
        expected=expected,
        hint="v is an eigenvector when A v is a multiple of v (the multiple may be 0 or negative)",
    )


def _poly_compare(value: object, expected: np.ndarray) -> None:
    checks.check_close(value, expected, "the coefficients", atol=1e-6, shape=False,
                       hint="det(lambda I - A), highest power first, leading coefficient 1")


@practice.exercise("characteristic_polynomial", title="The characteristic polynomial")
def _characteristic_polynomial(rng: np.random.Generator) -> Instance:
    n = int(rng.integers(2, 4))
    A = _integers(rng, (n, n), -3, 3)
    return Instance(
        question=(r"Write $\det(\lambda I - A)$ for $A = " + latex(A) + r"$ as a polynomial in "
                  r"$\lambda$ (its coefficients, highest power first)."),
        inputs={"A": A},
        expected=np.poly(A),
        hint="expand det(lambda I - A) by hand (leading coefficient 1) and compare the signs; "
             "for a 3x3 the lambda term involves all three principal 2x2 minors",
        compare=_poly_compare,
    )


def _diagonalisable(rng: np.random.Generator) -> np.ndarray:
    """A 2x2 or 3x3 integer matrix P diag(lambda) P^-1 with distinct integer eigenvalues."""
    n = int(rng.integers(2, 4))
    while True:
        P = _integers(rng, (n, n), -2, 2)
        if abs(round(np.linalg.det(P))) == 1:
            break
    values = rng.choice([-3.0, -2.0, -1.0, 1.0, 2.0, 3.0], size=n, replace=False)
    return np.round(P @ np.diag(values) @ np.linalg.inv(P))


def check_diagonalisation(value: object, A: np.ndarray, name: str = "diagonalise(A)") -> None:
    """Check that ``value`` is a pair ``(C, D)`` with ``D`` diagonal and ``C D C^-1 = A``.

    Any order and scaling of the eigenvectors is right, and so are complex arrays whose imaginary
    parts are negligible. Raises :class:`mml.checks.CheckFailed` with a message naming ``name``.
    """
    if not (isinstance(value, tuple | list) and len(value) == 2):
        raise checks.CheckFailed(f"{name}: should return a tuple (C, D), got "
                                 f"{type(value).__name__}")
    C, D = (checks.as_float_array(np.real_if_close(np.asarray(part), tol=1e6), f"{name}: {what}")
            for part, what in zip(value, "CD", strict=True))
    n = len(A)
    checks.check_shape(C, (n, n), f"{name}: C", hint="the eigenvectors are the columns of C")
    checks.check_shape(D, (n, n), f"{name}: D",
                       hint="D is the n x n diagonal matrix of the eigenvalues (np.diag)")
    checks.check_close(D - np.diag(np.diag(D)), np.zeros((n, n)), f"{name}: D's off-diagonal "
                       "entries", atol=1e-8, hint="D must be diagonal")
    checks.check_true(bool(abs(np.linalg.det(C)) > 1e-10), "C is singular: its columns must be "
                      "n independent eigenvectors", f"{name}: C")
    checks.check_close(C @ D @ np.linalg.inv(C), A, f"{name}: C D C^-1", atol=1e-6,
                       hint="eigenvector C[:, i] belongs with eigenvalue D[i, i], in the same "
                            "order; the eigenvectors are the columns of C")


def _diagonalisation_compare(value: object, A: np.ndarray) -> None:
    check_diagonalisation(value, A, "the answer")


@practice.exercise("diagonalise", title="Diagonalisation")
def _diagonalise(rng: np.random.Generator) -> Instance:
    A = _diagonalisable(rng)
    return Instance(
        question=r"Find $C$ and diagonal $D$ with $A = C D C^{-1}$ for $A = " + latex(A) + "$.",
        inputs={"A": A},
        expected=A,
        hint="the columns of C are eigenvectors, and D holds their eigenvalues in the same order",
        compare=_diagonalisation_compare,
    )


@practice.exercise("power_via_eigenbasis", title="Matrix powers through the eigenbasis")
def _power_via_eigenbasis(rng: np.random.Generator) -> Instance:
    A = _diagonalisable(rng)
    n = int(rng.integers(2, 7))
    return Instance(
        question=r"Compute $A^{" + str(n) + r"}$ for $A = " + latex(A) + "$ via its eigenbasis.",
        inputs={"A": A, "n": n},
        expected=np.linalg.matrix_power(A, n),
        hint="in the eigenbasis A only stretches: go into it, stretch n times, come back; "
             "only the diagonal of D holds stretches",
        compare=_real_close_compare,
    )


def _real_close_compare(value: object, expected: np.ndarray) -> None:
    """check_close that also accepts a complex array whose imaginary parts are negligible."""
    if isinstance(value, np.ndarray) and value.dtype.kind == "c":
        value = np.real_if_close(value, tol=1e6)
    checks.check_close(value, expected, "the answer", atol=1e-6, shape=False)
