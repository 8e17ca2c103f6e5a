"""Answer files and submission building (mml.authoring.submissions), and the feedback
preprocessors."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from mml.authoring import notebooks, submissions
from mml.grading import cells, nbgrader_ext

SOURCE = """# %% [markdown] id=title
# # T
# %% id=setup locked
from mml import checks
# %% solution id=f
def f(x):
    ### BEGIN SOLUTION
    return 2 * x
    ### END SOLUTION
# %% test id=test_f points=1
checks.check_close(f(1), 2)
### BEGIN HIDDEN TESTS
checks.check_close(f(3), 6, "f(3)")
### END HIDDEN TESTS
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_answer_file_is_parsed(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.py", '"""Adds one."""\n# fails: test_f, test_g\n# %% f\n'
                  "def f(x):\n    return x + 1\n")
    answer = submissions.parse_answer_file(path)
    assert answer.description == "Adds one."
    assert answer.fails == ("test_f", "test_g") and not answer.is_right
    assert answer.cells == {"f": "def f(x):\n    return x + 1"}


def test_hidden_only_and_original_headers(tmp_path: Path) -> None:
    (tmp_path / "wrong").mkdir()
    (tmp_path / "original").mkdir()
    path = _write(tmp_path / "wrong", "a.py", '"""Hard-codes 3."""\n# fails: test_f\n'
                  "# hidden-only: the visible example has 3 rows\n# %% f\ndef f(x):\n"
                  "    # message: not a header inside a section\n    return 3\n")
    answer = submissions.parse_answer_file(path)
    assert answer.kind == "wrong" and answer.hidden_only == "the visible example has 3 rows"
    assert answer.message == ""
    path = _write(tmp_path / "original", "b.py", '"""Returns three values."""\n'
                  "# fails: test_f\n# message: returns (Xbar, mean)\n# %% f\npass\n")
    answer = submissions.parse_answer_file(path)
    assert answer.kind == "original" and answer.message == "returns (Xbar, mean)"
    path = _write(tmp_path / "original", "c.py", '"""Loses marks."""\n# fails: test_f\n'
                  "# %% f\npass\n")
    with pytest.raises(ValueError, match="# message:"):
        submissions.parse_answer_file(path)


@pytest.mark.parametrize(("text", "problem"), [
    ("# fails: none\n# %% f\npass\n", "docstring"),
    ('"""d"""\n# %% f\npass\n', "fails"),
    ('"""d"""\n# fails: none\n', "section"),
    ('"""d"""\n# fails: none\n# %% f\ndef (\n', "not valid Python"),
])
def test_malformed_answer_files_are_rejected(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        submissions.parse_answer_file(_write(tmp_path, "bad.py", text))


def test_submissions_fill_answer_cells() -> None:
    source = notebooks.build(notebooks.parse_text(SOURCE))
    release = nbformat.from_dict(source)  # stands in for nbgrader's release here
    ref = submissions.reference_submission(source, release)
    answer_cell = next(c for c in ref.cells if cells.is_solution(c))
    assert answer_cell.source == "def f(x):\n    return 2 * x"
    with pytest.raises(KeyError):
        submissions.fill_answers(release, {"nope": "pass"})


def test_hide_hidden_replaces_the_block_and_keeps_the_rest() -> None:
    cell = notebooks.build(notebooks.parse_text(SOURCE)).cells[3]
    hidden = nbgrader_ext.hide_hidden(cell.source)
    assert "f(3)" not in hidden and "checks.check_close(f(1), 2)" in hidden
    assert "hidden tests run here" in hidden


def test_feedback_preprocessors_strip_tracebacks_and_summarise() -> None:
    nb = notebooks.build(notebooks.parse_text(SOURCE))
    test_cell = nb.cells[3]
    test_cell.outputs = [nbformat.v4.new_output(
        "error", ename="CheckFailed", evalue="f(3): has the wrong values",
        traceback=["\x1b[0;31mTraceback\x1b[0m", 'checks.check_close(f(3), 6, "f(3)")'],
    )]
    test_cell.metadata["nbgrader"]["score"] = 0
    nb, _ = nbgrader_ext.HideHiddenTests().preprocess(nb, {})
    assert test_cell.outputs[0]["traceback"] == ["CheckFailed: f(3): has the wrong values"]
    nb, _ = nbgrader_ext.FeedbackSummary().preprocess(nb, {})
    summary = nb.cells[0].source
    assert "`test_f` | fail | 0 / 1 | CheckFailed: f(3): has the wrong values" in summary


def test_stderr_is_relabelled() -> None:
    cell = nbformat.v4.new_code_cell("import warnings")
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="UserWarning: x")]
    cell, _ = nbgrader_ext.StderrIsNotFailure().preprocess_cell(cell, {}, 0)
    assert cell.outputs[0]["name"] == "stdout" and cell.outputs[0]["text"] == "UserWarning: x"
