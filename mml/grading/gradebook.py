"""The gradebook as the grading engine uses it: one engine per database, rows in and out.

nbgrader opens its gradebook about a dozen times per student; :func:`fast_gradebook` keeps
one engine per database instead. :func:`definitions_template` copies the assignment
definitions into a small SQLite file that a grading worker grades against, :func:`read_rows`
reads back what grading wrote about one submission, and :func:`store_rows` writes it into the
course's gradebook in one transaction: the only writer of the course's gradebook.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import Any

#: seconds an SQLite writer waits for another's transaction before giving up
SQLITE_BUSY_TIMEOUT = 600.0
#: gradebook tables that define assignments (no student, no submission)
DEFINITION_TABLES = ("course", "assignment", "notebook", "base_cell", "source_cell",
                     "grade_cells", "solution_cells", "task_cells")

# --------------------------------------------------------------------------------------------
# the gradebook: one engine per database and run
# --------------------------------------------------------------------------------------------

_ENGINES: dict[str, Any] = {}
_COURSES: set[tuple[str, str]] = set()
_PATCHED: list[tuple[Any, Any]] = []


def normalize_db_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 to SQLAlchemy 2.1; use psycopg2 if that is what exists.

    Parameters
    ----------
    url : str
        A gradebook URL.

    Returns
    -------
    str
        The URL, with an explicit ``+psycopg2`` driver when psycopg 3 is not installed.
    """
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            try:
                import psycopg  # noqa: F401, PLC0415
            except ImportError:
                return "postgresql+psycopg2://" + url[len(prefix):]
            return url
    return url


def _make_engine(url: str) -> Any:
    from sqlalchemy import create_engine  # noqa: PLC0415

    if url.startswith("sqlite"):
        return create_engine(
            url, future=True, connect_args={"timeout": SQLITE_BUSY_TIMEOUT}
        )
    return create_engine(url, future=True, pool_pre_ping=True)


def dispose_engines(close: bool = True) -> None:
    for engine in _ENGINES.values():
        engine.dispose(close=close)


@contextlib.contextmanager
def fast_gradebook() -> Iterator[None]:
    """Within this block, nbgrader's ``Gradebook`` reuses one engine per database.

    Stock ``Gradebook(url)`` creates an engine, opens a connection, lists the tables, runs
    ``create_all`` (one query per table) and checks the course row, and ``close()`` throws the
    engine away: nbgrader does that about a dozen times per student. Here the first
    ``Gradebook(url)`` of a database does all that once (and gives SQLite a long busy timeout);
    later ones only open a session on the kept engine. Nested use is allowed.

    Yields
    ------
    None
    """
    from nbgrader.api import Gradebook  # noqa: PLC0415
    from sqlalchemy.orm import scoped_session, sessionmaker  # noqa: PLC0415

    if _PATCHED:
        yield
        return
    original_init, original_close = Gradebook.__init__, Gradebook.close

    def __init__(  # noqa: N807
        self: Any, db_url: str, course_id: str = "default_course", authenticator: Any = None
    ) -> None:
        engine = _ENGINES.get(db_url)
        if engine is None:
            original_init(self, db_url, course_id, authenticator)  # schema, alembic, course
            self.db.remove()
            self.engine.dispose()
            engine = _ENGINES[db_url] = _make_engine(db_url)
            _COURSES.add((db_url, course_id))
        self.engine = engine
        self.db = scoped_session(sessionmaker(autoflush=True, bind=engine, future=True))
        if (db_url, course_id) not in _COURSES:
            self.check_course(course_id=course_id)
            _COURSES.add((db_url, course_id))
        self.course_id = course_id
        self.authenticator = authenticator

    def close(self: Any) -> None:
        self.db.remove()

    Gradebook.__init__ = __init__
    Gradebook.close = close
    _PATCHED.append((original_init, original_close))
    try:
        yield
    finally:
        Gradebook.__init__, Gradebook.close = _PATCHED.pop()
        dispose_engines()
        _ENGINES.clear()
        _COURSES.clear()


# --------------------------------------------------------------------------------------------
# the gradebook template and the rows a worker brings back
# --------------------------------------------------------------------------------------------


def definitions_template(db_url: str, course_id: str) -> bytes:
    """A SQLite gradebook with only the assignment definitions of ``db_url``, as bytes.

    Every row of :data:`DEFINITION_TABLES` is copied as it is (ids, maxima, checksums, due
    dates), so that a worker's private gradebook grades exactly as the course's would.
    """
    from nbgrader.api import Base, Gradebook  # noqa: PLC0415
    from sqlalchemy import create_engine, insert, select  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="mml-template-") as folder:
        path = os.path.join(folder, "gradebook.db")
        url = "sqlite:///" + path
        Gradebook(url, course_id).close()  # the schema, stamped by alembic, and the course
        source, target = create_engine(db_url), create_engine(url)
        try:
            with source.connect() as read, target.begin() as write:
                for table in Base.metadata.sorted_tables:
                    if table.name not in DEFINITION_TABLES:
                        continue
                    rows = [dict(r) for r in read.execute(select(table)).mappings()]
                    if table.name == "course":
                        write.execute(table.delete())
                    if rows:
                        write.execute(insert(table), rows)
        finally:
            source.dispose()
            target.dispose()
        with open(path, "rb") as handle:
            return handle.read()


def read_rows(db_url: str, course_id: str, assignment: str, student: str) -> dict:
    """What grading wrote about one submission: timestamp, penalties, grades, comments."""
    from nbgrader.api import Gradebook  # noqa: PLC0415

    with Gradebook(db_url, course_id) as gb:
        submission = gb.find_submission(assignment, student)
        rows: dict[str, Any] = {"timestamp": submission.timestamp, "notebooks": {}}
        for nb in submission.notebooks:
            rows["notebooks"][nb.name] = {
                "late_submission_penalty": nb.late_submission_penalty,
                "grades": {g.name: (g.auto_score, bool(g.needs_manual_grade))
                           for g in nb.grades},
                "comments": {c.name: c.auto_comment for c in nb.comments},
            }
    return rows


def store_rows(db_url: str, course_id: str, assignment: str, student: str, rows: dict) -> None:
    """Write one student's submission rows into the course's gradebook, in one transaction.

    The student and the submission are made if missing (mirroring nbgrader's
    ``add_submission``); then the timestamp, late penalties, automatic grades and comments are
    set to what the worker found. Manual grades and extra credit are kept.
    """
    from nbgrader.api import (  # noqa: PLC0415
        Comment,
        Grade,
        Gradebook,
        MissingEntry,
        Student,
        SubmittedAssignment,
        SubmittedNotebook,
    )

    with Gradebook(db_url, course_id) as gb:
        db = gb.db
        try:
            try:
                submission = gb.find_submission(assignment, student)
            except MissingEntry:
                try:
                    who = gb.find_student(student)
                except MissingEntry:
                    who = Student(id=student)
                    db.add(who)
                with db.no_autoflush:  # as add_submission: build, then add (cascades)
                    submission = SubmittedAssignment(
                        assignment=gb.find_assignment(assignment), student=who
                    )
                    for notebook in submission.assignment.notebooks:
                        nb = SubmittedNotebook(notebook=notebook, assignment=submission)
                        for cell in notebook.grade_cells:
                            Grade(cell_id=cell.id, notebook=nb)
                        for cell in notebook.solution_cells:
                            Comment(cell_id=cell.id, notebook=nb)
                        for cell in notebook.task_cells:
                            Comment(cell_id=cell.id, notebook=nb)
                            Grade(cell_id=cell.id, notebook=nb)
                    db.add(submission)
                db.flush()
            submission.timestamp = rows["timestamp"]
            for nb in submission.notebooks:
                found = rows["notebooks"].get(nb.name)
                if found is None:
                    continue
                nb.late_submission_penalty = found["late_submission_penalty"]
                for grade in nb.grades:
                    if grade.name in found["grades"]:
                        grade.auto_score, grade.needs_manual_grade = found["grades"][grade.name]
                for comment in nb.comments:
                    if comment.name in found["comments"]:
                        comment.auto_comment = found["comments"][comment.name]
            db.commit()
        except BaseException:
            db.rollback()
            raise
