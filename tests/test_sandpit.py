"""The sandpit game (mml.mc.sandpit) and its view (mml.mc.sandpit_widget), with the agg backend."""

from __future__ import annotations

from types import SimpleNamespace

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mml.mc import sandpit  # noqa: E402
from mml.mc.sandpit import GameOver, Landscape, Sandpit, make_landscape, walk  # noqa: E402
from mml.mc.sandpit_widget import SandpitView, clicks_work, play, use_widget_backend  # noqa: E402

# Where each fixed landscape promises its phone (metres), and how close the true minimum is.
CLAIMED_PHONES = {
    "intro": ((1.1, -0.7), 0.01),
    "depth_only": ((-1.2, 0.9), 0.01),
    "several_minima": ((1.7, -1.3), 0.05),
    "rocks": ((-0.9, 0.6), 0.25),
    "narrow_well": ((1.6, 1.3), 0.02),
    "valley": ((0.8, -0.4), 0.05),
}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def quadratic(a=1.0, b=2.0, c=0.5, centre=(0.5, -1.0)):
    """A bowl f = a u^2 + 2 c u v + b v^2 about centre, with its exact gradient and Hessian."""
    def surface(x, y):
        u, v = x - centre[0], y - centre[1]
        return a * u**2 + 2 * c * u * v + b * v**2

    def gradient(p):
        u, v = p[0] - centre[0], p[1] - centre[1]
        return np.array([2 * a * u + 2 * c * v, 2 * c * u + 2 * b * v])

    hessian = np.array([[2 * a, 2 * c], [2 * c, 2 * b]])
    return surface, gradient, hessian


# ----------------------------------------------------------------------------------- landscapes


@pytest.mark.parametrize("name", sorted(CLAIMED_PHONES))
def test_fixed_landscapes_have_their_phone_where_claimed(name: str) -> None:
    land = make_landscape(name)
    claimed, tolerance = CLAIMED_PHONES[name]
    assert np.hypot(*(land.global_minimum - claimed)) < tolerance
    level, J, H = land.probe(land.global_minimum)
    assert np.linalg.norm(J) < 1e-5
    assert np.all(np.linalg.eigvalsh(H) > 0)
    X, Y, F = land.grid()
    assert F.max() < 0, "the sand must lie below the rim everywhere"
    assert level <= F.min() + 1e-12, "the phone is the lowest point of the pit"
    assert land.deepest == pytest.approx(-level)


def test_landscape_kinds() -> None:
    assert make_landscape("intro").minima.shape == (1, 2)
    assert make_landscape("depth_only").gradient is False
    assert make_landscape("several_minima").minima.shape == (4, 2)
    assert make_landscape("narrow_well").minima.shape == (2, 2)
    assert make_landscape("rocks").minima.shape[0] >= 20
    with pytest.raises(ValueError, match="unknown landscape"):
        make_landscape("beach")


def test_several_minima_are_where_the_dips_are() -> None:
    land = make_landscape("several_minima")
    expected = [(1.7, -1.3), (-1.6, 1.5), (-1.3, -1.7), (1.5, 1.6)]  # deepest first
    for found, claimed in zip(land.minima, expected, strict=True):
        assert np.hypot(*(found - claimed)) < 0.1


def test_narrow_well_is_narrow_and_deeper_than_the_decoy() -> None:
    land = make_landscape("narrow_well")
    well, decoy = land.minima
    assert land(well) < land(decoy) - 0.1
    assert np.hypot(*(decoy - (-1.2, -0.6))) < 0.2
    assert land.depth(well + (0.5, 0.0)) < land.depth(well) - 0.9, "0.5 m away is much shallower"


def test_random_landscapes_are_seeded() -> None:
    a, b, c = (sandpit.random_landscape(s) for s in (5, 5, 6))
    np.testing.assert_array_equal(a.minima, b.minima)
    assert a(np.array([0.3, -0.2])) == b(np.array([0.3, -0.2]))
    assert np.hypot(*(a.global_minimum - c.global_minimum)) > 1e-3
    game1, game2 = Sandpit("random", seed=11), Sandpit("random", seed=11)
    assert game1.dip(0.1, 0.2).depth == game2.dip(0.1, 0.2).depth


@pytest.mark.parametrize("seed", range(12))
def test_random_landscapes_are_playable(seed: int) -> None:
    land = sandpit.random_landscape(seed)
    phone = land.global_minimum
    assert np.all(np.abs(phone) < sandpit.HALF_WIDTH)
    assert land.grid()[2].max() < 0
    levels = [land(m) for m in land.minima]
    assert levels == sorted(levels)
    assert len(levels) == 1 or levels[1] - levels[0] >= 0.05


def test_probe_matches_exact_derivatives() -> None:
    surface, gradient, hessian = quadratic()
    land = Landscape("bowl", surface)
    for point in ([0.0, 0.0], [1.3, -2.1], [-2.5, 2.9]):
        level, J, H = land.probe(point)
        assert J.shape == (2,) and H.shape == (2, 2)
        np.testing.assert_allclose(J, gradient(point), atol=1e-8)
        np.testing.assert_allclose(H, hessian, atol=1e-6)
        assert level == pytest.approx(land(point))
    np.testing.assert_allclose(land.global_minimum, [0.5, -1.0], atol=1e-7)


def test_probe_of_a_wavy_landscape() -> None:
    land = make_landscape("rocks")
    point = np.array([0.7, -1.1])
    level, J, H = land.probe(point)
    h = 1e-5
    e = np.eye(2) * h
    numeric = np.array([(land(point + e[i]) - land(point - e[i])) / (2 * h) for i in range(2)])
    np.testing.assert_allclose(J, numeric, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(H, H.T)


def test_landscape_without_interior_minimum_is_refused() -> None:
    with pytest.raises(ValueError, match="no minimum"):
        Landscape("tilted", lambda x, y: 0.1 * x + 0.2 * y)
    with pytest.raises(ValueError, match="edge"):  # an interior dip, but a lower corner
        Landscape("corner", lambda x, y: -np.exp(-(x**2 + y**2)) - 0.5 * (x + y))


# ----------------------------------------------------------------------------------- the game


def test_win_radius() -> None:
    game = Sandpit("several_minima")
    phone = game.landscape.global_minimum
    miss = game.dip(*(phone + (0.16, 0.0)))
    assert not miss.found and not game.over
    hit = game.dip(*(phone + (0.0, -0.14)))
    assert hit.found and game.won and game.over and game.revealed
    assert "found the phone" in hit.message
    assert game.dips_left == 0
    with pytest.raises(GameOver):
        game.dip(0.0, 0.0)


def test_local_minimum_detection() -> None:
    game = Sandpit("several_minima")
    local = game.landscape.minima[2]
    dip = game.dip(*(local + (0.1, 0.0)))
    assert dip.local_minimum and not dip.found
    assert "local minimum" in dip.message
    far = game.dip(0.0, 0.0)
    assert not far.local_minimum and "local minimum" not in far.message
    near_phone = game.dip(*game.landscape.global_minimum)
    assert near_phone.found and not near_phone.local_minimum


def test_dip_limit_reveals_the_surface() -> None:
    game = Sandpit("intro")
    for k in range(sandpit.MAX_DIPS):
        assert not game.over
        dip = game.dip(-2.5 + 0.1 * (k % 5), 2.5 - 0.1 * (k // 5))
        assert dip.number == k + 1
    assert game.over and game.revealed and not game.won
    assert "last dip" in dip.message
    with pytest.raises(GameOver):
        game.dip(1.0, 1.0)


def test_dip_reports_depth_and_gradient() -> None:
    game = Sandpit("intro")
    point = np.array([-1.0, 1.0])
    dip = game.dip(*point)
    level, J, _ = game.landscape.probe(point)
    assert dip.depth == pytest.approx(-level) and dip.depth > 0
    np.testing.assert_allclose(dip.downhill, -J)
    np.testing.assert_array_equal(dip.path, [point])
    assert Sandpit("depth_only").dip(0.0, 0.0).downhill is None
    assert Sandpit("intro", gradient=False).dip(0.0, 0.0).downhill is None
    with pytest.raises(ValueError, match="outside"):
        game.dip(3.5, 0.0)


def test_depth_scale_covers_the_phone() -> None:
    for name in ("intro", "narrow_well", "rocks"):
        game = Sandpit(name)
        assert game.landscape.deepest <= game.depth_scale < game.landscape.deepest + 0.5
        assert game.depth_scale % 0.5 == 0


# ----------------------------------------------------------------------------------- walkers


def test_walk_takes_steps_and_clips() -> None:
    surface, gradient, hessian = quadratic()
    land = Landscape("bowl", surface)
    path = walk(lambda f, J, H: -0.1 * J, land.probe, [2.0, 2.0], 5)
    assert path.shape == (6, 2)
    x = np.array([2.0, 2.0])
    for k in range(5):
        x = x - 0.1 * gradient(x)
        np.testing.assert_allclose(path[k + 1], x, atol=1e-7)
    newton = walk(lambda f, J, H: -np.linalg.solve(H, J), land.probe, [2.0, 2.0], 1)
    np.testing.assert_allclose(newton[-1], [0.5, -1.0], atol=1e-6)
    far = walk(lambda f, J, H: np.array([[10.0], [-0.5]]), land.probe, [0.0, 0.0], 3)
    np.testing.assert_allclose(far[1:], [[3.0, -0.5], [3.0, -1.0], [3.0, -1.5]])
    free = walk(lambda f, J, H: np.array([10.0, 0.0]), land.probe, [0.0, 0.0], 1, clip=False)
    np.testing.assert_allclose(free[-1], [10.0, 0.0])


def test_walk_passes_level_gradient_and_hessian() -> None:
    seen = []

    def spy(depth, J, H):
        seen.append((depth, J.shape, H.shape, type(depth)))
        J[:] = 99.0  # a step function that scribbles on its input must not hurt the game
        return np.zeros(2)

    land = make_landscape("intro")
    walk(spy, land.probe, [0.0, 0.0], 2)
    assert seen[0][1:] == ((2,), (2, 2), float)
    assert seen[0][0] == pytest.approx(land([0.0, 0.0]))


def test_walk_rejects_bad_steps() -> None:
    land = make_landscape("intro")
    with pytest.raises(ValueError, match="2 numbers"):
        walk(lambda f, J, H: np.zeros(3), land.probe, [0.0, 0.0])
    with pytest.raises(ValueError, match="not finite"):
        walk(lambda f, J, H: np.array([np.nan, 0.0]), land.probe, [0.0, 0.0])


def test_walker_mode_game() -> None:
    game = Sandpit("intro", next_step=lambda f, J, H: -0.5 * J)
    assert game.walker
    dip = game.dip(-2.0, 2.0)
    assert dip.path.shape == (sandpit.WALKER_STEPS + 1, 2)
    np.testing.assert_array_equal(dip.start, [-2.0, 2.0])
    np.testing.assert_array_equal(dip.position, dip.path[-1])
    assert dip.depth == pytest.approx(game.landscape.depth(dip.position))
    assert game.landscape.depth(dip.position) > game.landscape.depth(dip.start)


def test_walker_stops_when_it_finds_the_phone() -> None:
    game = Sandpit("intro", next_step=lambda f, J, H: -np.linalg.solve(H, J))
    phone = game.landscape.global_minimum
    dip = game.dip(*(phone + (0.3, 0.2)))
    assert dip.found and game.won
    assert dip.path.shape[0] < sandpit.WALKER_STEPS + 1


def test_walker_in_a_local_minimum_is_told() -> None:
    game = Sandpit("several_minima", next_step=lambda f, J, H: -np.linalg.solve(H, J))
    local = game.landscape.minima[1]
    dip = game.dip(*(local + (0.3, -0.2)))
    assert dip.local_minimum and not dip.found
    assert np.hypot(*(dip.position - local)) < 1e-3


# ----------------------------------------------------------------------------------- the view


def test_view_click_draws_and_reports() -> None:
    game = Sandpit("several_minima")
    view = SandpitView(game)
    lines_before = len(view.ax.lines)
    dip = view.click(0.0, 0.0)
    assert dip is game.dips[-1]
    assert len(view.ax.lines) > lines_before
    assert "depth" in view.status.get_text() and "24 dips left" in view.status.get_text()
    assert len(view.ax.texts) >= 1  # the depth label (and the arrow annotation)
    local = game.landscape.minima[1]
    view.click(*local)
    assert "local minimum" in view.status.get_text()
    phone = game.landscape.global_minimum
    view.click(*phone)
    assert game.won and view._revealed
    assert view.ax.collections, "the contours are drawn when the game ends"
    assert view.click(0.0, 0.0) is None
    assert "over" in view.status.get_text()


def test_view_walker_path_and_reveal_after_last_dip() -> None:
    game = Sandpit("valley", next_step=lambda f, J, H: -0.5 * J, max_dips=2)
    view = SandpitView(game)
    view.click(-2.0, 2.0)
    assert any(len(line.get_xdata()) == sandpit.WALKER_STEPS + 1 for line in view.ax.lines)
    assert not view._revealed
    view.click(2.0, -2.0)
    assert game.over and view._revealed
    view.fig.canvas.draw()  # renders without error


def test_view_mouse_events() -> None:
    game = Sandpit("intro")
    view = SandpitView(game)
    view._on_press(SimpleNamespace(inaxes=view.gauge, xdata=0.5, ydata=0.5, button=1))
    view._on_press(SimpleNamespace(inaxes=view.ax, xdata=None, ydata=None, button=1))
    view._on_press(SimpleNamespace(inaxes=view.ax, xdata=1.0, ydata=1.0, button=3))
    assert not game.dips
    view._on_press(SimpleNamespace(inaxes=view.ax, xdata=1.0, ydata=1.0, button=1))
    assert len(game.dips) == 1
    np.testing.assert_array_equal(game.dips[0].start, [1.0, 1.0])


def test_view_real_canvas_event() -> None:
    """A button press sent through matplotlib's own event machinery reaches the game."""
    from matplotlib.backend_bases import MouseButton, MouseEvent

    game = Sandpit("intro")
    view = SandpitView(game)
    view.fig.canvas.draw()
    px, py = view.ax.transData.transform((0.5, -0.5))
    MouseEvent("button_press_event", view.fig.canvas, px, py, MouseButton.LEFT)._process()
    assert len(game.dips) == 1
    np.testing.assert_allclose(game.dips[0].start, [0.5, -0.5], atol=1e-6)


def test_play_without_clicks_uses_the_demo(monkeypatch) -> None:
    monkeypatch.setenv("MML_UNATTENDED", "1")
    assert not clicks_work()
    assert use_widget_backend() is False
    game = Sandpit("several_minima")
    view = play(game, demo=[(0.0, 0.0), (1.0, 1.0)])
    assert len(game.dips) == 2 and view._revealed
    won = Sandpit("intro")
    play(won, demo=[tuple(won.landscape.global_minimum), (0.0, 0.0)])
    assert len(won.dips) == 1 and won.won
