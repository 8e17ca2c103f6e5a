"""A course directory as the grading engine sees it: where assignments and notebooks are.

Layout (nbgrader's): ``source/<assignment>/<notebook>.ipynb`` is the truth, ``release/`` is
generated from it, ``submitted/<student>/<assignment>/`` holds hand-ins, ``autograded/`` and
``feedback/`` are written by session. Assignments are named ``<course>-w<N>-<topic>``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT_NAME = re.compile(r"^(la|mc|pca)-w(?P<week>\d+)-[a-z0-9-]+$")
COURSE_ORDER = {"la": 0, "mc": 1, "pca": 2}


def _order(name: str) -> tuple[int, int, str]:
    match = ASSIGNMENT_NAME.match(name)
    assert match is not None
    return COURSE_ORDER[name.split("-")[0]], int(match["week"]), name


def assignments(root: Path = REPO_ROOT) -> list[str]:
    """Assignment names found in ``root/source``, in course order (la, mc, pca; by week)."""
    source = root / "source"
    names = [p.name for p in source.iterdir() if p.is_dir() and ASSIGNMENT_NAME.match(p.name)]
    return sorted(names, key=_order)


def notebooks_of(assignment: str, root: Path = REPO_ROOT) -> list[str]:
    """Notebook names (without ``.ipynb``) of one assignment, sorted."""
    return sorted(p.stem for p in (root / "source" / assignment).glob("*.ipynb"))


def tool_env() -> dict[str, str]:
    """Environment for nbgrader subprocesses: this interpreter's ``bin`` first on ``PATH``
    (nbgrader calls ``alembic`` by name) and a non-interactive matplotlib backend."""
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env.setdefault("MPLBACKEND", "agg")
    # one BLAS thread per kernel: several kernels share the cores, and oversubscribed OpenBLAS
    # threads turn a 0.1 s eigendecomposition into many seconds
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    env.setdefault("OMP_NUM_THREADS", "1")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def db_url(root: Path) -> str:
    """The gradebook URL that ``nbgrader_config.py`` gives the course at ``root``."""
    return os.environ.get("MML_DB_URL", "sqlite:///" + str(root / "gradebook.db"))
