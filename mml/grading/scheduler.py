"""Grade a whole class fast and crash-safely: parallel workers, resumable runs, feedback.

:func:`grade_class` is what ``mml grade`` runs. It grades the submissions of one assignment with
:class:`mml.grading.session.GradingSession` (nbgrader's ``Autograde``, every kernel in the
bubblewrap sandbox), and adds:

**Parallel workers.** ``jobs`` worker processes are forked from the process that loaded
nbgrader, the course configuration and the sandbox check, so imports and configuration are
paid once per run, not once per worker or per student. Each worker grades one student at a
time in its own sandboxed kernel and hands the result back through a pipe; the parent only
schedules, shows progress and collects. Gradebook writes of different students never touch the
same rows, so workers write concurrently: with PostgreSQL as is, with SQLite through a long
busy timeout (a writer waits for the other's transaction instead of failing with "database is
locked"). A worker that dies is replaced; its student is reported as failed and is graded
again by the next run. Scores do not depend on the order or on ``jobs``.

**Start-up paid once.** Besides imports and configuration, nbgrader opens the gradebook about
a dozen times per student (each time a new SQLAlchemy engine and connection, a check of every
table and of the course row). :func:`fast_gradebook` keeps one engine per database for the
whole run and checks the schema once.

**Crash-safe, incremental reruns.** A student's grading is complete only when its *state
file* ``.mml/grading/<assignment>/<student>.json`` (in the course directory) exists; it is
removed before the student is (re)graded and written atomically last, after the gradebook
commit, the autograded notebooks and the feedback. It records a key of what was graded (a hash
of the files of ``submitted/<student>/<assignment>``, of ``source/<assignment>`` and of the
grading limits) and the size and modification time of the autograded notebooks. A run skips a
student whose state file matches the current key, whose autograded notebooks are unchanged and
whose submission is in the gradebook; everything else is graded again from scratch (nbgrader
rewrites every grade of a submission, so a half-graded student leaves nothing behind). So a run
killed at any moment (even with SIGKILL: workers die with the parent via ``PR_SET_PDEATHSIG``,
kernels with their worker via bubblewrap's ``--die-with-parent``) is finished by running it
again, and a rerun only grades new or changed submissions unless ``force`` is given.

**Feedback.** With ``feedback=True`` each worker also writes the student's feedback HTML
(nbgrader's ``GenerateFeedback``, configured in ``nbgrader_config.py`` to hide hidden tests)
right after grading; a rerun writes feedback that is missing without grading again.
"""

from __future__ import annotations

import contextlib
import ctypes
import fnmatch
import hashlib
import json
import os
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from mml.grading.config_check import size_limit
from mml.grading.sandbox import Incident
from mml.grading.session import GradingSession, StudentResult, _last_error, load_config

STATE_VERSION = 1
#: where the state files live, relative to the course directory
STATE_DIR = os.path.join(".mml", "grading")
#: seconds an SQLite writer waits for another's transaction before giving up
SQLITE_BUSY_TIMEOUT = 600.0


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


def _dispose_engines(close: bool = True) -> None:
    for engine in _ENGINES.values():
        engine.dispose(close=close)


os.register_at_fork(after_in_child=lambda: _dispose_engines(close=False))


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
        _dispose_engines()
        _ENGINES.clear()
        _COURSES.clear()


# --------------------------------------------------------------------------------------------
# state files: what was graded, and is it complete?
# --------------------------------------------------------------------------------------------


def _ignored(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) for p in patterns)


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
        dirs[:] = sorted(d for d in dirs if not _ignored(d, patterns))
        for name in sorted(files):
            if _ignored(name, patterns):
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
# one task: grade (and/or write the feedback of) one student
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
    graded: bool = False  # nbgrader ran
    feedback_written: bool = False
    stale_feedback: bool = False  # regraded, feedback not asked for, older feedback exists


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


def run_task(session: GradingSession, task: Task) -> TaskOutcome:
    """Do one task; the student's state file is written last, only if everything worked.

    Parameters
    ----------
    session : GradingSession
        The grading session.
    task : Task
        What to do.

    Returns
    -------
    TaskOutcome
    """
    if task.grade:
        clear_state(session, task.student)
        result = session.grade_student(task.student)
        outcome = TaskOutcome(result, graded=True)
    else:
        state = read_state(session, task.student) or {}
        result = result_from_dict(state.get("result") or {"student": task.student})
        result.seconds = 0.0
        outcome = TaskOutcome(result)
    if not result.graded:
        return outcome
    has_autograded = bool(_files_of(_autograded_dir(session, task.student), ".ipynb"))
    if task.grade and not task.feedback:
        outcome.stale_feedback = bool(_files_of(_feedback_dir(session, task.student), ".html"))
    if task.feedback and has_autograded:
        started = time.monotonic()
        done = generate_feedback(session, task.student)
        result.seconds += time.monotonic() - started
        if not done.get("success"):

            result.problems.append("feedback failed: " + _last_error(done))
            return outcome
        outcome.feedback_written = True
    write_state(session, task.student, task.key, result, feedback=task.feedback)
    return outcome


def _safe_run_task(session: GradingSession, task: Task) -> TaskOutcome:
    try:
        return run_task(session, task)
    except Exception as exc:  # noqa: BLE001 - reported for this student, the run goes on
        detail = traceback.format_exc(limit=-3).strip().splitlines()[-1]
        result = StudentResult(task.student)
        result.problems.append(f"grading failed: internal error ({type(exc).__name__}: "
                               f"{detail[:200]})")
        return TaskOutcome(result)


# --------------------------------------------------------------------------------------------
# worker processes
# --------------------------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Make the kernel SIGKILL this process when its parent dies (Linux); exit if it is gone."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)


def _reset_after_fork() -> None:
    """Forget event loops inherited from the parent (a kernel needs a loop of its own)."""
    import asyncio  # noqa: PLC0415

    with contextlib.suppress(Exception):
        from jupyter_core import utils as jupyter_utils  # noqa: PLC0415

        jupyter_utils._loop.set(None)  # noqa: SLF001
        jupyter_utils._runner_map.clear()  # noqa: SLF001
    asyncio.set_event_loop(None)


def limit_memory(size: int | None) -> None:
    """Limit the address space of this process to ``size`` bytes (RLIMIT_AS; None: no limit).

    A grading worker parses submitted notebooks and kernel messages; the limit makes a
    submission that would blow up the grader fail alone, with a MemoryError, instead of
    pushing the machine into swap.
    """
    import resource  # noqa: PLC0415

    if size is not None:
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        if hard != resource.RLIM_INFINITY:
            size = min(size, hard)
        resource.setrlimit(resource.RLIMIT_AS, (size, hard))


def _worker_main(
    conn: Any, sessions: dict[str, GradingSession], parent_pid: int, memory: int | None
) -> None:
    """Body of a worker process: grade the tasks the parent sends until it sends None."""
    die_with_parent(parent_pid)
    limit_memory(memory)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C stops
    _reset_after_fork()
    with fast_gradebook():
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
            if task is None:
                return
            conn.send(_safe_run_task(sessions[task.assignment], task))


class _Worker:
    def __init__(
        self, ctx: Any, sessions: dict[str, GradingSession], memory: int | None
    ) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, sessions, os.getpid(), memory), daemon=True
        )
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0

    def send(self, task: Task | None) -> None:
        self.task = task
        self.started = time.monotonic()
        self.conn.send(task)

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.process.join(5)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_tasks(
    sessions: dict[str, GradingSession],
    tasks: list[Task],
    jobs: int,
    on_start: Callable[[Task], None] | None = None,
    on_done: Callable[[Task, TaskOutcome], None] | None = None,
    memory: int | None = None,
) -> dict[tuple[str, str], TaskOutcome]:
    """Run tasks in ``jobs`` forked worker processes (one is forked for ``jobs == 1`` too).

    Parameters
    ----------
    sessions : dict
        ``{assignment: GradingSession}`` (inherited by the workers).
    tasks : list of Task
        What to do, in this order.
    jobs : int
        Worker processes.
    on_start, on_done : callable, optional
        Called (in this process) when a task is handed out and when it is done.
    memory : int, optional
        Address-space limit of each worker process, in bytes (:func:`limit_memory`).

    Returns
    -------
    dict
        ``{(assignment, student): TaskOutcome}``.
    """
    outcomes: dict[tuple[str, str], TaskOutcome] = {}
    if not tasks:
        return outcomes
    jobs = max(1, min(jobs, len(tasks)))
    import multiprocessing  # noqa: PLC0415
    from multiprocessing.connection import wait  # noqa: PLC0415

    ctx = multiprocessing.get_context("fork")
    todo = list(tasks)
    _dispose_engines()  # no open database connection may cross a fork
    sys.stdout.flush()
    sys.stderr.flush()
    workers = [_Worker(ctx, sessions, memory) for _ in range(jobs)]

    def give(index: int) -> None:
        """Hand the next task to worker ``index``, replacing the worker if it has died."""
        for _ in range(3):
            if not todo:
                return
            worker = workers[index]
            if not worker.process.is_alive():
                worker.kill()
                worker = workers[index] = _Worker(ctx, sessions, memory)
            try:
                worker.send(todo[0])
            except (OSError, ValueError):
                worker.task = None
                worker.kill()
                workers[index] = _Worker(ctx, sessions, memory)
                continue
            task = todo.pop(0)
            if on_start:
                on_start(task)
            return
        raise RuntimeError("grading worker processes keep dying at start")

    try:
        for index in range(len(workers)):
            give(index)
        while any(w.task is not None for w in workers):
            busy = [i for i, w in enumerate(workers) if w.task is not None]
            ready = wait(
                [workers[i].conn for i in busy] + [workers[i].process.sentinel for i in busy], 5.0
            )
            for index in busy:
                worker = workers[index]
                task = worker.task
                assert task is not None
                outcome: TaskOutcome | None = None
                died = False
                if worker.conn in ready:
                    try:
                        outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        died = True
                elif worker.process.sentinel in ready:
                    died = True
                if died:
                    worker.process.join(1)
                    result = StudentResult(task.student)
                    result.problems.append(
                        "grading failed: the grading worker died "
                        f"(exit code {worker.process.exitcode})"
                    )
                    result.seconds = time.monotonic() - worker.started
                    outcome = TaskOutcome(result)
                    worker.kill()
                    workers[index] = _Worker(ctx, sessions, memory)
                if outcome is None:
                    continue
                outcomes[(task.assignment, task.student)] = outcome
                workers[index].task = None
                if on_done:
                    on_done(task, outcome)
                give(index)
        for worker in workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in workers:
            worker.process.join(10)
    finally:
        for worker in workers:
            if worker.process.is_alive():
                worker.kill()
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


def create_students(sessions: dict[str, GradingSession], tasks: Iterable[Task]) -> None:
    """Add every student that ``tasks`` grade to the gradebook, in this process, before any
    worker starts.

    nbgrader's autograde adds a student it does not find. Two workers grading two assignments
    of the same new student would both insert its row at the same moment and one of them would
    fail (a unique constraint, SQLite or PostgreSQL alike). Created here once, the workers only
    find it; every other row a worker writes belongs to its own (assignment, student).

    Parameters
    ----------
    sessions : dict
        ``{assignment: GradingSession}``.
    tasks : iterable of Task
        The run's tasks (only those that grade need a student row).
    """
    from nbgrader.api import Gradebook  # noqa: PLC0415

    wanted: dict[tuple[str, str], set[str]] = {}
    for task in tasks:
        if task.grade:
            coursedir = sessions[task.assignment].coursedir
            wanted.setdefault((coursedir.db_url, coursedir.course_id), set()).add(task.student)
    with fast_gradebook():
        for (url, course_id), students in wanted.items():
            with Gradebook(url, course_id) as gb:
                for student in sorted(students - {s.id for s in gb.students}):
                    gb.add_student(student)
        _dispose_engines()


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
    """Remove kernel folders (``mml-sandbox-*`` in the temp dir) left by a killed run.

    A folder counts as stale when it is older than ``max_age`` seconds and no process runs in
    it (a live sandbox's ``bwrap`` has it as its working directory).

    Returns
    -------
    int
        How many folders were removed.
    """
    import glob  # noqa: PLC0415
    import shutil  # noqa: PLC0415

    folders = glob.glob(os.path.join(tempfile.gettempdir(), "mml-sandbox-*"))
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
        _dispose_engines()
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

        tqdm.monitor_interval = 0  # no monitor thread: workers are forked during the run
        bar = tqdm(total=len(tasks), unit="student", file=sys.stderr, dynamic_ncols=True)

    def on_start(task: Task) -> None:
        if bar is not None:
            label = task.student if len(names) == 1 else f"{task.assignment}/{task.student}"
            bar.set_postfix_str(label)

    def on_done(task: Task, outcome: TaskOutcome) -> None:
        if bar is not None:
            bar.update(1)

    create_students(sessions, tasks)
    try:
        outcomes = run_tasks(sessions, tasks, jobs_used or 1, on_start, on_done,
                             memory=size_limit(sessions[names[0]].config, "worker_memory_limit"))
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
