"""Tests of the shipped data sets (data/) and their offline loaders (mml/data.py).

Nothing here downloads anything. The byte-for-byte rebuild from PyPI (``data/build.py --check``)
runs only when the environment variable MML_TEST_REBUILD=1 is set.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mml import data

DATA = Path(__file__).resolve().parent.parent / "data"
NOT_DATA = {"README.md", "build.py", "SHA256SUMS", "__pycache__"}


def listed_sums() -> dict[str, str]:
    lines = (DATA / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


@pytest.fixture(autouse=True)
def default_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_shipped_files_match_sha256sums() -> None:
    sums = listed_sums()
    assert sums, "SHA256SUMS is empty"
    for name, digest in sums.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, name


def test_every_data_file_is_listed_and_folder_is_small() -> None:
    shipped = {path.name for path in DATA.iterdir()} - NOT_DATA
    assert shipped == set(listed_sums())
    assert {"README.md", "build.py", "SHA256SUMS"} <= {path.name for path in DATA.iterdir()}
    total = sum(path.stat().st_size for path in DATA.iterdir() if path.is_file())
    assert total < 10 * 2**20


def test_readme_documents_every_file() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name, digest in listed_sums().items():
        assert name in readme and digest in readme, name


def test_data_dir_defaults_to_repository_data_folder() -> None:
    assert data.data_dir() == DATA


def test_load_mnist() -> None:
    images, labels = data.load_mnist()
    assert images.shape == (5000, 784) and images.dtype == np.float64
    assert labels.shape == (5000,) and labels.dtype == np.int64
    assert images.min() == 0.0 and images.max() == 1.0
    assert np.array_equal(np.bincount(labels), np.full(10, 500))
    assert np.array_equal(labels, np.sort(labels))  # documented: sorted by label
    assert np.allclose(images * 255, np.round(images * 255))


def test_load_heights_inches_and_centimetres() -> None:
    inches = data.load_heights()
    assert inches.unit == "in"
    columns = (inches.family, inches.father, inches.mother, inches.gender, inches.child)
    assert all(column.shape == (934,) for column in columns)
    assert len(set(inches.family)) == 205
    assert set(inches.gender) == {"male", "female"}
    for heights in (inches.father, inches.mother, inches.child):
        assert heights.dtype == np.float64
        assert 55 <= heights.min() and heights.max() <= 80
    sons, daughters = inches.child[inches.gender == "male"], inches.child[inches.gender == "female"]
    assert sons.mean() > daughters.mean()

    cm = data.load_heights(unit="cm")
    assert cm.unit == "cm"
    assert np.allclose(cm.child, 2.54 * inches.child)
    assert np.allclose(cm.father, 2.54 * inches.father)
    assert np.array_equal(cm.family, inches.family)

    with pytest.raises(ValueError, match="unit"):
        data.load_heights(unit="m")  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "shape"), [("camera", (512, 512)), ("chelsea", (300, 451, 3))])
def test_load_image(name: str, shape: tuple[int, ...]) -> None:
    assert name in data.list_images()
    image = data.load_image(name)
    assert image.shape == shape and image.dtype == np.float64
    assert 0.0 <= image.min() < image.max() <= 1.0


def test_list_images_and_unknown_name() -> None:
    assert data.list_images() == ["camera", "chelsea"]
    with pytest.raises(ValueError, match="camera"):
        data.load_image("lena")


def test_data_dir_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shutil.copy(DATA / "camera.npy", tmp_path / "camera.npy")
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))
    assert data.data_dir() == tmp_path
    assert data.load_image("camera").shape == (512, 512)
    with pytest.raises(FileNotFoundError) as error:
        data.load_mnist()
    message = str(error.value)
    assert str(tmp_path / "mnist_images.npy") in message
    assert "python data/build.py" in message


def test_loaders_work_without_network(no_network: None) -> None:
    with pytest.raises(OSError, match="network"):
        socket.create_connection(("pypi.org", 443))
    assert data.load_mnist()[0].shape == (5000, 784)
    assert data.load_heights().child.shape == (934,)
    for name in data.list_images():
        assert data.load_image(name).ndim in (2, 3)


@pytest.mark.skipif(
    os.environ.get("MML_TEST_REBUILD") != "1",
    reason="downloads from PyPI; set MML_TEST_REBUILD=1 to run data/build.py --check",
)
def test_rebuild_is_byte_for_byte() -> None:
    result = subprocess.run(
        [sys.executable, str(DATA / "build.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_iris_equals_scikit_learns() -> None:
    """``load_iris`` reads scikit-learn's copy without importing it: the same values and names."""
    from sklearn.datasets import load_iris  # noqa: PLC0415

    ours, theirs = data.load_iris(), load_iris()
    np.testing.assert_array_equal(ours.data, theirs.data)
    np.testing.assert_array_equal(ours.target, theirs.target)
    assert ours.feature_names == theirs.feature_names
    assert list(ours.target_names) == list(theirs.target_names)
