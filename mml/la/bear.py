"""The course's own bear: a drawing made of polygons, and helpers to draw it transformed.

The bear lives in the plane as one ``(2, N)`` array of points: column ``k`` is the point
``(x_k, y_k)``. The drawing is made of several polygons (fur, ears, face, eyes, nose, mouth);
they are stored one after the other with a column of ``NaN`` between two polygons. Because a
linear map sends ``NaN`` to ``NaN``, a transformed bear is simply ``M @ points``, and
``matplotlib``'s ``plot`` breaks its line at every ``NaN``, so the separators survive every
transformation.

Example
-------
>>> import matplotlib.pyplot as plt
>>> from mml import bear
>>> points = bear.bear_points()
>>> fig, ax = plt.subplots()
>>> bear.setup_axes(ax, limit=4)
>>> artists = bear.draw_bear(ax, points)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

FUR = "#8b5a2b"
LIGHT = "#e0b98a"
DARK = "#2b1b0e"

#: Where the bear sits by default (the middle of its body), chosen so that it stands clear of
#: mirrors through the origin at small positive angles.
DEFAULT_CENTER = (-1.4, 2.0)


@dataclass(frozen=True)
class Part:
    """One polygon of the drawing: its name, whether it is filled or a line, and its colour."""

    name: str
    filled: bool
    color: str


def _ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0,
             n: int = 36) -> np.ndarray:
    """Closed polygon (2, n + 1) approximating an ellipse; ``angle`` in degrees."""
    t = np.linspace(0.0, 2.0 * np.pi, n + 1)
    t[-1] = 0.0  # close the polygon exactly
    x, y = rx * np.cos(t), ry * np.sin(t)
    a = np.deg2rad(angle)
    c, s = np.cos(a), np.sin(a)
    return np.vstack([cx + c * x - s * y, cy + s * x + c * y])


def _arc(cx: float, cy: float, r: float, start: float, stop: float, n: int = 12) -> np.ndarray:
    """Open polyline (2, n) along a circle, angles in degrees."""
    t = np.deg2rad(np.linspace(start, stop, n))
    return np.vstack([cx + r * np.cos(t), cy + r * np.sin(t)])


# Name, filled?, colour and shape of each polygon, in drawing order (later ones on top).
# The bear waves its right paw (on the viewer's right), so a mirror image is easy to tell apart.
_SHAPES: tuple[tuple[Part, np.ndarray], ...] = (
    (Part("right arm", True, FUR), _ellipse(0.78, 0.25, 0.2, 0.5, angle=35)),
    (Part("body", True, FUR), _ellipse(0.0, -0.55, 0.75, 0.85)),
    (Part("belly", True, LIGHT), _ellipse(0.0, -0.65, 0.45, 0.55)),
    (Part("left arm", True, FUR), _ellipse(-0.68, -0.55, 0.2, 0.48, angle=-20)),
    (Part("left foot", True, FUR), _ellipse(-0.45, -1.38, 0.32, 0.2)),
    (Part("right foot", True, FUR), _ellipse(0.45, -1.38, 0.32, 0.2)),
    (Part("left ear", True, FUR), _ellipse(-0.48, 1.12, 0.24, 0.24)),
    (Part("right ear", True, FUR), _ellipse(0.48, 1.12, 0.24, 0.24)),
    (Part("left inner ear", True, LIGHT), _ellipse(-0.48, 1.12, 0.12, 0.12)),
    (Part("right inner ear", True, LIGHT), _ellipse(0.48, 1.12, 0.12, 0.12)),
    (Part("head", True, FUR), _ellipse(0.0, 0.62, 0.62, 0.56)),
    (Part("face", True, LIGHT), _ellipse(0.0, 0.45, 0.3, 0.22)),
    (Part("left eye", True, DARK), _ellipse(-0.22, 0.78, 0.06, 0.07, n=16)),
    (Part("right eye", False, DARK), _arc(0.22, 0.74, 0.08, 30, 150, n=8)),  # a wink
    (Part("nose", True, DARK), _ellipse(0.0, 0.53, 0.09, 0.06, n=16)),
    (Part("mouth", False, DARK), np.hstack([_arc(-0.07, 0.42, 0.07, 180, 360, 8),
                                            _arc(0.07, 0.42, 0.07, 180, 360, 8)])),
)

#: The parts of :func:`bear_points`, in the same order as its polygons.
PARTS: tuple[Part, ...] = tuple(part for part, _ in _SHAPES)


def bear_points(center: Sequence[float] = DEFAULT_CENTER, scale: float = 1.0) -> np.ndarray:
    """The bear as one ``(2, N)`` array, polygons separated by a column of ``NaN``.

    Parameters
    ----------
    center : (x, y), where the middle of the bear's body goes
    scale : size factor; the bear is about ``3.1 * scale`` tall and ``2 * scale`` wide

    Returns
    -------
    numpy.ndarray, shape (2, N), float
        Polygon ``k`` (see :data:`PARTS`) is followed by one ``NaN`` column, except the last.
        Filled polygons are closed (their last point repeats the first).
    """
    offset = np.asarray(center, dtype=float).reshape(2, 1)
    gap = np.full((2, 1), np.nan)
    pieces = []
    for index, (_, shape) in enumerate(_SHAPES):
        if index:
            pieces.append(gap)
        pieces.append(offset + scale * shape)
    return np.hstack(pieces)


def split_polygons(points: np.ndarray) -> list[np.ndarray]:
    """Split a ``(2, N)`` array at its ``NaN`` columns into a list of ``(2, k)`` polygons."""
    points = np.asarray(points, dtype=float)
    if points.ndim != 2 or points.shape[0] != 2:
        raise ValueError(f"expected points of shape (2, N), got {points.shape}")
    breaks = np.flatnonzero(np.isnan(points).any(axis=0))
    pieces = np.split(points, breaks, axis=1)
    polygons = [p[:, 1:] if i else p for i, p in enumerate(pieces)]  # drop the NaN columns
    return [p for p in polygons if p.shape[1]]


def draw_bear(ax: Axes, points: np.ndarray, *, color: str | None = None, fill: bool = True,
              alpha: float = 1.0, linewidth: float = 1.0, label: str | None = None,
              zorder: float = 2) -> list:
    """Draw a (possibly transformed) bear on ``ax`` and return the matplotlib artists.

    Parameters
    ----------
    ax : matplotlib axes
    points : array (2, N), for example ``M @ bear_points()``
    color : None for the bear's own colours, or one colour for every polygon (with a light fill)
    fill : fill the closed polygons (False draws outlines only)
    alpha : opacity of the whole drawing (use a small value for a "ghost" bear)
    linewidth : width of outlines and lines
    label : legend label, attached to the first artist only
    zorder : matplotlib drawing order
    """
    polygons = split_polygons(points)
    own_colours = color is None and len(polygons) == len(PARTS)
    parts = PARTS if own_colours else [Part("polygon", True, color or FUR)] * len(polygons)
    edge = to_rgba(DARK if own_colours else (color or FUR), alpha)
    artists = []
    for part, polygon in zip(parts, polygons, strict=True):
        kwargs = {"zorder": zorder}
        if not artists and label is not None:
            kwargs["label"] = label
        closed = bool(np.allclose(polygon[:, 0], polygon[:, -1]))
        if fill and part.filled and closed:
            face = to_rgba(part.color, alpha) if own_colours else to_rgba(edge, 0.25 * alpha)
            artists += ax.fill(polygon[0], polygon[1], facecolor=face, edgecolor=edge,
                               linewidth=linewidth * 0.6, **kwargs)
        else:
            line_colour = to_rgba(part.color, alpha) if own_colours else edge
            artists += ax.plot(polygon[0], polygon[1], color=line_colour,
                               linewidth=linewidth * 1.5, **kwargs)
    return artists


def draw_mirror(ax: Axes, basis: np.ndarray, *, color: str = "0.35", label: str | None = "mirror",
                linewidth: float = 1.5) -> object:
    """Draw the mirror: the infinite line through the origin along the first column of ``basis``.

    Parameters
    ----------
    basis : array (2, 2) (or (2,) for the direction itself); only the first column is used
    """
    basis = np.asarray(basis, dtype=float)
    direction = basis[:, 0] if basis.ndim == 2 else basis
    if not np.linalg.norm(direction) > 0:
        raise ValueError("the mirror direction must not be the zero vector")
    return ax.axline((0.0, 0.0), tuple(direction), color=color, linestyle="--",
                     linewidth=linewidth, label=label, zorder=1)


def draw_basis(ax: Axes, basis: np.ndarray, *, colors: Sequence[str] = ("C0", "C3"),
               labels: Sequence[str] | None = None, width: float = 0.012,
               alpha: float = 1.0) -> list:
    """Draw each column of ``basis`` (2, m) as an arrow from the origin; return the artists.

    ``labels`` (one per column, may use mathtext such as ``r"$e_1$"``) are written at the tips.
    """
    basis = np.asarray(basis, dtype=float)
    artists = []
    for k in range(basis.shape[1]):
        x, y = basis[:, k]
        colour = colors[k % len(colors)]
        artists.append(ax.quiver(0, 0, x, y, angles="xy", scale_units="xy", scale=1,
                                 color=colour, width=width, alpha=alpha, zorder=4))
        if labels is not None:
            artists.append(ax.annotate(labels[k], (x, y), xytext=(4, 4),
                                       textcoords="offset points", color=colour,
                                       fontsize=11, zorder=5))
    return artists


def setup_axes(ax: Axes, limit: float = 4.0, title: str | None = None) -> None:
    """Square axes from ``-limit`` to ``limit`` with a light grid and the coordinate axes."""
    ax.set_xlim(-limit, limit)
    ax.set_ylim(-limit, limit)
    ax.set_aspect("equal")
    ax.grid(True, color="0.9", linewidth=0.8)
    ax.axhline(0, color="0.75", linewidth=0.8, zorder=0)
    ax.axvline(0, color="0.75", linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    if title:
        ax.set_title(title, fontsize=10)


def show_steps(points: np.ndarray, steps: Sequence[tuple[str, np.ndarray]], *,
               cumulative: bool = True, basis: np.ndarray | None = None,
               first_title: str = "start", limit: float = 4.0,
               panel_size: float = 2.8) -> Figure:
    """A row of small plots showing the bear under a sequence of 2x2 matrices.

    Parameters
    ----------
    points : array (2, N), the bear
    steps : ``[(title, M), ...]`` with each ``M`` of shape (2, 2)
    cumulative : if True, panel ``k`` shows ``M_k @ ... @ M_1 @ points`` with the previous
        stage as a faint ghost (a change of basis step by step); if False each panel shows
        ``M_k @ points`` over the original bear as the ghost (a gallery of transformations)
    basis : optional (2, m) arrows (for example the mirror basis), transformed along with the
        bear; the first arrow's line is drawn as the (transformed) mirror
    first_title : title of the first panel, which shows the untransformed bear
    limit, panel_size : axis half-width and panel size in inches

    Returns
    -------
    matplotlib.figure.Figure with ``len(steps) + 1`` panels
    """
    points = np.asarray(points, dtype=float)
    fig, axes = plt.subplots(1, len(steps) + 1, figsize=(panel_size * (len(steps) + 1),
                                                         panel_size + 0.3), squeeze=False)
    start_basis = None if basis is None else np.asarray(basis, dtype=float)
    current, current_basis = points, start_basis
    panels = [(first_title, np.eye(2)), *steps]
    for index, (ax, (title, matrix)) in enumerate(zip(axes[0], panels, strict=True)):
        matrix = np.asarray(matrix, dtype=float)
        previous = current if cumulative else points
        if index:
            current = matrix @ previous
            if start_basis is not None:
                current_basis = matrix @ (current_basis if cumulative else start_basis)
        setup_axes(ax, limit=limit, title=title)
        if index:
            draw_bear(ax, previous, color="0.6", alpha=0.5, zorder=1)
        draw_bear(ax, current)
        if current_basis is not None:
            if np.linalg.norm(current_basis[:, 0]) > 0:
                draw_mirror(ax, current_basis, label=None, linewidth=1.0)
            draw_basis(ax, current_basis, width=0.015)
        ax.set_xticks([])
        ax.set_yticks([])
    fig.tight_layout()
    return fig
