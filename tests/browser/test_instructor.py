"""As an instructor: Formgrader shows the graded demo class by name and typesets maths offline;
a student's feedback file, opened with the network blocked, typesets its maths and shows no
hidden test."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from lab import Lab, start_lab

from mml.authoring import classroom, demo
from mml.grading import cells, course, feedback_page

ASSIGNMENT, NOTEBOOK = "la-w3-special-matrices", "special_matrices"
STUDENTS = ("demo-reference", "demo-mistakes")


@pytest.fixture(scope="module")
def graded(course: Path) -> Path:
    """The course with two demo students of one assignment graded by `mml grade`, with
    feedback."""
    classroom.nbgrader("generate_assignment", ASSIGNMENT, "--force", root=course)
    demo.hand_in(course, ASSIGNMENT)
    students = [arg for s in STUDENTS for arg in ("--student", s)]
    subprocess.run(
        [sys.executable, "-m", "mml.cli", "grade", ASSIGNMENT, *students, "--course-dir",
         str(course), "--feedback", "--no-progress", *demo.sandbox_flags()],
        env=course_env(course), check=True, capture_output=True,
    )
    demo.name_students(course)
    return course


def course_env(root: Path) -> dict[str, str]:
    env = course.tool_env()
    env.pop("MML_DB_URL", None)  # the throw-away course keeps its own SQLite gradebook
    return env


@pytest.fixture(scope="module")
def instructor_lab(graded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    lab = start_lab(graded, tmp_path_factory.mktemp("instructor-home"),
                    env=feedback_page.lab_env(graded))
    yield lab
    lab.stop()


@pytest.fixture
def instructor_page(instructor_lab: Lab, context):
    """A page of the instructor's browser, logged in to their JupyterLab."""
    page = context.new_page()
    instructor_lab.log_in(page)
    return page


def test_formgrader_lists_the_demo_students_by_name(instructor_lab, instructor_page) -> None:
    page = instructor_page
    page.goto(f"{instructor_lab.url}/formgrader/manage_students")
    table = page.locator("table")
    table.get_by_text("demo-reference").wait_for(timeout=60_000)
    text = table.inner_text()
    for first, last in (demo.NAMES[s] for s in STUDENTS):
        assert f"{last}, {first}" in text, text
    assert "None, None" not in text


def test_formgrader_shows_the_graded_class(instructor_lab, instructor_page) -> None:
    page = instructor_page
    page.goto(f"{instructor_lab.url}/formgrader/manage_submissions/{ASSIGNMENT}")
    table = page.locator("table")
    table.get_by_text("demo-mistakes").wait_for(timeout=60_000)
    text = table.inner_text()
    root = instructor_lab.root
    total = sum(
        sum(cells.test_points(cells.read(root / "source" / ASSIGNMENT / f"{nb}.ipynb")).values())
        for nb in course.notebooks_of(ASSIGNMENT, root)
    )
    reference = next(line for line in text.splitlines() if "demo-reference" in line)
    assert "graded" in reference and f"{total:g} / {total:g}" in reference, text


def test_formgrader_typesets_maths_without_the_network(instructor_lab, instructor_page) -> None:
    from nbgrader.api import Gradebook  # noqa: PLC0415

    with Gradebook(course.db_url(instructor_lab.root)) as gb:
        submission = gb.find_submission_notebook(NOTEBOOK, ASSIGNMENT, "demo-mistakes").id
    page = instructor_page  # its context reaches 127.0.0.1 only
    page.goto(f"{instructor_lab.url}/formgrader/submissions/{submission}/")
    page.wait_for_function("document.querySelectorAll('mjx-container').length > 0",
                           timeout=60_000)


def test_feedback_offline_typesets_and_hides_hidden_tests(graded: Path, browser) -> None:
    page_file = graded / "feedback" / "demo-mistakes" / ASSIGNMENT / f"{NOTEBOOK}.html"
    ctx = browser.new_context(offline=True)
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
              else route.abort())
    try:
        page = ctx.new_page()
        page.goto(page_file.as_uri())
        page.wait_for_function("document.querySelectorAll('mjx-container').length > 0",
                               timeout=60_000)
        text = page.inner_text("body")
        assert "$" not in text.split("Your results")[0]  # no raw LaTeX before the table
        assert page.locator("img").count() >= 1  # the notebook's figures are there
        source = cells.read(graded / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
        public, hidden = set(), set()
        for cell in source.cells:
            shown, secret = cells.split_secret(cell.source)
            public.update(line.strip() for line in shown)
            if cells.is_test(cell):
                hidden.update(line.strip() for line in secret)
        hidden = {line for line in hidden - public if len(line) > 10}
        assert hidden, "the source notebook should have hidden tests"
        leaked = [line for line in hidden if line in text]
        assert leaked == []
        assert "BEGIN HIDDEN TESTS" not in text
    finally:
        ctx.close()
