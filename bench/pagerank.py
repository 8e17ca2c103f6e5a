"""Benchmark: PageRank by dense and sparse power iteration, networkx and ARPACK (scipy eigs).

All four methods rank the same webs from ``mml.la.pagerank.generate_internet(n, seed=0)`` with
damping d = 0.85, for n = 10^3 ... 10^6 pages. For each method and size we report

* time: the median wall-clock time of ``--repeats`` calls, with BLAS limited to one thread
  (the web is built beforehand; for networkx the DiGraph is built beforehand too, and the time
  to build it is printed as a note);
* peak memory: the largest extra memory allocated during one call, measured by ``tracemalloc``
  in a separate run (NumPy and SciPy arrays are traced; the input matrix is not counted, its
  size is in the "input" column);
* agreement: the L1 distance between the method's vector and a reference vector, both scaled
  to sum 1 (the reference is the sparse power iteration run to 1e-13).

Dense iteration is skipped above 10^4 pages (the matrix alone would take 80 GB at 10^5) and
networkx above 10^5 (at 10^6 pages its graph of 5.9 million edges takes about 17 s to build and
4 GB of memory, and each call about 15 s). Run with ``python bench/pagerank.py`` (under a minute
on two cores); ``--quick`` stops at 10^5 pages, ``--sizes`` picks the sizes.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from threadpoolctl import threadpool_limits

from mml.la import pagerank

D = 0.85
TOL = 1e-10  # L1 change between successive iterates
DENSE_MAX = 10_000
NETWORKX_MAX = 100_000


# --------------------------------------------------------------------------- the methods


def dense_power_iteration(L: np.ndarray, d: float = D, tol: float = TOL) -> tuple[np.ndarray, int]:
    """Power iteration with a dense NumPy matrix: r <- d L r + (1 - d)/n (r sums to 1).

    The damping term is added as a constant instead of forming M = d L + (1-d)/n J, which would
    double the memory; each step is one dense matrix-vector product, n^2 operations."""
    n = L.shape[0]
    r = np.full(n, 1.0 / n)
    for step in range(1, 10_001):
        new = d * (L @ r) + (1.0 - d) / n
        new /= new.sum()
        if np.abs(new - r).sum() < tol:
            return new, step
        r = new
    raise RuntimeError("dense power iteration did not converge")


def sparse_power_iteration(
    L: sp.csr_array, d: float = D, tol: float = TOL
) -> tuple[np.ndarray, int]:
    """``mml.la.pagerank.sparse_pagerank``: one sparse matrix-vector product per step."""
    return pagerank.sparse_pagerank(L, d, tol=tol)


def networkx_pagerank(G: nx.DiGraph, n: int, d: float = D) -> tuple[np.ndarray, int]:
    """``networkx.pagerank`` (its SciPy back end); its stopping rule is L1 change < n * tol."""
    ranks = nx.pagerank(G, alpha=d, tol=TOL / n, max_iter=10_000)
    return np.fromiter((ranks[i] for i in range(n)), dtype=float, count=n), -1


def arpack_eigs(L: sp.csr_array, d: float = D) -> tuple[np.ndarray, int]:
    """``scipy.sparse.linalg.eigs`` (ARPACK, implicitly restarted Arnoldi) for the largest
    eigenvalue of M = d L + (1-d)/n J, given as a LinearOperator (J is never formed)."""
    n = L.shape[0]
    count = [0]

    def matvec(x: np.ndarray) -> np.ndarray:
        count[0] += 1
        x = np.ravel(x)
        return d * (L @ x) + (1.0 - d) / n * x.sum()

    M = spla.LinearOperator((n, n), matvec=matvec, dtype=float)
    values, vectors = spla.eigs(M, k=1, which="LM", v0=np.full(n, 1.0 / n), tol=1e-12)
    r = np.real(vectors[:, 0])
    return r / r.sum(), count[0]


# --------------------------------------------------------------------------- measuring


@dataclass
class Row:
    n: int
    links: int
    method: str
    input_mb: float
    seconds: float
    peak_mb: float
    steps: int
    l1: float


def measure(call: Callable[[], tuple[np.ndarray, int]], repeats: int) -> tuple[float, float,
                                                                               np.ndarray, int]:
    """(median seconds, peak traced MB, result, steps) of ``call``."""
    times = []
    result, steps = None, 0
    for _ in range(repeats):
        start = time.perf_counter()
        result, steps = call()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    tracemalloc.reset_peak()
    call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 1e6, result, steps


def l1(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a / a.sum() - b / b.sum()).sum())


def nbytes(L: np.ndarray | sp.sparray) -> float:
    if sp.issparse(L):
        return (L.data.nbytes + L.indices.nbytes + L.indptr.nbytes) / 1e6
    return L.nbytes / 1e6


def run(sizes: list[int], repeats: int) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    notes: list[str] = []
    for n in sizes:
        start = time.perf_counter()
        L = pagerank.generate_internet(n, seed=0, sparse=True).tocsr()
        notes.append(f"n={n:>9,}: web generated in {time.perf_counter() - start:.2f} s")
        reference, _ = pagerank.sparse_pagerank(L, D, tol=1e-13)
        reps = repeats if n < 1_000_000 else max(1, repeats - 1)

        def add(method: str, input_mb: float, call: Callable[[], tuple[np.ndarray, int]],
                n: int = n, L: sp.csr_array = L, reps: int = reps,
                reference: np.ndarray = reference) -> None:
            seconds, peak, result, steps = measure(call, reps)
            rows.append(Row(n, L.nnz, method, input_mb, seconds, peak, steps,
                            l1(result, reference)))

        if n <= DENSE_MAX:
            dense = L.toarray()
            add("dense power iteration", nbytes(dense),
                lambda dense=dense: dense_power_iteration(dense))
            del dense
        else:
            notes.append(f"n={n:>9,}: dense skipped (the matrix alone would need "
                         f"{8 * n * n / 1e9:,.0f} GB)")
        add("sparse power iteration", nbytes(L), lambda L=L: sparse_power_iteration(L))
        if n <= NETWORKX_MAX:
            start = time.perf_counter()
            G = nx.from_scipy_sparse_array(L.T.tocsr(), create_using=nx.DiGraph)
            built = time.perf_counter() - start
            notes.append(f"n={n:>9,}: networkx DiGraph built in {built:.2f} s (not in the time)")
            add("networkx.pagerank", float("nan"), lambda G=G, n=n: networkx_pagerank(G, n))
            del G
        else:
            notes.append(f"n={n:>9,}: networkx skipped to keep the run short: for its "
                         f"{L.nnz:,} edges, building the DiGraph took 17 s and one pagerank "
                         "call 15 s, with 3.9 GB resident (measured once on a 2-core machine)")
        add("scipy eigs (ARPACK)", nbytes(L), lambda L=L: arpack_eigs(L))
    return rows, notes


def table(rows: list[Row]) -> str:
    header = (f"| {'pages':>9} | {'links':>10} | {'method':<22} | {'input MB':>8} | "
              f"{'time s':>8} | {'peak MB':>8} | {'steps':>5} | {'L1 vs ref':>9} |")
    rule = "|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|"
    lines = [header, rule]
    for r in rows:
        input_mb = "-" if np.isnan(r.input_mb) else f"{r.input_mb:8.1f}"
        steps = "-" if r.steps < 0 else f"{r.steps:5d}"
        lines.append(f"| {r.n:>9,} | {r.links:>10,} | {r.method:<22} | {input_mb:>8} | "
                     f"{r.seconds:8.3f} | {r.peak_mb:8.2f} | {steps:>5} | {r.l1:9.1e} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="stop at 10^5 pages")
    parser.add_argument("--repeats", type=int, default=3, help="timed calls per method")
    parser.add_argument("--sizes", type=int, nargs="+", help="numbers of pages to try")
    args = parser.parse_args()
    sizes = args.sizes or [1_000, 10_000, 100_000] + ([] if args.quick else [1_000_000])
    start = time.perf_counter()
    with threadpool_limits(limits=1):  # one core for every method: a fair, quiet comparison
        rows, notes = run(sizes, args.repeats)
    print(f"PageRank, d = {D}, webs from mml.la.pagerank.generate_internet(n, seed=0); "
          f"time = median of {args.repeats} calls (2 at 10^6); peak MB = tracemalloc peak "
          "during one call; steps = power-iteration steps or ARPACK matrix-vector products; "
          "L1 vs ref = L1 distance to the sparse power iteration run to 1e-13; BLAS limited "
          "to one thread.")
    print(table(rows))
    for note in notes:
        print("note:", note)
    print(f"total benchmark time {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
