"""Build student submissions from the course: the reference answers, the untouched release, and
answer files that replace some answer cells (plausible mistakes, or other correct answers).

An *answer file* is a small Python file, kept under ``tests/answers/<assignment>/<notebook>/``
in ``wrong/``, ``right/`` or ``original/``::

    \"\"\"Forgets to add row 3 when the pivot is zero.\"\"\"
    # fails: test_fixRowTwo_hidden, test_isSingular_hidden
    # %% fixRowTwo
    def fixRowTwo(A):
        ...

The docstring says what the answer does; ``# fails:`` lists the test cells (grade ids) it must
lose, ``none`` for a right answer; each ``# %% <grade_id>`` section replaces that answer cell of
the reference submission. The test-suite grades every answer file with nbgrader, and
``mml demo`` uses the wrong ones to build a student who makes typical mistakes.

Two more header lines may follow ``# fails:``:

``# hidden-only: <reason>``
    in a wrong answer whose mistake no visible test can show (for example a size hard-coded for
    the visible example): the reason is required, because every other wrong answer must fail at
    least one visible test.
``# message: <phrase>``
    required in ``original/`` files that lose marks: the message of the first failed test (in
    notebook order) must contain the phrase (what the learner is told to change).

``original/`` holds code written for the original course (its setup names, API and NumPy 1
habits): such a file either keeps full marks (``# fails: none``) or loses the listed tests with a
message containing its phrase.
"""

from __future__ import annotations

import ast
import copy
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from mml.grading import cells

KINDS = ("wrong", "right", "original")
SECTION = re.compile(r"^# %% (?P<grade_id>[A-Za-z][A-Za-z0-9_\-]*)\s*$")


@dataclass(frozen=True)
class AnswerFile:
    """A parsed answer file (see the module docstring)."""

    path: Path
    description: str
    fails: tuple[str, ...]
    cells: dict[str, str]  # grade_id of an answer cell -> its new source
    hidden_only: str = ""  # why no visible test can show this mistake ("" if one does)
    message: str = ""  # phrase every failed test's message contains (original/ files)

    @property
    def kind(self) -> str:
        """``wrong``, ``right`` or ``original``: the folder the file is kept in."""
        return self.path.parent.name

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
    headers = {"hidden-only": "", "message": ""}
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
        else:
            for key in headers:
                if line.startswith(f"# {key}:"):
                    headers[key] = line[len(key) + 3:].strip()
    if not description:
        raise ValueError(f"{path}: needs a docstring saying what the answer does")
    if fails is None:
        raise ValueError(f"{path}: needs a '# fails: ...' line ('none' for a right answer)")
    if not sections:
        raise ValueError(f"{path}: needs at least one '# %% <grade_id>' section")
    if path.parent.name == "original" and fails and not headers["message"]:
        raise ValueError(f"{path}: an original answer that loses marks needs a '# message: "
                         "<phrase>' line (what the failure message tells the learner)")
    sources = {gid: "\n".join(lines).strip("\n") for gid, lines in sections.items()}
    return AnswerFile(path, description, fails, sources, headers["hidden-only"],
                      headers["message"])


def answer_files(
    answers_dir: Path, assignment: str, notebook: str, kinds: tuple[str, ...] = ("wrong", "right")
) -> list[AnswerFile]:
    """The answer files of one notebook in the folders ``kinds`` (by default the wrong and the
    right ones, not ``original/``), in the order of ``kinds``, each group sorted by name."""
    base = answers_dir / assignment / notebook
    found = [path for kind in kinds for path in sorted((base / kind).glob("*.py"))]
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
