"""Fixtures of the real-browser suite (``make test-browser``; skipped by ``make test``).

A throw-away copy of the course in a temporary folder: ``release/`` as committed, the learner's
workspace made from it by :func:`mml.authoring.workspace.sync`, a student's JupyterLab on that
workspace and (for the instructor tests) a demo class of one assignment graded by ``mml grade``
with an instructor's JupyterLab on the course root. A failing test leaves a screenshot of every
open page in ``build/browser/`` (the path is printed).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from lab import CHROMIUM, CHROMIUM_ARGS, Lab, only_loopback, start_lab

from mml.authoring import workspace
from mml.grading.course import REPO_ROOT

if os.environ.get("MML_BROWSER") != "1":  # `make test-browser` sets it
    collect_ignore_glob = ["test_*.py"]

SCREENSHOTS = REPO_ROOT / "build" / "browser"


@pytest.fixture(scope="session")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the course (config, source, release) with the learner's workspace in work/."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy2(REPO_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(REPO_ROOT / "release", root / "release")
    shutil.copytree(REPO_ROOT / "source", root / "source")
    workspace.sync(root)
    return root


@pytest.fixture(scope="session")
def student_lab(course: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    lab = start_lab(course / "work", tmp_path_factory.mktemp("student-home"))
    yield lab
    lab.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _screenshots(request: pytest.FixtureRequest, pages: list) -> None:
    """Keep a screenshot of every page if the test failed."""
    report = getattr(request.node, "rep_call", None)
    if report is None or not report.failed:
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in request.node.name)
    for i, page in enumerate(pages):
        path = SCREENSHOTS / f"{name}-{i}.png"
        try:
            page.screenshot(path=str(path), full_page=True)
            print(f"screenshot: {path}")
        except Exception as exc:  # noqa: BLE001 - a screenshot must not hide the failure
            print(f"no screenshot of page {i}: {exc}")


@pytest.fixture
def context(browser, request: pytest.FixtureRequest) -> Iterator:
    """A browser context that reaches only 127.0.0.1; screenshots kept if the test fails."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    ctx.route("**/*", only_loopback)
    yield ctx
    _screenshots(request, ctx.pages)
    ctx.close()


@pytest.fixture(scope="session")
def _student_session(browser, student_lab: Lab) -> Iterator:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    ctx.route("**/*", only_loopback)
    page = ctx.new_page()
    page.goto(student_lab.page_url("/lab"))
    page.wait_for_function("window.jupyterapp !== undefined", timeout=120_000)
    page.wait_for_selector(".jp-LabShell", timeout=120_000)
    yield page
    ctx.close()


@pytest.fixture
def student_page(_student_session, student_lab: Lab, request: pytest.FixtureRequest) -> Iterator:
    """The student's JupyterLab (one page for the whole run, reaching only 127.0.0.1); after
    each test its notebooks are closed and their kernels shut down."""
    yield _student_session
    _screenshots(request, [_student_session])
    _student_session.keyboard.press("Escape")  # a dialog left open by a failure
    _student_session.evaluate(  # close without "save changes?" questions
        "() => { for (const w of Array.from(window.jupyterapp.shell.widgets('main'))) "
        "w.dispose(); }")
    student_lab.shutdown_kernels()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report
