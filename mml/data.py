"""Offline loaders for the course's data sets (described in ``data/README.md``).

Nothing here touches the network: every loader reads a file shipped in the repository's ``data/``
folder, or in the folder named by the environment variable ``MML_DATA_DIR`` when it is set (graded
notebooks may run in a sandbox where ``data/`` is mounted elsewhere); :func:`load_iris` reads the
copy that the installed scikit-learn package ships, without importing scikit-learn (2 s). A
missing file raises ``FileNotFoundError`` naming the path; ``python data/build.py`` rebuilds the
files.

Conventions: pixel intensities are float64 in ``[0, 1]`` (the stored 8-bit value divided by 255);
heights are float64 in inches unless asked for in centimetres. Every call reads the files again and
returns new arrays, so modifying a result never affects later calls.
"""

from __future__ import annotations

import csv
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

DATA_DIR_ENV = "MML_DATA_DIR"
"""Name of the environment variable that overrides :func:`data_dir`."""

CM_PER_INCH = 2.54
"""Exact conversion factor (international inch)."""

_IMAGES = ("camera", "chelsea")


def data_dir() -> Path:
    """Return the folder that holds the data files.

    Returns
    -------
    pathlib.Path
        ``$MML_DATA_DIR`` if that environment variable is set and non-empty (``~`` expanded),
        otherwise the ``data/`` folder of the repository this package lives in. The folder is not
        checked for existence here; the loaders report a missing file.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parent.parent / "data"


def _data_file(name: str) -> Path:
    """Return the path of data file ``name``, or raise FileNotFoundError saying how to fix it."""
    path = data_dir() / name
    if not path.is_file():
        raise FileNotFoundError(
            f"data file not found: {path}. Run `python data/build.py` from the repository root to "
            f"rebuild the data sets, or set {DATA_DIR_ENV} to the folder that holds them."
        )
    return path


def _load_npy(name: str) -> np.ndarray:
    return np.load(_data_file(name), allow_pickle=False)


def load_mnist() -> tuple[np.ndarray, np.ndarray]:
    """Load the 5000 MNIST handwritten digits (500 of each digit).

    Returns
    -------
    images : numpy.ndarray, shape (5000, 784), dtype float64
        One image per row: the 28x28 pixels in row-major order, scaled to ``[0, 1]``
        (0 = background, 1 = full ink). ``images[i].reshape(28, 28)`` is image ``i``.
    labels : numpy.ndarray, shape (5000,), dtype int64
        The digit shown in each image, 0 to 9.

    Notes
    -----
    The rows are in the order of the source file, which is sorted by label (all 0s first, then all
    1s, ...): shuffle before splitting into training and test sets.
    """
    images = _load_npy("mnist_images.npy").astype(np.float64) / 255.0
    labels = _load_npy("mnist_labels.npy").astype(np.int64)
    return images, labels


@dataclass(frozen=True, eq=False)
class Heights:
    """Galton's family heights: one entry per adult child (934 children in 205 families).

    Attributes
    ----------
    family : numpy.ndarray, shape (N,), dtype str
        Family identifier (``"001"`` to ``"204"``, plus ``"136A"``); siblings share it.
    father : numpy.ndarray, shape (N,), dtype float64
        Height of the child's father (repeated for each sibling).
    mother : numpy.ndarray, shape (N,), dtype float64
        Height of the child's mother (repeated for each sibling).
    gender : numpy.ndarray, shape (N,), dtype str
        ``"male"`` or ``"female"``; e.g. ``heights.gender == "male"`` selects the sons.
    child : numpy.ndarray, shape (N,), dtype float64
        Height of the adult child.
    unit : {"in", "cm"}
        Unit of ``father``, ``mother`` and ``child``.
    """

    family: np.ndarray
    father: np.ndarray
    mother: np.ndarray
    gender: np.ndarray
    child: np.ndarray
    unit: Literal["in", "cm"]


def load_heights(unit: Literal["in", "cm"] = "in") -> Heights:
    """Load Galton's heights of parents and their adult children (GaltonFamilies, 934 rows).

    Parameters
    ----------
    unit : {"in", "cm"}, default "in"
        ``"in"`` returns the heights exactly as recorded (inches); ``"cm"`` multiplies them by
        :data:`CM_PER_INCH` (2.54).

    Returns
    -------
    Heights
        Parallel arrays of shape (934,), one entry per child; see :class:`Heights`.

    Raises
    ------
    ValueError
        If ``unit`` is neither ``"in"`` nor ``"cm"``.
    """
    if unit not in ("in", "cm"):
        raise ValueError(f"unit must be 'in' or 'cm', not {unit!r}")
    with _data_file("galton_families.csv").open(newline="", encoding="ascii") as handle:
        rows = list(csv.DictReader(handle))
    scale = CM_PER_INCH if unit == "cm" else 1.0

    def heights(column: str) -> np.ndarray:
        return np.array([float(row[column]) for row in rows]) * scale

    return Heights(
        family=np.array([row["family"] for row in rows], dtype=str),
        father=heights("father"),
        mother=heights("mother"),
        gender=np.array([row["gender"] for row in rows], dtype=str),
        child=heights("childHeight"),
        unit=unit,
    )


@dataclass(frozen=True)
class Iris:
    """Fisher's iris flowers, as ``sklearn.datasets.load_iris`` returns them.

    Attributes
    ----------
    data : numpy.ndarray, shape (150, 4), float
        Sepal length, sepal width, petal length and petal width (cm), one flower per row.
    target : numpy.ndarray, shape (150,), int
        The species of each flower: 0, 1 or 2, an index into ``target_names``.
    feature_names : list of str
        The names of the four columns, as scikit-learn gives them.
    target_names : numpy.ndarray of str, shape (3,)
        ``setosa``, ``versicolor``, ``virginica``.
    """

    data: np.ndarray
    target: np.ndarray
    feature_names: list[str]
    target_names: np.ndarray


def load_iris() -> Iris:
    """Load the iris data set bundled with scikit-learn (150 flowers, 4 measurements).

    Returns
    -------
    Iris
        The same values as ``sklearn.datasets.load_iris()``, read from scikit-learn's own
        ``datasets/data/iris.csv`` without importing scikit-learn.
    """
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the iris data set comes with scikit-learn, which is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "datasets" / "data" / "iris.csv"
    with path.open(newline="", encoding="ascii") as handle:
        header, *rows = list(csv.reader(handle))
    table = np.array(rows, dtype=float)
    return Iris(
        data=table[:, :4],
        target=table[:, 4].astype(int),
        feature_names=[f"{part} {size} (cm)" for part in ("sepal", "petal")
                       for size in ("length", "width")],
        target_names=np.array(header[2:], dtype=str),
    )


def list_images() -> list[str]:
    """Return the names accepted by :func:`load_image`.

    Returns
    -------
    list of str
        ``["camera", "chelsea"]``: ``"camera"`` is a 512x512 grayscale photograph of a man with a
        camera on a tripod; ``"chelsea"`` is a 300x451 colour photograph of a cat.
    """
    return list(_IMAGES)


def load_image(name: str) -> np.ndarray:
    """Load one of the bundled CC0 photographs from scikit-image.

    Parameters
    ----------
    name : str
        One of :func:`list_images`.

    Returns
    -------
    numpy.ndarray, dtype float64, values in ``[0, 1]``
        Shape ``(height, width)`` for a grayscale image (``"camera"``: (512, 512)) or
        ``(height, width, 3)`` with RGB channels for a colour image (``"chelsea"``: (300, 451, 3)).
        Row 0 is the top of the picture.

    Raises
    ------
    ValueError
        If ``name`` is not one of :func:`list_images`.
    """
    if name not in _IMAGES:
        raise ValueError(f"unknown image {name!r}; choose one of {list_images()}")
    return _load_npy(f"{name}.npy").astype(np.float64) / 255.0
