"""The learner's workspace ``work/``: their own copy of every released notebook, never overwritten.

``make lab`` runs ``python -m mml.authoring.workspace`` which

1. copies ``release/<assignment>/<notebook>.ipynb`` to ``work/<assignment>/<notebook>.ipynb``
   the first time, and remembers which release it copied (``work/.releases.json``);
2. when a release changes later: a copy the learner never changed is replaced by the new
   release; a copy they changed is left alone and the new release is written beside it as
   ``<notebook>.new-release.ipynb`` (replaced by each newer release). Either way it says so;
3. writes ``work/nbgrader_config.py`` (the course id and the course-local exchange, so nbgrader's
   Assignment List works for a student on this machine);
4. starts JupyterLab in ``work/``: ``--allow-root`` only when run as root, and no browser (the
   URL printed instead) when the machine has no display. ``--instructor`` (``make instructor``)
   starts it on the course root instead, for Formgrader, with the maths typeset offline
   (:mod:`mml.grading.feedback_page`).

Nothing here ever writes to a file the learner may have changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from mml.grading import course, feedback_page

MANIFEST = ".releases.json"
NEW_SUFFIX = ".new-release.ipynb"
STUDENT_CONFIG = '''"""A learner's nbgrader settings on this machine (written by `make lab`)."""

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file
c.CourseDirectory.course_id = "mml"
c.Exchange.root = {exchange!r}
c.Exchange.path_includes_course = True
'''


@dataclass(frozen=True)
class Change:
    """What :func:`sync` did to one notebook of the workspace."""

    path: Path  # the learner's notebook, relative to the workspace
    action: str  # "created", "updated" (was untouched) or "new-release" (written beside)

    def message(self) -> str:
        if self.action == "created":
            return f"  new: {self.path}"
        if self.action == "updated":
            return f"  updated (you had not changed it): {self.path}"
        beside = self.path.with_name(self.path.stem + NEW_SUFFIX)
        return (f"  the course changed {self.path}; your copy is kept and the new version is "
                f"beside it: {beside}")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def exchange_root(root: Path = course.REPO_ROOT) -> Path:
    """The course-local nbgrader exchange folder (``c.Exchange.root`` of the course)."""
    return root / "exchange"


def sync(root: Path = course.REPO_ROOT, work: Path | None = None) -> list[Change]:
    """Bring the workspace up to date with ``release/`` without touching the learner's work.

    Parameters
    ----------
    root : Path
        The course directory (with ``release/``).
    work : Path, optional
        The workspace; default ``root / "work"``.

    Returns
    -------
    list of Change
        One entry per notebook that was created, updated or got a new release beside it.
    """
    work = work or root / "work"
    work.mkdir(parents=True, exist_ok=True)
    manifest_path = work / MANIFEST
    manifest: dict[str, str] = (
        json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    )
    changes = []
    for released in sorted((root / "release").glob("*/*.ipynb")):
        rel = released.relative_to(root / "release")
        mine = work / rel
        new = _digest(released)
        known = manifest.get(rel.as_posix())
        if not mine.exists():
            if known is not None:
                continue  # the learner deleted or renamed it: their choice
            action = "created"
        elif known == new:
            continue
        elif known is not None and _digest(mine) == known:
            action = "updated"
        else:
            beside = mine.with_name(mine.stem + NEW_SUFFIX)
            if beside.exists() and _digest(beside) == new:
                continue
            mine.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(released, beside)
            manifest[rel.as_posix()] = new
            changes.append(Change(rel, "new-release"))
            continue
        mine.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(released, mine)
        manifest[rel.as_posix()] = new
        changes.append(Change(rel, action))
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    exchange = exchange_root(root)
    exchange.mkdir(exist_ok=True)
    (work / "nbgrader_config.py").write_text(STUDENT_CONFIG.format(exchange=str(exchange)))
    return changes


def has_display() -> bool:
    """True when a browser could open a window (a desktop session or macOS)."""
    return sys.platform == "darwin" or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def lab_command(folder: Path, port: int | None = None) -> list[str]:
    """The ``jupyter lab`` command line on ``folder`` (root and display taken into account)."""
    command = [sys.executable, "-m", "jupyterlab", f"--notebook-dir={folder}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    if not has_display():
        command.append("--no-browser")
    if port is not None:
        command.append(f"--port={port}")
    return command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mml.authoring.workspace",
        description="Copy new releases into work/ (never over your changes), then JupyterLab.",
    )
    parser.add_argument("--no-lab", action="store_true", help="only update work/")
    parser.add_argument("--instructor", action="store_true",
                        help="JupyterLab on the course root instead, for Formgrader")
    parser.add_argument("--port", type=int, default=None, help="JupyterLab's port")
    args = parser.parse_args(argv)
    root = course.REPO_ROOT
    work = root / "work"
    changes = sync(root, work)
    if args.instructor:
        folder, env = root, feedback_page.lab_env(root)
        print(f"Instructor's JupyterLab on {root}: Formgrader is in the Nbgrader menu.")
    else:
        folder, env = work, dict(os.environ)
        print(f"Your workspace is {work} (your own copies; the course never overwrites them).")
        for change in changes:
            print(change.message())
    if args.no_lab:
        return 0
    command = lab_command(folder, args.port)
    if "--no-browser" in command:
        print("No display here: open the http://127.0.0.1:...?token=... URL that JupyterLab "
              "prints below in a browser.", flush=True)
    env.pop("MPLBACKEND", None)  # notebooks draw interactively in the lab
    os.execve(sys.executable, command, env)
    return 0  # pragma: no cover - execve does not return


if __name__ == "__main__":
    sys.exit(main())
