"""Unit tests for mml.la.bear: the bear's points, splitting, and the drawing helpers."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mml.la import bear  # noqa: E402


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def test_points_shape_and_separators() -> None:
    points = bear.bear_points()
    assert points.shape[0] == 2 and points.dtype == float
    gaps = np.isnan(points).any(axis=0)
    assert np.isnan(points[:, gaps]).all(), "a separator column is NaN in both rows"
    assert gaps.sum() == len(bear.PARTS) - 1
    assert not gaps[0] and not gaps[-1] and not (gaps[1:] & gaps[:-1]).any()


def test_parts_and_polygons_match() -> None:
    polygons = bear.split_polygons(bear.bear_points())
    assert len(polygons) == len(bear.PARTS)
    names = {part.name for part in bear.PARTS}
    for needed in ("body", "head", "face", "left ear", "right ear", "left eye", "nose", "mouth"):
        assert needed in names
    for part, polygon in zip(bear.PARTS, polygons, strict=True):
        assert polygon.shape[0] == 2 and polygon.shape[1] >= 3
        assert np.isfinite(polygon).all()
        if part.filled:
            np.testing.assert_allclose(polygon[:, 0], polygon[:, -1], atol=1e-12)


def test_center_and_scale() -> None:
    base = bear.bear_points(center=(0, 0))
    moved = bear.bear_points(center=(2.0, -1.0), scale=0.5)
    expected = np.array([[2.0], [-1.0]]) + 0.5 * base
    np.testing.assert_allclose(moved, expected)  # NaN positions compare equal
    width = np.nanmax(base[0]) - np.nanmin(base[0])
    height = np.nanmax(base[1]) - np.nanmin(base[1])
    assert 1.5 < width < 2.5 and 2.5 < height < 3.5


def test_default_bear_is_not_mirror_symmetric() -> None:
    """The bear waves one paw and winks: its left-right mirror image is a different drawing."""
    points = bear.bear_points(center=(0, 0))
    flipped = np.diag([-1.0, 1.0]) @ points
    assert not np.allclose(np.sort(points[0][~np.isnan(points[0])]),
                           np.sort(flipped[0][~np.isnan(flipped[0])]))


def test_default_bear_is_clear_of_shallow_mirrors() -> None:
    """For mirrors through the origin at 0 to 35 degrees the bear stays on one side."""
    points = bear.bear_points()
    finite = points[:, ~np.isnan(points).any(axis=0)]
    for degrees in (0, 15, 26.57, 35):
        a = np.deg2rad(degrees)
        normal = np.array([-np.sin(a), np.cos(a)])
        assert (normal @ finite > 0).all()


def test_split_polygons_survives_linear_maps() -> None:
    points = bear.bear_points()
    matrix = np.array([[0.6, 0.8], [0.8, -0.6]])
    before = bear.split_polygons(points)
    after = bear.split_polygons(matrix @ points)
    assert len(after) == len(before)
    for p, q in zip(before, after, strict=True):
        np.testing.assert_allclose(q, matrix @ p)


def test_split_polygons_edge_cases() -> None:
    nan = np.nan
    points = np.array([[nan, 1, 2, nan, nan, 3, nan], [nan, 4, 5, nan, nan, 6, nan]])
    parts = bear.split_polygons(points)
    assert [p.tolist() for p in parts] == [[[1, 2], [4, 5]], [[3], [6]]]
    with pytest.raises(ValueError):
        bear.split_polygons(np.zeros((3, 4)))


def test_draw_bear_own_colours(ax) -> None:
    artists = bear.draw_bear(ax, bear.bear_points(), label="bear")
    assert len(artists) == len(bear.PARTS)
    assert artists[0].get_label() == "bear"
    filled = sum(1 for a in artists if isinstance(a, matplotlib.patches.Polygon))
    assert filled == sum(1 for part in bear.PARTS if part.filled)


def test_draw_bear_single_colour_and_outline(ax) -> None:
    points = np.array([[0.0, 1, 1, 0, 0, np.nan, 2, 3], [0, 0, 1, 1, 0, np.nan, 2, 3]])
    artists = bear.draw_bear(ax, points, color="C2", alpha=0.5)
    assert len(artists) == 2  # one closed square (filled) and one open segment (a line)
    assert isinstance(artists[0], matplotlib.patches.Polygon)
    assert artists[0].get_facecolor()[3] == pytest.approx(0.125)
    outline = bear.draw_bear(ax, bear.bear_points(), fill=False)
    assert all(isinstance(a, matplotlib.lines.Line2D) for a in outline)


def test_draw_mirror_and_basis(ax) -> None:
    basis = np.array([[2.0, -1.0], [1.0, 1.0]])
    line = bear.draw_mirror(ax, basis)
    assert line.get_label() == "mirror"
    bear.draw_mirror(ax, np.array([0.0, 1.0]), label=None)
    with pytest.raises(ValueError):
        bear.draw_mirror(ax, np.zeros((2, 2)))
    artists = bear.draw_basis(ax, basis, labels=["$b_1$", "$b_2$"])
    assert len(artists) == 4
    bear.setup_axes(ax, limit=3, title="t")
    assert ax.get_xlim() == (-3, 3) and ax.get_title() == "t"


@pytest.mark.parametrize("cumulative", [True, False])
def test_show_steps(cumulative: bool) -> None:
    rotation = np.array([[0.0, -1.0], [1.0, 0.0]])
    steps = [("rotate", rotation), ("flip", np.diag([1.0, -1.0]))]
    fig = bear.show_steps(bear.bear_points(), steps, cumulative=cumulative, basis=np.eye(2))
    assert len(fig.axes) == 3
    assert [ax.get_title() for ax in fig.axes] == ["start", "rotate", "flip"]
    plt.close(fig)


def test_show_steps_skips_a_collapsed_mirror() -> None:
    fig = bear.show_steps(bear.bear_points(), [("squash", np.array([[0.0, 0], [0, 1]]))],
                          basis=np.eye(2))
    assert len(fig.axes) == 2
    plt.close(fig)
