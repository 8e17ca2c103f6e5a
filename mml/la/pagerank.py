"""PageRank helpers for the la-w5 lab: generated webs, a sparse solver, dangling pages, drawing
and scale-invariant checks.

Conventions
-----------
A web of ``n`` pages is described by its **link matrix** ``L`` of shape ``(n, n)``: column ``j``
holds the outgoing links of page ``j``, ``L[i, j] = 1 / k_j`` if page ``j`` links to page ``i``
and ``k_j`` is the number of distinct pages that ``j`` links to, else 0. Every column of a link
matrix without *dangling pages* (pages with no outgoing link, i.e. all-zero columns) sums to 1:
the matrix is *column-stochastic*. A PageRank vector is a length-``n`` vector of non-negative
numbers; we scale it to sum 1 when we compare two of them.

The graded function of the lab (the learner's dense ``pageRank``) is not in this module. The
sparse solver :func:`sparse_pagerank` is a tool for the "going further" part and only accepts
SciPy sparse matrices.

Example
-------
>>> from mml import pagerank
>>> L = pagerank.generate_internet(8, seed=1)
>>> L.shape, bool(abs(L.sum(axis=0) - 1).max() < 1e-12)
((8, 8), True)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from matplotlib.axes import Axes
from numpy.random import default_rng

from mml import checks

DENSE_LIMIT = 20_000
"""Largest ``n`` for which :func:`generate_internet` builds a dense matrix (3.2 GB at 20 000)."""


# --------------------------------------------------------------------------- generating webs


def generate_internet(
    n: int,
    seed: int = 0,
    *,
    sparse: bool = False,
    mean_links: float = 6.0,
    hub_fraction: float = 0.3,
    dangling: float = 0.0,
) -> np.ndarray | sp.csc_array:
    """A random web of ``n`` pages as a link matrix (column ``j`` = the links of page ``j``).

    Each page links to a heavy-tailed (log-normal) number of distinct other pages, never to
    itself. Most links go to *nearby* pages, ``j ± offset`` (wrapping round), with offsets drawn
    from a Pareto distribution: links cluster near the diagonal but some jump far. A fraction
    ``hub_fraction`` of the links go instead to *hubs*: pages drawn from a discrete Pareto law
    over a random ordering of the pages, so a few pages receive very many links.

    Parameters
    ----------
    n : int, at least 2
        Number of pages.
    seed : int
        Seed of the random generator; the same ``(n, seed, options)`` give the same web.
    sparse : bool
        False (default): a dense ``numpy.ndarray``, allowed up to ``n = DENSE_LIMIT``.
        True: a ``scipy.sparse.csc_array`` (use it for large ``n``; 10**6 pages take a few
        seconds and about 100 MB).
    mean_links : float
        Typical number of outgoing links per page (the median of the log-normal law, plus 1).
    hub_fraction : float in [0, 1]
        Fraction of the links that go to hubs rather than to nearby pages.
    dangling : float in [0, 1)
        Fraction of pages given **no** outgoing links (all-zero columns). The default 0 gives a
        column-stochastic matrix with no all-zero column.

    Returns
    -------
    L : array (n, n) of float64 or csc_array
        ``L[i, j] = 1 / k_j`` if page ``j`` links to page ``i``; each non-dangling column sums
        to 1.
    """
    n = int(n)
    if n < 2:
        raise ValueError("a web needs at least 2 pages")
    if not sparse and n > DENSE_LIMIT:
        raise ValueError(f"n = {n} is too large for a dense matrix: pass sparse=True")
    if not 0 <= hub_fraction <= 1 or not 0 <= dangling < 1 or mean_links < 1:
        raise ValueError("need 0 <= hub_fraction <= 1, 0 <= dangling < 1 and mean_links >= 1")
    rng = default_rng(seed)

    # Out-degrees: 1 + log-normal, at most n - 1 (no self-links).
    cap = min(n - 1, 500)
    median = max(mean_links - 1.0, 1e-9)
    degree = 1 + np.floor(rng.lognormal(np.log(median), 0.9, size=n)).astype(np.int64)
    degree = np.minimum(degree, cap)
    source = np.repeat(np.arange(n, dtype=np.int64), degree)
    m = source.size

    # Targets: nearby pages with Pareto offsets, or heavy-tailed hubs.
    offset = 1 + np.floor(rng.pareto(1.1, size=m))
    offset = np.minimum(offset, n - 1).astype(np.int64)
    sign = rng.choice(np.array([-1, 1], dtype=np.int64), size=m)
    target = (source + sign * offset) % n
    to_hub = rng.random(m) < hub_fraction
    # Hub ranks follow a discrete Pareto law P(rank >= k) = (1 + k / k0)**-1.2.
    k0 = max(2.0, np.sqrt(n) / 10)
    u = 1.0 - rng.random(int(to_hub.sum()))
    ranks = np.floor(k0 * (u ** (-1 / 1.2) - 1)).astype(np.int64) % n
    target[to_hub] = rng.permutation(n)[ranks]
    # A hub link that lands on its own page goes to the next page instead.
    target = np.where(target == source, (target + 1) % n, target)

    if dangling > 0:
        keep = rng.random(n) >= dangling
        keep_link = keep[source]
        source, target = source[keep_link], target[keep_link]

    ones = np.ones(source.size)
    L = sp.csc_array((ones, (target, source)), shape=(n, n))
    L.sum_duplicates()
    L.data[:] = 1.0  # a page linking twice to the same page has one link to it
    out = np.diff(L.indptr)
    L.data /= np.repeat(out, out)
    return L if sparse else L.toarray()


def is_link_matrix(L: Any, *, allow_dangling: bool = False, tol: float = 1e-12) -> bool:
    """True if ``L`` is square, non-negative, zero on the diagonal, and every column sums to 1
    (or is all zero, when ``allow_dangling``). Dense arrays and SciPy sparse matrices."""
    if sp.issparse(L):
        colsum = np.asarray(L.sum(axis=0)).ravel()
        negative = L.nnz > 0 and L.data.min() < 0
        diagonal = np.abs(L.diagonal()).max() > 0
    else:
        L = np.asarray(L, dtype=float)
        colsum = L.sum(axis=0)
        negative = bool((L < 0).any())
        diagonal = bool(np.diag(L).any()) if L.ndim == 2 else True
    if L.ndim != 2 or L.shape[0] != L.shape[1] or negative or diagonal:
        return False
    ok = np.abs(colsum - 1) <= tol
    if allow_dangling:
        ok |= colsum == 0
    return bool(ok.all())


# --------------------------------------------------------------------------- dangling pages


def dangling_pages(L: np.ndarray | sp.sparray) -> np.ndarray:
    """Indices (sorted, int64) of the all-zero columns of ``L``: pages with no outgoing link."""
    if sp.issparse(L):
        L = sp.csc_array(L)
        return np.flatnonzero(np.diff(L.indptr) == 0).astype(np.int64)
    L = np.asarray(L)
    return np.flatnonzero(~L.any(axis=0)).astype(np.int64)


def fix_dangling(L: np.ndarray) -> np.ndarray:
    """A copy of the dense link matrix ``L`` in which every all-zero column is replaced by the
    uniform column ``1/n``: a surfer on a page with no links jumps to any page at random.

    (For sparse matrices do not build this dense fix: :func:`sparse_pagerank` spreads the rank
    of dangling pages implicitly.)
    """
    if sp.issparse(L):
        raise TypeError("fix_dangling builds dense columns: use sparse_pagerank for sparse webs")
    fixed = np.array(L, dtype=float, copy=True)
    fixed[:, dangling_pages(fixed)] = 1.0 / fixed.shape[0]
    return fixed


# --------------------------------------------------------------------------- sparse solver


def sparse_pagerank(
    L: sp.sparray | sp.spmatrix,
    d: float = 0.85,
    *,
    tol: float = 1e-10,
    max_iter: int = 10_000,
) -> tuple[np.ndarray, int]:
    """PageRank of a large sparse web by power iteration, without ever forming a dense matrix.

    One step computes ``r ← d L r + (d · mass on dangling pages + 1 − d) / n``: the damping term
    ``(1−d)/n J r`` is a constant vector because ``r`` sums to 1, and a surfer on a dangling page
    jumps to a uniformly random page (the same as :func:`fix_dangling`).

    Parameters
    ----------
    L : SciPy sparse matrix or array (n, n)
        Link matrix; all-zero columns (dangling pages) are allowed.
    d : float in [0, 1]
        Damping factor (probability of following a link).
    tol : float
        Stop when successive iterates differ by less than ``tol`` in the 1-norm.
    max_iter : int
        Raise ``RuntimeError`` if not converged after this many steps.

    Returns
    -------
    r : array (n,) of float64, non-negative, summing to 1
    iterations : int, the number of steps taken
    """
    if not sp.issparse(L):
        raise TypeError("sparse_pagerank expects a scipy.sparse matrix (the dense one is yours)")
    L = sp.csr_array(L, dtype=float)
    n = L.shape[0]
    dangling = np.zeros(n, dtype=bool)
    dangling[dangling_pages(L)] = True
    r = np.full(n, 1.0 / n)
    for step in range(1, max_iter + 1):
        leak = r[dangling].sum()
        new = d * (L @ r) + (d * leak + 1.0 - d) / n
        new /= new.sum()
        if np.abs(new - r).sum() < tol:
            return new, step
        r = new
    raise RuntimeError(f"power iteration did not converge in {max_iter} steps")


# --------------------------------------------------------------------------- drawing


def draw_web(
    ax: Axes,
    L: Any,
    labels: list[str] | None = None,
    ranks: Any = None,
    *,
    title: str = "",
) -> Axes:
    """Draw a small web: pages on a circle, an arrow from page ``j`` to page ``i`` wherever
    ``L[i, j] > 0``. If ``ranks`` (length n) is given, node areas are proportional to it and the
    values are printed under the labels.
    """
    L = np.asarray(L, dtype=float)
    n = L.shape[0]
    labels = labels if labels is not None else [str(i) for i in range(n)]
    angle = np.pi / 2 - 2 * np.pi * np.arange(n) / n
    xy = np.column_stack([np.cos(angle), np.sin(angle)])
    if ranks is None:
        size = np.full(n, 900.0)
    else:
        r = np.abs(np.asarray(ranks, dtype=float).ravel())
        r = r / r.sum() if r.sum() > 0 else np.full(n, 1.0 / n)
        size = 300 + 6000 * r
    radius = np.sqrt(size) / 2  # marker radius in points (scatter sizes are areas in pt^2)
    for j in range(n):
        for i in range(n):
            if L[i, j] > 0 and i != j:
                ax.annotate(
                    "", xy=xy[i], xytext=xy[j],
                    arrowprops={"arrowstyle": "-|>,head_length=0.6,head_width=0.3",
                                "color": "0.4", "lw": 1.2,
                                "connectionstyle": "arc3,rad=0.12",
                                "shrinkA": radius[j] + 1, "shrinkB": radius[i] + 2},
                )
    ax.scatter(xy[:, 0], xy[:, 1], s=size, c="tab:orange", edgecolors="k", zorder=3)
    for k in range(n):
        text = labels[k] if ranks is None else f"{labels[k]}\n{r[k]:.2f}"
        ax.text(xy[k, 0], xy[k, 1], text, ha="center", va="center", fontsize=9, zorder=4)
    ax.set_xlim(-1.4, 1.4)
    ax.set_ylim(-1.4, 1.4)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=10)
    return ax


# --------------------------------------------------------------------------- checks


def _real_vector(value: Any, name: str) -> np.ndarray:
    """``value`` as a float array; a complex ndarray is accepted if its imaginary part is
    negligible (``numpy.linalg.eig`` returns complex vectors when some eigenvalue is complex)."""
    __tracebackhide__ = True
    if type(value) is np.ndarray and value.dtype.kind == "c":
        real, imag = value.real, value.imag
        size = float(np.max(np.abs(real))) if real.size else 0.0
        if real.size and float(np.max(np.abs(imag))) > 1e-9 * max(size, 1e-300):
            raise checks.CheckFailed(
                f"{name}: has imaginary parts that are not negligible\n"
                f"  got:      {value}\n"
                "  hint: the principal eigenvector of a real matrix with a real dominant "
                "eigenvalue is real: did you pick the right eigenvalue?"
            )
        value = real.copy()
    return checks.as_float_array(value, name)


def check_direction(
    value: Any,
    expected: Any,
    name: str = "value",
    *,
    atol: float = 1e-6,
    hint: str = "",
) -> None:
    """Check that ``value`` is a non-zero multiple (any sign, any scale) of ``expected``.

    Both are scaled to unit length, ``value`` is given the sign that agrees with ``expected``,
    then they must agree entry by entry within ``atol``. ``value`` must have as many entries as
    ``expected``; ``(n,)`` and ``(n, 1)`` are both accepted. Complex arrays whose imaginary part
    is negligible are accepted.
    """
    __tracebackhide__ = True
    got = _real_vector(value, name).ravel()
    want = checks.as_float_array(expected, "expected").ravel()
    if got.size != want.size:
        checks.check_shape(got, want.shape, name, hint=hint or "one entry per page")
    norm = float(np.sqrt(np.sum(got * got)))
    if not norm > 0:  # also catches NaN
        raise checks.CheckFailed(f"{name}: is the zero vector (or contains NaN)\n  hint: {hint}")
    unit = got / norm
    want = want / float(np.sqrt(np.sum(want * want)))
    if float(np.dot(unit, want)) < 0:
        unit = -unit
    checks.check_close(unit, want, f"{name} (scaled to length 1)", rtol=0.0, atol=atol,
                       hint=hint)


def check_ranks(
    value: Any,
    expected: Any,
    name: str = "value",
    *,
    atol: float = 1e-6,
    rtol: float = 1e-4,
    hint: str = "",
) -> None:
    """Check a PageRank vector up to a positive (indeed any non-zero) scaling.

    Both vectors are divided by their sums and compared entry by entry. ``value`` must have
    exactly the shape of ``expected`` (a 1-D array of length n).
    """
    __tracebackhide__ = True
    got = _real_vector(value, name)
    want = checks.as_float_array(expected, "expected")
    checks.check_shape(got, want.shape, name,
                       hint=hint or "return a 1-D array with one entry per page")
    total = float(np.sum(got))
    if not np.abs(total) > 1e-300:  # zero, or NaN
        raise checks.CheckFailed(
            f"{name}: its entries sum to {total}, so it cannot be scaled to sum 1\n  hint: {hint}"
        )
    checks.check_close(got / total, want / float(np.sum(want)), f"{name} (scaled to sum 1)",
                       rtol=rtol, atol=atol, hint=hint)
