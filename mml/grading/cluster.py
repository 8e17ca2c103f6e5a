"""Grade on Dask distributed: one engine from one machine to many, one writer.

**Where tasks run.** On one machine ``mml grade --jobs N`` starts a ``LocalCluster`` of ``N``
worker processes (one thread, so one sandboxed kernel, each). With ``--scheduler
tcp://HOST:8786`` (or ``c.Cluster.scheduler``, or a cluster class such as
``dask_jobqueue.SLURMCluster`` in ``c.Cluster.cluster_class``) the tasks go to the workers of a
Dask cluster. The client code is the same either way (:func:`open_client`).

**What travels.** A task carries the submission's bytes (:func:`pack_folder`), the grading
configuration, and (sent once per worker) the assignment's source files and a gradebook
*template*: a small SQLite file holding only the assignment definitions of the course's
gradebook (:func:`definitions_template`). A worker needs the course's code and environment
(mml, nbgrader, bubblewrap, ``data/`` at ``c.Cluster.worker_course_root``), no shared
filesystem and no database credentials.

**What a worker does** (:func:`grade_on_worker`): unpacks the submission into a private
temporary course whose gradebook is a copy of the template, grades it there with
:class:`~mml.grading.session.GradingSession` (nbgrader's autograde, the kernel in the
bubblewrap sandbox), writes the feedback if asked, and returns data: the result, the grade and
comment rows of its private gradebook, the autograded and feedback files.

**One writer.** Only the client writes the course's gradebook (one transaction per student,
:func:`store_rows`) and its ``autograded/`` and ``feedback/`` folders; the state files of
:mod:`mml.grading.scheduler` are written after them, so a client killed at any moment leaves
students either complete or to be graded again.

**Faults.** A worker that dies (its process killed, the machine lost) loses its task to
another worker: Dask reschedules it. A submission whose task has killed a worker twice is
reported as such and not tried again (``distributed.scheduler.allowed-failures`` is 1 for the
clusters this module starts; give a separate scheduler the same setting, see the README).
"""

from __future__ import annotations

import contextlib
import ctypes
import fnmatch
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from traitlets import Dict, Unicode
from traitlets.config import Configurable

from mml.grading.gradebook import fast_gradebook, read_rows

#: how many times a task may kill its worker before it is given up
ALLOWED_FAILURES = 1


class Cluster(Configurable):
    """Where ``mml grade`` runs its tasks (``c.Cluster.*`` in ``nbgrader_config.py``)."""

    scheduler = Unicode(
        "", help="Address of a running Dask scheduler (tcp://HOST:8786); empty: a "
        "LocalCluster of --jobs workers on this machine. --scheduler overrides it.",
    ).tag(config=True)
    cluster_class = Unicode(
        "", help="Import path of a Dask cluster class started for the run, e.g. "
        "dask_jobqueue.SLURMCluster (workers are asked for with cluster.scale(--jobs)).",
    ).tag(config=True)
    cluster_kwargs = Dict(
        help="Keyword arguments of cluster_class, e.g. {'cores': 1, 'memory': '4GB', "
        "'walltime': '02:00:00'}.",
    ).tag(config=True)
    worker_course_root = Unicode(
        "", help="The course's folder on the workers (its data/ is shown read-only to "
        "kernels); empty: the same path as on the machine running mml grade.",
    ).tag(config=True)


# --------------------------------------------------------------------------------------------
# files as data
# --------------------------------------------------------------------------------------------


def ignored(name: str, patterns: Iterable[str]) -> bool:
    """Does a file or folder name match one of the glob ``patterns``?"""
    return any(fnmatch.fnmatch(name, p) for p in patterns)


def pack_folder(folder: str, ignore: Iterable[str] = (), max_bytes: int | None = None) -> list:
    """The files under ``folder`` as data: ``[(relative path, kind, content, mode)]``.

    ``kind`` is ``"file"`` (content: bytes), ``"link"`` (content: the link's target, never
    followed) or ``"size"`` (a file larger than ``max_bytes``: only its size travels, and it
    arrives as a sparse file of that size, which the submission checks refuse unread).

    Parameters
    ----------
    folder : str
        The folder (a missing folder packs to an empty list).
    ignore : iterable of str
        Glob patterns of names to leave out (nbgrader's ``CourseDirectory.ignore``).
    max_bytes : int, optional
        Files above this size travel as their size only.

    Returns
    -------
    list of tuple
    """
    patterns = list(ignore)
    packed: list = []
    if not os.path.isdir(folder) or os.path.islink(folder):
        return packed
    for root, dirs, files in os.walk(folder):
        for name in list(dirs):
            full = os.path.join(root, name)
            if ignored(name, patterns) or os.path.islink(full):
                dirs.remove(name)
                if os.path.islink(full):
                    packed.append((os.path.relpath(full, folder), "link", os.readlink(full), 0))
        for name in sorted(files):
            full = os.path.join(root, name)
            rel = os.path.relpath(full, folder)
            if ignored(name, patterns):
                continue
            info = os.lstat(full)
            if stat.S_ISLNK(info.st_mode):
                packed.append((rel, "link", os.readlink(full), 0))
            elif not stat.S_ISREG(info.st_mode):
                continue
            elif max_bytes is not None and info.st_size > max_bytes:
                packed.append((rel, "size", info.st_size, info.st_mode & 0o777))
            else:
                with open(full, "rb") as handle:
                    packed.append((rel, "file", handle.read(), info.st_mode & 0o777))
    return packed


def unpack_folder(packed: list, folder: str) -> None:
    """Recreate files packed by :func:`pack_folder` under ``folder`` (made if missing)."""
    os.makedirs(folder, exist_ok=True)
    top = os.path.realpath(folder)
    for rel, kind, content, mode in packed:
        path = os.path.realpath(os.path.join(folder, rel))
        if not path.startswith(top + os.sep):
            raise ValueError(f"a packed file points outside its folder: {rel!r}")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if kind == "link":
            os.symlink(content, path)
            continue
        with open(path, "wb") as handle:
            if kind == "size":
                handle.truncate(int(content))
            else:
                handle.write(content)
        os.chmod(path, mode or 0o644)


def replace_folder(packed: list, folder: str) -> None:
    """Make ``folder`` hold exactly the packed files (whatever it held is removed)."""
    if os.path.isdir(folder) and not os.path.islink(folder):
        for root, dirs, _ in os.walk(folder):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(folder)
    elif os.path.lexists(folder):
        os.unlink(folder)
    if packed:
        unpack_folder(packed, folder)


# --------------------------------------------------------------------------------------------
# the worker side
# --------------------------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1
_SETUP: dict[str, Any] = {}
#: one grading at a time per worker process, even on a worker started with several threads
#: (``dask worker --nthreads 4``): nbgrader's gradebook patch and the sandbox's incident
#: records are per process
_GRADING = threading.Lock()


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


def setup_worker(memory: int | None) -> None:
    """Prepare this worker process (once): die with the ``mml grade`` that started the
    cluster on this machine, limit the address space (:func:`limit_memory`), and the
    environment of nbgrader's tools."""
    if _SETUP.get("done"):
        return
    from mml.grading.course import tool_env  # noqa: PLC0415

    if os.environ.get("MML_DIE_WITH_PARENT") == str(os.getppid()):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    limit_memory(memory)
    os.environ.update(tool_env())
    _SETUP["done"] = True


def _worker_plugin(memory: int | None) -> Any:
    """A Dask worker plugin that runs :func:`setup_worker` as each worker starts (restarted
    workers too)."""
    from distributed import WorkerPlugin  # noqa: PLC0415

    class WorkerSetup(WorkerPlugin):
        name = "mml-grading-setup"

        def setup(self, worker: Any) -> None:
            setup_worker(memory)

    return WorkerSetup()


def _template_path(template: bytes, folder: str) -> str:
    path = os.path.join(folder, "gradebook.db")
    with open(path, "wb") as handle:
        handle.write(template)
    return path


def grade_on_worker(task: dict, shared: dict) -> dict:
    """Grade one submission in a private course on this worker; return the results as data.

    Parameters
    ----------
    task : dict
        ``assignment``, ``student``, ``files`` (:func:`pack_folder` of the submission),
        ``feedback`` (write the feedback too).
    shared : dict
        Sent once per worker: ``config`` (the nbgrader configuration), ``template``
        (:func:`definitions_template`), ``source`` (``{assignment: packed source files}``),
        ``course_root`` (the course on this worker), ``memory`` (the worker's limit).

    Returns
    -------
    dict
        ``result`` (a :class:`~mml.grading.session.StudentResult` as a dict), ``rows``
        (:func:`read_rows`, None if grading failed), ``autograded`` and ``feedback`` (packed
        files), ``feedback_problem`` (why feedback failed, or None).
    """
    import copy  # noqa: PLC0415
    from dataclasses import asdict  # noqa: PLC0415

    from mml.grading.session import (  # noqa: PLC0415
        GradingSession,
        _chdir,
        _last_error,
        generate_feedback,
    )

    setup_worker(shared.get("memory"))
    assignment, student = task["assignment"], task["student"]
    # the private course is this process's working directory while it grades: another run's
    # clean_stale_sandboxes (mml.grading.scheduler) leaves alone a folder a process works in
    with _GRADING, tempfile.TemporaryDirectory(prefix="mml-grade-") as root, _chdir(root):
        url = "sqlite:///" + _template_path(shared["template"], root)
        config = copy.deepcopy(shared["config"])
        config.CourseDirectory.root = root
        config.CourseDirectory.db_url = url
        config.Sandbox.course_root = shared["course_root"]
        unpack_folder(shared["source"][assignment], os.path.join(root, "source", assignment))
        unpack_folder(task["files"], os.path.join(root, "submitted", student, assignment))
        with fast_gradebook():
            session = GradingSession(assignment, root, config=config)
            result = session.grade_student(student)
            out: dict[str, Any] = {"rows": None, "autograded": [], "feedback": [],
                                   "feedback_problem": None}
            if result.graded:
                course_id = session.coursedir.course_id
                out["rows"] = read_rows(url, course_id, assignment, student)
                out["autograded"] = pack_folder(os.path.join(root, "autograded", student,
                                                             assignment))
                if task["feedback"] and out["autograded"]:
                    done = generate_feedback(session, student)
                    if done.get("success"):
                        out["feedback"] = pack_folder(os.path.join(root, "feedback", student,
                                                                   assignment))
                    else:
                        out["feedback_problem"] = _last_error(done)
        out["result"] = asdict(result)
        return out


# --------------------------------------------------------------------------------------------
# the client side
# --------------------------------------------------------------------------------------------


@contextlib.contextmanager
def open_client(
    config: Any, jobs: int, scheduler: str | None = None, memory: int | None = None
) -> Iterator[Any]:
    """A Dask client: to ``scheduler`` (or ``c.Cluster.scheduler``), to a cluster of
    ``c.Cluster.cluster_class`` scaled to ``jobs`` workers, or to a ``LocalCluster`` of
    ``jobs`` one-thread worker processes on this machine (the default).

    Yields
    ------
    distributed.Client
    """
    import dask  # noqa: PLC0415
    from distributed import Client, LocalCluster  # noqa: PLC0415

    settings = Cluster(config=config)
    address = scheduler or settings.scheduler
    # one task at a time per one-thread worker: a task that kills its worker then takes no
    # other submission with it (tasks queued on a dying worker count as suspects too)
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                          "distributed.scheduler.worker-saturation": 1.0}):
        with contextlib.ExitStack() as stack:
            if address:
                client = stack.enter_context(Client(address, timeout="60s"))
            elif settings.cluster_class:
                import importlib  # noqa: PLC0415

                module, _, name = settings.cluster_class.rpartition(".")
                cluster_class = getattr(importlib.import_module(module), name)
                cluster = stack.enter_context(cluster_class(**settings.cluster_kwargs))
                cluster.scale(jobs)
                client = stack.enter_context(Client(cluster))
            else:
                os.environ["MML_DIE_WITH_PARENT"] = str(os.getpid())
                cluster = stack.enter_context(LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=True,
                    dashboard_address=":0", memory_limit=memory or "auto", silence_logs=50,
                ))
                client = stack.enter_context(Client(cluster))
            client.register_plugin(_worker_plugin(memory))
            yield client


def _shared(value: dict) -> dict:
    return value


def run_on_client(
    client: Any,
    function: Callable[[dict, dict], dict],
    tasks: Iterable[dict],
    shared: dict,
    on_done: Callable[[dict, dict | None, BaseException | None], None],
    window: int = 8,
) -> None:
    """Run ``function(task, shared)`` for every task on the cluster; call ``on_done(task,
    value, error)`` in this process as each one ends (in the order they end).

    ``shared`` is sent to each worker once, not once per task. At most
    ``window`` tasks are in flight, so that the tasks (with their submissions' bytes) are read
    as the workers need them, not all at once. A task whose worker died is run again by Dask
    on another worker; after it has killed :data:`ALLOWED_FAILURES` + 1 workers, ``error`` is
    Dask's ``KilledWorker``.
    """
    from distributed import as_completed  # noqa: PLC0415

    todo = iter(tasks)
    # a task that returns the shared data, rather than scattered data: if every worker that
    # holds it dies, the scheduler computes it again instead of cancelling its dependants
    shared_future = client.submit(_shared, shared, pure=False)
    futures: dict[Any, dict] = {}
    running = as_completed()

    def submit() -> bool:
        task = next(todo, None)
        if task is None:
            return False
        key = f"grade-{len(futures)}-{task.get('assignment', '')}-{task.get('student', '')}"
        future = client.submit(function, task, shared_future, key=key, pure=False)
        futures[future] = task
        running.add(future)
        return True

    for _ in range(window):
        if not submit():
            break
    for future in running:
        task = futures[future]
        if future.status == "lost":
            # it finished, but the worker holding its result died before we read it: the
            # scheduler computes it again (we still hold the future); wait for that
            running.add(future)
            continue
        if future.status == "finished":
            on_done(task, future.result(), None)
        elif future.status == "error":
            on_done(task, None, future.exception())
        else:
            on_done(task, None, RuntimeError(f"the task was {future.status}"))
        future.release()
        submit()


def killed_worker(error: BaseException) -> bool:
    """Did this task kill its worker every time it was tried?"""
    from distributed.scheduler import KilledWorker  # noqa: PLC0415

    return isinstance(error, KilledWorker)
