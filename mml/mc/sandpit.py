"""The sandpit game: find a phone buried at the lowest point of a 6 m x 6 m sandpit.

This module is the game's logic only, with no plotting (the view is :mod:`mml.mc.sandpit_widget`).

Conventions
-----------
* A point of the pit is ``(x, y)`` in metres, both coordinates in ``[-3, 3]`` (the origin is the
  centre of the pit). Points are NumPy arrays of shape ``(2,)``.
* A :class:`Landscape` gives the *level* ``f(x, y)`` of the sand surface in metres, relative to
  the rim of the pit. Inside the pit the sand lies below the rim, so ``f < 0``; the stick reports
  the **depth** ``-f > 0``. The phone lies at the global minimum of ``f`` (the deepest point).
* Derivatives are those of the level ``f``: the gradient ``J`` has shape ``(2,)`` and the Hessian
  ``H`` shape ``(2, 2)``. The game measures them itself, with a nine-point central-difference
  stencil on the landscape (:meth:`Landscape.probe`); it has no formulas for them.
* A *step function* (walker mode) has the protocol ``next_step(depth, J, H) -> step`` where
  ``depth`` is the level ``f`` at the walker's position (a float), ``J`` the gradient ``(2,)``,
  ``H`` the Hessian ``(2, 2)``, and ``step`` the move in metres, shape ``(2,)`` (a ``(2, 1)``
  column is accepted). The walker moves to ``x + step``, clipped to the pit.

Rules of the game (:class:`Sandpit`): each dip reports the depth (and, in gradient mode, the
downhill direction); a dip within :data:`WIN_RADIUS` of the phone wins; a dip within
:data:`LOCAL_RADIUS` of another local minimum says so; after :data:`MAX_DIPS` dips (or a win) the
game is over and the surface is revealed. In walker mode each click starts a walker that takes
up to :data:`WALKER_STEPS` steps before the stick goes in where it stops.

Landscapes (:data:`LANDSCAPES`, made by :func:`make_landscape`): ``"intro"`` (one gentle dip),
``"depth_only"`` (one tilted, elongated dip, played without the gradient arrow), ``"random"``
(seeded), ``"several_minima"``, ``"rocks"`` (a dip covered in high-frequency bumps),
``"narrow_well"`` (a broad decoy and a narrow deep well) and ``"valley"`` (a long narrow valley,
for the walkers of the optimisation lab).

Example
-------
>>> game = Sandpit("intro")
>>> dip = game.dip(0.0, 0.0)
>>> dip.depth > 0, dip.downhill.shape
(True, (2,))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np

HALF_WIDTH = 3.0
"""The pit is the square ``[-HALF_WIDTH, HALF_WIDTH]^2`` (metres)."""
PIT_SIZE = 2 * HALF_WIDTH
WIN_RADIUS = 0.15
"""A dip this close to the phone (metres) finds it."""
LOCAL_RADIUS = 0.15
"""A dip this close to a local minimum that is not the phone is told so."""
MAX_DIPS = 25
WALKER_STEPS = 5
STENCIL_STEP = 1e-3
"""Spacing (metres) of the game's own central-difference stencil."""
RIM_MARGIN = 0.1
"""The highest sand of every landscape lies this far (metres) below the rim."""
GRID_POINTS = 121
"""Points per side of the grid used to find minima, to draw and to set the depth scale."""

Surface = Callable[[np.ndarray, np.ndarray], np.ndarray]
StepFunction = Callable[[float, np.ndarray, np.ndarray], object]


class GameOver(RuntimeError):
    """Raised by :meth:`Sandpit.dip` once the game is over (phone found or no dips left)."""


class Probe(NamedTuple):
    """What the game measures at a point: the level ``f`` (float), the gradient ``(2,)`` and the
    Hessian ``(2, 2)`` of ``f``. A plain tuple, so ``level, J, H = landscape.probe(point)``."""

    level: float
    gradient: np.ndarray
    hessian: np.ndarray


def _stencil(surface: Surface, x: np.ndarray, y: np.ndarray, spacing: float):
    """Level and derivatives at many points at once, from the 3x3 grid of values around each.

    ``surface`` is vectorised over the arrays ``x``, ``y`` (same shape). Returns the six arrays
    ``(f, f_x, f_y, f_xx, f_xy, f_yy)`` of central differences with the given spacing.
    """
    offsets = np.array([-spacing, 0.0, spacing])
    xs = x[..., None, None] + offsets[:, None]
    ys = y[..., None, None] + offsets[None, :]
    v = surface(xs, ys)  # v[..., i, j] = f(x + o_i, y + o_j)
    centre = v[..., 1, 1]
    fx = (v[..., 2, 1] - v[..., 0, 1]) / (2 * spacing)
    fy = (v[..., 1, 2] - v[..., 1, 0]) / (2 * spacing)
    fxx = (v[..., 2, 1] - 2 * centre + v[..., 0, 1]) / spacing**2
    fyy = (v[..., 1, 2] - 2 * centre + v[..., 1, 0]) / spacing**2
    fxy = (v[..., 2, 2] - v[..., 2, 0] - v[..., 0, 2] + v[..., 0, 0]) / (4 * spacing**2)
    return centre, fx, fy, fxx, fxy, fyy


def clip_to_pit(point) -> np.ndarray:
    """``point`` as a float array ``(2,)`` moved to the nearest point of the pit."""
    return np.clip(np.asarray(point, dtype=float).reshape(2), -HALF_WIDTH, HALF_WIDTH)


def in_pit(point) -> bool:
    """True if the point ``(2,)`` lies in the pit (edges included)."""
    p = np.asarray(point, dtype=float).reshape(2)
    return bool(np.all(np.abs(p) <= HALF_WIDTH))


class Landscape:
    """The shape of the sand: a smooth level function on the pit, its minima and its derivatives.

    Parameters
    ----------
    name : str
        Short name shown in titles.
    surface : callable ``surface(x, y) -> array``
        The raw level, vectorised over arrays of the same shape (NumPy broadcasting). It is
        shifted by a constant so that the highest sand on the pit lies :data:`RIM_MARGIN` below
        the rim.
    description : str
        One sentence for the learner.
    gradient : bool
        Whether games on this landscape show the downhill arrow by default.

    Raises
    ------
    ValueError
        If the lowest point of the pit is not an interior minimum (the phone must be findable).
    """

    def __init__(self, name: str, surface: Surface, *, description: str = "",
                 gradient: bool = True) -> None:
        self.name = name
        self.description = description
        self.gradient = gradient
        self._surface = surface
        axis = np.linspace(-HALF_WIDTH, HALF_WIDTH, GRID_POINTS)
        X, Y = np.meshgrid(axis, axis)
        raw = np.asarray(surface(X, Y), dtype=float)
        self._offset = -(float(raw.max()) + RIM_MARGIN)
        self._grid = (X, Y, raw + self._offset)
        if self.minima.shape[0] == 0:
            raise ValueError(f"landscape {name!r} has no minimum inside the pit")
        if self.level(*self.global_minimum) > self._grid[2].min() + 1e-9:
            raise ValueError(f"the lowest point of landscape {name!r} is on the edge of the pit")

    def __repr__(self) -> str:
        return f"Landscape({self.name!r})"

    # ----------------------------------------------------------------------------- values

    def level(self, x, y) -> np.ndarray:
        """Level of the sand (metres, negative below the rim) at ``x``, ``y`` (broadcast)."""
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        return np.asarray(self._surface(x, y), dtype=float) + self._offset

    def __call__(self, point) -> float:
        """The level ``f(point)`` at one point ``(2,)``: the landscape as a function of a vector."""
        p = np.asarray(point, dtype=float).reshape(2)
        return float(self.level(p[0], p[1]))

    def depth(self, point) -> float:
        """What the stick reads at ``point`` ``(2,)``: metres of sand below the rim, ``-f``."""
        return -self(point)

    def probe(self, point) -> Probe:
        """Level, gradient ``(2,)`` and Hessian ``(2, 2)`` at ``point`` ``(2,)``.

        The derivatives come from the game's nine-point central-difference stencil with spacing
        :data:`STENCIL_STEP` on this landscape (accurate to about ``1e-6``).
        """
        p = np.asarray(point, dtype=float).reshape(2)
        f, fx, fy, fxx, fxy, fyy = _stencil(self.level, p[:1], p[1:], STENCIL_STEP)
        gradient = np.array([fx[0], fy[0]])
        hessian = np.array([[fxx[0], fxy[0]], [fxy[0], fyy[0]]])
        return Probe(float(f[0]), gradient, hessian)

    def grid(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(X, Y, F)``: a ``GRID_POINTS x GRID_POINTS`` grid over the pit and the level on it."""
        X, Y, F = self._grid
        return X.copy(), Y.copy(), F.copy()

    @property
    def deepest(self) -> float:
        """Depth of the phone (metres)."""
        return self.depth(self.global_minimum)

    # ----------------------------------------------------------------------------- minima

    @cached_property
    def minima(self) -> np.ndarray:
        """Every local minimum inside the pit, shape ``(k, 2)``, deepest first.

        Grid points lower than their eight neighbours are refined with damped Newton steps on
        the stencil derivatives; a point is kept if the gradient vanishes there, the Hessian is
        positive definite and it lies strictly inside the pit.
        """
        X, Y, F = self._grid
        inner = F[1:-1, 1:-1]
        lower = np.ones(inner.shape, dtype=bool)
        n = F.shape[0]
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                if di or dj:
                    lower &= inner < F[1 + di:n - 1 + di, 1 + dj:n - 1 + dj]
        x = X[1:-1, 1:-1][lower]
        y = Y[1:-1, 1:-1][lower]
        spacing = PIT_SIZE / (GRID_POINTS - 1)
        for _ in range(30):
            _, fx, fy, fxx, fxy, fyy = _stencil(self.level, x, y, STENCIL_STEP)
            det = fxx * fyy - fxy**2
            with np.errstate(divide="ignore", invalid="ignore"):
                dx = -(fyy * fx - fxy * fy) / det
                dy = -(fxx * fy - fxy * fx) / det
            convex = (det > 0) & (fxx > 0)
            dx = np.where(convex, dx, -fx)
            dy = np.where(convex, dy, -fy)
            length = np.hypot(dx, dy)
            scale = np.minimum(1.0, spacing / np.maximum(length, 1e-300))
            x = np.clip(x + scale * dx, -HALF_WIDTH, HALF_WIDTH)
            y = np.clip(y + scale * dy, -HALF_WIDTH, HALF_WIDTH)
        f, fx, fy, fxx, fxy, fyy = _stencil(self.level, x, y, STENCIL_STEP)
        keep = (
            (np.hypot(fx, fy) < 1e-6)
            & (fxx * fyy - fxy**2 > 0)
            & (fxx > 0)
            & (np.abs(x) < HALF_WIDTH - 1e-6)
            & (np.abs(y) < HALF_WIDTH - 1e-6)
        )
        order = np.argsort(f[keep], kind="stable")
        points = np.column_stack([x[keep], y[keep]])[order]
        unique: list[np.ndarray] = []
        for p in points:
            if all(np.hypot(*(p - q)) > 0.01 for q in unique):
                unique.append(p)
        return np.array(unique, dtype=float).reshape(-1, 2)

    @property
    def global_minimum(self) -> np.ndarray:
        """Where the phone is: the deepest local minimum, shape ``(2,)``."""
        return self.minima[0].copy()

    def local_minimum_near(self, point, radius: float = LOCAL_RADIUS) -> np.ndarray | None:
        """The local minimum (not the phone) nearest ``point`` if within ``radius``, else None."""
        p = np.asarray(point, dtype=float).reshape(2)
        others = self.minima[1:]
        if others.shape[0] == 0:
            return None
        distances = np.hypot(*(others - p).T)
        best = int(np.argmin(distances))
        return others[best].copy() if distances[best] <= radius else None


# --------------------------------------------------------------------------------- landscapes


def _bump(x, y, centre, widths, angle_deg: float = 0.0):
    """exp(-q/2) for an elliptical bump: ``widths`` are its standard deviations along its own
    axes, the first axis turned ``angle_deg`` degrees from the x axis."""
    t = np.deg2rad(angle_deg)
    u = (x - centre[0]) * np.cos(t) + (y - centre[1]) * np.sin(t)
    v = -(x - centre[0]) * np.sin(t) + (y - centre[1]) * np.cos(t)
    return np.exp(-0.5 * ((u / widths[0]) ** 2 + (v / widths[1]) ** 2))


def _intro() -> Landscape:
    def surface(x, y):
        r2 = (x - 1.1) ** 2 + (y + 0.7) ** 2
        return -1.6 * _bump(x, y, (1.1, -0.7), (1.5, 1.3)) + 0.02 * r2

    return Landscape("intro", surface,
                     description="one wide, gentle dip: follow the arrows down")


def _depth_only() -> Landscape:
    def surface(x, y):
        r2 = (x + 1.2) ** 2 + (y - 0.9) ** 2
        return -1.3 * _bump(x, y, (-1.2, 0.9), (1.6, 0.8), 30.0) + 0.015 * r2

    return Landscape("depth_only", surface, gradient=False,
                     description="one long, tilted dip, and no arrow: only the depth")


def _several_minima() -> Landscape:
    dips = [((-1.6, 1.5), 0.7, 1.0), ((1.5, 1.6), 0.8, 0.8),
            ((-1.3, -1.7), 0.6, 0.9), ((1.7, -1.3), 0.65, 1.3)]

    def surface(x, y):
        total = 0.02 * (x**2 + y**2)
        for centre, width, depth in dips:
            total = total - depth * _bump(x, y, centre, (width, width))
        return total

    return Landscape("several_minima", surface,
                     description="four dips of different depths: only one hides the phone")


def _rocks() -> Landscape:
    def surface(x, y):
        smooth = -1.4 * _bump(x, y, (-0.9, 0.6), (1.3, 1.3)) + 0.02 * (x**2 + y**2)
        rocks = (0.06 * np.sin(9.3 * x + 0.4) * np.sin(8.1 * y + 1.1)
                 + 0.04 * np.sin(13.7 * x - 6.2 * y + 2.0)
                 + 0.03 * np.sin(5.1 * x + 11.9 * y))
        return smooth + rocks

    return Landscape("rocks", surface,
                     description="one wide dip full of small rocks: many little local minima")


def _narrow_well() -> Landscape:
    def surface(x, y):
        decoy = -0.9 * _bump(x, y, (-1.2, -0.6), (1.3, 1.3))
        well = -1.3 * _bump(x, y, (1.6, 1.3), (0.18, 0.18))
        return decoy + well + 0.02 * (x**2 + y**2)

    return Landscape("narrow_well", surface,
                     description="a broad, shallow decoy and a narrow, deep well")


def _valley() -> Landscape:
    def surface(x, y):
        return -1.5 * _bump(x, y, (0.8, -0.4), (2.2, 0.45), 35.0) + 0.01 * (x**2 + y**2)

    return Landscape("valley", surface,
                     description="a long, narrow valley: the slope points across it, not along it")


def random_landscape(seed: int | None = None) -> Landscape:
    """A random landscape of a few dips, reproducible from ``seed`` (``None``: a fresh one).

    One main dip is deeper than the others; the draw is repeated (from the same generator) until
    the phone is inside the pit and at least 5 cm deeper than any other local minimum.
    """
    rng = np.random.default_rng(seed)
    while True:
        n = int(rng.integers(4, 7))
        centres = rng.uniform(-2.2, 2.2, size=(n, 2))
        widths = rng.uniform(0.45, 1.1, size=(n, 2))
        angles = rng.uniform(0.0, 180.0, size=n)
        depths = rng.uniform(0.3, 0.9, size=n)
        depths[0] = rng.uniform(1.1, 1.5)
        tilt = rng.normal(scale=0.04, size=2)

        def surface(x, y, centres=centres, widths=widths, angles=angles, depths=depths,
                    tilt=tilt):
            total = 0.03 * (x**2 + y**2) + tilt[0] * x + tilt[1] * y
            for c, w, a, d in zip(centres, widths, angles, depths, strict=True):
                total = total - d * _bump(x, y, c, w, a)
            return total

        try:
            land = Landscape("random", surface, description="a random sandpit")
        except ValueError:
            continue
        levels = [land(m) for m in land.minima]
        if len(levels) == 1 or levels[1] - levels[0] >= 0.05:
            return land


_FACTORIES: dict[str, Callable[[], Landscape]] = {
    "intro": _intro,
    "depth_only": _depth_only,
    "several_minima": _several_minima,
    "rocks": _rocks,
    "narrow_well": _narrow_well,
    "valley": _valley,
}
LANDSCAPES = ("intro", "depth_only", "random", "several_minima", "rocks", "narrow_well", "valley")


def make_landscape(name: str, seed: int | None = None) -> Landscape:
    """The landscape called ``name`` (one of :data:`LANDSCAPES`); ``seed`` is for ``"random"``."""
    if name == "random":
        return random_landscape(seed)
    if name not in _FACTORIES:
        raise ValueError(f"unknown landscape {name!r}; choose one of {', '.join(LANDSCAPES)}")
    return _FACTORIES[name]()


# --------------------------------------------------------------------------------- walkers


def as_step(value, name: str = "next_step") -> np.ndarray:
    """A step function's result as a float array ``(2,)``; ``(2, 1)`` is accepted.

    Raises ``ValueError`` if it does not hold exactly two finite numbers.
    """
    step = np.asarray(value, dtype=float)
    if step.size != 2:
        raise ValueError(f"{name} must return 2 numbers (shape (2,)), got shape {step.shape}")
    step = step.reshape(2)
    if not np.all(np.isfinite(step)):
        raise ValueError(f"{name} returned a step that is not finite: {step}")
    return step


def walk(next_step: StepFunction, probe: Callable[[np.ndarray], tuple], start,
         steps: int = WALKER_STEPS, *, clip: bool = True,
         stop: Callable[[np.ndarray], bool] | None = None) -> np.ndarray:
    """Let a walker take ``steps`` steps ``x <- x + next_step(f, J, H)`` from ``start``.

    Parameters
    ----------
    next_step : step function ``next_step(depth, J, H) -> step`` (see the module docstring)
    probe : callable ``probe(x) -> (f, J, H)`` for a point ``x`` ``(2,)``, for example
        :meth:`Landscape.probe`
    start : the first point ``(2,)``
    steps : the number of steps
    clip : keep the walker in the pit (each new point is clipped to ``[-3, 3]^2``)
    stop : optional test ``stop(x) -> bool``; the walker stops at the first point where it holds

    Returns
    -------
    path : numpy.ndarray ``(k + 1, 2)``, the start and the ``k <= steps`` points visited.
    """
    x = clip_to_pit(start) if clip else np.asarray(start, dtype=float).reshape(2)
    path = [x]
    for _ in range(steps):
        if stop is not None and stop(x):
            break
        level, J, H = probe(x)
        step = as_step(next_step(float(level), np.array(J, dtype=float).reshape(2),
                                 np.array(H, dtype=float).reshape(2, 2)))
        x = x + step
        if clip:
            x = clip_to_pit(x)
        path.append(x)
    return np.array(path)


# --------------------------------------------------------------------------------- the game


@dataclass(frozen=True)
class Dip:
    """The result of one dip of the stick.

    Attributes
    ----------
    number : 1 for the first dip of the game, and so on
    start : ``(2,)`` where the player clicked
    position : ``(2,)`` where the stick went in (``start``, or where the walker stopped)
    path : ``(k, 2)`` the walker's path from ``start`` to ``position`` (one row without walker)
    depth : metres of sand below the rim at ``position``
    downhill : ``(2,)`` the downhill direction ``-J`` at ``position`` (None in depth-only mode)
    found : the phone is within :data:`WIN_RADIUS` of ``position``
    local_minimum : ``position`` is within :data:`LOCAL_RADIUS` of another local minimum
    message : what the game says
    """

    number: int
    start: np.ndarray
    position: np.ndarray
    path: np.ndarray
    depth: float
    downhill: np.ndarray | None
    found: bool
    local_minimum: bool
    message: str


class Sandpit:
    """One game: a landscape, the rules, and the dips made so far.

    Parameters
    ----------
    landscape : a :class:`Landscape` or the name of one (see :func:`make_landscape`)
    seed : seed of a ``"random"`` landscape (ignored for the others)
    gradient : show the downhill direction after each dip (default: the landscape's choice)
    next_step : a step function (see the module docstring): walker mode, in which each click
        starts a walker that takes up to ``walker_steps`` steps
    max_dips, win_radius, walker_steps : the rules (defaults :data:`MAX_DIPS`,
        :data:`WIN_RADIUS`, :data:`WALKER_STEPS`)
    """

    def __init__(self, landscape: Landscape | str = "intro", *, seed: int | None = None,
                 gradient: bool | None = None, next_step: StepFunction | None = None,
                 max_dips: int = MAX_DIPS, win_radius: float = WIN_RADIUS,
                 walker_steps: int = WALKER_STEPS) -> None:
        if isinstance(landscape, str):
            landscape = make_landscape(landscape, seed)
        self.landscape = landscape
        self.show_gradient = landscape.gradient if gradient is None else bool(gradient)
        self.next_step = next_step
        self.max_dips = int(max_dips)
        self.win_radius = float(win_radius)
        self.walker_steps = int(walker_steps)
        self.dips: list[Dip] = []

    @property
    def walker(self) -> bool:
        """True in walker mode."""
        return self.next_step is not None

    @property
    def won(self) -> bool:
        return any(d.found for d in self.dips)

    @property
    def over(self) -> bool:
        """The phone was found or every dip was used; the surface is revealed."""
        return self.won or len(self.dips) >= self.max_dips

    revealed = over

    @property
    def dips_left(self) -> int:
        return 0 if self.won else self.max_dips - len(self.dips)

    @property
    def depth_scale(self) -> float:
        """Bottom of the depth gauge (metres): the phone's depth rounded up to the next 0.5 m."""
        return float(np.ceil(self.landscape.deepest / 0.5 + 1e-9) * 0.5)

    def finds_phone(self, point) -> bool:
        """True if ``point`` ``(2,)`` lies within the win radius of the phone."""
        p = np.asarray(point, dtype=float).reshape(2)
        return bool(np.hypot(*(p - self.landscape.global_minimum)) <= self.win_radius)

    def dip(self, x: float, y: float) -> Dip:
        """Dip the stick at ``(x, y)`` (in walker mode: start a walker there).

        Raises
        ------
        GameOver
            If the game is over.
        ValueError
            If ``(x, y)`` is outside the pit, or the step function returns something that is not
            two finite numbers.
        """
        if self.over:
            raise GameOver("the game is over: start a new Sandpit to play again")
        start = np.array([x, y], dtype=float).reshape(2)
        if not in_pit(start):
            raise ValueError(f"({x:.2f}, {y:.2f}) is outside the pit [-3, 3] x [-3, 3]")
        if self.walker:
            path = walk(self.next_step, self.landscape.probe, start, self.walker_steps,
                        stop=self.finds_phone)
        else:
            path = start[None, :]
        position = path[-1].copy()
        probe = self.landscape.probe(position)
        found = self.finds_phone(position)
        local = not found and self.landscape.local_minimum_near(position) is not None
        number = len(self.dips) + 1
        depth = -probe.level
        if found:
            distance = np.hypot(*(position - self.landscape.global_minimum))
            where = "right under" if distance < 0.01 else f"{100 * distance:.0f} cm from"
            message = (f"Dip {number}: you found the phone, {depth:.2f} m down and {where} "
                       "the stick!")
        else:
            message = f"Dip {number}: depth {depth:.2f} m."
            if local:
                message += " This dip sits in a local minimum: the phone is deeper elsewhere."
            if number >= self.max_dips:
                message += " That was the last dip: here is the whole sandpit."
        dip = Dip(
            number=number,
            start=start,
            position=position,
            path=path,
            depth=depth,
            downhill=-probe.gradient if self.show_gradient else None,
            found=found,
            local_minimum=local,
            message=message,
        )
        self.dips.append(dip)
        return dip
