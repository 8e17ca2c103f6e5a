"""Grading a whole class with ``mml grade``: parallel workers, crash-safe reruns, exports.

One small class (``class_helpers.STUDENTS``: reference, blank, two wrong answers, a submission
that kills its kernel, a right answer written differently) of the quick assignment, graded in
separate course copies by separate ``mml grade`` processes:

* sequentially (``--jobs 1``): the reference gradebook;
* in parallel (``--jobs 2 --feedback --export-csv --export-course``): the same gradebook, the
  expected scores, feedback without hidden tests, CSV files matching the gradebook;
* killed with SIGKILL once the first student is complete, then run again: the same gradebook
  as the uninterrupted run, no process left behind, completed students not graded again;
* killed while it writes a student (after the gradebook transaction, or after the files and
  before the state file), then run again: again the uninterrupted run's gradebook;
* a rerun grades nothing, then only what changed (a new hand-in, a deleted autograded
  notebook), and ``--force`` grades again.
"""

from __future__ import annotations

import csv
import html
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from class_helpers import (
    ASSIGNMENT,
    NOTEBOOK,
    STUDENTS,
    alive,
    copy_course,
    descendants,
    env,
    expected_scores,
    grade,
    grade_command,
    handin,
    kept_students,
    processes_mentioning,
    shared_sequential,
    shared_template,
    summary,
    totals,
)

from mml.grading import cells, course, exports

pytestmark = pytest.mark.xdist_group("class-grading")


def _url(root: Path) -> str:
    return "sqlite:///" + str(root / "gradebook.db")


def _snapshot(root: Path) -> dict:
    return exports.gradebook_snapshot(_url(root), [ASSIGNMENT], "mml")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course with the release generated and the class handed in, not graded."""
    return shared_template(tmp_path_factory)


@pytest.fixture(scope="module")
def sequential(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The class graded by one uninterrupted ``mml grade --jobs 1``."""
    return shared_sequential(tmp_path_factory)


def test_sequential_scores_are_right(sequential: Path) -> None:
    """Every kind of hand-in gets the score it must (the crash scores zero, not a failure)."""
    assert totals(sequential) == expected_scores()


def test_parallel_equals_sequential(template: Path, sequential: Path, tmp_path: Path) -> None:
    """Two workers give the same gradebook; feedback and both CSV exports are written."""
    root = copy_course(template, tmp_path / "parallel")
    exported = root / "exports"
    done = grade(root, "--jobs", "2", "--feedback",
                 "--export-csv", str(exported / "la-w3.csv"),
                 "--export-course", str(exported / "course.csv"))
    assert summary(done) == {"total": 6, "graded": 6, "kept": 0, "failed": 0}, done.stderr
    assert "with 2 job(s)" in done.stderr
    assert _snapshot(root) == _snapshot(sequential)

    # feedback: every student, starts with the results, never shows hidden-test code
    source = cells.read(course.REPO_ROOT / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    shown = {line.strip() for cell in source.cells if cells.is_test(cell)
             for line in cells.split_secret(cell.source)[0]}
    hidden = {line.strip() for cell in source.cells if cells.is_test(cell)
              for line in cells.split_secret(cell.source)[1] if len(line.strip()) > 3} - shown
    for student in STUDENTS:
        page = root / "feedback" / student / ASSIGNMENT / f"{NOTEBOOK}.html"
        assert page.exists(), f"no feedback for {student}"
        text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
        assert "Your results" in text
        assert not [line for line in hidden if line in text], student

    # exports: what the gradebook says, in LMS form
    expected = expected_scores()
    full = max(expected.values())
    with open(exported / "la-w3.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["student_id", "score", "max_score", "percent"]
    assert {r[0]: (float(r[1]), float(r[2])) for r in rows[1:]} == {
        s: (v, full) for s, v in expected.items()
    }
    with open(exported / "course.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["student_id", ASSIGNMENT, "total", "max_total", "percent"]
    for row in rows[1:]:
        assert float(row[1]) == float(row[2]) == expected[row[0]]
        assert float(row[4]) == pytest.approx(100 * expected[row[0]] / full, abs=0.01)


def _complete(states: Path) -> set[str]:
    """Students with a state file (not the temporary ``.state-*`` of a write in progress)."""
    if not states.is_dir():
        return set()
    return {p.stem for p in states.glob("*.json") if not p.name.startswith(".")}


def test_sigkill_then_rerun_equals_uninterrupted(
    template: Path, sequential: Path, tmp_path: Path
) -> None:
    """Kill -9 once the first student is complete; the rerun finishes the job exactly."""
    root = copy_course(template, tmp_path / "killed")
    states = root / ".mml" / "grading" / ASSIGNMENT
    log = open(tmp_path / "killed.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(grade_command(root, "--jobs", "2"), cwd=root, env=env(),
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 300
    while not _complete(states):
        assert process.poll() is None, "mml grade ended before it could be killed"
        assert time.monotonic() < deadline, "no student completed in 300 s"
        time.sleep(0.05)
    below = descendants(process.pid)  # workers, their bwrap sandboxes and kernels
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    log.close()

    # the workers (forked: same command line) and their kernels die with the run
    deadline = time.monotonic() + 30
    while (alive(below) or processes_mentioning(str(root))) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not processes_mentioning(str(root)), "grading workers survived the kill"
    assert not alive(below), "sandboxes or kernels survived the kill"
    assert len(below) >= 2, "the run had no worker processes"
    complete = _complete(states)
    assert 1 <= len(complete) < len(STUDENTS), complete

    done = grade(root, "--jobs", "2")
    counts = summary(done)
    assert counts["failed"] == 0, done.stdout
    assert kept_students(done) == complete, done.stdout
    assert counts == {"total": 6, "graded": 6 - len(complete), "kept": len(complete),
                      "failed": 0}
    assert _snapshot(root) == _snapshot(sequential)
    for student in STUDENTS:
        assert (root / "autograded" / student / ASSIGNMENT / f"{NOTEBOOK}.ipynb").exists()


DIES_WHILE_WRITING = """
import os, signal, sys
from mml.cli import main
from mml.grading import scheduler

MOMENT, STOP_AT = sys.argv[1], int(sys.argv[2])
calls = []

def dying(original):
    def wrapper(*args, **kwargs):
        calls.append(1)
        if len(calls) == STOP_AT:  # the client dies: SIGKILL, in the middle of a student
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)
    return wrapper

setattr(scheduler, MOMENT, dying(getattr(scheduler, MOMENT)))
sys.exit(main(sys.argv[3:]))
"""


@pytest.mark.parametrize("moment", ["replace_folder", "write_state"])
def test_client_killed_while_writing_a_student_then_rerun(
    template: Path, sequential: Path, tmp_path: Path, moment: str
) -> None:
    """The client (the only writer) is killed with SIGKILL while it writes the second graded
    student: after that student's gradebook transaction (before its ``autograded/`` files),
    or after its files (before its state file). The rerun grades that student again and ends
    with the gradebook of the uninterrupted run."""
    root = copy_course(template, tmp_path / moment)
    command = grade_command(root, "--jobs", "2")
    killed = subprocess.run([sys.executable, "-c", DIES_WHILE_WRITING, moment, "2",
                             *command[command.index("grade"):]], cwd=root, env=env(),
                            capture_output=True, text=True, timeout=600, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-3000:]
    complete = _complete(root / ".mml" / "grading" / ASSIGNMENT)
    assert len(complete) == 1, complete
    in_gradebook = set(totals(root))
    assert len(in_gradebook) == 2 and complete < in_gradebook, in_gradebook

    done = grade(root, "--jobs", "2")
    assert kept_students(done) == complete, done.stdout
    assert summary(done) == {"total": 6, "graded": 5, "kept": 1, "failed": 0}, done.stderr
    assert _snapshot(root) == _snapshot(sequential)
    for student in STUDENTS:
        assert (root / "autograded" / student / ASSIGNMENT / f"{NOTEBOOK}.ipynb").exists()


def test_rerun_grades_only_what_changed(sequential: Path, tmp_path: Path) -> None:
    """Nothing changed: nothing graded. A new hand-in or a lost autograded notebook: that
    student only. ``--force``: graded again even though unchanged."""
    root = copy_course(sequential, tmp_path / "rerun")
    done = grade(root, "--jobs", "2")
    assert summary(done) == {"total": 6, "graded": 0, "kept": 6, "failed": 0}, done.stderr
    assert "nothing to grade" in done.stderr
    assert totals(root) == expected_scores()

    handin(root, "b-blank", "reference")  # b hands in again, now right
    (root / "autograded" / "c-wrong" / ASSIGNMENT / f"{NOTEBOOK}.ipynb").chmod(0o644)
    (root / "autograded" / "c-wrong" / ASSIGNMENT / f"{NOTEBOOK}.ipynb").unlink()
    done = grade(root, "--jobs", "2")
    assert summary(done)["graded"] == 2, done.stdout
    assert kept_students(done) == set(STUDENTS) - {"b-blank", "c-wrong"}
    scores = totals(root)
    assert scores["b-blank"] == expected_scores()["a-reference"]
    assert scores["c-wrong"] == expected_scores()["c-wrong"]

    done = grade(root, "--student", "d-wrong", "--force")
    assert summary(done) == {"total": 1, "graded": 1, "kept": 0, "failed": 0}, done.stderr
    assert totals(root)["d-wrong"] == expected_scores()["d-wrong"]
