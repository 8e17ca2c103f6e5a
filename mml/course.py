"""The course directory: where assignments live, running nbgrader on it, reading its gradebook.

Layout (nbgrader's): ``source/<assignment>/<notebook>.ipynb`` is the truth, ``release/`` is
generated from it, ``submitted/<student>/<assignment>/`` holds hand-ins, ``autograded/`` and
``feedback/`` are written by grading. Assignments are named ``<course>-w<N>-<topic>``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
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


def nbgrader(*args: str, root: Path = REPO_ROOT, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` with ``root`` as the course directory; output is captured.

    Raises ``RuntimeError`` with nbgrader's own log if it fails and ``check`` is true.
    """
    command = [sys.executable, "-m", "nbgrader", *args]
    done = subprocess.run(
        command, cwd=root, env=tool_env(), capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        raise RuntimeError(
            f"`nbgrader {' '.join(args)}` failed (exit {done.returncode}):\n{done.stderr[-4000:]}"
        )
    return done


def make_course(root: Path, assignment_names: list[str], repo: Path = REPO_ROOT) -> Path:
    """Create a fresh course directory at ``root`` with the repository's config and sources."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo / "nbgrader_config.py", root / "nbgrader_config.py")
    for name in assignment_names:
        shutil.copytree(repo / "source" / name, root / "source" / name, dirs_exist_ok=True)
    return root


@dataclass(frozen=True)
class CellScore:
    score: float
    max_score: float


def db_url(root: Path) -> str:
    """The gradebook URL that ``nbgrader_config.py`` gives the course at ``root``."""
    return os.environ.get("MML_DB_URL", "sqlite:///" + str(root / "gradebook.db"))


def read_scores(url: str, assignment: str) -> dict[str, dict[str, dict[str, CellScore]]]:
    """``{student: {notebook: {grade_id: CellScore}}}`` for one assignment of a gradebook."""
    from nbgrader.api import Gradebook

    result: dict[str, dict[str, dict[str, CellScore]]] = {}
    with Gradebook(url) as gb:
        for submission in gb.assignment_submissions(assignment):
            per_nb = result.setdefault(submission.student.id, {})
            for nb in submission.notebooks:
                per_nb[nb.name] = {
                    grade.name: CellScore(float(grade.score or 0.0), float(grade.max_score))
                    for grade in nb.grades
                    if grade.cell.cell_type == "code"
                }
    return result
