"""Export grades from the nbgrader gradebook as CSV files that an LMS gradebook import accepts.

Two formats, both UTF-8, comma separated, one header row, one row per student sorted by
student id, numbers written plainly (``6.5``, never ``6.50e+00``), written atomically (a
crash never leaves half a file):

**Per assignment** (``mml grade ASSIGNMENT --export-csv PATH``, :func:`write_assignment_csv`)::

    student_id,score,max_score,percent
    alice,7,7,100
    bob,4,7,57.14

**Course total** (``mml grade --export-course PATH``, :func:`write_course_csv`)::

    student_id,la-w3-special-matrices,la-w4-mappings,total,max_total,percent
    alice,7,21.5,28.5,36,79.17
    bob,0,10,10,36,27.78

``score`` is nbgrader's: the sum of the cell scores (a manual grade replaces the automatic
one, extra credit counts) minus the late penalty, never below 0. A student who did not hand in
an assignment scores 0 there (as in ``nbgrader export``). Every student of the gradebook gets a
row. ``percent`` is ``100 * score / max_score`` rounded to two decimals (0 if ``max_score`` is
0). Columns of the course file are the assignments of the gradebook in course order (la, mc,
pca; by week), named by their ids, so that an LMS import can map each column to a grade item
by name; the per-assignment maxima are the ``max_score`` column of the per-assignment files.

**For an LMS** (``--format canvas|moodle --roster ROSTER.csv``, :func:`lms_rows`), per
assignment or for the course, one column per assignment, points (not percent). The roster maps
nbgrader's student ids to the LMS's own (a CSV with a header; only ``student_id`` is required):

    student_id,name,lms_id,sis_user_id,sis_login_id,section,email,id_number
    alice,"Lovelace, Ada",1001,S-17,alovelace,Group A,ada@example.org,17

*Canvas* (Grades > Import): ``Student,ID,SIS User ID,SIS Login ID,Section`` then one column per
assignment, the second row ``Points Possible``; every roster student in roster order.
*Moodle* (Grades > Import > CSV file): ``Email address`` (or ``ID number`` when the roster has
no ``email`` column) then one column per grade item; map the first column to the user field
of that name when importing.

Nothing is dropped silently: a roster student without a submission of an assignment gets an
empty cell there (no grade, which both LMSs leave unchanged) and is listed in
:attr:`LmsExport.no_submission`; a graded student missing from the roster (the LMS could not
match the row) is listed in :attr:`LmsExport.not_in_roster`; ``mml grade`` prints both.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mml.grading.course import ASSIGNMENT_NAME, COURSE_ORDER


@dataclass(frozen=True)
class Grade:
    """One student's grade of one assignment."""

    student: str
    assignment: str
    score: float
    max_score: float
    submitted: bool

    @property
    def percent(self) -> float:
        """The score in percent of the maximum, rounded to two decimals."""
        return round(100.0 * self.score / self.max_score, 2) if self.max_score else 0.0


def number(value: float) -> str:
    """A number as an LMS reads it: ``7``, ``6.5``, ``57.14`` (at most 4 decimals)."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _assignment_order(name: str) -> tuple:

    match = ASSIGNMENT_NAME.match(name)
    if match is None:
        return (1, 0, 0, name)
    return (0, COURSE_ORDER[name.split("-")[0]], int(match["week"]), name)


def read_grades(
    db_url: str, assignments: Iterable[str] | None = None, course_id: str = "default_course"
) -> tuple[list[str], list[str], dict[tuple[str, str], Grade]]:
    """Read every student's grade of some (default: all) assignments of a gradebook.

    Parameters
    ----------
    db_url : str
        The gradebook's SQLAlchemy URL.
    assignments : iterable of str, optional
        Only these assignments.
    course_id : str
        The nbgrader course id.

    Returns
    -------
    assignments : list of str
        In course order.
    students : list of str
        Every student of the gradebook, sorted.
    grades : dict
        ``{(student, assignment): Grade}`` for every pair.
    """
    from nbgrader.api import Gradebook  # noqa: PLC0415

    wanted = set(assignments) if assignments is not None else None
    grades: dict[tuple[str, str], Grade] = {}
    with Gradebook(db_url, course_id) as gb:
        students = sorted(s.id for s in gb.students)
        found = [a for a in gb.assignments if wanted is None or a.name in wanted]
        names = sorted((a.name for a in found), key=_assignment_order)
        if wanted is not None and wanted - set(names):
            raise KeyError(f"not in the gradebook: {', '.join(sorted(wanted - set(names)))}")
        for assignment in found:
            maximum = float(assignment.max_score or 0.0)
            submitted = {}
            for submission in gb.assignment_submissions(assignment.name):
                raw = float(submission.score or 0.0)
                penalty = float(submission.late_submission_penalty or 0.0)
                submitted[submission.student.id] = max(0.0, raw - penalty)
            for student in students:
                grades[(student, assignment.name)] = Grade(
                    student, assignment.name, submitted.get(student, 0.0), maximum,
                    student in submitted,
                )
    return names, students, grades


def write_rows(path: str, rows: list[list[str]]) -> None:
    """Write CSV ``rows`` to ``path`` atomically (a crash never leaves half a file)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(buffer.getvalue())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def assignment_rows(db_url: str, assignment: str, course_id: str = "default_course") -> list[
    list[str]
]:
    """The rows (header first) of the per-assignment CSV (see the module docstring)."""
    _, students, grades = read_grades(db_url, [assignment], course_id)
    rows = [["student_id", "score", "max_score", "percent"]]
    for student in students:
        grade = grades[(student, assignment)]
        rows.append([student, number(grade.score), number(grade.max_score),
                     number(grade.percent)])
    return rows


def write_assignment_csv(
    db_url: str, assignment: str, path: str, course_id: str = "default_course"
) -> int:
    """Write one assignment's grades (:func:`assignment_rows`) to ``path``; return the number
    of students written."""
    rows = assignment_rows(db_url, assignment, course_id)
    write_rows(path, rows)
    return len(rows) - 1


def course_rows(
    db_url: str, assignments: Iterable[str] | None = None, course_id: str = "default_course"
) -> list[list[str]]:
    """The rows (header first) of the course-total CSV (see the module docstring)."""
    names, students, grades = read_grades(db_url, assignments, course_id)
    rows = [["student_id", *names, "total", "max_total", "percent"]]
    for student in students:
        row = [student]
        total = maximum = 0.0
        for name in names:
            grade = grades[(student, name)]
            row.append(number(grade.score))
            total += grade.score
            maximum += grade.max_score
        percent = round(100.0 * total / maximum, 2) if maximum else 0.0
        rows.append([*row, number(total), number(maximum), number(percent)])
    return rows


def write_course_csv(
    db_url: str, path: str, assignments: Iterable[str] | None = None,
    course_id: str = "default_course",
) -> int:
    """Write the course total (:func:`course_rows`: one row per student, one column per
    assignment, default every assignment of the gradebook) to ``path``; return the number of
    students written."""
    rows = course_rows(db_url, assignments, course_id)
    write_rows(path, rows)
    return len(rows) - 1


#: the roster's columns; only ``student_id`` is required
ROSTER_COLUMNS = ("student_id", "name", "lms_id", "sis_user_id", "sis_login_id", "section",
                  "email", "id_number")
FORMATS = ("plain", "canvas", "moodle")
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


class RosterProblem(ValueError):
    """The roster file cannot be used (missing, no ``student_id`` column, duplicates...)."""


@dataclass
class Roster:
    """A roster: the columns it has, and ``{student_id: {column: value}}`` in file order
    (every column of :data:`ROSTER_COLUMNS`, empty where the file has none)."""

    columns: list[str]
    students: dict[str, dict[str, str]]


def read_roster(path: str) -> Roster:
    """Read a roster CSV (UTF-8, a header naming columns of :data:`ROSTER_COLUMNS`).

    Parameters
    ----------
    path : str
        The roster file.

    Returns
    -------
    Roster

    Raises
    ------
    RosterProblem
        If the file is missing or unreadable, has no ``student_id`` column, an unknown
        column, an empty or a repeated student id.
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in (reader.fieldnames or [])]
            rows = [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise RosterProblem(f"the roster {path} cannot be read ({exc})") from None
    if "student_id" not in header:
        raise RosterProblem(f"the roster {path} has no student_id column (its header: "
                            f"{','.join(header) or 'none'})")
    unknown = [h for h in header if h not in ROSTER_COLUMNS]
    if unknown:
        raise RosterProblem(f"the roster {path} has unknown column(s) {', '.join(unknown)}; "
                            f"the columns are {','.join(ROSTER_COLUMNS)}")
    roster = Roster(header, {})
    for line, row in enumerate(rows, start=2):
        student = row.get("student_id", "")
        if not student:
            raise RosterProblem(f"the roster {path}, line {line}: no student_id")
        if student in roster.students:
            raise RosterProblem(f"the roster {path}, line {line}: {student} appears twice")
        roster.students[student] = {c: row.get(c, "") for c in ROSTER_COLUMNS}
    return roster


def identifier(roster: Roster, fmt: str) -> tuple[str, str]:
    """The roster column an LMS matches students by, and its column title in the export.

    Canvas: ``lms_id`` (its ``ID``; ``SIS User ID`` and ``SIS Login ID`` are written too);
    Moodle: ``email`` (``Email address``), else ``id_number`` (``ID number``).

    Raises
    ------
    RosterProblem
        If the roster has no column the LMS could match students by.
    """
    if fmt == "canvas":
        for key in ("lms_id", "sis_user_id", "sis_login_id"):
            if key in roster.columns:
                return key, "ID"
        raise RosterProblem("a Canvas export needs an lms_id, sis_user_id or sis_login_id "
                            "column in the roster (Canvas matches students by them)")
    for key, title in (("email", "Email address"), ("id_number", "ID number")):
        if key in roster.columns:
            return key, title
    raise RosterProblem("a Moodle export needs an email or id_number column in the roster")


@dataclass
class LmsExport:
    """What :func:`lms_rows` wrote, and who could not be written."""

    rows: list[list[str]]
    no_submission: dict[str, list[str]] = field(default_factory=dict)  # assignment -> students
    not_in_roster: list[str] = field(default_factory=list)  # graded, but not in the roster


def lms_rows(
    db_url: str,
    assignments: Iterable[str] | None,
    fmt: str,
    roster: Roster,
    course_id: str = "default_course",
) -> LmsExport:
    """The rows of a Canvas or Moodle import file (see the module docstring).

    Parameters
    ----------
    db_url : str
        The gradebook's SQLAlchemy URL.
    assignments : iterable of str, optional
        The assignments, one column each (default: every assignment of the gradebook).
    fmt : {"canvas", "moodle"}
        The LMS.
    roster : Roster
        :func:`read_roster`'s result.
    course_id : str
        The nbgrader course id.

    Returns
    -------
    LmsExport
        The rows (header first) and the students reported instead of written.

    Raises
    ------
    RosterProblem
        If the roster lacks the identifier column the LMS matches students by.
    """
    if fmt not in ("canvas", "moodle"):
        raise ValueError(f"not an LMS format: {fmt!r} (canvas or moodle)")
    key, title = identifier(roster, fmt)
    names, students, grades = read_grades(db_url, assignments, course_id)
    found = LmsExport(rows=[])

    def submitted(student: str, name: str) -> Grade | None:
        grade = grades.get((student, name))
        return grade if grade is not None and grade.submitted else None

    for name in names:
        missing = [s for s in roster.students if submitted(s, name) is None]
        if missing:
            found.no_submission[name] = missing
    found.not_in_roster = [s for s in students if s not in roster.students
                           and any(submitted(s, n) for n in names)]

    def cells(student: str) -> list[str]:
        return [number(g.score) if (g := submitted(student, n)) else "" for n in names]

    if fmt == "canvas":
        maxima = {a: g.max_score for (_, a), g in grades.items()}
        found.rows.append([*CANVAS_COLUMNS, *names])
        found.rows.append(["    Points Possible", "", "", "", "",
                           *(number(maxima.get(n, 0.0)) for n in names)])
        for student, entry in roster.students.items():
            found.rows.append([entry["name"] or student, entry["lms_id"], entry["sis_user_id"],
                               entry["sis_login_id"], entry["section"], *cells(student)])
    else:
        found.rows.append([title, *names])
        for student, entry in roster.students.items():
            found.rows.append([entry[key], *cells(student)])
    return found


def gradebook_snapshot(
    db_url: str, assignments: Iterable[str] | None = None, course_id: str = "default_course"
) -> dict[str, Any]:
    """Everything the gradebook holds about the submissions of some assignments, comparable.

    Used to check that two grading runs (parallel and sequential, interrupted and not, SQLite
    and PostgreSQL) left the same gradebook.

    Parameters
    ----------
    db_url : str
        The gradebook's SQLAlchemy URL.
    assignments : iterable of str, optional
        Only these assignments (default: all).
    course_id : str
        The nbgrader course id.

    Returns
    -------
    dict
        ``grades``: ``{(assignment, student, notebook, cell): (auto_score, manual_score,
        extra_credit, needs_manual_grade)}``; ``comments``: ``{(assignment, student, notebook,
        cell): (auto_comment, manual_comment)}``; ``submissions``: ``{(assignment, student):
        (timestamp, notebooks)}``; ``rows``: rows per table of submitted data (a duplicate
        would show there).
    """
    from nbgrader.api import Gradebook  # noqa: PLC0415
    from sqlalchemy import text  # noqa: PLC0415

    grades: dict[tuple, tuple] = {}
    comments: dict[tuple, tuple] = {}
    subs: dict[tuple, tuple] = {}
    rows: dict[str, int] = {}
    with Gradebook(db_url, course_id) as gb:
        names = [a.name for a in gb.assignments]
        wanted = [a for a in names if assignments is None or a in set(assignments)]
        for name in wanted:
            for submission in gb.assignment_submissions(name):
                student = submission.student.id
                subs[(name, student)] = (
                    str(submission.timestamp), tuple(sorted(n.name for n in submission.notebooks))
                )
                for nb in submission.notebooks:
                    for grade in nb.grades:
                        grades[(name, student, nb.name, grade.name)] = (
                            grade.auto_score, grade.manual_score, grade.extra_credit,
                            bool(grade.needs_manual_grade),
                        )
                    for comment in nb.comments:
                        comments[(name, student, nb.name, comment.name)] = (
                            comment.auto_comment, comment.manual_comment,
                        )
        for table in ("submitted_assignment", "submitted_notebook", "grade", "comment",
                      "student"):
            rows[table] = int(gb.db.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar())
    return {"grades": grades, "comments": comments, "submissions": subs, "rows": rows}
