"""Grade a whole assignment once, with every kind of submission the tests need.

For one assignment this builds a temporary nbgrader course (the repository's config and
sources), generates its release, hands in, per notebook, the reference answers (student
``reference``), the untouched release (student ``blank``) and every answer file of
``tests/answers`` (one student each, cut after its last test cell), runs one real
``nbgrader autograde`` over all of them, reads the gradebook and generates everyone's feedback.
``conftest.py`` caches the result per process; the test modules group their tests by
assignment (pytest-xdist ``loadgroup``), so each assignment is graded exactly once per run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mml.authoring import classroom, submissions
from mml.authoring.classroom import CellScore
from mml.grading import cells, course

ANSWERS_DIR = course.REPO_ROOT / "tests" / "answers"


def case_student(notebook: str, answer: submissions.AnswerFile) -> str:
    """Student id under which an answer file is handed in."""
    return f"{answer.kind}-{notebook}-{answer.name}".replace("_", "-")


def visible_tests(nb) -> set[str]:  # noqa: ANN001 - a NotebookNode
    """Grade ids of the test cells a learner can run: those with code outside the hidden part."""
    return {
        cells.grade_id(c) for c in nb.cells
        if cells.is_test(c) and any(
            line.strip() and not line.strip().startswith("#")
            for line in cells.split_secret(c.source)[0]
        )
    }


@dataclass
class GradedAssignment:
    """Everything the tests assert on, for one assignment."""

    name: str
    root: Path
    scores: dict[str, dict[str, dict[str, CellScore]]]
    answers: dict[str, list[submissions.AnswerFile]] = field(default_factory=dict)

    def notebook_scores(self, student: str, notebook: str) -> dict[str, CellScore]:
        return self.scores.get(student, {}).get(notebook, {})

    def autograded(self, student: str, notebook: str) -> Path:
        return self.root / "autograded" / student / self.name / f"{notebook}.ipynb"

    def feedback(self, student: str, notebook: str) -> Path:
        return self.root / "feedback" / student / self.name / f"{notebook}.html"


def all_answer_files() -> list[tuple[str, str, submissions.AnswerFile]]:
    """``(assignment, notebook, answer)`` for every answer file of every source notebook."""
    found = []
    for assignment in course.assignments():
        for notebook in course.notebooks_of(assignment):
            for answer in submissions.answer_files(
                ANSWERS_DIR, assignment, notebook, submissions.KINDS
            ):
                found.append((assignment, notebook, answer))
    return found


def up_to_last_test(nb):  # noqa: ANN001, ANN201 - a NotebookNode in, the same out
    """Drop the cells after the last test cell: they cannot change a grade, and leaving the
    payoff and "going further" out of the ~15 answer-file runs per notebook saves about 40% of
    the harness's time (the reference and blank students still run every cell)."""
    last = max((i for i, c in enumerate(nb.cells) if cells.is_test(c)), default=None)
    if last is not None:
        del nb.cells[last + 1:]
    return nb


def grade(assignment: str, root: Path) -> GradedAssignment:
    """Grade ``assignment`` in a new course directory ``root`` (see the module docstring)."""
    classroom.make_course(root, [assignment])
    classroom.nbgrader("generate_assignment", assignment, "--force", root=root)
    result = GradedAssignment(assignment, root, {})
    for notebook in course.notebooks_of(assignment, root):
        source_nb = cells.read(root / "source" / assignment / f"{notebook}.ipynb")
        release_path = root / "release" / assignment / f"{notebook}.ipynb"
        release_nb = cells.read(release_path)
        handins = {
            "reference": submissions.reference_submission(source_nb, release_nb),
            "blank": release_nb,
        }
        answers = submissions.answer_files(ANSWERS_DIR, assignment, notebook, submissions.KINDS)
        result.answers[notebook] = answers
        for answer in answers:
            handins[case_student(notebook, answer)] = up_to_last_test(
                submissions.answer_submission(source_nb, release_nb, answer)
            )
        for student, nb in handins.items():
            target = root / "submitted" / student / assignment / f"{notebook}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            cells.write(nb, target)
    classroom.nbgrader("autograde", assignment, "--force", "--create", root=root)
    classroom.nbgrader("generate_feedback", assignment, "--force", root=root)
    result.scores = classroom.read_scores(course.db_url(root), assignment)
    return result

