"""A course directory for the demo, the tests and the benchmarks: making one, running nbgrader
on it and reading its scores back."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mml.grading.course import REPO_ROOT, tool_env


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
