"""Grades in the form each LMS imports: ``--format canvas|moodle --roster ROSTER.csv``.

The small class graded once (``class_helpers.shared_sequential``) is exported with a roster
that holds five of its six students plus one who never handed in (``z-absent``); ``f-right``
is graded but missing from the roster. Both must be reported, never silently dropped: the
absent student gets an empty cell and a line on stderr, the unknown one a line on stderr and
exit code 1.
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from class_helpers import (
    ASSIGNMENT,
    copy_course,
    env,
    expected_scores,
    grade,
    grade_command,
    shared_sequential,
)

from mml.grading import exports

pytestmark = pytest.mark.xdist_group("class-grading")

ROSTER = """student_id,name,lms_id,sis_user_id,sis_login_id,section,email,id_number
a-reference,"Lovelace, Ada",1001,S-1,ada,Group A,ada@example.org,11
b-blank,Bob Blank,1002,S-2,bob,Group A,bob@example.org,12
c-wrong,Carla Wrong,1003,S-3,carla,Group B,carla@example.org,13
d-wrong,Dan Wrong,1004,S-4,dan,Group B,dan@example.org,14
e-crash,Eve Crash,1005,S-5,eve,Group B,eve@example.org,15
z-absent,Zoe Absent,1026,S-26,zoe,Group A,zoe@example.org,36
"""


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_course(shared_sequential(tmp_path_factory),
                       tmp_path_factory.mktemp("exports") / "course")
    (root / "roster.csv").write_text(ROSTER, encoding="utf-8")
    return root


def _rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _points(student: str) -> str:
    return exports.number(expected_scores()[student])


def _reported(stderr: str) -> None:
    assert f"no submission of {ASSIGNMENT} (left empty): z-absent" in stderr, stderr
    assert "NOT EXPORTED, graded but not in the roster f-right" in stderr, stderr


def test_canvas_course_export(graded: Path) -> None:
    target = graded / "canvas.csv"
    done = grade(graded, "--export-course", str(target), "--format", "canvas",
                 "--roster", str(graded / "roster.csv"), assignments=())
    assert done.returncode == 1, done.stderr  # f-right could not be exported
    _reported(done.stderr)
    rows = _rows(target)
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ASSIGNMENT]
    assert rows[1] == ["    Points Possible", "", "", "", "", _points("a-reference")]
    assert rows[2] == ["Lovelace, Ada", "1001", "S-1", "ada", "Group A", _points("a-reference")]
    assert rows[3] == ["Bob Blank", "1002", "S-2", "bob", "Group A", "0"]
    assert rows[4][5] == _points("c-wrong") and rows[5][5] == _points("d-wrong")
    assert rows[-1] == ["Zoe Absent", "1026", "S-26", "zoe", "Group A", ""]
    assert len(rows) == 2 + 6
    assert not any("f-right" in cell for row in rows for cell in row)


def test_moodle_assignment_export(graded: Path) -> None:
    target = graded / "moodle.csv"
    done = grade(graded, "--export-csv", str(target), "--format", "moodle",
                 "--roster", str(graded / "roster.csv"))
    assert done.returncode == 1, done.stderr
    _reported(done.stderr)
    rows = _rows(target)
    assert rows[0] == ["Email address", ASSIGNMENT]
    assert {r[0]: r[1] for r in rows[1:]} == {
        "ada@example.org": _points("a-reference"), "bob@example.org": "0",
        "carla@example.org": _points("c-wrong"), "dan@example.org": _points("d-wrong"),
        "eve@example.org": "0", "zoe@example.org": "",
    }


def test_moodle_by_id_number_when_there_is_no_email(graded: Path, tmp_path: Path) -> None:
    roster = tmp_path / "ids.csv"
    roster.write_text("student_id,id_number\n" + "".join(
        f"{s},{n}\n" for n, s in enumerate(sorted(expected_scores()), start=1)))
    target = tmp_path / "moodle.csv"
    done = grade(graded, "--export-course", str(target), "--format", "moodle",
                 "--roster", str(roster), assignments=())
    assert done.returncode == 0, done.stderr
    rows = _rows(target)
    assert rows[0] == ["ID number", ASSIGNMENT]
    assert rows[1] == ["1", _points("a-reference")]
    assert len(rows) == 7


@pytest.mark.parametrize(("roster", "args", "phrase"), [
    (None, ["--format", "canvas"], "--roster goes with --format canvas or moodle"),
    ("student_id\nx\n", ["--format", "plain"], "--roster goes with --format canvas or moodle"),
    ("name,email\nA,a@b\n", ["--format", "moodle"], "has no student_id column"),
    ("student_id,mail\nx,a@b\n", ["--format", "moodle"], "unknown column(s) mail"),
    ("student_id\nx\nx\n", ["--format", "canvas"], "line 3: x appears twice"),
    ("student_id,name\nx,X\n", ["--format", "canvas"], "a Canvas export needs an lms_id"),
])
def test_bad_roster_or_format_is_refused(
    graded: Path, tmp_path: Path, roster: str | None, args: list[str], phrase: str
) -> None:
    target = tmp_path / "out.csv"
    extra = []
    if roster is not None:
        (tmp_path / "roster.csv").write_text(roster)
        extra = ["--roster", str(tmp_path / "roster.csv")]
    done = subprocess.run(
        grade_command(graded, "--export-course", str(target), *args, *extra, assignments=()),
        cwd=graded, env=env(), capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 2, done.stderr
    assert phrase in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert not target.exists()
