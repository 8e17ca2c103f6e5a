"""Unit tests of mml/stats.py (pictures and tools of the PCA week 1-2 labs)."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mml.pca import stats  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_ellipse_points_lie_on_the_contour() -> None:
    mean = np.array([1.0, -2.0])
    cov = np.array([[4.0, 1.5], [1.5, 1.0]])
    points = stats.covariance_ellipse(mean, cov, n_std=2.0, num=50)
    assert points.shape == (50, 2)
    centred = points - mean
    quad = np.einsum("ni,ij,nj->n", centred, np.linalg.inv(cov), centred)
    np.testing.assert_allclose(quad, 4.0, rtol=1e-10)
    np.testing.assert_allclose(points[0], points[-1])


def test_ellipse_of_the_identity_is_a_circle() -> None:
    points = stats.covariance_ellipse([0, 0], np.eye(2), n_std=1.0, num=17)
    np.testing.assert_allclose(np.linalg.norm(points, axis=1), 1.0)


def test_ellipse_of_a_singular_covariance_is_a_segment() -> None:
    points = stats.covariance_ellipse([0, 0], [[1.0, 1.0], [1.0, 1.0]], n_std=1.0)
    np.testing.assert_allclose(points[:, 0], points[:, 1], atol=1e-12)
    assert np.abs(points).max() == pytest.approx(1.0, rel=1e-3)


def test_ellipse_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="shape"):
        stats.covariance_ellipse([0, 0, 0], np.eye(3))
    with pytest.raises(ValueError, match="positive semi-definite"):
        stats.covariance_ellipse([0, 0], [[1.0, 0.0], [0.0, -1.0]])


def test_draw_covariance_ellipse_draws_curve_and_centre() -> None:
    fig, ax = plt.subplots()
    line = stats.draw_covariance_ellipse(ax, [1, 2], np.eye(2), color="red", label="S")
    assert line.get_label() == "S"
    assert len(ax.lines) == 2
    np.testing.assert_allclose(ax.lines[1].get_xydata(), [[1, 2]])


def test_image_grid_layout_and_titles() -> None:
    images = np.random.default_rng(0).random((12, 784))
    fig = stats.image_grid(images, [str(i) for i in range(12)], ncols=5)
    assert len(fig.axes) == 15  # 3 rows of 5, the last three panels blank
    assert [ax.get_title() for ax in fig.axes[:12]] == [str(i) for i in range(12)]
    assert sum(bool(ax.images) for ax in fig.axes) == 12
    assert fig.axes[0].images[0].get_array().shape == (28, 28)


def test_image_grid_accepts_3d_and_shared_scale() -> None:
    images = np.arange(2 * 3 * 4, dtype=float).reshape(2, 3, 4)
    fig = stats.image_grid(images, shared_scale=True, suptitle="x")
    clims = {ax.images[0].get_clim() for ax in fig.axes}
    assert clims == {(0.0, 23.0)}
    with pytest.raises(ValueError, match="titles"):
        stats.image_grid(images, ["only one"])
    with pytest.raises(ValueError, match="shape"):
        stats.image_grid(np.zeros(5))


def test_heatmap_annotates_every_entry() -> None:
    matrix = np.arange(9.0).reshape(3, 3)
    ax = stats.heatmap(matrix, ["a", "b", "c"], title="m", fmt="{:.0f}")
    texts = [t.get_text() for t in ax.texts]
    assert texts == [str(i) for i in range(9)]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    assert ax.get_title() == "m"
    with pytest.raises(ValueError, match="square"):
        stats.heatmap(np.zeros((2, 3)), ["a", "b"])


def test_best_time_calls_the_function_repeat_times() -> None:
    calls = []
    seconds = stats.best_time(lambda x: calls.append(x), 7, repeat=4)
    assert calls == [7, 7, 7, 7]
    assert 0.0 <= seconds < 1.0
    with pytest.raises(ValueError):
        stats.best_time(print, repeat=0)


def test_plane_grid_order_matches_meshgrid() -> None:
    xx, yy, points = stats.plane_grid((0, 1), (10, 12), steps=3)
    assert xx.shape == yy.shape == (3, 3)
    np.testing.assert_allclose(points[:4], [[0, 10], [0.5, 10], [1, 10], [0, 11]])
    with pytest.raises(ValueError):
        stats.plane_grid((0, 1), (0, 1), steps=1)


def test_plot_decision_regions_uses_predict_at_every_grid_point() -> None:
    X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]])
    y = np.array([0, 1, 2])
    seen = []

    def predict(point):
        seen.append(point)
        return np.int64(point[0] > 1.0)

    fig, ax = plt.subplots()
    regions = stats.plot_decision_regions(ax, predict, X, y, steps=7, pad=0.5,
                                          class_names=["a", "b", "c"])
    assert len(seen) == 49 and all(p.shape == (2,) for p in seen)
    assert regions.shape == (7, 7)
    assert set(np.unique(regions)) == {0, 1}
    assert regions[0, 0] == 0 and regions[0, -1] == 1
    assert ax.get_xlim() == (-0.5, 2.5)
    assert len(ax.collections) == 1 + 3  # the mesh and one scatter per class
