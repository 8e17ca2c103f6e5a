"""A thin matplotlib view of the sandpit game (:mod:`mml.mc.sandpit`), click-able with ipympl.

In JupyterLab, call :func:`use_widget_backend` before making a view: each view's figure is then
a live ipympl widget and a click in the pit dips the stick. Only the games' figures are widgets;
every other figure of the notebook stays a picture (matplotlib's inline backend), so it is still
there after the notebook is saved and reopened without its kernel.

The view draws what the game says and nothing else: the dip and its depth, the downhill arrow
(gradient mode), the walker's path (walker mode), a depth gauge beside the pit, and at the end
(phone found or no dips left) the contours of the sand, the local minima and the phone.

Under :func:`mml.runtime.unattended` (autograding) nothing waits for clicks: a notebook calls
:meth:`SandpitView.click` itself, then :meth:`SandpitView.reveal`, and shows a static figure.

Example
-------
>>> from mml.mc.sandpit import Sandpit
>>> view = SandpitView(Sandpit("intro"))
>>> dip = view.click(0.5, -0.2)
>>> view.reveal()
"""

from __future__ import annotations

import itertools

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from mml.mc.sandpit import HALF_WIDTH, Dip, Sandpit
from mml.runtime import needs_kernel_note, unattended

SAND = "#ecd9a8"
CMAP = "YlOrBr"
ARROW_LENGTH = 0.45
"""Length (metres) of the downhill arrow; its direction is what matters."""


_live: list[bool] = [False]  # set by use_widget_backend: the views draw live ipympl figures


def use_widget_backend() -> bool:
    """Make the figures of the views made from now on live ipympl widgets that take clicks.

    Returns True if it did; False (and nothing changes) when the notebook runs unattended, outside
    a Jupyter kernel, or without ipympl installed. Other figures are not affected.
    """
    if unattended():
        return False
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return False
    was_live = clicks_work()  # the whole notebook already in %matplotlib widget
    try:
        import ipympl.backend_nbagg  # noqa: F401 - the import makes ipympl pyplot's backend
    except ImportError:
        return False
    if not was_live:
        shell.run_line_magic("matplotlib", "inline")  # so other figures stay pictures
    _live[0] = True
    return True


def clicks_work() -> bool:
    """True if the views' figures send mouse clicks back to Python (ipympl's widget): after
    :func:`use_widget_backend`, or when the whole notebook uses ``%matplotlib widget``."""
    backend = matplotlib.get_backend().lower()
    return (_live[0] and not unattended()) or "ipympl" in backend or "widget" in backend


def _new_figure(figsize: tuple[float, float]) -> tuple[Figure, bool]:
    """A pyplot figure, or with :func:`use_widget_backend` a figure on its own ipympl canvas
    (a widget) that pyplot does not know, so ``plt.show()`` of other cells never shows it.
    Returns the figure and whether it is such a widget."""
    if not _live[0] or unattended():
        return plt.figure(figsize=figsize), False
    from ipympl.backend_nbagg import Canvas, FigureManager  # noqa: PLC0415

    fig = Figure(figsize=figsize)
    FigureManager(Canvas(fig), next(_numbers))
    return fig, True


_numbers = itertools.count(1001)  # labels "Figure 1001", ... apart from pyplot's


def play(game: Sandpit, demo=((-2.0, 2.0), (0.0, 0.0), (2.0, -2.0)), **options) -> SandpitView:
    """Show ``game`` in a new :class:`SandpitView` and return the view.

    With ipympl the figure is live: click in it. Otherwise (autograding, or a backend without
    clicks) nobody can click, so the points of ``demo`` (a sequence of ``(x, y)``) are dipped in
    turn, the sandpit is revealed and the figure is shown as a picture. ``options`` go to
    :class:`SandpitView`.
    """
    view = SandpitView(game, **options)
    if unattended() or not clicks_work():
        for x, y in demo:
            if game.over:
                break
            view.click(x, y)
        view.reveal()
    view.show()
    return view


class SandpitView:
    """Draw a :class:`~mml.mc.sandpit.Sandpit` game and forward clicks in the pit to it.

    Parameters
    ----------
    game : the game to show (the view never changes its rules)
    title : text above the pit (default: the landscape's name and description)
    figsize : matplotlib figure size in inches

    Attributes
    ----------
    fig, ax, gauge : the figure, the pit's axes and the depth gauge's axes
    status : the text line above the pit with the game's last message
    """

    def __init__(self, game: Sandpit, *, title: str | None = None,
                 figsize: tuple[float, float] = (7.2, 5.6)) -> None:
        self.game = game
        self.fig, self._widget = _new_figure(figsize)
        grid = self.fig.add_gridspec(1, 2, width_ratios=(7, 1), wspace=0.25,
                                     left=0.08, right=0.9, bottom=0.1, top=0.82)
        self.ax = self.fig.add_subplot(grid[0])
        self.gauge = self.fig.add_subplot(grid[1])
        self._revealed = False
        land = game.landscape
        if title is None:
            title = f"{land.name.replace('_', ' ')}: {land.description}"
            if game.walker:
                title += " (walker)"
            elif game.show_gradient != land.gradient:
                title += " (with arrows)" if game.show_gradient else " (no arrows)"
        self.ax.set_title(title, fontsize=10)
        self.ax.set_facecolor(SAND)
        self.ax.set_xlim(-HALF_WIDTH, HALF_WIDTH)
        self.ax.set_ylim(-HALF_WIDTH, HALF_WIDTH)
        self.ax.set_aspect("equal")
        self.ax.set_xlabel("x (m)")
        self.ax.set_ylabel("y (m)")
        self.ax.set_xticks(np.arange(-3, 4))
        self.ax.set_yticks(np.arange(-3, 4))
        self.ax.grid(color="white", alpha=0.5, linewidth=0.6)
        self.gauge.set_xlim(0, 1)
        self.gauge.set_ylim(game.depth_scale, 0)
        self.gauge.set_xticks([])
        self.gauge.yaxis.tick_right()
        self.gauge.yaxis.set_label_position("right")
        self.gauge.set_ylabel("depth (m)")
        self.gauge.set_facecolor(SAND)
        self.gauge.set_title("stick", fontsize=9)
        self._gauge_lines: list = []
        # the status line right above the pit, where the eye is after a click
        self.status = self.fig.text(0.08, 0.975, "", fontsize=10, va="top", wrap=True)
        self._say(f"Click in the sandpit to dip the stick: {game.dips_left} dips left.")
        canvas = self.fig.canvas
        for attribute, value in (("header_visible", False), ("toolbar_visible", False),
                                 ("footer_visible", False)):
            if hasattr(canvas, attribute):  # ipympl's canvas
                setattr(canvas, attribute, value)
        self._connection = canvas.mpl_connect("button_press_event", self._on_press)

    # ----------------------------------------------------------------------------- events

    def _on_press(self, event) -> None:
        """A mouse press: dip where it landed, if it landed in the pit (left button, no tool)."""
        if event.inaxes is not self.ax or event.xdata is None or event.ydata is None:
            return
        if getattr(event, "button", 1) not in (1, None):
            return
        toolbar = getattr(self.fig.canvas, "toolbar", None)
        if toolbar is not None and str(getattr(toolbar, "mode", "")):
            return  # the user is zooming or panning
        try:
            self.click(event.xdata, event.ydata)
        except Exception as exc:  # noqa: BLE001 - a click must never fail silently
            self._say(self.why_not(exc))
            self._redraw()

    def why_not(self, exc: Exception) -> str:
        """Say in the status line why a click did nothing (a click's errors are otherwise lost:
        matplotlib only logs exceptions raised in event handlers)."""
        name = getattr(self.game.next_step, "__name__", "the step function")
        if isinstance(exc, NotImplementedError):
            return (f"Nothing happened: the walker's step function {name} is not written "
                    "yet. Finish its exercise first, run its cell and this one again, then click.")
        return (f"Nothing happened: {name} raised {type(exc).__name__}: {exc}. Fix it, run its "
                "cell and this one again, then click.")

    def click(self, x: float, y: float) -> Dip | None:
        """Dip the stick at ``(x, y)`` as a mouse click would; return the game's :class:`Dip`.

        Returns None (and says so) if the game is already over.
        """
        if self.game.over:
            self._say("The game is over. Make a new Sandpit and a new view to play again.")
            self._redraw()
            return None
        x = float(np.clip(x, -HALF_WIDTH, HALF_WIDTH))
        y = float(np.clip(y, -HALF_WIDTH, HALF_WIDTH))
        dip = self.game.dip(x, y)
        self._draw_dip(dip)
        message = dip.message
        if not self.game.over:
            message += f" {self.game.dips_left} dips left."
        self._say(message)
        if self.game.over:
            self.reveal()
        self._redraw()
        return dip

    # ----------------------------------------------------------------------------- drawing

    def _say(self, text: str) -> None:
        self.status.set_text(text)

    def _redraw(self) -> None:
        self.fig.canvas.draw_idle()

    def _draw_dip(self, dip: Dip) -> None:
        ax = self.ax
        for line in self._gauge_lines:
            line.set_color("0.45")
            line.set_linewidth(1.0)
        if dip.path.shape[0] > 1:
            ax.plot(dip.path[:, 0], dip.path[:, 1], "-", color="tab:blue", linewidth=1.2,
                    zorder=3)
            ax.plot(dip.path[:-1, 0], dip.path[:-1, 1], "o", color="tab:blue", markersize=3,
                    zorder=3)
            ax.plot(*dip.start, "o", markerfacecolor="none", markeredgecolor="tab:blue",
                    markersize=7, zorder=3)
        colour = "tab:green" if dip.found else ("tab:purple" if dip.local_minimum else "black")
        ax.plot(*dip.position, "o", color=colour, markersize=5, zorder=4)
        ax.annotate(f"{dip.depth:.2f}", dip.position, xytext=(4, 4),
                    textcoords="offset points", fontsize=8, zorder=4)
        if dip.downhill is not None:
            slope = float(np.hypot(*dip.downhill))
            if slope > 1e-9:
                tip = dip.position + ARROW_LENGTH * dip.downhill / slope
                ax.annotate("", xy=tip, xytext=dip.position, zorder=4,
                            arrowprops={"arrowstyle": "->", "color": "tab:red", "lw": 1.4})
        line = self.gauge.axhline(dip.depth, color="tab:red", linewidth=2.0)
        self._gauge_lines.append(line)

    def reveal(self) -> None:
        """Show the whole sandpit: contours of the depth, the local minima and the phone."""
        if self._revealed:
            return
        self._revealed = True
        land = self.game.landscape
        X, Y, F = land.grid()
        scale = self.game.depth_scale
        levels = np.linspace(0.0, scale, 21)
        self.ax.contourf(X, Y, -F, levels=levels, cmap=CMAP, alpha=0.9, zorder=1)
        self.ax.contour(X, Y, -F, levels=levels, colors="0.35", linewidths=0.4, zorder=2)
        shades = np.linspace(0.0, scale, 200)[:, None]
        self.gauge.imshow(shades, extent=(0, 1, scale, 0), aspect="auto", cmap=CMAP,
                          vmin=0.0, vmax=scale, alpha=0.9, zorder=0)
        if land.minima.shape[0] > 1:
            others = land.minima[1:]
            self.ax.plot(others[:, 0], others[:, 1], "x", color="tab:purple", markersize=4,
                         zorder=3, label="local minima")
        phone = land.global_minimum
        self.ax.add_patch(FancyBboxPatch(phone - (0.07, 0.13), 0.14, 0.26,
                                         boxstyle="round,pad=0.02", facecolor="0.15",
                                         edgecolor="0.7", zorder=5))
        self.ax.annotate("phone", phone, xytext=(8, -12), textcoords="offset points",
                         fontsize=9, fontweight="bold", zorder=5)
        self.gauge.axhline(land.deepest, color="black", linestyle="--", linewidth=1.2)
        self.gauge.text(0.5, land.deepest, "phone", ha="center", va="bottom", fontsize=8)
        if not self.game.over:
            self._say(self.status.get_text() + " (surface revealed)")
        self._redraw()

    def show(self) -> None:
        """Display the figure: a live widget with ipympl, a picture otherwise.

        A live figure comes with a note, shown only after the notebook is reopened without its
        kernel: "Run the cell to start the game" (:func:`mml.runtime.needs_kernel_note`).
        """
        from IPython.display import HTML, display  # noqa: PLC0415

        if clicks_work() and not unattended():
            display(HTML(needs_kernel_note("the game")))
        if self._widget:
            display(self.fig.canvas)
        else:
            plt.show()
