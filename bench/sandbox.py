"""What grading costs per notebook: tests in the student's kernel (before) or in a trusted process.

Each notebook runs three ways:

* ``nbgrader``: stock nbgrader ``Execute`` (a kernel on TCP loopback, no limits, tests in it);
* ``before``: ``mml.grading.sandbox.SandboxedExecute`` in bubblewrap with every cell, tests
  included, in the student's kernel (the grading path before issue 11, without its in-process
  guard, so the comparison is if anything in favour of "before");
* ``after``: the same with the test cells in the trusted process (``mml.grading.trusted``), the
  student's functions called through the data-only channel: what ``mml grade`` does. Each
  trusted process is a fork of a server that imported NumPy, matplotlib and the other libraries
  the notebooks use once (:mod:`mml.grading.forkserver`); the server's start and imports, paid
  once per grading process, are measured first and printed apart.

Each source notebook (reference solutions and hidden tests) runs from a copy of its assignment
folder, ``--repeat`` times per mode (interleaved), and the median wall time of the whole
execution (kernel start to shutdown) is reported, with the median CPU time of the grader and
every process it started (kernel, trusted process): on a loaded machine the wall time follows
the load, the CPU time hardly does. First, a one-cell notebook (``import numpy``)
measures the fixed cost per kernel (``--startup`` runs), and a notebook whose test calls a
student's function ``--calls`` times measures the fixed cost of one call through the channel.

Usage::

    python bench/sandbox.py [--repeat 3] [--assignment la-w3-special-matrices ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from traitlets.config import Config

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mml.grading import course, sandbox, trusted  # noqa: E402
from mml.grading.sandbox import SandboxedExecute, bwrap_problem  # noqa: E402

MODES = ("nbgrader", "before", "after")
_TRUSTED_PLAN = sandbox.trusted_plan


_TICK = os.sysconf("SC_CLK_TCK")
_SANDBOXED_CPU = [0.0]  # CPU seconds of the sandboxes' processes, read before each shutdown
_SHUTDOWN = sandbox.SandboxKernelManager.shutdown_kernel


async def _shutdown_counting(manager: sandbox.SandboxKernelManager, *args: object,
                             **kwargs: object) -> None:
    """Shut the kernel down, first adding the CPU time of every process of its sandbox (they are
    killed with it, so their time never reaches this process's children)."""
    process = getattr(manager.provisioner, "process", None)
    if process is not None:
        children, todo = sandbox._children_map(), [process.pid]  # noqa: SLF001 - measuring
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            _SANDBOXED_CPU[0] += _proc_cpu(pid)
    await _SHUTDOWN(manager, *args, **kwargs)


sandbox.SandboxKernelManager.shutdown_kernel = _shutdown_counting  # type: ignore[method-assign]


def _proc_cpu(pid: int) -> float:
    """CPU seconds of process ``pid`` and of its children that it reaped (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
    except OSError:
        return 0.0
    # utime, stime and those of its reaped children (fields 14 to 17 of proc(5))
    return sum(int(f) for f in fields[11:15]) / _TICK


def _cpu() -> float:
    """CPU seconds (user and system) of this process, of its children that ended, of the
    sandboxes it shut down and of the trusted processes (forks of the still running fork server:
    their time is the server's children's time)."""
    time.sleep(0.05)  # the fork server reaps the trusted process it just stopped
    server = sum(_proc_cpu(s.process.pid) for s in trusted._SERVER if s.process)  # noqa: SLF001
    return server + _SANDBOXED_CPU[0] + sum(
        resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def warm_start(notebooks: list[Path]) -> tuple[float, float, list[str]]:
    """Start the fork server of trusted processes and have it import the libraries that
    ``notebooks`` use, as a grading run has after its first notebooks: (wall, CPU) seconds,
    paid once per grading process, and the libraries."""
    sources = [c.source for nb in notebooks for c in nbformat.read(nb, as_version=4).cells
               if c.cell_type == "code"]
    imports = trusted.library_imports(sources)
    started, cpu = time.perf_counter(), _cpu()
    with tempfile.TemporaryDirectory() as cwd:
        child = trusted._server().spawn(cwd, trusted._environment(), imports)  # noqa: SLF001
        child.kill()
        child.close()
    return time.perf_counter() - started - 0.05, _cpu() - cpu, imports


def run_once(mode: str, notebook: Path, workdir: Path) -> tuple[float, float]:
    """Execute ``notebook`` once in ``mode``; (wall, CPU) seconds.

    Raises ``RuntimeError`` if a cell fails (the comparison would be meaningless).
    """
    from nbgrader.preprocessors import Execute

    nb = nbformat.read(notebook, as_version=4)
    config = Config()
    config.Sandbox.course_root = str(REPO)
    resources = {
        "metadata": {"path": str(workdir)},
        "nbgrader": {"student": "bench", "assignment": workdir.name, "notebook": notebook.stem},
    }
    if mode == "nbgrader":
        ep = Execute(config=config, timeout=600)
    else:
        ep = SandboxedExecute(config=config, timeout=600)
    # "before": no trusted plan, so every test cell runs in the kernel as it did
    sandbox.trusted_plan = _TRUSTED_PLAN if mode == "after" else (lambda nb, meta: None)
    started, cpu = time.perf_counter(), _cpu()
    try:
        ep.preprocess(nb, resources)
    finally:
        sandbox.trusted_plan = _TRUSTED_PLAN
    elapsed, cpu = time.perf_counter() - started, _cpu() - cpu
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    if errors:
        raise RuntimeError(f"{notebook.name} ({mode}): {errors[0].ename}: {errors[0].evalue}")
    return elapsed, cpu


def measure(modes: list[str], notebook: Path, workdir: Path,
            repeat: int) -> dict[str, tuple[float, float]]:
    """Mode -> (median wall, median CPU) seconds of ``repeat`` runs, the modes interleaved."""
    runs: dict[str, list[tuple[float, float]]] = {m: [] for m in modes}
    for _ in range(repeat):
        for mode in modes:
            runs[mode].append(run_once(mode, notebook, workdir))
    return {m: (statistics.median(r[0] for r in runs[m]), statistics.median(r[1] for r in runs[m]))
            for m in modes}


def _tiny(work: Path, name: str, cells: list[tuple[str, dict]]) -> Path:
    """Write a small graded notebook (cells with their nbgrader metadata) into ``work``."""
    nb = nbformat.v4.new_notebook()
    for source, meta in cells:
        cell = nbformat.v4.new_code_cell(source)
        if meta:
            cell.metadata["nbgrader"] = {"schema_version": 3, "solution": False, **meta}
        nb.cells.append(cell)
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = work / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def call_cost(work: Path, calls: int, repeat: int) -> float:
    """Seconds per call of a student's function from a test (after minus before, per call)."""
    given = ("import numpy as np\nfrom mml import checks", {"locked": True, "grade_id": "given"})
    answer = ("def f(x):\n    return 2 * x", {"solution": True, "grade_id": "answer"})
    loop = f"for i in range({calls}):\n"
    test = (loop + "    checks.check_close(f(np.ones(3) * i), 2.0 * i * np.ones(3), 'f')",
            {"grade": True, "locked": True, "points": 1, "grade_id": "test"})
    none = ("checks.check_close(2.0, 2.0, 'nothing')", test[1])
    with_calls = _tiny(work, "calls", [given, answer, test])
    without = _tiny(work, "nocalls", [given, answer, none])
    wall = {name: measure(["after"], path, work, repeat)["after"][0]
            for name, path in (("calls", with_calls), ("nocalls", without))}
    return (wall["calls"] - wall["nocalls"]) / calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--assignment", action="append", default=None)
    parser.add_argument("--startup", type=int, default=10,
                        help="runs of the one-cell notebook per mode (0: skip)")
    parser.add_argument("--calls", type=int, default=300,
                        help="calls through the channel in the call-cost notebook (0: skip)")
    args = parser.parse_args(argv)
    problem = bwrap_problem()
    if problem:
        print(f"bubblewrap unavailable, nothing to compare: {problem}", file=sys.stderr)
        return 0
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    os.environ.setdefault("MPLBACKEND", "agg")
    modes = list(MODES)
    rows = []
    assignments = args.assignment or course.assignments()
    server = warm_start([nb for a in assignments for nb in sorted((REPO / "source" / a).glob(
        "*.ipynb"))])
    with tempfile.TemporaryDirectory(prefix="mml-bench-") as tmp:
        if args.startup:
            work = Path(tmp) / "startup"
            work.mkdir()
            tiny = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
                "import numpy\nfrom mml import checks")])
            tiny.metadata.kernelspec = {"name": "python3", "display_name": "Python 3",
                                        "language": "python"}
            nbformat.write(tiny, work / "startup.ipynb")
            rows.append(("(one cell: import numpy, mml.checks)",
                         measure(modes, work / "startup.ipynb", work, args.startup)))
        for assignment in assignments:
            work = Path(tmp) / assignment
            shutil.copytree(REPO / "source" / assignment, work)
            for notebook in sorted(work.glob("*.ipynb")):
                try:
                    rows.append((f"{assignment}/{notebook.stem}",
                                 measure(modes, notebook, work, args.repeat)))
                except RuntimeError as exc:
                    print(f"  left out: {exc}", file=sys.stderr, flush=True)
                    continue
                print(f"  {rows[-1][0]}: " + ", ".join(
                    f"{m} {w:.2f} s (CPU {c:.2f} s)" for m, (w, c) in rows[-1][1].items()),
                      file=sys.stderr, flush=True)
        if args.calls:
            work = Path(tmp) / "calls"
            work.mkdir()
            per_call = call_cost(work, args.calls, args.repeat)
    header = ("notebook", *modes, "after vs before", "CPU before", "CPU after",
              "CPU after vs before")
    table = [header]
    notebooks = rows[1:] if args.startup else rows
    mean = {m: tuple(statistics.mean(r[1][m][i] for r in notebooks) for i in (0, 1))
            for m in modes} if notebooks else None
    for name, cost in rows + ([("mean of the notebooks", mean)] if mean else []):
        table.append((name, *[f"{cost[m][0]:.2f} s" for m in modes],
                      _change(cost["before"][0], cost["after"][0]),
                      f"{cost['before'][1]:.2f} s", f"{cost['after'][1]:.2f} s",
                      _change(cost["before"][1], cost["after"][1])))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    print(f"Notebook execution time, median of {args.repeat} (kernel start to shutdown); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end")
    print(f"Once per grading process: the trusted processes' fork server starts and imports "
          f"{', '.join(server[2])} in {server[0]:.2f} s (CPU {server[1]:.2f} s)")
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(widths[j]) if j == 0 else cell.rjust(widths[j])
                        for j, cell in enumerate(row)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    if args.calls:
        print(f"One call of a student's function through the channel: {1000 * per_call:.2f} ms "
              f"(median of {args.repeat}, {args.calls} calls of f(np.ones(3) * i))")
    return 0


def _change(before: float, after: float) -> str:
    return f"{after - before:+.2f} s ({100 * (after - before) / before:+.0f}%)"


if __name__ == "__main__":
    sys.exit(main())
