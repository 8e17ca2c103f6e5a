"""Pictures and small tools for the PCA labs on statistics and inner products (PCA weeks 1-2).

Convention, as in those labs: **data points are rows**, so a data set is an array ``X`` of shape
``(N, D)`` (N points in D dimensions) and a single point is a 1-D array of shape ``(D,)``.

Nothing here computes a graded quantity (means, covariances, distances, angles, neighbours):
the notebooks pass the learner's own functions or results in, and these helpers only draw them
or time them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D


def covariance_ellipse(
    mean: Any, cov: Any, n_std: float = 2.0, num: int = 200
) -> np.ndarray:
    """Points on the ellipse ``{x : (x - mean)^T cov^{-1} (x - mean) = n_std^2}``.

    For Gaussian-looking data with that mean and covariance the ellipse is a contour of the
    density; with ``n_std=2`` it holds about 86% of the points. A singular (flat) covariance
    gives a degenerate ellipse (a segment), which is still drawn correctly.

    Parameters
    ----------
    mean : array-like, shape (2,)
        Centre of the ellipse.
    cov : array-like, shape (2, 2)
        Symmetric positive semi-definite covariance matrix.
    n_std : float
        Size of the ellipse in standard deviations along each principal axis.
    num : int
        Number of points; the first point is repeated at the end to close the curve.

    Returns
    -------
    numpy.ndarray, shape (num, 2)
        One point per row.
    """
    centre = np.asarray(mean, dtype=float).reshape(-1)
    matrix = np.asarray(cov, dtype=float)
    if centre.shape != (2,) or matrix.shape != (2, 2):
        raise ValueError(
            f"need a mean of shape (2,) and a covariance of shape (2, 2), "
            f"got {centre.shape} and {matrix.shape}"
        )
    symmetric = (matrix + matrix.T) / 2
    values, vectors = np.linalg.eigh(symmetric)
    if values.min() < -1e-9 * max(1.0, abs(values).max()):
        raise ValueError(f"covariance is not positive semi-definite: eigenvalues {values}")
    radii = n_std * np.sqrt(np.clip(values, 0.0, None))
    t = np.linspace(0.0, 2 * np.pi, num)
    circle = np.stack([np.cos(t), np.sin(t)], axis=1)  # (num, 2)
    return centre + (circle * radii) @ vectors.T


def draw_covariance_ellipse(
    ax: Axes, mean: Any, cov: Any, n_std: float = 2.0, **plot_kwargs: Any
) -> Line2D:
    """Draw :func:`covariance_ellipse` on ``ax`` and mark its centre with a cross.

    Parameters
    ----------
    ax : matplotlib Axes
    mean : array-like, shape (2,)
    cov : array-like, shape (2, 2)
    n_std : float
        Size in standard deviations (see :func:`covariance_ellipse`).
    **plot_kwargs
        Passed to ``ax.plot`` for the ellipse (``color``, ``ls``, ``label``...).

    Returns
    -------
    The ``Line2D`` of the ellipse.
    """
    points = covariance_ellipse(mean, cov, n_std)
    (line,) = ax.plot(points[:, 0], points[:, 1], **plot_kwargs)
    centre = np.asarray(mean, dtype=float).reshape(-1)
    ax.plot(centre[0], centre[1], marker="x", color=line.get_color(), ms=8, mew=2)
    return line


def image_grid(
    images: Any,
    titles: Sequence[str] | None = None,
    *,
    ncols: int = 10,
    image_shape: tuple[int, int] = (28, 28),
    cmap: str = "gray_r",
    size: float = 1.1,
    shared_scale: bool = False,
    suptitle: str | None = None,
) -> Figure:
    """Show images stored as rows in a grid of small panels.

    Parameters
    ----------
    images : array-like, shape (K, H*W) or (K, H, W)
        One image per row (the course's convention for data sets of images).
    titles : sequence of K str, optional
        A title for each panel.
    ncols : int
        Panels per row of the grid.
    image_shape : (H, W)
        Shape of one image when ``images`` has flat rows.
    cmap : str
        Colour map; the default draws ink (large values) dark on white.
    size : float
        Width and height of one panel in inches.
    shared_scale : bool
        If True all panels share one colour scale (use it to compare intensities); otherwise
        each panel is scaled to its own range.
    suptitle : str, optional
        A title for the whole figure.

    Returns
    -------
    matplotlib Figure
    """
    stack = np.asarray(images, dtype=float)
    if stack.ndim == 2:
        stack = stack.reshape(len(stack), *image_shape)
    if stack.ndim != 3:
        raise ValueError(f"images must have shape (K, H*W) or (K, H, W), got {stack.shape}")
    count = len(stack)
    if titles is not None and len(titles) != count:
        raise ValueError(f"{count} images but {len(titles)} titles")
    ncols = max(1, min(ncols, count))
    nrows = -(-count // ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(size * ncols, size * nrows + 0.3), squeeze=False
    )
    vmin, vmax = (stack.min(), stack.max()) if shared_scale else (None, None)
    for index, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if index < count:
            ax.imshow(stack[index], cmap=cmap, vmin=vmin, vmax=vmax)
            if titles is not None:
                ax.set_title(titles[index], fontsize=9)
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig


def heatmap(
    matrix: Any,
    labels: Sequence[Any],
    *,
    ax: Axes | None = None,
    title: str = "",
    fmt: str = "{:.1f}",
    cmap: str = "viridis",
    colorbar: bool = True,
) -> Axes:
    """Draw a square matrix as an annotated heat map with the same labels on both axes.

    Parameters
    ----------
    matrix : array-like, shape (K, K)
        For example distances between class means, entry ``[i, j]`` for classes i and j.
    labels : sequence of K labels
        Row ``i`` and column ``i`` are labelled ``labels[i]``.
    ax : matplotlib Axes, optional
        Where to draw (a new figure if omitted).
    title : str
    fmt : str
        Format of the number written in each cell.
    cmap : str
    colorbar : bool
        Add a colour bar beside the map.

    Returns
    -------
    The Axes drawn on.
    """
    values = np.asarray(matrix, dtype=float)
    if values.ndim != 2 or values.shape[0] != values.shape[1] or len(labels) != len(values):
        raise ValueError(f"need a square matrix with one label per row, got {values.shape}")
    if ax is None:
        _, ax = plt.subplots(figsize=(0.5 * len(values) + 1.5, 0.5 * len(values) + 1))
    image = ax.imshow(values, cmap=cmap)
    middle = (np.nanmin(values) + np.nanmax(values)) / 2
    for (i, j), value in np.ndenumerate(values):
        ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=7,
                color="black" if value > middle else "white")
    ticks = np.arange(len(values))
    ax.set_xticks(ticks, [str(label) for label in labels])
    ax.set_yticks(ticks, [str(label) for label in labels])
    ax.set_title(title)
    if colorbar:
        ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    return ax


def best_time(func: Callable[..., Any], *args: Any, repeat: int = 3) -> float:
    """Shortest wall-clock time in seconds of ``func(*args)`` over ``repeat`` calls.

    The minimum is the usual summary for timings: other programs can only slow a run down.
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func(*args)
        best = min(best, time.perf_counter() - start)
    return best


def plane_grid(
    xlim: tuple[float, float], ylim: tuple[float, float], steps: int = 100
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A regular grid over a rectangle of the plane.

    Returns
    -------
    xx, yy : numpy.ndarray, shape (steps, steps)
        Coordinates as made by ``numpy.meshgrid`` (x varies along axis 1).
    points : numpy.ndarray, shape (steps * steps, 2)
        The same grid points, one per row, in the order of ``xx.ravel()``.
    """
    if steps < 2:
        raise ValueError("steps must be at least 2")
    xx, yy = np.meshgrid(np.linspace(*xlim, steps), np.linspace(*ylim, steps))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def plot_decision_regions(
    ax: Axes,
    predict: Callable[[np.ndarray], Any],
    X: Any,
    y: Any,
    *,
    steps: int = 60,
    pad: float = 0.5,
    class_names: Sequence[str] | None = None,
    cmap: str = "tab10",
) -> np.ndarray:
    """Colour the plane by the label ``predict(point)`` gives it, and draw the data on top.

    Parameters
    ----------
    ax : matplotlib Axes
    predict : callable
        Takes one point, an array of shape (2,), and returns an integer label (for example a
        k-nearest-neighbour classifier with its training data fixed).
    X : array-like, shape (N, 2)
        The data points to draw, one per row; the grid covers them with a margin ``pad``.
    y : array-like of int, shape (N,)
        Their labels, 0 to 9 (colours of ``cmap``).
    steps : int
        The grid has ``steps x steps`` points, so ``predict`` is called ``steps**2`` times.
    pad : float
        Margin around the data.
    class_names : sequence of str, optional
        Legend entry of each label.
    cmap : str
        A qualitative colour map with at least as many colours as labels.

    Returns
    -------
    numpy.ndarray of int, shape (steps, steps)
        The predicted label at each grid point.
    """
    points = np.asarray(X, dtype=float)
    labels = np.asarray(y).astype(int)
    xlim = (points[:, 0].min() - pad, points[:, 0].max() + pad)
    ylim = (points[:, 1].min() - pad, points[:, 1].max() + pad)
    xx, yy, grid = plane_grid(xlim, ylim, steps)
    predicted = np.array([int(predict(p)) for p in grid]).reshape(xx.shape)
    colours = plt.get_cmap(cmap)
    ax.pcolormesh(xx, yy, predicted, cmap=cmap, vmin=-0.5, vmax=colours.N - 0.5, alpha=0.3,
                  shading="auto")
    for label in np.unique(labels):
        chosen = labels == label
        name = class_names[label] if class_names is not None else str(label)
        ax.scatter(points[chosen, 0], points[chosen, 1], s=14, color=colours(label),
                   edgecolor="k", linewidth=0.4, label=name)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    return predicted
