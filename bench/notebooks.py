"""How long every notebook takes to run top to bottom, as a learner runs it.

Each notebook of ``release/`` with the reference answers of ``source/`` filled in (what a learner
who solved everything has: no hidden tests, which only the grader runs) runs in a fresh ipykernel
through nbclient, interactively as in JupyterLab (not unattended: no ``NBGRADER_EXECUTION``, the
widget backend where a notebook asks for it), one notebook at a time. Printed per notebook: the
wall-clock time from kernel start to the last cell, and its slowest cells. The course's budget is
10 s per notebook on an idle 2-core machine; a notebook over it is marked ``OVER``. On a busy
machine every figure grows: compare runs on the same machine, and read ``load`` (the 1-minute
load average at the start of each notebook).

    .venv/bin/python bench/notebooks.py [substring ...]   # only notebooks whose path contains one
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from mml.authoring import submissions

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 10.0


def run(path: Path) -> tuple[float, list[tuple[float, int, str]]]:
    """Run the solved release of one source notebook; return its wall time (s) and
    ``(seconds, index, first line)`` per cell."""
    release = ROOT / "release" / path.relative_to(ROOT / "source")
    nb = submissions.reference_submission(nbformat.read(path, as_version=4),
                                          nbformat.read(release, as_version=4))
    env = {k: v for k, v in os.environ.items()
           if k not in ("NBGRADER_EXECUTION", "MML_UNATTENDED", "MPLBACKEND")}
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}},
                            record_timing=True)
    client.km = client.create_kernel_manager()
    started = time.perf_counter()
    with client.setup_kernel(env=env, stderr=subprocess.DEVNULL):
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
    total = time.perf_counter() - started
    cells = []
    for index, cell in enumerate(nb.cells):
        timing = cell.get("metadata", {}).get("execution", {})
        begin, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if cell.cell_type == "code" and begin and end:
            seconds = (_time(end) - _time(begin))
            first = next((line for line in cell.source.splitlines() if line.strip()), "")
            cells.append((seconds, index, first[:60]))
    return total, sorted(cells, reverse=True)


def _time(stamp: str) -> float:
    from datetime import datetime  # noqa: PLC0415

    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


def main(argv: list[str]) -> int:
    paths = sorted((ROOT / "source").glob("*/*.ipynb"))
    if argv:
        paths = [p for p in paths if any(a in str(p) for a in argv)]
    print(f"{'notebook':55} {'load':>5} {'time':>7}  slowest cells")
    over = 0
    for path in paths:
        load = os.getloadavg()[0]
        total, cells = run(path)
        flag = "  OVER" if total > BUDGET else ""
        over += total > BUDGET
        slow = ", ".join(f"#{i} {s:.1f}s" for s, i, _ in cells[:3])
        name = path.relative_to(ROOT / "source").as_posix()
        print(f"{name:55} {load:5.1f} {total:6.1f}s  {slow}{flag}", flush=True)
    print(f"{len(paths)} notebooks, {over} over the {BUDGET:g} s budget")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
