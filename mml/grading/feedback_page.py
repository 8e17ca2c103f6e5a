"""Feedback and Formgrader pages that work offline: MathJax shipped with the course, no CDN.

nbconvert's templates load MathJax 2 from a CDN, so offline a student's feedback shows raw
``$4\\times 4$``. Here the page carries MathJax 3 itself (``es5/tex-svg.js`` from the
``django-static-mathjax`` package on PyPI, a plain copy of MathJax 3.2.2; SVG output needs no
font files), so a feedback file typesets its maths wherever it is opened, even from a USB stick.

* :class:`OfflineHTMLExporter` is the exporter of ``nbgrader generate_feedback`` (set in
  ``nbgrader_config.py``): it swaps the CDN block of the page for the local MathJax.
* :class:`MultilineMessages` keeps the line breaks of each test's message in the results table
  (``FeedbackSummary`` writes them on one line) and :data:`TABLE_STYLE` gives the table
  spaced, left-aligned columns (its header otherwise runs together: "resultscoremessage").
* :func:`lab_env` puts a template folder first on ``JUPYTER_PATH`` whose ``mathjax`` macro is
  the same local MathJax: ``make instructor`` starts JupyterLab with it, so Formgrader's grading
  pages typeset offline too.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from nbconvert.exporters import HTMLExporter
from nbgrader.preprocessors import NbGraderPreprocessor

from mml.grading.cells import is_test
from mml.grading.nbgrader_ext import student_message

_CDN_BLOCK = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)

# MathJax 3 settings equivalent to nbconvert's MathJax 2 ones ($...$, \(...\), AMS numbering).
_CONFIG = """<script>
window.MathJax = {
  tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']],
        displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']],
        processEscapes: true, processEnvironments: true, tags: 'ams'},
  svg: {fontCache: 'global'},
  options: {skipHtmlTags: ['script', 'noscript', 'style', 'textarea', 'pre', 'code']}
};
</script>"""


#: CSS for tables in feedback pages: the results table and any table a notebook prints.
TABLE_STYLE = """<style>
.rendered_html table {border-collapse: collapse; margin: 0.5em 0; font-size: 0.95em;}
.rendered_html th, .rendered_html td {padding: 0.3em 0.8em; text-align: left;
  vertical-align: top; border-bottom: 1px solid #ddd;}
.rendered_html th {border-bottom: 2px solid #888; font-weight: bold;}
</style>"""

SUMMARY_CELL_ID = "mml-feedback-summary"


class MultilineMessages(NbGraderPreprocessor):
    """Show each message of the results table on its own lines, as the student's test cell did.

    Runs after ``FeedbackSummary``: in the summary cell, each message written on one line is
    replaced by the same text with ``<br>`` where the message had line breaks.
    """

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        summary = next((c for c in nb.cells if c.get("id") == SUMMARY_CELL_ID), None)
        if summary is None:
            return nb, resources
        for cell in nb.cells:
            message = student_message(cell).replace("|", "\\|") if is_test(cell) else ""
            if "\n" in message.strip():
                lines = [line for line in message.strip().split("\n") if line.strip()]
                summary.source = summary.source.replace(
                    message.replace("\n", " "), "<br>".join(lines), 1
                )
        return nb, resources


class MathJaxMissing(RuntimeError):
    """The ``django-static-mathjax`` package is not installed."""


def mathjax_file() -> Path:
    """Path of the MathJax 3 ``tex-svg.js`` bundle installed with the course.

    Raises
    ------
    MathJaxMissing
        If the package that ships it is not installed.
    """
    spec = importlib.util.find_spec("mathjax")
    origin = Path(spec.origin).parent if spec and spec.origin else None
    path = origin / "static" / "mathjax" / "es5" / "tex-svg.js" if origin else None
    if path is None or not path.is_file():
        raise MathJaxMissing(
            "MathJax for offline feedback is missing: run `make` again or "
            "`.venv/bin/pip install -r requirements.txt -c constraints.txt`."
        )
    return path


@lru_cache(maxsize=1)
def mathjax_html() -> str:
    """The ``<script>`` elements that configure and load MathJax 3 inline, with no URL."""
    code = mathjax_file().read_text(encoding="utf-8")
    if "</script" in code.lower():  # would end the inline element early
        raise ValueError(f"{mathjax_file()} cannot be inlined: it contains '</script'")
    return f"{_CONFIG}\n<script>/* MathJax 3 tex-svg, shipped with the course */\n{code}\n</script>"


def offline(html: str) -> str:
    """Replace nbconvert's CDN MathJax block of ``html`` by the inline, local MathJax."""
    return _CDN_BLOCK.sub(lambda _: TABLE_STYLE + "\n" + mathjax_html(), html, count=1)


class OfflineHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter whose pages load MathJax from themselves, never a CDN."""

    def from_notebook_node(
        self, nb: Any, resources: dict | None = None, **kw: Any
    ) -> tuple[str, dict]:
        output, resources = super().from_notebook_node(nb, resources, **kw)
        return offline(output), resources


def template_dir(root: Path) -> Path:
    """Write a ``JUPYTER_PATH`` folder whose nbconvert ``mathjax`` macro is the local MathJax.

    Parameters
    ----------
    root : Path
        The course directory; the folder is ``root/.mml/jupyter`` (generated, not committed).

    Returns
    -------
    Path
        The folder to put first on ``JUPYTER_PATH``.
    """
    folder = root / ".mml" / "jupyter"
    macro = folder / "nbconvert" / "templates" / "base" / "mathjax.html.j2"
    macro.parent.mkdir(parents=True, exist_ok=True)
    text = ("{%- macro mathjax(url=None) -%}\n{% raw %}" + mathjax_html()
            + "{% endraw %}\n{%- endmacro %}\n")
    if not macro.exists() or macro.read_text(encoding="utf-8") != text:
        macro.write_text(text, encoding="utf-8")
    return folder


def lab_env(root: Path) -> dict[str, str]:
    """Environment for an instructor's JupyterLab: local MathJax first on ``JUPYTER_PATH``."""
    env = dict(os.environ)
    paths = [str(template_dir(root))] + [p for p in env.get("JUPYTER_PATH", "").split(":") if p]
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    env.pop("MPLBACKEND", None)
    return env
