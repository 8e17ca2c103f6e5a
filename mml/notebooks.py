"""Course notebooks: the nbgrader cell roles, clean JSON, and an editable text form.

The ``.ipynb`` files in ``source/`` are the single source of truth. Editing JSON by hand is
error-prone, so ``mml notebook text NB`` prints a notebook in a *percent* text form and
``mml notebook build TEXT NB`` writes it back; both directions are lossless for our notebooks
(a test checks the round trip). The text form::

    # %% [markdown] id=intro
    # # Title
    # Some *prose* with $\\LaTeX$.

    # %% id=setup locked
    import numpy as np

    # %% solution id=fixRowTwo
    def fixRowTwo(A):
        ### BEGIN SOLUTION
        ...
        ### END SOLUTION

    # %% test id=test_fixRowTwo_visible points=1
    checks.check_close(...)

A header names the cell kind (``[markdown]`` or code), its stable ``id`` (also the nbgrader
``grade_id`` of nbgrader cells) and its nbgrader role: ``solution`` (an answer cell), ``test``
with ``points=N`` (an autograded test cell, locked) or ``locked`` (a read-only cell).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat

SCHEMA_VERSION = 3
NBFORMAT_MINOR = 5
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}
HEADER = re.compile(r"^# %%(?P<rest>.*)$")
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
SOLUTION_BEGIN, SOLUTION_END = "### BEGIN SOLUTION", "### END SOLUTION"


@dataclass(frozen=True)
class Cell:
    """One cell of the text form."""

    kind: str  # "markdown" or "code"
    id: str
    role: str  # "", "solution", "test" or "locked"
    points: float
    source: str


# --------------------------------------------------------------------------- reading / writing


def read(path: str | Path) -> nbformat.NotebookNode:
    """Read a notebook (nbformat 4) without validation side effects."""
    return nbformat.read(str(path), as_version=4)


def dumps(nb: nbformat.NotebookNode) -> str:
    """Serialise a notebook the way the repository stores it (sorted keys, one-space indent)."""
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def reads(text: str) -> nbformat.NotebookNode:
    """Parse notebook JSON text (nbformat 4)."""
    return nbformat.reads(text, as_version=4)


def write(nb: nbformat.NotebookNode, path: str | Path) -> None:
    """Write ``nb`` to ``path`` in the repository's stable JSON layout."""
    Path(path).write_text(dumps(nb), encoding="utf-8")


# --------------------------------------------------------------------------- nbgrader roles


def nbgrader_meta(cell: nbformat.NotebookNode) -> dict:
    """The cell's ``nbgrader`` metadata (empty dict for ordinary cells)."""
    return dict(cell.get("metadata", {}).get("nbgrader", {}))


def is_solution(cell: nbformat.NotebookNode) -> bool:
    return bool(nbgrader_meta(cell).get("solution"))


def is_test(cell: nbformat.NotebookNode) -> bool:
    return bool(nbgrader_meta(cell).get("grade")) and cell.cell_type == "code"


def grade_id(cell: nbformat.NotebookNode) -> str | None:
    return nbgrader_meta(cell).get("grade_id")


def test_points(nb: nbformat.NotebookNode) -> dict[str, float]:
    """``{grade_id: points}`` for every autograded test cell, in notebook order."""
    return {grade_id(c): float(nbgrader_meta(c)["points"]) for c in nb.cells if is_test(c)}


def strip_markers(source: str, begin: str, end: str) -> str:
    """Remove the marker lines ``begin``/``end`` from ``source``, keeping what is between."""
    return "\n".join(
        line for line in source.split("\n") if line.strip() not in (begin, end)
    )


def split_secret(source: str) -> tuple[list[str], list[str]]:
    """``(public, secret)`` lines of a cell: secret lines sit between solution or hidden-test
    markers (markers excluded), public lines are all the others."""
    public, secret, inside = [], [], False
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped in (SOLUTION_BEGIN, HIDDEN_BEGIN):
            inside = True
        elif stripped in (SOLUTION_END, HIDDEN_END):
            inside = False
        else:
            (secret if inside else public).append(line)
    return public, secret


def _role_meta(role: str, cell_id: str, points: float) -> dict:
    return {
        "grade": role == "test",
        "grade_id": cell_id,
        "locked": role in ("test", "locked"),
        "schema_version": SCHEMA_VERSION,
        "solution": role == "solution",
        "task": False,
        **({"points": points} if role == "test" else {}),
    }


def cell_role(cell: nbformat.NotebookNode) -> str:
    """``"solution"``, ``"test"``, ``"locked"`` or ``""`` for an ordinary cell."""
    meta = nbgrader_meta(cell)
    if meta.get("solution"):
        return "solution"
    if meta.get("grade"):
        return "test"
    if meta.get("locked"):
        return "locked"
    return ""


# --------------------------------------------------------------------------- text form


def _parse_header(rest: str, lineno: int) -> tuple[str, str, str, float]:
    kind, role, cell_id, points = "code", "", "", 0.0
    for token in rest.split():
        if token == "[markdown]":
            kind = "markdown"
        elif token in ("solution", "test", "locked"):
            role = token
        elif token.startswith("id="):
            cell_id = token[3:]
        elif token.startswith("points="):
            points = float(token[7:])
        else:
            raise ValueError(f"line {lineno}: unknown token {token!r} in cell header")
    if role == "test" and points <= 0:
        raise ValueError(f"line {lineno}: a test cell needs points=N")
    return kind, role, cell_id, points


def _uncomment(lines: list[str]) -> str:
    out = []
    for line in lines:
        if line == "#":
            out.append("")
        elif line.startswith("# "):
            out.append(line[2:])
        else:
            raise ValueError(f"markdown line does not start with '# ': {line!r}")
    return "\n".join(out)


def parse_text(text: str) -> list[Cell]:
    """Parse the percent text form into cells (see the module docstring)."""
    cells: list[Cell] = []
    header: tuple[str, str, str, float] | None = None
    body: list[str] = []

    def flush() -> None:
        if header is None:
            return
        kind, role, cell_id, points = header
        while body and body[-1] == "":
            body.pop()
        source = _uncomment(body) if kind == "markdown" else "\n".join(body)
        cells.append(Cell(kind, cell_id or f"cell-{len(cells):03d}", role, points, source))

    for lineno, line in enumerate(text.split("\n"), start=1):
        match = HEADER.match(line)
        if match:
            flush()
            header, body = _parse_header(match["rest"], lineno), []
        elif header is None:
            if line.strip():
                raise ValueError(f"line {lineno}: text before the first '# %%' header")
        else:
            body.append(line)
    flush()
    ids = [c.id for c in cells]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate cell ids: {duplicates}")
    return cells


def build(cells: list[Cell]) -> nbformat.NotebookNode:
    """Make a clean nbformat-4.5 notebook from parsed cells."""
    nb = nbformat.v4.new_notebook()
    nb.nbformat_minor = NBFORMAT_MINOR
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    for cell in cells:
        if cell.kind == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        else:
            new = nbformat.v4.new_code_cell(cell.source)
        new.id = cell.id
        if cell.role:
            new.metadata["nbgrader"] = _role_meta(cell.role, cell.id, cell.points)
        nb.cells.append(new)
    return nb


def to_text(nb: nbformat.NotebookNode) -> str:
    """The percent text form of ``nb`` (inverse of :func:`parse_text` + :func:`build`)."""
    chunks = []
    for cell in nb.cells:
        tokens = ["# %%"]
        if cell.cell_type == "markdown":
            tokens.append("[markdown]")
        role = cell_role(cell)
        if role:
            tokens.append(role)
        tokens.append(f"id={cell.id}")
        if role == "test":
            points = float(nbgrader_meta(cell)["points"])
            tokens.append(f"points={points:g}")
        if cell.cell_type == "markdown":
            body = "\n".join(("# " + line) if line else "#" for line in cell.source.split("\n"))
        else:
            body = cell.source
        chunks.append(" ".join(tokens) + "\n" + body + "\n")
    return "\n".join(chunks)


# --------------------------------------------------------------------------- cleanliness


def problems(nb: nbformat.NotebookNode) -> Iterator[str]:
    """Yield every way ``nb`` breaks the course's rules for a committed source notebook."""
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        where = f"cell {index} ({cell.get('id', '?')})"
        if not cell.get("id"):
            yield f"{where}: missing cell id"
        if cell.cell_type == "code":
            if cell.get("outputs"):
                yield f"{where}: has outputs"
            if cell.get("execution_count") is not None:
                yield f"{where}: has an execution count"
        meta = nbgrader_meta(cell)
        if not meta:
            continue
        gid = meta.get("grade_id", "")
        if meta.get("schema_version") != SCHEMA_VERSION:
            yield f"{where}: nbgrader schema_version is not {SCHEMA_VERSION}"
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_\-]*", gid or ""):
            yield f"{where}: grade_id {gid!r} is not a readable identifier"
        if gid in seen:
            yield f"{where}: duplicate grade_id {gid!r}"
        seen.add(gid)
        if gid != cell.get("id"):
            yield f"{where}: cell id {cell.get('id')!r} differs from grade_id {gid!r}"
        if meta.get("grade") and meta.get("solution"):
            yield f"{where}: a cell cannot be both a test and a solution"
        if meta.get("grade") and not float(meta.get("points", 0)) > 0:
            yield f"{where}: test cell without positive points"
        if meta.get("solution") and SOLUTION_BEGIN not in cell.source:
            yield f"{where}: solution cell without '{SOLUTION_BEGIN}'"
        if meta.get("grade") and not gid.startswith("test_"):
            yield f"{where}: test grade_id {gid!r} should start with 'test_'"


# --------------------------------------------------------------------------- command line


def add_arguments(parser) -> None:  # noqa: ANN001 - argparse parser
    """``mml notebook text NB`` / ``mml notebook build TEXT NB``."""
    sub = parser.add_subparsers(dest="action", required=True)
    text = sub.add_parser("text", help="print a notebook in the percent text form")
    text.add_argument("notebook", type=Path)
    make = sub.add_parser("build", help="write a clean notebook from the percent text form")
    make.add_argument("text", type=Path)
    make.add_argument("notebook", type=Path)


def run(args) -> int:  # noqa: ANN001 - argparse namespace
    if args.action == "text":
        print(to_text(read(args.notebook)), end="")
        return 0
    nb = build(parse_text(args.text.read_text(encoding="utf-8")))
    found = list(problems(nb))
    for problem in found:
        print(f"{args.text}: {problem}")
    if found:
        return 1
    args.notebook.parent.mkdir(parents=True, exist_ok=True)
    write(nb, args.notebook)
    return 0
