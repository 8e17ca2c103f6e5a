"""What the grading sandbox costs, per notebook: the same notebook run three ways.

* ``nbgrader``: stock nbgrader ``Execute`` (a kernel on TCP loopback, no limits, no guard);
* ``mml, no sandbox``: ``mml.grading.sandbox.SandboxedExecute`` with the sandbox switched off (the
  checks' guard around locked cells, the preload, output capping, the reaper);
* ``mml + sandbox``: the same in bubblewrap (what ``mml grade`` does).

Each source notebook (reference solutions and hidden tests) runs from a copy of its assignment
folder, ``--repeat`` times per mode (interleaved), and the median wall time of the whole
execution (kernel start to shutdown) is reported. First, a one-cell notebook (``import numpy``)
measures the fixed cost per kernel, which is what the sandbox adds (``--startup`` runs).

Usage::

    python bench/sandbox.py [--repeat 3] [--assignment la-w3-special-matrices ...]
"""

from __future__ import annotations

import argparse
import os
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

from mml.grading import course  # noqa: E402
from mml.grading.sandbox import SandboxedExecute, bwrap_problem  # noqa: E402


def run_once(mode: str, notebook: Path, workdir: Path) -> float:
    """Execute ``notebook`` once in ``mode``; the wall time in seconds.

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
        if mode == "mml, no sandbox":
            config.Sandbox.enabled = False
            config.Sandbox.allow_unsafe = True
        ep = SandboxedExecute(config=config, timeout=600)
    started = time.perf_counter()
    ep.preprocess(nb, resources)
    elapsed = time.perf_counter() - started
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    if errors:
        raise RuntimeError(f"{notebook.name} ({mode}): {errors[0].ename}: {errors[0].evalue}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--assignment", action="append", default=None)
    parser.add_argument("--startup", type=int, default=10,
                        help="runs of the one-cell notebook per mode (0: skip)")
    args = parser.parse_args(argv)
    problem = bwrap_problem()
    if problem:
        print(f"bubblewrap unavailable, nothing to compare: {problem}", file=sys.stderr)
        return 0
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    os.environ.setdefault("MPLBACKEND", "agg")
    modes = ["nbgrader", "mml, no sandbox", "mml + sandbox"]
    rows = []
    assignments = args.assignment or course.assignments()
    with tempfile.TemporaryDirectory(prefix="mml-bench-") as tmp:
        if args.startup:
            work = Path(tmp) / "startup"
            work.mkdir()
            tiny = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
                "import numpy\nfrom mml import checks")])
            tiny.metadata.kernelspec = {"name": "python3", "display_name": "Python 3",
                                        "language": "python"}
            nbformat.write(tiny, work / "startup.ipynb")
            times = {m: [] for m in modes}
            for _ in range(args.startup):
                for mode in modes:
                    times[mode].append(run_once(mode, work / "startup.ipynb", work))
            rows.append(("(one cell: import numpy, mml.checks)",
                         *[statistics.median(times[m]) for m in modes]))
        for assignment in assignments:
            work = Path(tmp) / assignment
            shutil.copytree(REPO / "source" / assignment, work)
            for notebook in sorted(work.glob("*.ipynb")):
                times: dict[str, list[float]] = {m: [] for m in modes}
                for _ in range(args.repeat):
                    for mode in modes:
                        times[mode].append(run_once(mode, notebook, work))
                medians = [statistics.median(times[m]) for m in modes]
                rows.append((f"{assignment}/{notebook.stem}", *medians))
                print(f"  {rows[-1][0]}: " + ", ".join(f"{t:.2f} s" for t in medians),
                      file=sys.stderr, flush=True)
    header = ("notebook", *modes, "sandbox cost")
    table = [header]
    for name, stock, plain, boxed in rows:
        cost = boxed - plain
        table.append((name, f"{stock:.2f} s", f"{plain:.2f} s", f"{boxed:.2f} s",
                      f"{cost:+.2f} s ({100 * cost / plain:+.0f}%)"))
    notebooks = rows[1:] if args.startup else rows
    if notebooks:
        stock, plain, boxed = (statistics.mean(r[i] for r in notebooks) for i in (1, 2, 3))
        table.append(("mean of the notebooks", f"{stock:.2f} s", f"{plain:.2f} s", f"{boxed:.2f} s",
                      f"{boxed - plain:+.2f} s ({100 * (boxed - plain) / plain:+.0f}%)"))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    print(f"Notebook execution time, median of {args.repeat} (kernel start to shutdown)")
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(widths[j]) if j == 0 else cell.rjust(widths[j])
                        for j, cell in enumerate(row)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
