"""The package layout is the architecture: imports point one way and never in a circle.

Every ``import``/``from ... import`` inside ``mml/`` counts, also the ones inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mml.grading.course import REPO_ROOT

PACKAGE = REPO_ROOT / "mml"

# part -> the parts it may import (besides itself)
ALLOWED = {
    "notebook": set(),  # mml/checks.py, data.py, plotting.py, runtime.py: what notebooks import
    "la": {"notebook"},
    "mc": {"notebook"},
    "pca": {"notebook"},
    "grading": set(),
    "authoring": {"grading"},
    "cli": {"grading", "authoring"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _part(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "package"
    if parts[1] in ("la", "mc", "pca", "grading", "authoring"):
        return parts[1]
    return "cli" if parts[1] == "cli" else "notebook"


def _imports(module: str) -> set[str]:
    """The ``mml`` modules that ``module`` imports (a package import counts as its modules)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module and MODULES[name].name != "__init__.py":
                found.add(name)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def test_no_import_cycles() -> None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycle = stack[stack.index(target):] + [target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_layers(module: str) -> None:
    part = _part(module)
    if part == "package":
        assert not GRAPH[module], "mml/__init__.py imports nothing"
        return
    wrong = sorted(t for t in GRAPH[module]
                   if _part(t) != part and _part(t) not in ALLOWED[part])
    assert not wrong, f"{module} ({part}) may not import {wrong}"


def test_notebooks_import_only_what_notebooks_may() -> None:
    """Course notebooks import the top-level helpers and the course helpers, never the engine."""
    bad = []
    for path in sorted((REPO_ROOT / "source").rglob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("mml.grading", "mml.authoring", "mml import grading",
                          "mml import authoring"):
            if forbidden in text:
                bad.append(f"{path.relative_to(REPO_ROOT)}: {forbidden}")
    assert not bad
