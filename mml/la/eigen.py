"""Eigen-analysis of 2×2 matrices acting on the plane: the maths behind the la-w5 eigen explorer.

Everything here is a pure function of a real 2×2 matrix ``A`` (array-like, shape ``(2, 2)``)
and returns NumPy arrays, numbers or strings; drawing and widgets live in
:mod:`mml.la.eigen_widget`.

Conventions
-----------
* Points and vectors are **columns**: a shape with ``m`` points is an array ``(2, m)`` and its
  image under ``A`` is ``A @ points``.
* Eigenvectors are the columns of a ``(2, 2)`` array, scaled to length 1, with their first
  non-zero entry positive (so the sign is reproducible).
* A number is "zero" when it is at most ``tol`` times the size of the matrix
  (``max(1, largest |entry|)``, squared for the discriminant): slider values such as ``0.1``
  are not exact in binary, and ``[[1, 0.1], [0, 1]]`` must still be recognised as a shear.

The eigenvalues of ``A = [[a, b], [c, d]]`` are the roots of ``λ² − (a + d) λ + (ad − bc)``;
the sign of the discriminant ``Δ = (a + d)² − 4(ad − bc) = (a − d)² + 4bc`` decides the case:

================  =====================================================================
``"scalar"``      ``A = λ I``: every vector is an eigenvector (includes the zero matrix)
``"distinct"``    ``Δ > 0``: two real eigenvalues, two eigen-directions, diagonalisable
``"defective"``   ``Δ = 0`` but ``A ≠ λ I``: one eigen-direction only, like a shear
``"complex"``     ``Δ < 0``: a complex pair ``r e^{±iθ}``, no real eigenvector; in a
                  suitable basis ``A`` rotates by ``θ`` and scales by ``r``
================  =====================================================================
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

KINDS = ("scalar", "distinct", "defective", "complex")
DEFAULT_TOL = 1e-9

PRESETS: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    "stretch": ((2.0, 0.0), (0.0, 0.5)),
    "shear": ((1.0, 1.0), (0.0, 1.0)),
    "rotation": ((0.8, -0.6), (0.6, 0.8)),
    "reflection": ((0.0, 1.0), (1.0, 0.0)),
    "singular": ((1.0, 2.0), (0.5, 1.0)),
    "symmetric": ((2.0, 1.0), (1.0, 2.0)),
    "spiral": ((0.9, -0.5), (0.5, 0.9)),
    "scaling": ((1.5, 0.0), (0.0, 1.5)),
}
"""Named example matrices, as nested tuples (rows). ``"rotation"`` turns by about 36.87°."""


def preset(name: str) -> np.ndarray:
    """The preset matrix ``name`` (a key of :data:`PRESETS`) as a new float array (2, 2)."""
    return np.array(PRESETS[name], dtype=float)


def as_matrix(A: object) -> np.ndarray:
    """``A`` as a new float array of shape (2, 2); ``ValueError`` otherwise."""
    M = np.array(A, dtype=float)
    if M.shape != (2, 2):
        raise ValueError(f"expected a 2x2 matrix, got shape {M.shape}")
    if not np.all(np.isfinite(M)):
        raise ValueError("the matrix has NaN or infinite entries")
    return M


def _scale(M: np.ndarray) -> float:
    return max(1.0, float(np.abs(M).max()))


def _null_direction(B: np.ndarray) -> np.ndarray:
    """A unit vector v with B v = 0 for a (real or complex) 2x2 matrix B of rank 1."""
    rows = np.abs(B).sum(axis=1)
    p, q = B[int(np.argmax(rows))]
    v = np.array([-q, p])
    return _canonical(v / np.linalg.norm(v))


def _canonical(v: np.ndarray) -> np.ndarray:
    """Unit vector with its first clearly non-zero entry made real and positive."""
    k = 0 if abs(v[0]) > 1e-12 else 1
    phase = v[k] / abs(v[k])
    v = v / phase
    if np.isrealobj(v) or np.abs(v.imag).max() <= 1e-15:
        return np.real(v).astype(float)
    return v


# --------------------------------------------------------------------------- the analysis


@dataclass(frozen=True)
class Eigen:
    """The eigen-structure of a 2x2 matrix (see :func:`eigen`).

    Attributes
    ----------
    matrix : array (2, 2), float
    kind : one of :data:`KINDS`
    values : array (2,), float if real else complex; real ones in descending order, the complex
        pair as ``(a + ib, a − ib)`` with ``b > 0``; a repeated eigenvalue is listed twice
    vectors : array (2, 2), float or complex; column k belongs to ``values[k]``. For
        ``"defective"`` both columns are the one eigen-direction; for ``"scalar"`` the standard
        basis
    det, trace, discriminant : float
    """

    matrix: np.ndarray
    kind: str
    values: np.ndarray
    vectors: np.ndarray
    det: float
    trace: float
    discriminant: float

    @property
    def real(self) -> bool:
        """True if both eigenvalues are real."""
        return self.kind != "complex"

    @property
    def singular(self) -> bool:
        """True if the determinant is (numerically) zero, i.e. 0 is an eigenvalue."""
        return abs(self.det) <= DEFAULT_TOL * _scale(self.matrix) ** 2

    @property
    def diagonalisable(self) -> bool:
        """True if ``A = P D P⁻¹`` with **real** P and D (two independent real eigenvectors)."""
        return self.kind in ("scalar", "distinct")

    @property
    def modulus(self) -> float:
        """``r = |λ|`` of the largest eigenvalue (for ``"complex"``: the scaling factor)."""
        return float(np.abs(self.values).max())

    @property
    def angle(self) -> float | None:
        """For ``"complex"``: the rotation angle ``θ = arg λ`` in (0, π) radians, else None."""
        if self.kind != "complex":
            return None
        return float(np.angle(self.values[0]))

    @property
    def turns_counterclockwise(self) -> bool | None:
        """For ``"complex"``: True if A turns vectors counter-clockwise (``A[1, 0] > 0``)."""
        if self.kind != "complex":
            return None
        return bool(self.matrix[1, 0] > 0)


def eigen(A: object, tol: float = DEFAULT_TOL) -> Eigen:
    """Eigenvalues, eigenvectors and the kind of a real 2x2 matrix (see the module docstring).

    Parameters
    ----------
    A : array-like (2, 2)
    tol : float
        Relative tolerance deciding when the discriminant, or ``A − λI``, counts as zero.

    Returns
    -------
    Eigen
    """
    M = as_matrix(A)
    s = _scale(M)
    trace = float(M[0, 0] + M[1, 1])
    det = float(M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0])
    disc = float((M[0, 0] - M[1, 1]) ** 2 + 4 * M[0, 1] * M[1, 0])
    if abs(disc) <= tol * s * s:
        lam = trace / 2
        B = M - lam * np.eye(2)
        if np.abs(B).max() <= tol * s:
            return Eigen(M, "scalar", np.array([lam, lam]), np.eye(2), det, trace, disc)
        v = _null_direction(B)
        return Eigen(M, "defective", np.array([lam, lam]), np.column_stack([v, v]), det,
                     trace, disc)
    if disc > 0:
        root = math.sqrt(disc)
        values = np.array([(trace + root) / 2, (trace - root) / 2])
        vectors = np.column_stack([_null_direction(M - lam * np.eye(2)) for lam in values])
        return Eigen(M, "distinct", values, vectors, det, trace, disc)
    root = math.sqrt(-disc)
    values = np.array([complex(trace / 2, root / 2), complex(trace / 2, -root / 2)])
    vectors = np.column_stack([_null_direction(M - lam * np.eye(2)) for lam in values])
    return Eigen(M, "complex", values, vectors.astype(complex), det, trace, disc)


def classify(A: object, tol: float = DEFAULT_TOL) -> str:
    """The kind of ``A``: ``"scalar"``, ``"distinct"``, ``"defective"`` or ``"complex"``."""
    return eigen(A, tol).kind


def is_diagonalisable(A: object, tol: float = DEFAULT_TOL, *, complex_ok: bool = False) -> bool:
    """True if ``A = P D P⁻¹`` with D diagonal: over the reals by default; with
    ``complex_ok=True`` complex P and D are allowed too (then only shears fail)."""
    kind = classify(A, tol)
    if complex_ok:
        return kind != "defective"
    return kind in ("scalar", "distinct")


def diagonalise(A: object, tol: float = DEFAULT_TOL) -> tuple[np.ndarray, np.ndarray] | None:
    """``(P, D)`` with ``A = P D P⁻¹``, or None when ``A`` is defective (like a shear).

    P holds the unit eigenvectors as columns, D the eigenvalues on its diagonal, in the order of
    :func:`eigen`. For the ``"complex"`` kind P and D are complex arrays: A is diagonalisable over
    the complex numbers, not over the reals.
    """
    e = eigen(A, tol)
    if e.kind == "defective":
        return None
    return e.vectors.copy(), np.diag(e.values)


def matrix_power(A: object, n: int) -> np.ndarray:
    """``A`` to the integer power ``n`` (``A⁰ = I``; a negative ``n`` needs an invertible A).

    Raises ``ValueError`` for a negative power of a singular matrix.
    """
    M = as_matrix(A)
    n = int(n)
    if n < 0:
        if eigen(M).singular:
            raise ValueError("a singular matrix has no inverse, so no negative powers")
        M = np.linalg.inv(M)
        n = -n
    return np.linalg.matrix_power(M, n)


def power_by_eigen(A: object, n: int, tol: float = DEFAULT_TOL) -> np.ndarray | None:
    """``P Dⁿ P⁻¹`` (real part): the n-th power through the eigenbasis, None if defective.
    Agrees with :func:`matrix_power` up to rounding."""
    pd = diagonalise(A, tol)
    if pd is None:
        return None
    P, D = pd
    result = P @ np.diag(np.diag(D) ** int(n)) @ np.linalg.inv(P)
    return np.real(result)


# --------------------------------------------------------------------------- shapes


def unit_square() -> np.ndarray:
    """Corners of the unit square, closed: array (2, 5), from (0, 0) anticlockwise."""
    return np.array([[0.0, 1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0, 0.0]])


def unit_circle(m: int = 120) -> np.ndarray:
    """``m + 1`` points of the unit circle, closed: array (2, m + 1), starting at (1, 0)."""
    t = np.linspace(0.0, 2 * np.pi, int(m) + 1)
    return np.vstack([np.cos(t), np.sin(t)])


def house() -> np.ndarray:
    """A small asymmetric house outline (a door on the left), closed: array (2, 11).
    Useful to see reflections: its mirror image is visibly different."""
    return np.array([
        [0.0, 1.0, 1.0, 0.5, 0.0, 0.0, 0.15, 0.15, 0.4, 0.4, 0.0],
        [0.0, 0.0, 0.7, 1.1, 0.7, 0.0, 0.0, 0.45, 0.45, 0.0, 0.0],
    ])


def image(A: object, points: object) -> np.ndarray:
    """The image ``A @ points`` of a shape given as an array (2, m) of column points."""
    P = np.asarray(points, dtype=float)
    if P.ndim != 2 or P.shape[0] != 2:
        raise ValueError(f"points must have shape (2, m), got {P.shape}")
    return as_matrix(A) @ P


def orbit(A: object, points: object, n: int) -> list[np.ndarray]:
    """``[points, A points, A² points, ..., Aⁿ points]`` (n + 1 arrays (2, m)); n >= 0."""
    M = as_matrix(A)
    current = np.asarray(points, dtype=float)
    shapes = [current]
    for _ in range(int(n)):
        current = M @ current
        shapes.append(current)
    return shapes


# --------------------------------------------------------------------------- words


def format_number(z: complex | float, digits: int = 3) -> str:
    """A short text for a real or complex number: ``"2"``, ``"-0.5"``, ``"0.8 + 0.6i"``."""
    z = complex(z)
    re_part = _fmt(z.real, digits)
    if abs(z.imag) <= 10.0 ** (-digits - 3):
        return re_part
    im = _fmt(abs(z.imag), digits)
    im = "" if im == "1" else im
    if abs(z.real) <= 10.0 ** (-digits - 3):
        return f"{'-' if z.imag < 0 else ''}{im}i"
    return f"{re_part} {'-' if z.imag < 0 else '+'} {im}i"


def _fmt(x: float, digits: int) -> str:
    text = f"{x:.{digits}g}"
    return "0" if text in ("-0", "0") else text


def _vec(v: np.ndarray) -> str:
    return "(" + ", ".join(format_number(x) for x in v) + ")"


def describe(A: object, tol: float = DEFAULT_TOL) -> list[str]:
    """Plain-language sentences about ``A``: eigenvalues, eigenvectors, what it does, whether
    it has an eigenbasis (and why not), and whether it is singular."""
    e = eigen(A, tol)
    lines = []
    if e.kind == "scalar":
        lam = format_number(e.values[0])
        if np.abs(e.matrix).max() <= tol:
            lines.append("The zero matrix: every vector is sent to 0.")
        else:
            lines.append(f"A = {lam} I: it scales every vector by {lam}.")
        lines.append(f"Eigenvalue {lam} (twice); EVERY non-zero vector is an eigenvector.")
        lines.append("Diagonalisable: any basis is an eigenbasis (D = A itself).")
    elif e.kind == "distinct":
        l1, l2 = (format_number(x) for x in e.values)
        v1, v2 = (_vec(e.vectors[:, k]) for k in range(2))
        lines.append(f"Two real eigenvalues: {l1} and {l2}.")
        lines.append(f"Eigenvectors: v₁ = {v1} with A v₁ = {l1} v₁, and v₂ = {v2} with "
                     f"A v₂ = {l2} v₂.")
        if e.det < -tol:
            lines.append("The determinant is negative: A flips the orientation of the plane "
                         "(a reflection is hidden in it).")
        lines.append("Diagonalisable: in the basis of the two eigenvectors A is just the "
                     "diagonal matrix D of its eigenvalues, A = P D P⁻¹.")
    elif e.kind == "defective":
        lam = format_number(e.values[0])
        lines.append(f"One repeated eigenvalue {lam}, but only ONE eigen-direction: "
                     f"{_vec(e.vectors[:, 0])}.")
        lines.append("Not diagonalisable: there are not enough eigenvectors to make a basis. "
                     "Like a shear, A slides the plane along that one direction.")
    else:
        r, theta = e.modulus, e.angle
        assert theta is not None
        sense = "counter-clockwise" if e.turns_counterclockwise else "clockwise"
        degrees = math.degrees(theta)
        lines.append(f"Complex eigenvalues {format_number(e.values[0])} and "
                     f"{format_number(e.values[1])}: no real eigenvectors.")
        orthogonal = np.allclose(e.matrix.T @ e.matrix, r * r * np.eye(2), atol=1e-9 * r * r)
        where = "" if orthogonal else " (measured in a suitable, skewed basis)"
        lines.append(f"This matrix rotates by θ = {degrees:.1f}° {sense} and scales by "
                     f"r = {format_number(r)}{where}: no direction is left unturned.")
        lines.append("Not diagonalisable with real numbers (it is with complex P and D).")
        if abs(r - 1) <= 1e-9:
            lines.append("r = 1: lengths do not grow or shrink under repeated application.")
    if e.singular and e.kind != "scalar":
        lines.append("Singular (determinant 0): the plane is squashed onto a line, and the "
                     "direction that is squashed to 0 is an eigenvector with eigenvalue 0.")
    return lines


def latex_diagonalisation(A: object, tol: float = DEFAULT_TOL) -> str:
    """LaTeX ``A = P D P^{-1}`` with the numbers of :func:`diagonalise`, or a sentence saying
    why no real eigenbasis exists."""
    e = eigen(A, tol)
    if e.kind == "defective":
        return r"\text{no eigenbasis: only one eigen-direction (a shear-like matrix)}"
    if e.kind == "complex":
        return r"\text{no real eigenbasis: the eigenvalues are complex}"
    P, D = diagonalise(A, tol)  # type: ignore[misc]

    def mat(M: np.ndarray) -> str:
        rows = [" & ".join(format_number(x) for x in row) for row in M]
        return r"\begin{pmatrix}" + r" \\ ".join(rows) + r"\end{pmatrix}"

    return f"{mat(e.matrix)} = {mat(P)}\\,{mat(D)}\\,{mat(np.linalg.inv(P))}"
