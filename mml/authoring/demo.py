"""Build, grade and report a demo class: what ``make demo`` runs.

Steps, all with nbgrader on the repository's course directory:

1. regenerate ``release/`` for every assignment in ``source/``;
2. hand in, for every notebook, four demo students into ``submitted/``:
   ``demo-reference`` (the reference answers), ``demo-blank`` (the untouched release),
   ``demo-mistakes`` (one typical mistake per notebook, from ``tests/answers/*/wrong``) and
   ``demo-other-way`` (a correct answer written differently, from ``tests/answers/*/right``);
3. grade them with ``mml grade`` (sandboxed, in parallel) into ``autograded/`` and the
   gradebook, with feedback in ``feedback/``;
4. export the course grades to ``exports/grades.csv`` and print a student × assignment table.

Submissions carry a fixed timestamp, so running it twice gives the same gradebook and table.
Only the ``demo-*`` students are written; other students' work is left alone. The demo students
get names in the gradebook, so Formgrader lists them by name.

Where the grading sandbox cannot run (no bubblewrap, or the kernel forbids user namespaces), the
demo says why in one paragraph and grades the demo class without the sandbox: its submissions
are the course's own trusted answers. ``mml grade`` on a real class still refuses.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from mml.authoring import classroom, submissions
from mml.grading import cells, course, sandbox

ANSWERS_DIR = course.REPO_ROOT / "tests" / "answers"
TIMESTAMP = "2026-01-05 09:00:00.000000 UTC"
STUDENTS = ("demo-reference", "demo-blank", "demo-mistakes", "demo-other-way")
#: (first name, last name) shown by Formgrader for each demo student
NAMES = {
    "demo-reference": ("Rita", "Reference"),
    "demo-blank": ("Bill", "Blank"),
    "demo-mistakes": ("Mia", "Mistakes"),
    "demo-other-way": ("Otto", "Otherway"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--release-only", action="store_true", help="only regenerate release/ and stop"
    )
    parser.add_argument(
        "--assignment", action="append", default=None,
        help="limit to this assignment (repeatable); default: all in source/",
    )


def release(root: Path, assignments: list[str]) -> None:
    """Regenerate ``release/<assignment>`` from ``source/`` for each assignment."""
    for name in assignments:
        classroom.nbgrader("generate_assignment", name, "--force", root=root)


def _pick(answers: list[submissions.AnswerFile], right: bool) -> submissions.AnswerFile | None:
    chosen = [a for a in answers if a.is_right == right]
    return chosen[0] if chosen else None


def hand_in(root: Path, assignment: str) -> None:
    """Write the four demo students' submissions of one assignment into ``submitted/``."""
    for notebook in course.notebooks_of(assignment, root):
        source_nb = cells.read(root / "source" / assignment / f"{notebook}.ipynb")
        release_nb = cells.read(root / "release" / assignment / f"{notebook}.ipynb")
        answers = submissions.answer_files(ANSWERS_DIR, assignment, notebook)
        reference = submissions.reference_submission(source_nb, release_nb)
        wrong, right = _pick(answers, right=False), _pick(answers, right=True)
        handins = {
            "demo-reference": reference,
            "demo-blank": release_nb,
            "demo-mistakes": (
                submissions.answer_submission(source_nb, release_nb, wrong) if wrong else reference
            ),
            "demo-other-way": (
                submissions.answer_submission(source_nb, release_nb, right) if right else reference
            ),
        }
        for student, nb in handins.items():
            folder = root / "submitted" / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            cells.write(nb, folder / f"{notebook}.ipynb")
            (folder / "timestamp.txt").write_text(TIMESTAMP + "\n")


def name_students(root: Path) -> None:
    """Give the demo students their names in the gradebook (Formgrader lists students by name)."""
    from nbgrader.api import Gradebook  # noqa: PLC0415 - nbgrader is slow to import

    with Gradebook(course.db_url(root)) as gb:
        for student, (first, last) in NAMES.items():
            gb.update_or_create_student(student, first_name=first, last_name=last)


def sandbox_flags() -> list[str]:
    """``mml grade`` flags for the demo: none when the sandbox works, else say why and go on
    without it (the demo's submissions are the course's own answers, not students' code)."""
    problem = sandbox.bwrap_problem()
    if problem is None:
        return []
    print(f"The grading sandbox cannot run here. {problem}\n"
          "The demo class hands in only the course's own answers, so it is graded WITHOUT the "
          "sandbox; a real class still needs it.", flush=True)
    return ["--unsafe-no-sandbox"]


def score_table(root: Path, assignments: list[str], students: tuple[str, ...]) -> str:
    """A plain-text table: one row per student, one column per assignment, plus the total."""
    header = ["student"] + ["-".join(a.split("-")[:2]) for a in assignments] + ["total"]
    rows = [header]
    url = course.db_url(root)
    per_assignment = {a: classroom.read_scores(url, a) for a in assignments}
    for student in students:
        row, got, out_of = [student], 0.0, 0.0
        for name in assignments:
            max_points = _max_points(root, name)
            scores = per_assignment[name].get(student, {})
            score = sum(s.score for nb in scores.values() for s in nb.values())
            row.append(f"{score:g}/{max_points:g}" if max_points else "ungraded")
            got, out_of = got + score, out_of + max_points
        row.append(f"{got:g}/{out_of:g} ({100 * got / out_of:.0f}%)" if out_of else "-")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _max_points(root: Path, assignment: str) -> float:
    return sum(
        sum(cells.test_points(cells.read(p)).values())
        for p in (root / "source" / assignment).glob("*.ipynb")
    )


def run(args: argparse.Namespace) -> int:
    root = course.REPO_ROOT
    names = args.assignment or course.assignments(root)
    started = time.monotonic()
    print(f"Regenerating release/ for {len(names)} assignments ...", flush=True)
    release(root, names)
    if args.release_only:
        return 0
    for name in names:
        hand_in(root, name)
    exports = root / "exports"
    exports.mkdir(exist_ok=True)
    students = [arg for student in STUDENTS for arg in ("--student", student)]
    unsafe = sandbox_flags()
    how = "WITHOUT the sandbox" if unsafe else "sandboxed"
    print(f"Grading {len(STUDENTS)} students x {len(names)} assignments with `mml grade` "
          f"({how}, parallel; unchanged submissions are not graded again) ...", flush=True)
    graded = subprocess.run(
        [sys.executable, "-m", "mml.cli", "grade", *names, *students, "--course-dir", str(root),
         "--feedback", "--export-course", str(exports / "grades.csv"), *unsafe],
        env=course.tool_env(), check=False,
    )
    if graded.returncode not in (0, 1):  # 1: some notebook had a problem, reported above
        print(f"mml demo: grading stopped (exit {graded.returncode}); see the messages above.")
        return graded.returncode
    name_students(root)
    print()
    print(score_table(root, names, STUDENTS))
    print()
    if unsafe:
        print("Graded the demo class WITHOUT the sandbox (see above why).")
    print("autograded/: executed notebooks   feedback/: HTML per student and notebook")
    print(f"exports/grades.csv: course grades  ({time.monotonic() - started:.0f} s)")
    return 0
