"""Feedback pages carry their own MathJax, keep the table readable and multi-line messages."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import nbgrader
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from mml.grading import bubblewrap, feedback_page


def test_the_cdn_block_is_replaced_by_the_local_mathjax() -> None:
    templates = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    exporter = feedback_page.OfflineHTMLExporter(
        template_name="feedback", extra_template_basedirs=[str(templates)],
        extra_template_paths=[str(templates.parent / "static/node_modules/bootstrap/dist/css")],
    )
    html = exporter.from_notebook_node(
        new_notebook(cells=[new_markdown_cell("A $4\\times 4$ matrix")]),
        resources={"nbgrader": {"notebook": "nb", "score": 1, "max_score": 1, "late_penalty": 0}},
    )[0]
    assert "cdnjs" not in html and "MathJax.Hub" not in html
    assert re.search(r"<script[^>]*\bsrc=", html) is None  # nothing is fetched
    assert "MathJax 3 tex-svg, shipped with the course" in html
    assert feedback_page.TABLE_STYLE in html
    assert "A $4\\times 4$ matrix" in html


def test_the_formgrader_macro_is_the_local_mathjax(tmp_path) -> None:
    folder = feedback_page.template_dir(tmp_path)
    macro = (folder / "nbconvert" / "templates" / "base" / "mathjax.html.j2").read_text()
    assert macro.startswith("{%- macro mathjax(") and "https://" not in macro.split("*/")[0]
    assert feedback_page.lab_env(tmp_path)["JUPYTER_PATH"].split(":")[0] == str(folder)


def test_multi_line_messages_keep_their_lines() -> None:
    test = new_code_cell("check()", outputs=[new_output(
        "error", ename="CheckFailed", evalue="f(A): wrong\nhint: look again",
        traceback=["CheckFailed: f(A): wrong\nhint: look again"],
    )])
    test.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "t", "points": 1}
    message = "CheckFailed: f(A): wrong\nhint: look again"
    summary = new_markdown_cell(f"| `t` | fail | 0 / 1 | {message.replace(chr(10), ' ')} |")
    summary.id = feedback_page.SUMMARY_CELL_ID
    nb = new_notebook(cells=[summary, test])
    nb, _ = feedback_page.MultilineMessages().preprocess(nbformat.from_dict(nb), {})
    expected = "| `t` | fail | 0 / 1 | CheckFailed: f(A): wrong<br>hint: look again |"
    assert nb.cells[0].source == expected


def test_a_refused_namespace_is_explained_in_one_paragraph() -> None:
    said = "bwrap: No permissions to create new namespace, likely because the kernel does not allow"
    text = bubblewrap.explain_failure("/usr/bin/bwrap", said)
    assert text.startswith(bubblewrap.NAMESPACES_FORBIDDEN) and "\n" not in text
    assert "sysctl" in text and said in text
    other = bubblewrap.explain_failure("/usr/bin/bwrap", "bwrap: Can't mount proc")
    assert other == "`/usr/bin/bwrap` cannot create a sandbox here: bwrap: Can't mount proc"
