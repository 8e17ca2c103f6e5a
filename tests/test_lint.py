"""The code base is ruff clean (configuration in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from mml.grading.course import REPO_ROOT


def test_ruff_is_clean() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
