"""The eigen explorer of la-w5: a thin ipywidgets view of :mod:`mml.la.eigen`.

:func:`draw` paints the picture of a 2×2 matrix on a matplotlib figure (the unit square and
circle with their images and the eigen-directions; the powers ``Aᵏ`` acting on a shape), and
:class:`EigenExplorer` wires sliders, a preset menu and a power slider to it. All maths comes from
:mod:`mml.la.eigen`; nothing here waits for input, so building and displaying the widget is safe
while a notebook is graded unattended.

Example
-------
>>> from mml import eigen_widget
>>> explorer = eigen_widget.EigenExplorer(preset="shear")
>>> explorer.matrix.tolist()
[[1.0, 1.0], [0.0, 1.0]]
"""

from __future__ import annotations

import html
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from mml.la import eigen
from mml.runtime import live_box

SHAPES = {"house": eigen.house, "square": eigen.unit_square, "circle": eigen.unit_circle}
CUSTOM = "(your own)"
EIGEN_COLOURS = ("tab:red", "tab:purple")


def _limit(*arrays: np.ndarray, floor: float = 1.2) -> float:
    extent = max([floor] + [float(np.abs(a).max()) for a in arrays if a.size])
    return 1.15 * extent


def _draw_eigen_directions(ax: Axes, e: eigen.Eigen, limit: float) -> None:
    """Eigen-directions as lines through the origin, labelled with their eigenvalues."""
    if e.kind == "complex":
        ax.text(0.02, 0.02, "no real eigenvectors", transform=ax.transAxes, fontsize=9,
                color="tab:red")
        return
    if e.kind == "scalar":
        ax.text(0.02, 0.02, f"every vector is an eigenvector (λ = "
                f"{eigen.format_number(e.values[0])})", transform=ax.transAxes, fontsize=9,
                color="tab:red")
        return
    count = 1 if e.kind == "defective" else 2
    for k in range(count):
        v = np.real(e.vectors[:, k])
        colour = EIGEN_COLOURS[k]
        ax.plot([-limit * v[0], limit * v[0]], [-limit * v[1], limit * v[1]], "--", lw=1,
                color=colour)
        lam = float(np.real(e.values[k]))
        ax.annotate("", xy=lam * v, xytext=(0, 0),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2})
        ax.annotate("", xy=v, xytext=(0, 0),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1, "alpha": 0.5})
        label = f"λ = {eigen.format_number(lam)}"
        tip = 0.9 * limit * v / max(abs(v[0]), abs(v[1]))  # near the edge of the frame
        ax.text(tip[0], tip[1], label, color=colour, fontsize=9, ha="center", va="center",
                bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1})


def _frame(ax: Axes, limit: float, title: str) -> None:
    ax.axhline(0, color="0.8", lw=0.8, zorder=0)
    ax.axvline(0, color="0.8", lw=0.8, zorder=0)
    ax.set_xlim(-limit, limit)
    ax.set_ylim(-limit, limit)
    ax.set_aspect("equal")
    ax.set_title(title, fontsize=10)
    ax.tick_params(labelsize=8)


def draw(A: object, n: int = 3, *, shape: str = "house", fig: Figure | None = None) -> Figure:
    """Draw what the 2x2 matrix ``A`` does to the plane, on two panels of ``fig``.

    Left: the unit square and unit circle (thin) and their images under ``A`` (filled), with the
    eigen-directions and their eigenvalues (arrows from ``v`` to ``λv``). Right: ``shape`` and its
    images under ``A, A², ..., Aⁿ`` from light to dark.

    Parameters
    ----------
    A : array-like (2, 2)
    n : int >= 0, the highest power drawn on the right
    shape : "house", "square" or "circle"
    fig : a matplotlib Figure to draw on (cleared first); a new pyplot-free Figure if None

    Returns
    -------
    The figure.
    """
    e = eigen.eigen(A)
    M = e.matrix
    if fig is None:
        fig = Figure(figsize=(9, 4.3))
    fig.clear()
    left, right = fig.subplots(1, 2)

    square, circle = eigen.unit_square(), eigen.unit_circle()
    square_img, circle_img = eigen.image(M, square), eigen.image(M, circle)
    limit = _limit(square_img, circle_img, np.abs(np.real(e.values)).reshape(1, -1))
    left.plot(*square, color="0.5", lw=1)
    left.plot(*circle, color="0.5", lw=1, ls=":")
    left.fill(*circle_img, color="tab:blue", alpha=0.12)
    left.plot(*circle_img, color="tab:blue", lw=1.2, label="image of the circle")
    left.fill(*square_img, color="tab:orange", alpha=0.35)
    left.plot(*square_img, color="tab:orange", lw=1.5, label="image of the square")
    for k, colour in enumerate(("tab:green", "tab:olive")):
        left.annotate("", xy=M[:, k], xytext=(0, 0),
                      arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.5})
        left.text(*(M[:, k] * 1.08), f"$Ae_{k + 1}$", color=colour, fontsize=9)
    _draw_eigen_directions(left, e, limit)
    rows = "  ".join(
        "[" + ", ".join(eigen.format_number(x, 3) for x in row) + "]" for row in M
    )
    _frame(left, limit, f"A = [{rows}]")
    left.legend(loc="upper left", fontsize=7, framealpha=0.8)

    n = max(0, int(n))
    shapes = eigen.orbit(M, SHAPES[shape](), n)
    limit_r = _limit(*shapes)
    colours = plt.get_cmap("viridis")(np.linspace(0.85, 0.1, n + 1))
    for k, points in enumerate(shapes):
        right.fill(*points, color=colours[k], alpha=0.25)
        right.plot(*points, color=colours[k], lw=1.2, label=f"$A^{{{k}}}$" if k in (0, n) else None)
    _draw_eigen_directions(right, e, limit_r)
    _frame(right, limit_r, f"powers $A^k$ acting on a {shape}, k = 0 .. {n}")
    right.legend(loc="upper left", fontsize=7, framealpha=0.8)
    fig.tight_layout()
    return fig


def show(A: object, n: int = 3, *, shape: str = "house") -> Figure:
    """Draw ``A`` on a new pyplot figure and show it (a static picture, e.g. when unattended)."""
    fig = plt.figure(figsize=(9, 4.3))
    draw(A, n, shape=shape, fig=fig)
    plt.show()
    return fig


def describe_html(A: object) -> str:
    """The sentences of :func:`mml.la.eigen.describe` and the diagonalisation, as HTML with LaTeX
    (for an ``ipywidgets.HTMLMath``)."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in eigen.describe(A))
    return f"<ul>{items}</ul><p>$${eigen.latex_diagonalisation(A)}$$</p>"


def render_png(fig: Figure, dpi: int = 80) -> bytes:
    """The figure as PNG bytes (works with any matplotlib backend)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


class EigenExplorer:
    """Sliders for the four entries of a 2x2 matrix, a preset menu, a power slider and a shape
    menu; the picture of :func:`draw` and the words of :func:`describe_html` follow them.

    Parameters
    ----------
    preset : a key of :data:`mml.la.eigen.PRESETS` to start from
    n : the starting power

    Attributes
    ----------
    widget : the ipywidgets box to ``display``
    entries : the four FloatSliders a, b, c, d of ``A = [[a, b], [c, d]]``
    power, presets, shape : the other controls
    text : HTMLMath with the description; image : Image with the picture
    """

    def __init__(self, preset: str = "symmetric", n: int = 3) -> None:
        # wide enough to drag with care: 360 px less a 30 px label and the readout
        slider = dict(min=-3.0, max=3.0, step=0.05, continuous_update=False,
                      readout_format=".2f", layout=widgets.Layout(width="360px"),
                      style={"description_width": "30px"})
        self.entries = [widgets.FloatSlider(description=name, **slider) for name in "abcd"]
        self.presets = widgets.Dropdown(options=[CUSTOM, *eigen.PRESETS], value=CUSTOM,
                                        description="preset")
        self.power = widgets.IntSlider(value=n, min=0, max=10, description="power n",
                                       continuous_update=False)
        self.shape = widgets.ToggleButtons(options=list(SHAPES), value="house",
                                           description="shape",
                                           style={"button_width": "70px"})
        self.text = widgets.HTMLMath(layout=widgets.Layout(width="420px"))
        self.image = widgets.Image(format="png")
        self._figure = Figure(figsize=(9, 4.3))
        self._quiet = False
        note = widgets.HTML("A = [[a, b], [c, d]] acts on column vectors.")
        controls = widgets.VBox([self.presets, *self.entries, self.power, self.shape, note])
        self.widget = live_box([widgets.HBox([controls, self.text]), self.image],
                               what="the eigen explorer")
        for control in self.entries:
            control.observe(self._entry_changed, names="value")
        self.presets.observe(self._preset_chosen, names="value")
        self.power.observe(self.update, names="value")
        self.shape.observe(self.update, names="value")
        self.set_matrix(eigen.preset(preset), name=preset)

    @property
    def matrix(self) -> np.ndarray:
        """The current matrix, array (2, 2)."""
        a, b, c, d = (s.value for s in self.entries)
        return np.array([[a, b], [c, d]], dtype=float)

    def set_matrix(self, A: object, name: str = CUSTOM) -> None:
        """Move the sliders to ``A`` (clipped to their range) and redraw once."""
        M = eigen.as_matrix(A)
        self._quiet = True
        try:
            for control, value in zip(self.entries, M.ravel(), strict=True):
                control.value = float(value)
            self.presets.value = name if name in eigen.PRESETS else CUSTOM
        finally:
            self._quiet = False
        self.update()

    def _entry_changed(self, change: dict) -> None:
        if self._quiet:
            return
        self._quiet = True
        self.presets.value = CUSTOM
        self._quiet = False
        self.update()

    def _preset_chosen(self, change: dict) -> None:
        if self._quiet or change["new"] == CUSTOM:
            return
        self.set_matrix(eigen.preset(change["new"]), name=change["new"])

    def update(self, change: dict | None = None) -> None:
        """Redraw the picture and rewrite the text for the current controls."""
        if self._quiet:
            return
        A = self.matrix
        self.text.value = describe_html(A)
        draw(A, self.power.value, shape=self.shape.value, fig=self._figure)
        self.image.value = render_png(self._figure)
