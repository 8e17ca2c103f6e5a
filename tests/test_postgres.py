"""The gradebook in PostgreSQL: a real server, parallel workers, the same grades as SQLite.

A PostgreSQL server (Debian's ``postgresql`` package, installed by ``.ci/run``) is started on a
temporary directory and a free loopback port (:class:`mml.pgtest.TemporaryPostgres`). One small
class is generated into it and graded by ``mml grade --jobs 2``; the same class is graded into
SQLite; both gradebooks must hold the same grades, and the course export must read the same.

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
    build_course,
    copy_course,
    expected_scores,
    generate,
    grade,
    summary,
    totals,
)

from mml import exports
from mml.pgtest import TemporaryPostgres, find_postgres_bin

pytestmark = pytest.mark.xdist_group("postgres")

STUDENTS = {"a-reference": "reference", "b-blank": "blank", "c-wrong": "wrong0",
            "e-crash": "crash"}


@pytest.fixture(scope="module")
def postgres():
    if find_postgres_bin() is None:
        reason = "PostgreSQL server programs (initdb, pg_ctl) not found: apt-get install postgresql"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must run the PostgreSQL test)")
        pytest.skip(reason)
    with TemporaryPostgres() as server:
        yield server


def test_postgres_gradebook_matches_sqlite(postgres: TemporaryPostgres, tmp_path: Path) -> None:
    sqlite_root = build_course(tmp_path / "sqlite", STUDENTS)
    pg_root = copy_course(sqlite_root, tmp_path / "postgres")
    generate(pg_root, postgres.url)  # the assignment into the PostgreSQL gradebook

    done = grade(pg_root, "--jobs", "2", "--export-course", str(pg_root / "course.csv"),
                 db_url=postgres.url)
    assert summary(done) == {"total": 4, "graded": 4, "kept": 0, "failed": 0}, done.stderr
    local = exports.gradebook_snapshot("sqlite:///" + str(pg_root / "gradebook.db"))
    assert local["rows"]["submitted_assignment"] == 0, "grades went to SQLite, not PostgreSQL"
    grade(sqlite_root, "--jobs", "1")

    pg = exports.gradebook_snapshot(postgres.url, [ASSIGNMENT], "mml")
    lite = exports.gradebook_snapshot("sqlite:///" + str(sqlite_root / "gradebook.db"),
                                      [ASSIGNMENT], "mml")
    assert pg["grades"] == lite["grades"]
    assert pg["comments"] == lite["comments"]
    assert pg["rows"] == lite["rows"]
    expected = {s: v for s, v in expected_scores().items() if s in STUDENTS}
    assert totals(pg_root, postgres.url) == expected

    # a rerun against PostgreSQL keeps everything; the export reads PostgreSQL
    again = grade(pg_root, "--jobs", "2", db_url=postgres.url)
    assert summary(again)["kept"] == 4, again.stderr
    with open(pg_root / "course.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert {r[0]: float(r[-3]) for r in rows[1:]} == expected
