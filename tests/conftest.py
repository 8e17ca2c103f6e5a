"""Shared fixtures: each assignment is graded once per test process (see ``harness.py``)."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable

import pytest
from harness import GradedAssignment, grade

from mml.grading.sandbox import bwrap_problem

# The course config refuses to grade without bubblewrap. The harness proves the notebooks, not the
# sandbox (tests/test_sandbox.py and test_adversarial.py skip with the reason), so without it the
# harness grades unsandboxed and says so.
if bwrap_problem():
    os.environ["MML_UNSAFE_GRADING"] = "1"
    warnings.warn(f"grading WITHOUT the sandbox: {bwrap_problem()}", stacklevel=1)


@pytest.fixture(scope="session")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], GradedAssignment]:
    """``graded(assignment)`` grades it on first use and returns the cached result after."""
    cache: dict[str, GradedAssignment] = {}

    def get(assignment: str) -> GradedAssignment:
        if assignment not in cache:
            cache[assignment] = grade(assignment, tmp_path_factory.mktemp(assignment))
        return cache[assignment]

    return get
