"""Shared fixtures: each assignment is graded once per test process (see ``harness.py``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from harness import GradedAssignment, grade


@pytest.fixture(scope="session")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], GradedAssignment]:
    """``graded(assignment)`` grades it on first use and returns the cached result after."""
    cache: dict[str, GradedAssignment] = {}

    def get(assignment: str) -> GradedAssignment:
        if assignment not in cache:
            cache[assignment] = grade(assignment, tmp_path_factory.mktemp(assignment))
        return cache[assignment]

    return get
