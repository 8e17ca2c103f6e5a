"""Notebook cells as nbgrader sees them: their roles, and reading and writing notebooks.

The vocabulary shared by the grading engine and the authoring tools: a cell is an answer
(``solution``), an autograded ``test`` with points, ``locked`` (read-only) or ordinary; its
``grade_id`` is its stable name. Notebooks are stored as sorted, one-space-indented JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

SCHEMA_VERSION = 3
NBFORMAT_MINOR = 5
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
SOLUTION_BEGIN, SOLUTION_END = "### BEGIN SOLUTION", "### END SOLUTION"


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


def role_meta(role: str, cell_id: str, points: float) -> dict:
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
