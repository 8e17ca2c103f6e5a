"""Pictures and widgets of the Taylor series explorer (mc-w4), a thin view over
:mod:`mml.mc.taylor`:

* :func:`draw_series` draws a function, its Taylor polynomial and the error (log scale);
* :func:`draw_surface` draws a surface with the errors of its linear and quadratic
  approximations, :func:`draw_surface_3d` the same approximations as surfaces;
* :class:`SeriesExplorer` and :class:`SurfaceExplorer` put controls (ipywidgets) in front of
  them. Each redraw renders the figure to a PNG shown in an ``ipywidgets.Image``, so the
  explorers work with any matplotlib backend, never wait for input, and can be built while a
  notebook runs unattended.

All drawing functions take a :class:`matplotlib.figure.Figure` to draw on (for example
``plt.figure()``), clear it, and return it.
"""

from __future__ import annotations

import io
import math

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from mml.mc import taylor
from mml.runtime import live_box

ERROR_FLOOR = 1e-16  # errors below rounding level are drawn at this height
TRUST_TOLERANCE = 0.01  # an approximation is "good" where its error is below this


# --------------------------------------------------------------------------- text


def _number(value: float) -> str:
    value = float(value)
    return f"{0.0 if abs(value) < 1e-12 else value:.4g}"  # no "-0" or rounding dust


def polynomial_text(coefficients: np.ndarray, a: float, max_terms: int = 6) -> str:
    """The polynomial ``sum_k c_k (x - a)^k`` as LaTeX, zero terms left out, at most
    ``max_terms`` terms (then ``+ \\dots``)."""
    shift = "x" if a == 0 else f"(x {'-' if a > 0 else '+'} {_number(abs(a))})"
    terms = []
    for k, c in enumerate(np.asarray(coefficients, dtype=float)):
        if abs(c) < 1e-14:
            continue
        if len(terms) == max_terms:
            terms.append(r"+ \dots")
            break
        power = "" if k == 0 else shift if k == 1 else f"{shift}^{{{k}}}"
        magnitude = abs(c)
        if k > 0 and math.isclose(magnitude, 1.0):
            body = power
        else:
            body = _number(magnitude) + (r"\," + power if power else "")
        if not terms:
            terms.append(f"-{body}" if c < 0 else body)
        else:
            terms.append(f"{'-' if c < 0 else '+'} {body}")
    return " ".join(terms) if terms else "0"


# --------------------------------------------------------------------------- one variable


def draw_series(
    fig: Figure,
    func: str | taylor.Function1D,
    a: float,
    order: int,
    xlim: tuple[float, float] | None = None,
    num: int = 600,
) -> Figure:
    """Draw ``func``, its Taylor polynomial of ``order`` about ``a`` and the error.

    Top panel: the function (black), the polynomial (colour), the expansion point, and, shaded,
    the interval ``|x - a| < R`` where the series can converge (if ``R`` is finite). Bottom
    panel: ``|f(x) - p(x)|`` on a log scale.

    Parameters
    ----------
    fig : matplotlib Figure, cleared and reused
    func : name in :data:`mml.mc.taylor.FUNCTIONS` or a :class:`mml.mc.taylor.Function1D`
    a : float, inside the domain of ``func``
    order : int, >= 0
    xlim : (float, float), optional; the function's ``plot_range`` by default
    num : number of sample points
    """
    fn = taylor.get_function(func)
    lo, hi = xlim if xlim is not None else fn.plot_range
    x = np.linspace(lo, hi, num)
    fx = fn(x)
    px = taylor.taylor_series(fn, a, order, x)
    radius = taylor.radius_of_convergence(fn, a)

    fig.clear()
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    if math.isfinite(radius):
        for ax in (top, bottom):
            ax.axvspan(max(lo, a - radius), min(hi, a + radius), color="tab:green", alpha=0.08,
                       lw=0)
    top.plot(x, fx, color="black", lw=2.5, label=fn.label)
    top.plot(x, px, color="tab:orange", lw=1.8, label=f"Taylor polynomial, order {order}")
    top.plot([a], [float(fn(a))], "o", color="tab:red", zorder=5)
    finite = fx[np.isfinite(fx)]
    ymin, ymax = float(finite.min()), float(finite.max())
    pad = 0.25 * (ymax - ymin) + 1e-9
    top.set_ylim(ymin - pad, ymax + pad)
    top.legend(loc="best", fontsize=8)
    where = f"R = {radius:.3g}" if math.isfinite(radius) else "R = ∞"
    top.set_title(f"{fn.label} about a = {a:.3g}   ({where}, shaded: |x − a| < R)", fontsize=10)

    with np.errstate(all="ignore"):
        error = np.abs(fx - px)
    bottom.semilogy(x, np.maximum(error, ERROR_FLOOR), color="tab:purple")
    bottom.axvline(a, color="tab:red", lw=0.8)
    bottom.set_ylim(ERROR_FLOOR / 2, 1e3)
    bottom.set_ylabel("|f(x) − p(x)|")
    bottom.set_xlabel("x")
    bottom.set_xlim(lo, hi)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- two variables


def _grid(surface: taylor.Surface, num: int) -> tuple[np.ndarray, np.ndarray]:
    (x0, x1), (y0, y1) = surface.plot_range
    return np.meshgrid(np.linspace(x0, x1, num), np.linspace(y0, y1, num))


def trust_radius(
    X: np.ndarray, Y: np.ndarray, error: np.ndarray, point: tuple[float, float],
    tolerance: float = TRUST_TOLERANCE,
) -> float:
    """Radius of the largest disc about ``point`` in which ``error`` (sampled on the grid
    ``X``, ``Y``) stays below ``tolerance``; ``math.inf`` if it does so on the whole grid."""
    bad = ~(np.abs(error) < tolerance)
    if not bad.any():
        return math.inf
    return float(np.hypot(X[bad] - point[0], Y[bad] - point[1]).min())


def draw_surface(
    fig: Figure, surface: str | taylor.Surface, point: tuple[float, float], num: int = 140
) -> Figure:
    """Draw a surface and where its linear and quadratic approximations about ``point`` work.

    Left: contours of ``f`` with the point, the gradient arrow and, for each approximation, the
    largest circle about the point inside which it is within :data:`TRUST_TOLERANCE` of ``f``
    (see :func:`trust_radius`).
    Middle and right: ``log10 |f - approximation|`` for
    the linearisation and the quadratic approximation on one colour scale, with the line where
    the error is 0.01.
    """
    s = taylor.get_surface(surface)
    X, Y = _grid(s, num)
    Z = s.f(X, Y)
    px, py = (float(v) for v in point)
    linear, quadratic = taylor.surface_approximations(s, (px, py), X, Y)
    J = s.gradient(px, py)

    fig.clear()
    axes = fig.subplots(1, 3)
    axes[0].contourf(X, Y, Z, levels=16, cmap="viridis")
    axes[0].contour(X, Y, Z, levels=16, colors="black", linewidths=0.3)
    for approx, colour in ((linear, "tab:orange"), (quadratic, "tab:red")):
        radius = trust_radius(X, Y, Z - approx, (px, py))
        if math.isfinite(radius):
            axes[0].add_patch(Circle((px, py), radius, fill=False, color=colour, lw=2))
    span = min(np.ptp(X), np.ptp(Y))
    norm = float(np.hypot(*J))
    if norm > 0:
        arrow = J / norm * 0.15 * span
        axes[0].annotate("", xy=(px + arrow[0], py + arrow[1]), xytext=(px, py),
                         arrowprops={"arrowstyle": "->", "color": "white", "lw": 2})
    axes[0].set_title(f"{s.label}, gradient arrow\nerror < {TRUST_TOLERANCE:g} inside the "
                      "circles:\nlinear (orange), quadratic (red)", fontsize=9)
    norm_scale = Normalize(vmin=-6, vmax=1)
    image = None
    for ax, approx, title in ((axes[1], linear, "linear"), (axes[2], quadratic, "quadratic")):
        with np.errstate(divide="ignore"):
            log_error = np.log10(np.maximum(np.abs(Z - approx), 1e-12))
        image = ax.pcolormesh(X, Y, log_error, cmap="magma_r", norm=norm_scale, shading="auto")
        ax.contour(X, Y, log_error, levels=[np.log10(TRUST_TOLERANCE)], colors="tab:cyan",
                   linewidths=1.2, linestyles="solid")
        ax.set_title(f"log10 |error|, {title}\ncyan: error = {TRUST_TOLERANCE:g}", fontsize=9)
    for ax in axes:
        ax.plot([px], [py], "o", color="tab:red", ms=5)
        ax.set_aspect("equal")
        ax.set_xlabel("x")
    axes[0].set_ylabel("y")
    fig.colorbar(image, ax=axes[1:], shrink=0.8, label="log10 |error|")
    return fig


def draw_surface_3d(
    fig: Figure,
    surface: str | taylor.Surface,
    point: tuple[float, float],
    half_width: float = 1.0,
    num: int = 40,
) -> Figure:
    """Draw, in 3-D, the surface near ``point`` with its tangent plane and quadratic
    approximation over the square ``point ± half_width``."""
    s = taylor.get_surface(surface)
    px, py = (float(v) for v in point)
    X, Y = np.meshgrid(np.linspace(px - half_width, px + half_width, num),
                       np.linspace(py - half_width, py + half_width, num))
    Z = s.f(X, Y)
    linear, quadratic = taylor.surface_approximations(s, (px, py), X, Y)
    fig.clear()
    titles = ("tangent plane (order 1)", "quadratic (order 2)")
    zmin, zmax = float(Z.min()), float(Z.max())
    pad = 0.3 * (zmax - zmin) + 1e-9
    for i, (approx, title, colour) in enumerate(zip((linear, quadratic), titles,
                                                    ("tab:orange", "tab:red"), strict=True)):
        ax = fig.add_subplot(1, 2, i + 1, projection="3d")
        ax.plot_surface(X, Y, Z, cmap="viridis", alpha=0.75, linewidth=0)
        shown = np.where((approx > zmin - pad) & (approx < zmax + pad), approx, np.nan)
        ax.plot_wireframe(X, Y, shown, color=colour, linewidth=0.6, rstride=3, cstride=3)
        ax.scatter([px], [py], [float(s.f(np.array(px), np.array(py)))], color="black", s=20)
        ax.set_zlim(zmin - pad, zmax + pad)
        ax.set_title(f"{s.label}: {title}", fontsize=9)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- widgets


def figure_png(fig: Figure, dpi: int = 90) -> bytes:
    """Render ``fig`` to PNG bytes with the Agg renderer (no pyplot, no display needed)."""
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


class SeriesExplorer:
    """Controls for a function, an expansion point and an order, and the picture of
    :func:`draw_series`. Show it by displaying ``explorer.widget`` (or the explorer itself).

    Parameters
    ----------
    func, a, order : the initial choice
    max_order : the largest order on the slider
    """

    def __init__(self, func: str = "exp", a: float = 0.0, order: int = 3,
                 max_order: int = 25) -> None:
        self.figure = Figure(figsize=(7.5, 5.2))
        self.function = widgets.Dropdown(options=list(taylor.FUNCTIONS), value=func,
                                         description="f(x)")
        self.point = widgets.FloatSlider(value=a, step=0.05, description="a",
                                         continuous_update=False, readout_format=".2f")
        self.order = widgets.IntSlider(value=order, min=0, max=max_order, description="order",
                                       continuous_update=False)
        self.formula = widgets.HTMLMath()
        self.image = widgets.Image(format="png")
        self._set_point_range(a)
        self.function.observe(self._on_function, names="value")
        self.point.observe(self.update, names="value")
        self.order.observe(self.update, names="value")
        self.widget = live_box([
            widgets.HBox([self.function, self.point, self.order]), self.formula, self.image,
        ], what="the series explorer")
        self.update()

    def _set_point_range(self, a: float | None = None) -> None:
        fn = taylor.get_function(self.function.value)
        lo, hi = fn.plot_range
        self.point.min, self.point.max = -1e9, 1e9  # never a transient min > max
        self.point.min, self.point.max = lo, hi
        value = 0.0 if a is None else a
        self.point.value = min(max(value, lo), hi)

    def _on_function(self, change: dict | None = None) -> None:
        self.point.unobserve(self.update, names="value")
        try:
            self._set_point_range()
        finally:
            self.point.observe(self.update, names="value")
        self.update()

    def update(self, change: dict | None = None) -> None:
        """Redraw the picture and the formula for the current controls."""
        fn = taylor.get_function(self.function.value)
        a, order = float(self.point.value), int(self.order.value)
        coefficients = taylor.taylor_coefficients(fn, a, order)
        self.formula.value = (
            f"$p(x) = {polynomial_text(coefficients, a)}$"
        )
        draw_series(self.figure, fn, a, order)
        self.image.value = figure_png(self.figure)

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a notebook front end
        from IPython.display import display

        display(self.widget)


class SurfaceExplorer:
    """Controls for a surface and a point, and the picture of :func:`draw_surface`, with the
    gradient (Jacobian) and Hessian at the point written out.

    Parameters
    ----------
    surface : name in :data:`mml.mc.taylor.SURFACES`
    point : the initial expansion point
    """

    def __init__(self, surface: str = "two hills", point: tuple[float, float] = (0.5, 0.5)
                 ) -> None:
        self.figure = Figure(figsize=(11, 3.9), layout="constrained")
        self.surface = widgets.Dropdown(options=list(taylor.SURFACES), value=surface,
                                        description="f(x, y)")
        self.x0 = widgets.FloatSlider(step=0.05, description="x0", continuous_update=False)
        self.y0 = widgets.FloatSlider(step=0.05, description="y0", continuous_update=False)
        self.derivatives = widgets.HTMLMath()
        self.image = widgets.Image(format="png")
        self._set_ranges(point)
        self.surface.observe(self._on_surface, names="value")
        self.x0.observe(self.update, names="value")
        self.y0.observe(self.update, names="value")
        self.widget = live_box([
            widgets.HBox([self.surface, self.x0, self.y0]), self.derivatives, self.image,
        ], what="the surface explorer")
        self.update()

    def _set_ranges(self, point: tuple[float, float]) -> None:
        s = taylor.get_surface(self.surface.value)
        for slider, (lo, hi), value in zip((self.x0, self.y0), s.plot_range, point, strict=True):
            slider.min, slider.max = -1e9, 1e9
            slider.min, slider.max = lo, hi
            slider.value = min(max(float(value), lo), hi)

    def _on_surface(self, change: dict | None = None) -> None:
        for slider in (self.x0, self.y0):
            slider.unobserve(self.update, names="value")
        try:
            s = taylor.get_surface(self.surface.value)
            (x0, x1), (y0, y1) = s.plot_range
            self._set_ranges(((x0 + x1) / 4, (y0 + y1) / 4 + 0.3))
        finally:
            for slider in (self.x0, self.y0):
                slider.observe(self.update, names="value")
        self.update()

    def update(self, change: dict | None = None) -> None:
        """Redraw the picture and the derivatives for the current controls."""
        s = taylor.get_surface(self.surface.value)
        point = (float(self.x0.value), float(self.y0.value))
        J, H = s.gradient(*point), s.hessian(*point)
        self.derivatives.value = (
            rf"$J = \begin{{pmatrix}} {_number(J[0])} & {_number(J[1])} \end{{pmatrix}}, \quad "
            rf"H = \begin{{pmatrix}} {_number(H[0, 0])} & {_number(H[0, 1])} \\"
            rf" {_number(H[1, 0])} & {_number(H[1, 1])} \end{{pmatrix}}$"
        )
        draw_surface(self.figure, s, point)
        self.image.value = figure_png(self.figure)

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a notebook front end
        from IPython.display import display

        display(self.widget)
