"""(b) Source notebooks are committed clean, nbgrader metadata is valid, text form round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from mml.authoring import notebooks
from mml.grading import cells, course

SOURCES = sorted((course.REPO_ROOT / "source").rglob("*.ipynb"))
RELEASES = sorted((course.REPO_ROOT / "release").rglob("*.ipynb"))


def _id(path: Path) -> str:
    return str(path.relative_to(course.REPO_ROOT))


def test_there_are_notebooks() -> None:
    assert SOURCES, "no notebooks found in source/"
    assert not [p for p in SOURCES if ".ipynb_checkpoints" in p.parts]


@pytest.mark.parametrize("path", SOURCES, ids=_id)
def test_source_notebook_is_clean(path: Path) -> None:
    nb = cells.read(path)
    found = list(notebooks.problems(nb))
    assert not found, "\n".join(found)
    assert path.read_text(encoding="utf-8") == cells.dumps(nb), (
        "not in the stored JSON layout: rewrite it with `mml notebook build` or cells.write"
    )


@pytest.mark.parametrize("path", SOURCES, ids=_id)
def test_text_form_round_trips(path: Path) -> None:
    nb = cells.read(path)
    rebuilt = notebooks.build(notebooks.parse_text(notebooks.to_text(nb)))
    assert cells.dumps(rebuilt) == cells.dumps(nb)


@pytest.mark.parametrize("path", SOURCES, ids=_id)
def test_assignment_names(path: Path) -> None:
    assignment = path.parent.name
    assert course.ASSIGNMENT_NAME.match(assignment), f"bad assignment name {assignment!r}"
    assert path.stem.isidentifier() and path.stem == path.stem.lower()


@pytest.mark.parametrize("path", SOURCES, ids=_id)
def test_notebook_has_the_course_shape(path: Path) -> None:
    """Title first, then the locked setup cell that imports the helpers before any answer."""
    nb = cells.read(path)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert cells.cell_role(first_code) == "locked", "the first code cell must be locked"
    if any(cells.is_test(c) for c in nb.cells):
        assert "from mml import" in first_code.source and "checks" in first_code.source


def test_releases_exist_for_every_source() -> None:
    expected = {p.relative_to(course.REPO_ROOT / "source") for p in SOURCES}
    found = {p.relative_to(course.REPO_ROOT / "release") for p in RELEASES}
    assert found == expected, "run `make release`"


def test_parse_text_rejects_bad_headers() -> None:
    with pytest.raises(ValueError, match="unknown token"):
        notebooks.parse_text("# %% solution id=x bogus\npass\n")
    with pytest.raises(ValueError, match="points"):
        notebooks.parse_text("# %% test id=test_x\npass\n")
    with pytest.raises(ValueError, match="duplicate"):
        notebooks.parse_text("# %% id=a\n1\n# %% id=a\n2\n")


def test_problems_are_reported() -> None:
    text = "# %% solution id=f\npass\n# %% test id=t points=1\n1\n"
    nb = notebooks.build(notebooks.parse_text(text))
    nb.cells[0].outputs = [{"output_type": "stream", "name": "stdout", "text": "x"}]
    nb.cells[0].execution_count = 3
    found = "\n".join(notebooks.problems(nb))
    for expected in ("has outputs", "execution count", "without '### BEGIN SOLUTION'",
                     "should start with 'test_'"):
        assert expected in found
