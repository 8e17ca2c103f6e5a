"""Build student submissions from the course: the reference answers, the untouched release, and
answer files that replace some answer cells (plausible mistakes, or other correct answers).

An *answer file* is a small Python file, kept under ``tests/answers/<assignment>/<notebook>/``
in ``wrong/`` or ``right/``::

    \"\"\"Forgets to add row 3 when the pivot is zero.\"\"\"
    # fails: test_fixRowTwo_hidden, test_isSingular_hidden
    # %% fixRowTwo
    def fixRowTwo(A):
        ...

The docstring says what the answer does; ``# fails:`` lists the test cells (grade ids) it must
lose, ``none`` for a right answer; each ``# %% <grade_id>`` section replaces that answer cell of
the reference submission. The test-suite grades every answer file with nbgrader, and
``mml demo`` uses the wrong ones to build a student who makes typical mistakes.
"""

from __future__ import annotations

import ast
import copy
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from mml.grading import cells

SECTION = re.compile(r"^# %% (?P<grade_id>[A-Za-z][A-Za-z0-9_\-]*)\s*$")


@dataclass(frozen=True)
class AnswerFile:
    """A parsed answer file (see the module docstring)."""

    path: Path
    description: str
    fails: tuple[str, ...]
    cells: dict[str, str]  # grade_id of an answer cell -> its new source

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def is_right(self) -> bool:
        return not self.fails


def parse_answer_file(path: Path) -> AnswerFile:
    """Read an answer file; raise ``ValueError`` naming the file if it is malformed."""
    text = path.read_text(encoding="utf-8")
    try:
        description = ast.get_docstring(ast.parse(text)) or ""
    except SyntaxError as exc:
        raise ValueError(f"{path}: not valid Python: {exc}") from exc
    fails: tuple[str, ...] | None = None
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.split("\n"):
        section = SECTION.match(line)
        if section:
            current = sections.setdefault(section["grade_id"], [])
        elif current is not None:
            current.append(line)
        elif line.startswith("# fails:"):
            names = [n.strip() for n in line[len("# fails:"):].split(",") if n.strip()]
            fails = () if names == ["none"] else tuple(names)
    if not description:
        raise ValueError(f"{path}: needs a docstring saying what the answer does")
    if fails is None:
        raise ValueError(f"{path}: needs a '# fails: ...' line ('none' for a right answer)")
    if not sections:
        raise ValueError(f"{path}: needs at least one '# %% <grade_id>' section")
    sources = {gid: "\n".join(lines).strip("\n") for gid, lines in sections.items()}
    return AnswerFile(path, description, fails, sources)


def answer_files(answers_dir: Path, assignment: str, notebook: str) -> list[AnswerFile]:
    """All answer files of one notebook, wrong ones first, each group sorted by name."""
    base = answers_dir / assignment / notebook
    found = sorted((base / "wrong").glob("*.py")) + sorted((base / "right").glob("*.py"))
    return [parse_answer_file(p) for p in found]


def reference_sources(source_nb: nbformat.NotebookNode) -> dict[str, str]:
    """``{grade_id: code}`` of every answer cell, as the reference solution writes it."""
    return {
        cells.grade_id(cell): cells.strip_markers(
            cell.source, cells.SOLUTION_BEGIN, cells.SOLUTION_END
        )
        for cell in source_nb.cells
        if cells.is_solution(cell)
    }


def fill_answers(
    release_nb: nbformat.NotebookNode, answers: dict[str, str]
) -> nbformat.NotebookNode:
    """A copy of the release notebook with the given answer cells replaced.

    Raises ``KeyError`` if ``answers`` names a grade id that is not an answer cell.
    """
    nb = copy.deepcopy(release_nb)
    solution_ids = {cells.grade_id(c) for c in nb.cells if cells.is_solution(c)}
    unknown = set(answers) - solution_ids
    if unknown:
        raise KeyError(f"not answer cells of this notebook: {sorted(unknown)}")
    for cell in nb.cells:
        gid = cells.grade_id(cell)
        if cells.is_solution(cell) and gid in answers:
            cell.source = answers[gid]
    return nb


def reference_submission(
    source_nb: nbformat.NotebookNode, release_nb: nbformat.NotebookNode
) -> nbformat.NotebookNode:
    """The release notebook with every answer cell holding the reference solution."""
    return fill_answers(release_nb, reference_sources(source_nb))


def answer_submission(
    source_nb: nbformat.NotebookNode, release_nb: nbformat.NotebookNode, answer: AnswerFile
) -> nbformat.NotebookNode:
    """The reference submission with the cells of ``answer`` replaced."""
    return fill_answers(release_nb, {**reference_sources(source_nb), **answer.cells})
