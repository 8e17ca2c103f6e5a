"""As a student in JupyterLab: every notebook of the workspace runs, shows its pictures and fails
only where an exercise is still to do; the games and explorers answer the mouse; Validate reads
well; nbgrader's Assignment List has no error."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from driver import (
    click_data_point,
    kernel_print,
    open_notebook,
    run_notebook,
    unexpected_errors,
)

from mml.authoring import submissions
from mml.grading import cells
from mml.grading.course import REPO_ROOT

NOTEBOOKS = sorted(p.relative_to(REPO_ROOT / "release").as_posix()
                   for p in (REPO_ROOT / "release").glob("*/*.ipynb"))
SHOWS_A_PICTURE = re.compile(r"plt\.show\(\)|display\(|\.show\(\)|play\(")


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_runs_and_fails_only_on_exercises_to_do(
    student_lab, student_page, path: str
) -> None:
    page = student_page
    open_notebook(page, student_lab, path)
    cells = run_notebook(page)
    assert unexpected_errors(cells) == []
    code = [c for c in cells if c.type == "code" and c.source.strip()]
    assert [c.index for c in code if c.count is None] == [], "cells that did not run"
    silent = [c.index for c in code
              if SHOWS_A_PICTURE.search(c.source) and not c.errors and not c.pictures
              and not c.text.strip()]
    assert silent == [], f"cells meant to show something showed nothing: {silent}"
    page.wait_for_function(  # widget views render after their models arrive
        "() => !document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)')"
        ".textContent.includes('Loading widget...')", timeout=30_000)
    texts = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea").all_text_contents()
    assert "Error displaying widget" not in " ".join(c.text for c in cells) + " ".join(texts)


# the first SandpitView the notebook made
FIRST_VIEW = ("import gc\n_views = sorted((o for o in gc.get_objects() if type(o).__name__ == "
              "'SandpitView'), key=lambda v: v.fig.canvas.manager.num)\n_v = _views[0]\n")
LAST_DIP = FIRST_VIEW + (
    "import json\n_g = _v.game\n_d = _g.dips[-1] if _g.dips else None\n"
    "print(json.dumps({'dips': len(_g.dips), 'won': _g.won, 'status': _v.status.get_text(),"
    " 'at': None if _d is None else _d.position.tolist(),"
    " 'downhill': None if _d is None or _d.downhill is None else _d.downhill.tolist(),"
    " 'phone': _g.landscape.global_minimum.tolist()}))\n"
)


def _state(page) -> dict:
    return json.loads(kernel_print(page, LAST_DIP).strip().splitlines()[-1])


def test_clicks_in_the_sandpit_find_the_phone(student_lab, student_page) -> None:
    page = student_page
    open_notebook(page, student_lab, "mc-w2-multivariate/sandpit.ipynb")
    assert unexpected_errors(run_notebook(page)) == []
    kernel_print(page, FIRST_VIEW)
    before = page.screenshot()
    targets = [(2.0, -2.0)]
    for clicks in range(1, 12):
        click_data_point(page, "_v.fig", "_v.ax", *targets[-1])
        deadline = time.monotonic() + 20
        while (state := _state(page))["dips"] < clicks and time.monotonic() < deadline:
            time.sleep(0.3)
        assert state["dips"] == clicks, f"click {clicks} was not a dip: {state}"
        if state["won"]:
            break
        # a player follows the arrow one metre, and after three dips digs where it points
        x, y = state["at"]
        if state["downhill"] and clicks < 3:
            gx, gy = state["downhill"]
            norm = (gx * gx + gy * gy) ** 0.5 or 1.0
            targets.append((x + gx / norm, y + gy / norm))
        else:
            targets.append(tuple(state["phone"]))
    assert state["won"], state
    assert "found the phone" in state["status"]
    time.sleep(1)
    assert page.screenshot() != before  # the figure redrew


def test_the_walker_says_why_a_click_does_nothing(student_lab, student_page) -> None:
    page = student_page
    open_notebook(page, student_lab, "mc-w5-optimisation/gradient_descent.ipynb")
    run_notebook(page)
    kernel_print(page, FIRST_VIEW)
    click_data_point(page, "_v.fig", "_v.ax", 1.0, 1.0)
    deadline = time.monotonic() + 20
    while "Nothing happened" not in (state := _state(page))["status"]:
        assert time.monotonic() < deadline, state
        time.sleep(0.3)
    assert "is not written yet" in state["status"] and state["dips"] == 0


def test_an_eigen_slider_drag_changes_the_figure(student_lab, student_page) -> None:
    page = student_page
    open_notebook(page, student_lab, "la-w5-eigen/eigen_explorer.ipynb")
    assert unexpected_errors(run_notebook(page)) == []
    explorer = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .widget-vbox").first
    slider = explorer.locator(".widget-slider").first  # a of A = [[a, b], [c, d]]
    slider.scroll_into_view_if_needed()
    assert slider.locator(".widget-label").inner_text().strip() == "a"
    track = slider.locator(".noUi-target, .slider").first
    width = track.bounding_box()["width"]
    assert width >= 150, f"the slider is only {width:.0f} px wide"
    image = explorer.locator(".widget-image").first
    before = image.get_attribute("src")
    start = float(kernel_print(page, "print(explorer.entries[0].value)").strip())
    handle = slider.locator(".noUi-handle").first
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + width / 4, box["y"] + box["height"] / 2,
                    steps=8)
    page.mouse.up()
    page.wait_for_function(
        "([el, old]) => el.getAttribute('src') !== old", arg=[image.element_handle(), before],
        timeout=30_000,
    )
    assert float(kernel_print(page, "print(explorer.entries[0].value)").strip()) > start


def _validate(page) -> str:
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-ToolbarButtonComponent",
                 has_text="Validate").click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=300_000)
    page.wait_for_function(
        "() => !document.querySelector('.jp-Dialog').innerText.includes('Validating')",
        timeout=300_000)
    text = dialog.inner_text()
    dialog.locator("button").last.click()
    return text


def solve(course: Path, assignment: str, notebook: str) -> str:
    """Write the reference answers of a notebook into the workspace; return its path there."""
    source = cells.read(course / "source" / assignment / f"{notebook}.ipynb")
    release = cells.read(course / "release" / assignment / f"{notebook}.ipynb")
    path = course / "work" / "solved" / f"{notebook}.ipynb"
    path.parent.mkdir(exist_ok=True)
    cells.write(submissions.reference_submission(source, release), path)
    return f"solved/{notebook}.ipynb"


def test_validate_on_a_blank_and_on_a_solved_notebook(course, student_lab, student_page) -> None:
    page = student_page
    open_notebook(page, student_lab, "la-w3-special-matrices/special_matrices.ipynb")
    blank = _validate(page)
    assert "NotImplementedError" in blank or "failed" in blank.lower(), blank
    solved = solve(course, "la-w3-special-matrices", "special_matrices")
    open_notebook(page, student_lab, solved)
    assert "Success" in _validate(page)


def test_the_assignment_list_has_no_error(student_page) -> None:
    page = student_page
    page.get_by_text("Nbgrader", exact=True).click()
    page.get_by_text("Assignment List", exact=True).click()
    panel = page.locator(".lm-DockPanel-widget:not(.lm-mod-hidden)").filter(
        has_text="Released assignments")
    panel.wait_for(timeout=60_000)
    time.sleep(3)
    text = panel.inner_text()
    assert "Error" not in text, text


_SAVE_AND_CLOSE = """
async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await panel.context.save();
  await panel.sessionContext.shutdown();
  panel.dispose();
}
"""


@pytest.mark.parametrize("path", ["la-w5-eigen/eigen_explorer.ipynb",
                                  "mc-w2-multivariate/sandpit.ipynb"])
def test_a_reopened_widget_says_run_the_cell(student_lab, student_page, path: str) -> None:
    page = student_page
    open_notebook(page, student_lab, path)
    run_notebook(page)
    page.evaluate(_SAVE_AND_CLOSE)
    open_notebook(page, student_lab, path)
    time.sleep(5)  # let the widget manager give up on the old models
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    notes = panel.locator(".mml-needs-kernel")
    assert notes.count() >= 1
    assert all(notes.nth(i).is_visible() for i in range(notes.count()))
    assert "Run the cell to start" in notes.first.inner_text()
    for dead in ("Loading widget...", "Error displaying widget"):
        shown = panel.get_by_text(dead)
        assert not any(shown.nth(i).is_visible() for i in range(shown.count())), dead
