"""Tests of mml.la.pagerank: generated webs, dangling pages, the sparse solver, drawing, checks."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import scipy.sparse as sp  # noqa: E402

from mml import checks  # noqa: E402
from mml.la import pagerank  # noqa: E402


def reference_ranks(L: np.ndarray, d: float) -> np.ndarray:
    """Solve (I - d L') r = (1 - d)/n 1 with dangling columns made uniform (d < 1)."""
    n = L.shape[0]
    fixed = pagerank.fix_dangling(np.asarray(L))
    r = np.linalg.solve(np.eye(n) - d * fixed, (1 - d) / n * np.ones(n))
    return r / r.sum()


@pytest.mark.parametrize("n", [2, 3, 6, 50, 500])
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_generated_webs_are_link_matrices(n: int, seed: int) -> None:
    L = pagerank.generate_internet(n, seed=seed)
    assert isinstance(L, np.ndarray) and L.shape == (n, n) and L.dtype == np.float64
    assert pagerank.is_link_matrix(L)
    assert np.allclose(L.sum(axis=0), 1.0, atol=1e-12)
    assert not np.diag(L).any(), "no page links to itself"
    assert pagerank.dangling_pages(L).size == 0, "no all-zero columns"
    for j in range(n):  # each column holds 1/k in k places
        column = L[:, j][L[:, j] > 0]
        assert np.allclose(column, 1.0 / column.size)


def test_generation_is_reproducible_and_seed_dependent() -> None:
    a = pagerank.generate_internet(40, seed=3)
    assert np.array_equal(a, pagerank.generate_internet(40, seed=3))
    assert not np.array_equal(a, pagerank.generate_internet(40, seed=4))


def test_sparse_and_dense_variants_agree() -> None:
    dense = pagerank.generate_internet(300, seed=2)
    sparse = pagerank.generate_internet(300, seed=2, sparse=True)
    assert sp.issparse(sparse) and sparse.format == "csc"
    assert np.array_equal(sparse.toarray(), dense)
    assert pagerank.is_link_matrix(sparse)


def test_links_cluster_near_the_diagonal_with_heavy_tails() -> None:
    n = 20_000
    L = pagerank.generate_internet(n, seed=5, sparse=True).tocoo()
    distance = np.abs(L.row - L.col)
    distance = np.minimum(distance, n - distance)  # the web wraps round
    assert np.mean(distance <= 10) > 0.5, "most links go to nearby pages"
    assert np.mean(distance > 1000) > 0.05, "but a good share jumps far"
    indegree = np.bincount(L.row, minlength=n)
    assert indegree.max() > 50 * np.median(indegree), "some pages are hubs"
    outdegree = np.bincount(L.col, minlength=n)
    assert outdegree.min() >= 1 and outdegree.max() > 5 * np.median(outdegree)


def test_large_sparse_web_is_cheap() -> None:
    L = pagerank.generate_internet(200_000, seed=1, sparse=True)
    assert L.shape == (200_000, 200_000) and 3 < L.nnz / 200_000 < 15
    assert pagerank.is_link_matrix(L)


def test_generate_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        pagerank.generate_internet(1)
    with pytest.raises(ValueError, match="sparse=True"):
        pagerank.generate_internet(pagerank.DENSE_LIMIT + 1)
    with pytest.raises(ValueError):
        pagerank.generate_internet(10, hub_fraction=1.5)
    with pytest.raises(ValueError):
        pagerank.generate_internet(10, dangling=1.0)


def test_dangling_pages_and_their_fix() -> None:
    L = pagerank.generate_internet(400, seed=9, dangling=0.2)
    dead = pagerank.dangling_pages(L)
    assert 40 < dead.size < 130
    assert np.array_equal(dead, pagerank.dangling_pages(sp.csc_array(L)))
    assert not pagerank.is_link_matrix(L) and pagerank.is_link_matrix(L, allow_dangling=True)
    fixed = pagerank.fix_dangling(L)
    assert np.allclose(fixed.sum(axis=0), 1.0)
    assert np.allclose(fixed[:, dead], 1 / 400)
    keep = np.setdiff1d(np.arange(400), dead)
    assert np.array_equal(fixed[:, keep], L[:, keep])
    assert pagerank.dangling_pages(L).size == dead.size, "fix_dangling must not change L"
    with pytest.raises(TypeError):
        pagerank.fix_dangling(sp.csc_array(L))


@pytest.mark.parametrize("d", [0.0, 0.5, 0.85, 0.99])
def test_sparse_pagerank_matches_a_linear_solve(d: float) -> None:
    L = pagerank.generate_internet(120, seed=4)
    r, steps = pagerank.sparse_pagerank(sp.csr_array(L), d)
    assert r.shape == (120,) and steps >= 1
    assert np.isclose(r.sum(), 1.0) and (r > 0).all()
    assert np.allclose(r, reference_ranks(L, d), atol=1e-9)


def test_sparse_pagerank_with_dangling_pages_matches_networkx() -> None:
    L = pagerank.generate_internet(200, seed=6, dangling=0.15)
    r, _ = pagerank.sparse_pagerank(sp.csc_array(L), 0.85, tol=1e-13)
    graph = nx.from_numpy_array(L.T, create_using=nx.DiGraph)
    theirs = nx.pagerank(graph, alpha=0.85, tol=1e-14)
    assert np.allclose(r, [theirs[i] for i in range(200)], atol=1e-10)
    assert np.allclose(r, reference_ranks(L, 0.85), atol=1e-10)


def test_sparse_pagerank_d1_on_the_micro_internet() -> None:
    L6 = np.array([[0, 1/2, 0, 1/4, 0, 0], [1/3, 0, 1/3, 1/4, 0, 0], [0, 1/2, 0, 1/4, 0, 1],
                   [1/3, 0, 1/3, 0, 1/2, 0], [1/3, 0, 0, 1/4, 0, 0], [0, 0, 1/3, 0, 1/2, 0]])
    r, _ = pagerank.sparse_pagerank(sp.csr_array(L6), 1.0, tol=1e-14)
    assert np.allclose(r, np.array([3, 4, 6, 4, 2, 3]) / 22, atol=1e-12)


def test_sparse_pagerank_refuses_dense_and_reports_no_convergence() -> None:
    with pytest.raises(TypeError, match="sparse"):
        pagerank.sparse_pagerank(np.eye(3), 0.85)
    swap = sp.csr_array(np.array([[0.0, 1.0], [1.0, 0.0]]))
    with pytest.raises(RuntimeError, match="converge"):  # periodic web, no damping
        pagerank.sparse_pagerank(swap, 1.0, max_iter=50, tol=0.0)


def test_draw_web() -> None:
    L = pagerank.generate_internet(6, seed=1)
    fig, axes = plt.subplots(1, 2)
    pagerank.draw_web(axes[0], L, list("ABCDEF"), title="web")
    pagerank.draw_web(axes[1], L, ranks=np.arange(1, 7))
    labels = [t.get_text() for t in axes[0].texts if t.get_text()]
    assert labels == list("ABCDEF") and axes[0].get_title() == "web"
    arrows = [t for t in axes[0].texts if not t.get_text()]
    assert len(arrows) == np.count_nonzero(L)
    assert [t.get_text() for t in axes[1].texts if t.get_text()][0] == "0\n0.05"
    plt.close(fig)


# ----------------------------------------------------------------------------- check helpers


def test_check_direction_accepts_any_scaling_and_sign() -> None:
    v = np.array([1.0, -2.0, 3.0])
    for good in (v, -v, 7 * v, -0.01 * v, v.reshape(3, 1), list(v), v.astype(complex),
                 (1 + 0j) * v):
        pagerank.check_direction(good, v, "v")


@pytest.mark.parametrize(
    "bad, message",
    [
        (np.array([1.0, 2.0, 3.0]), "wrong values"),
        (np.zeros(3), "zero vector"),
        (np.array([1.0, -2.0]), "wrong shape"),
        (np.array([1.0, -2.0, 3.0]) * (1 + 1j), "imaginary"),
        (np.array([1.0, -2.0, 3.0]) + 0.5j, "imaginary"),
        (np.array([np.nan, 1.0, 1.0]), "zero vector"),
        (None, "returned None"),
        ("abc", "not numbers"),
    ],
)
def test_check_direction_rejects(bad: object, message: str) -> None:
    with pytest.raises(checks.CheckFailed, match=message):
        pagerank.check_direction(bad, [1.0, -2.0, 3.0], "v")


def test_check_ranks_accepts_positive_scalings() -> None:
    r = np.array([0.2, 0.3, 0.5])
    for good in (r, 100 * r, r / r.max(), -r, [2, 3, 5], r.astype(complex)):
        pagerank.check_ranks(good, r, "r")


@pytest.mark.parametrize(
    "bad, message",
    [
        (np.array([0.3, 0.2, 0.5]), "wrong values"),
        (np.array([[0.2], [0.3], [0.5]]), "wrong shape"),
        (np.array([1.0, -1.0, 0.0]), "sum to"),
        (np.array([0.2, 0.3, 0.5, 0.0]), "wrong shape"),
    ],
)
def test_check_ranks_rejects(bad: object, message: str) -> None:
    with pytest.raises(checks.CheckFailed, match=message):
        pagerank.check_ranks(bad, [0.2, 0.3, 0.5], "r")
