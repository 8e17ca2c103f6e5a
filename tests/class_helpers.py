"""A small class for the class-grading tests: one quick assignment, six kinds of hand-in.

:func:`build_course` makes a course directory with ``la-w3-special-matrices`` cut down to its
graded cells (the demonstration cells cost seconds and test nothing about grading), generates
its release into the gradebook and hands in :data:`STUDENTS`; :func:`grade` runs ``mml grade``
on it as a separate process, like an instructor would.
"""

from __future__ import annotations

import copy
import fcntl
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mml.authoring import classroom, submissions
from mml.grading import cells, course

ASSIGNMENT = "la-w3-special-matrices"
NOTEBOOK = "special_matrices"
ANSWERS_DIR = course.REPO_ROOT / "tests" / "answers"

#: student -> kind of hand-in
STUDENTS = {
    "a-reference": "reference",
    "b-blank": "blank",
    "c-wrong": "wrong0",
    "d-wrong": "wrong1",
    "e-crash": "crash",
    "f-right": "right0",
}


def env(db_url: str | None = None) -> dict[str, str]:
    """Environment for nbgrader and ``mml grade``: SQLite in the course unless ``db_url``."""
    result = course.tool_env()
    result.pop("MML_DB_URL", None)
    if db_url:
        result["MML_DB_URL"] = db_url
    result["MML_UNATTENDED"] = "1"
    return result


def _quick_source(root: Path, assignment: str) -> None:
    """``source/<assignment>``: only :data:`NOTEBOOK` of the quick assignment, cut down to its
    graded cells (other notebooks the assignment may gain do not change these tests)."""
    folder = root / "source" / assignment
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    nb = cells.read(course.REPO_ROOT / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    nb.cells = [c for c in nb.cells if cells.nbgrader_meta(c)]
    cells.write(nb, folder / f"{NOTEBOOK}.ipynb")


def generate(root: Path, db_url: str | None = None, assignment: str = ASSIGNMENT) -> None:
    """``nbgrader generate_assignment`` into the course's gradebook (or ``db_url``)."""
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
        cwd=root, env=env(db_url), capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def handin(root: Path, student: str, kind: str, assignment: str = ASSIGNMENT) -> None:
    """Write one student's submission of the given kind (of a copy of the quick assignment)."""
    source_nb = cells.read(root / "source" / assignment / f"{NOTEBOOK}.ipynb")
    release_nb = cells.read(root / "release" / assignment / f"{NOTEBOOK}.ipynb")
    answers = submissions.answer_files(ANSWERS_DIR, ASSIGNMENT, NOTEBOOK)
    wrong = [a for a in answers if not a.is_right]
    right = [a for a in answers if a.is_right]
    reference = submissions.reference_submission(source_nb, release_nb)
    if kind == "reference":
        nb = reference
    elif kind == "blank":
        nb = release_nb
    elif kind.startswith("wrong"):
        nb = submissions.answer_submission(source_nb, release_nb, wrong[int(kind[5:])])
    elif kind.startswith("right"):
        nb = submissions.answer_submission(source_nb, release_nb, right[int(kind[5:])])
    elif kind == "crash":
        nb = copy.deepcopy(reference)
        cell = next(c for c in nb.cells if cells.is_solution(c))
        cell.source = "import os\nos._exit(1)\n" + cell.source
    else:  # pragma: no cover
        raise ValueError(kind)
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    cells.write(nb, folder / f"{NOTEBOOK}.ipynb")
    (folder / "timestamp.txt").write_text("2026-01-05 09:00:00.000000 UTC\n")


def build_course(root: Path, students: dict[str, str] = STUDENTS,
                 db_url: str | None = None) -> Path:
    """A course at ``root`` with the slimmed assignment generated and ``students`` handed in."""
    classroom.make_course(root, [])
    _quick_source(root, ASSIGNMENT)
    generate(root, db_url)
    for student, kind in students.items():
        handin(root, student, kind)
    return root


#: six copies of the quick assignment, handed in by one new student: :func:`build_race_course`
RACE_ASSIGNMENTS = [f"la-w3-race-{k}" for k in range(1, 7)]
RACE_STUDENT = "solo"


def build_race_course(root: Path, db_url: str | None = None) -> Path:
    """A course where ONE student, not yet in the gradebook, hands in six assignments.

    Each assignment is a copy of the slimmed quick assignment (a few seconds to grade), so
    parallel workers start grading the same new student at the same moment: the situation in
    which two workers used to create the same student row at once (issue 17).
    """
    classroom.make_course(root, [])
    for name in RACE_ASSIGNMENTS:
        _quick_source(root, name)
        generate(root, db_url, name)
        handin(root, RACE_STUDENT, "reference", name)
    return root


def copy_course(source: Path, target: Path) -> Path:
    """A copy of a course directory (gradebook, state files and times included)."""
    shutil.copytree(source, target, symlinks=True)
    return target


def grade_command(root: Path, *args: str, assignments: Sequence[str] = (ASSIGNMENT,)) -> list[str]:
    """The ``mml grade`` command line for the course at ``root``."""
    return [sys.executable, "-m", "mml.cli", "grade", *assignments, "--course-dir", str(root),
            "--no-progress", *args]


def grade(root: Path, *args: str, db_url: str | None = None,
          assignments: Sequence[str] = (ASSIGNMENT,)) -> subprocess.CompletedProcess:
    """Run ``mml grade`` on the course (a separate process); fail on a refusal."""
    done = subprocess.run(grade_command(root, *args, assignments=assignments), cwd=root,
                          env=env(db_url), capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode in (0, 1), done.stderr[-3000:]
    return done


def summary(done: subprocess.CompletedProcess, assignment: str = ASSIGNMENT) -> dict[str, int]:
    """``graded``, ``kept`` and ``failed`` counts from the summary line of ``mml grade``
    (``assignment="all"``: the line that adds up several assignments)."""
    match = re.search(
        re.escape(assignment) + r": (\d+) submission\(s\), (\d+) graded, (\d+) unchanged "
        r"and kept.*?(\d+) failed",
        done.stderr,
    )
    assert match, done.stderr[-2000:]
    total, graded, kept, failed = (int(g) for g in match.groups())
    return {"total": total, "graded": graded, "kept": kept, "failed": failed}


def kept_students(done: subprocess.CompletedProcess) -> set[str]:
    """Students the table marks as kept (not regraded)."""
    return {line.split()[0] for line in done.stdout.splitlines() if re.search(r"\skept\s", line)}


def expected_scores() -> dict[str, float]:
    """The total each kind of hand-in must score (from the source notebook and answer files)."""
    source_nb = cells.read(course.REPO_ROOT / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    points = cells.test_points(source_nb)
    answers = submissions.answer_files(ANSWERS_DIR, ASSIGNMENT, NOTEBOOK)
    wrong = [a for a in answers if not a.is_right]
    full = sum(points.values())
    result = {}
    for student, kind in STUDENTS.items():
        if kind in ("reference",) or kind.startswith("right"):
            result[student] = full
        elif kind in ("blank", "crash"):
            result[student] = 0.0
        else:
            lost = wrong[int(kind[5:])].fails
            result[student] = full - sum(points[g] for g in lost)
    return result


def totals(root: Path, db_url: str | None = None) -> dict[str, float]:
    """Each student's total score in the gradebook."""
    found = classroom.read_scores(db_url or "sqlite:///" + str(root / "gradebook.db"), ASSIGNMENT)
    return {s: sum(c.score for nb in per.values() for c in nb.values()) for s, per in found.items()}


def processes_mentioning(text: str) -> list[int]:
    """Pids of the processes whose command line contains ``text``."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                cmdline = handle.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if text in cmdline:
            found.append(int(pid))
    return found


def _shared(tmp_path_factory: Any, name: str, build: Callable[[Path], None]) -> Path:
    """A folder built once per test run, shared by the xdist workers (built under a lock).

    Whichever worker gets here first builds it; the others wait and reuse it, so the shared
    courses are built once even when the tests using them run on different workers.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, common to all workers
    target = base / f"class-grading-{name}"
    with open(base / f"class-grading-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / ".complete").exists():
            if target.exists():
                shutil.rmtree(target)
            build(target)
            (target / ".complete").write_text("")
    return target


def shared_template(tmp_path_factory: Any) -> Path:
    """The course with the release generated and :data:`STUDENTS` handed in, not graded."""
    return _shared(tmp_path_factory, "template", build_course)


def shared_sequential(tmp_path_factory: Any) -> Path:
    """The template graded by one uninterrupted ``mml grade --jobs 1`` (SQLite)."""
    template = shared_template(tmp_path_factory)

    def build(root: Path) -> None:
        copy_course(template, root)
        (root / ".complete").unlink()
        done = grade(root, "--jobs", "1")
        assert summary(done) == {"total": 6, "graded": 6, "kept": 0, "failed": 0}, done.stderr

    return _shared(tmp_path_factory, "sequential", build)


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    fields = data[data.rfind(b")") + 2:].split()
    return fields[0].decode(), int(fields[1])


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, grandchildren, ...)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            info = _stat(int(entry))
            if info is not None:
                parents.setdefault(info[1], []).append(int(entry))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    """The processes of ``pids`` that still run (zombies count as dead)."""
    return {p for p in pids if (info := _stat(p)) is not None and info[0] != "Z"}
