"""nbgrader preprocessors that make grading fairer and feedback safe.

* :class:`StderrIsNotFailure` (autograde): stock nbgrader scores a test cell 0 as soon as it
  wrote anything to stderr, so a correct answer that triggers a ``RuntimeWarning`` would lose its
  marks. This relabels stderr as stdout (the text stays visible); only a real error fails a test.
* :class:`HideHiddenTests` (feedback): replaces the hidden part of every test cell with a
  one-line note and cuts every traceback down to its final line, so neither the hidden test code
  nor a traceback through it reaches the student.
* :class:`FeedbackSummary` (feedback): a table at the top of the feedback with each test's name,
  pass/fail, score and a student-safe message.

* :class:`SanitizeOutputs` (feedback): a submission's HTML, JavaScript and SVG outputs never
  reach the feedback page (text and images stay); markdown cells are cleaned by the exporter
  (``c.HTMLExporter.sanitize_html = True`` in ``nbgrader_config.py``).

``nbgrader_config.py`` wires them in. They derive from nbgrader's preprocessor base class,
which is enabled by default (nbconvert's is not, and would silently do nothing).
"""

from __future__ import annotations

import re

from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell
from nbgrader.preprocessors import NbGraderPreprocessor as Preprocessor

from mml.grading.cells import HIDDEN_BEGIN, HIDDEN_END, grade_id, is_test, nbgrader_meta

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
MAX_MESSAGE = 600


def _error_outputs(cell: NotebookNode) -> list[NotebookNode]:
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def student_message(cell: NotebookNode) -> str:
    """A short, safe description of why a test cell failed ('' if it did not)."""
    errors = _error_outputs(cell)
    if not errors:
        return ""
    error = errors[-1]
    name = ANSI.sub("", str(error.get("ename", "Error")))
    value = ANSI.sub("", str(error.get("evalue", ""))).strip()
    if not value and name == "AssertionError":
        value = "a check failed"
    text = f"{name}: {value}" if value else name
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."


#: output formats shown in feedback; the others (HTML, JavaScript, SVG, widgets...) are dropped
SAFE_MIME_TYPES = ("text/plain", "image/png", "image/jpeg", "image/gif", "text/latex")


class SanitizeOutputs(Preprocessor):
    """Keep only :data:`SAFE_MIME_TYPES` in every output (one left with nothing says so)."""

    def preprocess_cell(self, cell, resources, index):  # noqa: ANN001 - nbconvert API
        for output in cell.get("outputs", []):
            data = output.get("data")
            if isinstance(data, dict):
                kept = {k: v for k, v in data.items() if k in SAFE_MIME_TYPES}
                output["data"] = kept or {"text/plain": "[output not shown in feedback]"}
        return cell, resources


class StderrIsNotFailure(Preprocessor):
    """Relabel stderr stream outputs as stdout so a warning never zeroes a correct answer."""

    def preprocess_cell(self, cell, resources, index):  # noqa: ANN001 - nbconvert API
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                output["name"] = "stdout"
        return cell, resources


class HideHiddenTests(Preprocessor):
    """Remove hidden-test code and tracebacks from test cells before feedback is rendered."""

    def preprocess_cell(self, cell, resources, index):  # noqa: ANN001 - nbconvert API
        if not is_test(cell):
            return cell, resources
        cell.source = hide_hidden(cell.source)
        for output in _error_outputs(cell):
            output["traceback"] = [student_message(cell)]
        return cell, resources


def hide_hidden(source: str) -> str:
    """Replace every ``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS`` block by a note."""
    out, hidden = [], False
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped == HIDDEN_BEGIN:
            hidden = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}# (hidden tests run here; their code is not shown)")
        elif stripped == HIDDEN_END:
            hidden = False
        elif not hidden:
            out.append(line)
    return "\n".join(out)


class FeedbackSummary(Preprocessor):
    """Insert a markdown table: test name, result, score and a safe message per test cell.

    Must run after nbgrader's ``GetGrades`` (which stores each cell's score in its metadata).
    """

    def preprocess(self, nb, resources):  # noqa: ANN001 - nbconvert API
        rows = ["| test | result | score | message |", "|---|---|---|---|"]
        for cell in nb.cells:
            if not is_test(cell):
                continue
            meta = nbgrader_meta(cell)
            score = meta.get("score")
            points = float(meta.get("points", 0))
            message = student_message(cell).replace("|", "\\|").replace("\n", " ")
            passed = score is not None and float(score) >= points
            result = "pass" if passed else "fail"
            score_text = "–" if score is None else f"{float(score):g} / {points:g}"
            rows.append(f"| `{grade_id(cell)}` | {result} | {score_text} | {message} |")
        if len(rows) > 2:
            summary = new_markdown_cell("## Your results\n\n" + "\n".join(rows))
            summary.id = "mml-feedback-summary"
            nb.cells.insert(0, summary)
        return nb, resources
