"""The trusted test runner and its data-only channel, without a kernel.

The "kernel" here is a namespace in this process answered by :func:`mml.grading.wire.serve`,
exactly what the real kernel runs; the trusted process is real (``python -m
mml.grading.trusted``). The sandboxed end-to-end runs are in ``test_adversarial.py`` and the
harness (``test_assignments.py``).
"""

from __future__ import annotations

import base64
import io
import json
import linecache
import time

import nbformat
import numpy as np
import pytest

from mml.grading import wire
from mml.grading.cells import HIDDEN_BEGIN, HIDDEN_END
from mml.grading.trusted import PlannedCell, TrustedTests, split_hidden, trusted_plan

GIVEN = '''
import numpy as np
from mml import checks

class MatrixIsSingular(Exception):
    pass

def reset(seed):
    global W
    W = np.random.default_rng(seed).normal(size=(2, 2))
'''

STUDENT = '''
import numpy as np

class MatrixIsSingular(Exception):
    pass

W = np.zeros((2, 2))

def double(A):
    A *= 2
    return A

def singular(A):
    raise MatrixIsSingular("no pivot")

def times_w(x):
    return W @ x

def grad(f, x, h):
    x = np.asarray(x, dtype=float)
    out = np.zeros_like(x)
    for i in range(len(x)):
        e = np.zeros_like(x)
        e[i] = h
        out[i] = (f(x + e) - f(x - e)) / (2 * h)
    return out

def returns_function():
    return print

L = np.array([[0.0, 1.0], [1.0, 0.0]])
'''


def grade(given: str, tests: list[str], student: str = STUDENT) -> dict[int, dict]:
    """Run ``tests`` after ``given`` in the trusted process against a namespace ``student``."""
    plan = [PlannedCell("given", given, 0)]
    plan += [PlannedCell("test", source, i + 1) for i, source in enumerate(tests)]
    return run(TrustedTests(plan=plan, test_cells={i + 1: f"t{i}" for i in range(len(tests))}),
               student)


def run(runner: TrustedTests, student: str) -> dict[int, dict]:
    """Run ``runner``'s plan in the trusted process against a namespace ``student``."""
    namespace: dict = {}
    # like a kernel's cells, the student's source is in linecache
    linecache.cache["<student>"] = (len(student), None, student.splitlines(True), "<student>")
    exec(compile(student, "<student>", "exec"), namespace)  # noqa: S102 - the test's "student"

    def kernel(text: str, deadline: float, callback):  # noqa: ANN001, ANN202
        def ask(prompt: str) -> str:
            return callback(prompt[len(wire.CALLBACK_PROMPT):])

        return wire.serve(text, namespace, ask), None

    runner.start()
    try:
        return runner.run(kernel, 60)
    finally:
        runner.stop()


def message(result: dict) -> str:
    return " ".join(f"{o.get('ename')}: {o.get('evalue')}" for o in result["outputs"]
                    if o["output_type"] == "error")


def test_values_cross_and_come_back_checked() -> None:
    value = [1, 2.5, True, None, "x", 1 + 2j, np.arange(3.0), np.float64(2), (1, 2),
             {"a": np.eye(2), (1, 2): [3]}, np.bool_(True), np.arange(6).reshape(2, 3).T]
    back = wire.decode(wire.from_text(wire.to_text({"v": wire.encode(value)}), 1 << 20)["v"])
    assert back[:6] == value[:6] and back[8] == (1, 2) and back[10] is np.True_
    np.testing.assert_array_equal(back[11], value[11])
    assert isinstance(back[7], np.float64) and back[6].flags.writeable  # in place works


@pytest.mark.parametrize("bad", [
    np.array([object()]), np.array(["text"]), print, object(), [[[[]]]] * 0 + [1, {1: object()}],
])
def test_only_plain_data_is_encoded(bad: object) -> None:
    with pytest.raises(wire.WireError):
        wire.encode(bad)


def test_pickles_unknown_tags_and_deep_nesting_are_refused() -> None:
    buffer = io.BytesIO()
    np.save(buffer, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    pickled = base64.b64encode(buffer.getvalue()).decode()
    deep: object = 1
    for _ in range(wire.MAX_DEPTH + 5):
        deep = [deep]
    eight = base64.b64encode(bytes(8)).decode()
    malformed = [["|O8", [1], eight], ["|V8", [1], eight], ["<f8", [2], eight],
                 ["<f8", [-1], eight], ["<f8", [True], eight], ["(2,)<f8", [], eight]]
    for tree in ({"a": pickled}, {"x": 1}, {"f": "print"}, {"k": 0}, deep, {"c": ["1", 2]},
                 *({"a": body} for body in malformed), {"s": ["<f8", [1], eight]}):
        with pytest.raises(wire.WireError):
            wire.decode(tree)
    with pytest.raises(wire.WireError):
        wire.from_text(wire.to_text({"a": "b" * 100}), 50)


def test_split_hidden_separates_the_hidden_part() -> None:
    source = "a = 1\n### BEGIN HIDDEN TESTS\nb = 2\n### END HIDDEN TESTS\nc = 3"
    assert split_hidden(source, (HIDDEN_BEGIN, HIDDEN_END)) == [
        (False, "a = 1"), (True, "b = 2"), (False, "c = 3")]


def test_calls_run_in_the_kernel_and_results_are_checked_here() -> None:
    results = grade(GIVEN, [
        # in place: the argument comes back changed
        "A = np.ones((2, 2))\nB = double(A)\nchecks.check_close(A, 2 * np.ones((2, 2)), 'A')\n"
        "checks.check_close(B, A, 'B')",
        # the exception class of the given code, by name
        "checks.check_raises(singular, [np.eye(2)], MatrixIsSingular, 'singular')",
        # a given global changed by the test is sent before the call
        "reset(3)\nchecks.check_close(times_w(np.ones(2)), W @ np.ones(2), 'times_w')",
        # a function of the test is called back, never sent
        "g = grad(lambda v: v[0] ** 2 + 3 * v[1], [1.0, 2.0], 1e-4)\n"
        "checks.check_close(g, [2.0, 3.0], 'grad', rtol=1e-6)",
        # data of the notebook is fetched
        "checks.check_close(L @ [1.0, 2.0], [2.0, 1.0], 'L')",
    ])
    assert [r["status"] for r in results.values()] == ["pass"] * 5, results


def test_failures_name_what_failed_and_hidden_ones_say_only_the_label() -> None:
    results = grade(GIVEN, [
        "checks.check_close(double(np.ones(2)), [3.0, 3.0], 'double(ones)', hint='times 3')",
        "returns_function()",
        "undefined_name(1)",
        "### BEGIN HIDDEN TESTS\nchecks.check_close(double(np.array([7.5])), [1.0], "
        "'double(secret)', hint='think')\n### END HIDDEN TESTS",
        # a later visible test runs before any hidden part: the answer cannot hand back hidden
        # inputs as its result
        "checks.check_close(remember(np.array([1.25])), [0.0], 'remember(later)')",
    ], student=STUDENT + "\nSEEN = []\ndef remember(x):\n    SEEN.append(x)\n    return SEEN\n"
       "def double(A):\n    remember(A)\n    A *= 2\n    return A\n")
    visible, function, missing, hidden, later = (results[i] for i in range(1, 6))
    assert visible["status"] == "fail" and "double(ones)" in message(visible)
    assert "returned a builtin_function_or_method" in message(function)
    assert "NameError" in message(missing)
    assert "15" not in message(hidden) and "7.5" not in message(hidden)
    assert "double(secret)" in message(hidden) and "think" in message(hidden)
    assert "remember(later)" in message(later) and "7.5" not in message(later)


def test_a_student_error_keeps_its_name_and_message() -> None:
    results = grade(GIVEN, ["singular(np.eye(2))"], student=STUDENT.replace(
        "class MatrixIsSingular", "class OwnError(Exception):\n    pass\n\nclass Unused"
    ).replace("raise MatrixIsSingular", "raise OwnError"))
    assert message(results[1]).startswith("OwnError: no pivot\n  at line ")


def test_a_hidden_failure_does_not_show_the_name_of_a_student_error() -> None:
    """A class the student's code names after the hidden inputs is not shown (a builtin is)."""
    results = grade(GIVEN, [
        "### BEGIN HIDDEN TESTS\nchecks.check_close(spell(np.array([7.5])), [1.0], 'spell')\n"
        "### END HIDDEN TESTS",
        "### BEGIN HIDDEN TESTS\nchecks.check_close(double(None), [1.0], 'double')\n"
        "### END HIDDEN TESTS",
    ], student=STUDENT + "\ndef spell(x):\n"
       "    raise type(f'Input_{int(x[0] * 10)}', (Exception,), {})('75')\n")
    assert "75" not in message(results[1]) and "Input" not in message(results[1])
    assert "(spell raised StudentError)" in message(results[1])
    assert "(double raised TypeError)" in message(results[2])


def test_a_name_trusted_code_binds_never_comes_from_the_notebook() -> None:
    """A given cell the submission moved after a test, a name a failed test did not bind: the
    student's own ``helper`` and ``reference`` do not stand in for them (the tests fail)."""
    def cell(source: str, **nbgrader: object) -> nbformat.NotebookNode:
        made = nbformat.v4.new_code_cell(source)
        made.metadata["nbgrader"] = {"grade": False, "solution": False, **nbgrader}
        return made

    test = {"grade": True, "locked": True, "points": 1}
    nb = nbformat.v4.new_notebook(cells=[
        cell("from mml import checks", locked=True, grade_id="setup"),
        cell("checks.check_true(helper(2) == 4, 'helper(2) is 4')\nreference = 2.0",
             grade_id="t_helper", **test),
        cell("checks.check_close(reference, 2.0, 'reference')", grade_id="t_reference", **test),
        cell("def helper(x):\n    return x + 1", locked=True, grade_id="given"),
    ])
    runner = trusted_plan(nb, {})
    assert runner is not None and {"helper", "reference"} <= set(runner.trusted_names)
    results = run(runner, "def helper(x):\n    return 4\n\nreference = 2.0\n")
    assert "NameError: name 'helper'" in message(results[1])
    assert "NameError: name 'reference'" in message(results[2])


def test_a_call_that_runs_out_of_time_fails_only_its_test() -> None:
    """The kernel's call took the whole budget of the test: that test fails with a timeout, the
    next one is still run."""
    namespace: dict = {}
    exec(compile(STUDENT, "<student>", "exec"), namespace)  # noqa: S102 - the test's "student"

    def kernel(text: str, deadline: float, callback):  # noqa: ANN001, ANN202
        if wire.from_text(text, 1 << 20).get("name") == "times_w":
            time.sleep(max(0.0, deadline - time.monotonic()))
            return None, ["Timeout", "did not finish within 10 s"]
        return wire.serve(text, namespace), None

    tests = ["times_w(np.ones(2))", "checks.check_close(double(np.ones(1)), [2.0], 'double')"]
    plan = [PlannedCell("given", GIVEN, 0)]
    plan += [PlannedCell("test", source, i + 1) for i, source in enumerate(tests)]
    runner = TrustedTests(plan=plan, test_cells={1: "t0", 2: "t1"})
    runner.start()
    try:
        results = runner.run(kernel, 10)
    finally:
        runner.stop()
    assert "TimeoutError: times_w did not finish within 10 s" in message(results[1])
    assert results[2]["status"] == "pass", results[2]


def test_the_reply_of_a_kernel_is_only_data() -> None:
    forged = wire.to_text({"ok": True, "value": {"k": 0}})
    with pytest.raises(wire.WireError):
        wire.decode(json.loads(base64.b64decode(forged))["value"])


def test_checks_call_names_the_line_of_the_student_function() -> None:
    results = grade(GIVEN, ["checks.call(singular, np.eye(2))"])
    text = message(results[1])
    assert "singular" in text and "MatrixIsSingular" in text and "no pivot" in text
    assert 'raise MatrixIsSingular("no pivot")' in text


def test_hidden_lines_inside_a_block_make_the_whole_cell_hidden() -> None:
    source = ("for x in [1.0, 2.0]:\n    checks.check_close(double(np.array([x])), [2 * x], 'ok')\n"
              "### BEGIN HIDDEN TESTS\n    checks.check_close(double(np.array([x])), [0.0], "
              "'double(secret)')\n### END HIDDEN TESTS")
    result = grade(GIVEN, [source])[1]
    assert result["status"] == "fail" and "a hidden test failed: double(secret)" in message(result)
