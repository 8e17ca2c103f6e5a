"""Instructor mistakes and grader resources, caught by ``mml grade`` before anyone is graded.

Each case runs ``mml grade`` as a separate process on a copy of the small class course
(``class_helpers``) and checks the exit code, a plain message (never a traceback) and that
nothing was graded when the run was refused:

* a syntax error, an exception or a misspelt option in ``nbgrader_config.py``;
* ``--feedback`` with feedback preprocessors that would show the hidden tests;
* limit flags out of range (``--notebook-timeout -1``, ``--memory 0``, ``--timeout 0``, ...);
* a corrupt gradebook;
* a second ``mml grade`` on a course that is being graded (the course lock);
* a 150 MB submitted notebook: refused unopened, with the reason (it scores zero).

The memory limit of each grading worker is tested with the Dask engine (``test_dask.py``).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

import pytest
from class_helpers import (
    ASSIGNMENT,
    NOTEBOOK,
    copy_course,
    env,
    grade_command,
    shared_template,
    summary,
)

pytestmark = pytest.mark.xdist_group("class-grading")


@pytest.fixture()
def course_copy(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return copy_course(shared_template(tmp_path_factory), tmp_path / "course")


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(grade_command(root, *args), cwd=root, env=env(), capture_output=True,
                          text=True, timeout=600, check=False)


def _refused(done: subprocess.CompletedProcess, root: Path, *phrases: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    for phrase in phrases:
        assert phrase in done.stderr, done.stderr
    assert not (root / "autograded").exists(), "a refused run graded someone"


def test_syntax_error_in_config_stops_grading(course_copy: Path) -> None:
    config = course_copy / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.Execute.timeout = = 5\n")
    done = _run(course_copy, "--student", "a-reference")
    _refused(done, course_copy, "cannot be used", "syntax error", "nbgrader_config.py",
             "nobody was graded")


def test_exception_in_config_stops_grading(course_copy: Path) -> None:
    config = course_copy / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.Sandbox.memory_limit = MEMORY\n")
    done = _run(course_copy, "--student", "a-reference")
    _refused(done, course_copy, "NameError: name 'MEMORY' is not defined")


def test_unknown_options_in_config_stop_grading(course_copy: Path) -> None:
    config = course_copy / "nbgrader_config.py"
    config.write_text(config.read_text()
                      + '\nc.Sandbox.memory_limt = "1G"\nc.ClearHidenTests.x = 1\n')
    done = _run(course_copy, "--student", "a-reference")
    _refused(done, course_copy, "c.Sandbox.memory_limt: Sandbox has no option memory_limt "
             "(did you mean c.Sandbox.memory_limit?)", "c.ClearHidenTests: no such configurable "
             "(did you mean c.ClearHiddenTests?)")


def test_limit_out_of_range_in_config_stops_grading(course_copy: Path) -> None:
    config = course_copy / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.Execute.timeout = 0\n")
    done = _run(course_copy, "--student", "a-reference")
    _refused(done, course_copy, "Execute.timeout = 0: must be at least 1")


def test_feedback_that_would_show_hidden_tests_is_refused(course_copy: Path) -> None:
    config = course_copy / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.GenerateFeedback.preprocessors = [GetGrades]\n")
    done = _run(course_copy, "--student", "a-reference", "--feedback")
    _refused(done, course_copy, "no feedback can be written", "HideHiddenTests",
             "would show the hidden tests", "nobody was graded")


@pytest.mark.parametrize(("flag", "value", "phrase"), [
    ("--notebook-timeout", "-1", "-1 is not allowed: it must be at least 1"),
    ("--timeout", "0", "0 is not allowed: it must be at least 1"),
    ("--memory", "0", "0 is not allowed: a size limit must be more than 0"),
    ("--memory", "lots", "not a size: 'lots'"),
    ("--processes", "0", "0 is not allowed"),
    ("--worker-memory", "0M", "0M is not allowed"),
    ("--max-notebook-size", "5X", "not a size"),
])
def test_limit_flags_are_range_checked(
    course_copy: Path, flag: str, value: str, phrase: str
) -> None:
    done = _run(course_copy, "--student", "a-reference", flag, value)
    _refused(done, course_copy, f"argument {flag}: {phrase}")


def test_corrupt_gradebook_gets_a_plain_message(course_copy: Path) -> None:
    (course_copy / "gradebook.db").write_bytes(b"this is not a database\n" * 100)
    done = _run(course_copy, "--student", "a-reference")
    _refused(done, course_copy, "the gradebook sqlite:///", "cannot be used",
             "file is not a database", "Restore it from a backup")


def test_second_run_on_the_same_course_is_refused(course_copy: Path) -> None:
    """While one run holds the course lock, a second is refused and says why."""
    from mml.grading.command import run_lock  # noqa: PLC0415

    with run_lock(str(course_copy)):
        done = _run(course_copy, "--student", "a-reference")
    _refused(done, course_copy, "another `mml grade` is grading", f"pid {os.getpid()}",
             "wait until it has finished")
    lock = course_copy / ".mml" / "grading" / "run.lock"
    with open(lock) as handle:  # released: anyone may take it now
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_huge_notebook_is_refused_unopened(course_copy: Path) -> None:
    """A 150 MB notebook scores zero with the reason; it is never read (a sparse file of
    zeros: opening it as JSON would fail differently)."""
    notebook = course_copy / "submitted" / "b-blank" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    with open(notebook, "r+b") as handle:
        handle.truncate(150 * 1024 * 1024)
    done = _run(course_copy, "--student", "b-blank")
    assert done.returncode == 0, done.stderr[-3000:]
    assert summary(done) == {"total": 1, "graded": 1, "kept": 0, "failed": 0}
    row = next(line for line in done.stdout.splitlines() if line.startswith("b-blank"))
    assert f"{NOTEBOOK}.ipynb is too large to grade (150.0 MB; the limit is 50.0 MB" in row, row
    assert " 0 / " in row, row
