"""Grade submissions safely and fast: ``mml grade ASSIGNMENT... [--student ID ...] [--jobs N]``.

Grading uses nbgrader's own machinery (its ``Autograde`` converter, preprocessors and gradebook,
run in this process so that start-up is paid once) with these changes:

* every notebook runs in the bubblewrap sandbox of :mod:`mml.sandbox` (no network, resource
  limits, nothing of the course visible); without bubblewrap grading is refused unless
  ``--unsafe-no-sandbox`` is given;
* before nbgrader touches a submission, it is checked (:func:`scan_submission`): symbolic links,
  special files and files over the size limit are left out, and a notebook that is a link, empty
  or not valid notebook JSON scores zero like a missing one, instead of aborting the run;
* edited cell metadata is repaired and deleted locked cells (tests, but also the imports and
  given functions) are put back (:class:`RepairCells`), so editing or deleting a cell can
  neither remove a test nor replace the checking tools, nor stop nbgrader;
* a progress bar, then a table: per student, the score and what went wrong in plain words.

Each submission is an independent task (:meth:`GradingSession.grade_student`). ``mml grade``
runs them with :mod:`mml.parallel`: ``--jobs N`` worker processes (default: the number of
cores) forked once per run, a gradebook engine kept per worker, and a state file per student
written last, so that a killed run is finished by running it again and a rerun only grades
new, changed or unfinished submissions (``--force`` grades everyone again). ``--feedback``
writes feedback HTML, ``--export-csv`` and ``--export-course`` write LMS-ready CSV files
(:mod:`mml.exports`). The gradebook is SQLite by default; ``CourseDirectory.db_url`` (or
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

import argparse
import contextlib
import glob
import json
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# Start-up: jsonschema (imported by nbformat, by nbgrader) loads the optional ``rfc3987_syntax``
# package if it is installed, and that compiles a grammar at import: about 1.5 s, more than half
# of nbgrader's import time, only to check "iri" string formats, which no notebook or nbgrader
# schema uses. `mml grade` does without it (nothing changes if jsonschema is already imported).
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]

from mml.sandbox import (  # noqa: E402 - after the start-up tweak above
    INCIDENTS,
    Incident,
    Sandbox,
    SandboxUnavailable,  # noqa: F401 - re-exported for callers of mml.grading
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


def _notebook_problem(path: str) -> str | None:
    """Why the notebook at ``path`` cannot be graded, or None if it can."""
    if os.path.islink(path):
        return "is a symbolic link, not a notebook file"
    if not os.path.isfile(path):
        return "is not a regular file"
    if os.path.getsize(path) == 0:
        return "is an empty file"
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


def scan_submission(folder: str, notebooks: Iterable[str], max_file_size: int) -> Preflight:
    """Check one submission folder before grading.

    Parameters
    ----------
    folder : str
        ``submitted/<student>/<assignment>``.
    notebooks : iterable of str
        Names (without ``.ipynb``) of the assignment's notebooks.
    max_file_size : int
        Files larger than this many bytes are left out.

    Returns
    -------
    Preflight
        Files to leave out, notebooks that cannot be graded (they score zero), and notebooks
        that are missing or unknown.
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
                problem = _notebook_problem(full)
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
    return found


# --------------------------------------------------------------------------------------------
# nbgrader pieces
# --------------------------------------------------------------------------------------------


def _preprocessor_base() -> type:
    from nbgrader.preprocessors import NbGraderPreprocessor  # noqa: PLC0415

    return NbGraderPreprocessor


class RepairCells(_preprocessor_base()):  # type: ignore[misc]
    """Undo a submission's edits to the nbgrader structure before nbgrader reads it.

    Runs first when a submission is sanitized:

    * every cell whose ``grade_id`` is in the gradebook gets its nbgrader metadata back (grade,
      solution, locked, task, points, schema): a test cell turned into an answer cell, an
      ungraded cell or a cell of another schema version is a test cell again (stock nbgrader
      either keeps the change or stops grading the notebook with "Inconsistent checksums");
    * nbgrader metadata with an unknown or missing ``grade_id`` is removed (a plain cell);
    * locked cells that were deleted, tests and also read-only cells that are not graded (such
      as ``from mml import checks`` or given functions), are put back after the cell that
      precedes them in the source notebook, so that deleting a cell can neither remove a test
      nor replace the checking tools.

    nbgrader's own ``OverwriteCells`` then restores the source of every locked cell.
    """

    def preprocess(self, nb: Any, resources: Any) -> Any:
        from nbformat.v4 import new_code_cell, new_markdown_cell  # noqa: PLC0415
        from nbgrader.api import Gradebook  # noqa: PLC0415

        meta = resources["nbgrader"]
        with Gradebook(meta["db_url"]) as gb:
            source_nb = gb.find_notebook(meta["notebook"], meta["assignment"])
            source = [
                (c.name, c.cell_type, c.source, bool(c.locked), c.checksum)
                for c in source_nb.source_cells
            ]
            points = {c.name: float(c.max_score) for c in source_nb.grade_cells}
            solutions = {c.name for c in source_nb.solution_cells}
            tasks = {c.name for c in source_nb.task_cells}
        known = {name: (cell_type, locked) for name, cell_type, _, locked, _ in source}

        def truth(name: str, locked: bool) -> dict:
            data = {
                "grade": name in points, "solution": name in solutions, "locked": locked,
                "task": name in tasks, "grade_id": name, "schema_version": 3,
            }
            if name in points:
                data["points"] = points[name]
            return data

        for cell in nb.cells:
            nbg = cell.get("metadata", {}).get("nbgrader")
            if nbg is None:
                continue
            name = nbg.get("grade_id") if isinstance(nbg, dict) else None
            if not isinstance(name, str) or name not in known:
                del cell.metadata["nbgrader"]
                continue
            checksum = nbg.get("checksum")
            cell.metadata["nbgrader"] = truth(name, known[name][1])
            if checksum is not None:
                cell.metadata["nbgrader"]["checksum"] = checksum

        def positions() -> dict[str, int]:
            found: dict[str, int] = {}
            for index, cell in enumerate(nb.cells):
                gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                if gid:
                    found.setdefault(gid, index)
            return found

        present = positions()
        order = [name for name, *_ in source]
        for position, (name, cell_type, text, locked, checksum) in enumerate(source):
            if name in present or not locked:
                continue
            maker = new_code_cell if cell_type == "code" else new_markdown_cell
            cell = maker(text)
            cell.metadata["nbgrader"] = {**truth(name, locked), "checksum": checksum}
            cell.metadata["editable"] = False
            cell.metadata["deletable"] = False
            insert_at = 0
            for previous in reversed(order[:position]):
                if previous in present:
                    insert_at = present[previous] + 1
                    break
            nb.cells.insert(insert_at, cell)
            self.log.warning("Restored deleted cell %s", name)
            present = positions()
        return nb, resources


#: former name, kept for configurations that import it
RestoreLockedCells = RepairCells


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
    """
    from nbgrader.apps.baseapp import NbGrader  # noqa: PLC0415

    with _chdir(course_dir):
        app = NbGrader()
        app.log = logging.getLogger("mml.grade")
        app.load_config_file()
        config = app.config
    if "root" not in config.CourseDirectory:
        config.CourseDirectory.root = os.path.abspath(course_dir)
    return config


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
        if "add_missing_cells" not in self.config.OverwriteCells:
            self.config.OverwriteCells.add_missing_cells = True
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
            self.submission_dir(student), notebooks, parse_size(self.settings.file_size_limit)
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


def _dedupe(incidents: list[Incident]) -> list[Incident]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for incident in incidents:
        key = (incident.kind, incident.message)
        if key not in seen:
            seen.add(key)
            unique.append(incident)
    return unique


def _last_error(outcome: dict) -> str:
    text = outcome.get("error") or outcome.get("log") or ""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    for line in reversed(lines):
        if "Error" in line or "error" in line:
            return line[:200]
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


# --------------------------------------------------------------------------------------------
# the command line
# --------------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``mml grade``."""
    parser.add_argument(
        "assignment", nargs="*",
        help="the assignment(s) to grade (folders of source/); several share one worker pool",
    )
    parser.add_argument(
        "--student", action="append", default=None, metavar="ID",
        help="grade only this student (repeatable); default: every submission",
    )
    parser.add_argument(
        "--course-dir", default=None,
        help="the course directory (default: the current directory if it has "
        "nbgrader_config.py, else the repository)",
    )
    parser.add_argument(
        "--unsafe-no-sandbox", action="store_true",
        help="if bubblewrap is missing, grade WITHOUT a sandbox (students' code runs with "
        "your rights: only for trusted submissions)",
    )
    limits = parser.add_argument_group("limits per notebook (default: nbgrader_config.py)")
    limits.add_argument("--memory", help="memory per kernel, e.g. 2G")
    limits.add_argument("--cpu-time", type=int, help="CPU seconds per kernel")
    limits.add_argument("--processes", type=int, help="processes and threads per kernel")
    limits.add_argument("--file-size", help="largest file a kernel may write, e.g. 100M")
    limits.add_argument("--disk", help="size of the kernel's writable folder, e.g. 512M")
    limits.add_argument("--output", help="largest output kept per notebook, e.g. 2M")
    limits.add_argument("--timeout", type=int, help="seconds per cell")
    limits.add_argument("--notebook-timeout", type=int, help="seconds per notebook in total")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    from mml.parallel import add_class_arguments  # noqa: PLC0415

    add_class_arguments(parser)


def _course_dir(arg: str | None) -> str:
    if arg:
        return os.path.abspath(arg)
    if os.path.exists("nbgrader_config.py"):
        return os.getcwd()
    from mml import course  # noqa: PLC0415

    return str(course.REPO_ROOT)


def apply_arguments(config: Any, args: argparse.Namespace) -> None:
    """Copy the limit flags of ``mml grade`` into the nbgrader configuration."""
    mapping = {
        "memory": ("Sandbox", "memory_limit"),
        "cpu_time": ("Sandbox", "cpu_time_limit"),
        "processes": ("Sandbox", "max_processes"),
        "file_size": ("Sandbox", "file_size_limit"),
        "disk": ("Sandbox", "disk_limit"),
        "output": ("Sandbox", "output_limit"),
        "notebook_timeout": ("Sandbox", "notebook_timeout"),
        "timeout": ("Execute", "timeout"),
    }
    for arg, (section, key) in mapping.items():
        value = getattr(args, arg, None)
        if value is not None:
            if key.endswith("_limit") and isinstance(value, str):
                parse_size(value)  # fail early on a bad size
            config[section][key] = value
    if getattr(args, "unsafe_no_sandbox", False):
        config.Sandbox.allow_unsafe = True


def format_table(results: list[StudentResult]) -> str:
    """The summary table printed by ``mml grade``."""
    rows = [("student", "score", "time", "what went wrong")]
    for r in results:
        if r.score is None:
            score = "-"
        else:
            score = f"{r.score:g} / {r.max_score:g}"
        rows.append((r.student, score, f"{r.seconds:.0f} s", r.summary()))
    width0 = max(len(row[0]) for row in rows)
    width1 = max(len(row[1]) for row in rows)
    width2 = max(len(row[2]) for row in rows)
    lines = [f"{a:<{width0}}  {b:>{width1}}  {t:>{width2}}  {c}" for a, b, t, c in rows]
    lines.insert(1, "-" * min(100, width0 + width1 + width2 + 24))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Run ``mml grade``; 0 if every submission was graded, 1 if some failed, 2 if refused.

    Grading, reruns, feedback and exports are done by :func:`mml.parallel.run_class`.
    """
    from mml.parallel import run_class  # noqa: PLC0415

    course_dir = _course_dir(args.course_dir)
    config = load_config(course_dir)
    apply_arguments(config, args)
    return run_class(args, course_dir, config)
