"""Practice exercises of the PCA course, one maker per graded function of its practice notebooks.

Importing this module registers the exercises with :mod:`mml.practice`; every ``practice.ipynb``
of the course does it in its first cell::

    >>> from mml import practice
    >>> from mml.pca import exercises
    >>> p = practice.another("variance_left_out", seed=1)
    >>> p.check(np.trace(p.S) - np.trace(p.B.T @ p.S @ p.B), quiet=True)
    True

Data points are rows: a data set ``X`` has shape (N, D). Each exercise's inputs are the graded
function's arguments, in order, so ``p.call(func)`` runs the learner's function on a fresh
instance.
"""

from __future__ import annotations

import numpy as np

from mml import practice

# --------------------------------------------------------------------------- week 1: statistics


def _one_d_data(rng: np.random.Generator) -> np.ndarray:
    return rng.integers(-5, 10, size=int(rng.integers(3, 8))).astype(float)


@practice.exercise("variance_1d", title="Variance of a 1-D data set")
def _variance_1d(rng: np.random.Generator) -> practice.Instance:
    x = _one_d_data(rng)
    return practice.Instance(
        question=f"The variance (divide by $N$) of the data set ${practice.latex(x[None, :])}$.",
        inputs={"x": x},
        expected=float(np.mean((x - x.mean()) ** 2)),
        hint="the spread is measured from the mean, and this course divides by the number of "
             "points (not N - 1)",
    )


@practice.exercise("shifted_scaled_stats", title="Mean and variance of a x + b")
def _shifted_scaled_stats(rng: np.random.Generator) -> practice.Instance:
    mean, var = float(rng.integers(-5, 6)), float(rng.integers(1, 10))
    a, b = (float(v) for v in rng.integers(-4, 5, size=2))
    return practice.Instance(
        question=(f"A data set has mean ${mean:g}$ and variance ${var:g}$. Every point $x$ is "
                  f"replaced by ${a:g} x + {b:g}$: the new mean and variance?"),
        inputs={"mean": mean, "var": var, "a": a, "b": b},
        expected=np.array([a * mean + b, a * a * var]),
        hint="a shift moves the points and the mean together; a scaling stretches every distance "
             "from the mean, and the variance averages squared distances",
    )


@practice.exercise("covariance_2d", title="Covariance matrix of a 2-D data set")
def _covariance_2d(rng: np.random.Generator) -> practice.Instance:
    X = rng.integers(-4, 6, size=(int(rng.integers(3, 6)), 2)).astype(float)
    centred = X - X.mean(axis=0)
    return practice.Instance(
        question=(f"The covariance matrix (divide by $N$) of the points in the rows of "
                  f"$X = {practice.latex(X)}$."),
        inputs={"X": X},
        expected=centred.T @ centred / X.shape[0],
        hint="one point per row; measure from the mean, not from the origin, and divide by the "
             "number of points",
    )


# --------------------------------------------------------------------------- week 2: inner products


def _symmetric_candidate(rng: np.random.Generator) -> np.ndarray:
    """A 2x2 or 3x3 matrix that is an inner product about half of the time."""
    d = int(rng.integers(2, 4))
    M = rng.integers(-3, 4, size=(d, d)).astype(float)
    kind = int(rng.integers(4))
    if kind == 0:
        return M @ M.T + np.eye(d)  # positive definite
    if kind == 1:
        return M + M.T  # symmetric, usually indefinite
    if kind == 2:
        return M @ M.T + np.eye(d) + np.triu(np.ones((d, d)), 1)  # not symmetric
    return -(M @ M.T + np.eye(d))  # negative definite


def _positive_definite(rng: np.random.Generator, d: int) -> np.ndarray:
    M = rng.integers(-2, 3, size=(d, d)).astype(float)
    return M @ M.T + np.eye(d)


@practice.exercise("is_inner_product", title="Does A define an inner product?")
def _is_inner_product(rng: np.random.Generator) -> practice.Instance:
    A = _symmetric_candidate(rng)
    answer = bool(np.allclose(A, A.T) and np.all(np.linalg.eigvalsh((A + A.T) / 2) > 1e-10))
    return practice.Instance(
        question=(f"Does $\\langle x, y \\rangle = x^T A y$ with $A = {practice.latex(A)}$ "
                  f"define an inner product?"),
        inputs={"A": A},
        expected=answer,
        hint="an inner product is symmetric and positive definite; positive entries or a positive "
             "determinant do not make it so",
    )


@practice.exercise("inner_length", title="Length under an inner product")
def _inner_length(rng: np.random.Generator) -> practice.Instance:
    d = int(rng.integers(2, 4))
    A, x = _positive_definite(rng, d), rng.integers(-3, 4, size=d).astype(float)
    return practice.Instance(
        question=(f"The length $\\sqrt{{x^T A x}}$ of $x = {practice.latex(x)}$ under "
                  f"$A = {practice.latex(A)}$."),
        inputs={"x": x, "A": A},
        expected=float(np.sqrt(x @ A @ x)),
        hint="measure with A, not with the ordinary dot product; <x, x> is a squared length",
    )


@practice.exercise("inner_angle", title="Angle under an inner product")
def _inner_angle(rng: np.random.Generator) -> practice.Instance:
    d = int(rng.integers(2, 4))
    A = _positive_definite(rng, d)
    x, y = rng.integers(1, 4, size=d).astype(float), rng.integers(-3, 4, size=d).astype(float)
    y[0] = y[0] or 1.0
    cosine = x @ A @ y / np.sqrt((x @ A @ x) * (y @ A @ y))
    return practice.Instance(
        question=(f"The angle (radians) between $x = {practice.latex(x)}$ and "
                  f"$y = {practice.latex(y)}$ under $A = {practice.latex(A)}$."),
        inputs={"x": x, "y": y, "A": A},
        expected=float(np.arccos(np.clip(cosine, -1, 1))),
        hint="every term of the cosine is measured with A, the two lengths included; the angle "
             "is in radians",
    )


# --------------------------------------------------------------------------- week 3: projections


def _basis(rng: np.random.Generator) -> np.ndarray:
    d = int(rng.integers(2, 5))
    m = int(rng.integers(1, d))
    while True:
        B = rng.integers(-2, 3, size=(d, m)).astype(float)
        if np.linalg.matrix_rank(B) == m:
            return B


@practice.exercise("projection_matrix", title="Projection matrix onto a subspace")
def _projection_matrix(rng: np.random.Generator) -> practice.Instance:
    B = _basis(rng)
    return practice.Instance(
        question=(f"The matrix of the orthogonal projection onto the span of the columns of "
                  f"$B = {practice.latex(B)}$."),
        inputs={"B": B},
        expected=B @ np.linalg.solve(B.T @ B, B.T),
        hint="the columns of B need not be orthonormal: the Gram matrix B^T B must be undone",
    )


@practice.exercise("project", title="Project a vector onto a subspace")
def _project(rng: np.random.Generator) -> practice.Instance:
    B = _basis(rng)
    x = rng.integers(-3, 4, size=B.shape[0]).astype(float)
    return practice.Instance(
        question=(f"The orthogonal projection of $x = {practice.latex(x)}$ onto the span of the "
                  f"columns of $B = {practice.latex(B)}$."),
        inputs={"x": x, "B": B},
        expected=B @ np.linalg.solve(B.T @ B, B.T @ x),
        hint="the residual x - projection is orthogonal to every column of B; the answer is a "
             "vector of the same size as x, not its coordinates",
    )


@practice.exercise("is_orthogonal_projection", title="Is P an orthogonal projection?")
def _is_orthogonal_projection(rng: np.random.Generator) -> practice.Instance:
    B = _basis(rng)
    P = B @ np.linalg.solve(B.T @ B, B.T)
    kind = int(rng.integers(3))
    if kind == 1:  # an oblique projection: idempotent, not symmetric
        C = B + rng.integers(-1, 2, size=B.shape)
        if np.linalg.matrix_rank(C.T @ B) == B.shape[1]:
            P = B @ np.linalg.solve(C.T @ B, C.T)
    elif kind == 2:  # symmetric, not idempotent
        P = 2 * P
    answer = bool(np.allclose(P @ P, P) and np.allclose(P, P.T))
    return practice.Instance(
        question=f"Is $P = {practice.latex(P)}$ the matrix of an orthogonal projection?",
        inputs={"P": P},
        expected=answer,
        hint="projecting twice must change nothing, and the residual must be orthogonal to the "
             "subspace: both properties are needed",
    )


# --------------------------------------------------------------------------- week 4: PCA derived


def _small_data(rng: np.random.Generator) -> np.ndarray:
    """A small centred data set (N, D) with correlated columns, entries to one decimal."""
    n, d = int(rng.integers(4, 7)), int(rng.integers(2, 4))
    X = rng.normal(size=(n, d)) @ rng.normal(size=(d, d))
    X = np.round(X, 1)
    return X - X.mean(axis=0)


def _orthonormal(rng: np.random.Generator, d: int, m: int) -> np.ndarray:
    """A random (d, m) matrix with orthonormal columns."""
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return q[:, :m]


@practice.exercise("reconstruction_error", title="Average squared reconstruction error")
def _reconstruction_error(rng: np.random.Generator) -> practice.Instance:
    X = _small_data(rng)
    X_tilde = np.round(X + rng.normal(0, 0.5, size=X.shape), 1)
    return practice.Instance(
        question=(f"The average squared reconstruction error between the rows of "
                  f"$X = {practice.latex(X, 2)}$ and of $\\tilde X = {practice.latex(X_tilde)}$."),
        inputs={"X": X, "X_tilde": X_tilde},
        expected=float(np.mean(np.sum((X - X_tilde) ** 2, axis=1))),
        hint="one squared length per data point (row), averaged over the points",
    )


@practice.exercise("optimal_coordinates", title="Optimal coordinates in a subspace")
def _optimal_coordinates(rng: np.random.Generator) -> practice.Instance:
    X = _small_data(rng)
    m = int(rng.integers(1, X.shape[1]))
    B = _orthonormal(rng, X.shape[1], m)
    return practice.Instance(
        question=(f"The coordinates $Z$ (one row per data point) of the best approximation of "
                  f"each row of $X = {practice.latex(X, 2)}$ in the span of the orthonormal "
                  f"columns of $B = {practice.latex(B)}$."),
        inputs={"X": X, "B": B},
        expected=X @ B,
        hint="the best approximation is the orthogonal projection; one row of M coordinates per "
             "data point",
    )


@practice.exercise("error_gradient", title="Gradient of the error by the chain rule")
def _error_gradient(rng: np.random.Generator) -> practice.Instance:
    X = _small_data(rng)
    m = int(rng.integers(1, X.shape[1]))
    B = _orthonormal(rng, X.shape[1], m)
    Z = np.round(rng.normal(size=(X.shape[0], m)), 1)
    return practice.Instance(
        question=(f"The gradient of $J(Z) = \\frac1N \\sum_n \\lVert x_n - B z_n \\rVert^2$ "
                  f"with respect to the coordinates $Z$ (row $n$ is $z_n$) for "
                  f"$X = {practice.latex(X, 2)}$, the orthonormal columns of "
                  f"$B = {practice.latex(B)}$ and $Z = {practice.latex(Z)}$."),
        inputs={"X": X, "B": B, "Z": Z},
        expected=-2 / X.shape[0] * (X - Z @ B.T) @ B,
        hint="the chain rule: how J changes with the reconstruction of a point, times how the "
             "reconstruction changes with one coordinate; the result has the shape of Z",
    )


def _covariance_and_basis(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X = _small_data(rng)
    S = X.T @ X / X.shape[0]
    return S, _orthonormal(rng, S.shape[0], int(rng.integers(1, S.shape[0])))


@practice.exercise("variance_left_out", title="The variance a subspace leaves out")
def _variance_left_out(rng: np.random.Generator) -> practice.Instance:
    S, B = _covariance_and_basis(rng)
    return practice.Instance(
        question=(f"For the covariance matrix $S = {practice.latex(S)}$, the variance left out "
                  f"by projecting onto the span of the orthonormal columns of "
                  f"$B = {practice.latex(B)}$."),
        inputs={"S": S, "B": B},
        expected=float(np.trace(S) - np.trace(B.T @ S @ B)),
        hint="the variance along a unit vector b is b^T S b; what is not kept is left out",
    )


@practice.exercise("lagrangian_gradient", title="Gradient of the PCA Lagrangian")
def _lagrangian_gradient(rng: np.random.Generator) -> practice.Instance:
    S, _ = _covariance_and_basis(rng)
    b = np.round(rng.normal(size=S.shape[0]), 1)
    lam = float(np.round(rng.uniform(0, 3), 1))
    return practice.Instance(
        question=(f"The gradient of $L(b, \\lambda) = b^T S b + \\lambda (1 - b^T b)$ with "
                  f"respect to $(b, \\lambda)$ at $S = {practice.latex(S)}$, "
                  f"$b = {practice.latex(b)}$, $\\lambda = {lam}$."),
        inputs={"S": S, "b": b, "lam": lam},
        expected=np.append(2 * S @ b - 2 * lam * b, 1 - b @ b),
        hint="differentiate each term with respect to b (S is symmetric), then with respect to "
             "lambda; D + 1 entries in all",
    )
