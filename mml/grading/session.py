"""Grade submissions safely and fast: ``mml grade ASSIGNMENT... [--student ID ...] [--jobs N]``.

Grading uses nbgrader's own machinery (its ``Autograde`` converter, preprocessors and gradebook,
run in this process so that start-up is paid once) with these changes:

* every notebook runs in the bubblewrap sandbox of :mod:`mml.grading.sandbox` (no network, resource
  limits, nothing of the course visible); without bubblewrap grading is refused unless
  ``--unsafe-no-sandbox`` is given;
* before nbgrader touches a submission, it is checked (:func:`scan_submission`): symbolic links,
  special files and files over the size limit are left out, and a notebook that is a link, empty
  or not valid notebook JSON scores zero like a missing one, instead of aborting the run;
* edited cell metadata is repaired and deleted test cells are put back (:class:`RepairCells`),
  so editing or deleting a cell can neither remove a test nor stop nbgrader (given code cannot
  be replaced anyway: the tests run in :mod:`mml.grading.trusted` with the gradebook's copy);
* a progress bar, then a table: per student, the score and what went wrong in plain words.

Each submission is an independent task (:meth:`GradingSession.grade_student`). ``mml grade``
runs them with :mod:`mml.grading.scheduler` on Dask (:mod:`mml.grading.cluster`): ``--jobs N``
local workers (default: the number of cores) or the workers of ``--scheduler ADDRESS``, each
grading in a private course and returning data; ``mml grade`` alone writes the gradebook and a
state file per student, last, so that a killed run is finished by running it again and a rerun
only grades new, changed or unfinished submissions (``--force`` grades everyone again).
``--feedback`` writes feedback HTML, ``--export-csv`` and ``--export-course`` write CSV files
(plain, or ``--format canvas|moodle`` with a ``--roster``; :mod:`mml.grading.exports`).
The gradebook is SQLite by default; ``CourseDirectory.db_url`` (or
``MML_DB_URL``) may point to PostgreSQL (``postgresql+psycopg2://user@host/db``).

Example
-------
::

    mml grade la-w3-special-matrices
    mml grade la-w3-special-matrices --student alice --student bob --memory 1G --timeout 30
    mml grade --all --jobs 2 --feedback --export-course exports/course.csv
    mml grade la-w3-special-matrices --export-csv exports/la-w3.csv
    mml grade --export-course exports/course.csv          # only the course-total CSV
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from mml.grading.config_check import ConfigProblem, check_config, size_limit
from mml.grading.repair import RepairCells
from mml.grading.sandbox import (
    INCIDENTS,
    Incident,
    Sandbox,
    format_size,
    parse_size,
    require_sandbox,
    sandboxed_preprocessors,
)

# --------------------------------------------------------------------------------------------
# results
# --------------------------------------------------------------------------------------------


@dataclass
class StudentResult:
    """The outcome of grading one student's submission of one assignment."""

    student: str
    score: float | None = None
    max_score: float | None = None
    problems: list[str] = field(default_factory=list)
    graded: bool = False
    seconds: float = 0.0
    incidents: list[Incident] = field(default_factory=list)

    def summary(self) -> str:
        """What went wrong, in one line ('-' if nothing)."""
        return "; ".join(self.problems) if self.problems else "-"


# --------------------------------------------------------------------------------------------
# checking a submission before nbgrader reads it
# --------------------------------------------------------------------------------------------


@dataclass
class Preflight:
    """What :func:`scan_submission` found in one submission folder."""

    excluded: dict[str, str] = field(default_factory=dict)  # relative path -> reason
    bad_notebooks: dict[str, str] = field(default_factory=dict)  # notebook name -> reason
    missing_notebooks: list[str] = field(default_factory=list)
    unknown_notebooks: list[str] = field(default_factory=list)
    exists: bool = True
    bad_timestamp: str | None = None  # why timestamp.txt cannot be read (nbgrader would fail)


def _notebook_problem(path: str, max_size: int) -> str | None:
    """Why the notebook at ``path`` cannot be graded, or None if it can (its size is checked
    before it is opened: parsing a huge notebook would exhaust the grader's memory)."""
    if os.path.islink(path):
        return "is a symbolic link, not a notebook file"
    if not os.path.isfile(path):
        return "is not a regular file"
    size = os.path.getsize(path)
    if size == 0:
        return "is an empty file"
    if size > max_size:
        return (f"is too large to grade ({format_size(size)}; the limit is "
                f"{format_size(max_size)}: clear its outputs and hand it in again)")
    import nbformat  # noqa: PLC0415

    try:
        with open(path, encoding="utf-8") as handle:
            nb = nbformat.read(handle, as_version=4)
    except UnicodeDecodeError:
        return "is not a text file (corrupt)"
    except (json.JSONDecodeError, ValueError) as exc:
        return f"is not valid notebook JSON ({str(exc).splitlines()[0][:80]})"
    except Exception as exc:  # noqa: BLE001 - nbformat raises many kinds
        return f"could not be read as a notebook ({type(exc).__name__})"
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        return "is not a notebook (no cells)"
    return None


#: a timestamp.txt longer than this is not a date and time
TIMESTAMP_MAX_BYTES = 200


def _timestamp_problem(path: str) -> str | None:
    """Why the submission's ``timestamp.txt`` is not a date and time nbgrader reads, or None.

    nbgrader fails on such a file with an error of its own (``'CourseDirectory' object has no
    attribute 'fail'`` in 0.9.6); this says what is wrong and how to fix it instead.
    """
    from nbgrader.utils import parse_utc  # noqa: PLC0415

    with open(path, "rb") as handle:
        raw = handle.read(TIMESTAMP_MAX_BYTES + 1)
    text = raw.decode("utf-8", "replace").strip()
    if not text:
        return None  # nbgrader ignores an empty timestamp
    try:
        if len(raw) <= TIMESTAMP_MAX_BYTES:
            parse_utc(text)
            return None
    except ValueError:
        pass
    return (f"timestamp.txt is not a date and time ({text[:40]!r}): correct it (e.g. "
            "2026-01-05 09:00:00 UTC) or delete it, then grade again")


def scan_submission(
    folder: str, notebooks: Iterable[str], max_file_size: int, max_notebook_size: int
) -> Preflight:
    """Check one submission folder before nbgrader reads it.

    Parameters
    ----------
    folder : str
        ``submitted/<student>/<assignment>``.
    notebooks : iterable of str
        Names (without ``.ipynb``) of the assignment's notebooks.
    max_file_size : int
        Files larger than this many bytes are left out.
    max_notebook_size : int
        Notebooks larger than this many bytes score zero, unopened.

    Returns
    -------
    Preflight
        Files to leave out, notebooks that cannot be graded (they score zero), notebooks
        that are missing or unknown, and a ``timestamp.txt`` that is not a time.
    """
    found = Preflight()
    if os.path.islink(folder) or not os.path.isdir(folder):
        found.exists = False
        found.missing_notebooks = sorted(notebooks)
        return found
    expected = set(notebooks)
    for root, dirs, files in os.walk(folder):
        for name in list(dirs):
            if os.path.islink(os.path.join(root, name)):
                rel = os.path.relpath(os.path.join(root, name), folder)
                found.excluded[rel] = "a symbolic link"
                dirs.remove(name)
        for name in files:
            full = os.path.join(root, name)
            rel = os.path.relpath(full, folder)
            if root == folder and name.endswith(".ipynb"):
                stem = name[: -len(".ipynb")]
                if stem not in expected:
                    found.unknown_notebooks.append(name)
                    continue
                problem = _notebook_problem(full, max_notebook_size)
                if problem:
                    found.bad_notebooks[stem] = problem
                continue
            if os.path.islink(full):
                found.excluded[rel] = "a symbolic link"
            elif not os.path.isfile(full):
                found.excluded[rel] = "not a regular file"
            elif os.path.getsize(full) > max_file_size:
                found.excluded[rel] = f"too large ({format_size(os.path.getsize(full))})"
    present = {
        n[: -len(".ipynb")] for n in os.listdir(folder) if n.endswith(".ipynb")
    }
    found.missing_notebooks = sorted(expected - present)
    stamp = os.path.join(folder, "timestamp.txt")
    if "timestamp.txt" not in found.excluded and os.path.isfile(stamp):
        found.bad_timestamp = _timestamp_problem(stamp)
    return found


# --------------------------------------------------------------------------------------------
# nbgrader pieces
# --------------------------------------------------------------------------------------------


def _autograde_base() -> type:
    from nbgrader.converters import Autograde  # noqa: PLC0415

    return Autograde


class SafeAutograde(_autograde_base()):  # type: ignore[misc]
    """nbgrader's ``Autograde`` with the checks of :func:`scan_submission` and the sandbox."""

    def __init__(self, *args: Any, preflight: Preflight | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from nbgrader.preprocessors import OverwriteCells  # noqa: PLC0415

        self.preflight = preflight or Preflight()
        self.autograde_preprocessors = sandboxed_preprocessors(self.autograde_preprocessors)
        sanitize = [pp for pp in self.sanitize_preprocessors if pp is not RepairCells]
        at = sanitize.index(OverwriteCells) if OverwriteCells in sanitize else 0
        sanitize.insert(at, RepairCells)
        self.sanitize_preprocessors = sanitize

    def init_assignment(self, assignment_id: str, student_id: str) -> None:
        source = self._format_source(assignment_id, student_id)
        keep_ignore = list(self.coursedir.ignore)
        # leave out links, special files and huge files: nbgrader would copy (and follow) them
        extra = [glob.escape(os.path.basename(rel)) for rel in self.preflight.excluded]
        self.coursedir.ignore = keep_ignore + extra
        bad = {
            os.path.join(source, f"{name}.ipynb") for name in self.preflight.bad_notebooks
        }
        try:
            super().init_assignment(assignment_id, student_id)
        finally:
            self.coursedir.ignore = keep_ignore
        if not bad:
            return
        self.notebooks = [nb for nb in self.notebooks if os.path.normpath(nb) not in {
            os.path.normpath(b) for b in bad
        }]
        from nbgrader.api import Gradebook  # noqa: PLC0415

        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            for name in self.preflight.bad_notebooks:
                try:
                    submission = gb.find_submission_notebook(name, assignment_id, student_id)
                except Exception:  # noqa: BLE001 - unknown notebook: nothing to zero
                    continue
                for grade in submission.grades:
                    grade.auto_score = 0
                    grade.needs_manual_grade = False
            gb.db.commit()


# --------------------------------------------------------------------------------------------
# a grading session
# --------------------------------------------------------------------------------------------

#: error names found in outputs -> what went wrong, in plain words
_ERROR_WORDS = {
    "MemoryError": "ran out of memory (limit {memory})",
    "RecursionError": "recursed too deeply",
}


def load_config(course_dir: str) -> Any:
    """Load ``nbgrader_config.py`` (and the user's nbgrader config) for ``course_dir``.

    Parameters
    ----------
    course_dir : str
        The course directory (where ``nbgrader_config.py`` is).

    Returns
    -------
    traitlets.config.Config
        The configuration nbgrader would use there.

    Raises
    ------
    mml.grading.config_check.ConfigProblem
        If a configuration file cannot be run (a syntax error, an exception), names an
        option that does not exist, or sets a limit out of range: nbgrader would carry on
        with its defaults, and grade with them.
    """
    from nbgrader.apps.baseapp import NbGrader  # noqa: PLC0415

    with _chdir(course_dir):
        app = NbGrader()
        app.log = logging.getLogger("mml.grade")
        app.raise_config_file_errors = True
        try:
            app.load_config_file()
        except Exception as exc:  # noqa: BLE001 - any error of the instructor's file
            raise ConfigProblem(_config_error(exc)) from None
        config = app.config
    check_config(config)
    if "root" not in config.CourseDirectory:
        config.CourseDirectory.root = os.path.abspath(course_dir)
    return config


def _config_error(exc: BaseException) -> str:
    """One sentence about an exception raised while running a configuration file."""
    cause = exc
    while cause.__cause__ is not None or cause.__context__ is not None:
        cause = cause.__cause__ or cause.__context__  # type: ignore[assignment]
    if isinstance(cause, SyntaxError):
        return (f"  syntax error in {cause.filename}, line {cause.lineno}: {cause.msg}\n"
                f"    {(cause.text or '').strip()}")
    return f"  {type(cause).__name__}: {cause}"


@contextlib.contextmanager
def _chdir(path: str) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


class GradingSession:
    """Everything needed to grade the submissions of one assignment, one task per student.

    Parameters
    ----------
    assignment : str
        The assignment id.
    course_dir : str
        The course directory.
    config : traitlets.config.Config, optional
        The nbgrader configuration (default: loaded from ``course_dir``).
    allow_unsafe : bool
        Grade without the sandbox if bubblewrap is unavailable.

    Raises
    ------
    SandboxUnavailable
        If bubblewrap does not work and ``allow_unsafe`` is false.
    """

    def __init__(
        self,
        assignment: str,
        course_dir: str = ".",
        config: Any = None,
        allow_unsafe: bool = False,
    ) -> None:
        from nbgrader.coursedir import CourseDirectory  # noqa: PLC0415

        self.course_dir = os.path.abspath(course_dir)
        self.assignment = assignment
        self.config = config if config is not None else load_config(self.course_dir)
        if allow_unsafe:
            self.config.Sandbox.allow_unsafe = True
        self.config.Sandbox.course_root = self.course_dir
        self.settings = Sandbox(config=self.config)
        self.sandboxed = require_sandbox(self.settings)
        self.coursedir = CourseDirectory(config=self.config)
        self.log = logging.getLogger("mml.grade.nbgrader")
        self.log.propagate = False
        if not self.log.handlers:
            self.log.addHandler(logging.NullHandler())

    # -- discovery --------------------------------------------------------------------------

    def notebooks(self) -> list[str]:
        """Names of the assignment's notebooks, from the gradebook (or ``source/``)."""
        from nbgrader.api import Gradebook, MissingEntry  # noqa: PLC0415

        try:
            with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
                return sorted(nb.name for nb in gb.find_assignment(self.assignment).notebooks)
        except MissingEntry:
            pattern = os.path.join(
                self.coursedir.format_path(self.coursedir.source_directory, ".", self.assignment),
                "*.ipynb",
            )
            return sorted(os.path.basename(p)[: -len(".ipynb")] for p in glob.glob(pattern))

    def students(self) -> list[str]:
        """Students with a folder for this assignment in ``submitted/``."""
        pattern = self.coursedir.format_path(
            self.coursedir.submitted_directory, "*", self.assignment
        )
        found = []
        for path in glob.glob(pattern):
            student = os.path.basename(os.path.dirname(path))
            found.append(student)
        return sorted(found)

    def submission_dir(self, student: str) -> str:
        return self.coursedir.format_path(
            self.coursedir.submitted_directory, student, self.assignment
        )

    # -- one task ---------------------------------------------------------------------------

    def grade_student(self, student: str) -> StudentResult:
        """Autograde one student's submission with nbgrader, in the sandbox.

        Parameters
        ----------
        student : str
            The student id (a folder of ``submitted/``).

        Returns
        -------
        StudentResult
            Score, maximum, and the problems found, in plain words.
        """
        started = time.monotonic()
        result = StudentResult(student)
        notebooks = self.notebooks()
        preflight = scan_submission(
            self.submission_dir(student), notebooks, parse_size(self.settings.file_size_limit),
            size_limit(self.config, "notebook_size_limit"),
        )
        if not preflight.exists:
            result.problems.append("no submission folder")
            result.seconds = time.monotonic() - started
            return result
        for name in preflight.missing_notebooks:
            result.problems.append(f"notebook {name}.ipynb is missing (scored 0)")
        for name in preflight.unknown_notebooks:
            result.problems.append(f"unexpected notebook {name} (renamed? not graded)")
        for name, reason in sorted(preflight.bad_notebooks.items()):
            result.problems.append(f"{name}.ipynb {reason} (scored 0)")
        for rel, reason in sorted(preflight.excluded.items()):
            result.problems.append(f"file {rel} left out: {reason}")
        if preflight.bad_timestamp:
            result.problems.append(f"grading failed: {preflight.bad_timestamp}")
            result.seconds = time.monotonic() - started
            return result
        for key in [k for k in INCIDENTS if k[0] == student and k[1] == self.assignment]:
            del INCIDENTS[key]

        gradable = set(notebooks) - set(preflight.missing_notebooks) - set(preflight.bad_notebooks)
        if gradable:
            outcome = self._autograde(student, preflight)
        else:
            outcome = self._zero(student)
        result.graded = bool(outcome.get("success"))
        if not result.graded:
            result.problems.append("grading failed: " + _last_error(outcome))
        for key, report in sorted(INCIDENTS.items()):
            if key[0] == student and key[1] == self.assignment:
                result.incidents.extend(report.incidents)
                for incident in _dedupe(report.incidents):
                    result.problems.append(f"{key[2]}: {incident}")
        result.problems.extend(self._output_problems(student, notebooks))
        result.score, result.max_score = self._score(student)
        result.seconds = time.monotonic() - started
        return result

    def _autograde(self, student: str, preflight: Preflight) -> dict:
        """Run nbgrader's autograde (SafeAutograde) for one student; capture_log's result."""
        import warnings  # noqa: PLC0415

        from nbgrader.utils import capture_log  # noqa: PLC0415

        previous = (self.coursedir.assignment_id, self.coursedir.student_id)
        self.coursedir.assignment_id = self.assignment
        self.coursedir.student_id = student
        try:
            app = SafeAutograde(
                coursedir=self.coursedir, config=self.config, log=self.log, preflight=preflight
            )
            app.force = True
            app.create_student = True
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # SQLAlchemy and nbformat chatter
                return capture_log(app)
        finally:
            self.coursedir.assignment_id, self.coursedir.student_id = previous

    def _zero(self, student: str) -> dict:
        """No notebook can be graded: record the submission in the gradebook with zeros.

        nbgrader would stop with an error ("No notebooks were matched"); the instructor should
        see a zero and the reason instead, and the gradebook should hold the submission.
        """
        import shutil  # noqa: PLC0415

        from nbgrader.api import Gradebook  # noqa: PLC0415

        try:
            source = self.submission_dir(student)
            timestamp = self.coursedir.get_existing_timestamp(source)
            with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
                gb.update_or_create_student(student)
                if timestamp:
                    submission = gb.update_or_create_submission(
                        self.assignment, student, timestamp=timestamp
                    )
                else:
                    submission = gb.update_or_create_submission(self.assignment, student)
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        grade.auto_score = 0
                        grade.needs_manual_grade = False
                gb.db.commit()
            dest = self.coursedir.format_path(
                self.coursedir.autograded_directory, student, self.assignment
            )
            if os.path.isdir(dest):
                shutil.rmtree(dest)
        except Exception as exc:  # noqa: BLE001 - reported as a grading failure
            return {"success": False, "error": f"{type(exc).__name__}: {exc}"}
        return {"success": True}

    def _output_problems(self, student: str, notebooks: list[str]) -> list[str]:
        """Plain-word problems read from the autograded notebooks (e.g. MemoryError)."""
        import nbformat  # noqa: PLC0415

        problems = []
        for name in notebooks:
            path = os.path.join(
                self.coursedir.format_path(
                    self.coursedir.autograded_directory, student, self.assignment
                ),
                f"{name}.ipynb",
            )
            if not os.path.isfile(path):
                continue
            try:
                nb = nbformat.read(path, as_version=4)
            except Exception:  # noqa: BLE001 - written by nbgrader; unreadable means failed
                continue
            seen = set()
            for cell in nb.cells:
                for out in cell.get("outputs", []):
                    ename = out.get("ename") if out.get("output_type") == "error" else None
                    if ename in _ERROR_WORDS and ename not in seen:
                        seen.add(ename)
                        text = _ERROR_WORDS[ename].format(memory=self.settings.memory_limit)
                        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                        problems.append(f"{name}: {text}" + (f" (cell {gid})" if gid else ""))
        return problems

    def _score(self, student: str) -> tuple[float | None, float | None]:
        from nbgrader.api import Gradebook, MissingEntry  # noqa: PLC0415

        try:
            with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
                submission = gb.find_submission(self.assignment, student)
                return float(submission.score), float(submission.max_score)
        except MissingEntry:
            return None, None

    def grade(
        self, students: Iterable[str] | None = None, progress: bool = True
    ) -> list[StudentResult]:
        """Grade several students one after the other (with a progress bar).

        Parameters
        ----------
        students : iterable of str, optional
            Student ids (default: everyone with a submission).
        progress : bool
            Show a tqdm progress bar on stderr.

        Returns
        -------
        list of StudentResult
        """
        todo = list(students) if students is not None else self.students()
        results = []
        bar = None
        if progress:
            from tqdm import tqdm  # noqa: PLC0415

            bar = tqdm(total=len(todo), unit="student", file=sys.stderr, dynamic_ncols=True)
        try:
            for student in todo:
                if bar is not None:
                    bar.set_postfix_str(student)
                results.append(self.grade_student(student))
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.close()
        return results


def generate_feedback(session: GradingSession, student: str) -> dict:
    """Write one student's feedback HTML with nbgrader's ``GenerateFeedback``, in this process.

    Parameters
    ----------
    session : GradingSession
        The grading session.
    student : str
        The student id (must have been autograded).

    Returns
    -------
    dict
        nbgrader's ``capture_log`` result (``success``, ``log``, ``error``).
    """
    import warnings  # noqa: PLC0415

    from nbgrader.converters import GenerateFeedback  # noqa: PLC0415
    from nbgrader.utils import capture_log  # noqa: PLC0415

    coursedir = session.coursedir
    previous = (coursedir.assignment_id, coursedir.student_id)
    coursedir.assignment_id = session.assignment
    coursedir.student_id = student
    try:
        app = GenerateFeedback(coursedir=coursedir, config=session.config, log=session.log)
        app.force = True
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return capture_log(app)
    finally:
        coursedir.assignment_id, coursedir.student_id = previous


def _dedupe(incidents: list[Incident]) -> list[Incident]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for incident in incidents:
        key = (incident.kind, incident.message)
        if key not in seen:
            seen.add(key)
            unique.append(incident)
    return unique


_EXCEPTION_LINE = re.compile(r"^(?:[A-Za-z_][\w.]*\.)?(\w*(?:Error|Exception|Exit)): ?(.*)$")


def _last_error(outcome: dict) -> str:
    """The reason a ``capture_log`` run failed, in one line: the exception that caused it.

    nbgrader ends a failed conversion with ``NbGraderException: Please see the above
    traceback``; the cause is the last other exception line of its error or its log.
    """
    for text in (outcome.get("error"), outcome.get("log")):
        lines = [line.strip() for line in str(text or "").splitlines() if line.strip()]
        for line in reversed(lines):
            match = _EXCEPTION_LINE.match(line)
            if match and match[1] != "NbGraderException":
                return f"{match[1]}: {match[2]}"[:200]
    lines = [line.strip() for line in str(outcome.get("error") or outcome.get("log") or "")
             .splitlines() if line.strip()]
    return lines[-1][:200] if lines else "unknown error"


def grade_assignment(
    assignment: str,
    students: Iterable[str] | None = None,
    course_dir: str = ".",
    config: Any = None,
    allow_unsafe: bool = False,
    progress: bool = False,
) -> list[StudentResult]:
    """Grade an assignment (all its submissions, or some students) safely.

    Parameters
    ----------
    assignment : str
        The assignment id.
    students : iterable of str, optional
        Only these students.
    course_dir : str
        The course directory.
    config : traitlets.config.Config, optional
        nbgrader configuration (default: loaded from ``course_dir``).
    allow_unsafe : bool
        Grade without the sandbox if bubblewrap is unavailable.
    progress : bool
        Show a progress bar.

    Returns
    -------
    list of StudentResult
    """
    session = GradingSession(assignment, course_dir, config=config, allow_unsafe=allow_unsafe)
    return session.grade(students, progress=progress)
