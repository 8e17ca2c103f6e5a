"""The generic harness: every assignment and notebook in ``source/``, graded by real nbgrader.

a. ``release/`` is what ``nbgrader generate_assignment`` makes now;
b. source notebooks are clean with valid nbgrader metadata (``test_notebooks.py``);
c. the reference answers get full marks;        d. the untouched release gets zero;
e. no solution or hidden-test text reaches ``release/``;
f. each wrong answer loses exactly the tests it declares, and at least one of them is visible
   (the learner can see the mistake before submitting) unless the file says why it can only be
   hidden (``# hidden-only: <reason>``);
g. each right answer written differently keeps full marks;
h. each answer written for the original course (``original/``) keeps full marks or loses exactly
   its declared tests, the first of them (in notebook order) with a message containing the
   file's ``# message:`` phrase (later failures may follow from the same cause).
"""

from __future__ import annotations

import html
import json
import os
import re

import pytest
from harness import ANSWERS_DIR, all_answer_files, case_student, visible_tests

from mml.authoring import submissions
from mml.grading import cells, course
from mml.grading.nbgrader_ext import student_message

MIN_WRONG, MIN_RIGHT = 5, 3


# MML_ONLY=la-w4-mappings,pca-w4-pca restricts the run to some assignments (for authors).
ONLY = {a for a in os.environ.get("MML_ONLY", "").split(",") if a}
SELECTED = [a for a in course.assignments() if not ONLY or a in ONLY]


def _group(assignment: str, *values: str) -> pytest.param:
    return pytest.param(
        assignment, *values,
        id="/".join((assignment, *values)),
        marks=pytest.mark.xdist_group(assignment),
    )


# MML_MESSAGES=/tmp/messages.txt appends the failure messages of every answer file (for authors
# checking that hints match the mistakes that trigger them).
MESSAGES = os.environ.get("MML_MESSAGES", "")
NOTEBOOKS = [_group(a, nb) for a in SELECTED for nb in course.notebooks_of(a)]
ASSIGNMENTS = [_group(a) for a in SELECTED]
ANSWERS = [
    pytest.param(a, nb, ans, id=f"{a}/{nb}/{ans.name}", marks=pytest.mark.xdist_group(a))
    for a, nb, ans in all_answer_files()
    if a in SELECTED
]


def _tests_of(assignment: str, notebook: str) -> dict[str, float]:
    source = cells.read(course.REPO_ROOT / "source" / assignment / f"{notebook}.ipynb")
    return cells.test_points(source)


def _report(graded_assignment, student: str, notebook: str, grade_ids) -> str:
    """Why tests failed, from the autograded notebook, for a readable assertion message."""
    path = graded_assignment.autograded(student, notebook)
    if not path.exists():
        return f"(no autograded notebook for {student})"
    nb = cells.read(path)
    lines = [
        f"  {cells.grade_id(c)}: {student_message(c) or 'no error output'}"
        for c in nb.cells
        if cells.is_test(c) and cells.grade_id(c) in grade_ids
    ]
    return "\n".join(lines)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_is_generated(graded, assignment: str) -> None:
    """(a) the committed release equals a fresh generation, file for file."""
    fresh = graded(assignment).root / "release" / assignment
    committed = course.REPO_ROOT / "release" / assignment
    fresh_files = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    committed_files = sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    assert committed_files == fresh_files, "run `make release` to regenerate release/"
    for rel in fresh_files:
        if rel.suffix == ".ipynb":
            pair = [json.loads(p.read_text()) for p in (fresh / rel, committed / rel)]
            same = pair[0] == pair[1]
        else:
            same = (fresh / rel).read_bytes() == (committed / rel).read_bytes()
        assert same, f"release/{assignment}/{rel} is stale: run `make release`"


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_reference_gets_full_marks(graded, assignment: str, notebook: str) -> None:
    """(c) the reference solution scores every point; an ungraded notebook runs without error."""
    result = graded(assignment)
    scores = result.notebook_scores("reference", notebook)
    tests = _tests_of(assignment, notebook)
    assert set(scores) == set(tests)
    lost = [gid for gid, s in scores.items() if s.score < s.max_score]
    assert not lost, "reference lost marks:\n" + _report(result, "reference", notebook, lost)
    executed = cells.read(result.autograded("reference", notebook))
    errors = [
        c.id for c in executed.cells
        if any(o.get("output_type") == "error" for o in c.get("outputs", []))
    ]
    assert not errors, f"cells raised an error when the reference ran: {errors}"


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_untouched_release_gets_zero(graded, assignment: str, notebook: str) -> None:
    """(d) every graded test cell scores 0 for the untouched release."""
    scores = graded(assignment).notebook_scores("blank", notebook)
    assert set(scores) == set(_tests_of(assignment, notebook))
    scored = {gid: s.score for gid, s in scores.items() if s.score > 0}
    assert not scored, f"the untouched release scored points: {scored}"


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_release_hides_solutions_and_hidden_tests(graded, assignment: str, notebook: str) -> None:
    """(e) no marker, no solution line and no hidden-test line appears in the release."""
    source = cells.read(course.REPO_ROOT / "source" / assignment / f"{notebook}.ipynb")
    release_text = (course.REPO_ROOT / "release" / assignment / f"{notebook}.ipynb").read_text()
    release_sources = {
        line.strip() for c in cells.reads(release_text).cells for line in c.source.split("\n")
    }
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in release_text
    public, secret = set(), set()
    for cell in source.cells:
        cell_public, cell_secret = cells.split_secret(cell.source)
        public |= {line.strip() for line in cell_public}
        secret |= {line.strip() for line in cell_secret}
    leaked = sorted((secret - public - {""}) & release_sources)
    assert not leaked, f"solution or hidden-test lines found in release: {leaked[:5]}"


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_enough_answer_files(assignment: str, notebook: str) -> None:
    """Each graded notebook has at least 5 wrong and 3 right answer files, and every test cell
    is the target of at least one wrong answer (so no test is decoration)."""
    tests = _tests_of(assignment, notebook)
    if not tests:
        pytest.skip(f"{notebook} has no graded cells")
    answers = submissions.answer_files(ANSWERS_DIR, assignment, notebook)
    wrong = [a for a in answers if not a.is_right]
    right = [a for a in answers if a.is_right]
    assert len(wrong) >= MIN_WRONG, f"only {len(wrong)} wrong answers"
    assert len(right) >= MIN_RIGHT, f"only {len(right)} right answers"
    untargeted = set(tests) - {gid for a in wrong for gid in a.fails}
    assert not untargeted, f"no wrong answer fails these tests: {sorted(untargeted)}"
    unknown = {gid for a in wrong for gid in a.fails} - set(tests)
    assert not unknown, f"answer files name unknown tests: {sorted(unknown)}"


@pytest.mark.parametrize(("assignment", "notebook", "answer"), ANSWERS)
def test_wrong_answer_fails_a_visible_test(assignment: str, notebook: str, answer) -> None:
    """(f) a wrong answer declares at least one visible test, or why it can only be hidden."""
    if answer.kind != "wrong":
        pytest.skip("not a wrong answer")
    source = cells.read(course.REPO_ROOT / "source" / assignment / f"{notebook}.ipynb")
    visible = visible_tests(source)
    if answer.hidden_only:
        assert not set(answer.fails) & visible, (
            f"{answer.path.name} says '# hidden-only: {answer.hidden_only}' but declares the "
            f"visible tests {sorted(set(answer.fails) & visible)}: remove the hidden-only line"
        )
        return
    assert set(answer.fails) & visible, (
        f"{answer.path.name} ({answer.description}) fails only hidden tests "
        f"{sorted(answer.fails)}: the learner cannot see this mistake before submitting. Add a "
        f"visible test that shows it (visible tests here: {sorted(visible)}), or add a line "
        "'# hidden-only: <why no visible test can show it>' to the file"
    )


@pytest.mark.parametrize(("assignment", "notebook", "answer"), ANSWERS)
def test_answer_file(graded, assignment: str, notebook: str, answer) -> None:
    """(f, g, h) a wrong answer loses exactly its declared tests; a right answer loses nothing;
    an original answer's first failure carries its phrase."""
    result = graded(assignment)
    student = case_student(notebook, answer)
    scores = result.notebook_scores(student, notebook)
    assert set(scores) == set(_tests_of(assignment, notebook)), f"{student} was not graded"
    lost = {gid for gid, s in scores.items() if s.score < s.max_score}
    zeroed = {gid for gid, s in scores.items() if s.score == 0}
    expected = set(answer.fails)
    detail = _report(result, student, notebook, lost | expected)
    if MESSAGES and lost:  # for authors: the messages each answer file actually gets
        with open(MESSAGES, "a", encoding="utf-8") as out:
            out.write(f"== {assignment}/{notebook}/{answer.kind}/{answer.name}\n{detail}\n")
    assert lost == expected, (
        f"{answer.path.name} ({answer.description})\n"
        f"  should lose: {sorted(expected)}\n  lost:        {sorted(lost)}\n{detail}"
    )
    assert zeroed == expected, f"{answer.path.name}: a failed test must score 0"
    if answer.kind == "original" and expected:
        first = next(gid for gid in _tests_of(assignment, notebook) if gid in expected)
        message = _report(result, student, notebook, {first})
        assert answer.message in message, (
            f"original/{answer.path.name}: the message of {first}, its first failed test, "
            f"should contain {answer.message!r} (what the learner must change), got:\n{message}"
        )


@pytest.mark.parametrize(("assignment", "notebook"), NOTEBOOKS)
def test_feedback_hides_hidden_tests(graded, assignment: str, notebook: str) -> None:
    """Feedback HTML never contains a line of hidden-test code, for any student, and starts
    with the results table."""
    result = graded(assignment)
    source = cells.read(course.REPO_ROOT / "source" / assignment / f"{notebook}.ipynb")
    public = "\n".join(
        line.strip() for cell in source.cells for line in cells.split_secret(cell.source)[0]
    )
    hidden = {
        line.strip()
        for cell in source.cells if cells.is_test(cell)
        for line in cells.split_secret(cell.source)[1]
        if len(line.strip()) > 3 and line.strip() not in public  # visible code is no leak
    }
    submitted = result.root / "submitted"
    students = sorted(
        s for s in result.scores if (submitted / s / assignment / f"{notebook}.ipynb").exists()
    )
    assert students
    for student in students:
        page = result.feedback(student, notebook)
        assert page.exists(), f"no feedback for {student}"
        page_html = re.sub(r"<(script|style)\b.*?</\1>", "", page.read_text(encoding="utf-8"),
                           flags=re.S | re.I)  # the page's own code (MathJax): not notebook text
        text = html.unescape(re.sub(r"<[^>]+>", "", page_html))
        leaked = sorted(line for line in hidden if line in text)
        assert not leaked, f"{student}'s feedback shows hidden-test code: {leaked[:3]}"
        if cells.test_points(source):
            assert "Your results" in text
