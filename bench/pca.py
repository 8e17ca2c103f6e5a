"""Benchmark: the course's two PCA algorithms against scikit-learn's PCA.

Run from the repository root (``make bench`` runs every file of ``bench/``)::

    python bench/pca.py [--quick] [--threads T]

For each data set, with k = 50 components, four ways of computing the principal subspace *and*
the reconstruction of the data are timed:

* ``eig(S)``: the covariance method of ``pca-w4`` (eigenvectors of the D x D matrix
  S = Xbar^T Xbar / N);
* ``eig(M)``: the high-dimensional method of ``pca-w4`` (eigenvectors of the N x N matrix
  M = Xbar Xbar^T / N, mapped back with Xbar^T and normalised);
* ``sklearn full``: ``sklearn.decomposition.PCA(svd_solver="full")`` (LAPACK SVD of Xbar);
* ``sklearn randomized``: ``PCA(svd_solver="randomized")`` (randomised range finder).

Times are CPU and wall seconds, each the median of 3 runs, with one BLAS thread by default (the
machine may be shared; ``--threads`` changes it); a run over 8 CPU seconds is not repeated.
Against ``sklearn full`` the table reports the largest principal angle between the spans of the
first 10 and of all k components, and the largest relative difference of the eigenvalues (ours
divide by N, scikit-learn's ``explained_variance_`` by N - 1; the comparison rescales); for every
method it reports the fraction of the variance its reconstruction loses. A method whose dense
eigenproblem would be too large (10000 x 10000 or 20000 x 20000) is skipped and says so.

The two reference implementations live here, not in the ``mml`` package, so that learners cannot
import the lab's solution.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.linalg import subspace_angles
from sklearn.decomposition import PCA as SklearnPCA
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mml import data  # noqa: E402 - the repository root must be on the path first

K = 50
REPEATS = 3
SLOW = 8.0  # a run taking longer than this (CPU seconds) is not repeated
MAX_EIG_SIZE = 5000  # skip a dense eigenproblem larger than this (memory and minutes)

Result = tuple[np.ndarray, np.ndarray, np.ndarray]  # (reconst (N, D), vals (k,), comps (D, k))


def pca_covariance(X: np.ndarray, k: int) -> Result:
    """PCA through the eigenvectors of the D x D covariance (population, divide by N)."""
    mean = X.mean(axis=0)
    Xbar = X - mean
    S = Xbar.T @ Xbar / len(X)
    vals, vecs = np.linalg.eigh(S)
    vals, B = vals[::-1][:k], vecs[:, ::-1][:, :k]
    return mean + (Xbar @ B) @ B.T, vals, B


def pca_high_dim(X: np.ndarray, k: int) -> Result:
    """PCA through the eigenvectors of the N x N matrix Xbar Xbar^T / N."""
    mean = X.mean(axis=0)
    Xbar = X - mean
    M = Xbar @ Xbar.T / len(X)
    vals, vecs = np.linalg.eigh(M)
    vals, U = vals[::-1][:k], vecs[:, ::-1][:, :k]
    B = Xbar.T @ U
    B /= np.linalg.norm(B, axis=0)
    return mean + (Xbar @ B) @ B.T, vals, B


def sklearn_method(solver: str) -> Callable[[np.ndarray, int], Result]:
    """scikit-learn's PCA with the given ``svd_solver``, returning our conventions (divide by N)."""

    def run(X: np.ndarray, k: int) -> Result:
        kwargs = {"random_state": 0} if solver == "randomized" else {}
        model = SklearnPCA(n_components=k, svd_solver=solver, **kwargs).fit(X)
        reconst = model.inverse_transform(model.transform(X))
        n = len(X)
        return reconst, model.explained_variance_ * (n - 1) / n, model.components_.T

    return run


METHODS: dict[str, Callable[[np.ndarray, int], Result]] = {
    "eig(S), D x D": pca_covariance,
    "eig(M), N x N": pca_high_dim,
    "sklearn full": sklearn_method("full"),
    "sklearn randomized": sklearn_method("randomized"),
}


def skip_reason(method: str, n: int, d: int) -> str | None:
    """Why a method is not run on an (n, d) data set, or None."""
    size = d if method.startswith("eig(S)") else n if method.startswith("eig(M)") else 0
    if size > MAX_EIG_SIZE:
        gigabytes = size * size * 8 / 1e9
        return f"skipped: {size} x {size} eigenproblem ({gigabytes:.1f} GB dense)"
    return None


def synthetic(n: int, d: int, rank: int = 80, seed: int = 0) -> np.ndarray:
    """Low-rank data with decaying variances plus a little isotropic noise, shape (n, d)."""
    rng = np.random.default_rng(seed)
    scales = 10.0 * 0.95 ** np.arange(rank)
    latent = rng.standard_normal((n, rank)) * scales
    directions = np.linalg.qr(rng.standard_normal((d, rank)))[0].T
    return latent @ directions + 0.5 * rng.standard_normal((n, d)) + rng.standard_normal(d)


def median_time(method: Callable[[np.ndarray, int], Result], X: np.ndarray,
                repeats: int) -> tuple[str, str, Result]:
    """Median CPU time and median wall time of ``repeats`` runs (only one run, marked with a star,
    if it takes over SLOW CPU seconds), formatted, and the result of the last run.

    CPU time is reported first: with one BLAS thread it equals the wall time on an idle machine
    and, unlike the wall time, it does not depend on what else the machine is running."""
    cpu, wall = [], []
    for _ in range(repeats):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        result = method(X, K)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
        if cpu[0] > SLOW:
            return f"{cpu[0]:.2f}*", f"{wall[0]:.2f}*", result
    return f"{statistics.median(cpu):.2f}", f"{statistics.median(wall):.2f}", result


def run(datasets: dict[str, np.ndarray], repeats: int) -> list[tuple[str, ...]]:
    """One table row per (data set, method): time, agreement with sklearn full, variance lost."""
    rows = []
    for name, X in datasets.items():
        n, d = X.shape
        total = np.sum((X - X.mean(axis=0)) ** 2)
        outcomes: dict[str, tuple[str, str, Result] | str] = {}
        for method_name, method in METHODS.items():
            reason = skip_reason(method_name, n, d)
            outcomes[method_name] = reason or median_time(method, X, repeats)
        baseline = outcomes["sklearn full"]
        assert not isinstance(baseline, str)
        _, _, (_, base_vals, base_comps) = baseline
        for method_name, outcome in outcomes.items():
            label = f"{name} ({n} x {d})"
            if isinstance(outcome, str):
                rows.append((label, method_name, outcome, "", "", "", "", ""))
                continue
            cpu, wall, (reconst, vals, comps) = outcome
            angle = np.degrees(np.max(subspace_angles(comps, base_comps)))
            angle10 = np.degrees(np.max(subspace_angles(comps[:, :10], base_comps[:, :10])))
            val_error = np.max(np.abs(vals - base_vals) / base_vals)
            lost = np.sum((X - reconst) ** 2) / total
            rows.append((label, method_name, cpu, wall, f"{angle10:.1e}", f"{angle:.1e}",
                         f"{val_error:.1e}",
                         f"{lost:.4f}"))
    return rows


def print_table(rows: list[tuple[str, ...]]) -> None:
    header = ("data (N x D)", "method", "cpu s", "wall s", "angle top 10", "angle all",
              "max rel dlambda", "variance lost")
    measured = [r for r in rows if not r[2].startswith("skipped")]
    widths = [max(len(r[i]) for r in [header, *measured]) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    print(line)
    previous = None
    for row in rows:
        cells = list(row)
        if row[0] == previous:
            cells[0] = ""
        previous = row[0]
        if row[2].startswith("skipped"):
            print(f"{cells[0].ljust(widths[0])}  {cells[1].ljust(widths[1])}  {row[2]}")
        else:
            print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    print(line)
    print(f"k = {K}. Angles: largest principal angle (degrees) to sklearn full's span of the first "
          "10 / all k components.\nmax rel dlambda: against sklearn full, eigenvalues divided by "
          f"N. * = one run only (over {SLOW:.0f} CPU s).\n"
          "variance lost = |X - reconst|^2 / |X - mean|^2.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="small synthetic sizes and one repeat (a smoke test, seconds)")
    parser.add_argument("--threads", type=int, default=1,
                        help="BLAS threads (default 1: fair and stable on a shared machine)")
    args = parser.parse_args(argv)
    with threadpool_limits(limits=args.threads):
        return _main(args)


def _main(args: argparse.Namespace) -> int:
    images, _ = data.load_mnist()
    if args.quick:
        datasets = {"digits": images[:1000], "wide": synthetic(300, 2000),
                    "tall": synthetic(3000, 200)}
        repeats = 1
    else:
        datasets = {"digits": images, "wide": synthetic(2000, 10000),
                    "tall": synthetic(20000, 500)}
        repeats = REPEATS
    start = time.perf_counter()
    print_table(run(datasets, repeats))
    print(f"total {time.perf_counter() - start:.0f} s, {args.threads} BLAS thread(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
