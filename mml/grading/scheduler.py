"""Grade a whole class fast and crash-safely: tasks on Dask, resumable runs, feedback.

:func:`grade_classes` is what ``mml grade`` runs. It plans one task per (assignment, student)
and runs the tasks on Dask distributed (:mod:`mml.grading.cluster`): on this machine a
``LocalCluster`` of ``jobs`` one-thread workers, or the workers of a running scheduler. Each
worker grades with :class:`mml.grading.session.GradingSession` (nbgrader's ``Autograde``, every
kernel in the bubblewrap sandbox) in a private course and returns the results as data; this
process is the only writer: it stores each student's rows in the gradebook in one transaction
(:func:`store`), then the autograded notebooks and the feedback, then the state file. Scores do
not depend on the order, on ``jobs`` or on the cluster.

**Faults.** A worker that dies loses its task to another worker (Dask reschedules it); a
submission that has killed two workers is reported and not tried again; any other error of a
task is reported for that student and the run goes on. A failed grading writes nothing and
counts as failed; the next run grades it again.

**Crash-safe, incremental reruns.** A student's grading is complete only when its *state
file* ``.mml/grading/<assignment>/<student>.json`` (in the course directory) exists; it is
removed before the student's results are written and written atomically last, after the
gradebook commit, the autograded notebooks and the feedback. It records a key of what was
graded (a hash of the files of ``submitted/<student>/<assignment>``, of ``source/<assignment>``
and of the grading limits) and the size and modification time of the autograded notebooks. A
run skips a student whose state file matches the current key, whose autograded notebooks are
unchanged and whose submission is in the gradebook; everything else is graded again from
scratch. So a run killed at any moment (even with SIGKILL: local workers die with it via
``PR_SET_PDEATHSIG``, kernels with their worker via bubblewrap's ``--die-with-parent``) is
finished by running it again, and a rerun only grades new or changed submissions unless
``force`` is given.

**Feedback.** With ``feedback=True`` each worker also writes the student's feedback HTML
(nbgrader's ``GenerateFeedback``, configured in ``nbgrader_config.py`` to hide hidden tests)
right after grading; a rerun writes missing feedback here, without grading again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from mml.grading.cluster import (
    ALLOWED_FAILURES,
    Cluster,
    grade_on_worker,
    ignored,
    killed_worker,
    open_client,
    pack_folder,
    replace_folder,
    run_on_client,
)
from mml.grading.config_check import size_limit
from mml.grading.course import tool_env
from mml.grading.gradebook import (
    definitions_template,
    dispose_engines,
    fast_gradebook,
    normalize_db_url,
    store_rows,
)
from mml.grading.sandbox import Incident, parse_size
from mml.grading.session import (
    GradingSession,
    StudentResult,
    _last_error,
    generate_feedback,
    load_config,
)

STATE_VERSION = 1
#: where the state files live, relative to the course directory
STATE_DIR = os.path.join(".mml", "grading")


# --------------------------------------------------------------------------------------------
# state files: what was graded, and is it complete?
# --------------------------------------------------------------------------------------------


def tree_hash(folder: str, ignore: Iterable[str] = (), digest: Any = None) -> str:
    """A SHA-256 of the names and contents of the files under ``folder``.

    Symbolic links are hashed by their target (never followed); names matching ``ignore``
    (e.g. ``.ipynb_checkpoints``) are left out. A missing folder hashes like an empty one but
    differently from any folder with files.

    Parameters
    ----------
    folder : str
        The folder.
    ignore : iterable of str
        Glob patterns of file or folder names to leave out.
    digest : hashlib object, optional
        Update this digest instead of a new one.

    Returns
    -------
    str
        The hex digest.
    """
    patterns = list(ignore)
    digest = digest if digest is not None else hashlib.sha256()
    if not os.path.isdir(folder) or os.path.islink(folder):
        digest.update(b"<missing>")
        return digest.hexdigest()
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not ignored(d, patterns))
        for name in sorted(files):
            if ignored(name, patterns):
                continue
            full = os.path.join(root, name)
            rel = os.path.relpath(full, folder).encode("utf-8", "surrogateescape")
            digest.update(b"\0F" + rel + b"\0")
            if os.path.islink(full):
                digest.update(b"L" + os.readlink(full).encode("utf-8", "surrogateescape"))
            elif os.path.isfile(full):
                with open(full, "rb") as handle:
                    for chunk in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(chunk)
            else:
                digest.update(b"S")
        for name in dirs:
            if os.path.islink(os.path.join(root, name)):
                rel = os.path.relpath(os.path.join(root, name), folder)
                digest.update(b"\0L" + rel.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def grading_fingerprint(session: GradingSession) -> str:
    """A hash of what, besides the submission, decides the grades of this assignment.

    The files of ``source/<assignment>`` (the tests), the sandbox limits and the timeouts.

    Parameters
    ----------
    session : GradingSession
        The grading session.

    Returns
    -------
    str
        The hex digest.
    """
    coursedir = session.coursedir
    source = coursedir.format_path(coursedir.source_directory, ".", session.assignment)
    digest = hashlib.sha256()
    digest.update(session.settings.describe().encode())
    execute = session.config.Execute
    digest.update(repr([execute.get(k) for k in ("timeout", "startup_timeout")]).encode())
    digest.update(repr(bool(session.sandboxed)).encode())
    return tree_hash(source, coursedir.ignore, digest)


def submission_key(session: GradingSession, student: str, fingerprint: str) -> str:
    """The key of one student's grading: submission files + the assignment's fingerprint."""
    digest = hashlib.sha256(fingerprint.encode())
    return tree_hash(session.submission_dir(student), session.coursedir.ignore, digest)


def state_path(session: GradingSession, student: str) -> str:
    """Where the state file of one student's grading of this assignment lives."""
    return os.path.join(session.course_dir, STATE_DIR, session.assignment, f"{student}.json")


def _files_of(folder: str, suffix: str) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.endswith(suffix) and os.path.isfile(path) and not os.path.islink(path):
                info = os.stat(path)
                found[name] = [info.st_size, info.st_mtime_ns]
    return found


def _autograded_dir(session: GradingSession, student: str) -> str:
    coursedir = session.coursedir
    return coursedir.format_path(coursedir.autograded_directory, student, session.assignment)


def _feedback_dir(session: GradingSession, student: str) -> str:
    coursedir = session.coursedir
    return coursedir.format_path(coursedir.feedback_directory, student, session.assignment)


def _write_json_atomically(path: str, data: dict) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".state-", suffix=".json", dir=os.path.dirname(path))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def read_state(session: GradingSession, student: str) -> dict | None:
    """The state file of a student (None if there is none or it is unreadable)."""
    try:
        with open(state_path(session, student), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return None
    return data


def clear_state(session: GradingSession, student: str) -> None:
    """Remove a student's state file: the student counts as not graded from now on."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(state_path(session, student))


def write_state(
    session: GradingSession, student: str, key: str, result: StudentResult, feedback: bool
) -> None:
    """Record that a student's grading (and feedback, if ``feedback``) is complete."""
    data = {
        "version": STATE_VERSION,
        "student": student,
        "assignment": session.assignment,
        "key": key,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "autograded": _files_of(_autograded_dir(session, student), ".ipynb"),
        "feedback": _files_of(_feedback_dir(session, student), ".html") if feedback else None,
        "result": result_to_dict(result),
    }
    _write_json_atomically(state_path(session, student), data)


def result_to_dict(result: StudentResult) -> dict:
    """A JSON-able form of a :class:`~mml.grading.session.StudentResult`."""
    return asdict(result)


def result_from_dict(data: dict) -> StudentResult:
    """The :class:`~mml.grading.session.StudentResult` saved by :func:`result_to_dict`."""
    known = set(StudentResult.__dataclass_fields__)
    values = {k: v for k, v in data.items() if k in known}
    values["incidents"] = [Incident(**i) for i in values.get("incidents", [])]
    return StudentResult(**values)


def _state_valid(
    session: GradingSession, student: str, state: dict | None, key: str, graded: set[str]
) -> bool:
    """Is the recorded grading of ``student`` complete and still about the same submission?"""
    if state is None or state.get("key") != key or student not in graded:
        return False
    recorded = state.get("autograded") or {}
    return _files_of(_autograded_dir(session, student), ".ipynb") == recorded


def _feedback_valid(session: GradingSession, student: str, state: dict | None) -> bool:
    if state is None or state.get("feedback") is None:
        return False
    html = _files_of(_feedback_dir(session, student), ".html")
    if html != state["feedback"]:
        return False
    wanted = {n[: -len(".ipynb")] + ".html" for n in state.get("autograded") or {}}
    return wanted <= set(html)


# --------------------------------------------------------------------------------------------
# tasks, and what the client does with their results
# --------------------------------------------------------------------------------------------


@dataclass
class Task:
    """One student of one assignment to grade (``grade``), and/or to write feedback for."""

    assignment: str
    student: str
    key: str
    grade: bool = True
    feedback: bool = False


@dataclass
class TaskOutcome:
    """What a task did."""

    result: StudentResult
    graded: bool = False  # grading ran
    feedback_written: bool = False
    stale_feedback: bool = False  # regraded, feedback not asked for, older feedback exists


def write_feedback(session: GradingSession, task: Task) -> TaskOutcome:
    """Write the feedback of a student whose grading is complete (in this process: no kernel
    runs); the state file is rewritten to record it."""
    state = read_state(session, task.student) or {}
    result = result_from_dict(state.get("result") or {"student": task.student})
    result.seconds = 0.0
    outcome = TaskOutcome(result)
    started = time.monotonic()
    done = generate_feedback(session, task.student)
    result.seconds += time.monotonic() - started
    if not done.get("success"):
        result.problems.append("feedback failed: " + _last_error(done))
        return outcome
    outcome.feedback_written = True
    write_state(session, task.student, task.key, result, feedback=True)
    return outcome


def store(session: GradingSession, task: Task, data: dict) -> TaskOutcome:
    """Write what a worker returned: the gradebook rows (one transaction), the autograded and
    feedback files, then, last, the state file. The only writer of the course's grades.

    Parameters
    ----------
    session : GradingSession
        The assignment's session (on this machine).
    task : Task
        The task the worker ran.
    data : dict
        :func:`mml.grading.cluster.grade_on_worker`'s result.

    Returns
    -------
    TaskOutcome
    """
    clear_state(session, task.student)
    result = result_from_dict(data["result"])
    outcome = TaskOutcome(result, graded=True)
    if not result.graded:
        return outcome
    coursedir = session.coursedir
    store_rows(coursedir.db_url, coursedir.course_id, task.assignment, task.student,
               data["rows"])
    replace_folder(data["autograded"], _autograded_dir(session, task.student))
    if not task.feedback:
        outcome.stale_feedback = bool(_files_of(_feedback_dir(session, task.student), ".html"))
    elif data["feedback_problem"]:
        result.problems.append("feedback failed: " + data["feedback_problem"])
        return outcome
    else:
        replace_folder(data["feedback"], _feedback_dir(session, task.student))
        outcome.feedback_written = True
    write_state(session, task.student, task.key, result, feedback=task.feedback)
    return outcome


def _failed(task: Task, error: BaseException) -> TaskOutcome:
    result = StudentResult(task.student)
    if killed_worker(error):
        result.problems.append(
            f"grading failed: this submission killed its grading worker {ALLOWED_FAILURES + 1} "
            "times; it is not tried again (see the workers' logs)"
        )
    else:
        result.problems.append(f"grading failed: internal error ({type(error).__name__}: "
                               f"{str(error)[:200]})")
    return TaskOutcome(result)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _payloads(sessions: dict[str, GradingSession], tasks: list[Task]) -> Iterator[dict]:
    """The data of each task, read when the task is submitted (not all at once)."""
    for task in tasks:
        session = sessions[task.assignment]
        largest = max(parse_size(session.settings.file_size_limit),
                      size_limit(session.config, "notebook_size_limit"))
        yield {"assignment": task.assignment, "student": task.student,
               "feedback": task.feedback,
               "files": pack_folder(session.submission_dir(task.student),
                                    session.coursedir.ignore, max_bytes=largest)}


def run_tasks(
    sessions: dict[str, GradingSession],
    tasks: list[Task],
    jobs: int,
    scheduler: str | None = None,
    on_done: Callable[[Task, TaskOutcome], None] | None = None,
) -> dict[tuple[str, str], TaskOutcome]:
    """Grade on Dask (:mod:`mml.grading.cluster`): workers grade, this process writes.

    Parameters
    ----------
    sessions : dict
        ``{assignment: GradingSession}``.
    tasks : list of Task
        What to do, in this order.
    jobs : int
        Workers of the local cluster (or of a configured cluster class).
    scheduler : str, optional
        Address of a running Dask scheduler to use instead.
    on_done : callable, optional
        Called (in this process) when a task is done.

    Returns
    -------
    dict
        ``{(assignment, student): TaskOutcome}``.
    """
    outcomes: dict[tuple[str, str], TaskOutcome] = {}

    def done(task: Task, outcome: TaskOutcome) -> None:
        outcomes[(task.assignment, task.student)] = outcome
        if on_done:
            on_done(task, outcome)

    grading = [t for t in tasks if t.grade]
    os.environ.update(tool_env())  # nbgrader calls alembic by name; workers inherit it
    with fast_gradebook():
        for task in tasks:
            if not task.grade:
                done(task, write_feedback(sessions[task.assignment], task))
        if not grading:
            return outcomes
        first = sessions[grading[0].assignment]
        coursedir = first.coursedir
        memory = size_limit(first.config, "worker_memory_limit")
        shared = {
            "config": first.config,
            "template": definitions_template(coursedir.db_url, coursedir.course_id),
            "source": {name: pack_folder(coursedir.format_path(coursedir.source_directory, ".",
                                                                name), coursedir.ignore)
                       for name in {t.assignment for t in grading}},
            "course_root": Cluster(config=first.config).worker_course_root or first.course_dir,
            "memory": memory,
        }
        by_key = {(t.assignment, t.student): t for t in grading}

        def finished(payload: dict, data: dict | None, error: BaseException | None) -> None:
            task = by_key[(payload["assignment"], payload["student"])]
            session = sessions[task.assignment]
            if error is not None or data is None:
                done(task, _failed(task, error or RuntimeError("no result")))
                return
            try:
                done(task, store(session, task, data))
            except Exception as exc:  # noqa: BLE001 - reported for this student, the run goes on
                done(task, _failed(task, exc))

        with open_client(first.config, min(jobs, len(grading)), scheduler, memory) as client:
            run_on_client(client, grade_on_worker, _payloads(sessions, grading), shared,
                          finished, window=max(4, 4 * jobs))
    return outcomes


# --------------------------------------------------------------------------------------------
# a class
# --------------------------------------------------------------------------------------------


@dataclass
class ClassReport:
    """What :func:`grade_class` did."""

    assignment: str
    results: list[StudentResult] = field(default_factory=list)
    graded: list[str] = field(default_factory=list)  # graded in this run, successfully
    skipped: list[str] = field(default_factory=list)  # complete and unchanged: not regraded
    feedback: list[str] = field(default_factory=list)  # feedback written in this run
    stale_feedback: list[str] = field(default_factory=list)  # regraded; feedback/ is older
    jobs: int = 1
    seconds: float = 0.0
    startup_seconds: float = 0.0

    @property
    def failed(self) -> list[StudentResult]:
        """Students whose grading did not complete."""
        return [r for r in self.results if not r.graded]


def _graded_students(session: GradingSession) -> dict[str, tuple[float, float]]:
    """``{student: (score, max_score)}`` of every submission of the assignment in the gradebook."""
    from nbgrader.api import Gradebook  # noqa: PLC0415

    with Gradebook(session.coursedir.db_url, session.coursedir.course_id) as gb:
        return {
            s.student.id: (float(s.score or 0.0), float(s.max_score or 0.0))
            for s in gb.assignment_submissions(session.assignment)
        }


def _check_assignment(session: GradingSession) -> None:
    from nbgrader.api import Gradebook, MissingEntry  # noqa: PLC0415

    with Gradebook(session.coursedir.db_url, session.coursedir.course_id) as gb:
        try:
            gb.find_assignment(session.assignment)
        except MissingEntry:
            raise LookupError(
                f"assignment {session.assignment} is not in the gradebook "
                f"({session.coursedir.db_url}): run `nbgrader generate_assignment "
                f"{session.assignment}` first"
            ) from None


def clean_stale_sandboxes(max_age: float = 60.0) -> int:
    """Remove kernel folders (``mml-sandbox-*``) and workers' private courses
    (``mml-grade-*``) in the temp dir left by a killed run.

    A folder counts as stale when it is older than ``max_age`` seconds and no process runs in
    it (a live sandbox's ``bwrap`` has it as its working directory).

    Returns
    -------
    int
        How many folders were removed.
    """
    import glob  # noqa: PLC0415
    import shutil  # noqa: PLC0415

    folders = [f for kind in ("mml-sandbox-*", "mml-grade-*")
               for f in glob.glob(os.path.join(tempfile.gettempdir(), kind))]
    now = time.time()
    folders = [f for f in folders if now - os.stat(f).st_mtime > max_age]
    if not folders:
        return 0
    busy: set[str] = set()
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            with contextlib.suppress(OSError):
                busy.add(os.readlink(f"/proc/{pid}/cwd"))
    removed = 0
    for folder in folders:
        if any(b == folder or b.startswith(folder + os.sep) for b in busy):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed


def _session(
    assignment: str, course_dir: str, config: Any, allow_unsafe: bool
) -> GradingSession:
    session = GradingSession(assignment, course_dir, config=config, allow_unsafe=allow_unsafe)
    session.coursedir.db_url = normalize_db_url(session.coursedir.db_url)
    return session


def plan(
    session: GradingSession,
    students: Iterable[str] | None = None,
    force: bool = False,
    feedback: bool = False,
) -> tuple[list[Task], dict[str, StudentResult]]:
    """What is left to do for one assignment: tasks, and the results kept from earlier runs.

    Parameters
    ----------
    session : GradingSession
        The assignment's session.
    students : iterable of str, optional
        Only these students (default: every submission).
    force : bool
        Grade everyone again.
    feedback : bool
        Feedback is wanted too.

    Returns
    -------
    tasks : list of Task
        Students to grade (or only to write feedback for), in order.
    kept : dict
        ``{student: StudentResult}`` of the students whose grading is complete and unchanged
        (score and maximum read from the gradebook).

    Raises
    ------
    LookupError
        If the assignment is not in the gradebook.
    """
    todo = list(dict.fromkeys(students)) if students is not None else session.students()
    with fast_gradebook():
        _check_assignment(session)
        in_gradebook = _graded_students(session)
        dispose_engines()
    fingerprint = grading_fingerprint(session)
    known = set(in_gradebook)
    tasks: list[Task] = []
    kept: dict[str, StudentResult] = {}
    for student in todo:
        key = submission_key(session, student, fingerprint)
        state = None if force else read_state(session, student)
        if not force and _state_valid(session, student, state, key, known):
            assert state is not None
            result = result_from_dict(state.get("result") or {"student": student})
            result.student = student
            result.score, result.max_score = in_gradebook[student]
            result.seconds = 0.0
            kept[student] = result
            if feedback and not _feedback_valid(session, student, state):
                tasks.append(Task(session.assignment, student, key, grade=False, feedback=True))
            continue
        tasks.append(Task(session.assignment, student, key, grade=True, feedback=feedback))
    return tasks, kept


def grade_classes(
    assignments: Iterable[str],
    students: Iterable[str] | None = None,
    *,
    course_dir: str = ".",
    config: Any = None,
    sessions: dict[str, GradingSession] | None = None,
    jobs: int | None = None,
    force: bool = False,
    feedback: bool = False,
    allow_unsafe: bool = False,
    progress: bool = False,
    scheduler: str | None = None,
) -> list[ClassReport]:
    """Grade the submissions of several assignments with one pool of workers.

    Parameters
    ----------
    assignments : iterable of str
        The assignment ids.
    students : iterable of str, optional
        Only these students (default: every submission of each assignment).
    course_dir : str
        The course directory.
    config : traitlets.config.Config, optional
        nbgrader configuration (default: loaded from ``course_dir``).
    sessions : dict, optional
        ``{assignment: GradingSession}`` already made (the others are made here).
    jobs : int, optional
        Worker processes (default: the number of cores).
    force : bool
        Grade every student again, even if its grading is complete and unchanged.
    feedback : bool
        Also write feedback HTML for every student (only what is missing, unless ``force``).
    allow_unsafe : bool
        Grade without the sandbox if bubblewrap is unavailable.
    progress : bool
        Show a progress bar on stderr.
    scheduler : str, optional
        Address of a running Dask scheduler (default: ``c.Cluster``'s setting, else a local
        cluster of ``jobs`` workers).

    Returns
    -------
    list of ClassReport
        One per assignment, in the order given.

    Raises
    ------
    mml.grading.sandbox.SandboxUnavailable
        If bubblewrap does not work and unsafe grading was not allowed.
    LookupError
        If an assignment is not in the gradebook.
    """
    started = time.monotonic()
    names = list(dict.fromkeys(assignments))
    sessions = dict(sessions or {})
    if config is None and any(a not in sessions for a in names):
        config = load_config(os.path.abspath(course_dir))
    for name in names:
        if name not in sessions:
            sessions[name] = _session(name, course_dir, config, allow_unsafe)
        else:
            sessions[name].coursedir.db_url = normalize_db_url(sessions[name].coursedir.db_url)
    wanted = list(students) if students is not None else None
    with contextlib.suppress(OSError):
        clean_stale_sandboxes()
    reports = {name: ClassReport(name) for name in names}
    tasks: list[Task] = []
    kept: dict[str, dict[str, StudentResult]] = {}
    order: dict[str, list[str]] = {}
    for name in names:
        session = sessions[name]
        order[name] = (
            list(dict.fromkeys(wanted)) if wanted is not None else session.students()
        )
        found, kept[name] = plan(session, order[name], force, feedback)
        tasks.extend(found)
        reports[name].skipped = [s for s in order[name] if s in kept[name]]
    jobs_used = max(1, min(jobs or default_jobs(), len(tasks))) if tasks else 0
    setup = time.monotonic() - started

    bar = None
    if progress and tasks:
        from tqdm import tqdm  # noqa: PLC0415

        bar = tqdm(total=len(tasks), unit="student", file=sys.stderr, dynamic_ncols=True)

    def on_done(task: Task, outcome: TaskOutcome) -> None:
        if bar is not None:
            label = task.student if len(names) == 1 else f"{task.assignment}/{task.student}"
            bar.set_postfix_str(label)
            bar.update(1)

    try:
        outcomes = run_tasks(sessions, tasks, jobs_used or 1, scheduler, on_done)
    finally:
        if bar is not None:
            bar.close()
    elapsed = time.monotonic() - started
    for name in names:
        report = reports[name]
        report.jobs = jobs_used
        report.startup_seconds = setup
        report.seconds = elapsed
        for student in order[name]:
            outcome = outcomes.get((name, student))
            if outcome is None:
                report.results.append(kept[name][student])
                continue
            report.results.append(outcome.result)
            if outcome.graded and outcome.result.graded:
                report.graded.append(student)
            if outcome.feedback_written:
                report.feedback.append(student)
            if outcome.stale_feedback:
                report.stale_feedback.append(student)
    return [reports[name] for name in names]


def grade_class(
    assignment: str,
    students: Iterable[str] | None = None,
    *,
    course_dir: str = ".",
    config: Any = None,
    session: GradingSession | None = None,
    jobs: int | None = None,
    force: bool = False,
    feedback: bool = False,
    allow_unsafe: bool = False,
    progress: bool = False,
) -> ClassReport:
    """Grade the submissions of one assignment: :func:`grade_classes` for one assignment.

    The parameters are those of :func:`grade_classes`, with one ``session`` (then
    ``course_dir``, ``config`` and ``allow_unsafe`` are unused) instead of ``sessions``.
    Returns the assignment's :class:`ClassReport`.
    """
    (report,) = grade_classes(
        [assignment], students, course_dir=course_dir, config=config,
        sessions={assignment: session} if session is not None else None, jobs=jobs,
        force=force, feedback=feedback, allow_unsafe=allow_unsafe, progress=progress,
    )
    return report
