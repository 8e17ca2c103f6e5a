"""Benchmark: grading a synthetic class with stock nbgrader and with ``mml grade``.

A class of ``--students N`` students hands in every notebook of every assignment in
``source/``. Student ``i`` hands in assignment ``k`` as one of four kinds, ``(i + k) mod 4``:

* ``right``: the reference answers;
* ``wrong``: a typical mistake (an answer file of ``tests/answers/.../wrong``; the untouched
  release where there is none);
* ``crash``: the reference answers, but the first answer cell kills the kernel (``os._exit``);
* ``slow``: the reference answers, but the first answer cell sleeps ``--slow`` seconds.

The class is graded, each time in a fresh copy of the same course, by

1. stock ``nbgrader autograde ASSIGNMENT --create --force``, one command per assignment, one
   notebook after another, kernels NOT sandboxed (the course configuration without its sandbox
   block);
2. ``mml grade A1 A2 ... --jobs 1`` and ``--jobs 2``: one run for all assignments on a Dask
   ``LocalCluster`` of 1 and 2 workers, every kernel in the bubblewrap sandbox;
3. the floor: every submitted notebook executed with plain nbclient (a bare kernel started,
   the notebook run, the kernel stopped) one after another in one process, unsandboxed, no
   gradebook: what any grader that gives each notebook a fresh kernel pays at least.

It prints notebooks per second for each, the ratios to stock nbgrader, the floor per
notebook (and its ideal on 2 cores), a projection of the wall time for 10,000 students x one
assignment on K workers (:func:`projection`), where the start-up time of a grading command
goes, and checks that the two ``mml grade`` runs gave the same gradebook.

By default the notebooks are cut down to their graded structure (the cells nbgrader knows:
setup, given code, answers, tests), as the adversarial tests do: the demonstration cells
(plots, timings, a 10^6-page web, PCA of 5000 digits) take up to 100 s per notebook and
measure NumPy, not the grader. ``--full`` grades the notebooks as released.

Run: ``python bench/grading.py`` (1 student per assignment, 35 notebooks: 60 minutes on
2026-12-01 on a 2-core machine at a load average of 13-21, stock nbgrader alone 18 of them).
Bigger: ``--students 4`` (about four times as long), ``--students 8`` about twice that;
``--assignments la-w3-special-matrices,mc-w5-optimisation`` for a subset; ``--full`` for the
notebooks as released (much longer); ``--keep DIR`` keeps the courses for inspection.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat

from mml.authoring import classroom, submissions
from mml.grading import cells, course

KINDS = ("right", "wrong", "crash", "slow")
ANSWERS_DIR = course.REPO_ROOT / "tests" / "answers"
SANDBOX_MARK = "# --- Sandbox"


# ---------------------------------------------------------------------------- the class


def slim(path: Path) -> None:
    """Keep only the cells nbgrader knows (setup, given code, answers, tests) of a notebook."""
    nb = cells.read(path)
    nb.cells = [c for c in nb.cells if cells.nbgrader_meta(c)]
    cells.write(nb, path)


def _first_solution(nb: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    for cell in nb.cells:
        if cells.is_solution(cell) and cell.cell_type == "code":
            return cell
    return None


def _prefixed(nb: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose first answer cell starts with ``code`` (or a new first cell)."""
    nb = copy.deepcopy(nb)
    cell = _first_solution(nb)
    if cell is None:
        nb.cells.insert(min(1, len(nb.cells)), nbformat.v4.new_code_cell(code))
    else:
        cell.source = code + "\n" + cell.source
    return nb


def handin(root: Path, assignment: str, student: str, kind: str, index: int, slow: float) -> None:
    """Write one student's submission of one assignment, of the given kind."""
    for name in course.notebooks_of(assignment, root):
        source_nb = cells.read(root / "source" / assignment / f"{name}.ipynb")
        release_nb = cells.read(root / "release" / assignment / f"{name}.ipynb")
        reference = submissions.reference_submission(source_nb, release_nb)
        if kind == "right":
            nb = reference
        elif kind == "wrong":
            wrong = [a for a in submissions.answer_files(ANSWERS_DIR, assignment, name)
                     if not a.is_right]
            if wrong:
                nb = submissions.answer_submission(
                    source_nb, release_nb, wrong[index % len(wrong)]
                )
            else:
                nb = release_nb
        elif kind == "crash":
            nb = _prefixed(reference, "import os\nos._exit(1)")
        else:
            nb = _prefixed(reference, f"import time\ntime.sleep({slow})")
        folder = root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        cells.write(nb, folder / f"{name}.ipynb")
        (folder / "timestamp.txt").write_text("2026-01-05 09:00:00.000000 UTC\n")


def generate(root: Path, assignments: list[str]) -> None:
    """``nbgrader generate_assignment`` for every assignment, in this process."""
    from nbgrader.converters import GenerateAssignment
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log

    from mml.grading.session import load_config

    config = load_config(str(root))
    coursedir = CourseDirectory(config=config)
    for name in assignments:
        coursedir.assignment_id = name
        app = GenerateAssignment(coursedir=coursedir, config=config)
        app.force = True
        app.create_assignment = True
        done = capture_log(app)
        if not done["success"]:
            raise RuntimeError(f"generate_assignment {name} failed:\n{done.get('log', '')}")


def build_class(root: Path, assignments: list[str], students: int, full: bool,
                slow: float) -> dict[tuple[str, str], str]:
    """The course with its gradebook and submissions; ``{(student, assignment): kind}``."""
    classroom.make_course(root, assignments)
    if not full:
        for path in (root / "source").glob("*/*.ipynb"):
            slim(path)
    generate(root, assignments)
    kinds = {}
    for i in range(students):
        for k, assignment in enumerate(assignments):
            kind = KINDS[(i + k) % len(KINDS)]
            student = f"bench-{i:03d}"
            handin(root, assignment, student, kind, i, slow)
            kinds[(student, assignment)] = kind
    return kinds


# ---------------------------------------------------------------------------- the runs


@dataclass
class Timing:
    label: str
    seconds: float
    notebooks: int
    note: str = ""

    @property
    def rate(self) -> float:
        return self.notebooks / self.seconds if self.seconds else 0.0


def _env(root: Path) -> dict[str, str]:
    env = course.tool_env()
    env.pop("MML_DB_URL", None)
    env["MML_UNATTENDED"] = "1"
    return env


def run_stock(root: Path, assignments: list[str]) -> float:
    """Stock nbgrader, unsandboxed, one command per assignment; the seconds it took."""
    config = (root / "nbgrader_config.py").read_text()
    if SANDBOX_MARK not in config:
        raise RuntimeError(f"{SANDBOX_MARK!r} not found in nbgrader_config.py")
    (root / "nbgrader_config.py").write_text(config[: config.index(SANDBOX_MARK)])
    started = time.perf_counter()
    for name in assignments:
        subprocess.run(
            [sys.executable, "-m", "nbgrader", "autograde", name, "--create", "--force"],
            cwd=root, env=_env(root), capture_output=True, text=True, check=False,
        )
    return time.perf_counter() - started


def run_ours(root: Path, assignments: list[str], jobs: int) -> tuple[float, str]:
    """``mml grade`` for every assignment in one run; the seconds and its summary."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mml.cli", "grade", *assignments, "--jobs", str(jobs),
         "--no-progress", "--course-dir", str(root)],
        cwd=root, env=_env(root), capture_output=True, text=True, check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"mml grade failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds, done.stderr


def run_floor(root: Path) -> tuple[float, int]:
    """Execute every submitted notebook with plain nbclient, one after another."""
    paths = sorted((root / "submitted").glob("*/*/*.ipynb"))
    with _quiet_stderr():
        seconds = _floor_pass(paths)
    return seconds, len(paths)


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send file descriptor 2 to /dev/null (the kernels' TCP warnings), restore it after."""
    sys.stderr.flush()
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


def _floor_pass(paths: list[Path]) -> float:
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    started = time.perf_counter()
    for path in paths:
        nb = cells.read(path)
        client = NotebookClient(
            nb, timeout=60, kernel_name="python3", allow_errors=True,
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute()
        except DeadKernelError:
            pass
    return time.perf_counter() - started


# ---------------------------------------------------------------------------- start-up


def _seconds(command: list[str], repeats: int = 3, cwd: Path | None = None) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=course.tool_env(), capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def kernel_start(sandboxed: bool, root: Path, repeats: int = 3) -> float:
    """Median seconds to start a kernel, wait until it answers, and stop it."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    from mml.grading.sandbox import SandboxKernelManager
    from mml.grading.session import load_config

    config = load_config(str(root))
    work = tempfile.mkdtemp(prefix="mml-bench-kernel-")
    times = []
    try:
        for _ in range(repeats):
            cls = SandboxKernelManager if sandboxed else AsyncKernelManager
            km = cls(config=config, kernel_name="python3")
            started = time.perf_counter()
            run_sync(km.start_kernel)(cwd=work)
            client = km.client()
            client.start_channels()
            run_sync(client.wait_for_ready)(timeout=60)
            times.append(time.perf_counter() - started)
            client.stop_channels()
            run_sync(km.shutdown_kernel)(now=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return statistics.median(times)


def gradebook_opens(root: Path, repeats: int = 20) -> tuple[float, float]:
    """Milliseconds per ``Gradebook(url)`` open and close: stock, and with the kept engine."""
    from nbgrader.api import Gradebook

    from mml.grading.gradebook import fast_gradebook

    url = course.db_url(root)

    def once() -> float:
        started = time.perf_counter()
        for _ in range(repeats):
            with Gradebook(url, "mml") as gb:
                gb.find_assignment(gb.assignments[0].name)
        return 1000 * (time.perf_counter() - started) / repeats

    stock = once()
    with fast_gradebook():
        kept = once()
    return stock, kept


def dask_start(jobs: int = 2, repeats: int = 3) -> float:
    """Median seconds to start the ``LocalCluster`` of ``mml grade --jobs N``, until every
    worker answers, and to stop it: what the Dask engine adds once per run."""
    from traitlets.config import Config

    from mml.grading.cluster import open_client

    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        with open_client(Config(), jobs) as client:
            client.wait_for_workers(jobs)
            client.run(os.getpid)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def startup_report(root: Path) -> list[str]:
    """Where the start-up time of a grading command goes (medians of 3)."""
    py = sys.executable
    python = _seconds([py, "-c", "pass"])
    schema = _seconds([py, "-c", "import jsonschema"])
    lean_schema = _seconds([py, "-c", "import sys; sys.modules['rfc3987_syntax'] = None; "
                            "import jsonschema"])
    stock = _seconds([py, "-c", "import nbgrader.apps.nbgraderapp"])
    ours = _seconds([py, "-c", "import mml.grading.command, nbgrader.converters"])
    config = _seconds(
        [py, "-c", "import mml.grading.command, nbgrader.converters\n"
         f"mml.grading.session.load_config({str(root)!r})"],
    )
    plain = kernel_start(False, root)
    boxed = kernel_start(True, root)
    stock_gb, kept_gb = gradebook_opens(root)
    cluster = dask_start()
    return [
        f"  Python interpreter start                              {python:6.2f} s   "
        "per command",
        f"  imports of a stock `nbgrader autograde`               {stock - python:6.2f} s   "
        "per command",
        f"    of which jsonschema's rfc3987_syntax grammar        {schema - lean_schema:6.2f} s   "
        "(iri formats: unused)",
        f"  imports of `mml grade` (no rfc3987_syntax)            {ours - python:6.2f} s   "
        "once per run and per worker process",
        f"  load nbgrader_config.py                               {config - ours:6.2f} s   "
        "once per command or run",
        f"  Dask LocalCluster of 2 workers: start, ready, stop    {cluster:6.2f} s   "
        "once per run",
        f"  gradebook open + query, stock nbgrader                {stock_gb / 1000:6.3f} s   "
        "x ~12 per student",
        f"  gradebook open + query, engine kept (mml grade)       {kept_gb / 1000:6.3f} s   "
        "x ~12 per student",
        f"  kernel start until ready, plain                       {plain:6.2f} s   per notebook",
        f"  kernel start until ready, bubblewrap sandbox          {boxed:6.2f} s   per notebook",
    ]


# ---------------------------------------------------------------------------- scale model

#: the class the projection is for: students handing in one assignment
PROJECTED_STUDENTS = 10_000
PROJECTED_WORKERS = (1, 2, 16, 64, 256, 1024)


def projection(timings: list[Timing]) -> list[str]:
    """Wall time for :data:`PROJECTED_STUDENTS` x one assignment on K workers.

    The cost of one notebook is what ``mml grade --jobs 1`` measured per notebook, start-up
    included (so slightly pessimistic); the parallel efficiency is what ``--jobs 2`` measured
    against it on this machine, assumed to hold on K workers with a core each (a Dask
    scheduler handles thousands of tasks per second: at seconds per notebook, it is not the
    limit). Returns the lines to print.
    """
    ours = {int(t.label.split("--jobs ")[1].split()[0]): t for t in timings
            if t.label.startswith("mml grade --jobs")}
    if 1 not in ours:
        return ["\nprojection: needs an mml grade --jobs 1 run"]
    cost = ours[1].seconds / ours[1].notebooks
    efficiency = min(1.0, ours[1].seconds / ours[2].seconds / 2) if 2 in ours else 1.0
    lines = [f"\nprojection: {PROJECTED_STUDENTS:,} students x one assignment, "
             f"{cost:.2f} s per notebook (measured on 1 worker), parallel efficiency "
             f"{efficiency:.0%} (measured on 2 workers)"]
    for workers in PROJECTED_WORKERS:
        seconds = PROJECTED_STUDENTS * cost / (workers * (efficiency if workers > 1 else 1.0))
        lines.append(f"  {workers:>5} worker(s): {seconds / 3600:8.2f} h")
    return lines


# ---------------------------------------------------------------------------- checking


def gradebook(root: Path, assignments: list[str]) -> dict:
    """``{(student, assignment, notebook, cell): score}`` of a course's gradebook."""
    found = {}
    url = course.db_url(root)
    for name in assignments:
        for student, per_nb in classroom.read_scores(url, name).items():
            for nb, scores in per_nb.items():
                for cell, score in scores.items():
                    found[(student, name, nb, cell)] = score.score
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=1, help="students (default 1)")
    parser.add_argument("--assignments", default="", help="comma-separated (default: all)")
    parser.add_argument("--jobs", default="1,2", help="job counts for mml grade (default 1,2)")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds a slow answer sleeps")
    parser.add_argument("--full", action="store_true", help="do not slim the notebooks")
    parser.add_argument("--no-stock", action="store_true", help="skip stock nbgrader")
    parser.add_argument("--keep", default=None, help="keep the courses in this folder")
    args = parser.parse_args(argv)
    os.environ.update(course.tool_env())  # nbgrader, run in this process, calls alembic by name
    names = [a for a in args.assignments.split(",") if a] or course.assignments()
    jobs = [int(j) for j in args.jobs.split(",") if j]
    base = Path(args.keep or tempfile.mkdtemp(prefix="mml-bench-grading-")).resolve()
    base.mkdir(parents=True, exist_ok=True)
    total_started = time.perf_counter()
    try:
        template = base / "template"
        if template.exists():
            shutil.rmtree(template)
        started = time.perf_counter()
        kinds = build_class(template, names, args.students, args.full, args.slow)
        n_notebooks = len(list((template / "submitted").glob("*/*/*.ipynb")))
        counts = {k: sum(1 for v in kinds.values() if v == k) for k in KINDS}
        print(f"class: {args.students} student(s) x {len(names)} assignments = "
              f"{n_notebooks} notebooks ({', '.join(f'{v} {k}' for k, v in counts.items())} "
              f"assignment hand-ins), {'full' if args.full else 'slimmed'} notebooks; "
              f"built in {time.perf_counter() - started:.0f} s", flush=True)

        def fresh(label: str) -> Path:
            target = base / label
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(template, target, symlinks=True)
            return target

        timings: list[Timing] = []
        books: dict[str, dict] = {}
        if not args.no_stock:
            root = fresh("stock")
            seconds = run_stock(root, names)
            timings.append(Timing("stock nbgrader autograde (sequential, no sandbox)", seconds,
                                  n_notebooks, f"{len(names)} commands"))
            books["stock"] = gradebook(root, names)
            print(f"  stock nbgrader: {seconds:.1f} s", flush=True)
        for j in jobs:
            root = fresh(f"mml-j{j}")
            seconds, log = run_ours(root, names, j)
            summary = re.findall(r"^(?!all:)\S+: \d+ submission\(s\), (\d+) graded", log, re.M)
            timings.append(Timing(f"mml grade --jobs {j} (sandboxed)", seconds, n_notebooks,
                                  f"{sum(int(s) for s in summary)} hand-ins graded"))
            books[f"j{j}"] = gradebook(root, names)
            print(f"  mml grade --jobs {j}: {seconds:.1f} s", flush=True)
        root = fresh("floor")
        seconds, count = run_floor(root)
        timings.append(Timing("floor: bare kernel + nbclient, 1 core", seconds, count))
        timings.append(Timing("floor, ideal on 2 cores", seconds / 2, count))
        print(f"  floor: {seconds:.1f} s", flush=True)
        with _quiet_stderr():
            startup = startup_report(base / "floor")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)

    stock = next((t for t in timings if t.label.startswith("stock")), None)
    floor = next(t for t in timings if t.label.startswith("floor: "))
    print()
    print(f"{'':52}{'notebooks':>10}{'seconds':>9}{'nb/s':>8}{'x stock':>9}{'s/nb':>7}")
    for t in timings:
        ratio = f"{t.rate / stock.rate:8.2f}x" if stock else f"{'-':>9}"
        print(f"{t.label:52}{t.notebooks:>10}{t.seconds:>9.1f}{t.rate:>8.3f}{ratio}"
              f"{t.seconds / t.notebooks:>7.2f}" + (f"   ({t.note})" if t.note else ""))
    print(f"\nper-notebook floor: {floor.seconds / floor.notebooks:.2f} s "
          f"(bare kernel start + nbclient execution, unsandboxed)")
    for t in timings:
        if not t.label.startswith("floor"):
            extra = (t.seconds - floor.seconds) / t.notebooks
            print(f"  {t.label}: {t.rate / floor.rate:.2f} x the 1-core floor rate, "
                  f"{extra:+.2f} s per notebook over it")
    print("\n".join(projection(timings)))
    print("\nstart-up, where the time goes:")
    print("\n".join(startup))

    graded = {k: v for k, v in books.items() if k.startswith("j")}
    if len(graded) > 1:
        first = next(iter(graded.values()))
        same = all(book == first for book in graded.values())
        print(f"\nmml grade gradebooks identical across job counts: {same}")
        if not same:
            for key in sorted({k for book in graded.values() for k in book}):
                scores = {label: book.get(key) for label, book in graded.items()}
                if len(set(scores.values())) > 1:
                    print(f"  differs: {'/'.join(key)} ({kinds.get(key[:2], '?')}): {scores}")
            return 1
    if "stock" in books and graded:
        ours = next(iter(graded.values()))
        differ = sorted({k[:2] for k in set(ours) | set(books["stock"])
                         if ours.get(k) != books["stock"].get(k)})
        print(f"hand-ins scored differently by stock nbgrader: {len(differ)}"
              + (f" ({', '.join(f'{s}/{a}={kinds[(s, a)]}' for s, a in differ[:6])})"
                 if differ else ""))
    print(f"\nbenchmark took {time.perf_counter() - total_started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
