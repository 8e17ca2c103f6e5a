"""The gradebook in PostgreSQL: a real server, parallel workers, the same grades as SQLite.

A PostgreSQL server (Debian's ``postgresql`` package, installed by ``.ci/run``) is started on a
temporary directory and a free loopback port (:class:`pgtest.TemporaryPostgres`). The small
class of ``class_helpers`` is generated into it and graded by ``mml grade --jobs 2``; its
gradebook must hold exactly what the same class graded into SQLite holds (the shared course of
``test_class_grading``), a rerun must keep everything, and the course export must read it.

Without the PostgreSQL programs the test is skipped with the reason, except in CI (``CI`` set),
where it fails: CI installs them.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from class_helpers import (
    ASSIGNMENT,
    STUDENTS,
    copy_course,
    expected_scores,
    generate,
    grade,
    shared_sequential,
    shared_template,
    summary,
    totals,
)
from pgtest import TemporaryPostgres, find_postgres_bin

from mml.grading import exports

pytestmark = pytest.mark.xdist_group("postgres")


@pytest.fixture(scope="module")
def postgres():
    if find_postgres_bin() is None:
        reason = "PostgreSQL server programs (initdb, pg_ctl) not found: apt-get install postgresql"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must run the PostgreSQL test)")
        pytest.skip(reason)
    with TemporaryPostgres() as server:
        yield server


def test_postgres_gradebook_matches_sqlite(
    postgres: TemporaryPostgres, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    root = copy_course(shared_template(tmp_path_factory), tmp_path / "postgres")
    generate(root, postgres.url)  # the assignment into the PostgreSQL gradebook
    done = grade(root, "--jobs", "2", "--export-course", str(root / "course.csv"),
                 db_url=postgres.url)
    assert summary(done) == {"total": 6, "graded": 6, "kept": 0, "failed": 0}, done.stderr
    local = exports.gradebook_snapshot("sqlite:///" + str(root / "gradebook.db"))
    assert local["rows"]["submitted_assignment"] == 0, "grades went to SQLite, not PostgreSQL"

    sqlite = shared_sequential(tmp_path_factory)
    pg = exports.gradebook_snapshot(postgres.url, [ASSIGNMENT], "mml")
    lite = exports.gradebook_snapshot("sqlite:///" + str(sqlite / "gradebook.db"),
                                      [ASSIGNMENT], "mml")
    assert pg["grades"] == lite["grades"]
    assert pg["comments"] == lite["comments"]
    assert pg["rows"] == lite["rows"]
    assert totals(root, postgres.url) == expected_scores()

    # a rerun against PostgreSQL keeps everything; the export read PostgreSQL
    again = grade(root, "--jobs", "2", db_url=postgres.url)
    assert summary(again)["kept"] == len(STUDENTS), again.stderr
    with open(root / "course.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert {r[0]: float(r[-3]) for r in rows[1:]} == expected_scores()
