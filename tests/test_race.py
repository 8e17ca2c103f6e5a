"""Parallel grading of ONE new student's many hand-ins (issue 17), and honest summaries.

One student who is not yet in the gradebook hands in six short assignments
(``class_helpers.build_race_course``), so that ``mml grade --jobs 2`` starts grading the same new
student in two workers at the same moment: the moment in which both used to create the student
row and one of them lost its assignment. Graded several times over, each time from a fresh
gradebook, the result must equal a sequential run's, on SQLite and on PostgreSQL.

And the summary never contradicts the table: a grading that fails (here: nbgrader refuses a
hand-in whose ``timestamp.txt`` is not a time) is counted as failed, named with its reason, and the
exit code says so.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from class_helpers import (
    RACE_ASSIGNMENTS,
    RACE_STUDENT,
    build_race_course,
    copy_course,
    generate,
    grade,
    summary,
)
from pgtest import TemporaryPostgres, find_postgres_bin

from mml.grading import exports

pytestmark = pytest.mark.xdist_group("race")

#: fresh-gradebook runs per database: each one meets the race with two new-student tasks
REPEATS = 3


def _sqlite(root: Path) -> str:
    return "sqlite:///" + str(root / "gradebook.db")


def _snapshot(url: str) -> dict:
    return exports.gradebook_snapshot(url, RACE_ASSIGNMENTS, "mml")


def _grade_all(root: Path, jobs: int, db_url: str | None = None) -> None:
    done = grade(root, "--jobs", str(jobs), db_url=db_url, assignments=RACE_ASSIGNMENTS)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    for name in RACE_ASSIGNMENTS:
        assert summary(done, name) == {"total": 1, "graded": 1, "kept": 0, "failed": 0}, (
            done.stdout + done.stderr
        )
    assert summary(done, "all") == {"total": 6, "graded": 6, "kept": 0, "failed": 0}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course generated (SQLite) and handed in, not graded."""
    return build_race_course(tmp_path_factory.mktemp("race") / "template")


@pytest.fixture(scope="module")
def sequential(template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The gradebook of one ``--jobs 1`` run: what every parallel run must give."""
    root = copy_course(template, tmp_path_factory.mktemp("race") / "sequential")
    _grade_all(root, 1)
    snapshot = _snapshot(_sqlite(root))
    assert snapshot["rows"]["student"] == 1
    assert len(snapshot["submissions"]) == len(RACE_ASSIGNMENTS)
    return snapshot


def test_one_new_student_many_assignments_sqlite(
    template: Path, sequential: dict, tmp_path: Path
) -> None:
    for attempt in range(REPEATS):
        root = copy_course(template, tmp_path / f"run{attempt}")
        _grade_all(root, 2)
        assert _snapshot(_sqlite(root)) == sequential, f"run {attempt}"
        for name in RACE_ASSIGNMENTS:
            assert (root / "autograded" / RACE_STUDENT / name).is_dir(), (attempt, name)


def test_one_new_student_many_assignments_postgres(
    template: Path, sequential: dict, tmp_path: Path
) -> None:
    if find_postgres_bin() is None:
        reason = "PostgreSQL server programs (initdb, pg_ctl) not found"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must run the PostgreSQL test)")
        pytest.skip(reason)
    with TemporaryPostgres() as server:
        generated = copy_course(template, tmp_path / "generated")
        for name in RACE_ASSIGNMENTS:
            generate(generated, server.url, name)
        for attempt in range(REPEATS):
            url = server.create_database(f"run{attempt}", template=server.database)
            root = copy_course(template, tmp_path / f"run{attempt}")
            _grade_all(root, 2, db_url=url)
            found = _snapshot(url)
            for part in ("grades", "comments", "rows"):  # timestamps: each database's form
                assert found[part] == sequential[part], (attempt, part)
            assert set(found["submissions"]) == set(sequential["submissions"]), attempt


def test_a_failed_grading_is_counted_as_failed(template: Path, tmp_path: Path) -> None:
    """One task fails on purpose: the table names why, the summary counts it, exit code 1."""
    root = copy_course(template, tmp_path / "broken")
    broken = RACE_ASSIGNMENTS[2]
    (root / "submitted" / RACE_STUDENT / broken / "timestamp.txt").write_text("not a time\n")
    done = grade(root, "--jobs", "2", assignments=RACE_ASSIGNMENTS[:3])
    assert done.returncode == 1, done.stderr[-3000:]
    assert summary(done, broken) == {"total": 1, "graded": 0, "kept": 0, "failed": 1}
    assert summary(done, "all") == {"total": 3, "graded": 2, "kept": 0, "failed": 1}
    row = [line for line in done.stdout.splitlines() if line.startswith(RACE_STUDENT)]
    assert any("grading failed: timestamp.txt is not a date and time ('not a time')" in line
               for line in row), done.stdout
    assert f"{broken}/{RACE_STUDENT}" in done.stderr, done.stderr
