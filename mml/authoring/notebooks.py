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

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat

from mml.grading import cells

HEADER = re.compile(r"^# %%(?P<rest>.*)$")


@dataclass(frozen=True)
class Cell:
    """One cell of the text form."""

    kind: str  # "markdown" or "code"
    id: str
    role: str  # "", "solution", "test" or "locked"
    points: float
    source: str


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
    """Parse the percent text form into parsed (see the module docstring)."""
    parsed: list[Cell] = []
    header: tuple[str, str, str, float] | None = None
    body: list[str] = []

    def flush() -> None:
        if header is None:
            return
        kind, role, cell_id, points = header
        while body and body[-1] == "":
            body.pop()
        source = _uncomment(body) if kind == "markdown" else "\n".join(body)
        parsed.append(Cell(kind, cell_id or f"cell-{len(parsed):03d}", role, points, source))

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
    ids = [c.id for c in parsed]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate cell ids: {duplicates}")
    return parsed


def build(parsed: list[Cell]) -> nbformat.NotebookNode:
    """Make a clean nbformat-4.5 notebook from parsed cells."""
    nb = nbformat.v4.new_notebook()
    nb.nbformat_minor = cells.NBFORMAT_MINOR
    nb.metadata = {"kernelspec": dict(cells.KERNELSPEC), "language_info": dict(cells.LANGUAGE_INFO)}
    for cell in parsed:
        if cell.kind == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        else:
            new = nbformat.v4.new_code_cell(cell.source)
        new.id = cell.id
        if cell.role:
            new.metadata["nbgrader"] = cells.role_meta(cell.role, cell.id, cell.points)
        nb.cells.append(new)
    return nb


def to_text(nb: nbformat.NotebookNode) -> str:
    """The percent text form of ``nb`` (inverse of :func:`parse_text` + :func:`build`)."""
    chunks = []
    for cell in nb.cells:
        tokens = ["# %%"]
        if cell.cell_type == "markdown":
            tokens.append("[markdown]")
        role = cells.cell_role(cell)
        if role:
            tokens.append(role)
        tokens.append(f"id={cell.id}")
        if role == "test":
            points = float(cells.nbgrader_meta(cell)["points"])
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
        meta = cells.nbgrader_meta(cell)
        if not meta:
            continue
        gid = meta.get("grade_id", "")
        if meta.get("schema_version") != cells.SCHEMA_VERSION:
            yield f"{where}: nbgrader schema_version is not {cells.SCHEMA_VERSION}"
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
        if meta.get("solution") and cells.SOLUTION_BEGIN not in cell.source:
            yield f"{where}: solution cell without '{cells.SOLUTION_BEGIN}'"
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
        print(to_text(cells.read(args.notebook)), end="")
        return 0
    nb = build(parse_text(args.text.read_text(encoding="utf-8")))
    found = list(problems(nb))
    for problem in found:
        print(f"{args.text}: {problem}")
    if found:
        return 1
    args.notebook.parent.mkdir(parents=True, exist_ok=True)
    cells.write(nb, args.notebook)
    return 0
