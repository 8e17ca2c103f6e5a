"""Small plotting helpers shared by the notebooks (matplotlib only, no global style changes)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure


def show_matrices(
    matrices: Sequence[np.ndarray],
    titles: Sequence[str],
    *,
    cmap: str = "coolwarm",
    decimals: int = 2,
) -> Figure:
    """Draw matrices side by side as annotated heat maps on one shared colour scale.

    Parameters
    ----------
    matrices : sequence of 2-D arrays, each (m, n)
    titles : one title per matrix
    cmap : matplotlib colour map; 0 sits in the middle of the scale
    decimals : digits shown in each annotated entry
    """
    arrays = [np.asarray(m, dtype=float) for m in matrices]
    limit = max(1.0, *(np.nanmax(np.abs(a)) for a in arrays))
    fig, axes = plt.subplots(1, len(arrays), figsize=(2.6 * len(arrays), 2.8), squeeze=False)
    for ax, array, title in zip(axes[0], arrays, titles, strict=True):
        ax.imshow(array, cmap=cmap, vmin=-limit, vmax=limit)
        for (i, j), value in np.ndenumerate(array):
            ax.text(j, i, f"{value:.{decimals}g}", ha="center", va="center", fontsize=8)
        ax.set_title(title, fontsize=10)
        ax.set_xticks([])
        ax.set_yticks([])
    fig.tight_layout()
    return fig
